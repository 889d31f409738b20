// Pairs quotation marks (straight, curly, single, guillemets, '' and „) into quoted regions, across paragraphs.
import { spanIndexHolding, type Span } from '../../core/span.js';

export interface QuoteRegion {
  /** The words inside the marks (inner marks of continued paragraphs included). */
  readonly content: Span;
  /** The opening mark. */
  readonly open: Span;
  /** The closing mark, null when the quote runs to the end of its paragraph unclosed. */
  readonly close: Span | null;
  /** How many paragraph breaks the quote runs across. */
  readonly paragraphsCrossed: number;
}

type Family = 'double' | 'single' | 'guillemet';
type Role = 'open' | 'close' | 'either';

interface Mark extends Span {
  readonly family: Family;
  readonly role: Role;
}

const OPEN_CONTEXT = /[\s([{\u2014\u2013\-/]/;
const isLetter = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);

/** Role of a straight mark from its neighbours: after space it opens, before space or punctuation it closes. */
function straightRole(prev: string | undefined, next: string | undefined): Role {
  const prevOpens = prev === undefined || OPEN_CONTEXT.test(prev) || /[\u201c\u2018\u00ab"']/.test(prev);
  const nextCloses = next === undefined || /[\s.,;:!?)\]}\u2014\u2013\u2026]/.test(next);
  if (prevOpens && !nextCloses) return 'open';
  if (nextCloses && !prevOpens) return 'close';
  return 'either';
}

function scanMarks(text: string, from: number, to: number): Mark[] {
  const marks: Mark[] = [];
  for (let i = from; i < to; i++) {
    const c = text[i];
    const prev = i > 0 ? text[i - 1] : undefined;
    const next = i + 1 < text.length ? text[i + 1] : undefined;
    switch (c) {
      case '"':
        marks.push({ start: i, end: i + 1, family: 'double', role: straightRole(prev, next) });
        break;
      case '\u201c': // “ opens in English; closes in German after a letter
        marks.push({ start: i, end: i + 1, family: 'double', role: isSpace(next) && !isSpace(prev) ? 'close' : 'open' });
        break;
      case '\u201d': // ” closes; some sites use it for both marks
        marks.push({ start: i, end: i + 1, family: 'double', role: isSpace(prev) && isLetter(next) ? 'open' : 'close' });
        break;
      case '\u201e': // „
        marks.push({ start: i, end: i + 1, family: 'double', role: 'open' });
        break;
      case '\u00ab':
        marks.push({ start: i, end: i + 1, family: 'guillemet', role: 'open' });
        break;
      case '\u00bb':
        marks.push({ start: i, end: i + 1, family: 'guillemet', role: 'close' });
        break;
      case '`':
        if (next === '`') {
          marks.push({ start: i, end: i + 2, family: 'double', role: 'open' });
          i++;
        }
        break;
      case '\u2018':
        marks.push({ start: i, end: i + 1, family: 'single', role: 'open' });
        break;
      case '\u2019':
        // Inside a word it is an apostrophe (don’t); after a letter before space it may close or be a plural possessive.
        if (!isLetter(next)) marks.push({ start: i, end: i + 1, family: 'single', role: isSpace(prev) ? 'open' : 'close' });
        break;
      case "'":
        if (next === "'") {
          marks.push({ start: i, end: i + 2, family: 'double', role: straightRole(prev, text[i + 2]) });
          i++;
        } else if (!(isLetter(prev) && isLetter(next))) {
          marks.push({ start: i, end: i + 1, family: 'single', role: straightRole(prev, next) });
        }
        break;
      default:
        break;
    }
  }
  return marks;
}

function findCloser(marks: readonly Mark[], from: number, family: Family, limit: number): number {
  for (let j = from; j < marks.length; j++) {
    const m = marks[j];
    if (!m || m.start >= limit) return -1;
    if (m.family === family && m.role !== 'open') return j;
  }
  return -1;
}

/** Settings for pairing marks. */
export interface QuoteRegionOptions {
  /** Single-mark quotes shorter than this many words are taken for apostrophes or titles. */
  readonly minSingleWords: number;
}

const DEFAULTS: QuoteRegionOptions = { minSingleWords: 2 };

/**
 * Quoted regions in reading order. A paragraph that opens a quote and never closes it continues into
 * the next paragraph when that paragraph opens with a mark of the same family (the news convention).
 */
export function findQuoteRegions(
  text: string,
  paragraphs: readonly Span[],
  options: QuoteRegionOptions = DEFAULTS,
): QuoteRegion[] {
  const paras = paragraphs.length ? paragraphs : [{ start: 0, end: text.length }];
  const marks = scanMarks(text, 0, text.length);
  const regions: QuoteRegion[] = [];
  let i = 0;
  while (i < marks.length) {
    const open = marks[i];
    if (!open || open.role === 'close') {
      i++;
      continue;
    }
    let p = spanIndexHolding(paras, open.start);
    const para = paras[p];
    if (!para) {
      i++;
      continue;
    }
    let close = findCloser(marks, i + 1, open.family, para.end);
    let crossed = 0;
    // Continue across paragraphs: the next paragraph must open with a mark of the same family.
    let cursor = i + 1;
    // Only a quote opening a sentence or clause runs on into the next paragraph; a partial quote that a stray
    // mark leaves unclosed ("... billionaire ''family fortunes.'.')") stays in its paragraph.
    const mayCross = opensClause(text, open.start, para) || /[.!?)]$/.test(text.slice(para.start, open.start).trimEnd());
    while (close < 0 && mayCross) {
      const nextPara = paras[p + 1];
      if (!nextPara) break;
      const firstIdx = marks.findIndex((m, k) => k >= cursor && m.start >= nextPara.start);
      const first = marks[firstIdx];
      if (!first || first.start !== nextPara.start || first.family !== open.family || first.role === 'close') break;
      p++;
      crossed++;
      cursor = firstIdx + 1;
      close = findCloser(marks, cursor, open.family, nextPara.end);
    }
    const closeMark = close >= 0 ? marks[close] : undefined;
    const end = closeMark ? closeMark.start : (paras[p]?.end ?? open.end);
    const content = { start: open.end, end };
    const words = text.slice(content.start, content.end).trim().split(/\s+/).filter(Boolean).length;
    const plausible =
      words > 0 &&
      (open.family !== 'single' || (closeMark !== undefined && words >= options.minSingleWords)) &&
      (closeMark !== undefined || crossed > 0 || opensClause(text, open.start, paras[spanIndexHolding(paras, open.start)]));
    if (!plausible) {
      i++;
      continue;
    }
    regions.push({ content, open: { start: open.start, end: open.end }, close: closeMark ? { start: closeMark.start, end: closeMark.end } : null, paragraphsCrossed: crossed });
    i = close >= 0 ? close + 1 : marks.findIndex((m) => m.start >= end);
    if (i < 0) break;
  }
  return regions;
}

/** An unclosed mark counts only where a quote can begin: paragraph start or after a colon or comma. */
function opensClause(text: string, at: number, para: Span | undefined): boolean {
  const before = text.slice(para?.start ?? 0, at).trimEnd();
  return before.length === 0 || /[:,]$/.test(before);
}
