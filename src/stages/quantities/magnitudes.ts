// Earthquake magnitudes ("a 5.6-magnitude quake", "magnitude of 6.1", "6.1 on the Richter scale") as quantities of unit "magnitude".
import type { QuantitySpan } from '../../core/article.js';

/** The unit of an earthquake's magnitude: comparable only with another magnitude. */
export const MAGNITUDE_UNIT = 'magnitude';

/** A magnitude as written: 1 to 9.9, with at most one or two decimals ("5.6", "6.0", "7"). */
const VALUE = String.raw`(?<![\d.,])(?<v>[1-9](?:\.\d{1,2})?)(?!\d|[.,]\d)`;
const QUAKE = String.raw`(?:earth)?quakes?|temblors?|tremors?|aftershocks?|shocks?`;
const QUALIFIER = String.raw`(?:(?<q>about|around|approximately|roughly|nearly|almost|at\s+least|more\s+than|over|up\s+to|some)\s+)?`;

/**
 * The written forms, each with the value in group `v` (and `v2` for a range):
 * "magnitude 6.1", "magnitude-5.4", "magnitude of 5.6", "magnitude at 6.1" (put the magnitude at);
 * "5.6-magnitude", "5.6 magnitude"; "6.1 on the Richter scale", "measuring 6.1", "registering 6.1";
 * "a 5.6 quake", "a 6.7-strength quake", "a 6.7 degree quake"; "magnitudes ranging from 3.6 to 4.3".
 */
const FORMS: readonly RegExp[] = [
  new RegExp(String.raw`\bmagnitudes?\s+(?:ranging\s+)?from\s+${VALUE}\s+to\s+(?<v2>[1-9](?:\.\d{1,2})?)(?!\d|[.,]\d)`, 'gi'),
  new RegExp(String.raw`\bmagnitude(?:\s+|\s*-\s*|\s+(?:of|at|was|is)\s+)${QUALIFIER}${VALUE}`, 'gi'),
  new RegExp(String.raw`${QUALIFIER}${VALUE}\s*-?\s*(?:magnitude|on\s+the\s+(?:open-ended\s+)?Richter\s+scale)\b`, 'gi'),
  new RegExp(String.raw`\b(?:measuring|registering|measured|registered)\s+(?:a\s+)?(?:magnitude\s+)?${QUALIFIER}${VALUE}\b`, 'gi'),
  new RegExp(String.raw`\b(?:an?|the)\s+(?:powerful\s+|strong\s+|moderate\s+|major\s+|mild\s+)?${VALUE}\s*-?\s*(?:(?:strength|degree|point|scale)\s*-?\s*)?(?=(?:${QUAKE})\b)`, 'gi'),
];

const QUALIFIERS: Readonly<Record<string, QuantitySpan['qualifier']>> = {
  about: 'about', around: 'about', approximately: 'about', roughly: 'about', some: 'about', nearly: 'nearly', almost: 'nearly',
  'at least': 'at-least', 'more than': 'more-than', over: 'more-than', 'up to': 'up-to',
};

/** Half the last written place: "6" is 5.5 to 6.5, "6.1" is 6.1 (agencies state tenths). */
function slackOf(written: string): number {
  return written.includes('.') ? 0 : 0.5;
}

/** Magnitudes in text[from, to). */
export function extractMagnitudes(text: string, from: number, to: number): QuantitySpan[] {
  const out: QuantitySpan[] = [];
  const slice = text.slice(0, to);
  for (const re of FORMS) {
    re.lastIndex = from;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      const g = m.groups ?? {};
      const written = g.v ?? '';
      const value = Number(written);
      if (!Number.isFinite(value) || value <= 0 || value >= 10) continue;
      const vAt = m.index + m[0].indexOf(written, g.q ? m[0].indexOf(g.q) + g.q.length : 0);
      const start = g.q ? m.index + m[0].indexOf(g.q) : /^magnitude/i.test(m[0]) ? m.index : vAt;
      const end = m.index + m[0].replace(/[\s-]+$/, '').length;
      if (out.some((q) => q.start < end && start < q.end)) continue;
      if (g.v2) {
        const high = Number(g.v2);
        if (!(high > value)) continue;
        out.push({ start, end, value, low: value, high, lowInclusive: true, highInclusive: true, unit: MAGNITUDE_UNIT, qualifier: 'range' });
        continue;
      }
      const qualifier = QUALIFIERS[(g.q ?? '').toLowerCase().replace(/\s+/g, ' ')] ?? 'exact';
      const s = slackOf(written);
      const bounds =
        qualifier === 'at-least' ? { low: value, high: null, lowInclusive: true, highInclusive: false }
        : qualifier === 'more-than' ? { low: value, high: null, lowInclusive: false, highInclusive: false }
        : qualifier === 'up-to' ? { low: 0, high: value, lowInclusive: true, highInclusive: true }
        : qualifier === 'nearly' ? { low: value - 0.3, high: value, lowInclusive: true, highInclusive: false }
        : qualifier === 'about' ? { low: value - Math.max(s, 0.2), high: value + Math.max(s, 0.2), lowInclusive: true, highInclusive: true }
        : { low: value - s, high: value + s, lowInclusive: true, highInclusive: true };
      out.push({ start, end, value, ...bounds, unit: MAGNITUDE_UNIT, qualifier });
    }
  }
  // "put the magnitude at 5.9, but the USGS said it was 6.1": beside a magnitude, a bare figure with tenths that a
  // verb or preposition gives as a value is a second reading of it.
  if (out.length) {
    SECOND_READING_RE.lastIndex = from;
    for (let m = SECOND_READING_RE.exec(slice); m; m = SECOND_READING_RE.exec(slice)) {
      const written = m.groups?.v ?? '';
      const start = m.index + m[0].length - written.length;
      const end = start + written.length;
      if (out.some((q) => q.start < end && start < q.end)) continue;
      const value = Number(written);
      out.push({ start, end, value, low: value, high: value, lowInclusive: true, highInclusive: true, unit: MAGNITUDE_UNIT, qualifier: 'exact' });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A bare figure with tenths given as a value ("it was 6.1", "at 5.9"), not followed by a unit or a count. */
const SECOND_READING_RE = new RegExp(String.raw`\b(?:was|is|at|of|to)\s+(?<v>[1-9]\.\d)(?!\d|[.,]\d|\s*(?:%|per|[a-z]))`, 'gi');

/**
 * The quantities of a stretch of text with magnitudes in place: a magnitude replaces the quantities it overlaps
 * (the stage alone reads "5.6-magnitude" as a bare number, "6.7 degree" as degrees, "5.9 hit" as a count of hits).
 */
export function withMagnitudes(text: string, from: number, to: number, quantities: readonly QuantitySpan[]): QuantitySpan[] {
  const magnitudes = extractMagnitudes(text, from, to);
  if (!magnitudes.length) return [...quantities];
  const rest = quantities.filter((q) => !magnitudes.some((m) => q.start < m.end && m.start < q.end));
  return [...rest, ...magnitudes].sort((a, b) => a.start - b.start);
}

/** Whether a quantity is an earthquake's magnitude. */
export function isMagnitude(unit: string | null): boolean {
  return unit === MAGNITUDE_UNIT;
}
