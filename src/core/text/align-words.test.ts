// Word alignment: the common subsequence is found through a shared head and tail, and a huge middle is left unaligned under a cap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignWords } from './align-words.js';

test('shared words are kept in order and counted', () => {
  const r = alignWords(['we', 'will', 'rebuild', 'the', 'pier'], ['we', 'must', 'rebuild', 'a', 'pier']);
  assert.deepEqual(r.keepA, [true, false, true, false, true]);
  assert.deepEqual(r.keepB, [true, false, true, false, true]);
  assert.equal(r.shared, 3);
});

test('over the cell cap the middle stays unaligned, head and tail still match', () => {
  const a = ['x', ...Array.from({ length: 20 }, (_, i) => `a${i}`), 'y'];
  const b = ['x', ...Array.from({ length: 20 }, (_, i) => `a${19 - i}`), 'y'];
  assert.equal(alignWords(a, b).shared, 3);
  assert.equal(alignWords(a, b, 100).shared, 2);
});
