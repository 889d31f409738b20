// The quantities stage: numbers with their qualifier turned into an interval and the thing they count.
import type { QuantityQualifier, QuantitySpan } from '../../core/article.js';
import type { Span } from '../../core/span.js';
import { defineArticleStage } from '../../core/stage.js';
import { FUNCTION_WORDS, REPORTING_WORDS } from '../../core/text/content-words.js';
import { NUMBER_SOURCE, ORDINAL_SOURCE, parseNumber, parseOrdinal, round } from './number-words.js';
import { countsPersons, peopleCounts, readShotAsWounded, roleAfter, roleOfUnit } from './people.js';
import { isTally } from './tally.js';
import { TIME_UNIT_SECONDS, singular, unitKey, unitLemma } from './units.js';
import { withMeasures } from './measures.js';
import { withAges } from './ages.js';
import { withMagnitudes } from './magnitudes.js';

/**
 * Tolerances of the vague qualifiers (fractions of the stated value n):
 *
 * | qualifier | words                                              | interval                    |
 * |-----------|----------------------------------------------------|-----------------------------|
 * | about     | about, around, approximately, roughly, some, an estimated, or so | [n - t, n + t], t = max(10% of n, 1) for n >= 1, else 10% |
 * | nearly    | nearly, almost, close to, just under, not quite     | [0.9 n, n)                  |
 * | at-least  | at least, no fewer/less than, a minimum of         | [n, inf)                    |
 * | more-than | more than, over, upwards of, in excess of, above   | (n, inf); "just over" (n, 1.1 n] |
 * | at-most   | at most, no more than, a maximum of                | [0, n]                      |
 * | up-to     | up to, as many as                                  | [0, n]                      |
 * | less-than | less/fewer than, under, below                      | [0, n)                      |
 * | range     | between a and b, a to b, a-b; dozens/hundreds/thousands of | [a, b]              |
 * | exact     | a bare number                                      | [n, n]                      |
 */
export const QUANTITY_TOLERANCES = { about: 0.1, aboutMinimum: 1, nearlyFloor: 0.9, justOver: 1.1 } as const;

export interface QuantitiesConfig {
  /** Keep bare numbers with no counted noun ("rose to 17"): useful for claims, noisy for display. */
  readonly keepBareNumbers: boolean;
}

const QUALIFIERS: readonly { readonly re: string; readonly q: QuantityQualifier; readonly justOver?: boolean }[] = [
  { re: 'at\\s+least|no\\s+(?:fewer|less)\\s+than|a\\s+minimum\\s+of', q: 'at-least' },
  { re: 'just\\s+over|slightly\\s+more\\s+than|a\\s+little\\s+over', q: 'more-than', justOver: true },
  { re: 'more\\s+than|over|upwards\\s+of|in\\s+excess\\s+of|above|greater\\s+than', q: 'more-than' },
  { re: 'at\\s+most|no\\s+more\\s+than|a\\s+maximum\\s+of|not\\s+more\\s+than', q: 'at-most' },
  { re: 'up\\s+to|as\\s+many\\s+as|as\\s+much\\s+as', q: 'up-to' },
  { re: 'less\\s+than|fewer\\s+than|under|below|just\\s+under', q: 'less-than' },
  { re: 'nearly|almost|close\\s+to|not\\s+quite|just\\s+shy\\s+of', q: 'nearly' },
  { re: 'about|around|approximately|roughly|some|an\\s+estimated|estimated|an\\s+approximate|approx\\.|circa|nearly\\s+about', q: 'about' },
];

const QUALIFIER_SOURCE = QUALIFIERS.map((q) => q.re).join('|');
/** A currency sign, with the country letters that tell dollars apart ("US$2 million", "A$40"). */
const CURRENCY = '(?:(?:US|A|C|NZ|HK|S)(?=\\$))?[$\u00a3\u20ac]|e(?=\\d[\\d.,]*\\s*(?:million|billion|bn|mn|m)\\b)';
const VAGUE_PLURAL = '(?:dozens|scores|hundreds|thousands|tens\\s+of\\s+thousands|hundreds\\s+of\\s+thousands|millions|billions)';

