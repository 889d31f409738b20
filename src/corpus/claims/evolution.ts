// Tells an evolving figure (a toll updated between reports) from a disagreement between reports of the same moment.
import type { Article, QuantitySpan } from '../../core/article.js';
import { contentWords } from './content-words.js';
import type { Evolution } from '../../core/corpus.js';
import type { ComparedMention } from './compare-mentions.js';
import { countKey, countsComparable } from './intervals.js';

export interface EvolutionConfig {
  /** Reports closer than this (minutes) describe the same moment: differing figures are a disagreement. */
  readonly minGapMinutes: number;
}

export const EVOLUTION_DEFAULTS: EvolutionConfig = { minGapMinutes: 60 };

/** Sentences at the head of an article searched for a dateline, and the words besides its date it may hold. */
const DATELINE_SENTENCES = 4;
const DATELINE_MAX_WORDS = 3;

/** Words of a dateline that are not its date: "Published:", "Last updated", "Posted", weekdays, a time zone. */
const DATELINE_WORDS = new Set([
  'published', 'publish', 'updated', 'update', 'last', 'posted', 'post', 'first', 'gmt', 'utc', 'et', 'est', 'edt', 'bst', 'aest', 'uk', 'pm', 'am', 'date', 'filed', 'file',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun',
]);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
/** "11/27/2005", "05 / 05 / 2010", "11/28/05": a numeric date, read month first unless the first figure is over 12. */
const NUMERIC_DATE_RE = /(?<!\d)(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4}|\d{2})(?!\d)/;
/** "28 November 2005", "27 NOVEMBER, 2005", "November 28th, 2005", "November 27-2005". */
const DAY_MONTH_RE = new RegExp(`(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})`, 'i');
const MONTH_DAY_RE = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*[,-]?\\s*(\\d{4})`, 'i');

const iso = (y: number, m: number, d: number): string | null =>
  m >= 1 && m <= 12 && d >= 1 && d <= 31 ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null;

/** A date written out in a dateline the times stage may not read (spaced slashes, capitals), with where it stands. */
function writtenDate(text: string): { value: string; start: number; end: number } | null {
  const numeric = NUMERIC_DATE_RE.exec(text);
  if (numeric) {
    const [a, b, y] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
    const year = y < 100 ? 2000 + y : y;
    // Month first (11/28/05) unless only day first can be right (28/11/05); two readings that differ are unknown.
    const value = a > 12 ? iso(year, b, a) : b > 12 || a === b ? iso(year, a, b) : null;
    if (value) return { value, start: numeric.index, end: numeric.index + numeric[0].length };
  }
  const dm = DAY_MONTH_RE.exec(text);
  if (dm) {
    const value = iso(Number(dm[3]), MONTHS.indexOf((dm[2] ?? '').toLowerCase()) + 1, Number(dm[1]));
    if (value) return { value, start: dm.index, end: dm.index + dm[0].length };
  }
  const md = MONTH_DAY_RE.exec(text);
  if (md) {
    const value = iso(Number(md[3]), MONTHS.indexOf((md[1] ?? '').toLowerCase()) + 1, Number(md[2]));
    if (value) return { value, start: md.index, end: md.index + md[0].length };
  }
  return null;
}

/**
 * The date an article states for itself when it has no publication date: a dateline among its first sentences, a
 * sentence that is a full date and little else ("November 28, 2005", "Last Updated: Monday, 28 November 2005, 02:24
 * GMT", "Posted 11/27/2005 7:21 AM"). A sentence telling an event ("On March 11, 2005, he escaped") is no dateline.
 * The day, with the clock time when the times stage read one in the date, as an ISO string; null when there is none.
 */
export function datelineDate(article: Pick<Article, 'text' | 'layers'>): string | null {
  for (const sentence of article.layers.sentences.slice(0, DATELINE_SENTENCES)) {
    const times = article.layers.times.filter((t) => t.start >= sentence.start && t.end <= sentence.end);
    const read = times.map((t) => /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2})?/.exec(t.value ?? '')?.[0]).find((v) => v !== undefined);
    const written = read ? null : writtenDate(article.text.slice(sentence.start, sentence.end));
    const dated = read ?? written?.value;
    if (!dated) continue;
    const spans = [...times, ...(written ? [{ start: sentence.start + written.start, end: sentence.start + written.end }] : [])].sort((a, b) => a.start - b.start);
    let cursor = sentence.start;
    let rest = 0;
    const count = (end: number): number => contentWords(article.text, { start: cursor, end }).filter((w) => !DATELINE_WORDS.has(w)).length;
    for (const t of spans) {
      if (t.start > cursor) rest += count(t.start);
      cursor = Math.max(cursor, t.end);
    }
    if (cursor < sentence.end) rest += count(sentence.end);
    if (rest <= DATELINE_MAX_WORDS) return dated;
  }
  return null;
}

/** When a mention's figure held: an "officials said on Tuesday" anchor on another day, else publication time. */
export function reportTime(m: ComparedMention): string | null {
  const anchor = m.facts.asOf?.value ?? null;
  const day = /^\d{4}-\d{2}-\d{2}/.exec(anchor ?? '')?.[0] ?? null;
  const published = m.published ?? m.dateline ?? null;
  if (day && (!published || !published.startsWith(day))) return day;
  return published;
}

function minutesOf(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)) / 60000;
}

function label(iso: string, sameDay: boolean): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(iso);
  if (!m) return iso;
  return sameDay && m[2] ? m[2] : m[2] ? `${m[1]} ${m[2]}` : (m[1] ?? iso);
}

/**
 * An evolution when: (1) every mention has one figure of the given unit and a report time;
 * (2) durations are excluded (a past meeting's length does not evolve);
 * (3) figures ordered by report time move one way only, and different figures are at least `minGapMinutes` apart.
 */
export function detectEvolution(
  mentions: readonly ComparedMention[],
  unit: string | null,
  config: EvolutionConfig = EVOLUTION_DEFAULTS,
): Evolution | null {
  if (countKey(unit) === 'duration') return null;
  const points: { q: QuantitySpan; at: number; iso: string }[] = [];
  for (const m of mentions) {
    const qs = m.facts.quantities.filter((q) => countsComparable(q.unit, unit));
    const iso = reportTime(m);
    const at = iso ? minutesOf(iso) : null;
    if (qs.length !== 1 || at === null || !iso || !qs[0]) return null;
    points.push({ q: qs[0], at, iso });
  }
  points.sort((x, y) => x.at - y.at);
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last || first.q.value === last.q.value) return null;
  const rising = last.q.value > first.q.value;
  for (let i = 1; i < points.length; i++) {
    const prev = points[i - 1];
    const cur = points[i];
    if (!prev || !cur || prev.q.value === cur.q.value) continue;
    if (cur.q.value > prev.q.value !== rising) return null;
    if (cur.at - prev.at < config.minGapMinutes) return null;
  }
  // The figure is dated by the first report that gave its final value.
  const reached = points.find((p) => p.q.value === last.q.value) ?? last;
  const sameDay = first.iso.slice(0, 10) === reached.iso.slice(0, 10);
  const from = first.q.value;
  const to = last.q.value;
  const firstLabel = label(first.iso, sameDay);
  const lastLabel = label(reached.iso, sameDay);
  return {
    text: `${rising ? 'rose' : 'fell'} from ${from} to ${to} between ${firstLabel} and ${lastLabel}`,
    from,
    to,
    first: first.iso,
    last: reached.iso,
  };
}
