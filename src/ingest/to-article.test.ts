import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import type { RawArticle } from '../core/raw-article.js';
import { textParagraphs, toArticle } from './to-article.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const raw = (body: string, format: 'text' | 'html' = 'text', extra: Partial<RawArticle> = {}): RawArticle => ({
  source: { path: 'in/story.txt' },
  format,
  body,
  hints: {},
  encoding: 'utf-8',
  diagnostics: [],
  ...extra,
});

test('a scraped text dump: header, dateline and credits become metadata, widgets go to removed', () => {
  const a = toArticle(raw(fixture('harbor-courier.txt')));
  assert.equal(a.meta.published, '2026-03-14T07:40');
  assert.equal(a.meta.outlet, 'The Harbor Courier');
  assert.equal(a.meta.title, 'Valmore ferry strike halts crossings for second day');
  assert.equal(a.meta.byline, 'Jane Doe');
  assert.equal(a.meta.dateline, 'VALMORE, March 14');
  assert.deepEqual(a.meta.credits, ['Reuters', 'AP']);
  assert.equal(a.meta.language, 'en');
  assert.equal(a.meta.provenance['published'], 'text-header');
  assert.ok(a.text.startsWith('Ferry crews in Valmore walked off the job'));
  assert.ok(!a.text.includes('VALMORE'), 'dateline is not body text');
  assert.ok(a.text.includes('follows talks that collapsed late on Thursday'), 'hard-wrapped line is joined');
  assert.equal(a.text.split('\n').length, 4);
  const reasons = a.removed.map((r) => r.reason);
  for (const r of ['navigation', 'share-widget', 'photo-credit', 'related-link', 'newsletter-prompt', 'duplicate-paragraph', 'ticker', 'tracking-token', 'credit-line']) {
    assert.ok(reasons.includes(r), `removed has ${r}`);
  }
  assert.equal(a.status, 'ok');
  assert.equal(a.extractedBy, 'plain-text');
});

test('id and contentHash derive from outlet, date, title and clean text and are deterministic', () => {
  const a = toArticle(raw(fixture('next-line-outlet.txt')));
  const b = toArticle(raw(fixture('next-line-outlet.txt')));
  assert.deepEqual(a, b);
  assert.match(a.contentHash, /^[0-9a-f]{64}$/);
  assert.equal(a.id, `a${a.contentHash.slice(0, 12)}`);
  assert.deepEqual(a.meta.credits, ['AP']);
  assert.equal(a.meta.dateline, 'KYIV');
  assert.equal(a.meta.published, '2026-03');
});

test('an HTML page: structured metadata with provenance, furniture and caption dropped', () => {
  const a = toArticle(raw(fixture('page.html'), 'html', { hints: { url: 'https://lantern.example/2026/02/03/bridge' } }));
  assert.equal(a.meta.title, 'Bridge reopens after repairs');
  assert.equal(a.meta.outlet, 'Lantern Gazette');
  assert.equal(a.meta.published, '2026-02-03T09:15+01:00');
  assert.equal(a.meta.provenance['published'], 'meta:article:published_time');
  assert.equal(a.meta.byline, 'Omar Vidal');
  assert.equal(a.meta.dateline, 'SORREL BAY, Feb 3');
  assert.deepEqual(a.meta.credits, ['Harbor Wire']);
  assert.ok(a.text.startsWith('The river bridge in Sorrel Bay reopened'));
  assert.ok(a.text.includes('compensation talks'));
  for (const junk of ['Share on Facebook', 'Barge strikes bridge pier', 'All rights reserved', 'Photo: Lantern Gazette']) assert.ok(!a.text.includes(junk), junk);
  assert.notEqual(a.extractedBy, 'whole-text');
});

test('container hints win over page metadata and junk byline hints are dropped', () => {
  const a = toArticle(raw(fixture('page.html'), 'html', { hints: { outlet: 'Wire Mirror', published: 'Tue, 03 Feb 2026 10:00:00 +0000', byline: 'Watermark feed' } }));
  assert.equal(a.meta.outlet, 'Wire Mirror');
  assert.equal(a.meta.provenance['outlet'], 'container');
  assert.equal(a.meta.published, '2026-02-03T10:00Z');
  assert.equal(a.meta.byline, 'Omar Vidal');
});

test('an article with no text left fails with an error naming the file', () => {
  const a = toArticle(raw('Share this article\nSign in\n'));
  assert.equal(a.status, 'failed');
  assert.equal(a.text, '');
  const err = a.diagnostics.find((d) => d.severity === 'error');
  assert.ok(err?.message.includes('story.txt'));
  assert.equal(a.removed.length, 2);
});

test('plain text: blank lines separate paragraphs, hard wraps are joined, sentence ends are kept', () => {
  assert.deepEqual(textParagraphs(['One line that wraps', 'onto the next.', 'New paragraph.', '', 'Third.']), [
    'One line that wraps onto the next.',
    'New paragraph.',
    'Third.',
  ]);
});

test('property: any text or markup gives a well-formed, deterministic article', () => {
  const piece = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.constantFrom('\n', '\n\n', '\r\n', 'By Jane Doe', 'date 2026-03-14 07:40 Harbor Courier', 'BERLIN, May 2 (Reuters) - ', '— Reuters', 'Share', '<p>', '</p>', '<script>', '<html><body>', '"', '\u00a0', '\u200b'),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 30 }), fc.constantFrom('text' as const, 'html' as const), (parts, format) => {
      const body = parts.join('');
      const a = toArticle(raw(body, format));
      assert.deepEqual(toArticle(raw(body, format)), a);
      assert.ok(!/[\r\t\u200b]/.test(a.text));
      assert.ok(!a.text.includes('\n\n'));
      assert.match(a.contentHash, /^[0-9a-f]{64}$/);
      assert.equal(a.status === 'failed', a.text === '');
    }),
    { numRuns: 300, seed: 11 },
  );
});

test('the same body from two outlets gives two articles; the same input twice gives one id', () => {
  const body = 'A fire tore through the ferry on Tuesday evening, officials said.\n';
  const raw = (outlet: string) => ({ source: { path: `${outlet}.txt` }, format: 'text' as const, body: `date 2026-03-11 ${outlet}\nFerry fire\n\n${body}`, hints: {}, encoding: 'utf-8', diagnostics: [] });
  const a = toArticle(raw('Nordwire'));
  const b = toArticle(raw('Coastal Daily Post'));
  assert.equal(a.text, b.text);
  assert.notEqual(a.id, b.id);
  assert.equal(toArticle(raw('Nordwire')).id, a.id);
});
