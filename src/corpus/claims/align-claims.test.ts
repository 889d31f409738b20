// Tests for how alignment tells occasions apart before comparing figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TimeSpan } from '../../core/article.js';
import { differentOccasions } from './align-claims.js';

const at = (...values: (string | null)[]): { occasion: TimeSpan[] } => ({
  occasion: values.map((value) => ({ start: 0, end: 1, type: 'DATE', value })),
});

test('a clause dated only by its month is another occasion than an undated one or one dated to a day of another month', () => {
  assert.equal(differentOccasions(at('XXXX-09'), at()), true);
  assert.equal(differentOccasions(at('XXXX-09'), at(null)), true);
  assert.equal(differentOccasions(at('2026-03'), at('2026-05-03')), true);
  assert.equal(differentOccasions(at('2026-03'), at('2026-03')), false);
  assert.equal(differentOccasions(at('2026-03'), at('2026-03-14')), false);
  assert.equal(differentOccasions(at('2026-05-03'), at()), false);
  assert.equal(differentOccasions(at(), at()), false);
});
