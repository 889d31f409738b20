// Quantity intervals: unit classes, duration scaling, precision widening and the overlap test conflicts rest on.
import type { QuantitySpan } from '../../core/article.js';

export interface Interval {
  readonly low: number | null;
  readonly high: number | null;
  readonly lowInclusive: boolean;
  readonly highInclusive: boolean;
}

/** Minutes per duration unit, so "30 minutes" and "almost two hours" compare on one scale. */
const DURATION_MINUTES: Readonly<Record<string, number>> = {
  second: 1 / 60,
  minute: 1,
  hour: 60,
  day: 1440,
  week: 10080,
  month: 43800,
  year: 525600,
};

/** Unit words that name the same kind of thing; keys are singular lemmas. */
const UNIT_CLASS: Readonly<Record<string, string>> = {
  people: 'people',
  person: 'people',
  resident: 'people',
  civilian: 'people',
  dead: 'dead',
  death: 'dead',
  killed: 'dead',
  fatality: 'dead',
  victim: 'dead',
  body: 'dead',
  injured: 'injured',
  wounded: 'injured',
  injury: 'injured',
};

/** Classes that a bare "people" count may be about. */
const PEOPLE_COMPATIBLE = new Set(['people', 'dead', 'injured']);

function singular(word: string): string {
  const w = word.toLowerCase().trim();
  if (w === 'people') return w;
  if (/ies$/.test(w)) return `${w.slice(0, -3)}y`;
  if (/(ss|us)$/.test(w)) return w;
  if (/s$/.test(w)) return w.slice(0, -1);
  return w;
}

/** The comparable unit key of a quantity: "duration", a people class, or the singular unit itself. */
export function unitKey(unit: string | null): string | null {
  if (unit === null) return null;
  const s = singular(unit.split(/\s+/).pop() ?? unit);
  if (s in DURATION_MINUTES) return 'duration';
  return UNIT_CLASS[s] ?? s;
}

export function unitsComparable(a: string | null, b: string | null): boolean {
  const ka = unitKey(a);
  const kb = unitKey(b);
  if (ka === null || kb === null) return ka === kb;
  if (ka === kb) return true;
  return (ka === 'people' && PEOPLE_COMPATIBLE.has(kb)) || (kb === 'people' && PEOPLE_COMPATIBLE.has(ka));
}

function scaleOf(unit: string | null): number {
  if (unit === null) return 1;
  const s = singular(unit.split(/\s+/).pop() ?? unit);
  return DURATION_MINUTES[s] ?? 1;
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

/** The interval a quantity asserts, on a common scale (minutes for durations), widened for round exact figures. */
export function quantityInterval(q: QuantitySpan): Interval {
  const k = scaleOf(q.unit);
  const scale = (v: number | null): number | null => (v === null ? null : v * k);
  if (q.qualifier === 'exact') {
    const slack = precisionSlack(q.value);
    return { low: (q.value - slack) * k, high: (q.value + slack) * k, lowInclusive: true, highInclusive: true };
  }
  // "almost two hours" is not "any time under two hours": a reader hears the last quarter below the figure.
  if ((q.qualifier === 'nearly') && q.low === null) {
    return { low: q.value * NEARLY_SHARE * k, high: scale(q.high ?? q.value), lowInclusive: true, highInclusive: q.highInclusive };
  }
  // A bare "about 200" with no interval from the quantities stage: a quarter either side.
  if (q.qualifier === 'about' && q.low === null && q.high === null) {
    return { low: q.value * (1 - ABOUT_SHARE) * k, high: q.value * (1 + ABOUT_SHARE) * k, lowInclusive: true, highInclusive: true };
  }
  return { low: scale(q.low), high: scale(q.high), lowInclusive: q.lowInclusive, highInclusive: q.highInclusive };
}

/** Lower end of "nearly N" as a share of N. */
const NEARLY_SHARE = 0.75;
/** Half-width of "about N" as a share of N, when the quantities stage gives no interval. */
const ABOUT_SHARE = 0.25;

/** Whether two intervals share at least one value (null bounds are open-ended). */
export function intervalsOverlap(a: Interval, b: Interval): boolean {
  return !below(a, b) && !below(b, a);
}

/** True when every value of `a` lies under every value of `b`. */
function below(a: Interval, b: Interval): boolean {
  if (a.high === null || b.low === null) return false;
  if (a.high < b.low) return true;
  return a.high === b.low && !(a.highInclusive && b.lowInclusive);
}

/** Quantities that look like calendar years are dates, not counts. */
export function looksLikeYear(q: QuantitySpan): boolean {
  return q.unit === null && q.qualifier === 'exact' && Number.isInteger(q.value) && q.value >= 1900 && q.value <= 2100;
}
