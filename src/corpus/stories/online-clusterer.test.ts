import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../../../test/helpers/seeded-random.js';
import { dot, normalize, normalizeInPlace, numberKeys, pairwiseDots, sumVectors } from './online-clusterer.js';

function randomVectors(seed: number, count: number): Map<string, number>[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const v = new Map<string, number>();
    // Sizes repeat (i % 5) so ties between two vectors of one size are covered; weights of both signs.
    const size = 3 + (i % 5) * 7;
    while (v.size < size) v.set(`k${Math.floor(random() * 60)}`, random() - 0.3);
    return normalize(v);
  });
}

test('pairwiseDots gives every pair the same bits as dot, whichever vector is smaller', () => {
  const vectors = [...randomVectors(3, 40), new Map<string, number>()];
  const n = vectors.length;
  const out = pairwiseDots(numberKeys(vectors));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      assert.ok(Object.is(out[i * n + j], dot(vectors[i]!, vectors[j]!)), `pair ${i}, ${j}`);
      assert.ok(Object.is(out[j * n + i], out[i * n + j]));
    }
  }
});

test('normalizeInPlace gives the keys, order and values of normalize, and empties a zero vector', () => {
  const weights = new Map([['b', 3], ['a', -4], ['c', 0.5]]);
  const expected = [...normalize(weights)];
  assert.deepEqual([...normalizeInPlace(new Map(weights))], expected);
  assert.equal(normalizeInPlace(new Map([['a', 0]])).size, 0);
});

test('sumVectors adds the vectors named as a map adding them one by one would: same keys, order and bits', () => {
  const vectors = randomVectors(5, 12);
  const which = [7, 2, 9, 0, 11];
  const expected = new Map<string, number>();
  for (const v of which) for (const [k, w] of vectors[v]!) expected.set(k, (expected.get(k) ?? 0) + w);
  const got = sumVectors(numberKeys(vectors), which);
  assert.deepEqual([...got.keys()], [...expected.keys()]);
  for (const [k, w] of expected) assert.ok(Object.is(got.get(k), w), k);
});
