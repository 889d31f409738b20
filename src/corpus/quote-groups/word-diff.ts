// Word-level alignment of two quotes (LCS): identical, trimmed (contiguous sub-span) or variant, with the differing words.
import { alignWords } from '../../core/text/align-words.js';
import { tokenize } from '../../core/tokenize.js';

export type QuoteRelation = 'identical' | 'trimmed' | 'variant';

export interface WordChange {
  /** Words of the first quote replaced (empty when words were added). */
  readonly from: string;
  /** Words of the second quote in their place (empty when words were dropped). */
  readonly to: string;
}

export interface QuoteAlignment {
  readonly relation: QuoteRelation | null;
  /** Shared words over the shorter quote's length. */
  readonly overlap: number;
  readonly changes: readonly WordChange[];
}

export interface AlignmentThresholds {
  /** Minimum shared-word share of the shorter quote for a variant. */
  readonly minOverlap: number;
  /** Minimum shared-word share of the longer quote for a variant. */
  readonly minLongOverlap: number;
  /** Minimum number of shared words for a variant or a trim. */
  readonly minSharedWords: number;
}

export const DEFAULT_ALIGNMENT: AlignmentThresholds = { minOverlap: 0.6, minLongOverlap: 0.45, minSharedWords: 3 };

const IRREGULAR_NEGATIVES: Readonly<Record<string, string>> = { "won't": 'will', "can't": 'can', "shan't": 'shall' };

/** Lower-cased words of a quote, punctuation and quotation marks dropped, apostrophes unified, "hadn't" read as "had not". */
export function quoteWords(text: string): string[] {
  return tokenize(text)
    .map((t) => t.text.toLowerCase().replace(/\u2019/g, "'"))
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .flatMap((w) => (w.endsWith("n't") ? [IRREGULAR_NEGATIVES[w] ?? w.slice(0, -3), 'not'] : [w]));
}

/** Index of the first place at or after `from` where `run` stands word for word in `long`, or -1. */
export function indexOfRun(long: readonly string[], run: readonly string[], from = 0): number {
  outer: for (let i = from; i + run.length <= long.length; i++) {
    for (let j = 0; j < run.length; j++) if (long[i + j] !== run[j]) continue outer;
    return i;
  }
  return -1;
}

/** The LCS alignment read as runs of changed words. */
function changesOf(a: readonly string[], b: readonly string[]): { shared: number; changes: WordChange[] } {
  const { keepA, keepB, shared } = alignWords(a, b);
  const changes: WordChange[] = [];
  let from: string[] = [];
  let to: string[] = [];
  const flush = (): void => {
    if (from.length || to.length) changes.push({ from: from.join(' '), to: to.join(' ') });
    from = [];
    to = [];
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && !keepA[i]) from.push(a[i++] ?? '');
    else if (j < b.length && !keepB[j]) to.push(b[j++] ?? '');
    else {
      flush();
      i++;
      j++;
    }
  }
  flush();
  return { shared, changes };
}

/** How the second quote relates to the first; relation null when they are not the same utterance. */
export function alignQuotes(
  a: readonly string[],
  b: readonly string[],
  thresholds: AlignmentThresholds = DEFAULT_ALIGNMENT,
): QuoteAlignment {
  if (a.length === 0 || b.length === 0) return { relation: null, overlap: 0, changes: [] };
  const same = a.length === b.length && a.every((w, i) => w === b[i]);
  if (same) return { relation: 'identical', overlap: 1, changes: [] };
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const { shared, changes } = changesOf(a, b);
  if (short.length >= thresholds.minSharedWords && indexOfRun(long, short) >= 0) {
    return { relation: 'trimmed', overlap: 1, changes };
  }
  const overlap = shared / short.length;
  const variant =
    shared >= thresholds.minSharedWords && overlap >= thresholds.minOverlap && shared / long.length >= thresholds.minLongOverlap;
  return { relation: variant ? 'variant' : null, overlap, changes };
}
