// The extraction bench's scoring: per-page shingle P/R as the benchmark defines it, slices, and the Readability fallback tally.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fallbackNotes, pagePrecisionRecall, sliceOf } from './extraction.js';

const story = 'The ferry to Valmore sailed again on Monday after crews ended their strike over night shifts and pay';

test('page precision and recall count 4-word shingles', () => {
  assert.deepEqual(pagePrecisionRecall(story, story), { precision: 1, recall: 1, exact: true });
  const half = pagePrecisionRecall(story, story.split(' ').slice(0, 10).join(' '));
  assert.equal(half.precision, 1);
  assert.ok(half.recall > 0.3 && half.recall < 0.6, String(half.recall));
  const padded = pagePrecisionRecall(story, `Advertisement ${story}`);
  assert.equal(padded.recall, 1);
  assert.ok(padded.precision < 1 && !padded.exact);
});

test('pages are cut in thirds round robin in id order', () => {
  assert.deepEqual([0, 1, 2, 3, 4, 5].map(sliceOf), ['tuning', 'confirm', 'untouched', 'tuning', 'confirm', 'untouched']);
});

test('the fallback tally compares each doubtful page with and without Readability, by slice and by reason', () => {
  const gold = { a: { articleBody: story, url: '' }, b: { articleBody: story, url: '' }, c: { articleBody: story, url: '' } };
  const chain = new Map([
    ['a', { text: story, extractedBy: 'readability', doubts: ['rival'] }],
    ['b', { text: story, extractedBy: 'density', doubts: [] }],
    ['c', { text: `${story} Share this story with a friend today`, extractedBy: 'readability', doubts: ['short', 'rival'] }],
  ]);
  const without = new Map([['a', story.split(' ').slice(0, 8).join(' ')], ['b', story], ['c', story]]);
  const lines = fallbackNotes(gold, chain, without);
  const line = (key: string): string => lines.find((l) => l.trimStart().startsWith(key)) ?? '';
  assert.match(line('all pages'), /doubtful 2, Readability's text kept 2, won 1, lost 1, tied 0/);
  assert.match(line('tuning slice'), /doubtful 1, .* won 1, lost 0/);
  assert.match(line('untouched slice'), /doubtful 1, .* won 0, lost 1/);
  assert.match(line('doubt rival'), /doubtful 2/);
  assert.match(line('doubt short'), /doubtful 1, .* lost 1/);
  assert.ok(!lines.some((l) => l.includes('confirm slice')), 'page b was confident: not tallied');
  assert.deepEqual(fallbackNotes(gold, new Map([['b', chain.get('b')!]]), without), ['Readability fallback: no doubtful density result, never called']);
});
