// Word-level diff of two short passages (longest common subsequence of words), for side-by-side conflict and quote views.

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

/** Marks which tokens of each side belong to a longest common subsequence. */
function alignTokens(a: readonly Token[], b: readonly Token[]): { keepA: boolean[]; keepB: boolean[] } {
  const keepA = a.map(() => false);
  const keepB = b.map(() => false);
  let head = 0;
  while (head < a.length && head < b.length && a[head]!.key === b[head]!.key) {
    keepA[head] = keepB[head] = true;
    head++;
  }
  let tailA = a.length;
  let tailB = b.length;
  while (tailA > head && tailB > head && a[tailA - 1]!.key === b[tailB - 1]!.key) {
    keepA[--tailA] = keepB[--tailB] = true;
  }
  const n = tailA - head;
  const m = tailB - head;
  if (n === 0 || m === 0 || n * m > MAX_DIFF_CELLS) return { keepA, keepB };
  // lengths[i][j] = LCS of a[head+i..tailA) and b[head+j..tailB), stored row-major.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[head + i]!.key === b[head + j]!.key
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[head + i]!.key === b[head + j]!.key) {
      keepA[head + i] = keepB[head + j] = true;
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) i++;
    else j++;
  }
  return { keepA, keepB };
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
  const { keepA, keepB } = alignTokens(ta, tb);
  return { a: toParts(a, ta, keepA), b: toParts(b, tb, keepB) };
}
