// Quantity intervals for claim comparison: counts of people, duration scaling and precision widening, over the quantities stage.
import type { PeopleRole, QuantitySpan } from '../../core/article.js';
import { QUANTITY_TOLERANCES, TIME_UNIT_SECONDS, intervalsOverlap, isMagnitude, measureUnit, singular, unitKey, unitLemma } from '../../stages/quantities/index.js';

export { intervalsOverlap };

/** A quantity's asserted values on a common scale; null bounds are open-ended. */
export type Interval = Pick<QuantitySpan, 'low' | 'high' | 'lowInclusive' | 'highInclusive'>;

/** Unit keys (from the quantities stage) that a bare "people" count may be about: the dead, the injured. */
const PEOPLE_KEY = 'person';
const PEOPLE_COMPATIBLE = new Set([PEOPLE_KEY, 'death', 'injured']);

/** The quantities stage's comparison key of a unit as written or as lemmatized ("residents" and "resident" alike). */
export function countKey(unit: string | null): string | null {
  if (unit === null) return null;
  let key = COUNT_KEYS.get(unit);
  if (key === undefined) {
    // Measurements compare by dimension: "200 feet" meets "60 metres".
    key = measureUnit(unit)?.dimension ?? unitKey(unitLemma(unit));
    if (COUNT_KEYS.size >= MAX_COUNT_KEYS) COUNT_KEYS.clear();
    COUNT_KEYS.set(unit, key);
  }
  return key;
}

/** countKey by unit as written: claim comparison asks for the same few units over and over. Bounded, for long streams. */
const COUNT_KEYS = new Map<string, string | null>();
const MAX_COUNT_KEYS = 20_000;

/**
 * Whether two counts may be about the same thing, for claim comparison: the quantities stage's unit keys, plus one
 * rule of reading: "17 people were hurt" and "a dozen injured" count the same thing, so a bare people count is
 * comparable to a count of the dead or of the injured (which stay apart from each other).
 */
export function countsComparable(a: string | null, b: string | null): boolean {
  const ka = countKey(a);
  const kb = countKey(b);
  if (ka === kb) return true;
  if (ka === null || kb === null) return false;
  return (ka === PEOPLE_KEY && PEOPLE_COMPATIBLE.has(kb)) || (kb === PEOPLE_KEY && PEOPLE_COMPATIBLE.has(ka));
}

/** Roles that count the same people: the wounded are the injured; the shot include both the dead and the injured. */
const ROLE_GROUP: Readonly<Record<string, string>> = { killed: 'killed', injured: 'injured', wounded: 'injured', shot: 'shot', hospitalized: 'hospitalized' };

/**
 * Whether two counts of people count the same people: "two were killed" never meets "three were shot", and a count
 * whose role is unknown ("five people") does not meet one whose role is known. Counts without roles compare as before.
 */
/** The group of people a role counts ("wounded" and "injured" alike), '' for none. */
export function roleGroup(role: PeopleRole | undefined): string {
  return role ? (ROLE_GROUP[role] ?? role) : '';
}

export function rolesAgree(a: PeopleRole | undefined, b: PeopleRole | undefined): boolean {
  if (!a && !b) return true;
  if (!a || !b) return false;
  return ROLE_GROUP[a] === ROLE_GROUP[b];
}

/** Whether a unit counts people (alive, dead or injured). */
export function countsPeople(unit: string | null): boolean {
  return unit !== null && PEOPLE_COMPATIBLE.has(countKey(unit) ?? '');
}

/** Seconds per unit for durations ("30 minutes" and "almost two hours" compare on one scale), else 1. */
function scaleOf(unit: string | null): number {
  if (unit === null) return 1;
  const measure = measureUnit(unit);
  if (measure) return measure.si;
  return TIME_UNIT_SECONDS[singular(unit.split(/\s+/).pop() ?? unit)] ?? 1;
}

/** Below this, a figure is a count as written ("20 dead" is not "about 20"). */
const ROUND_FROM = 100;

/** A round figure such as 200 or 1,200,000 stands for a range: half its last significant place either side. */
export function precisionSlack(value: number): number {
  if (!Number.isInteger(value) || Math.abs(value) < ROUND_FROM) return 0;
  let place = 1;
  while (value % (place * 10) === 0) place *= 10;
  return place === 1 ? 0 : place / 2;
}

