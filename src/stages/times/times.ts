// The times stage: news-aware time expressions (rules first, chrono-node for the rest) resolved against publication.
import * as chrono from 'chrono-node';
import type { QuoteSpan, TimeSpan } from '../../core/article.js';
import { spanIndexHolding, spansOverlap, type Span } from '../../core/span.js';
import { defineArticleStage } from '../../core/stage.js';
import { splitParagraphs, splitSentences } from '../sentences/index.js';
import {
  addDays,
  addMonths,
  formatDate,
  formatMonth,
  formatWeek,
  formatYear,
  formatTime,
  isValidDate,
  parseReference,
  referenceDate,
  type CalendarDate,
  type Reference,
} from './calendar.js';
import { PARTS_OF_DAY, unitInfo } from './lexicon.js';
import { durationValue, lastCompletedQuarter, resolveMonthDay } from './resolve.js';
import { tenseAround, type Tense } from './tense.js';
import { applyChoice, DEFAULT_POLICY, type ChoicePolicy, type ChoiceTable } from './timeml-choices.js';
import { TIMEML_CHOICES } from './timeml-table.js';
import { ANAPHORIC_RE, RELATIVE_ANCHOR_RE, countOf, ruleCandidates, type RuleContext, type TimeCandidate } from './time-rules.js';

export interface TimesOptions {
  /**
   * "news" (default) keeps "two days after the vote" as one expression carrying a relation;
   * "timeml" follows TimeML annotation, where only "two days" is a (DURATION) expression.
   */
  readonly style?: 'news' | 'timeml';
  /** Sentence spans; found with a simple splitter when absent. */
  readonly sentences?: readonly Span[];
  /** Quote spans (from the quotes stage); found from quotation marks when absent. */
  readonly quotes?: readonly Span[];
  /** Ask chrono-node for explicit dates and times the rules missed (default true). */
  readonly chronoFallback?: boolean;
  /**
   * 'timeml' style only: the learned table of annotators' choices per expression pattern (default the committed
   * one, learned on the TempEval-3 tuning files); null leaves the rules' readings as they are.
   */
  readonly choices?: ChoiceTable | null;
  /** How much evidence a learned choice needs (default DEFAULT_POLICY). */
  readonly choicePolicy?: ChoicePolicy;
}

export interface TimesConfig {
  readonly style: 'news' | 'timeml';
  readonly chronoFallback: boolean;
}

