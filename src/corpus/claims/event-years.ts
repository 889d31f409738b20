// The year or span of years a clause gives its event ("in 1992", "1990-91", "late 2009 or early 2010"), and when two outlets' years for one event cannot both hold.
import type { Span } from '../../core/span.js';
import type { ClaimDraft } from './align-claims.js';
import { differentPersons } from './clause-facts.js';
import type { ComparedMention, Disagreement } from './compare-mentions.js';
import type { MentionDraft } from './extract-mentions.js';
import { mainEventKeys } from './event-frame.js';
import { dayEventKeys, linkAnchoredTimes } from './time-anchors.js';

/** A year or a span of years a clause gives, inclusive, with the keys of the event it dates. */
export interface EventYears {
  /** The years as written ("1990-91", "late 2009 or early 2010"), in article offsets. */
  readonly span: Span;
  readonly low: number;
  readonly high: number;
}

/** Years read as calendar years: older figures are rare in news and often something else (a street number, a count). */
const FIRST_YEAR = 1800;
const LAST_YEAR = 2100;

/** A four-digit year, or a year and the two or four last digits of the end of its span ("1990-91", "2008/2009"). */
const YEAR_RE = /(?<![\d$£€.,:/-])(1[89]\d\d|20\d\d)(?:\s*[-\u2013/]\s*(\d{4}|\d{2}))?(?![\d%])(?!\s*(?:[.,:]\d|per|percent|%))/g;
/** Words between two years that make them one span: "1974 to 1978", "late 2009 or early 2010". */
const JOIN_RE = /^\s*(?:-|\u2013|\u2014|\/|to|through|till|until|and|or)\s+(?:(?:the\s+)?(?:late|early|mid|end\s+of|start\s+of|beginning\s+of|middle\s+of)\s+)?$/i;
/** A figure before a street name is a house number ("2088 Philip Street"), not a year. */
const ADDRESS_AFTER_RE = /^\s+(?:[NSEW]\.?\s+)?\p{Lu}[\p{L}'.-]*\s+(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Place|Pl|Court|Ct|Terrace|Highway|Hwy)\b/u;
/** A clock time in 24-hour form ("at 1800 GMT", "2000 hours"). */
const CLOCK_AFTER_RE = /^\s*(?:GMT|UTC|local|hours|hrs|h\b|EST|EDT|CET|BST|IST)/;
/** A year after these words is a limit or a reference point, not when the event fell ("the worst since 1974"). */
const REFERENCE_BEFORE_RE = /\b(?:since|before|after|until|till|by|prior to|as early as|as of|compared with|than in)\s+(?:(?:the\s+)?(?:late|early|mid|end\s+of|start\s+of)\s+)?$/i;
/** Figures that count, weigh or price something are no years: "1992 people", "2000 metres". */
const UNIT_AFTER_RE = /^\s+(?:people|persons|men|women|children|residents|homes|houses|buildings|troops|soldiers|points|votes|metres|meters|km|kilometres|miles|feet|tons|tonnes|dollars|euros|pounds|jobs|cases|deaths|calories|acres|hectares|units|copies|yards|rounds|shares)\b/i;

/** The span of years of one written year: "1990-91" is 1990 to 1991, "2008/2009" 2008 to 2009. */
function yearRange(m: RegExpExecArray): { low: number; high: number } | null {
  const low = Number(m[1]);
  if (!m[2]) return { low, high: low };
  const tail = m[2].length === 2 ? Math.floor(low / 100) * 100 + Number(m[2]) : Number(m[2]);
  // "1999-00": the century turns.
  const high = tail < low && m[2].length === 2 ? tail + 100 : tail;
  return high >= low && high - low <= 50 ? { low, high } : null;
}

/**
 * The years a clause gives, as spans: each calendar year written in it, a year with its span's end ("1990-91"), and two
 * years joined by "to", "or", "-" into one span ("from 1974 to 1978", "late 2009 or early 2010"). House numbers and
 * figures before a unit are left out.
 */
export function yearSpansOf(text: string, offset = 0): EventYears[] {
  const found: EventYears[] = [];
  YEAR_RE.lastIndex = 0;
  for (let m = YEAR_RE.exec(text); m; m = YEAR_RE.exec(text)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    if (ADDRESS_AFTER_RE.test(after) || UNIT_AFTER_RE.test(after) || CLOCK_AFTER_RE.test(after)) continue;
    const range = yearRange(m);
    if (!range || range.low < FIRST_YEAR || range.high > LAST_YEAR) continue;
    const prev = found[found.length - 1];
    if (prev && JOIN_RE.test(text.slice(prev.span.end - offset, m.index))) {
      found[found.length - 1] = { span: { start: prev.span.start, end: offset + m.index + m[0].length }, low: Math.min(prev.low, range.low), high: Math.max(prev.high, range.high) };
      continue;
    }
    if (REFERENCE_BEFORE_RE.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    found.push({ span: { start: offset + m.index, end: offset + m.index + m[0].length }, ...range });
  }
  return found;
}

/**
 * The one year or span of years a clause gives its event, or null: when it gives none, or two that are not one span
 * ("released in 2008 after a 2006 conviction" tells of two events, as two days do).
 */
export function eventYearsOf(m: ComparedMention): EventYears | null {
  let done = YEARS.get(m);
  if (done === undefined) {
    const spans = yearSpansOf(m.text, m.cite.start);
    const [first] = spans;
    done = first && spans.every((s) => s.low === first.low && s.high === first.high) ? first : null;
    YEARS.set(m, done);
  }
  return done;
}

/** One reading per mention object (mentions are immutable): compared pairs and the cross-claim index both ask. */
const YEARS = new WeakMap<ComparedMention, EventYears | null>();

/** Two outlets' years for one event cannot both hold: neither span holds the other ("1992" is not in "1990-91"). */
export function yearsClash(a: EventYears, b: EventYears): boolean {
  const aHoldsB = a.low <= b.low && b.high <= a.high;
  const bHoldsA = b.low <= a.low && a.high <= b.high;
  return !aHoldsB && !bHoldsA;
}

/** The person a clause's years are of: the last one named before them ("Hoover's death in 1972"), else the first after. */
function yearPerson(m: ComparedMention, years: EventYears): string | null {
  const before = m.facts.persons.filter((p) => p.end <= years.span.start);
  return (before[before.length - 1] ?? m.facts.persons.find((p) => p.start >= years.span.end))?.key ?? null;
}

/**
 * Whether two clauses' years date one event: the years date an event word of a key in common (see `dayEventKeys`); the
 * people they are of are one when both name one; and the clauses' main verbs meet when both have some, so "began a
 * modelling career in 1950" is not set against "ended her modelling career in 1957".
 */
function sameYearEvent(a: ComparedMention, ya: EventYears, b: ComparedMention, yb: EventYears): boolean {
  const kb = dayEventKeys(b, yb);
  if (!dayEventKeys(a, ya).some((k) => kb.includes(k))) return false;
  const pa = yearPerson(a, ya);
  const pb = yearPerson(b, yb);
  if (pa !== null && pb !== null && pa !== pb) return false;
  const va = mainEventKeys(a.text, { start: 0, end: a.text.length });
  const vb = mainEventKeys(b.text, { start: 0, end: b.text.length });
  return !va.length || !vb.length || va.some((k) => vb.includes(k));
}

/** Two clauses of one claim giving one event years that cannot both hold (see `sameYearEvent`, `yearsClash`). */
export function yearDisagreement(a: ComparedMention, b: ComparedMention): Disagreement | null {
  const ya = eventYearsOf(a);
  const yb = eventYearsOf(b);
  if (!ya || !yb || !yearsClash(ya, yb) || differentPersons(a.facts, b.facts) || !sameYearEvent(a, ya, b, yb)) return null;
  return { kind: 'time', a: ya.span, b: yb.span };
}

/**
 * Year conflicts between claims that did not group, found as day conflicts are (see `addDayConflicts`): candidates
 * from an index of the event keys beside each clause's years, each mention checked against at most `candidates`
 * earlier ones of its key; a pair counts when the mentions come from different articles and sit in different claims
 * with no conflict yet, the years date the story's lead event or the clauses name a person in common (and no two
 * different people), the spans clash (see `yearsClash`) and date one event (see `sameYearEvent`).
 */
export function addYearConflicts(drafts: ClaimDraft[], mentions: readonly MentionDraft[], candidates: number): void {
  linkAnchoredTimes(drafts, mentions, candidates, eventYearsOf, (a, b) => yearsClash(a.time, b.time) && sameYearEvent(a.mention.compared, a.time, b.mention.compared, b.time));
}
