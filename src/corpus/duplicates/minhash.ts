// MinHash signatures over word shingles: seeded 32-bit hash families, so the same text always gives the same signature.
import { hashString } from '../../core/text/fnv.js';
import { tokenize } from '../../core/tokenize.js';

/** Fixed seed of the hash family; changing it changes every signature (and so every LSH bucket). */
export const MINHASH_SEED = 0x9e3779b9;

export { hashString };

/** murmur3's finaliser: spreads the bits of a 32-bit value. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Lower-cased word tokens (punctuation dropped): the unit shingles are built from. */
export function shingleWords(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) if (/[\p{L}\p{N}]/u.test(t.text)) out.push(t.text.toLowerCase().replace(/\u2019/g, "'"));
  return out;
}

/** Hashes of every run of `size` consecutive words (one hash for texts shorter than that). */
export function shingleHashes(text: string, size: number): Set<number> {
  const words = shingleWords(text);
  const out = new Set<number>();
  if (words.length === 0) return out;
  if (words.length < size) {
    out.add(hashString(words.join(' ')));
    return out;
  }
  for (let i = 0; i + size <= words.length; i++) out.add(hashString(words.slice(i, i + size).join(' ')));
  return out;
}

/** `count` seeds drawn from a fixed-seed generator: one per hash function of the family. */
export function hashSeeds(count: number, seed: number = MINHASH_SEED): Uint32Array {
  const seeds = new Uint32Array(count);
  let state = seed >>> 0;
  for (let i = 0; i < count; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    seeds[i] = mix32(state);
  }
  return seeds;
}

/** MinHash signature: for each seeded hash function, the minimum over the shingle set. Empty sets give all 0xffffffff. */
export function minhash(shingles: Iterable<number>, seeds: Uint32Array): Uint32Array {
  const sig = new Uint32Array(seeds.length).fill(0xffffffff);
  for (const s of shingles) {
    for (let i = 0; i < seeds.length; i++) {
      const h = mix32(s ^ (seeds[i] ?? 0));
      if (h < (sig[i] ?? 0)) sig[i] = h;
    }
  }
  return sig;
}

/** Fraction of agreeing positions: an unbiased estimate of the Jaccard similarity of the two sets. */
export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}
