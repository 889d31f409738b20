import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lastSpanStartingAtOrBefore, spanIndexHolding } from './span.js';

test('last span starting at or before an offset: before all, on a start, between, after all, empty', () => {
  const spans = [{ start: 0, end: 5 }, { start: 6, end: 10 }, { start: 12, end: 20 }];
  assert.equal(lastSpanStartingAtOrBefore(spans, -1), -1);
  assert.equal(lastSpanStartingAtOrBefore(spans, 6), 1);
  assert.equal(lastSpanStartingAtOrBefore(spans, 11), 1);
  assert.equal(lastSpanStartingAtOrBefore(spans, 99), 2);
  assert.equal(lastSpanStartingAtOrBefore([], 3), -1);
});

test('the span holding an offset: inside, on a start, on an end (not held), in a gap, outside, empty', () => {
  const spans = [{ start: 0, end: 5 }, { start: 6, end: 10 }, { start: 12, end: 20 }];
  assert.equal(spanIndexHolding(spans, 3), 0);
  assert.equal(spanIndexHolding(spans, 6), 1);
  assert.equal(spanIndexHolding(spans, 10), -1);
  assert.equal(spanIndexHolding(spans, 11), -1);
  assert.equal(spanIndexHolding(spans, 19), 2);
  assert.equal(spanIndexHolding(spans, 20), -1);
  assert.equal(spanIndexHolding(spans, -1), -1);
  assert.equal(spanIndexHolding([], 0), -1);
});
