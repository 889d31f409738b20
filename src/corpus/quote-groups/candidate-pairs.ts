// Candidate pairs of quotes from an inverted index of their rarest content words (prefix filtering), never from all pairs.
import { NON_CONTENT_WORDS } from '../../core/text/content-words.js';

export interface CandidateSettings {
  /**
   * Share of the smaller word set two quotes must have in common to be compared. Each quote probes the index with
   * its rarest words only, as many as guarantee that any pair sharing this share meets on one of them.
   */
  readonly minSharedShare: number;
  /** A probe word carried by more quotes than this is skipped: too common to tell remarks apart. */
  readonly maxPostings: number;
}

export const CANDIDATE_DEFAULTS: CandidateSettings = { minSharedShare: 0.5, maxPostings: 1000 };

/** The distinct words a quote is indexed under: its content words, or all its words when it has none. */
export function indexWords(words: readonly string[]): string[] {
  const distinct = [...new Set(words)];
  const content = distinct.filter((w) => !NON_CONTENT_WORDS.has(w) && !/^\p{N}{1,2}$/u.test(w));
  return content.length ? content : distinct;
}

/** A word list as a set, made once per list (the quote groups stage keeps each quote's words while its article lives). */
const LOOKUPS = new WeakMap<readonly string[], ReadonlySet<string>>();

function lookupOf(set: readonly string[]): ReadonlySet<string> {
  let out = LOOKUPS.get(set);
  if (out === undefined) LOOKUPS.set(set, (out = new Set(set)));
  return out;
}

/**
 * Pairs [i, j] (i < j) of word sets that share `minSharedShare` of the smaller one and sit in a common block. Words
 * are ordered from rarest to most common across all sets; a set of n words probes with its first
 * n - ceil(share * n) + 1 and looks each up, in each of its blocks, in the index of the block's words; each pair met
 * that way is then checked by counting its shared words. Without blocks every set is in one block. Blocks (a story, a
 * speaker) keep the postings a probe reads bounded by the block's size, not the corpus'. Pairs come out sorted.
 */
export function candidatePairs(
  sets: readonly (readonly string[])[],
  settings: CandidateSettings = CANDIDATE_DEFAULTS,
  blocks?: readonly (readonly string[])[],
): [number, number][] {
  const blocksOf = (i: number): readonly string[] => blocks?.[i] ?? [''];
  const frequencies = new Map<string, number>();
  // Block -> word -> sets: two lookups, not a joined key string made and hashed for every word of every set.
  const postings = new Map<string, Map<string, number[]>>();
  sets.forEach((set, i) => {
    for (const w of set) {
      frequencies.set(w, (frequencies.get(w) ?? 0) + 1);
      for (const block of blocksOf(i)) {
        let words = postings.get(block);
        if (!words) postings.set(block, (words = new Map()));
        const list = words.get(w);
        if (list) list.push(i);
        else words.set(w, [i]);
      }
    }
  });
  const frequency = (w: string): number => frequencies.get(w) ?? 0;
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  const n = sets.length;
  const lookup = sets.map(lookupOf);
  const shareEnough = (a: number, b: number): boolean => {
    const x = lookup[a];
    const y = lookup[b];
    if (!x || !y) return false;
    const small = x.size <= y.size ? x : y;
    const large = small === x ? y : x;
    let shared = 0;
    for (const w of small.keys()) if (large.has(w)) shared++;
    return shared >= settings.minSharedShare * small.size;
  };
  sets.forEach((set, i) => {
    const ordered = [...set].sort((a, b) => frequency(a) - frequency(b) || (a < b ? -1 : a > b ? 1 : 0));
    const prefix = ordered.length - Math.ceil(settings.minSharedShare * ordered.length) + 1;
    for (const block of blocksOf(i)) {
      const words = postings.get(block);
      for (const w of ordered.slice(0, prefix)) {
        const list = words?.get(w) ?? [];
        if (list.length > settings.maxPostings) continue;
        for (const j of list) {
          if (j === i) continue;
          const a = i < j ? i : j;
          const b = i < j ? j : i;
          const key = a * n + b;
          if (seen.has(key)) continue;
          seen.add(key);
          if (shareEnough(a, b)) pairs.push([a, b]);
        }
      }
    }
  });
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}
