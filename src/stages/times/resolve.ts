// Resolving calendar words against the publication date: weekdays, month-days, months, seasons, quarters, durations.
import {
  addDays,
  addMonths,
  daysBetween,
  formatDate,
  formatMonth,
  formatWeek,
  isValidDate,
  quarterOf,
  seasonOf,
  type CalendarDate,
  type Reference,
  type Season,
  SEASON_ORDER,
} from './calendar.js';
import type { UnitInfo } from './lexicon.js';
import type { Tense } from './tense.js';

export type Direction = 'last' | 'next' | 'this' | null;

/**
 * A bare weekday is the last such day on or before the reference unless the clause is in the future tense;
 * "last Friday" said on a Friday means a week ago, "next Friday" said on a Friday a week ahead.
 */
export function resolveWeekday(ref: CalendarDate, day: number, tense: Tense, direction: Direction): CalendarDate {
  const dow = new Date(Date.UTC(ref.year, ref.month - 1, ref.day)).getUTCDay();
  const forward = direction === 'next' || (direction !== 'last' && tense === 'future');
  if (forward) {
    let diff = (day - dow + 7) % 7;
    if (diff === 0 && direction === 'next') diff = 7;
    return addDays(ref, diff);
  }
  let diff = (dow - day + 7) % 7;
  if (diff === 0 && direction === 'last') diff = 7;
  return addDays(ref, -diff);
}

/**
 * Where a year-less month-day may fall, in days from publication, by the tense of its clause. News tells of the
 * last few months and announces the next few: with no tense cue a date is taken within 9 months back and 3
 * months ahead; a past-tense clause still allows two months ahead ("extended the offer to Nov. 20"), since
 * reported decisions often fix dates to come; a future-tense clause allows a month back, since tense cues are noisy
 * ("is highlighting his win on Feb. 1") and news writes the year of a date that is not in the current year.
 */
const MONTH_DAY_WINDOWS: Readonly<Record<Tense, readonly [number, number]>> = {
  past: [-300, 60],
  unknown: [-270, 95],
  future: [-30, 335],
};

/** Year of a year-less "Oct. 23": the one inside the tense's window around publication, else the nearest. */
export function resolveMonthDay(ref: Reference, month: number, day: number, tense: Tense): number {
  if (ref.month === null) return ref.year;
  const refDay: CalendarDate = { year: ref.year, month: ref.month, day: ref.day ?? 15 };
  const options = [ref.year - 1, ref.year, ref.year + 1]
    .filter((y) => isValidDate(y, month, day))
    .map((y) => ({ year: y, delta: daysBetween(refDay, { year: y, month, day }) }));
  const [low, high] = MONTH_DAY_WINDOWS[tense];
  const inside = options.find((o) => o.delta >= low && o.delta <= high);
  if (inside) return inside.year;
  let best: { year: number; delta: number } | null = null;
  for (const o of options) if (!best || Math.abs(o.delta) < Math.abs(best.delta)) best = o;
  return best?.year ?? ref.year;
}

/** Year of a bare month ("in April", "last November"). */
export function resolveMonth(ref: Reference, month: number, tense: Tense, direction: Direction): number {
  if (ref.month === null) return ref.year;
  const m = ref.month;
  if (direction === 'this') return ref.year;
  if (direction === 'last') return month < m ? ref.year : ref.year - 1;
  if (direction === 'next') return month > m ? ref.year : ref.year + 1;
  // As with days, the neighbouring month keeps the reference year whatever the tense cue says.
  if (tense === 'future') return month >= m - 1 ? ref.year : ref.year + 1;
  if (tense === 'past') return month <= m + 1 ? ref.year : ref.year - 1;
  // No cue: within three months ahead, like a year-less month-day (MONTH_DAY_WINDOWS.unknown), else the last one.
  return month <= m + 3 ? ref.year : ref.year - 1;
}

