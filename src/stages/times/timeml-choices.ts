// TimeML annotation choices learned as counts: per expression pattern, which granularity or reading annotators wrote.
import type { TimeType } from '../../core/article.js';
import { formatWeek } from './calendar.js';
import { PARTS_OF_DAY, UNIT_SOURCE, unitInfo } from './lexicon.js';
import { durationValue } from './resolve.js';
import { countOf } from './time-rules.js';

/** What a time found by the rules reads as, before or after a learned choice. */
export interface Reading {
  readonly type: TimeType;
  readonly value: string | null;
}

/**
 * One pattern's counts over the tuning files: how many times the rules found it (`seen`), and for each way of
 * writing it how many of those times the gold value was exactly that. "keep" is the rules' own reading.
 */
export interface ChoiceCounts {
  readonly seen: number;
  readonly correct: Readonly<Record<string, number>>;
}

export type ChoiceTable = Readonly<Record<string, ChoiceCounts>>;

/**
 * How much evidence a learned choice needs before it overrules the rules, chosen by two-fold runs on the tuning
 * halves (`scripts/learn-times-table.ts --folds`). A margin of 3 keeps one annotation round's habit seen 4 times
 * against 2 ("this week" as 1989-WXX in one newspaper's files) from overruling the guidelines' reading.
 */
export interface ChoicePolicy {
  /** Times the pattern must have been seen. */
  readonly minSeen: number;
  /** Extra correct values the choice must have won over the rules' reading. */
  readonly margin: number;
  /**
   * A pattern whose best reading gave the gold value on fewer than this share of its finds is not emitted (value F1
   * gains from dropping a find whose chance of being right is below F1 / 2). 0, the default, never drops: in two-fold
   * runs on the tuning halves (`scripts/learn-times-table.ts --folds --drops`) no share gained on both halves.
   */
  readonly dropBelow?: number;
}

export const DEFAULT_POLICY: ChoicePolicy = { minSeen: 4, margin: 3 };

const NUMBER_WORD =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?\b/g;
const WEEKDAY_WORD = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/g;
const PART_OF_DAY_WORD = /\b(?:morning|afternoon|evening|night|overnight)\b/g;
const MONTH_WORD =
  /\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?/g;

/** The granularity of a TimeML value: day, week, month, duration, PAST_REF, ... */
export function valueShape(value: string | null): string {
  if (value === null) return 'none';
  if (/_REF$/.test(value)) return value;
  if (/^P/.test(value)) return 'duration';
  if (/^\d{4}-\d\d-\d\dT\d/.test(value)) return 'clock';
  if (/^\d{4}-\d\d-\d\dT[A-Z]{2}$/.test(value)) return 'daypart';
  if (/^\d{4}-\d\d-\d\d$/.test(value)) return 'day';
  if (/^\d{4}-W\d\d-WE$/.test(value)) return 'weekend';
  if (/^\d{4}-W\d\d$/.test(value)) return 'week';
  if (/^\d{4}-\d\d$/.test(value)) return 'month';
  if (/^\d{4}-Q\d$/.test(value)) return 'quarter';
  if (/^\d{4}-H\d$/.test(value)) return 'half';
  if (/^\d{4}-[A-Z]{2}$/.test(value)) return 'season';
  if (/^\d{4}$/.test(value)) return 'year';
  if (/^\d{2,3}X?$/.test(value)) return 'decade';
  return 'other';
}

/**
 * The pattern an expression is counted under: its words in lower case with numbers, weekdays and months replaced
 * by placeholders (parts of the day too), and the granularity the rules gave it ("a year ago" in a quarterly report is another pattern).
 */
export function patternKey(phrase: string, reading: Reading): string {
  const words = phrase
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(WEEKDAY_WORD, '<day>')
    .replace(MONTH_WORD, '<month>')
    .replace(PART_OF_DAY_WORD, '<part>')
    .replace(NUMBER_WORD, '#')
    .replace(/\d+(?:[.,/]\d+)*/g, '#');
  return `${words}|${valueShape(reading.value)}`;
}

const DAY_PREFIX = /^(\d{4})-(\d\d)-(\d\d)/;
const WEEK_VALUE = /^(\d{4})-W(\d\d)/;
const UNIT_IN_PHRASE = new RegExp(`(?:\\b(\\S+)[\\s-]+)?\\b(${UNIT_SOURCE}|weekends?)\\b`, 'i');

