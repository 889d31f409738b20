import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import type { Article } from '../core/article.js';
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

const bareText = (name: string): Article => toArticle(raw(fixture(name), 'text', { source: { path: `in/${name}` } }));

test('a crawler date glued to the lead, then an aggregator fragment and a dateline, become metadata, not body', () => {
  const a = bareText('crawler-glued.txt');
  assert.equal(a.meta.published, '2025-07-04');
  assert.equal(a.meta.outlet, 'Daily Ledger');
  assert.equal(a.meta.outletGuessed, undefined);
  assert.equal(a.meta.dateline, 'KYIV');
  assert.ok(a.text.startsWith('Officials in the fictional port of Sorrel Bay said'), a.text.slice(0, 60));
  assert.ok(!/date 2025|NEWSWIRE|Daily Ledger\)/.test(a.text));
  assert.ok(a.diagnostics.some((d) => d.rule === 'relayed-by-aggregator'));
});

test('junk lines of a scraped dump are removed with their reason and the story is kept whole', () => {
  const a = bareText('crawler-glued.txt');
  const reasonOf = new Map(a.removed.map((r) => [r.text, r.reason]));
  assert.equal(reasonOf.get('Login'), 'login-prompt');
  assert.equal(reasonOf.get('Stocks  Bonds  Commodities  Currencies'), 'navigation');
  assert.equal(reasonOf.get('Mira Tal / Reuters'), 'photo-credit');
  assert.equal(reasonOf.get('Published by Daily Ledger'), 'published-by');
  assert.equal(reasonOf.get('Harbour Council Approves New Crane Contract'), 'headline-list');
  assert.equal(reasonOf.get('Copyright 2025 Daily Ledger. All rights reserved.'), 'copyright');
  assert.ok(a.removed.some((r) => r.reason === 'related-link'));
  assert.equal(a.text.split('\n').length, 4, a.text);
  assert.ok(a.text.includes('"We heard the engine for a minute before the blast," Vehn told reporters'));
});

test('a masthead line gives the outlet (its host) and is not taken for the title', () => {
  const a = bareText('masthead.txt');
  assert.equal(a.meta.outlet, 'Noticias.eu');
  assert.equal(a.meta.provenance['outlet'], 'masthead');
  assert.equal(a.meta.dateline, 'BERLIN/PARIS');
  assert.ok(a.text.startsWith('Ministers of the two fictional coastal states'));
  assert.ok(a.meta.title?.startsWith('Ministers of the two'), String(a.meta.title));
});

test('a bare dump with no outlet gets the file stem, marked guessed, and a title cut from its first sentence', () => {
  const a = bareText('wire-dateline.txt');
  assert.equal(a.meta.dateline, 'Lagos, May 2');
  assert.deepEqual(a.meta.credits, ['AFP']);
  assert.equal(a.meta.outlet, 'wire-dateline');
  assert.equal(a.meta.outletGuessed, true);
  assert.equal(a.meta.provenance['outlet'], 'file-stem');
  assert.ok(a.diagnostics.some((d) => d.rule === 'outlet-guessed' && d.severity === 'info'));
  assert.equal(a.status, 'ok');
  const title = a.meta.title ?? '';
  assert.ok(title.startsWith('The governor of the fictional Ember State') && title.length <= 121 && title.endsWith('…'), title);
});

test('the host of the URL is the guessed outlet before the file stem', () => {
  const a = toArticle(raw('The council met on Tuesday to approve the budget.\n\nIt passed by four votes.', 'text', { hints: { url: 'https://www.sorrel-bay-times.example/news/1' } }));
  assert.equal(a.meta.outlet, 'sorrel-bay-times.example');
  assert.equal(a.meta.outletGuessed, true);
  assert.equal(a.meta.provenance['outlet'], 'host');
});

test('a lead paragraph after the date is never the outlet; a sentence-shaped outlet candidate is rejected with a diagnostic', () => {
  const glued = toArticle(raw('date 2025-07-04 Officials in Sorrel Bay said on Thursday that the port would reopen.\n\nThe mayor agreed.'));
  assert.equal(glued.meta.published, '2025-07-04');
  assert.notEqual(glued.meta.outlet, 'Officials in Sorrel Bay said on Thursday that the port would reopen.');
  assert.equal(glued.meta.outletGuessed, true);
  assert.ok(glued.text.startsWith('Officials in Sorrel Bay said'));
  const hinted = toArticle(raw('The port reopened.\n\nShips queued.', 'text', { hints: { outlet: 'The port authority said on Thursday that ships may dock again' } }));
  assert.equal(hinted.meta.outletGuessed, true);
  assert.ok(hinted.diagnostics.some((d) => d.rule === 'outlet-not-a-name'));
});

