import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractQuantities } from './quantities.js';

function magnitudes(text: string): [string, number, string, number | null, number | null][] {
  return extractQuantities(text)
    .filter((q) => q.unit === 'magnitude')
    .map((q) => [text.slice(q.start, q.end), q.value, q.qualifier, q.low, q.high]);
}

test('magnitudes in their written forms are one unit, tenths read exactly and whole numbers half a point either side', () => {
  assert.deepEqual(magnitudes('A 5.6 magnitude earthquake hit Varn.'), [['5.6 magnitude', 5.6, 'exact', 5.6, 5.6]]);
  assert.deepEqual(magnitudes('A strong 5.6 -magnitude earthquake jolted Varn.'), [['5.6 -magnitude', 5.6, 'exact', 5.6, 5.6]]);
  assert.deepEqual(magnitudes('The survey put its strength at magnitude-5.4.'), [['magnitude-5.4', 5.4, 'exact', 5.4, 5.4]]);
  assert.deepEqual(magnitudes('a quake with a magnitude of at least 5.9 hit Varn'), [['at least 5.9', 5.9, 'at-least', 5.9, null]]);
  assert.deepEqual(magnitudes('a quake registering 6.1 on the Richter scale'), [['6.1 on the Richter scale', 6.1, 'exact', 6.1, 6.1]]);
  assert.deepEqual(magnitudes('Varn was razed by a 6.7 degree quake.'), [['6.7 degree', 6.7, 'exact', 6.7, 6.7]]);
  assert.deepEqual(magnitudes('A magnitude 6 quake can cause damage.'), [['magnitude 6', 6, 'exact', 5.5, 6.5]]);
  assert.deepEqual(magnitudes('aftershocks with magnitudes ranging from 3.6 to 4.3'), [['magnitudes ranging from 3.6 to 4.3', 3.6, 'range', 3.6, 4.3]]);
});

test('a second reading beside a magnitude is one too; a bare decimal elsewhere is not', () => {
  assert.deepEqual(
    magnitudes('The centre put the magnitude at 5.9, but the survey said it was 6.1.').map((m) => m[1]),
    [5.9, 6.1],
  );
  assert.deepEqual(magnitudes('Shares rose to 6.1 on Monday.'), []);
});

test('digit groups are not small counts of people: "more than 31,000 people" is one count (regression: "000 people")', () => {
  const counts = extractQuantities('A quake left more than 31,000 people dead in Varn.').filter((q) => q.unit === 'person');
  assert.deepEqual(counts.map((q) => q.value), [31000]);
});

test('a scale word joined by a hyphen scales its figure: "$137-million" is 137 million dollars', () => {
  const [q] = extractQuantities('Robbers made off with $137-million of diamonds.');
  assert.deepEqual([q?.value, q?.unit], [137_000_000, 'dollar']);
});
