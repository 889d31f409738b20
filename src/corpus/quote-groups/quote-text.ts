// The words of a quote as an outlet gives them: elisions and editorial insertions cut it into runs; indirect speech keeps only its quoted fragments.
import type { QuoteKind } from '../../core/article.js';
import { alignQuotes, indexOfRun, quoteWords, type AlignmentThresholds, type QuoteRelation } from './word-diff.js';

/** A stretch of words the outlet prints without a cut: [start, end) into `words`. */
export interface WordRun {
  readonly start: number;
  readonly end: number;
}

export interface QuoteText {
  /** Lower-cased words, editorial insertions left out. */
  readonly words: readonly string[];
  /** The runs between elisions ("…", "...") and insertions ("[the mayor]", "(Tara)"); one run when there is no cut. */
  readonly runs: readonly WordRun[];
  /** The speaker's own words: a direct or partial quotation, or the quoted fragments inside indirect speech. */
  readonly verbatim: boolean;
  /** A short partial quotation made only of capitalised words: the title of a film or book, not a remark. */
  readonly title: boolean;
  /** The words are a phrase quoted inside the outlet's own sentence (a partial quotation or a fragment of indirect speech). */
  readonly fragment: boolean;
}

/** Quotation-mark fragments inside a passage: “...”, "..." or «...». */
const FRAGMENT = /[\u201c"\u00ab]([^\u201c\u201d"\u00ab\u00bb]+)[\u201d"\u00bb]/g;

/** Where an outlet cut or added words: an ellipsis (one character or three dots, spaced or not) or a bracketed insertion. */
const CUT = /\[[^\]]*\]|\([^)]*\)|\u2026|\.(?:\s?\.){2,}/g;

/** Longest partial quotation still read as a possible title when every word is capitalised. */
const MAX_TITLE_WORDS = 5;

function runsOf(pieces: readonly string[]): { words: string[]; runs: WordRun[] } {
  const words: string[] = [];
  const runs: WordRun[] = [];
  for (const piece of pieces) {
    for (const part of piece.split(CUT)) {
      const w = quoteWords(part);
      if (!w.length) continue;
      runs.push({ start: words.length, end: words.length + w.length });
      words.push(...w);
    }
  }
  return { words, runs };
}

/** Words a title leaves in lower case. */
const TITLE_LOWER: ReadonlySet<string> = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

function isTitle(text: string, kind: QuoteKind, wordCount: number): boolean {
  if (kind !== 'partial' || wordCount === 0 || wordCount > MAX_TITLE_WORDS) return false;
  const tokens = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  // Titles keep short function words in lower case ("Most Likely to Succeed"), but start and end capitalised.
  const capital = (t: string): boolean => /^[\p{Lu}\p{N}]/u.test(t);
  return tokens.length > 0 && capital(tokens[0] ?? '') && capital(tokens[tokens.length - 1] ?? '') && tokens.every((t) => capital(t) || TITLE_LOWER.has(t));
}

/** Reads a quote's text for grouping. */
export function readQuote(text: string, kind: QuoteKind): QuoteText {
  const fragments = kind === 'indirect' ? [...text.matchAll(FRAGMENT)].map((m) => m[1] ?? '') : [];
  const verbatim = kind !== 'indirect' || fragments.some((f) => quoteWords(f).length > 0);
  const { words, runs } = runsOf(verbatim && kind === 'indirect' ? fragments : [text]);
  const fragment = kind === 'partial' || (kind === 'indirect' && verbatim);
  return { words, runs, verbatim, title: isTitle(text, kind, words.length), fragment };
}

/** True when every run of `short` stands word for word in `long`, in order: a trim, with or without elisions. */
export function runsWithin(short: QuoteText, long: readonly string[]): boolean {
  let from = 0;
  for (const r of short.runs) {
    const at = indexOfRun(long, short.words.slice(r.start, r.end), from);
    if (at < 0) return false;
    from = at + (r.end - r.start);
  }
  return short.runs.length > 0;
}

export interface TextAlignment {
  readonly relation: QuoteRelation | null;
  /** Words the two quotes share in order (the whole shorter quote for a trim). */
  readonly shared: number;
  readonly shorter: number;
  readonly longer: number;
}

/** How two quotes relate: identical words, a trim (the shorter's runs inside the longer), a variant, or nothing. */
export function alignTexts(a: QuoteText, b: QuoteText, thresholds: AlignmentThresholds): TextAlignment {
  const [short, long] = a.words.length <= b.words.length ? [a, b] : [b, a];
  const sizes = { shorter: short.words.length, longer: long.words.length };
  if (short.words.length === 0) return { relation: null, shared: 0, ...sizes };
  if (a.words.length === b.words.length && a.words.every((w, i) => w === b.words[i])) {
    return { relation: 'identical', shared: a.words.length, ...sizes };
  }
  if (runsWithin(short, long.words)) return { relation: 'trimmed', shared: short.words.length, ...sizes };
  const aligned = alignQuotes(short.words, long.words, thresholds);
  return { relation: aligned.relation, shared: Math.round(aligned.overlap * short.words.length), ...sizes };
}
