import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lastSpanStartingAtOrBefore } from './span.js';

test('last span starting at or before an offset: before all, on a start, between, after all, empty', () => {
  const spans = [{ start: 0, end: 5 }, { start: 6, end: 10 }, { start: 12, end: 20 }];
  assert.equal(lastSpanStartingAtOrBefore(spans, -1), -1);
  assert.equal(lastSpanStartingAtOrBefore(spans, 6), 1);
  assert.equal(lastSpanStartingAtOrBefore(spans, 11), 1);
  assert.equal(lastSpanStartingAtOrBefore(spans, 99), 2);
  assert.equal(lastSpanStartingAtOrBefore([], 3), -1);
});