// One pass: qualifier? currency? number (range)? percent? — the counted noun is read after the match.
const QUANTITY_RE = new RegExp(
  [
    `(?<![\\w$\\u00a3\\u20ac.,:/-])`,
    `(?:(?<qual>${QUALIFIER_SOURCE})\\s+)?`,
    `(?:(?<between>between|from)\\s+)?`,
    `(?:(?<vague>${VAGUE_PLURAL})\\s+of\\b`,
    `|(?<cur>${CURRENCY})?\\s?(?<num>${NUMBER_SOURCE})(?<abbr>(?<=\\d)(?:bn|mn|mm|m|k)(?![\\w]))?`,
    `(?:\\s*(?:-|\\u2013|to|and)\\s*(?<cur2>${CURRENCY})?(?<num2>${NUMBER_SOURCE})(?<abbr2>(?<=\\d)(?:bn|mn|mm|m|k)(?![\\w]))?)?`,
    `(?<half>\\s+and\\s+a\\s+half)?`,
    `(?<pct>\\s*%|\\s+per\\s*cent|\\s+percent(?:age\\s+points?)?)?)`,
    `(?![\\w])`,
  ].join(''),
  'gi',
);

/** Where a counted noun phrase ends: a function word or a reporting verb. */
const STOP_WORDS: ReadonlySet<string> = new Set([...FUNCTION_WORDS, ...REPORTING_WORDS]);

/** Words that may be counted even though a noun-phrase heuristic would stop at them. */
const COUNT_ADJECTIVES = new Set(['dead', 'injured', 'wounded', 'killed', 'missing', 'hurt', 'arrested', 'detained', 'homeless']);