/** "last fall" is the most recent fall that has ended; "this summer" the one of the reference year. */
export function resolveSeason(ref: Reference, season: Season, tense: Tense, direction: Direction): number {
  if (ref.month === null || direction === 'this') return ref.year;
  const current = seasonOf({ year: ref.year, month: ref.month });
  const index = (year: number, s: Season): number => year * 4 + SEASON_ORDER.indexOf(s);
  const now = index(current.year, current.season);
  const years = [ref.year - 2, ref.year - 1, ref.year, ref.year + 1];
  const latest = (ok: (i: number) => boolean): number | undefined => years.filter((y) => ok(index(y, season))).pop();
  const earliest = (ok: (i: number) => boolean): number | undefined => years.find((y) => ok(index(y, season)));
  if (direction === 'last') return latest((i) => i < now) ?? ref.year;
  if (direction === 'next') return earliest((i) => i > now) ?? ref.year;
  if (tense === 'future') return earliest((i) => i >= now) ?? ref.year;
  if (tense === 'past') return latest((i) => i <= now) ?? ref.year;
  return index(ref.year, season) > now + 1 ? ref.year - 1 : ref.year;
}

/**
 * Year of "the third quarter": quarters far ahead of the current one belong to last year's reports. In a clause
 * that looks ahead ("will report results in the third quarter", "expects a loss in the first quarter") it is the
 * next such quarter from the one just ended on, which results are still to be reported for.
 */
export function resolveQuarter(ref: Reference, quarter: number, tense: Tense = 'unknown'): number {
  if (ref.month === null) return ref.year;
  if (tense === 'future') {
    // Quarters counted from year 0: the first of last year's, this year's and next year's at or after the last ended.
    const lastEnded = ref.year * 4 + quarterOf(ref.month) - 2;
    for (const year of [ref.year - 1, ref.year]) if (year * 4 + quarter - 1 >= lastEnded) return year;
    return ref.year + 1;
  }
  return quarter > quarterOf(ref.month) + 1 ? ref.year - 1 : ref.year;
}

/** The last completed quarter ("the quarter", "the latest quarter" in earnings news). */
export function lastCompletedQuarter(ref: Reference): { year: number; quarter: number } | null {
  if (ref.month === null) return null;
  const q = quarterOf(ref.month) - 1;
  return q === 0 ? { year: ref.year - 1, quarter: 4 } : { year: ref.year, quarter: q };
}

/** TimeML duration: P3Y, PT30M, P1Y6M for "a year and a half"; null count gives PXY. */
export function durationValue(count: number | null, unit: UnitInfo): string {
  const prefix = unit.time ? 'PT' : 'P';
  if (count === null) return `${prefix}X${unit.letter}`;
  const n = count * unit.factor;
  if (Number.isInteger(n)) return `${prefix}${n}${unit.letter}`;
  const whole = Math.floor(n);
  const fraction = n - whole;
  const smaller: Partial<Record<string, { letter: string; per: number; time: boolean }>> = {
    Y: { letter: 'M', per: 12, time: false },
    D: { letter: 'H', per: 24, time: true },
    H: { letter: 'M', per: 60, time: true },
    M: unit.time ? { letter: 'S', per: 60, time: true } : undefined,
    W: { letter: 'D', per: 7, time: false },
  };
  const next = smaller[unit.letter];
  const rest = next ? fraction * next.per : NaN;
  if (!next || !Number.isInteger(rest)) return `${prefix}${Number(n.toFixed(2))}${unit.letter}`;
  if (unit.letter === 'W') return `P${whole * 7 + rest}D`;
  if (next.time && !unit.time) return `P${whole ? `${whole}${unit.letter}` : ''}T${rest}${next.letter}`;
  return `${prefix}${whole ? `${whole}${unit.letter}` : ''}${rest}${next.letter}`;
}

/** A date shifted by a count of units, at the granularity of the unit ("two years ago" -> 1996). */
export function shiftedValue(ref: CalendarDate, count: number, unit: UnitInfo, sign: 1 | -1): string | null {
  const n = count * unit.factor * sign;
  if (!Number.isInteger(n)) return null;
  switch (unit.letter) {
    case 'Y':
      return String(ref.year + n).padStart(4, '0');
    case 'M': {
      if (unit.time) return null;
      const m = addMonths(ref.year, ref.month, n);
      return formatMonth(m.year, m.month);
    }
    case 'W':
      return formatWeek(addDays(ref, n * 7));
    case 'D':
      return formatDate(addDays(ref, n));
    default:
      return null;
  }
}
