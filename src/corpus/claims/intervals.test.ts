import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { QuantitySpan } from '../../core/article.js';
import { countsComparable, countsPeople, figuresOverlap, intervalsOverlap, precisionSlack, quantityInterval, unitsMeet } from './intervals.js';

function q(value: number, qualifier: QuantitySpan['qualifier'], unit: string | null, low: number | null, high: number | null, inclusive = true): QuantitySpan {
  return { start: 0, end: 1, value, qualifier, unit, low, high, lowInclusive: inclusive, highInclusive: inclusive };
}

test('"at least 17" and "more than a dozen" overlap', () => {
  assert.ok(intervalsOverlap(quantityInterval(q(17, 'at-least', 'people', 17, null)), quantityInterval(q(12, 'more-than', 'people', 12, null, false))));
});

test('"30 minutes" and "almost two hours" do not overlap once durations share a scale', () => {
  assert.ok(!intervalsOverlap(quantityInterval(q(30, 'exact', 'minutes', 30, 30)), quantityInterval(q(2, 'nearly', 'hours', null, 2))));
});

test('round figures carry their precision: 200 is compatible with 213 but 24 is not with 25', () => {
  assert.equal(precisionSlack(200), 50);
  assert.equal(precisionSlack(24), 0);
  assert.ok(intervalsOverlap(quantityInterval(q(200, 'exact', 'people', 200, 200)), quantityInterval(q(213, 'exact', 'people', 213, 213))));
  assert.ok(!intervalsOverlap(quantityInterval(q(24, 'exact', 'people', 24, 24)), quantityInterval(q(25, 'exact', 'people', 25, 25))));
});

test('touching open bounds do not overlap: "fewer than 10" vs exactly 10', () => {
  assert.ok(!intervalsOverlap(quantityInterval(q(10, 'less-than', 'people', null, 10, false)), quantityInterval(q(10, 'exact', 'people', 10, 10))));
});

test('dead and injured are different things; people may be either', () => {
  assert.ok(!countsComparable('dead', 'injured'));
  assert.ok(countsComparable('people', 'dead'));
  assert.ok(countsComparable('minutes', 'hours'));
  assert.ok(!countsComparable('tonnes', 'people'));
});

test('counts of people: the people, the dead and the injured; not tonnes or minutes', () => {
  assert.ok(countsPeople('residents'));
  assert.ok(countsPeople('wounded'));
  assert.ok(!countsPeople('tonnes'));
  assert.ok(!countsPeople('minutes'));
  assert.ok(!countsPeople(null));
});

test('measurements compare in SI units: 200 feet is 60 metres, 2,000 feet is 600 metres, but not 700 metres', () => {
  const overlap = (a: QuantitySpan, b: QuantitySpan): boolean => countsComparable(a.unit, b.unit) && intervalsOverlap(quantityInterval(a), quantityInterval(b));
  assert.ok(overlap(q(200, 'exact', 'foot', 200, 200), q(60, 'exact', 'metre', 60, 60)));
  assert.ok(overlap(q(2000, 'exact', 'foot', 2000, 2000), q(600, 'exact', 'metre', 600, 600)));
  assert.ok(overlap(q(10, 'exact', 'foot', 10, 10), q(3, 'exact', 'metre', 3, 3)));
  assert.ok(overlap(q(120, 'exact', 'mile per hour', 120, 120), q(193, 'exact', 'kilometre per hour', 193, 193)));
  assert.ok(!overlap(q(2000, 'about', 'foot', 1800, 2200), q(700, 'exact', 'metre', 700, 700)));
  assert.ok(!overlap(q(150, 'about', 'metre', 135, 165), q(200, 'about', 'metre', 180, 220)));
  // A round measurement is not widened to its last place as a count is: 700 metres is not 650.
  assert.ok(!overlap(q(700, 'exact', 'metre', 700, 700), q(650, 'exact', 'metre', 650, 650)));
  assert.ok(!countsComparable('metre', 'kilometre per hour'));
  assert.ok(!countsComparable('metre', 'people'));
});

test('ages compare only for the same person: Ferrin 32 vs Ferrin 31 disagree, Ferrin vs Vole never compare', () => {
  assert.ok(countsComparable('age:ferrin', 'age:ferrin'));
  assert.ok(!countsComparable('age:ferrin', 'age:vole'));
  assert.ok(!countsComparable('age:ferrin', 'year'));
  assert.ok(!intervalsOverlap(quantityInterval(q(32, 'exact', 'age:ferrin', 32, 32)), quantityInterval(q(31, 'exact', 'age:ferrin', 31, 31))));
});

test('a round measurement is a rounding of its own: 35 miles meets "60 km", but 1,150 km is not 1,500 km', () => {
  const overlap = (a: QuantitySpan, b: QuantitySpan): boolean => countsComparable(a.unit, b.unit) && intervalsOverlap(quantityInterval(a), quantityInterval(b));
  assert.ok(overlap(q(35, 'exact', 'mile', 35, 35), q(60, 'exact', 'kilometre', 60, 60)));
  assert.ok(overlap(q(10, 'exact', 'kilometre', 10, 10), q(6, 'exact', 'mile', 6, 6)));
  assert.ok(!overlap(q(1150, 'exact', 'kilometre', 1150, 1150), q(1500, 'exact', 'kilometre', 1500, 1500)));
  assert.ok(!overlap(q(2000, 'exact', 'foot', 2000, 2000), q(700, 'exact', 'metre', 700, 700)));
});

test('a round sum of money is the sum as told: "$200 million" is not "$184 million", though 200 people may be 213', () => {
  const money = (v: number, unit = 'dollar'): QuantitySpan => q(v, 'exact', unit, v, v);
  assert.ok(!intervalsOverlap(quantityInterval(money(200e6)), quantityInterval(money(184e6))));
  assert.ok(intervalsOverlap(quantityInterval(money(200e6)), quantityInterval(money(196e6))));
  assert.ok(intervalsOverlap(quantityInterval(q(200, 'exact', 'people', 200, 200)), quantityInterval(q(213, 'exact', 'people', 213, 213))));
});

test('sums in two currencies meet within the spread of exchange rates; a hundredfold gap does not', () => {
  const money = (v: number, unit: string, qualifier: QuantitySpan['qualifier'] = 'exact'): QuantitySpan => q(v, qualifier, unit, v, v);
  assert.ok(unitsMeet('euros', '$') && unitsMeet('pounds', 'dollar') && !unitsMeet('euros', 'people'));
  assert.ok(figuresOverlap(money(200e6, 'euro'), money(265.3e6, 'dollar')));
  assert.ok(figuresOverlap(money(85e6, 'euro'), money(74e6, 'pound')));
  assert.ok(!figuresOverlap(money(200e6, 'euro'), money(2e6, 'dollar')));
  // One currency keeps its own interval: no exchange-rate spread between two dollar sums.
  assert.ok(!figuresOverlap(money(160e6, 'dollar'), money(100e6, 'dollar')));
});