/** The Thursday of an ISO week, whose month is the month the week mostly lies in. */
function weekThursday(year: number, week: number): { year: number; month: number; day: number } {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() || 7) - 1) * 86_400_000);
  const thursday = new Date(monday.getTime() + ((week - 1) * 7 + 3) * 86_400_000);
  return { year: thursday.getUTCFullYear(), month: thursday.getUTCMonth() + 1, day: thursday.getUTCDate() };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The month a dated value lies in (a week's by its Thursday). */
function monthOf(value: string): string | null {
  const day = DAY_PREFIX.exec(value);
  if (day) return `${day[1]}-${day[2]}`;
  const week = WEEK_VALUE.exec(value);
  if (week) {
    const t = weekThursday(Number(week[1]), Number(week[2]));
    return `${t.year}-${pad2(t.month)}`;
  }
  return /^\d{4}-\d\d$/.test(value) ? value : null;
}

/** The stretch of time the phrase names, as a duration: "last week" P1W, "the past three years" P3Y, "the weekend" P2D. */
function phraseDuration(phrase: string): string | null {
  const m = UNIT_IN_PHRASE.exec(phrase);
  if (!m) return null;
  const unitWord = (m[2] ?? '').toLowerCase();
  if (unitWord.startsWith('weekend')) return 'P2D';
  const unit = unitInfo(unitWord);
  if (!unit) return null;
  const counted = m[1] ? countOf(m[1]) : null;
  const plural = /s$/.test(unitWord) && unitWord !== 'centuries' ? true : unitWord === 'centuries';
  const count = counted !== null && m[1] && !/^(?:the|last|past|this|next|recent|coming|previous|few|several|many|some)$/i.test(m[1]) ? counted : plural ? null : 1;
  return durationValue(count, unit);
}

/** A value that names no particular date, so the same string can be right in any document ("P1W", "PAST_REF", "XXXX-WXX-2"). */
export function isFloatingValue(value: string): boolean {
  return /^PT?[\dX.]+[A-Z]$|_REF$|^XXXX/.test(value);
}

/** The readings a choice gives, by name; null when the choice does not apply to this reading. */
export function choose(choice: string, phrase: string, reading: Reading): Reading | null {
  const { type, value } = reading;
  if (choice === 'keep') return reading;
  if (choice.startsWith('=')) {
    const v = choice.slice(1);
    const t: TimeType = /_REF$/.test(v) ? 'DATE' : /^P/.test(v) ? (type === 'SET' ? 'SET' : 'DURATION') : type;
    return { type: t, value: v };
  }
  if (value === null) return null;
  switch (choice) {
    case 'duration': {
      const v = phraseDuration(phrase);
      return v && v !== value ? { type: 'DURATION', value: v } : null;
    }
    case 'day': {
      const d = DAY_PREFIX.exec(value);
      return d && value.length > 10 ? { type: 'DATE', value: value.slice(0, 10) } : null;
    }
    case 'daypart': {
      const part = /\b(morning|afternoon|evening|night|overnight)\b/i.exec(phrase)?.[1]?.toLowerCase();
      const code = part ? PARTS_OF_DAY[part] : undefined;
      return code && /^\d{4}-\d\d-\d\d$/.test(value) ? { type: 'TIME', value: `${value}T${code}` } : null;
    }
    case 'month': {
      const m = monthOf(value);
      return m && m !== value ? { type: 'DATE', value: m } : null;
    }
    case 'year': {
      const y = /^(\d{4})(?=-)/.exec(value)?.[1];
      return y ? { type: 'DATE', value: y } : null;
    }
    case 'week': {
      const d = DAY_PREFIX.exec(value);
      return d ? { type: 'DATE', value: formatWeek({ year: Number(d[1]), month: Number(d[2]), day: Number(d[3]) }) } : null;
    }
    case 'week-unknown': {
      const w = WEEK_VALUE.exec(value);
      return w ? { type: 'DATE', value: `${w[1]}-WXX` } : null;
    }
    case 'day-unknown': {
      const m = monthOf(value);
      return m && !/^\d{4}-\d\d-\d\d$/.test(value) ? { type: 'DATE', value: `${m}-XX` } : null;
    }
    default:
      return null;
  }
}

/** The choices tried for every reading; "=VALUE" choices are added from the floating gold values seen. */
export const DERIVED_CHOICES = ['keep', 'duration', 'day', 'daypart', 'month', 'year', 'week', 'week-unknown', 'day-unknown'] as const;

/**
 * The reading the table picks for a phrase: the rules' own, or another way of writing it that annotators chose clearly
 * more often; null when the policy drops patterns that were rarely right in any reading.
 */
export function applyChoice(phrase: string, reading: Reading, table: ChoiceTable, policy: ChoicePolicy = DEFAULT_POLICY): Reading | null {
  const counts = table[patternKey(phrase, reading)];
  if (!counts || counts.seen < policy.minSeen) return reading;
  const keep = counts.correct.keep ?? 0;
  let best: { choice: string; correct: number } = { choice: 'keep', correct: keep };
  for (const [choice, correct] of Object.entries(counts.correct)) {
    if (correct > best.correct && choose(choice, phrase, reading) !== null) best = { choice, correct };
  }
  if (best.correct < (policy.dropBelow ?? 0) * counts.seen) return null;
  if (best.choice === 'keep' || best.correct < keep + policy.margin) return reading;
  return choose(best.choice, phrase, reading) ?? reading;
}
