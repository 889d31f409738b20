import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULT_EXTRACTION_OPTIONS, extractHtml } from './extract-html.js';

const fixture = readFileSync(new URL('./fixtures/page.html', import.meta.url), 'utf8');
const para = (i: number): string =>
  `<p>Paragraph ${i} of the story: the district council of Sorrel Bay said on Tuesday that repairs to the river bridge, closed since a barge struck it, would cost more than planned.</p>`;

test('a normal article page is extracted by the confident density step, without nav, share bar, caption or footer', () => {
  const r = extractHtml(fixture, 'https://lantern.example/2026/02/03/bridge');
  assert.equal(r.extractedBy, 'density');
  assert.deepEqual(r.doubts, []);
  assert.ok(r.text.includes('reopened to traffic on Tuesday'));
  assert.ok(!/Share on Facebook|Barge strikes bridge pier|All rights reserved|Photo: Lantern Gazette/.test(r.text));
  assert.ok(!r.text.includes('\n\n'), 'paragraphs are separated by a single newline');
  assert.equal(r.metadata.published?.value, '2026-02-03T09:15+01:00');
  assert.equal(r.metadata.outlet?.from, 'meta:og:site_name');
});

test('a JSON-LD articleBody is used when readability finds nothing', () => {
  const body = 'The ferry strike in Valmore ended on Sunday after the ministry brokered a deal. '.repeat(8);
  const html = `<html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody: body })}</script></head><body><div id="app"></div></body></html>`;
  const r = extractHtml(html);
  assert.equal(r.extractedBy, 'structured-data');
  assert.ok(r.text.startsWith('The ferry strike in Valmore ended'));
});

test('the same page read by readability alone (density never confident) keeps the story and drops the furniture', () => {
  const r = extractHtml(fixture, 'https://lantern.example/2026/02/03/bridge', { ...DEFAULT_EXTRACTION_OPTIONS, minConfidentChars: Infinity });
  assert.equal(r.extractedBy, 'readability');
  assert.ok(r.text.includes('reopened to traffic on Tuesday'));
  assert.ok(!/Share on Facebook|Barge strikes bridge pier|All rights reserved|Photo: Lantern Gazette/.test(r.text));
});

test('a story split into two equally dense blocks is doubtful for the density step and goes to readability', () => {
  const block = (from: number): string => `<div class="c${from}"><p>x</p>${[from, from + 1, from + 2].map(para).join('')}</div>`;
  const html = `<html><body><main><div class="part">${block(1)}<aside class="ad">Advertisement</aside></div><div class="mid"><div class="part">${block(4)}</div></div></main></body></html>`;
  const r = extractHtml(html);
  assert.equal(r.extractedBy, 'readability');
  assert.deepEqual(r.doubts, ['rival']);
  assert.ok(r.text.includes('Paragraph 1 of the story'));
});

test('a doubtful density result is still used when readability is skipped and nothing else applies', () => {
  const html = `<html><body><div class="story-body">${para(1)}${para(2)}</div></body></html>`;
  const r = extractHtml(html, null, { ...DEFAULT_EXTRACTION_OPTIONS, maxReadabilityChars: 0 });
  assert.equal(r.extractedBy, 'density-doubtful');
  assert.deepEqual(r.doubts, ['short']);
  assert.ok(r.text.startsWith('Paragraph 1 of the story'));
});

test('pages too large for readability fall to the density step', () => {
  const html = `<html><body><nav><a href="/">Home</a></nav><div class="story-body">${[1, 2, 3, 4].map(para).join('')}</div><div class="related"><p>Other story that is not part of this article at all, promoted by the site.</p></div></body></html>`;
  const r = extractHtml(html, null, { ...DEFAULT_EXTRACTION_OPTIONS, maxReadabilityChars: 100 });
  assert.equal(r.extractedBy, 'density');
  assert.ok(r.text.includes('Paragraph 1 of the story') && r.text.includes('Paragraph 4 of the story'));
  assert.ok(!r.text.includes('Other story'));
});

test('a page with only a few short lines keeps its whole text and says so', () => {
  const r = extractHtml('<html><body><div>Closed today.</div><div>Back on Monday.</div></body></html>');
  assert.equal(r.extractedBy, 'whole-text');
  assert.equal(r.text, 'Closed today.\nBack on Monday.');
});

test('feed content without a page around it is taken whole; an empty page gives "none"', () => {
  const frag = extractHtml('<p>Ferry crews stayed off the job.</p><p>Talks resume Monday.</p>');
  assert.equal(frag.extractedBy, 'html-fragment');
  assert.equal(frag.text, 'Ferry crews stayed off the job.\nTalks resume Monday.');
  assert.equal(extractHtml('<html><body><script>var x = 1;</script></body></html>').extractedBy, 'none');
});

