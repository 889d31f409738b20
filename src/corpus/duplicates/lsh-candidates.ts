// LSH banding over MinHash signatures: pairs that share any band bucket become candidates, without comparing all pairs.
export interface LshOptions {
  /** Number of bands; `bands * rows` must not exceed the signature length. */
  readonly bands: number;
  readonly rows: number;
  /**
   * In a bucket, each member is paired with at most this many members before it. Copies of one text chain through
   * their neighbours (the caller joins verified pairs transitively), and a bucket that text shared by many articles
   * fills (a template line, a wire boilerplate) costs in proportion to its size, not to its size squared.
   */
  readonly window?: number;
}

export const DEFAULT_LSH_WINDOW = 32;

export interface CandidatePair {
  /** Indexes into the signatures array, a < b. */
  readonly a: number;
  readonly b: number;
}

/**
 * Each band's bucket key of a signature ("band:row,row,..."), made once per signature object and banding: the
 * duplicates stage keeps an article's signature while it lives, and a growing story bands its members again.
 */
const BAND_KEYS = new WeakMap<Uint32Array, { readonly bands: number; readonly rows: number; readonly keys: readonly string[] }>();

function bandKeysOf(sig: Uint32Array, options: LshOptions): readonly string[] {
  const hit = BAND_KEYS.get(sig);
  if (hit !== undefined && hit.bands === options.bands && hit.rows === options.rows) return hit.keys;
  const keys: string[] = [];
  for (let band = 0; band < options.bands; band++) keys.push(`${band}:${sig.subarray(band * options.rows, (band + 1) * options.rows).join(',')}`);
  BAND_KEYS.set(sig, { bands: options.bands, rows: options.rows, keys });
  return keys;
}

/**
 * Candidate pairs: two signatures that agree on every row of at least one band.
 * The chance for sets of Jaccard s is 1 - (1 - s^rows)^bands.
 */
export function lshCandidates(signatures: readonly Uint32Array[], options: LshOptions): CandidatePair[] {
  const seen = new Set<number>();
  const pairs: CandidatePair[] = [];
  const n = signatures.length;
  const window = options.window ?? DEFAULT_LSH_WINDOW;
  for (let band = 0; band < options.bands; band++) {
    const buckets = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const sig = signatures[i];
      if (!sig || sig[0] === 0xffffffff) continue; // empty text: nothing to match
      const key = bandKeysOf(sig, options)[band] ?? '';
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    }
    for (const bucket of buckets.values()) {
      for (let y = 1; y < bucket.length; y++) {
        for (let x = Math.max(0, y - window); x < y; x++) {
          const a = bucket[x] ?? 0;
          const b = bucket[y] ?? 0;
          const id = a * n + b;
          if (seen.has(id)) continue;
          seen.add(id);
          pairs.push({ a, b });
        }
      }
    }
  }
  return pairs.sort((p, q) => p.a - q.a || p.b - q.b);
}

