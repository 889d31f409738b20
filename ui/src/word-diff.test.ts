// Word diff: only the words that differ are marked, punctuation alone is not a difference, and long inputs stay bounded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_DIFF_CELLS, wordDiff, type DiffPart } from './word-diff.js';

const marked = (parts: readonly DiffPart[]): string[] => parts.filter((p) => p.changed).map((p) => p.text);
const whole = (parts: readonly DiffPart[]): string => parts.map((p) => p.text).join('');

test('marks the changed phrase on each side and keeps the text whole', () => {
  const a = 'We will not reopen the terminal this week, the mayor said.';
  const b = 'We will not reopen the terminal at all, the mayor said.';
  const d = wordDiff(a, b);
  assert.deepEqual(marked(d.a), ['this week']);
  assert.deepEqual(marked(d.b), ['at all']);
  assert.equal(whole(d.a), a);
  assert.equal(whole(d.b), b);
});

test('identical passages differ nowhere; case and curly quotes do not count', () => {
  assert.deepEqual(marked(wordDiff('The Crew’s ship', 'the crew\'s ship').a), []);
});

test('a lone full stop is not marked, but a changed word is', () => {
  const d = wordDiff('saved hundreds of lives', 'saved hundreds of lives.');
  assert.deepEqual(marked(d.b), []);
  assert.deepEqual(marked(wordDiff('on Tuesday evening', 'on Monday evening').b), ['Monday']);
});

test('passages too long to align are still returned whole, with the unshared middle marked', () => {
  const side = Math.ceil(Math.sqrt(MAX_DIFF_CELLS)) + 10;
  const a = `start ${Array.from({ length: side }, (_, i) => `a${i}`).join(' ')} end`;
  const b = `start ${Array.from({ length: side }, (_, i) => `b${i}`).join(' ')} end`;
  const d = wordDiff(a, b);
  assert.equal(whole(d.a), a);
  assert.equal(marked(d.a).length, 1);
  assert.ok(!d.a[0]!.changed && d.a[0]!.text.startsWith('start'));
});

test('markup in the text is just more words', () => {
  const d = wordDiff('hurt <script>alert(1)</script> there', 'hurt there');
  assert.equal(whole(d.a), 'hurt <script>alert(1)</script> there');
  assert.ok(marked(d.a).join('').includes('script'));
});
