// The growth guard itself: a quadratic loop fails it on every attempt, a linear one passes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpuMs, growth, growthBound, SHORT_RUN_MS } from './growth.js';

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
  // Sizes whose smaller run costs over SHORT_RUN_MS, so the quadratic x4 is held to the 2.6 bound, not the short-run
  // 3.5 one: under CI load a x4 loop of 1 ms runs once read under 3.5.
  let n = 2000;
  while (cpuMs(() => void pairs(n)) < 1.5 * SHORT_RUN_MS) n = Math.round(n * 1.4);
  const quadratic = growth(() => void pairs(n), () => void pairs(2 * n), 3);
  assert.equal(quadratic.attempts.length, 3, 'an over-bound ratio is measured three times');
  assert.ok(quadratic.ratio > growthBound(quadratic), `quadratic loop read x${quadratic.ratio.toFixed(2)}`);
  const linear = growth(() => void line(200_000), () => void line(400_000), 3);
  assert.ok(linear.ratio <= growthBound(linear), `linear loop read x${linear.ratio.toFixed(2)}`);
});

test('a cold run is made fresh, untimed, for every timed call, so no call sees an input an earlier call touched', () => {
  const seen = new Set<object>();
  let calls = 0;
  const cold = (n: number) => ({
    fresh: () => {
      const input = { n };
      return () => {
        assert.ok(!seen.has(input), 'an input was reused');
        seen.add(input);
        calls++;
        void line(input.n);
      };
    },
  });
  const g = growth(cold(50_000), cold(100_000), 2, 1);
  assert.equal(seen.size, calls);
  assert.ok(calls >= 2 * (2 + 1 + 2), `${calls} calls`);
  assert.ok(g.ratio > 0);
});
