// PairMemo: one computation per ordered pair of objects; the mirrored pair and other objects recompute.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PairMemo } from './pair-memo.js';

test('a value is computed once per ordered pair, again for the mirrored pair or another object', () => {
  const memo = new PairMemo<{ n: number }, string>();
  let calls = 0;
  const a = { n: 1 };
  const b = { n: 2 };
  const diff = (x: { n: number }, y: { n: number }): string => `${++calls}:${x.n - y.n}`;
  assert.equal(memo.get(a, b, () => diff(a, b)), '1:-1');
  assert.equal(memo.get(a, b, () => diff(a, b)), '1:-1');
  assert.equal(memo.get(b, a, () => diff(b, a)), '2:1', 'the mirrored pair is its own entry');
  assert.equal(memo.get(a, { n: 2 }, () => diff(a, b)), '3:-1', 'an equal-looking copy is another object');
});

test('an undefined or null value is remembered like any other', () => {
  const memo = new PairMemo<object, null | undefined>();
  let calls = 0;
  const a = {};
  const b = {};
  memo.get(a, b, () => (calls++, undefined));
  memo.get(a, b, () => (calls++, undefined));
  assert.equal(calls, 1);
});