/** The interval a quantity asserts, on a common scale (seconds for durations), widened for round exact figures. */
export function quantityInterval(q: QuantitySpan): Interval {
  // A magnitude carries its own reading of the written places ("6" is 5.5 to 6.5, "6.1" is 6.1).
  if (isMagnitude(q.unit)) return { low: q.low, high: q.high, lowInclusive: q.lowInclusive, highInclusive: q.highInclusive };
  const k = scaleOf(q.unit);
  // An exact measurement carries the rounding of a conversion ("200 feet (60 m)"), not the last place of a count:
  // "700 metres" is not "650 to 750".
  if (q.qualifier === 'exact' && measureUnit(q.unit)) {
    const slack = roundMeasure(q.value) ? ROUND_MEASURE_SLACK : CONVERSION_SLACK;
    return { low: q.value * k * (1 - slack), high: q.value * k * (1 + slack), lowInclusive: true, highInclusive: true };
  }
  const scale = (v: number | null): number | null => (v === null ? null : v * k);
  if (q.qualifier === 'exact') {
    const slack = isMoney(q.unit) ? Math.min(precisionSlack(q.value), q.value * MONEY_ROUND_SHARE) : precisionSlack(q.value);
    return { low: (q.value - slack) * k, high: (q.value + slack) * k, lowInclusive: true, highInclusive: true };
  }
  // "almost two hours" is not "any time under two hours": a reader hears the last tenth below the figure, the same
  // tolerance as "about" (the quantities stage's `nearlyFloor`).
  if ((q.qualifier === 'nearly') && q.low === null) {
    return { low: q.value * QUANTITY_TOLERANCES.nearlyFloor * k, high: scale(q.high ?? q.value), lowInclusive: true, highInclusive: q.highInclusive };
  }
  // A bare "about 200" with no interval from the quantities stage: a quarter either side.
  if (q.qualifier === 'about' && q.low === null && q.high === null) {
    return { low: q.value * (1 - ABOUT_SHARE) * k, high: q.value * (1 + ABOUT_SHARE) * k, lowInclusive: true, highInclusive: true };
  }
  return { low: scale(q.low), high: scale(q.high), lowInclusive: q.lowInclusive, highInclusive: q.highInclusive };
}

/**
 * A sum of money is told as the source states it ("an eight-year, $200 million offer"), not rounded from a head count:
 * "$200 million" is not "$150 to $250 million" but at most this share either side of it ("$184 million" is another sum).
 */
const MONEY_ROUND_SHARE = 0.05;

/** Comparison keys of currencies (the quantities stage's unit keys). */
const MONEY_KEYS: ReadonlySet<string> = new Set(['usd', 'eur', 'gbp']);

/** Whether a unit is a sum of money in a currency. */
export function isMoney(unit: string | null): boolean {
  return MONEY_KEYS.has(countKey(unit) ?? '');
}

/**
 * How far apart two currencies' values of one sum may lie: the dollar, the euro and the pound have traded within a
 * factor of about two of each other for decades, and outlets convert at the day's rate or their own, so "200 million
 * euros" may be told as anything from $100 to $400 million, never as "$2 million".
 */
const CURRENCY_SPREAD = 2.2;

/**
 * Whether two figures may state one value: their intervals overlap (see `quantityInterval`), and sums of money in two
 * currencies once one is widened by `CURRENCY_SPREAD` either way.
 */
export function figuresOverlap(a: QuantitySpan, b: QuantitySpan): boolean {
  const ia = quantityInterval(a);
  const ib = quantityInterval(b);
  if (!isMoney(a.unit) || !isMoney(b.unit) || countKey(a.unit) === countKey(b.unit)) return intervalsOverlap(ia, ib);
  const widened = { ...ia, low: ia.low === null ? null : ia.low / CURRENCY_SPREAD, high: ia.high === null ? null : ia.high * CURRENCY_SPREAD };
  return intervalsOverlap(widened, ib);
}

/** Whether two units may count one thing for claim comparison: `countsComparable`, or two sums of money in any currencies. */
export function unitsMeet(a: string | null, b: string | null): boolean {
  return countsComparable(a, b) || (isMoney(a) && isMoney(b));
}

/** Relative rounding of a unit conversion (10 ft is 3.05 m, written "3 m"; 120 mph is 193 km/h). */
const CONVERSION_SLACK = 0.03;

/**
 * A round measure of two digits ("60 km", "20 miles") is a rounding of its own: 35 miles is 56 km, written "60 km"
 * by another outlet. Larger round figures keep the conversion slack: "700 metres" is not "650 metres".
 */
const ROUND_MEASURE_SLACK = 0.05;

function roundMeasure(value: number): boolean {
  return Number.isInteger(value) && value >= 10 && value < 100 && value % 10 === 0;
}

/** Half-width of "about N" as a share of N, when the quantities stage gives no interval. */
const ABOUT_SHARE = 0.25;

/** Quantities that look like calendar years are dates, not counts. */
export function looksLikeYear(q: QuantitySpan): boolean {
  return q.unit === null && q.qualifier === 'exact' && Number.isInteger(q.value) && q.value >= 1900 && q.value <= 2100;
}
