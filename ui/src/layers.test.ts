// Layer runs: overlapping spans split the text at every boundary, and each run knows which spans cover and open it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { textRuns, type LayerSpan } from './layers.js';

const span = (layer: LayerSpan['layer'], start: number, end: number): LayerSpan => ({ layer, start, end, tag: layer });

test('overlapping spans cut the text into runs that cover it exactly once', () => {
  const runs = textRuns(20, [span('quotes', 2, 12), span('entities', 5, 8), span('times', 10, 15)]);
  assert.deepEqual(
    runs.map((r) => [r.start, r.end, r.spans.map((s) => s.layer).sort().join('+')]),
    [
      [0, 2, ''],
      [2, 5, 'quotes'],
      [5, 8, 'entities+quotes'],
      [8, 10, 'quotes'],
      [10, 12, 'quotes+times'],
      [12, 15, 'times'],
      [15, 20, ''],
    ],
  );
  assert.deepEqual(runs.find((r) => r.start === 5)?.opens.map((s) => s.layer), ['entities']);
});

test('empty, reversed and out-of-range spans are ignored', () => {
  const runs = textRuns(5, [span('times', 3, 3), span('times', 4, 2), span('times', 2, 9)]);
  assert.deepEqual(runs.map((r) => [r.start, r.end, r.spans.length]), [[0, 5, 0]]);
});
