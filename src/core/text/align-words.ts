// Word alignment by longest common subsequence: which words of two passages are shared, in order (quote groups, claim comparison, the UI's diff view).

export interface WordAlignment {
  /** keepA[i]: word i of the first passage is in the common subsequence. */
  readonly keepA: readonly boolean[];
  readonly keepB: readonly boolean[];
  /** Length of the common subsequence. */
  readonly shared: number;
}

/**
 * Aligns two word lists (compare keys, e.g. lower-cased words). A shared head and tail are matched first; the middle is
 * aligned by an LCS table, preferring to drop a word of `a` on ties. When the middle needs more than `maxCells` table
 * cells it is left unaligned (marked changed whole), which keeps a pathological pair linear.
 */
export function alignWords(a: readonly string[], b: readonly string[], maxCells = Number.POSITIVE_INFINITY): WordAlignment {
  const keepA = a.map(() => false);
  const keepB = b.map(() => false);
  let shared = 0;
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) {
    keepA[head] = keepB[head] = true;
    head++;
    shared++;
  }
  let tailA = a.length;
  let tailB = b.length;
  while (tailA > head && tailB > head && a[tailA - 1] === b[tailB - 1]) {
    keepA[--tailA] = keepB[--tailB] = true;
    shared++;
  }
  const n = tailA - head;
  const m = tailB - head;
  if (n === 0 || m === 0 || n * m > maxCells) return { keepA, keepB, shared };
  // lengths[i][j] = LCS of a[head+i..tailA) and b[head+j..tailB), stored row-major.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = a[head + i] === b[head + j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[head + i] === b[head + j]) {
      keepA[head + i] = keepB[head + j] = true;
      shared++;
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) i++;
    else j++;
  }
  return { keepA, keepB, shared };
}
