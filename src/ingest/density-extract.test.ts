import { test } from 'node:test';
import assert from 'node:assert/strict';
import { densityExtract, isFurnitureClass } from './density-extract.js';
import { parseHtml } from './html-dom.js';

const p = (i: number): string => `<p>Paragraph ${i}: officials in Orren said on Tuesday, after a long meeting, that the tannery site would close, and residents welcomed it.</p>`;

test('a layout wrapper with a widget-like class far above the story does not hide it', () => {
  const html = `<html><body><div class="page has-sidebar paywall"><div><div><main><div class="story">${[1, 2, 3].map(p).join('')}</div></main></div></div></div><aside class="sidebar">${p(9)}</aside></body></html>`;
  const r = densityExtract(parseHtml(html));
  assert.equal(r.paragraphs.length, 3);
  assert.ok(r.paragraphs[0]?.startsWith('Paragraph 1'));
});

test('a story split into sibling blocks is gathered whole', () => {
  const blocks = [1, 2, 3, 4, 5].map((i) => `<div class="article__block"><div class="block-text">${p(i)}</div></div>`).join('');
  const r = densityExtract(parseHtml(`<html><body><div class="article__content">${blocks}</div><div class="comments">${p(8)}</div></body></html>`));
  assert.deepEqual(r.paragraphs.map((x) => x.slice(0, 11)), ['Paragraph 1', 'Paragraph 2', 'Paragraph 3', 'Paragraph 4', 'Paragraph 5']);
});

test('text held directly in a div with <br> breaks counts as prose', () => {
  const r = densityExtract(parseHtml(`<html><body><div id="txt">First line of the report, with commas, and enough words to count as prose here.<br>Second line of the report, again long enough, with commas, to count as prose.</div></body></html>`));
  assert.equal(r.paragraphs.length, 2);
});

test('widget class names are furniture unless they also name an article part', () => {
  assert.ok(isFurnitureClass('share-bar'));
  assert.ok(isFurnitureClass('related-stories'));
  assert.ok(!isFurnitureClass('article-body'));
  assert.ok(!isFurnitureClass('comment-content story'));
});

test('links inside story paragraphs keep their text', () => {
  const linked = '<p>The council of Orren, <a href="/a">according to minutes seen by the Gazette</a>, voted on Tuesday to close the tannery site.</p>';
  const r = densityExtract(parseHtml(`<html><body><div class="story">${linked}${p(2)}${p(3)}</div></body></html>`));
  assert.ok(r.paragraphs[0]?.includes('according to minutes seen by the Gazette, voted'));
});

test('a second block as dense as the winner shows as a high rival share; a lone story has none', () => {
  const lone = densityExtract(parseHtml(`<html><body><div class="story">${[1, 2, 3].map(p).join('')}</div><div class="promo"><p>Subscribe now.</p></div></body></html>`));
  assert.equal(lone.rivalShare, 0);
  const split = densityExtract(parseHtml(`<html><body><div><div class="a">${[1, 2, 3].map(p).join('')}</div><aside>Ad</aside></div><section><div><div class="b">${[4, 5, 6].map(p).join('')}</div></div></section></body></html>`));
  assert.ok(split.rivalShare > 0.5, `rival share ${split.rivalShare}`);
});

test('a story cut into same-class chunks between ad rails is gathered in reading order, comments of the same class are not', () => {
  const chunk = (a: number): string => `<div class="grid"><div class="body__container">${[a, a + 1].map(p).join('')}</div><div class="ad-rail">Advertisement</div></div>`;
  const comments = `<div id="comments"><div class="body__container">${[7, 8].map(p).join('')}</div></div>`;
  const r = densityExtract(parseHtml(`<html><body><article><div class="chunks">${chunk(1)}${chunk(3)}${chunk(5)}</div>${comments}</article></body></html>`));
  assert.deepEqual(r.paragraphs.map((x) => x.slice(0, 11)), ['Paragraph 1', 'Paragraph 2', 'Paragraph 3', 'Paragraph 4', 'Paragraph 5', 'Paragraph 6']);
});

test('prose held in list items counts (stat notes written as a bulleted list)', () => {
  const li = (i: number): string => `<li>${p(i).replace(/<\/?p>/g, '')}</li>`;
  const r = densityExtract(parseHtml(`<html><body><div class="cookie-banner"><p>We use cookies, and other tracking technologies, to improve your experience.</p></div><div class="entry"><ul>${[1, 2, 3, 4].map(li).join('')}</ul></div></body></html>`));
  assert.ok(r.paragraphs.length >= 4 && r.paragraphs[0]?.startsWith('Paragraph 1'));
});

test('layout words (container, wrap, column) do not rescue a widget class; responsive or overflow "hidden" is not hiding', () => {
  assert.ok(isFurnitureClass('container___2y9U4 news emailSignup'));
  assert.ok(isFurnitureClass('sidebar-wrap'));
  assert.ok(!isFurnitureClass('col-md-8 hidden-xs'));
  assert.ok(!isFurnitureClass('box overflow-hidden'));
  assert.ok(isFurnitureClass('visually-hidden'));
  // an article's closing disclaimer ("The views expressed are the author's own") is part of its text
  assert.ok(!isFurnitureClass('b-disclaimer'));
});

test('the winner is checked against the itemprop="articleBody" marker', () => {
  const marked = densityExtract(parseHtml(`<html><body><div itemprop="articleBody"><div>${[1, 2, 3].map(p).join('')}</div></div></body></html>`));
  assert.equal(marked.declaredBody, 'agrees');
  const elsewhere = densityExtract(parseHtml(`<html><body><div itemprop="articleBody"><p>A short teaser line of the story, just long enough.</p></div><div>${[1, 2, 3].map(p).join('')}</div></body></html>`));
  assert.equal(elsewhere.declaredBody, 'disjoint');
  assert.equal(densityExtract(parseHtml(`<html><body><div>${[1, 2].map(p).join('')}</div></body></html>`)).declaredBody, 'none');
});

test('a short line right under an image is a caption; a heading, a bold lead-in or a sentence there is story text', () => {
  const html = `<html><body><div class="story">${p(1)}<div><img><span class="small">Tannery workers at the gate in Orren</span></div>${p(2)}` +
    `<img><h3>What the council decided</h3>${p(3)}<img><p><strong>The vote</strong></p>${p(4)}<img><p>The mayor spoke first.</p>${p(5)}</div></body></html>`;
  const r = densityExtract(parseHtml(html));
  assert.deepEqual(r.captions, ['Tannery workers at the gate in Orren']);
  assert.ok(r.paragraphs.includes('What the council decided') && r.paragraphs.includes('The vote') && r.paragraphs.includes('The mayor spoke first.'));
});

test('lines under images that carry much of the text are a gallery\'s text, not captions', () => {
  const items = [1, 2, 3, 4, 5, 6].map((i) => `<img><p>Item ${i}: a hand-stitched leather satchel from the Orren tannery market, dyed with walnut husks</p>`).join('');
  const r = densityExtract(parseHtml(`<html><body><div class="story">${p(1)}${items}</div></body></html>`));
  assert.deepEqual(r.captions, []);
  assert.equal(r.paragraphs.length, 7);
});