function roughQuotes(text: string): Span[] {
  const out: Span[] = [];
  const re = /["\u201c]([^"\u201c\u201d]{3,})["\u201d]|``((?:(?!'').){3,}?)''/gs;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

function containing<T extends Span>(spans: readonly T[], at: number): T | undefined {
  return spans.find((s) => s.start <= at && at < s.end);
}

/** The sentence holding `at` (sentences sorted by start, not overlapping). */
function sentenceAt(sorted: readonly Span[], at: number): Span | undefined {
  return sorted[spanIndexHolding(sorted, at)];
}

const DAY_VALUE = /^(\d{4})-(\d{2})-(\d{2})/;

function dayOf(value: string | null): CalendarDate | null {
  const m = value ? DAY_VALUE.exec(value) : null;
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}

/** Keeps the longest candidates that do not overlap; ties go to the earlier rule in the list. */
function bestNonOverlapping(candidates: readonly TimeCandidate[]): TimeCandidate[] {
  const order = candidates.map((c, i) => ({ c, i }));
  order.sort((a, b) => b.c.end - b.c.start - (a.c.end - a.c.start) || a.i - b.i);
  const kept: TimeCandidate[] = [];
  for (const { c } of order) if (!kept.some((k) => spansOverlap(k, c))) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}

// A speech verb next to a dated day outside the quote: `"We sign today," she said on Monday.`
const SPEECH_RE = /\b(?:said|says|told|added|declared|announced|stated|insisted|warned|wrote|tweeted)\b/gi;

/** For each quote whose words the sentence dates, the day "today" means inside it. */
function quoteDays(
  text: string,
  quotes: readonly Span[],
  sentences: readonly Span[],
  candidates: readonly TimeCandidate[],
): { span: Span; day: CalendarDate }[] {
  const out: { span: Span; day: CalendarDate }[] = [];
  for (const q of quotes) {
    const sentence = sentenceAt(sentences, q.end - 1) ?? sentenceAt(sentences, q.start);
    if (!sentence) continue;
    const region = { start: Math.min(sentence.start, q.start), end: Math.max(sentence.end, q.end) };
    const dated = candidates.filter(
      (c) => c.rule !== 'today' && c.start >= region.start && c.end <= region.end && !spansOverlap(c, q) && dayOf(c.value),
    );
    SPEECH_RE.lastIndex = 0;
    const slice = text.slice(region.start, region.end);
    for (let m = SPEECH_RE.exec(slice); m; m = SPEECH_RE.exec(slice)) {
      const at = region.start + m.index;
      const hit = dated.find((c) => Math.abs(c.start - (at + m[0].length)) <= 25 || Math.abs(at - c.end) <= 25);
      const day = hit ? dayOf(hit.value) : null;
      if (day && !spansOverlap({ start: at, end: at + m[0].length }, q)) {
        out.push({ span: q, day });
        break;
      }
    }
  }
  return out;
}

function toDate(ref: CalendarDate): Date {
  return new Date(Date.UTC(ref.year, ref.month - 1, ref.day, 12));
}

/**
 * Explicit dates and clock times chrono-node finds that no rule produced. Only results whose day or hour
 * chrono read from the text are kept: its relative readings ("for 40 minutes" as a date) are what the rules fix.
 */
function chronoCandidates(text: string, ref: Reference | null, ctx: RuleContext): TimeCandidate[] {
  const refDate = referenceDate(ref);
  const out: TimeCandidate[] = [];
  for (const r of chrono.parse(text, refDate ? toDate(refDate) : undefined)) {
    const s = r.start;
    const tags = r.tags();
    // Relative and casual readings ("now", "for 40 minutes") are what the rules exist to fix.
    if ([...tags].some((t) => t.startsWith('result/relative') || t.startsWith('casualReference') || /Casual/.test(t))) continue;
    // "9 1/2", "up 7/8": fractions in prices, not month/day.
    if (/^\d{1,2}\/\d{1,2}$/.test(r.text.trim()) || /\d\s+\d{1,2}\/\d{1,2}\b(?!\/)/.test(r.text)) continue;
    const start = r.index;
    const end = r.index + r.text.length;
    const month = s.isCertain('month') ? s.get('month') : null;
    const day = s.isCertain('day') ? s.get('day') : null;
    const hour = s.isCertain('hour') ? s.get('hour') : null;
    if (month === null || day === null) {
      // A clock time must look like one: "from 16 members" is not 16:00.
      if (hour === null || !refDate || !/\d:\d\d|\d\s*[ap]\.?m\b|o'clock/i.test(r.text)) continue;
      out.push({ start, end, type: 'TIME', value: formatTime(refDate, hour, s.get('minute') ?? 0), rule: 'chrono' });
      continue;
    }
    const year = s.isCertain('year') ? s.get('year') : ref ? resolveMonthDay(ref, month, day, ctx.tense(start, end)) : null;
    if (year === null || !isValidDate(year, month, day)) continue;
    const date = { year, month, day };
    out.push(
      hour === null
        ? { start, end, type: 'DATE', value: formatDate(date), rule: 'chrono' }
        : { start, end, type: 'TIME', value: formatTime(date, hour, s.get('minute') ?? 0), rule: 'chrono' },
    );
  }
  return out;
}

/** "9 a.m. Tuesday", "on Friday at 10:35 a.m.": a clock time takes the day named beside it in its clause. */
function anchorClockTimes(text: string, kept: readonly TimeCandidate[]): TimeCandidate[] {
  const NEAR = 40;
  const merged = new Set<TimeCandidate>();
  const out = kept.map((c) => {
    if (c.type !== 'TIME' || !c.value || !/T\d\d:\d\d$/.test(c.value)) return c;
    let best: { day: CalendarDate; distance: number; other: TimeCandidate; after: boolean } | null = null;
    for (const other of kept) {
      if (other === c) continue;
      const day = other.type === 'DATE' && other.value && /^\d{4}-\d\d-\d\d$/.test(other.value) ? dayOf(other.value) : null;
      const after = other.start >= c.end;
      const gap = after ? text.slice(c.end, other.start) : text.slice(other.end, c.start);
      // The same clause: no sentence or clause break between them (the periods of "a.m." break nothing).
      if (!day || gap.length > NEAR || /[!?;\n]|\.\s/.test(gap.replace(/\b([ap])\.m\./gi, '$1m'))) continue;
      if (!best || gap.length < best.distance) best = { day, distance: gap.length, other, after };
    }
    if (!best) {
      // No day in its clause: the day the story last told ("Slepian was shot Oct. 23 ... at 10 p.m."), which is
      // publication day when the story has told none. A clock time heading its paragraph (the entries of a live
      // report: "___. 9:40 p.m. The senator says ...", "(all times EDT): 9:34 p.m.") is a time stamp of
      // publication day, and takes a day only from its own paragraph.
      let told: { day: CalendarDate; end: number } | null = null;
      for (const other of kept) {
        if (other.start >= c.start) break;
        // A day with its part ("Tuesday evening", 2026-03-10TEV) tells the day too.
        if ((other.type === 'DATE' || other.type === 'TIME') && other.value && /^\d{4}-\d\d-\d\d(?:T[A-Z]{2})?$/.test(other.value)) {
          const day = dayOf(other.value.slice(0, 10));
          if (day) told = { day, end: other.end };
        }
      }
      const paragraphStart = text.lastIndexOf('\n', c.start) + 1;
      const stamp = /^[\s_.]*$|:\s*$/.test(text.slice(paragraphStart, c.start));
      const usable = told !== null && (!stamp || told.end > paragraphStart);
      return told && usable ? { ...c, value: `${formatDate(told.day)}${c.value.slice(10)}` } : c;
    }
    const value = `${formatDate(best.day)}${c.value.slice(10)}`;
    // "9 a.m. Tuesday", "midnight Friday", "5 p.m. EST, Nov. 6": one expression. A day with a date in brackets
    // ("Tuesday (March 11)") is an expression of its own, which the clock time only borrows its day from.
    if (best.after && best.other.rule !== 'weekday-paren-date' && /^\s*(?:(?:[ECMP][SD]T|GMT|UTC)\s*)?,?\s*$/.test(text.slice(c.end, best.other.start))) {
      merged.add(best.other);
      return { ...c, end: best.other.end, value };
    }
    return { ...c, value };
  });
  return out.filter((c) => !merged.has(c));
}

/**
 * "later that year", "the next day": the last date mentioned before it, shifted by the phrase, at the phrase's
 * granularity. Unresolved (null) when the text has mentioned no date of a fine enough grain.
 */
function resolveAnaphoric(text: string, kept: readonly TimeCandidate[], ref: Reference | null): TimeCandidate[] {
  const out: TimeCandidate[] = [];
  // Before the story tells a date, the time it is told from is publication ("fell from the previous year").
  let last: string | null = ref ? (ref.month === null ? formatYear(ref.year) : ref.day === null ? formatMonth(ref.year, ref.month) : formatDate({ year: ref.year, month: ref.month, day: ref.day })) : null;
  for (const c of kept) {
    if (c.rule !== 'anaphoric') {
      if (c.type === 'DATE' && c.value && /^\d{4}(?:-\d\d(?:-\d\d)?)?$/.test(c.value)) last = c.value;
      out.push(c);
      continue;
    }
    ANAPHORIC_RE.lastIndex = 0;
    // A few characters past the end, for the clause end "the day before," is recognised by.
    const m = ANAPHORIC_RE.exec(text.slice(c.start, c.end + 4));
    const unit = (m?.[3] ?? m?.[4] ?? '').toLowerCase();
    const how = (m?.[2] ?? (m?.[5] === undefined ? '' : /before/i.test(m[5]) ? 'previous' : 'next')).toLowerCase();
    const step = /next|following/.test(how) ? 1 : /previous|preceding/.test(how) ? -1 : 0;
    const part = PARTS_OF_DAY[unit];
    const day = dayOf(last);
    let value: string | null = null;
    if (unit === 'year' && last) value = String(Number(last.slice(0, 4)) + step).padStart(4, '0');
    else if (unit === 'month' && last && last.length >= 7) {
      const mm = addMonths(Number(last.slice(0, 4)), Number(last.slice(5, 7)), step);
      value = `${String(mm.year).padStart(4, '0')}-${String(mm.month).padStart(2, '0')}`;
    } else if (unit === 'week' && day) value = formatWeek(addDays(day, step * 7));
    else if (day) {
      const d = addDays(day, step);
      value = part ? `${formatDate(d)}T${part}` : formatDate(d);
    } else if (step === 0 && last && (unit === 'day' || part) && unit !== 'week') {
      // "that same day" after "last October": a day of the month (or year) told, which TimeML writes 1998-10-XX; a
      // second "the same day" is that day again.
      value = last.includes('X') ? last : last.length === 7 ? `${last}-XX` : `${last}-XX-XX`;
    }
    out.push({ ...c, value });
    if (value && !part && c.type === 'DATE' && unit !== 'week') last = value;
  }
  return out;
}

const QUARTER_VALUE = /^(\d{4})-Q([1-4])$/;
const FIGURES = /\$|%|\b(?:cents?|percent|million|billion|pence|yen|marks|francs)\b|[£€¥#]\d/i;
const LONGER_PERIOD = /\b(?:nine|six|first|twelve|12|9|6)[ -]months?\b|\b(?:first|second)\s+half\b|\b(?:fiscal|full|calendar)[ -]year\b|\byear\s+(?:ended|ending|to\s+date)\b/i;
const QUARTER_WORD = /\b(?:first|second|third|fourth|latest|current)[\s-]+(?:fiscal\s+)?quarter\b/i;
const YEAR_AGO_TEXT = /^(?:(?:a|one)\s+year\s+(?:ago|earlier)|last\s+year|year-(?:ago|earlier))$/i;

/**
 * Quarterly earnings news compares each figure with the same quarter a year before: once a report has named its
 * quarter ("third-quarter profit"), "a year ago", "a year earlier", "last year", "the year-ago period" and "the
 * 1988 period" in a sentence with figures mean that quarter of the earlier year (TimeML writes 1988-Q3).
 */
function resolveEarningsPeriods(
  text: string,
  kept: readonly TimeCandidate[],
  sentences: readonly Span[],
  ref: Reference | null,
  tense: (start: number, end: number) => Tense,
): TimeCandidate[] {
  const lastCompleted = ref ? lastCompletedQuarter(ref) : null;
  const sentenceOf = (c: TimeCandidate): string => {
    const sentence = sentenceAt(sentences, c.start) ?? { start: Math.max(0, c.start - 150), end: c.end + 150 };
    return text.slice(sentence.start, sentence.end);
  };
  const reportedBy = (c: TimeCandidate): { year: number; quarter: number } | null => {
    const q = c.value ? QUARTER_VALUE.exec(c.value) : null;
    if (!q || (c.rule !== 'quarter' && c.rule !== 'quarter-ended') || /year-(?:ago|earlier)|last\s+year's|of\s+last\s+(?:fiscal\s+)?year/i.test(text.slice(c.start, c.end))) return null;
    // Only a quarter that has ended can be the one reported on ("expects a loss in the fourth quarter" is not).
    const ended = !lastCompleted || Number(q[1]) * 4 + Number(q[2]) <= lastCompleted.year * 4 + lastCompleted.quarter;
    // Results told in the past tense ("reported a 47% decline in fourth-quarter earnings") are of a quarter that has
    // ended, whatever the calendar says: a fiscal year's quarters run ahead of the calendar's.
    const told = !ended && tense(c.start, c.end) === 'past' && FIGURES.test(sentenceOf(c));
    return ended || told ? { year: Number(q[1]), quarter: Number(q[2]) } : null;
  };
  let reported: { year: number; quarter: number } | null = null;
  return kept.map((c) => {
    const phrase = text.slice(c.start, c.end);
    // A report that speaks of "the quarter" before naming it means the last completed one.
    const current = reported ?? (/\bquarter/i.test(text.slice(0, c.start)) ? lastCompleted : null);
    if (c.rule === 'the-quarter' || (c.rule === 'quarter' && /latest/i.test(phrase))) {
      return current ? { ...c, value: `${String(current.year).padStart(4, '0')}-Q${current.quarter}` } : c;
    }
    // "This quarter's loss includes ..." after the report has named its quarter: the quarter reported on, unless the
    // clause looks ahead ("expects this quarter's sales to rise").
    if (reported && c.rule === 'relative-unit' && /^this\s+quarter$/i.test(phrase) && tense(c.start, c.end) !== 'future' && FIGURES.test(sentenceOf(c))) {
      return { ...c, value: `${String(reported.year).padStart(4, '0')}-Q${reported.quarter}` };
    }
    // A quarter named by its end day is the report's own fiscal quarter once the report has named one ("its fiscal
    // first quarter ... the quarter ended Sept. 29"); before that, the calendar quarter its end day gives.
    if (c.rule === 'quarter-ended' && reported) return { ...c, value: `${String(reported.year).padStart(4, '0')}-Q${reported.quarter}` };
    const named = reportedBy(c);
    if (named) {
      reported = named;
      return c;
    }
    const comparison = c.rule === 'year-ago' || ((c.rule === 'ago' || c.rule === 'relative-unit') && YEAR_AGO_TEXT.test(phrase));
    if (!comparison || !current || !c.value || !/^\d{4}$/.test(c.value)) return c;
    const said = sentenceOf(c);
    // A comparison is of the quarter when its sentence tells figures or names a quarter before it ("its loss for the
    // third quarter narrowed from a year earlier"); figures compared over a longer period ("In the first nine
    // months, ... a year earlier") compare years.
    const sentence = sentenceAt(sentences, c.start);
    const quarterBefore = sentence !== undefined && QUARTER_WORD.test(text.slice(sentence.start, c.start));
    if (!(FIGURES.test(said) || quarterBefore) || LONGER_PERIOD.test(said)) return c;
    const year = /^\d{4}/.test(phrase.replace(/^the\s+/i, '')) ? Number(c.value) : current.year - 1;
    return { ...c, value: `${String(year).padStart(4, '0')}-Q${current.quarter}` };
  });
}

const CLAUSE_END = /[,.;:!?()"\u201c\u201d]|\s(?:and|but|when|while|which|who|that|as)\s/;

function anchorText(text: string, from: number): { text: string; end: number } {
  const rest = text.slice(from, from + 80);
  const stop = CLAUSE_END.exec(rest);
  let phrase = stop ? rest.slice(0, stop.index) : rest;
  const words = phrase.split(/\s+/).filter(Boolean).slice(0, 6);
  phrase = words.join(' ');
  const at = rest.indexOf(phrase);
  return { text: phrase, end: from + at + phrase.length };
}

/** "two days after March 3" resolves; "two days after the vote" keeps the relation with a null value. */
function relativeAnchors(text: string, kept: TimeCandidate[], style: 'news' | 'timeml'): TimeCandidate[] {
  const out = [...kept];
  RELATIVE_ANCHOR_RE.lastIndex = 0;
  for (let m = RELATIVE_ANCHOR_RE.exec(text); m; m = RELATIVE_ANCHOR_RE.exec(text)) {
    const unit = unitInfo(m[2] ?? '');
    if (!unit) continue;
    // "later in the day before returning home": the day is where the event sits, not an offset before another.
    // "In the weeks before the vote" still is a stretch before it.
    if (!m[1] && !/s$/i.test(m[2] ?? '') && /\bin\s+the\s+$/i.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    const plural = /s$/i.test(m[2] ?? '') && !m[1];
    const count = plural ? null : countOf(m[1]);
    const offset = durationValue(count, unit);
    const kind = /before|prior/i.test(m[3] ?? '') ? 'before' : 'after';
    const start = m.index;
    const anchorStart = m.index + m[0].length;
    const anchorCandidate = out.find((c) => c.start === anchorStart || c.start === anchorStart + (text.slice(anchorStart).match(/^(?:the\s+)/i)?.[0].length ?? -1));
    const anchorDay = anchorCandidate ? dayOf(anchorCandidate.value) : null;
    const unitEnd = m.index + m[0].replace(/\s+(?:after|before|following|prior\s+to|since)\s+$/i, '').length;
    // Trading and working days are not calendar days: such an offset stays a relation.
    const calendarDays = !/\b(?:trading|business|working)\s/i.test(m[0]);
    const anchorDated = anchorCandidate !== undefined && anchorDay !== null && count !== null && calendarDays && (unit.letter === 'D' || unit.letter === 'W') && !unit.time;
    // "Oct. 12, the day before the plunge": the phrase renames the day just told, in apposition to it.
    const apposed = !m[1] && /^day$/i.test(m[2] ?? '')
      ? kept.find((c) => c.type === 'DATE' && c.value !== null && /^\d{4}-\d\d-\d\d$/.test(c.value) && /^\s*,\s*the\s+$/i.test(text.slice(c.end, start)))
      : undefined;
    if (style === 'timeml') {
      if (apposed) {
        const the = start - (/\bthe\s+$/i.exec(text.slice(Math.max(0, start - 6), start))?.[0].length ?? 0);
        if (!out.some((c) => spansOverlap(c, { start: the, end: unitEnd }))) {
          out.push({ start: the, end: unitEnd, type: 'DATE', value: apposed.value, rule: 'relative-apposed' });
        }
        continue;
      }
      // TimeML marks a counted offset ("two days after the vote", "a week after Jan. 5") as its duration; "the day
      // before last Tuesday's hearing", with no count and a dated anchor, is the day it names, resolved below.
      if (!anchorDated || m[1]) {
        if (!out.some((c) => spansOverlap(c, { start, end: unitEnd }))) {
          out.push({ start, end: unitEnd, type: 'DURATION', value: offset, rule: 'relative-offset' });
        }
        continue;
      }
    }
    let candidate: TimeCandidate;
    if (apposed) {
      const anchor = anchorText(text, anchorStart);
      candidate = { start, end: anchor.end, type: 'DATE', value: apposed.value, relation: { kind, anchor: anchor.text, offset }, rule: 'relative-apposed' };
    } else if (anchorCandidate && anchorDated && anchorDay && count !== null) {
      const days = count * unit.factor * (unit.letter === 'W' ? 7 : 1) * (kind === 'before' ? -1 : 1);
      candidate = Number.isInteger(days)
        ? { start, end: anchorCandidate.end, type: 'DATE', value: formatDate(addDays(anchorDay, days)), rule: 'relative-anchor' }
        : { start, end: anchorCandidate.end, type: 'DATE', value: null, relation: { kind, anchor: text.slice(anchorCandidate.start, anchorCandidate.end), offset }, rule: 'relative-anchor' };
    } else {
      const anchor = anchorText(text, anchorStart);
      if (!anchor.text) continue;
      const anchorDate = anchorCandidate?.value ?? null;
      candidate = {
        start,
        // A dated anchor ends where its date does ("Oct. 12", whose period is no clause end).
        end: anchorCandidate && anchorDate ? Math.max(anchorCandidate.end, start + 1) : anchor.end,
        type: 'DATE',
        value: null,
        relation: { kind, anchor: anchorDate ?? anchor.text, offset },
        rule: 'relative-anchor',
      };
    }
    for (let i = out.length - 1; i >= 0; i--) {
      const c = out[i];
      if (c && spansOverlap(c, candidate)) out.splice(i, 1);
    }
    out.push(candidate);
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The annotators' usual reading of the candidate's pattern. It replaces hand-written habits: TempEval-3
 * annotators mostly wrote "Friday night" as the plain DATE of that day, not the TNI TIME the guidelines allow, and
 * the table learns that (day 14 times, the part of the day 8) rather than a rule saying so.
 */
function learnedChoice(text: string, c: TimeCandidate, table: ChoiceTable, policy: ChoicePolicy): TimeCandidate | null {
  if (c.relation) return c;
  const reading = applyChoice(text.slice(c.start, c.end), { type: c.type, value: c.value }, table, policy);
  return reading ? { ...c, type: reading.type, value: reading.value } : null;
}

// Time words English writes in lower case; capitalised inside running text they belong to a name.
const LOWER_CASE_TIME_WORD = /^(?:Today|Tonight|Now|Noon|Midday|Midnight|Minutes|Hours|Days|Weeks|Years|Daily|Nightly|Weekly|Monthly|Week|Month|Year|Future|Past|Century|Morning|Afternoon|Evening|Night)\b/;

/**
 * "USA Today", "High Noon", ABC's "This Week", "60 Minutes": a time word capitalised after a word of the same
 * sentence is part of a title or name. Not in a headline, whose words are all capitalised, nor at a sentence or
 * quotation start.
 */
function inName(text: string, c: TimeCandidate, sentence: Span | undefined): boolean {
  if (!sentence) return false;
  const phrase = text.slice(c.start, c.end);
  // "Saturday Night Live", "Monday Night Football": a day and its part both capitalised before another capitalised word.
  const dayTitle = /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+(?:Night|Morning|Evening|Afternoon)\s+[A-Z][a-z]/.test(text.slice(c.start, c.start + 40));
  // A time word in capitals ("USA TODAY") is written as a name is, like a capitalised one ("USA Today").
  const words = phrase.split(/\s+/).map((w) => (/^[A-Z]{3,}$/.test(w) ? `${w[0]}${w.slice(1).toLowerCase()}` : w));
  const at = words.findIndex((w) => LOWER_CASE_TIME_WORD.test(w.replace(/^\d+$/, '')));
  if (!dayTitle) {
    if (at < 0) return false;
    // "Tuesday Night" written with a capital is still the night of that day.
    if (at > 0 && /^(?:Morning|Afternoon|Evening|Night)$/.test(words[at] ?? '') && /day$/i.test(words[at - 1] ?? '')) return false;
    const offset = c.start + phrase.toLowerCase().indexOf((words[at] ?? '').toLowerCase());
    if (!/[A-Za-z0-9,']\s+$/.test(text.slice(Math.max(sentence.start, offset - 3), offset))) return false;
  }
  const said = text.slice(sentence.start, sentence.end);
  const lower = said.match(/(?<![.!?"'`]\s)\b[a-z][a-z]{3,}\b/g)?.length ?? 0;
  const upper = said.match(/\b[A-Z][a-z]{3,}\b/g)?.length ?? 0;
  // A sentence of running text has more lower-case words than capitalised ones. One crowded with names still has
  // a few, and there a capitalised time word after a capitalised word ("the New York Daily News", "CBS This
  // Morning") is inside a name too.
  // So is one before a capitalised word ("the Daily Beast", "The Nightly Show"), which a time word never qualifies.
  const afterCapital = /\b[A-Z][A-Za-z]*\s+$/.test(text.slice(Math.max(sentence.start, c.start - 20), c.start)) && /^[A-Z]/.test(phrase);
  const beforeCapital = /^[A-Z]/.test(phrase) && /^\s+[A-Z][a-z]/.test(text.slice(c.end, c.end + 4));
  return lower > upper || ((afterCapital || beforeCapital) && lower >= 3);
}

/** Time expressions of a text with TimeML values, resolved against `reference` (ISO, may be partial or null). */
export function extractTimes(text: string, reference: string | null, options: TimesOptions = {}): TimeSpan[] {
  const ref = parseReference(reference);
  const refDate = referenceDate(ref);
  const sentences = [...(options.sentences ?? splitParagraphs(text).flatMap((p) => splitSentences(text, p)))].sort((a, b) => a.start - b.start);
  const quotes = options.quotes ?? roughQuotes(text);
  const tense = (start: number, end: number): ReturnType<typeof tenseAround> =>
    tenseAround(text, sentenceAt(sentences, start) ?? { start: 0, end: text.length }, start, end);
  const firstPass: RuleContext = { text, ref, refDate, today: () => refDate, tense };
  let candidates = ruleCandidates(firstPass);
  const dated = refDate ? quoteDays(text, quotes, sentences, candidates) : [];
  let ctx = firstPass;
  if (dated.length > 0) {
    const quoteDaySpans = dated.map((d) => ({ ...d.span, day: d.day }));
    ctx = { ...firstPass, today: (at) => containing(quoteDaySpans, at)?.day ?? refDate };
    candidates = ruleCandidates(ctx);
  }
  let kept = bestNonOverlapping(candidates.filter((c) => !inName(text, c, sentenceAt(sentences, c.start))));
  if (options.chronoFallback ?? true) {
    const extra = chronoCandidates(text, ref, ctx).filter((c) => !kept.some((k) => spansOverlap(k, c)));
    kept = bestNonOverlapping([...kept, ...extra]);
  }
  kept = resolveEarningsPeriods(text, resolveAnaphoric(text, anchorClockTimes(text, kept), ref), sentences, ref, tense);
  const style = options.style ?? 'news';
  let withAnchors = relativeAnchors(text, kept, style);
  const table = options.choices === undefined ? TIMEML_CHOICES : options.choices;
  if (style === 'timeml' && table) {
    const policy = options.choicePolicy ?? DEFAULT_POLICY;
    withAnchors = withAnchors.flatMap((c) => learnedChoice(text, c, table, policy) ?? []);
  }
  return withAnchors.map((c) =>
    c.relation
      ? { start: c.start, end: c.end, type: c.type, value: c.value, relation: c.relation }
      : { start: c.start, end: c.end, type: c.type, value: c.value },
  );
}

export const timesStage = defineArticleStage<TimesConfig>({
  name: 'parallax.times.v1',
  version: '1.0.0',
  requires: ['article.sentences', 'article.quotes'],
  provides: ['article.times'],
  defaults: { style: 'news', chronoFallback: true },
  run(article, _ctx, config) {
    const quotes: readonly QuoteSpan[] = article.layers.quotes;
    const times = extractTimes(article.text, article.meta.published, {
      style: config.style,
      chronoFallback: config.chronoFallback,
      sentences: article.layers.sentences,
      ...(quotes.length > 0 ? { quotes } : {}),
    });
    return { layers: { times } };
  },
});
