// Pattern rules that find time expressions in news text and give each a TimeML type and value.
import type { TimeType } from '../../core/article.js';
import { NUMBER_SOURCE, parseNumber } from '../quantities/number-words.js';
import {
  addDays,
  addMonths,
  formatDate,
  formatMonth,
  formatTime,
  formatWeek,
  formatYear,
  isValidDate,
  type CalendarDate,
  type Reference,
} from './calendar.js';
import {
  MONTH_SOURCE,
  PARTS_OF_DAY,
  SEASONS,
  UNIT_SOURCE,
  VAGUE_COUNT_SOURCE,
  WEEKDAY_SOURCE,
  monthNumber,
  unitInfo,
  weekdayNumber,
} from './lexicon.js';
import {
  durationValue,
  lastCompletedQuarter,
  resolveMonth,
  resolveMonthDay,
  resolveQuarter,
  resolveSeason,
  resolveWeekday,
  shiftedValue,
  type Direction,
} from './resolve.js';
import type { Tense } from './tense.js';

export interface TimeRelation {
  readonly kind: 'before' | 'after' | 'during';
  readonly anchor: string;
  readonly offset?: string;
}

export interface TimeCandidate {
  readonly start: number;
  readonly end: number;
  readonly type: TimeType;
  readonly value: string | null;
  readonly relation?: TimeRelation;
  /** Which rule produced it (for debugging and benchmark error analysis). */
  readonly rule: string;
}

export interface RuleContext {
  readonly text: string;
  readonly ref: Reference | null;
  /** The reference as a full date; null when the publication date is unknown or partial. */
  readonly refDate: CalendarDate | null;
  /** The date "today" means at this position (the day the words were said, inside a dated quote). */
  today(start: number): CalendarDate | null;
  tense(start: number, end: number): Tense;
}

interface Built {
  readonly type: TimeType;
  readonly value: string | null;
  readonly start?: number;
  readonly end?: number;
}

interface Rule {
  readonly name: string;
  readonly re: RegExp;
  build(m: RegExpExecArray, ctx: RuleContext, start: number, end: number): Built | null;
}

const YEAR = '(?:1[6-9]\\d\\d|20\\d\\d)';

/**
 * "later that year", "that same day", "the next morning", "the following week": times told from a told time. So is
 * "the day before" or "the night after" closing its clause ("The day before, at a rally, he ..."), which names no
 * other anchor (groups 4 and 5).
 */
export const ANAPHORIC_RE =
  /\b(?:(earlier|later)\s+)?(?:(that(?:\s+same)?|the\s+same|the\s+next|the\s+following|the\s+previous|the\s+preceding)\s+)(day|morning|afternoon|evening|night|week|month|year)\b|\bthe\s+(day|morning|evening|night|week|month|year)\s+(before|after)(?=\s*[,.;:!?])/gi;
const NUM = `(?:${NUMBER_SOURCE})`;
const COUNT = `(?:\\d+\\s+1/2|${NUM}|${VAGUE_COUNT_SOURCE})`;

function dir(word: string | undefined): Direction {
  const w = word?.toLowerCase();
  if (w === 'last' || w === 'past' || w === 'previous') return 'last';
  if (w === 'next' || w === 'coming' || w === 'following') return 'next';
  if (w === 'this' || w === 'current') return 'this';
  return null;
}

/** Count of a "two", "a few", "several" phrase; null for vague counts. */
function countOf(phrase: string | undefined): number | null {
  if (!phrase) return 1;
  const p = phrase.toLowerCase().trim();
  if (/^(?:several|a\s+few|few|many|some|a\s+number\s+of)$/.test(p)) return null;
  if (/couple/.test(p)) return 2;
  if (p === 'a' || p === 'an') return 1;
  const fraction = /^(\d+)\s+1\/2$/.exec(p);
  if (fraction) return Number(fraction[1]) + 0.5;
  return parseNumber(p);
}

function dayValue(ctx: RuleContext, d: CalendarDate | null, part: string | undefined): Built {
  const partCode = part ? PARTS_OF_DAY[part.toLowerCase()] : undefined;
  if (!d) return { type: partCode ? 'TIME' : 'DATE', value: null };
  return partCode ? { type: 'TIME', value: `${formatDate(d)}T${partCode}` } : { type: 'DATE', value: formatDate(d) };
}

