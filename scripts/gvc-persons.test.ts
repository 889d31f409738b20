import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EntityMention } from '../src/core/article.js';
import { foundAs, occurrences, partOf } from './gvc-persons.js';

const person = (start: number, end: number): EntityMention => ({ start, end, type: 'PERSON', canonical: '', how: 'self' });

test('a name occurs case-insensitively across white space, as whole words only', () => {
  const text = 'Police named DANA  REYES; Dana Reyesville is a town. Dana Reyes, 24.';
  assert.deepEqual(occurrences(text, 'Dana Reyes').map((o) => text.slice(o.start, o.end)), ['DANA  REYES', 'Dana Reyes']);
  assert.deepEqual(occurrences('E.C. Tolbert spoke.', 'E.C. Tolbert'), [{ start: 0, end: 12 }]);
});

test('found strictly when a PERSON mention covers the whole name, loosely when it only overlaps', () => {
  const occ = { start: 10, end: 20 };
  assert.equal(foundAs([person(5, 20)], occ), 'strict');
  assert.equal(foundAs([person(15, 20)], occ), 'loose');
  assert.equal(foundAs([{ ...person(10, 20), type: 'LOC' }], occ), 'no');
});

test('the tuning and confirm halves are fixed by the incident id and both are used', () => {
  const parts = Array.from({ length: 40 }, (_, i) => partOf(String(100000 + i)));
  assert.deepEqual(parts, Array.from({ length: 40 }, (_, i) => partOf(String(100000 + i))));
  assert.ok(parts.includes('tune') && parts.includes('confirm'));
});