const MONTH_WORD = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i;
const TIME_AFTER = /^\s*(?::\d|a\.?m\b|p\.?m\b|o'clock|GMT|EST|UTC)/i;
const YEAR_RE = /^(?:1[6-9]\d\d|20\d\d)$/;
const AGE_AFTER = /^\s*-?\s*(?:years?|months?)[-\s]old\b|^-year-old\b|^\s*,?\s*(?:years?\s+of\s+age)/i;

interface CountedNoun {
  readonly phrase: string;
  readonly end: number;
}

/**
 * The counted noun after a number: up to three words that are not function words, cut after the last plural
 * (or the first word for a count of one), with a coordination kept ("rockets and shells").
 */
function countedNoun(text: string, from: number, count: number): CountedNoun | 'name' | null {
  const re = /^(\s+)(?:(?:more|additional|other|new)\s+)?/;
  const lead = re.exec(text.slice(from))?.[0] ?? '';
  if (!lead) return null;
  const wordRe = /[A-Za-z][A-Za-z'-]*/y;
  const words: { w: string; start: number; end: number }[] = [];
  let at = from + lead.length;
  while (words.length < 5) {
    wordRe.lastIndex = at;
    const m = wordRe.exec(text);
    if (!m) break;
    const w = m[0];
    const lower = w.toLowerCase();
    const isCoord = lower === 'and' && words.length > 0 && /s$/.test(words[words.length - 1]?.w ?? '');
    if (!isCoord && (STOP_WORDS.has(lower) || MONTH_WORD.test(w))) break;
    words.push({ w, start: m.index, end: m.index + w.length });
    const gap = /^ /.exec(text.slice(m.index + w.length));
    if (!gap) break;
    at = m.index + w.length + 1;
  }
  while (words.length && words[words.length - 1]?.w.toLowerCase() === 'and') words.pop();
  if (words.length === 0) return null;
  const isCountNoun = (w: string): boolean => {
    const lower = w.toLowerCase();
    return COUNT_ADJECTIVES.has(lower) || singular(lower) !== lower || lower in TIME_UNIT_SECONDS;
  };
  let headIndex = -1;
  if (count === 1) headIndex = 0;
  for (const [i, x] of words.entries()) {
    if (count === 1) break;
    // After a head noun only a coordination continues the phrase: "rockets and shells", not "people injured".
    if (headIndex >= 0 && i === headIndex + 1 && x.w.toLowerCase() !== 'and') break;
    if (headIndex >= 0 && i > headIndex + 1 && words[i - 1]?.w.toLowerCase() !== 'and') break;
    if (isCountNoun(x.w)) headIndex = i;
  }
  if (headIndex < 0) headIndex = 0;
  // "the nine voting to convict", "three remaining": after a plural count, a word in -ing with no plural is a participle.
  if (count > 1 && headIndex === 0 && !isCountNoun(words[0]?.w ?? '') && /^[a-z]+ing$/.test(words[0]?.w ?? '')) return null;
  const kept = words.slice(0, headIndex + 1);
  const first = kept[0];
  const last = kept[kept.length - 1];
  if (!first || !last) return null;
  // A capitalised word right after a number is a name ("10 Downing Street"), unless it is an adjective of origin.
  // A title-case headline capitalises count words too: "2 Dead, 1 Wounded".
  if (/^[A-Z]/.test(first.w) && kept.length === 1 && !COUNT_ADJECTIVES.has(first.w.toLowerCase())) return 'name';
  const phrase = kept.map((k) => k.w).join(' ');
  return { phrase, end: last.end };
}

function interval(q: QuantityQualifier, n: number, justOver: boolean): Pick<QuantitySpan, 'low' | 'high' | 'lowInclusive' | 'highInclusive'> {
  switch (q) {
    case 'at-least':
      return { low: n, high: null, lowInclusive: true, highInclusive: false };
    case 'more-than':
      return justOver
        ? { low: n, high: round(n * QUANTITY_TOLERANCES.justOver), lowInclusive: false, highInclusive: true }
        : { low: n, high: null, lowInclusive: false, highInclusive: false };
    case 'at-most':
    case 'up-to':
      return { low: 0, high: n, lowInclusive: true, highInclusive: true };
    case 'less-than':
      return { low: 0, high: n, lowInclusive: true, highInclusive: false };
    case 'nearly':
      return { low: round(n * QUANTITY_TOLERANCES.nearlyFloor), high: n, lowInclusive: true, highInclusive: false };
    case 'about': {
      const t = n >= 1 ? Math.max(n * QUANTITY_TOLERANCES.about, QUANTITY_TOLERANCES.aboutMinimum) : n * QUANTITY_TOLERANCES.about;
      return { low: round(n - t), high: round(n + t), lowInclusive: true, highInclusive: true };
    }
    default:
      return { low: n, high: n, lowInclusive: true, highInclusive: true };
  }
}

const VAGUE_RANGES: Readonly<Record<string, [number, number]>> = {
  dozens: [24, 144], scores: [40, 200], hundreds: [200, 1000], thousands: [2000, 10_000],
  'tens of thousands': [20_000, 100_000], 'hundreds of thousands': [200_000, 1_000_000], millions: [2e6, 1e7], billions: [2e9, 1e10],
};

/** Words after which "over" before a span of time means more than it ("lasted over four days", "for over a week"). */
const OVER_AS_MORE_BEFORE = /\b(?:for|of|in|after|lasted|lasting|lasts|took|taking|takes|spent|spending|last|waited|wait)\s*$/i;

/** Dollars of other countries than the US ("A$40", "HK$2 billion") are their own units. */
const DOLLARS: Readonly<Record<string, string>> = { A: 'australian-dollar', C: 'canadian-dollar', NZ: 'new-zealand-dollar', HK: 'hong-kong-dollar', S: 'singapore-dollar' };

/** The scale a number is written with: "150 million" 1e6, "1.5bn" 1e9, "150MM" 1e6; 1 for none. */
function writtenScale(num: string, abbr: string | undefined): number {
  const a = (abbr ?? '').toLowerCase();
  if (a === 'bn') return 1e9;
  if (a === 'm' || a === 'mn' || a === 'mm') return 1e6;
  if (a === 'k') return 1e3;
  const word = /(?:million|billion|trillion)$/i.exec(num.trim())?.[0]?.toLowerCase();
  return word === 'million' ? 1e6 : word === 'billion' ? 1e9 : word === 'trillion' ? 1e12 : 1;
}

/** The unit a currency sign counts: "$" and "US$" dollars, "\u00a3" pounds, "A$" Australian dollars, "e" before millions euros. */
function currencyUnit(sign: string): string {
  // "e85 million": a euro sign a scraper or a typewriter turned into an "e" before millions or billions.
  if (sign === 'e') return 'euro';
  const country = /^([A-Z]+)\$$/.exec(sign)?.[1];
  return country && country !== 'US' ? (DOLLARS[country] ?? `${country.toLowerCase()}-dollar`) : singular(sign.replace(/^[A-Z]+/, ''));
}

/** Each qualifier's words as a whole-string test, compiled once (qualifierOf runs for every count). */
const QUALIFIER_TESTS = QUALIFIERS.map((entry) => ({ ...entry, test: new RegExp(`^(?:${entry.re})$`, 'i') }));

function qualifierOf(word: string | undefined): { q: QuantityQualifier; justOver: boolean } {
  if (!word) return { q: 'exact', justOver: false };
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  for (const entry of QUALIFIER_TESTS) {
    if (entry.test.test(w)) return { q: entry.q, justOver: entry.justOver ?? false };
  }
  return { q: 'exact', justOver: false };
}

/** Whether the number at [start, end) is part of a date, clock time, year, age or "one of". */
function notAQuantity(
  text: string,
  start: number,
  end: number,
  numText: string,
  hasUnit: boolean,
  qualified: boolean,
  countedSingular: boolean,
): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(end, end + 16);
  if (TIME_AFTER.test(after)) return true;
  if (/[A-Za-z]\.?\s*$/.test(before) && MONTH_WORD.test(/([A-Za-z]+\.?)\s*$/.exec(before)?.[1] ?? '')) return true;
  if (/^\s*,?\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i.test(after) && /^\d{1,2}$/.test(numText)) return true;
  if (YEAR_RE.test(numText) && !qualified && (!hasUnit || /\b(?:in|since|by|until|of|from|during|before|after|early|late|mid|fiscal)\s+$/i.test(before))) return true;
  // "the 1995 shooting": a year-like number before a singular noun is a year used as an adjective.
  if (YEAR_RE.test(numText) && !qualified && countedSingular) return true;
  if (AGE_AFTER.test(after)) return true;
  // "Smith, 45, said": an age between commas after a name.
  if (/[A-Z][a-z]+,\s*$/.test(before) && /^\d{1,3}$/.test(numText) && /^\s*,/.test(after)) return true;
  if (/^one$/i.test(numText) && /^\s+of\b/i.test(after)) return true;
  // "at one point", "at one time": when, not how many.
  if (/^one$/i.test(numText) && /^\s+(?:point|time|stage)\b/i.test(after) && /\bat\s+$/i.test(before)) return true;
  // A capitalised word right before a digit: "Flight 370", "Resolution 1441", "Apollo 11".
  if (/^\d/.test(numText) && /\b[A-Z][a-z]+\.?\s+$/.test(before) && !qualified) return true;
  if (/(?:No|no|Nos|#)\.?\s*$/.test(before)) return true;
  return false;
}

/** Quantities in `text` (or inside `within`), each with its interval and counted unit. */
export function extractQuantities(text: string, within?: Span, config: QuantitiesConfig = { keepBareNumbers: true }): QuantitySpan[] {
  const from = within?.start ?? 0;
  const to = within?.end ?? text.length;
  const slice = text.slice(0, to);
  const out: QuantitySpan[] = [];
  QUANTITY_RE.lastIndex = from;
  for (let m = QUANTITY_RE.exec(slice); m; m = QUANTITY_RE.exec(slice)) {
    const g = m.groups ?? {};
    const start = m.index;
    let end = m.index + m[0].length;
    if (m[0].trim().length === 0) {
      QUANTITY_RE.lastIndex++;
      continue;
    }
    const { q: qual, justOver } = qualifierOf(g.qual);
    let qualifier: QuantityQualifier = qual;
    let value: number;
    let low: number | null;
    let high: number | null;
    let lowInclusive = true;
    let highInclusive = true;
    if (g.vague) {
      const range = VAGUE_RANGES[g.vague.toLowerCase().replace(/\s+/g, ' ')];
      if (!range) continue;
      const [a, b] = range;
      value = a;
      if (qual === 'exact') {
        qualifier = 'range';
        low = a;
        high = b;
      } else ({ low, high, lowInclusive, highInclusive } = interval(qual, a, justOver));
    } else {
      const numText = g.num ?? '';
      // A bare article counts one only when qualified or halved: "almost an hour", "a week and a half".
      const isArticle = /^an?$/i.test(numText.trim());
      const parsed = isArticle ? 1 : parseNumber(numText);
      if (parsed === null) continue;
      // "$1.2bn", "£3m", "$160MM", "1.5m people": scale letters glued to the digits. Without a currency, "m" and "k"
      // mean millions and thousands only before a counted noun ("a 5m wall" is five metres, not a count), and "mm" is
      // millimetres, never a count.
      const abbr = (g.abbr ?? '').toLowerCase();
      if (abbr === 'mm' && !g.cur) continue;
      const scale = writtenScale('', abbr);
      if (abbr && abbr !== 'bn' && !g.cur) {
        const after = countedNoun(text, end, 2);
        const head = after && after !== 'name' ? (after.phrase.split(/\s+/).pop() ?? '') : '';
        if (!head || singular(head) === head.toLowerCase()) continue;
      }
      let n = parsed * scale;
      const numStart = start + m[0].indexOf(numText, g.qual?.length ?? 0);
      const numEnd = numStart + numText.length;
      // "$140-150 million", "20-30 million people", "$140-150MM": a scale written once, after the second figure, is both
      // figures' scale, when the first figure carries none and so scaled stays below the second.
      const scale2 = g.num2 ? writtenScale(g.num2, g.abbr2) : 1;
      const n2 = g.num2 ? (parseNumber(g.num2) ?? NaN) * (g.abbr2 ? scale2 : 1) : null;
      const separator = g.num2 ? text.slice(numEnd, start + m[0].indexOf(g.num2, numEnd - start)) : '';
      const isRange = n2 !== null && n2 > n && (Boolean(g.between) || !/and/i.test(separator));
      if (isRange && scale2 > 1 && scale === 1 && writtenScale(numText, undefined) === 1 && n * scale2 <= n2) n *= scale2;
      value = g.half ? n + 0.5 : n;
      // "a 7-2 vote", "won 3-1": a tally or score, not a count of anything.
      if (n2 !== null && !isRange && /^\s*[-\u2013]\s*$/.test(separator)) continue;
      if (n2 !== null && !isRange) {
        // "17 and 20" without "between" are two numbers: keep the first, rescan from its end.
        end = numEnd;
        QUANTITY_RE.lastIndex = numEnd;
      }
      if (isRange && n2 !== null) {
        qualifier = 'range';
        low = n;
        high = n2;
      } else ({ low, high, lowInclusive, highInclusive } = interval(qual, value, justOver));
      const isWordNumber = !/^\d/.test(numText);
      const noun = g.pct ? null : countedNoun(text, end, value);
      if (noun === 'name') continue;
      if (isArticle && !(g.qual || (noun && /^\s+and\s+a\s+half\b/i.test(text.slice(noun.end, noun.end + 16))))) continue;
      const hasUnit = Boolean(g.pct || g.cur || noun);
      const countedSingular = noun !== null && singular(noun.phrase.split(/\s+/).pop() ?? '') === (noun.phrase.split(/\s+/).pop() ?? '').toLowerCase();
      if (notAQuantity(text, numStart, numEnd, numText.trim(), hasUnit, Boolean(g.qual ?? g.between), countedSingular)) continue;
      // "between 1994 and 1997" is a span of years.
      if (isRange && !hasUnit && YEAR_RE.test(numText.trim()) && YEAR_RE.test((g.num2 ?? '').trim())) continue;
      // A word number needs a counted noun: "one said" and "no one" are not counts.
      if (isWordNumber && !noun && !g.pct && !g.cur) continue;
      if (!hasUnit && !config.keepBareNumbers) continue;
      let unit: string | null = null;
      if (g.pct) unit = 'percent';
      else if (g.cur) unit = currencyUnit(g.cur);
      else if (noun) {
        unit = unitLemma(noun.phrase);
        end = noun.end;
      }
      // "deliberated for 40 hours over four days": "over" before a span of time is across it, not more than it.
      if (qual === 'more-than' && !justOver && /^over$/i.test((g.qual ?? '').trim()) && unit !== null && (unit.split(/\s+/).pop() ?? '') in TIME_UNIT_SECONDS && !OVER_AS_MORE_BEFORE.test(text.slice(Math.max(0, start - 16), start))) {
        qualifier = 'exact';
        ({ low, high, lowInclusive, highInclusive } = interval('exact', value, false));
      }
      // "a week and a half": the half follows the unit.
      const halfAfter = /^\s+and\s+a\s+half\b/i.exec(text.slice(end, end + 16));
      if (noun && halfAfter && !g.half) {
        value += 0.5;
        end += halfAfter[0].length;
        ({ low, high, lowInclusive, highInclusive } = interval(qual, value, justOver));
      }
      if (qualifier === 'range') {
        lowInclusive = true;
        highInclusive = true;
      }
      out.push({ start: trimStart(text, start), end, value, low, high, lowInclusive, highInclusive, unit, qualifier });
      continue;
    }
    const found = countedNoun(text, end, 2);
    const noun = found === 'name' ? null : found;
    if (noun) end = noun.end;
    out.push({
      start: trimStart(text, start),
      end,
      value,
      low,
      high,
      lowInclusive,
      highInclusive,
      unit: noun ? unitLemma(noun.phrase) : null,
      qualifier,
    });
  }
  const shares = proportions(slice, from);
  const counts = out.filter((q) => !shares.some((p) => q.start < p.end && p.start < q.end));
  const ordinals = ordinalQuantities(slice, from).filter((o) => ![...counts, ...shares].some((q) => q.start < o.end && o.start < q.end));
  const found = [...counts, ...shares, ...ordinals].filter((s) => s.start >= from && s.end <= to);
  const counted = withPeople(text, { start: from, end: to }, found).sort((a, b) => a.start - b.start);
  return withAges(text, from, to, withMagnitudes(text, from, to, withMeasures(text, from, to, counted)));
}

/**
 * Counts of people as readers state them: each count of people gets the role its verb or noun gives ("two people
 * were killed", "17 dead"); subjects with no counted noun ("Two are dead", "both died") and single victims ("a man
 * was shot and killed") become counts; running totals ("so far this year") are marked as tallies.
 */
function withPeople(text: string, sentence: Span, found: readonly QuantitySpan[]): QuantitySpan[] {
  const people = peopleCounts(text, sentence);
  const out: QuantitySpan[] = found.map((q) => {
    if (q.unit?.startsWith('nth ')) return isTally(text, q, sentence) || /['\u2019]s\s+$/.test(text.slice(Math.max(0, q.start - 12), q.start)) ? { ...q, tally: true } : q;
    // "one fatally": a people reading of the same number replaces a stray counted word.
    const same = people.find((p) => p.start <= q.start && q.start < p.end && p.value === q.value);
    if (same && q.unit !== 'percent' && !countsPersons(q.unit) && !/^[$\u00a3\u20ac]/.test(text.slice(q.start, q.end))) {
      return { ...q, start: same.start, end: same.end, unit: same.unit, role: same.role };
    }
    if (q.unit === 'percent' || !countsPersons(q.unit)) return q;
    const read = people.find((p) => p.start <= q.start && q.end <= p.end && p.value === q.value) ?? people.find((p) => q.start <= p.start && p.end <= q.end);
    const role = roleOfUnit(q.unit) ?? roleAfter(text, q, sentence) ?? read?.role ?? people.find((p) => p.start < q.end && q.start < p.end)?.role ?? null;
    // "two others were wounded": others with a role are people, whatever they are other than.
    return role ? { ...q, role, ...(q.unit === 'other' ? { unit: 'person' } : {}) } : q;
  });
  for (const p of people) {
    // A count already read as a quantity keeps that reading (and took the role above).
    if (found.some((q) => q.start < p.end && p.start < q.end && q.value === p.value)) continue;
    const { q, justOver } = qualifierOf(p.qualifier ?? undefined);
    out.push({ start: p.start, end: p.end, value: p.value, ...interval(q, p.value, justOver), unit: p.unit, qualifier: q, role: p.role });
  }
  return out.map((q) => (q.role && !q.tally && isTally(text, q, sentence) ? { ...q, tally: true } : q));
}

// "one in five voters", "two in every three homes": a share, written as the percent it is (20, 66.7).
const PROPORTION_RE = new RegExp(`(?<![\\w.,])(?:(?<qual>${QUALIFIER_SOURCE})\\s+)?(?<a>${NUMBER_SOURCE})\\s+in\\s+(?:every\\s+)?(?<b>${NUMBER_SOURCE})(?![\\w])`, 'gi');

function proportions(text: string, from: number): QuantitySpan[] {
  const out: QuantitySpan[] = [];
  PROPORTION_RE.lastIndex = from;
  for (let m = PROPORTION_RE.exec(text); m; m = PROPORTION_RE.exec(text)) {
    const g = m.groups ?? {};
    const a = /^an?$/i.test((g.a ?? '').trim()) ? 1 : parseNumber(g.a ?? '');
    const b = parseNumber(g.b ?? '');
    // Only a part of a whole: "one in five", not "3 in 2024" or "10 in 3".
    if (a === null || b === null || b <= a || b < 2 || YEAR_RE.test((g.b ?? '').trim())) continue;
    const { q, justOver } = qualifierOf(g.qual);
    const value = round((100 * a) / b);
    const noun = countedNoun(text, m.index + m[0].length, b);
    const end = noun && noun !== 'name' ? noun.end : m.index + m[0].length;
    out.push({ start: trimStart(text, m.index), end, value, ...interval(q, value, justOver), unit: 'percent', qualifier: q });
  }
  return out;
}

// "the third day of the siege", "for a second night", "the 21st victim": a rank in a series, which outlets
// contradict ("third day" against "fourth day"). Its unit is "nth <noun>" so it never meets a plain count.
const ORDINAL_RE = new RegExp(
  `\\b(?:the|its|their|his|her|for\\s+a|a|[A-Za-z]+['\u2019]s)\\s+(${ORDINAL_SOURCE})(?:\\s+(?:straight|consecutive|successive|running))?\\s+([a-z]+(?:-[a-z]+)*)(?![\\w-])`,
  'g',
);
// Ranks that are names of parts or times, not counts: "the third quarter", "the first half", "the 21st century".
const NOT_ORDINAL_NOUN = /^(?:quarter|half|century|millennium|largest|biggest|most|least|place|person|party|world|lady|degree|hand|class|rate|floor|grade|cousin|base|reading|amendment|instance|glance|sight|thing|things|of|and|or|to|in|on)$/;

function ordinalQuantities(text: string, from: number): QuantitySpan[] {
  const out: QuantitySpan[] = [];
  ORDINAL_RE.lastIndex = from;
  for (let m = ORDINAL_RE.exec(text); m; m = ORDINAL_RE.exec(text)) {
    const word = m[1] ?? '';
    const noun = m[2] ?? '';
    const n = parseOrdinal(word);
    if (n === null || NOT_ORDINAL_NOUN.test(noun) || STOP_WORDS.has(noun) || /(?:est|ly)$/.test(noun)) continue;
    // "a first step" is not a rank; "a second attack" is another one, the second.
    if (n === 1 && /^a\s/i.test(m[0])) continue;
    // The span starts at the rank itself: "third day" in "for a third day".
    const start = m.index + (/^(?:the|its|their|his|her|for\s+a|a|[A-Za-z]+['\u2019]s)\s+/.exec(m[0])?.[0].length ?? 0);
    out.push({
      start,
      end: m.index + m[0].length,
      value: n,
      low: n,
      high: n,
      lowInclusive: true,
      highInclusive: true,
      unit: `nth ${unitLemma(noun)}`,
      qualifier: 'exact',
    });
  }
  return out;
}

function trimStart(text: string, start: number): number {
  let s = start;
  while (/\s/.test(text[s] ?? '')) s++;
  return s;
}

type Bounds = Pick<QuantitySpan, 'low' | 'high' | 'lowInclusive' | 'highInclusive'>;

/** Whether two intervals share at least one point, honouring open ends and unbounded (null) sides. */
export function intervalsOverlap(a: Bounds, b: Bounds): boolean {
  const lowA = a.low ?? -Infinity;
  const lowB = b.low ?? -Infinity;
  const highA = a.high ?? Infinity;
  const highB = b.high ?? Infinity;
  // The overlap is [max low, min high]; it is empty when they cross, or touch at an excluded end.
  const low = Math.max(lowA, lowB);
  const high = Math.min(highA, highB);
  if (low > high) return false;
  if (low < high) return true;
  const lowIncluded = (lowA === low ? a.lowInclusive || a.low === null : true) && (lowB === low ? b.lowInclusive || b.low === null : true);
  const highIncluded = (highA === high ? a.highInclusive || a.high === null : true) && (highB === high ? b.highInclusive || b.high === null : true);
  return lowIncluded && highIncluded;
}

function scaled(q: QuantitySpan, factor: number): Bounds {
  return {
    low: q.low === null ? null : q.low * factor,
    high: q.high === null ? null : q.high * factor,
    lowInclusive: q.lowInclusive,
    highInclusive: q.highInclusive,
  };
}

/**
 * Whether two quantities can both be true of the same thing: same unit key and overlapping intervals.
 * Durations compare in seconds, so "almost an hour" meets "50 minutes".
 */
export function quantitiesCompatible(a: QuantitySpan, b: QuantitySpan): boolean {
  if (unitKey(a.unit) !== unitKey(b.unit)) return false;
  const secondsA = a.unit ? TIME_UNIT_SECONDS[a.unit] : undefined;
  const secondsB = b.unit ? TIME_UNIT_SECONDS[b.unit] : undefined;
  if (secondsA !== undefined && secondsB !== undefined) return intervalsOverlap(scaled(a, secondsA), scaled(b, secondsB));
  return intervalsOverlap(a, b);
}

export const quantitiesStage = defineArticleStage<QuantitiesConfig>({
  name: 'parallax.quantities.v1',
  version: '1.1.0',
  requires: ['article.sentences'],
  provides: ['article.quantities'],
  defaults: { keepBareNumbers: true },
  run(article, _ctx, config) {
    const quantities = article.layers.sentences.flatMap((s) => extractQuantities(article.text, s, config));
    return { layers: { quantities: readShotAsWounded(article.text, quantities) } };
  },
});
