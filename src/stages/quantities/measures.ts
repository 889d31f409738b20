// Measurements (lengths, speeds, areas, weights) with their unit glued or spaced, and the SI factor each unit converts by.
import type { QuantityQualifier, QuantitySpan } from '../../core/article.js';
import { NUMBER_SOURCE, parseNumber, round } from './number-words.js';
import { unitLemma } from './units.js';

/** What a measure measures: figures compare only within one dimension, after conversion to its SI unit. */
export type MeasureDimension = 'length' | 'speed' | 'area' | 'mass';

export const MEASURE_DIMENSIONS: ReadonlySet<string> = new Set<MeasureDimension>(['length', 'speed', 'area', 'mass']);

interface MeasureUnit {
  readonly dimension: MeasureDimension;
  /** SI units (metres, metres per second, square metres, kilograms) per one of this unit. */
  readonly si: number;
}

/** Canonical unit names, as the quantity's `unit`. */
export const MEASURE_UNITS: Readonly<Record<string, MeasureUnit>> = {
  millimetre: { dimension: 'length', si: 0.001 },
  centimetre: { dimension: 'length', si: 0.01 },
  metre: { dimension: 'length', si: 1 },
  kilometre: { dimension: 'length', si: 1000 },
  inch: { dimension: 'length', si: 0.0254 },
  foot: { dimension: 'length', si: 0.3048 },
  yard: { dimension: 'length', si: 0.9144 },
  mile: { dimension: 'length', si: 1609.344 },
  'kilometre per hour': { dimension: 'speed', si: 1 / 3.6 },
  'mile per hour': { dimension: 'speed', si: 0.44704 },
  'metre per second': { dimension: 'speed', si: 1 },
  knot: { dimension: 'speed', si: 0.514444 },
  'square metre': { dimension: 'area', si: 1 },
  'square kilometre': { dimension: 'area', si: 1e6 },
  'square foot': { dimension: 'area', si: 0.09290304 },
  'square mile': { dimension: 'area', si: 2_589_988.11 },
  hectare: { dimension: 'area', si: 1e4 },
  acre: { dimension: 'area', si: 4046.8564 },
  gram: { dimension: 'mass', si: 0.001 },
  kilogram: { dimension: 'mass', si: 1 },
  tonne: { dimension: 'mass', si: 1000 },
  'pound weight': { dimension: 'mass', si: 0.45359237 },
  ounce: { dimension: 'mass', si: 0.028349523 },
};

// Written forms of each unit. Longer forms first so "km/h" wins over "km", "square metres" over "metres".
const LENGTH = {
  metre: 'met(?:re|er)s?', kilometre: 'kilomet(?:re|er)s?', centimetre: 'centimet(?:re|er)s?', millimetre: 'millimet(?:re|er)s?',
  foot: 'f(?:oo|ee)t|ft', mile: 'miles?', yard: 'yards?|yds?', inch: 'inch(?:es)?',
};
const FORMS: readonly (readonly [string, string])[] = [
  ['kilometre per hour', `(?:${LENGTH.kilometre}|kms?)\\s*(?:per|an|a)\\s+hour|km\\s*/\\s*h(?:r|our)?|kmh|kph|kmph`],
  ['mile per hour', `${LENGTH.mile}\\s+(?:per|an|a)\\s+hour|mph`],
  ['metre per second', `${LENGTH.metre}\\s+(?:per|a)\\s+second|m\\s*/\\s*s`],
  ['knot', 'knots?'],
  ['square kilometre', `square[\\s-]+(?:${LENGTH.kilometre}|km)|sq\\.?\\s*km|km2|km\\u00b2`],
  ['square metre', `square[\\s-]+(?:${LENGTH.metre}|m)|sq\\.?\\s*m|m2|m\\u00b2`],
  ['square foot', `square[\\s-]+(?:${LENGTH.foot})|sq\\.?\\s*ft`],
  ['square mile', `square[\\s-]+${LENGTH.mile}|sq\\.?\\s*mi`],
  ['hectare', 'hectares?|ha'],
  ['acre', 'acres?'],
  ['kilometre', `${LENGTH.kilometre}|kms?`],
  ['centimetre', `${LENGTH.centimetre}|cm`],
  ['millimetre', `${LENGTH.millimetre}|mm`],
  ['metre', `${LENGTH.metre}|m`],
  ['foot', LENGTH.foot],
  ['mile', LENGTH.mile],
  ['yard', LENGTH.yard],
  ['inch', LENGTH.inch],
  ['kilogram', 'kilo(?:gram)?s?|kgs?'],
  ['tonne', 'tonnes?|tons?'],
  ['gram', 'grams?|g'],
  ['pound weight', 'lbs?'],
  ['ounce', 'ounces?|oz'],
];

// A vague qualifier right before the number ("about 200ft", "nearly 60m").
const QUALIFIER_WORDS: readonly (readonly [QuantityQualifier, string])[] = [
  ['at-least', 'at\\s+least'],
  ['more-than', 'more\\s+than|over|upwards\\s+of'],
  ['up-to', 'up\\s+to|as\\s+(?:much|far|high|deep)\\s+as'],
  ['less-than', 'less\\s+than|under|below'],
  ['nearly', 'nearly|almost|close\\s+to'],
  ['about', 'about|around|approximately|roughly|some|an?\\s+(?:estimated|approximate)|estimated'],
];