function monthDay(
  ctx: RuleContext,
  start: number,
  end: number,
  month: number,
  day: number,
  year: string | undefined,
  weekdayName?: string,
): string | null {
  // "Monday, Oct. 26": the year in which Oct. 26 is a Monday, when one of the neighbouring years fits.
  const wd = weekdayName ? weekdayNumber(weekdayName) : null;
  if (!year && ctx.ref && wd !== null) {
    const fits = [ctx.ref.year, ctx.ref.year - 1, ctx.ref.year + 1].filter(
      (y) => isValidDate(y, month, day) && new Date(Date.UTC(y, month - 1, day)).getUTCDay() === wd,
    );
    if (fits.length === 1 && fits[0] !== undefined) return formatDate({ year: fits[0], month, day });
  }
  if (year) return isValidDate(Number(year), month, day) ? formatDate({ year: Number(year), month, day }) : null;
  if (!ctx.ref) return `XXXX-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const awaited = AWAITED_BEFORE.test(ctx.text.slice(Math.max(0, start - 30), start));
  const y = resolveMonthDay(ctx.ref, month, day, awaited ? 'future' : ctx.tense(start, end));
  return isValidDate(y, month, day) ? formatDate({ year: y, month, day }) : null;
}

function hour24(hour: number, meridiem: string | undefined): number | null {
  if (hour > 23) return null;
  if (!meridiem) return hour;
  if (hour < 1 || hour > 12) return null;
  const pm = /^p/i.test(meridiem);
  return pm ? (hour % 12) + 12 : hour % 12;
}

// Counted nouns after a bare four-digit number mean it is a quantity ("2000 people"), not a year.
const COUNTED_AFTER = /^\s+(?:people|persons|troops|soldiers|workers|jobs|residents|employees|students|children|members|miles|kilometers|kilometres|feet|meters|metres|tons|tonnes|pounds|dollars|shares|cars|votes|units|cases|deaths|homes|houses|refugees|police|officers|marines|copies|barrels|acres|rounds|points|signatures|pages|words|delegates|others|of\s+(?:the|them|whom))\b/i;
const QUANTITY_BEFORE = /(?:\$|#|£|€|\b(?:about|some|nearly|almost|than|least|approximately|roughly|around|only|just|no\.|number|page|route|flight|room|model|code|rule|section|article|resolution)\s*)$/i;

// Words of business and economic news, and of sports reports, for telling a half-year from the half of a game.
const BUSINESS_WORDS = /\$|%|\b(?:percent|million|billion|profits?|sales|revenues?|earnings|income|growth|economy|economic|GDP|output|inflation|prices?|fiscal|forecasts?|quarters?|results|shares|market|demand|spending|investment|exports?|imports?|unemployment|orders|deliveries)\b/i;
/** The text of the sentence around [start, end), looked for at most 200 characters each way. */
function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 200), start);
  const after = text.slice(end, end + 200);
  const cut = before.search(/[^.!?]*$/);
  const stop = after.search(/[.!?](?:\s|$)/);
  return before.slice(cut) + text.slice(start, end) + (stop < 0 ? after : after.slice(0, stop));
}
const SPORTS_WORDS = /\b(?:goals?|scored?|scoring|match|game|half-?time|touchdowns?|innings|penalty|kick|striker|coach|league|season|points|referee|minute)\b/i;

// Words before a day that is still to come when the sentence's events happen.
// Adverbs of habit: a time told after one recurs ("usually conducted in the fourth quarter").
const HABITUAL_BEFORE = /\b(?:usually|typically|normally|generally|traditionally|customarily|always)\b/i;
// A month naming an event by its date ("the November election", "November's vote", "a June referendum", "the
// party's July convention"): with no tense cue, news names a coming event so, and tells a past one in the past tense.
const EVENT_AFTER = /^(?:['\u2019]s)?\s+(?:[a-z-]+\s+){0,2}?(?:elections?|votes?|vote|referendum|conventions?|summit|primary|primaries|caucus(?:es)?|deadline|hearing|trial|meeting|showdown|conference|ballot|launch|debut|opening|runoff|polls)\b/i;

/** Tense of a month's clause, read as looking ahead when the month names an event and no verb says otherwise. */
function monthTense(ctx: RuleContext, start: number, end: number): Tense {
  const tense = ctx.tense(start, end);
  return tense === 'unknown' && EVENT_AFTER.test(ctx.text.slice(end, end + 40)) ? 'future' : tense;
}

const AWAITED_BEFORE = /\b(?:ahead\s+of|(?:run|lead)-up\s+to|in\s+advance\s+of|await(?:s|ed|ing)?|awaiting|countdown\s+to)\s+(?:the\s+|next\s+|this\s+)?$/i;

const RULES: readonly Rule[] = [
  {
    name: 'iso-date',
    re: /\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2})?)?\b/g,
    build(m) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (!isValidDate(y, mo, d)) return null;
      const date = { year: y, month: mo, day: d };
      return m[4] ? { type: 'TIME', value: formatTime(date, Number(m[4]), Number(m[5])) } : { type: 'DATE', value: formatDate(date) };
    },
  },
  {
    name: 'numeric-date',
    re: /\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/g,
    build(m) {
      const [mo, d] = [Number(m[1]), Number(m[2])];
      const raw = m[3] ?? '';
      const y = raw.length === 2 ? (Number(raw) < 50 ? 2000 : 1900) + Number(raw) : Number(raw);
      return isValidDate(y, mo, d) ? { type: 'DATE', value: formatDate({ year: y, month: mo, day: d }) } : null;
    },
  },
  {
    // "Tuesday (March 4)": the parenthetical date wins over resolving the weekday.
    name: 'weekday-paren-date',
    re: new RegExp(`\\b${WEEKDAY_SOURCE}\\s*\\(\\s*(${MONTH_SOURCE})\\s+(\\d{1,2})(?:,?\\s+(${YEAR}))?\\s*\\)`, 'g'),
    build(m, ctx, start, end) {
      const month = monthNumber(m[1] ?? '');
      const value = month ? monthDay(ctx, start, end, month, Number(m[2]), m[3]) : null;
      return value ? { type: 'DATE', value } : null;
    },
  },
  {
    name: 'month-day-year',
    re: new RegExp(
      `\\b(?:(${WEEKDAY_SOURCE}),?\\s+)?(?:(early|late|mid-?)\\s*)?(${MONTH_SOURCE})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*(?:%|percent|,\\d))(?:,?\\s+(${YEAR})\\b)?`,
      'g',
    ),
    build(m, ctx, start, end) {
      const month = monthNumber(m[3] ?? '');
      const day = Number(m[4]);
      if (!month || day < 1 || day > 31) return null;
      const value = monthDay(ctx, start, end, month, day, m[5], m[1]);
      return value ? { type: 'DATE', value } : null;
    },
  },
  {
    name: 'day-month-year',
    re: new RegExp(`\\b(?:(${WEEKDAY_SOURCE}),?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_SOURCE})(?:,?\\s+(${YEAR}))?\\b`, 'g'),
    build(m, ctx, start, end) {
      const month = monthNumber(m[3] ?? '');
      const day = Number(m[2]);
      if (!month || day < 1 || day > 31) return null;
      const value = monthDay(ctx, start, end, month, day, m[4], m[1]);
      return value ? { type: 'DATE', value } : null;
    },
  },
  {
    // "on April 24 and 25", "March 3 to 5": the second day of the month just named, an expression of its own.
    name: 'month-day-list',
    re: new RegExp(`\\b(${MONTH_SOURCE})\\s+\\d{1,2}(?:st|nd|rd|th)?\\s*(?:and|or|to|through|[-\\u2013])\\s*(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*(?:%|percent|,\\d|[.:]\\d))(?:,?\\s+(${YEAR})\\b)?`, 'g'),
    build(m, ctx, start, end) {
      const month = monthNumber(m[1] ?? '');
      const day = Number(m[2]);
      if (!month || day < 1 || day > 31) return null;
      const second = m.index + m[0].search(new RegExp(`${m[2]}(?:st|nd|rd|th)?(?:,?\\s+${YEAR})?$`));
      const value = monthDay(ctx, start, end, month, day, m[3]);
      return value ? { type: 'DATE', value, start: second, end: second + (m[2] ?? '').length } : null;
    },
  },
  {
    name: 'month-year',
    re: new RegExp(`\\b(?:(?:early|late|mid)[\\s-]+)?(${MONTH_SOURCE}),?\\s+(?:of\\s+)?(?:(${YEAR})\\b|(this|last|next)\\s+year\\b)`, 'g'),
    build(m, ctx) {
      const month = monthNumber(m[1] ?? '');
      if (!month) return null;
      if (m[2]) return { type: 'DATE', value: formatMonth(Number(m[2]), month) };
      if (!ctx.ref) return { type: 'DATE', value: null };
      const step = dir(m[3]) === 'last' ? -1 : dir(m[3]) === 'next' ? 1 : 0;
      return { type: 'DATE', value: formatMonth(ctx.ref.year + step, month) };
    },
  },
  {
    // A bare month needs a cue word so that "May" the verb and "March" the noun stay out.
    name: 'month',
    re: new RegExp(
      `(?:\\b(last|next|this|early|late|mid|earlier|later)[\\s-]*|(?<=\\b(?:in|since|until|till|by|from|through|during|of|before|after|between|and|to|or|since|early|late|the)\\s))(${MONTH_SOURCE})\\b(?!\\.?\\s+\\d)`,
      'gi',
    ),
    build(m, ctx, start, end) {
      const word = m[2] ?? '';
      if (!/^[A-Z]/.test(word)) return null;
      // "by April Mellody", "to June Carter": a month that is also a first name, before a capitalised word.
      if (/^(?:April|May|June)$/.test(word) && /^\s+[A-Z][a-z]/.test(ctx.text.slice(end, end + 3))) return null;
      const month = monthNumber(word);
      if (!month) return null;
      if (!ctx.ref) return { type: 'DATE', value: `XXXX-${String(month).padStart(2, '0')}` };
      const year = resolveMonth(ctx.ref, month, monthTense(ctx, start, end), dir(m[1]));
      return { type: 'DATE', value: formatMonth(year, month) };
    },
  },
  {
    // A month used as a modifier in running text: "the strong October report", "a June referendum", "October's
    // jobs figures", "began March with $8 million". Capitalised after a lower-case word, a month name is the month
    // (the verb "march" is written lower case there, and "the annual March for Life" is a march); "May" stays out
    // ("said May"), and so does a month followed by a capitalised word, which makes it a first name ("April Mellody").
    name: 'month-modifier',
    re: /\b(?:January|February|March(?!\s+(?:for|against|on|to)\b)|April|June|July|August|September|October|November|December)\b(?!\.?\s+\d)(?!\s+[A-Z])/g,
    build(m, ctx, start, end) {
      if (!/\b[a-z]+,?\s$/.test(ctx.text.slice(Math.max(0, start - 24), start))) return null;
      const month = monthNumber(m[0]);
      if (!month) return null;
      if (!ctx.ref) return { type: 'DATE', value: `XXXX-${String(month).padStart(2, '0')}` };
      return { type: 'DATE', value: formatMonth(resolveMonth(ctx.ref, month, monthTense(ctx, start, end), null), month) };
    },
  },
  {
    name: 'decade',
    re: /(?:\b(?:early|late|mid)[\s-]+)?(?:\b(1[5-9]\d|20\d)0'?s|(?<!\w)'(\d)0s)\b/gi,
    build(m, ctx) {
      if (m[1]) return { type: 'DATE', value: `${m[1]}X` };
      const d = Number(m[2]);
      const refYear = ctx.ref?.year ?? 1999;
      const century = d * 10 <= refYear % 100 ? Math.floor(refYear / 100) : Math.floor(refYear / 100) - 1;
      return { type: 'DATE', value: `${century}${d}X` };
    },
  },
  {
    // "the nineties": the decade nearest before the reference (TimeML gives the three-digit decade, 199).
    name: 'spoken-decade',
    re: /\bthe\s+(?:(?:early|late|mid)[\s-]+)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/gi,
    build(m, ctx) {
      const tens: Readonly<Record<string, number>> = { twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9 };
      const d = tens[(m[1] ?? '').toLowerCase()];
      if (d === undefined) return null;
      const refYear = ctx.ref?.year ?? 1999;
      const century = d * 10 <= refYear % 100 ? Math.floor(refYear / 100) : Math.floor(refYear / 100) - 1;
      return { type: 'DATE', value: `${century}${d}` };
    },
  },
  {
    // The year a report is in: "the full year", "the current fiscal year", "by year end", "earlier in the year".
    name: 'report-year',
    re: /\bthe\s+(?:full|current(?:\s+fiscal)?)\s+year\b(?!['\u2019]s|\s+(?:ended|ending|to)\b)|\byear(?:['\u2019]s|-)?\s*end\b|\b(?:earlier|later)\s+in\s+the\s+year\b/gi,
    build(_m, ctx) {
      return { type: 'DATE', value: ctx.ref ? formatYear(ctx.ref.year) : null };
    },
  },
  {
    // A twelve-month reporting period named by its end ("in the year ended March 31", "for the fiscal year ending
    // June 30") is a stretch of a year, not the calendar year the report is in; its end date is its own expression.
    name: 'year-ended',
    re: /\bthe\s+(?:(?:full|latest|last|previous|prior)\s+)?(?:fiscal\s+|financial\s+|calendar\s+)?year(?=\s+(?:that\s+)?(?:ended|ending|ends|to)\s+(?:on\s+)?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d|tomorrow|today|yesterday|next|last))/gi,
    build() {
      return { type: 'DURATION', value: 'P1Y' };
    },
  },
  {
    // "the first week of February", "the last week of March 2024": the ISO week holding that stretch of the month.
    name: 'week-of-month',
    re: new RegExp(`\\bthe\\s+(first|second|third|fourth|last|final)\\s+week\\s+of\\s+(${MONTH_SOURCE})\\.?(?:,?\\s+(${YEAR}))?\\b`, 'g'),
    build(m, ctx, start, end) {
      const month = monthNumber(m[2] ?? '');
      if (month === null) return null;
      const year = m[3] ? Number(m[3]) : ctx.ref ? resolveMonth(ctx.ref, month, ctx.tense(start, end), null) : null;
      if (year === null) return { type: 'DATE', value: null };
      const nth: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4 };
      const n = nth[(m[1] ?? '').toLowerCase()];
      const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
      // The middle of the stretch decides the week: days 4, 11, 18, 25, or three days before the month ends.
      const day = n ? 4 + (n - 1) * 7 : lastDay - 3;
      return { type: 'DATE', value: formatWeek({ year, month, day }) };
    },
  },
  {
    // "the end of 1994", "by the start of March": the year or month itself, the whole phrase one expression.
    name: 'period-edge-named',
    // The space after the month belongs to the expression only when a year follows ("the end of June. He" ends at June).
    re: new RegExp(`\\b(?:the\\s+)?(?:very\\s+)?(?:end|beginning|start|middle|close|turn)\\s+of\\s+(?:(${MONTH_SOURCE})(?:\\.?,?\\s+(${YEAR}))?(?!\\w)|(${YEAR})\\b)`, 'g'),
    build(m, ctx, start, end) {
      if (!m[1]) return { type: 'DATE', value: m[3] ?? null };
      const month = monthNumber(m[1]);
      if (month === null) return null;
      const year = m[2] ? Number(m[2]) : ctx.ref ? resolveMonth(ctx.ref, month, ctx.tense(start, end), null) : null;
      return { type: 'DATE', value: year === null ? null : formatMonth(year, month) };
    },
  },
  {
    // "the end of the year", "the start of next month", "the middle of this week": the period itself, as TimeML
    // writes it (the edge would be a mod=END/START attribute, which spans here do not carry).
    name: 'period-edge',
    re: /\b(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|turn)\s+of\s+(?:(the|this|next|last|the\s+current)\s+)(week|month|quarter|year|decade|century)\b/gi,
    build(m, ctx, start) {
      const today = ctx.today(start);
      if (!today) return { type: 'DATE', value: null };
      const word = (m[1] ?? '').toLowerCase();
      const shift = word === 'last' ? -1 : word === 'next' ? 1 : 0;
      switch ((m[2] ?? '').toLowerCase()) {
        case 'week':
          return { type: 'DATE', value: formatWeek(addDays(today, shift * 7)) };
        case 'month': {
          const mm = addMonths(today.year, today.month, shift);
          return { type: 'DATE', value: formatMonth(mm.year, mm.month) };
        }
        case 'quarter': {
          const index = today.year * 4 + Math.floor((today.month - 1) / 3) + shift;
          return { type: 'DATE', value: `${formatYear(Math.floor(index / 4))}-Q${(index % 4) + 1}` };
        }
        case 'year':
          return { type: 'DATE', value: formatYear(today.year + shift) };
        case 'decade':
          return { type: 'DATE', value: formatYear(today.year + shift * 10).slice(0, 3) };
        default:
          return { type: 'DATE', value: formatYear(today.year + shift * 100).slice(0, 2) };
      }
    },
  },
  {
    name: 'century',
    re: /\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\s+century\b/gi,
    build(m) {
      const n = Number(m[1]);
      return n > 0 && n < 22 ? { type: 'DATE', value: String(n - 1).padStart(2, '0') } : null;
    },
  },
  {
    name: 'year',
    // A fiscal year may be named "fiscal year 2012", "FY 2012" or "FY2012": annotators write the year (1998). A year
    // before a hyphen and digits is a number ("1999-2345", "2011-12"), unless a whole year follows ("1999-2003").
    re: new RegExp(`(?:\\b(?:(?:early|late|mid|fiscal(?:\\s+year)?|calendar(?:\\s+year)?)[\\s-]+|(?:pre|post|mid)-|FY\\s?))?(?:\\b|(?<=FY))(${YEAR})\\b(?!\\/\\d|-(?!${YEAR}\\b)\\d|,\\d{3}|\\.\\d|:\\d|\\s*(?:%|percent))`, 'gi'),
    build(m, ctx, start, end) {
      const before = ctx.text.slice(Math.max(0, start - 24), start);
      const after = ctx.text.slice(end, end + 30);
      if (QUANTITY_BEFORE.test(before) || COUNTED_AFTER.test(after)) return null;
      if (/\d[,.]?$/.test(before)) return null;
      return { type: 'DATE', value: m[1] ?? null };
    },
  },
  {
    // Transcripts spell years out: "nineteen ninety-six", "nineteen oh five", "the year two thousand".
    name: 'spoken-year',
    re: /\b(?:(?:the\s+)?year\s+)?(?:(eighteen|nineteen)\s+(?:(ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](one|two|three|four|five|six|seven|eight|nine))?|(?:oh|o)[\s-](one|two|three|four|five|six|seven|eight|nine)|(hundred))|(two\s+thousand)(?:\s+(?:and\s+)?(one|two|three|four|five|six|seven|eight|nine|ten))?)\b/gi,
    build(m, ctx, start) {
      const ones: Readonly<Record<string, number>> = {
        one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
        thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
      };
      const tens: Readonly<Record<string, number>> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
      const introduced = /^(?:the\s+)?year/i.test(m[0]);
      // "two thousand" and "nineteen hundred" are counts unless introduced as a year ("the year two thousand").
      if ((m[7] || m[6]) && !introduced) return null;
      if (m[7]) return { type: 'DATE', value: String(2000 + (ones[(m[8] ?? '').toLowerCase()] ?? 0)) };
      const century = (m[1] ?? '').toLowerCase() === 'eighteen' ? 1800 : 1900;
      const low = m[6]
        ? 0
        : m[2]
          ? (ones[m[2].toLowerCase()] ?? 0)
          : m[3]
            ? (tens[m[3].toLowerCase()] ?? 0) + (ones[(m[4] ?? '').toLowerCase()] ?? 0)
            : (ones[(m[5] ?? '').toLowerCase()] ?? 0);
      const year = century + low;
      // "January nineteen ninety-seven": a month told just before the spoken year is its month.
      const before = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+$/.exec(ctx.text.slice(Math.max(0, start - 12), start));
      const month = before && !introduced ? monthNumber(before[1] ?? '') : null;
      if (month !== null && before) return { type: 'DATE', value: formatMonth(year, month), start: start - before[0].length + (before[0].length - before[0].trimStart().length) };
      return { type: 'DATE', value: String(year) };
    },
  },
  {
    name: 'today',
    // The part of the day may come first too: "mid-afternoon yesterday", "early morning today".
    re: /\b(?:(?:(?:early|late)\s+|mid-?)(morning|afternoon|evening)|(morning|afternoon|evening))\s+(yesterday|today|tomorrow)\b|\b(today|tonight|yesterday|tomorrow)(?:\s+(morning|afternoon|evening|night))?\b|\b(?:the\s+)?day\s+(before\s+yesterday|after\s+tomorrow)\b|\b(this|last|tomorrow|yesterday)\s+(morning|afternoon|evening|night)\b/gi,
    build(mm, ctx, start) {
      // One set of groups whichever order the part and the day come in.
      const fronted = mm[3] !== undefined;
      const m = fronted ? ['', mm[3], mm[1] ?? mm[2]] : ['', mm[4], mm[5], mm[6], mm[7], mm[8]];
      // A bare part before the day word is another phrase's ("Friday morning yesterday" never is one time).
      if (fronted && mm[2] && /\b(?:in\s+the|this|that|the|every|each|on|of)\s+$/i.test(ctx.text.slice(Math.max(0, start - 10), start))) return null;
      const today = ctx.today(start);
      let offset = 0;
      let part: string | undefined;
      const word = (m[1] ?? m[4] ?? '').toLowerCase();
      if (m[3]) offset = /before/i.test(m[3]) ? -2 : 2;
      else if (word === 'yesterday' || (word === 'last' && m[5])) offset = -1;
      else if (word === 'tomorrow') offset = 1;
      if (m[2]) part = m[2];
      else if (m[5]) part = word === 'last' ? 'night' : m[5];
      if (word === 'last' && m[5] && m[5].toLowerCase() !== 'night') return null;
      const day = today ? addDays(today, offset) : null;
      return dayValue(ctx, day, part);
    },
  },
  {
    name: 'weekday',
    re: new RegExp(
      `\\b(?:(last|next|this|coming|past|early|late)\\s+)?(${WEEKDAY_SOURCE})(?:'s)?(?:\\s+(morning|afternoon|evening|night|overnight))?\\b`,
      'gi',
    ),
    build(m, ctx, start, end) {
      const word = m[2] ?? '';
      if (!/^[A-Z]/.test(word)) return null;
      const wd = weekdayNumber(word);
      if (wd === null) return null;
      const today = ctx.today(start);
      // "Wednesday's ruling" names something that has happened, unless the day is one still awaited ("ahead of
      // Sunday's vote", "in the run-up to Friday's deadline").
      const awaited = AWAITED_BEFORE.test(ctx.text.slice(Math.max(0, start - 30), start));
      const tense = awaited ? 'future' : /'s$/.test(m[0]) ? 'past' : ctx.tense(start, end);
      const d = today ? resolveWeekday(today, wd, tense, dir(m[1])) : null;
      const trimmed = /'s$/.test(m[0]) ? { end: end - 2 } : {};
      const e = /^(?:early|late)$/i.test(m[1] ?? '') ? { start: start + (m[1]?.length ?? 0) + 1 } : {};
      return { ...dayValue(ctx, d, m[3]), ...trimmed, ...e };
    },
  },
  {
    name: 'weekday-plural',
    re: new RegExp(`\\b(?:on\\s+)?(${WEEKDAY_SOURCE})s\\b`, 'g'),
    build(m) {
      const wd = weekdayNumber(m[1] ?? '');
      return wd === null ? null : { type: 'SET', value: `XXXX-WXX-${wd === 0 ? 7 : wd}` };
    },
  },
  {
    name: 'relative-unit',
    re: /\b(?:(earlier|later|early|late)\s+)?(last|next|this|coming|past|previous|current)\s+(week|month|year|weekend|decade|century|quarter)\b/gi,
    build(m, ctx, start) {
      const d = dir(m[2]);
      const unit = (m[3] ?? '').toLowerCase();
      const before = ctx.text.slice(Math.max(0, start - 12), start);
      // "the previous year" is the year before the one told (resolved with the anaphoric phrases).
      if (/\bthe\s+$/i.test(before) && /^previous$/i.test(m[2] ?? '') && !m[1]) return null;
      // "the past week", "over the last year": a stretch of time up to now, not a calendar unit.
      if (/\bthe\s+$/i.test(before) && d === 'last' && !m[1]) {
        const info = unitInfo(unit === 'weekend' ? 'day' : unit);
        // TimeML takes the article into the extent of such a stretch ("the past year").
        const the = /\bthe\s+$/i.exec(before)?.[0].length ?? 0;
        return info ? { type: 'DURATION', value: durationValue(unit === 'weekend' ? 2 : 1, info), start: start - the } : null;
      }
      const today = ctx.today(start);
      const ref = ctx.ref;
      const step = d === 'last' ? -1 : d === 'next' ? 1 : 0;
      if (unit === 'year') return ref ? { type: 'DATE', value: formatYear(ref.year + step) } : { type: 'DATE', value: null };
      if (unit === 'decade') return ref ? { type: 'DATE', value: `${String(Math.floor(ref.year / 10) + step).padStart(3, '0')}X` } : { type: 'DATE', value: null };
      if (unit === 'century') return ref ? { type: 'DATE', value: String(Math.floor(ref.year / 100) + step) } : { type: 'DATE', value: null };
      if (unit === 'month') {
        if (!ref || ref.month === null) return { type: 'DATE', value: null };
        const mm = addMonths(ref.year, ref.month, step);
        return { type: 'DATE', value: formatMonth(mm.year, mm.month) };
      }
      if (unit === 'quarter') {
        if (!ref || ref.month === null) return { type: 'DATE', value: null };
        const q = Math.floor((ref.month - 1) / 3) + step;
        const year = ref.year + Math.floor(q / 4);
        return { type: 'DATE', value: `${formatYear(year)}-Q${(((q % 4) + 4) % 4) + 1}` };
      }
      if (!today) return { type: 'DATE', value: null };
      const shifted = addDays(today, step * 7);
      return { type: 'DATE', value: unit === 'weekend' ? `${formatWeek(shifted)}-WE` : formatWeek(shifted) };
    },
  },
  {
    // TimeML writes a weekend as its ISO week plus -WE; a past-tense weekend early in the week is the last one.
    name: 'weekend',
    re: /\b(?:the|this)\s+weekend\b/gi,
    build(_m, ctx, start, end) {
      const today = ctx.today(start);
      if (!today) return { type: 'DATE', value: null };
      const dow = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay();
      const past = ctx.tense(start, end) === 'past' && dow >= 1 && dow <= 5;
      return { type: 'DATE', value: `${formatWeek(addDays(today, past ? -7 : 0))}-WE` };
    },
  },
  {
    name: 'season',
    re: /\b(?:(last|next|this|coming|past)\s+|(?:(early|late|mid)[\s-]+)|(?<=\b(?:in|the|since|until|during|by|through|this|of)\s))(spring|summer|fall|autumn|winter)\b(?:\s+(?:of\s+)?(1[6-9]\d\d|20\d\d)|\s+of\s+(last|this|next)\s+year\b)?/gi,
    build(m, ctx, start, end) {
      const season = SEASONS[(m[3] ?? '').toLowerCase()];
      if (!season) return null;
      if (m[4]) return { type: 'DATE', value: `${m[4]}-${season}` };
      if (!ctx.ref) return { type: 'DATE', value: null };
      // "the spring of last year": the season of the year named, whatever the tense.
      if (m[5]) {
        const shift = /^last$/i.test(m[5]) ? -1 : /^next$/i.test(m[5]) ? 1 : 0;
        return { type: 'DATE', value: `${formatYear(ctx.ref.year + shift)}-${season}` };
      }
      return { type: 'DATE', value: `${formatYear(resolveSeason(ctx.ref, season, ctx.tense(start, end), dir(m[1])))}-${season}` };
    },
  },
  {
    // "the third quarter", "the 1988 second quarter", "next year's first quarter", "the current quarter".
    name: 'quarter',
    re: /\b(?:the\s+)?(?:((?:1[6-9]\d\d|20\d\d)(?:['\u2019]s)?|this\s+year's|last\s+year's|next\s+year's|year-ago|year-earlier)\s+)?(?:(?:fiscal|calendar)\s+)?(first|second|third|fourth|1st|2nd|3rd|4th|latest|last|previous|current|year-earlier|year-ago|same)(?:[\s-]+(?:fiscal\s+)?)quarters?\b(?:\s+of\s+(?:(?:fiscal\s+)?(1[6-9]\d\d|20\d\d)|(this|last|next)\s+(?:fiscal\s+)?year\b))?/gi,
    build(m, ctx, start) {
      const word = (m[2] ?? '').toLowerCase();
      const nth: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };
      const q = nth[word];
      const lead = (m[1] ?? '').toLowerCase();
      // "the third-quarter loss": the hyphenated quarter is an adjective of the noun after it, "the" belongs to that noun.
      const adjective = /^the\s/i.test(m[0]) && /-(?:fiscal\s+)?quarter$/i.test(m[0]) ? { start: start + (/^the\s+/i.exec(m[0])?.[0].length ?? 0) } : {};
      const built = (value: string | null): Built => ({ type: 'DATE', value, ...adjective });
      // "usually conducted in the second and fourth quarters": a plural quarter told as a habit recurs every year.
      if (q && !m[3] && !lead && /quarters$/i.test(m[0]) && HABITUAL_BEFORE.test(ctx.text.slice(Math.max(0, start - 60), start))) {
        return { type: 'SET', value: `XXXX-Q${q}`, ...adjective };
      }
      if (q) {
        let year: number | null = m[3] ? Number(m[3]) : /^\d{4}/.test(lead) ? Number(lead.slice(0, 4)) : null;
        // "the third quarter of last year" names its year after it, like "last year's third quarter" before it.
        const yearAfter = (m[4] ?? '').toLowerCase();
        if (year === null && ctx.ref && yearAfter) year = ctx.ref.year + (yearAfter === 'last' ? -1 : yearAfter === 'next' ? 1 : 0);
        if (year === null && ctx.ref) {
          if (lead.startsWith('this')) year = ctx.ref.year;
          else if (lead.startsWith('last')) year = ctx.ref.year - 1;
          else if (lead.startsWith('next')) year = ctx.ref.year + 1;
          else if (lead.startsWith('year-')) year = resolveQuarter(ctx.ref, q) - 1;
          else year = resolveQuarter(ctx.ref, q, ctx.tense(start, start + m[0].length));
        }
        return built(year === null ? null : `${formatYear(year)}-Q${q}`);
      }
      if (!ctx.ref || ctx.ref.month === null) return built(null);
      // The current quarter is the one publication falls in; "the latest quarter" the last one reported.
      if (word === 'current') return built(`${formatYear(ctx.ref.year)}-Q${Math.floor((ctx.ref.month - 1) / 3) + 1}`);
      const last = lastCompletedQuarter(ctx.ref);
      if (!last) return built(null);
      const year = /year-(?:earlier|ago)/.test(word) || lead.startsWith('year-') ? last.year - 1 : last.year;
      return built(`${formatYear(year)}-Q${last.quarter}`);
    },
  },
  {
    // "the second and fourth quarters": the first of two coordinated ordinals names a quarter of its own, a recurring
    // one when told as a habit, else of the year named after the pair or the one the clause's tense gives.
    name: 'quarter-coordinated',
    re: /\b(first|second|third|fourth)(?=\s+(?:and|or)\s+(?:the\s+)?(?:first|second|third|fourth)[\s-]+quarters\b(?:\s+of\s+(?:fiscal\s+)?(1[6-9]\d\d|20\d\d))?)/gi,
    build(m, ctx, start, end) {
      const q = ({ first: 1, second: 2, third: 3, fourth: 4 } as Readonly<Record<string, number>>)[(m[1] ?? '').toLowerCase()];
      if (!q) return null;
      if (HABITUAL_BEFORE.test(ctx.text.slice(Math.max(0, start - 60), start))) return { type: 'SET', value: `XXXX-Q${q}` };
      const year = m[2] ? Number(m[2]) : ctx.ref ? resolveQuarter(ctx.ref, q, ctx.tense(start, end)) : null;
      return { type: 'DATE', value: year === null ? null : `${formatYear(year)}-Q${q}` };
    },
  },
  {
    // "the quarter ended July 31": the three months up to that day, named by the calendar quarter holding most of
    // them (May to July is the second quarter), whatever quarter the report otherwise speaks of.
    name: 'quarter-ended',
    re: new RegExp(`\\b(?:the|its|their)\\s+(?:(?:latest|fiscal|most\\s+recent)\\s+)?quarter(?=\\s+(?:that\\s+)?(?:ended|ending|ends)\\s+(?:on\\s+)?(${MONTH_SOURCE})\\s*(\\d{1,2})\\b(?:,?\\s+(${YEAR}))?)`, 'g'),
    build(m, ctx, start, end) {
      const month = monthNumber(m[1] ?? '');
      if (month === null) return null;
      const year = m[3] ? Number(m[3]) : ctx.ref ? resolveMonthDay(ctx.ref, month, Number(m[2]), 'past') : null;
      if (year === null) return { type: 'DATE', value: null };
      const middle = addMonths(year, month, -1);
      const adjective = /^(?:its|their)\s/i.test(m[0]) ? { start: start + (/^\S+\s+/.exec(m[0])?.[0].length ?? 0) } : {};
      return { type: 'DATE', value: `${formatYear(middle.year)}-Q${Math.floor((middle.month - 1) / 3) + 1}`, ...adjective, end };
    },
  },
  {
    // "the quarter", "the latest period", "this quarter": the quarter a report is about; the last completed one
    // here, the one the report named in resolveEarningsPeriods.
    name: 'the-quarter',
    re: /\b(?:the|this)\s+(?:latest\s+)?(?:quarter|period)\b(?!-)/gi,
    build(m, ctx, _start, end) {
      if (/period/i.test(m[0]) && !/latest/i.test(m[0])) return null;
      // "the quarter of voters who ...": a fourth of something, not three months ("the quarter of 1989" is told by a year).
      if (/^\s+of\s+(?!(?:the\s+)?(?:fiscal\s+)?(?:year|1[6-9]\d\d|20\d\d)\b)/i.test(ctx.text.slice(end, end + 24))) return null;
      const last = ctx.ref ? lastCompletedQuarter(ctx.ref) : null;
      return { type: 'DATE', value: last ? `${formatYear(last.year)}-Q${last.quarter}` : null };
    },
  },
  {
    // Earnings comparisons: "a year earlier", "year-ago", "the year-earlier period", "the prior-year period", "the 1988
    // period". The value is the year here; resolveEarningsPeriods turns it into the year-ago quarter when the report is
    // quarterly.
    name: 'year-ago',
    re: /\b(?:the\s+)?(?:year-(?:ago|earlier)|prior-year|(1[6-9]\d\d|20\d\d))\s+(?:period|quarter)\b|\b(?:year-(?:ago|earlier)|prior-year)\b|\b(?:a|one)\s+year\s+earlier\b|\bthe\s+(?:same|corresponding|comparable)\s+(?:period|quarter)\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year)\b|\bthe\s+quarter\s+a\s+year\s+(?:ago|earlier)\b/gi,
    build(m, ctx) {
      if (m[1]) return { type: 'DATE', value: m[1] };
      return { type: 'DATE', value: ctx.ref ? formatYear(ctx.ref.year - 1) : null };
    },
  },
  {
    // Halves of a year: "the first half of 2013", "the second half of the year", "first-half profit", "this year's
    // second half". A bare "the second half" is a half-year only where the text speaks of business or the economy;
    // in a sports report it is the half of a game.
    name: 'half-year',
    re: /\b(?:the\s+)?(?:(1[6-9]\d\d|20\d\d|this\s+year's|last\s+year's|next\s+year's)\s+)?(first|second)[\s-]+half\b(?:\s+of\s+(?:(?:(this|last|next)\s+year|the\s+(?:current\s+|calendar\s+)?year)\b|(1[6-9]\d\d|20\d\d)\b))?/gi,
    build(m, ctx, start, end) {
      const h = /first/i.test(m[2] ?? '') ? 1 : 2;
      const lead = (m[1] ?? '').toLowerCase();
      const named = m[4] ?? (/^\d{4}$/.test(lead) ? lead : undefined);
      const shiftWord = m[3] ?? (lead.endsWith("'s") ? lead.split(/\s/)[0] : undefined);
      const ofYear = /\bof\s+the\s+(?:current\s+|calendar\s+)?year$/i.test(m[0]);
      const hyphenated = /first-|second-/i.test(m[0]);
      if (!named && !shiftWord && !ofYear) {
        const sentence = sentenceAround(ctx.text, start, end);
        if (!BUSINESS_WORDS.test(sentence) || SPORTS_WORDS.test(sentence)) return null;
      }
      // "the first-half results": the hyphenated half is an adjective of the noun after it, "the" belongs to that noun.
      const adjective = hyphenated && /^the\s/i.test(m[0]) ? { start: start + (/^the\s+/i.exec(m[0])?.[0].length ?? 0) } : {};
      if (named) return { type: 'DATE', value: `${named}-H${h}`, ...adjective };
      if (!ctx.ref) return { type: 'DATE', value: null, ...adjective };
      let year = ctx.ref.year + (dir(shiftWord) === 'last' ? -1 : dir(shiftWord) === 'next' ? 1 : 0);
      if (!shiftWord && !ofYear && ctx.ref.month !== null) {
        // A half not yet begun is last year's in a past-tense clause; one already over is next year's in a future one.
        const current = ctx.ref.month <= 6 ? 1 : 2;
        const tense = ctx.tense(start, end);
        if (tense === 'future' && h < current) year += 1;
        else if (tense === 'past' && h > current) year -= 1;
      }
      return { type: 'DATE', value: `${formatYear(year)}-H${h}`, ...adjective };
    },
  },
  {
    // "Q3", "Q1 2013": a quarter written the way business news abbreviates it.
    name: 'quarter-abbreviation',
    re: /\bQ([1-4])(?:\s+(1[6-9]\d\d|20\d\d)\b)?(?![\w-])/g,
    build(m, ctx, start, end) {
      const q = Number(m[1]);
      const year = m[2] ? Number(m[2]) : ctx.ref ? resolveQuarter(ctx.ref, q, ctx.tense(start, end)) : null;
      return { type: 'DATE', value: year === null ? null : `${formatYear(year)}-Q${q}` };
    },
  },
  {
    name: 'ago',
    re: new RegExp(`\\b(?:(?:more\\s+than|less\\s+than|nearly|almost|about|some|over|at\\s+least)\\s+)?((?:${COUNT}|(?:tens\\s+of\\s+)?(?:hundreds|thousands|millions|dozens)\\s+of)\\s+)?(${UNIT_SOURCE})\\s+ago\\b`, 'gi'),
    build(m, ctx, start) {
      const unit = unitInfo(m[2] ?? '');
      // "years ago", "thousands of years ago": some time back, no count to shift by.
      const count = !m[1] && /s$/i.test(m[2] ?? '') ? null : /\bof\s+$/i.test(m[1] ?? '') ? null : countOf(m[1]);
      const today = ctx.today(start);
      if (!unit) return null;
      if (count === null || !today) {
        if (!ctx.ref) return { type: 'DATE', value: null };
        return { type: 'DATE', value: unit.letter === 'Y' && !unit.time ? 'PAST_REF' : 'PAST_REF' };
      }
      // "an hour ago", "20 minutes ago": a time earlier on the day told (its clock time is not known here).
      if (unit.time) return { type: 'DATE', value: formatDate(today) };
      return { type: 'DATE', value: shiftedValue(today, count, unit, -1) };
    },
  },
  {
    name: 'duration-half',
    re: new RegExp(`\\b(?:(${NUM})\\s+and\\s+a\\s+half\\s+(${UNIT_SOURCE})|(an?|one)\\s+(${UNIT_SOURCE})\\s+and\\s+a\\s+half|half\\s+an?\\s+(${UNIT_SOURCE}))\\b`, 'gi'),
    build(m) {
      const unit = unitInfo(m[2] ?? m[4] ?? m[5] ?? '');
      if (!unit) return null;
      const whole = m[1] ? parseNumber(m[1]) : m[3] ? 1 : 0;
      return whole === null ? null : { type: 'DURATION', value: durationValue(whole + 0.5, unit) };
    },
  },
  {
    name: 'duration',
    re: new RegExp(
      `\\b(?:(?:the\\s+)?(?:past|last|next|previous|coming|first|final|recent|following|latest)\\s+|the\\s+(?=[^\\s-]+\\s+(?:[a-z]+\\s+)?[a-z]+s\\b))?(?:(?:more\\s+than|less\\s+than|at\\s+least|at\\s+most|up\\s+to|nearly|almost|over(?!\\s+(?:several|many|a\\s+few|few|some)\\b)|under)\\s+)?(${COUNT})(?:(?:\\s+to\\s+|\\s*[-\\u2013]\\s*)(${NUM}))?(?:\\s+(?:more|additional|full|straight|consecutive|trading|business|working|school))?[\\s-]+(${UNIT_SOURCE})(?:-long)?\\b(?!-old|\\s+old\\b)(?:\\s+or\\s+so\\b)?`,
      'gi',
    ),
    build(m, ctx, start, end) {
      const unit = unitInfo(m[3] ?? '');
      if (!unit) return null;
      // "two to three weeks", "12 to 18 months": a range of lengths, its count unknown (TimeML writes P<X>W).
      const upper = m[2] ? parseNumber(m[2]) : null;
      const low = countOf(m[1]);
      if (m[2] && (upper === null || low === null || upper <= low)) return null;
      const count = m[2] ? null : low;
      if (count !== null && count <= 0) return null;
      // "The talks will last several days": "last" is the verb, the time is the count and its unit.
      if (/^last\s/i.test(m[0]) && /\b(?:will|would|could|can|may|might|must|should|to|not|did|does|do|'ll)\s+$/i.test(ctx.text.slice(Math.max(0, start - 12), start))) {
        const at = m[0].search(/\s/) + 1;
        return { type: 'DURATION', value: durationValue(count, unit), start: start + at + (m[0].slice(at).length - m[0].slice(at).trimStart().length) };
      }
      // "four years old" is an age, not a stretch of time; "a second round" is an ordinal.
      if (/^\s+(?:old|of\s+age)\b/i.test(ctx.text.slice(end, end + 12))) return null;
      // "a second-place finish" too.
      if (/^(?:a|one)\s+second$/i.test(m[0]) && /^(?:\s+(?!later|ago|or|and|before|after)[a-z]|-[a-z])/i.test(ctx.text.slice(end, end + 10))) return null;
      return { type: 'DURATION', value: durationValue(count, unit) };
    },
  },
  {
    name: 'long-adjective',
    re: /\b(?:(seconds|minutes|hours|days|weeks|months|years|decades)|(second|minute|hour|day|week|month|year|decade|century))-long\b/gi,
    build(m) {
      const unit = unitInfo(m[1] ?? m[2] ?? '');
      return unit ? { type: 'DURATION', value: durationValue(m[1] ? null : 1, unit) } : null;
    },
  },
  {
    name: 'week-of',
    re: new RegExp(`\\bthe\\s+week\\s+of\\s+(${MONTH_SOURCE})\\s+(\\d{1,2})(?:,?\\s+(${YEAR}))?\\b`, 'g'),
    build(m, ctx, start, end) {
      const month = monthNumber(m[1] ?? '');
      const value = month ? monthDay(ctx, start, end, month, Number(m[2]), m[3]) : null;
      const day = value ? /^(\d{4})-(\d\d)-(\d\d)$/.exec(value) : null;
      if (!day) return { type: 'DATE', value: null };
      return { type: 'DATE', value: formatWeek({ year: Number(day[1]), month: Number(day[2]), day: Number(day[3]) }) };
    },
  },
  {
    // Resolved afterwards against the last date the text mentioned (see resolveAnaphoric).
    name: 'anaphoric',
    re: ANAPHORIC_RE,
    build(m) {
      return { type: /morning|afternoon|evening|night/i.test(m[3] ?? m[4] ?? '') ? 'TIME' : 'DATE', value: null };
    },
  },
  {
    name: 'vague-duration',
    // "for years", "in recent days", and a bare plural counted from a told time: "Hours later, police arrived".
    re: /\b(?:(recent|coming|past|next|several|many)\s+|(?<=\b(?:for|over|in|within|takes?|took|lasted)\s)|(?<=\b(?:over|in|through)\s+the\s)|(?=[A-Za-z]+\s+(?:later|earlier)\b))(seconds|minutes|hours|days|weeks|months|years|decades|centuries)\b(?!\s+(?:ago|old)\b)/gi,
    build(m) {
      const unit = unitInfo(m[2] ?? '');
      return unit ? { type: 'DURATION', value: durationValue(null, unit) } : null;
    },
  },
  {
    // "twice a day", "three times a week", "every two weeks": recurrences, not stretches of time.
    name: 'set-frequency',
    re: new RegExp(`\\b(?:(?:once|twice|(?:${NUM})\\s+times)\\s+(?:a|an|per|each|every)\\s+(day|night|week|month|year|hour|minute)|every\\s+(${NUM})\\s+(days|nights|weeks|months|years|hours|minutes))\\b`, 'gi'),
    build(m) {
      const unit = unitInfo(m[1] ?? m[3] ?? '');
      if (!unit) return null;
      const every = m[2] ? parseNumber(m[2]) : 1;
      return every === null ? null : { type: 'SET', value: durationValue(every, unit) };
    },
  },
  {
    name: 'set',
    re: new RegExp(
      `\\b(?:(daily|nightly|weekly|monthly|quarterly|annually|yearly|hourly)|(?:every|each)\\s+(?:other\\s+)?(day|night|week|month|year|hour|morning|evening|minute|summer|winter|spring|fall|autumn|${WEEKDAY_SOURCE}|January|February|March|April|May|June|July|August|September|October|November|December))\\b`,
      'gi',
    ),
    build(m, ctx, start, end) {
      const word = (m[1] ?? m[2] ?? '').toLowerCase();
      // "each July", "every Tuesday", "every summer": the calendar unit that recurs (XXXX-07, XXXX-WXX-2, XXXX-SU).
      const month = m[2] && /^[A-Z]/.test(m[2]) ? monthNumber(m[2]) : null;
      if (month !== null) return { type: 'SET', value: `XXXX-${String(month).padStart(2, '0')}` };
      const weekday = m[2] && /^[A-Z]/.test(m[2]) ? weekdayNumber(m[2]) : null;
      if (weekday !== null) return { type: 'SET', value: `XXXX-WXX-${weekday === 0 ? 7 : weekday}` };
      const season = SEASONS[word];
      if (m[2] && season) return { type: 'SET', value: `XXXX-${season}` };
      // "a quarterly dividend", "average daily volume": a kind of payment or statistic, not a recurring time.
      if (m[1] && /^\s+(?:cash\s+)?(?:dividends?|loss(?:es)?|results|volume|turnover|payments?|earnings|profits?|figures|reports?|rate|average|of\b)/i.test(ctx.text.slice(end, end + 20))) return null;
      if (m[1] && /\baverage\s+$/i.test(ctx.text.slice(Math.max(0, start - 10), start))) return null;
      const values: Readonly<Record<string, string>> = {
        daily: 'P1D', nightly: 'P1D', weekly: 'P1W', monthly: 'P1M', quarterly: 'P3M', annually: 'P1Y', yearly: 'P1Y',
        hourly: 'PT1H', day: 'P1D', night: 'P1D', week: 'P1W', month: 'P1M', year: 'P1Y', hour: 'PT1H',
        morning: 'P1D', evening: 'P1D', minute: 'PT1M', summer: 'P1Y', winter: 'P1Y',
      };
      const value = values[word];
      return value ? { type: 'SET', value } : null;
    },
  },
  {
    name: 'present-ref',
    re: /\b(?:right\s+)?now\b|\bcurrently\b|\bat\s+present\b|\bnowadays\b|\bthese\s+days\b|\bat\s+the\s+moment\b/gi,
    build(m, _ctx, start) {
      // "now" as a discourse marker ("Now, the question is", "now that ...") still refers to the present in news.
      return { type: 'DATE', value: 'PRESENT_REF', start: m[0].toLowerCase().startsWith('at ') ? start + 3 : start };
    },
  },
  {
    // TimeML's temporal adjectives and adverbs: "current prices" (PRESENT_REF), "recently" (PAST_REF). Not the
    // "current account" of economics or an electric "current", nor "the then current price".
    name: 'current-recently',
    re: /\b(?:(?:more|most|until|only)\s+)?recently\b|\bcurrent\b(?=\s+[a-z])(?!\s+(?:account|accounts|assets|liabilities|affairs|events|flows?|ratio)\b)/gi,
    build(m, ctx, start) {
      if (/^current$/i.test(m[0]) && /\bthen\s+$/i.test(ctx.text.slice(Math.max(0, start - 6), start))) return null;
      return { type: 'DATE', value: /recently/i.test(m[0]) ? 'PAST_REF' : 'PRESENT_REF' };
    },
  },
  {
    name: 'past-future-ref',
    re: /\b(?:the\s+)?(?:(near|foreseeable|distant|immediate|recent)\s+)?(future|past)\b(?!\s+(?:few|several|two|three|four|five|six|seven|eight|nine|ten|\d|week|month|year|decade|day|century|quarter))/gi,
    build(m, ctx, start) {
      const isFuture = /future/i.test(m[2] ?? '');
      if (!/^the\b/i.test(m[0]) && !/\bin\s+$/i.test(ctx.text.slice(Math.max(0, start - 4), start))) return null;
      if (!isFuture && !/^the\s+/i.test(m[0])) return null;
      // "the past" only as a noun: "in the past" (whatever follows), "the past has".
      const inThe = /\bin\s+$/i.test(ctx.text.slice(Math.max(0, start - 4), start));
      if (!isFuture && !inThe && /^\s*[a-z]/.test(ctx.text.slice(start + m[0].length, start + m[0].length + 3)) && !/^\s*(?:and|or|is|has|was)\b/i.test(ctx.text.slice(start + m[0].length, start + m[0].length + 5))) return null;
      return { type: 'DATE', value: isFuture ? 'FUTURE_REF' : 'PAST_REF' };
    },
  },
  {
    name: 'clock-time',
    re: /\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?::(\d{2}))?\s*(a\.m\.?|p\.m\.?|am\b|pm\b|(?:o'clock\s+)?in\s+the\s+(?:morning|afternoon|evening))(?:\s+(?:EST|EDT|CST|CDT|PST|PDT|ET|PT|CT|GMT|UTC|BST|CET|CEST|local\s+time)\b)?|\b(noon|midnight|midday)\b/gi,
    build(m, ctx, start) {
      const today = ctx.today(start);
      const meridiem = m[3] && /in\s+the\s+morning/i.test(m[3]) ? 'am' : m[3] && /in\s+the/i.test(m[3]) ? 'pm' : m[3];
      if (m[4]) {
        const word = m[4].toLowerCase();
        const hour = word === 'midnight' ? 0 : 12;
        return today ? { type: 'TIME', value: formatTime(today, hour, 0) } : { type: 'TIME', value: null };
      }
      const hour = hour24(/^\d/.test(m[1] ?? '') ? Number(m[1]) : parseNumber(m[1] ?? '') ?? 99, meridiem);
      const minute = m[2] ? Number(m[2]) : 0;
      if (hour === null || minute > 59) return null;
      return today ? { type: 'TIME', value: formatTime(today, hour, minute) } : { type: 'TIME', value: null };
    },
  },
  {
    // The 24-hour clock of wire and British news: "at 14:00", "14:00 GMT", "0100 GMT". Without a time zone it needs
    // a preposition of time before it, so that scores and ratios ("won 14:10") stay out. A zone time in brackets
    // after a local one ("10:35 a.m. (0735 GMT)") restates it and is left unmarked, as annotators leave it.
    name: 'clock-24',
    re: /\b(?:([01]?\d|2[0-3]):([0-5]\d)\b(?!\s*(?:a\.?m|p\.?m)\b|:\d)|([01]\d|2[0-3]):?([0-5]\d)(?=\s+(?:GMT|UTC|BST|CET|CEST|ET|EST|EDT|local\s+time)\b))(?:\s+(GMT|UTC|BST|CET|CEST|ET|EST|EDT|local\s+time)\b)?/g,
    build(m, ctx, start) {
      const before = ctx.text.slice(Math.max(0, start - 8), start);
      if (/\(\s*$/.test(before) || (!m[5] && !/\b(?:at|by|from|until|till|before|after|around|about|since)\s$/.test(before))) return null;
      const today = ctx.today(start);
      const hour = Number(m[1] ?? m[3]);
      const minute = Number(m[2] ?? m[4]);
      return { type: 'TIME', value: today ? formatTime(today, hour, minute) : null };
    },
  },
  {
    name: 'holiday',
    re: /\b(Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|Independence\s+Day|Fourth\s+of\s+July|Halloween|Valentine's\s+Day|Labor\s+Day|Memorial\s+Day|Veterans\s+Day|Election\s+Day|Easter(?:\s+(?:Sunday|Monday|[Ww]eek(?:end)?))?|Good\s+Friday|Holy\s+Week|Palm\s+Sunday)\b/g,
    build(m, ctx, start, end) {
      const name = (m[1] ?? '').replace(/\s+/g, ' ');
      const ref = ctx.ref;
      // Easter and the days fixed by it move with the church calendar.
      const easterOffset: Readonly<Record<string, number>> = {
        Easter: 0, 'Easter Sunday': 0, 'Easter Monday': 1, 'Good Friday': -2, 'Palm Sunday': -7,
      };
      const byEaster = easterOffset[name];
      const isEasterWeek = /^(?:Easter [Ww]eek|Holy Week)$/.test(name);
      const isEasterWeekend = name === 'Easter weekend';
      if (byEaster !== undefined || isEasterWeek || isEasterWeekend) {
        if (!ref) return { type: 'DATE', value: null };
        const tense = ctx.tense(start, end);
        const sunday = (year: number): CalendarDate => easterSunday(year);
        const probe = sunday(ref.year);
        const year = resolveMonthDay(ref, probe.month, probe.day, tense);
        const easter = sunday(year);
        // Holy Week ends on Easter Sunday, which closes its ISO week.
        if (isEasterWeek) return { type: 'DATE', value: formatWeek(addDays(easter, -1)) };
        if (isEasterWeekend) return { type: 'DATE', value: `${formatWeek(easter)}-WE` };
        return { type: 'DATE', value: formatDate(addDays(easter, byEaster ?? 0)) };
      }
      const fixed: Readonly<Record<string, [number, number]>> = {
        Christmas: [12, 25], 'Christmas Day': [12, 25], 'Christmas Eve': [12, 24], "New Year's": [1, 1],
        "New Year's Day": [1, 1], "New Year's Eve": [12, 31], 'Independence Day': [7, 4], 'Fourth of July': [7, 4],
        Halloween: [10, 31], "Valentine's Day": [2, 14], 'Veterans Day': [11, 11],
      };
      const f = fixed[name];
      if (!ref) return { type: 'DATE', value: null };
      if (f) {
        const value = monthDay(ctx, start, end, f[0], f[1], undefined);
        return { type: 'DATE', value };
      }
      const tense = ctx.tense(start, end);
      // Floating holidays: nth weekday of a month, resolved like a month-day.
      const nthWeekday = (year: number, month: number, wd: number, nth: number): CalendarDate => {
        if (nth > 0) {
          const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
          return { year, month, day: 1 + ((wd - first + 7) % 7) + (nth - 1) * 7 };
        }
        const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
        const lastDow = new Date(Date.UTC(year, month - 1, lastDay)).getUTCDay();
        return { year, month, day: lastDay - ((lastDow - wd + 7) % 7) };
      };
      // [month, weekday, nth (-1 = last), days added]: US Election Day is the Tuesday after the first Monday.
      const spec: Readonly<Record<string, [number, number, number, number]>> = {
        Thanksgiving: [11, 4, 4, 0], 'Thanksgiving Day': [11, 4, 4, 0], 'Labor Day': [9, 1, 1, 0],
        'Memorial Day': [5, 1, -1, 0], 'Election Day': [11, 1, 1, 1],
      };
      const s = spec[name];
      if (!s) return null;
      const on = (year: number): CalendarDate => addDays(nthWeekday(year, s[0], s[1], s[2]), s[3]);
      const probe = on(ref.year);
      const year = resolveMonthDay(ref, probe.month, probe.day, tense);
      return { type: 'DATE', value: formatDate(on(year)) };
    },
  },
];

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus). */
export function easterSunday(year: number): CalendarDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

/** Every candidate each rule finds, overlapping; the caller keeps the best non-overlapping set. */
export function ruleCandidates(ctx: RuleContext): TimeCandidate[] {
  const out: TimeCandidate[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(ctx.text); m; m = rule.re.exec(ctx.text)) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      const start = m.index;
      const end = m.index + m[0].length;
      const built = rule.build(m, ctx, start, end);
      if (built) out.push({ start: built.start ?? start, end: built.end ?? end, type: built.type, value: built.value, rule: rule.name });
    }
  }
  return out;
}

/** Relative anchors: "two days after the election", "hours after the vote", "a week before March 3". */
export const RELATIVE_ANCHOR_RE = new RegExp(
  `\\b(?:(${COUNT})\\s+(?:(?:trading|business|working|calendar)\\s+)?)?(${UNIT_SOURCE})\\s+(after|before|following|prior\\s+to|since)\\s+(?=\\S)`,
  'gi',
);

export { countOf, dayValue, formatDate };