test('widget lines inside the extracted block are removed with reasons', () => {
  const html = `<html><body><article>${para(1)}<p>Advertisement</p>${para(2)}<p>Updated Nov 19, 2019 6:55 AM</p>${para(3)}<p>Sign up for our Morning Tide newsletter</p></article></body></html>`;
  const r = extractHtml(html);
  assert.deepEqual(
    r.removed.map((x) => x.reason),
    ['advertisement', 'timestamp', 'newsletter-prompt'],
  );
  assert.equal(r.text.split('\n').length, 3);
});

test('a "Posted" line removed from the story is the date of last resort, never an "Updated" one', () => {
  const html = `<html><body><article><p>Posted: Fri 6:45 PM, Feb 16, 2018</p><p>Updated: Sat 8:31 PM, Feb 17, 2018</p>${para(1)}${para(2)}${para(3)}</article></body></html>`;
  const r = extractHtml(html);
  assert.deepEqual(r.metadata.published, { value: '2018-02-16', from: 'page-timestamp' });
  const updatedOnly = extractHtml(html.replace(/<p>Posted[^<]*<\/p>/, ''));
  assert.equal(updatedOnly.metadata.published, null);
});

test('a "Posted:" stamp outside the story block still dates a page without date metadata', () => {
  const html = `<html><body><div class="top"><div class="meta"><span>Posted: Fri 6:45 PM, Feb 16, 2026 |</span><span>Updated: Sat 8:31 PM, Feb 17, 2026</span></div></div><main><div class="story-body">${[1, 2, 3, 4, 5, 6, 7, 8].map(para).join('')}</div></main></body></html>`;
  const r = extractHtml(html);
  assert.equal(r.extractedBy, 'density');
  assert.ok(!r.text.includes('Posted'));
  assert.deepEqual(r.metadata.published, { value: '2026-02-16', from: 'page-timestamp' });
});

test('a page of 50 000 unclosed nested elements is extracted without overflowing the stack', () => {
  const story = [1, 2, 3].map(para).join('');
  const r = extractHtml(`<html><body>${'<div>'.repeat(50_000)}${story}</body></html>`);
  assert.ok(r.text.includes('Paragraph 3 of the story'));
});

/** Reader letters: denser than the story (more, longer paragraphs with commas), in an unnamed block. */
const letter = (i: number): string =>
  `<p>Letter ${i}: I have lived in Orren, near the tannery, for forty years, and I think, frankly, that the council, the mayor and the owners, all of them, waited far too long to act on the smell, the dust and the noise.</p>`;

test('a denser block outside the element the page marks itemprop="articleBody" makes the density pick doubtful', () => {
  const story = `<div itemprop="articleBody">${para(1)}${para(2)}</div>`;
  const html = `<html><body><main>${story}<div class="thread">${[1, 2, 3, 4, 5, 6].map(letter).join('')}</div></main></body></html>`;
  const r = extractHtml(html, null, { ...DEFAULT_EXTRACTION_OPTIONS, maxReadabilityChars: 0 });
  assert.equal(r.extractedBy, 'density-doubtful');
  assert.ok(r.doubts.includes('declared-body'));
  const agreeing = extractHtml(html.replace('itemprop="articleBody"', '').replace('class="thread"', 'itemprop="articleBody"'), null, { ...DEFAULT_EXTRACTION_OPTIONS, maxReadabilityChars: 0 });
  assert.equal(agreeing.extractedBy, 'density');
});

test('a density pick that lacks most words of the JSON-LD articleBody is doubtful; a teaser body does not contradict it', () => {
  const body = 'The district council of Sorrel Bay said repairs to the river bridge would cost more than planned. '.repeat(5);
  const page = (ld: string): string =>
    `<html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody: ld })}</script></head><body><div class="thread">${[1, 2, 3, 4].map(letter).join('')}</div></body></html>`;
  const options = { ...DEFAULT_EXTRACTION_OPTIONS, maxReadabilityChars: 0 };
  const contradicted = extractHtml(page(body), null, options);
  assert.equal(contradicted.extractedBy, 'structured-data');
  assert.deepEqual(contradicted.doubts, ['structured-words']);
  const teaser = 'Letter writers in Orren say the council, the mayor and the owners waited too long to act on the tannery: the smell, the dust and the noise, for forty years. '.repeat(3);
  assert.equal(extractHtml(page(teaser), null, options).extractedBy, 'density');
});

test('a caption under an image in the story is removed with its reason', () => {
  const html = `<html><body><article>${para(1)}<img src="bridge.jpg" alt=""><em>The river bridge at dawn, seen from the quay</em>${para(2)}${para(3)}</article></body></html>`;
  const r = extractHtml(html);
  assert.equal(r.extractedBy, 'density');
  assert.ok(!r.text.includes('seen from the quay'));
  assert.deepEqual(r.removed.filter((x) => x.reason === 'image-caption').map((x) => x.text), ['The river bridge at dawn, seen from the quay']);
});