test('a short first line of a header-less dump is its title and leaves the body; a repeated title leaves the body too', () => {
  const a = toArticle(raw('Ferry Strike Ends In Valmore\nFerry Strike Ends In Valmore\nCrews returned to work on Monday, the union said.\nThe first crossing left at dawn.'));
  assert.equal(a.meta.title, 'Ferry Strike Ends In Valmore');
  assert.equal(a.meta.provenance['title'], 'first-line');
  assert.ok(a.text.startsWith('Crews returned to work'));
  assert.ok(a.removed.some((r) => r.reason === 'duplicate-title'));
});

test('the copyright holder and a posted-date line are read before guessing', () => {
  const a = toArticle(raw('Posted: Sunday, March 29th 2026 at 9:17pm\n\nCrews returned to work on Monday, the union said.\n\nCopyright 2026 KVLM. All rights reserved.'));
  assert.equal(a.meta.outlet, 'KVLM');
  assert.equal(a.meta.provenance['outlet'], 'copyright-line');
  assert.equal(a.meta.published, '2026-03-29T21:17');
  assert.equal(a.meta.provenance['published'], 'timestamp-line');
  const wire = toArticle(raw('Crews returned to work on Monday, the union said.\n\nCopyright 2026 The Associated Press. All rights reserved.'));
  assert.deepEqual(wire.meta.credits, ['AP']);
  assert.equal(wire.meta.outletGuessed, true);
});

test('regression: a one-sentence lead whose first sentence became the title stays in the body', () => {
  const a = toArticle(raw('Officials in Sorrel Bay said on Thursday that the port would reopen.\n\nThe mayor agreed.'));
  assert.equal(a.meta.provenance['title'], 'lead-sentence');
  assert.ok(a.text.startsWith('Officials in Sorrel Bay said'), a.text);
});

test('a header title loses its site suffix (a host, or the outlet named in the header)', () => {
  const a = toArticle(raw('Date: 2026-03-14\n\nSource: harbor-courier.example\n\nFerry strike ends - Harbor-Courier.example | Valmore | News, Weather\n\nCrews returned to work on Monday, the union said.'));
  assert.equal(a.meta.title, 'Ferry strike ends');
  assert.equal(a.meta.outlet, 'harbor-courier.example');
  const b = toArticle(raw('Ferry strike ends | Harbor-Courier.example\n\nCrews returned to work on Monday, the union said.'));
  assert.equal(b.meta.title, 'Ferry strike ends');
  assert.equal(b.meta.outlet, 'Harbor-Courier.example');
  assert.equal(b.meta.provenance['outlet'], 'title-suffix');
  const c = toArticle(raw('Date: 2026-03-14\n\nSource: harbor-courier.example\n\nPolice: Ferry - and port - reopen\n\nCrews returned to work on Monday, the union said.'));
  assert.equal(c.meta.title, 'Police: Ferry - and port - reopen');
});

test('a text dump keeps real paragraphs that use widget words (share, follow, newsletter, photo, inbox, related, updated, more stories)', () => {
  const story = [
    'Date: 2026-03-02',
    '',
    'Source: harbor-courier.example',
    '',
    'Ferry crew walks out in Valmore',
    '',
    'Ferry crews walked out in Valmore on Monday after the operator cut night-shift pay, stranding about 900 commuters.',
    '',
    'Union leader Teodor Brask said members would share their proposal with the ministry and follow the talks closely.',
    '',
    'The operator said it had updated its timetable on Sunday and sent the new rota to every worker\'s inbox before the vote.',
    '',
    'A photo of the empty quay, posted by a commuter, was shared more than 4,000 times, the Harbor Courier reported.',
    '',
    'More stories of delayed commuters came in through the day, and the council said it was related to the pay dispute.',
    '',
    'The operator\'s newsletter, which goes to 12,000 residents, printed the wrong date for the talks, a spokeswoman said.',
    '',
    'Ana Ruiz is a nurse at Valmore General who said she had slept at the hospital twice this week.',
  ].join('\n');
  const a = toArticle(raw(story));
  const paragraphs = a.text.split('\n');
  for (const expected of story.split('\n').slice(6).filter(Boolean)) assert.ok(paragraphs.includes(expected), `kept: ${expected}`);
  assert.deepEqual(a.removed.filter((r) => r.reason !== 'duplicate-title'), []);
});
