// spansInside: the same spans as filtering the whole layer, sorted or not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spanContains, type Span } from '../span.js';
import { spansInside } from './spans-inside.js';

function filtered<T extends Span>(spans: readonly T[], outer: Span): T[] {
  return spans.filter((s) => spanContains(outer, s));
}

test('a sorted layer gives the spans inside, in layer order, ties and empty spans at the edges included', () => {
  const layer = [
    { start: 0, end: 4, n: 1 },
    { start: 5, end: 9, n: 2 },
    { start: 5, end: 7, n: 3 },
    { start: 8, end: 12, n: 4 },
    { start: 12, end: 12, n: 5 },
    { start: 13, end: 20, n: 6 },
  ];
  for (const outer of [{ start: 5, end: 12 }, { start: 0, end: 0 }, { start: 4, end: 9 }, { start: 0, end: 30 }, { start: 21, end: 25 }, { start: 12, end: 12 }]) {
    assert.deepEqual(spansInside(layer, outer), filtered(layer, outer), JSON.stringify(outer));
  }
  assert.deepEqual(spansInside(layer, { start: 5, end: 12 }).map((s) => s.n), [2, 3, 4, 5]);
});

test('an unsorted layer, or one with a backwards span, is filtered whole', () => {
  const unsorted = [{ start: 8, end: 10 }, { start: 2, end: 4 }, { start: 5, end: 6 }];
  assert.deepEqual(spansInside(unsorted, { start: 0, end: 9 }), [{ start: 2, end: 4 }, { start: 5, end: 6 }]);
  const backwards = [{ start: 1, end: 2 }, { start: 12, end: 3 }];
  assert.deepEqual(spansInside(backwards, { start: 0, end: 5 }), filtered(backwards, { start: 0, end: 5 }));
});

test('random layers agree with the filter', () => {
  let seed = 7;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let round = 0; round < 200; round++) {
    const layer = Array.from({ length: rand(30) }, () => {
      const start = rand(100);
      return { start, end: start + rand(15) };
    });
    if (round % 2 === 0) layer.sort((a, b) => a.start - b.start);
    const start = rand(100);
    const outer = { start, end: start + rand(40) };
    assert.deepEqual(spansInside(layer, outer), filtered(layer, outer));
  }
});
