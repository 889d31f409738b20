import { test } from 'node:test';
import assert from 'node:assert/strict';
import { candidatePairs, indexWords } from './candidate-pairs.js';

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

test('every pair sharing half of the smaller set is a candidate (checked against all pairs on random sets)', () => {
  const random = lcg(11);
  const sets = Array.from({ length: 300 }, () => {
    const size = 1 + Math.floor(random() * 9);
    return [...new Set(Array.from({ length: size }, () => `w${Math.floor(random() * 150)}`))];
  });
  const found = new Set(candidatePairs(sets, { minSharedShare: 0.5, maxPostings: 10_000 }).map(([a, b]) => `${a},${b}`));
  let required = 0;
  for (let a = 0; a < sets.length; a++) {
    for (let b = a + 1; b < sets.length; b++) {
      const x = sets[a] ?? [];
      const y = sets[b] ?? [];
      const shared = x.filter((w) => y.includes(w)).length;
      if (shared >= 0.5 * Math.min(x.length, y.length)) {
        required++;
        assert.ok(found.has(`${a},${b}`), `pair ${a},${b} shares ${shared} words but is not a candidate`);
      }
    }
  }
  assert.ok(required > 50, `only ${required} pairs to find`);
  assert.ok(found.size < (sets.length * (sets.length - 1)) / 2 / 3, `${found.size} candidates`);
});

test('a word carried by more quotes than maxPostings is not probed', () => {
  const sets = [['common', 'pier'], ['common', 'tide'], ['common', 'storm']];
  assert.deepEqual(candidatePairs(sets, { minSharedShare: 0.5, maxPostings: 2 }), []);
  assert.deepEqual(candidatePairs(sets, { minSharedShare: 0.5, maxPostings: 3 }), [[0, 1], [0, 2], [1, 2]]);
});

test('quotes are indexed by their content words, or by all words when they have none', () => {
  assert.deepEqual(indexWords(['we', 'will', 'rebuild', 'the', 'pier', 'pier']), ['rebuild', 'pier']);
  assert.deepEqual(indexWords(['we', 'did', 'not', 'say', 'that']), ['we', 'did', 'not', 'say', 'that']);
});