const MEASURE_RE = new RegExp(
  `(?<![\\w.,$\\u00a3\\u20ac])(?<num>${NUMBER_SOURCE})(?<gap>\\s?-?\\s?)(?<unit>${FORMS.map(([, f]) => `(?:${f})`).join('|')})(?![\\w\\u00b2])`,
  'gi',
);
const QUALIFIER_TESTS: readonly (readonly [QuantityQualifier, RegExp])[] = QUALIFIER_WORDS.map(([q, w]) => [q, new RegExp(`^(?:${w})$`, 'i')] as const);
const QUALIFIER_BEFORE = new RegExp(`(?:^|[^\\w])(?<qual>${QUALIFIER_WORDS.map(([, w]) => w).join('|')})\\s+$`, 'i');

/** Single-letter abbreviations are lower case: "3G" is a network, "60 M" a label. */
const LETTER_ABBREVIATION = /^[a-z]$/i;

/** Each unit's written forms as a whole-string test, compiled once (unitOf runs for every measure and overlap). */
const FORM_TESTS: readonly (readonly [string, RegExp])[] = FORMS.map(([unit, form]) => [unit, new RegExp(`^(?:${form})$`, 'i')] as const);

function unitOf(written: string): string | null {
  for (const [unit, test] of FORM_TESTS) if (test.test(written)) return unit;
  return null;
}

/** The interval a qualifier gives a measured value n (the quantities stage's tolerances: about is +-10%). */
function measureInterval(q: QuantityQualifier, n: number): Pick<QuantitySpan, 'low' | 'high' | 'lowInclusive' | 'highInclusive'> {
  switch (q) {
    case 'at-least':
      return { low: n, high: null, lowInclusive: true, highInclusive: false };
    case 'more-than':
      return { low: n, high: null, lowInclusive: false, highInclusive: false };
    case 'up-to':
      return { low: 0, high: n, lowInclusive: true, highInclusive: true };
    case 'less-than':
      return { low: 0, high: n, lowInclusive: true, highInclusive: false };
    case 'nearly':
      return { low: round(n * 0.75), high: n, lowInclusive: true, highInclusive: false };
    case 'about':
      return { low: round(n * 0.9), high: round(n * 1.1), lowInclusive: true, highInclusive: true };
    default:
      return { low: n, high: n, lowInclusive: true, highInclusive: true };
  }
}

function qualifierBefore(text: string, at: number): { q: QuantityQualifier; start: number } | null {
  const m = QUALIFIER_BEFORE.exec(text.slice(Math.max(0, at - 24), at));
  const word = m?.groups?.qual;
  if (!m || !word) return null;
  const normal = word.toLowerCase().replace(/\s+/g, ' ');
  const entry = QUALIFIER_TESTS.find(([, test]) => test.test(normal));
  return entry ? { q: entry[0], start: at - (m[0].length - m[0].indexOf(word)) } : null;
}

/** Measurements in text[from, to), each with its canonical unit (see MEASURE_UNITS). */
export function extractMeasures(text: string, from: number, to: number): QuantitySpan[] {
  const out: QuantitySpan[] = [];
  const slice = text.slice(0, to);
  MEASURE_RE.lastIndex = from;
  for (let m = MEASURE_RE.exec(slice); m; m = MEASURE_RE.exec(slice)) {
    const g = m.groups ?? {};
    const written = g.unit ?? '';
    const unit = unitOf(written);
    const value = parseNumber(g.num ?? '');
    // Word numbers need a spaced unit ("two miles"); "a m" or "one g" are not measures.
    if (!unit || value === null || (!/^\d/.test(g.num ?? '') && (written.length <= 2 || !/\s$/.test(g.gap ?? '')))) continue;
    if (LETTER_ABBREVIATION.test(written) && written !== written.toLowerCase()) continue;
    const qual = qualifierBefore(text, m.index);
    const qualifier = qual?.q ?? 'exact';
    out.push({ start: qual?.start ?? m.index, end: m.index + m[0].length, value, ...measureInterval(qualifier, value), unit, qualifier });
  }
  return out;
}

/**
 * The quantities of a stretch of text with its measurements in place: a measurement replaces any quantity it
 * overlaps whose unit is none or a spelled-out measure unit ("200 metres"), and keeps that quantity's qualifier
 * and interval when both read the same number. A glued "m" next to a count ("60m people", millions) is left alone.
 */
export function withMeasures(text: string, from: number, to: number, quantities: readonly QuantitySpan[]): QuantitySpan[] {
  const measures = extractMeasures(text, from, to);
  if (measures.length === 0) return [...quantities];
  const replaced = new Set<QuantitySpan>();
  const kept: QuantitySpan[] = [];
  for (const m of measures) {
    const overlapping = quantities.filter((q) => q.start < m.end && m.start < q.end);
    if (overlapping.some((q) => q.unit !== null && !isMeasureWord(q.unit))) continue;
    for (const q of overlapping) replaced.add(q);
    const same = overlapping.find((q) => q.value === m.value && q.qualifier !== 'exact');
    kept.push(same ? { ...same, start: Math.min(same.start, m.start), end: Math.max(same.end, m.end), unit: m.unit } : m);
  }
  return [...quantities.filter((q) => !replaced.has(q)), ...kept].sort((a, b) => a.start - b.start);
}

function isMeasureWord(unit: string): boolean {
  return unitOf(unit) !== null || unit in MEASURE_UNITS;
}

/** The measure unit of a quantity's unit, or null when it counts things. */
export function measureUnit(unit: string | null): MeasureUnit | null {
  if (unit === null) return null;
  return MEASURE_UNITS[unit] ?? MEASURE_UNITS[unitLemma(unit.toLowerCase())] ?? null;
}
