// The stream bench's generator is deterministic and its BCubed scorer is right on small cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newsStream } from './data/news-stream.js';
import { bcubed } from './stream.js';

test('the generated stream is the same for a seed, spreads over stories, and never repeats a text', () => {
  const take = (seed: number) => {
    const s = newsStream({ seed });
    return Array.from({ length: 300 }, () => s.next().value!);
  };
  const a = take(3);
  assert.deepEqual(a.map((x) => x.raw.body), take(3).map((x) => x.raw.body));
  assert.notDeepEqual(a.map((x) => x.raw.body), take(4).map((x) => x.raw.body));
  assert.equal(new Set(a.map((x) => x.raw.body)).size, a.length);
  assert.ok(new Set(a.map((x) => x.story)).size > 50);
});

test('BCubed: a perfect clustering scores 1, everything in one cluster scores lower', () => {
  assert.equal(bcubed([['p1', 'g1'], ['p1', 'g1'], ['p2', 'g2']]), 1);
  const merged = bcubed([['p', 'g1'], ['p', 'g1'], ['p', 'g2']]);
  assert.ok(Math.abs(merged - (2 * (5 / 9) * 1) / (5 / 9 + 1)) < 1e-9);
});
