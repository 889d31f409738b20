// Word-level diff of two short passages (longest common subsequence of words), for side-by-side conflict and quote views.
import { alignWords } from '../../src/core/text/align-words.js';

export interface DiffPart {
  readonly text: string;
  /** True when these words are not in the other passage. */
  readonly changed: boolean;
}

export interface WordDiff {
  readonly a: readonly DiffPart[];
  readonly b: readonly DiffPart[];
}

interface Token {
  readonly start: number;
  readonly end: number;
  readonly key: string;
}

/** Above this many cells the middle of the passages is marked changed whole instead of aligned (keeps the diff linear-ish). */
export const MAX_DIFF_CELLS = 250_000;

const WORD = /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    tokens.push({ start, end: start + m[0].length, key: m[0].toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"') });
  }
  return tokens;
}

/** Splits the text into runs; the gap between two changed words is changed too, so a changed phrase reads as one mark. */
function toParts(text: string, tokens: readonly Token[], keep: readonly boolean[]): DiffPart[] {
  const parts: DiffPart[] = [];
  const push = (piece: string, changed: boolean): void => {
    if (!piece) return;
    const last = parts[parts.length - 1];
    if (last && last.changed === changed) parts[parts.length - 1] = { text: last.text + piece, changed };
    else parts.push({ text: piece, changed });
  };
  // A lone punctuation mark is only marked inside a changed phrase: "lives." against "lives" is no difference a reader needs.
  const changed = tokens.map((t, k) => {
    if (keep[k]) return false;
    if (/[\p{L}\p{N}]/u.test(t.key)) return true;
    return k > 0 && k + 1 < tokens.length && !keep[k - 1] && !keep[k + 1];
  });
  let at = 0;
  tokens.forEach((t, k) => {
    const gapChanged = k > 0 && changed[k - 1] === true && changed[k] === true;
    push(text.slice(at, t.start), gapChanged);
    push(text.slice(t.start, t.end), changed[k] === true);
    at = t.end;
  });
  push(text.slice(at), false);
  return parts;
}

export function wordDiff(a: string, b: string): WordDiff {
  const ta = tokenize(a);
  const tb = tokenize(b);
  const { keepA, keepB } = alignWords(ta.map((t) => t.key), tb.map((t) => t.key), MAX_DIFF_CELLS);
  return { a: toParts(a, ta, keepA), b: toParts(b, tb, keepB) };
}
