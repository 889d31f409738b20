// The growth guard itself: a quadratic loop fails it on every attempt, a linear one passes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { growth, growthBound } from './growth.js';

function pairs(n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) s += (i ^ j) & 1;
  return s;
}

function line(n: number): number {
  let s = 0;
  for (let k = 0; k < 40; k++) for (let i = 0; i < n; i++) s += (i ^ k) & 1;
  return s;
}

test('the growth guard fails a quadratic loop on every attempt and passes a linear one', () => {
  const quadratic = growth(() => void pairs(1500), () => void pairs(3000), 3);
  assert.equal(quadratic.attempts.length, 3, 'an over-bound ratio is measured three times');
  assert.ok(quadratic.ratio > growthBound(quadratic), `quadratic loop read x${quadratic.ratio.toFixed(2)}`);
  const linear = growth(() => void line(200_000), () => void line(400_000), 3);
  assert.ok(linear.ratio <= growthBound(linear), `linear loop read x${linear.ratio.toFixed(2)}`);
});
