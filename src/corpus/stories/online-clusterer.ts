// Sparse-vector helpers shared by the story and topic clusterers: unit vectors, dot products and heaviest keys.

/** A sparse vector of unit length: feature key -> weight. */
export type SparseVector = ReadonlyMap<string, number>;

/** Unit-length copy of a weight map; empty maps stay empty. */
export function normalize(weights: ReadonlyMap<string, number>): Map<string, number> {
  return normalizeInPlace(new Map(weights));
}

/** `normalize` of a map the caller owns and no longer needs as it is: scaled in place, so no second map is built. */
export function normalizeInPlace(weights: Map<string, number>): Map<string, number> {
  let sq = 0;
  for (const w of weights.values()) sq += w * w;
  const norm = Math.sqrt(sq);
  if (norm === 0) weights.clear();
  else weights.forEach((w, k) => weights.set(k, w / norm));
  return weights;
}

/** Keys of the heaviest entries, ties broken by key so the choice is deterministic. */
export function topKeys(vector: SparseVector, count: number): string[] {
  return [...vector.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, count)
    .map(([k]) => k);
}

/** Sum over the smaller vector's keys; by key, not by entry, so the hot loop of story assignment allocates nothing. */
export function dot(a: SparseVector, b: SparseVector): number {
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  let sum = 0;
  // A key the larger vector lacks adds a product of 0, which leaves the sum as it is: skipped.
  for (const k of small.keys()) {
    const w = large.get(k);
    if (w !== undefined) sum += small.get(k)! * w;
  }
  return sum;
}

/** Vectors with their keys numbered once (0 .. keys.length - 1), entries in each vector's own order. */
export interface NumberedVectors {
  /** Key of each number. */
  readonly keys: readonly string[];
  /** Per vector: the numbers of its keys, and their weights, in the vector's order. */
  readonly ids: readonly Int32Array[];
  readonly weights: readonly Float64Array[];
}

/** Numbers the keys of a few vectors, so sums and products over them run on arrays (see pairwiseDots, sumVectors). */
export function numberKeys(vectors: readonly SparseVector[]): NumberedVectors {
  const number = new Map<string, number>();
  const keys: string[] = [];
  const ids: Int32Array[] = [];
  const weights: Float64Array[] = [];
  for (const v of vectors) {
    const k = new Int32Array(v.size);
    const w = new Float64Array(v.size);
    let e = 0;
    v.forEach((x, key) => {
      let id = number.get(key);
      if (id === undefined) {
        number.set(key, (id = keys.length));
        keys.push(key);
      }
      k[e] = id;
      w[e++] = x;
    });
    ids.push(k);
    weights.push(w);
  }
  return { keys, ids, weights };
}

/**
 * `dot` of every pair (i < j) of the vectors, at out[i * n + j] and out[j * n + i], with the same sums bit for bit
 * (over the smaller vector's keys in its order, the first one's on a tie). Each vector in turn is spread over a dense
 * array that the others are summed against, so a pair costs array reads, not a hash lookup per key: what average
 * link over a neighbourhood of ~90 units spent most of its time on.
 */
export function pairwiseDots(vectors: NumberedVectors): Float64Array {
  const { ids, weights } = vectors;
  const n = ids.length;
  const out = new Float64Array(n * n);
  const dense = new Float64Array(vectors.keys.length);
  for (let l = 0; l < n; l++) {
    const lk = ids[l]!;
    const lw = weights[l]!;
    for (let e = 0; e < lk.length; e++) dense[lk[e]!] = lw[e]!;
    const lSize = lk.length;
    for (let s = 0; s < n; s++) {
      const sk = ids[s]!;
      // Only the pairs where `s` is the side `dot` would sum over: the smaller, or the first of two of one size.
      if (s === l || (s < l ? sk.length > lSize : sk.length >= lSize)) continue;
      const sw = weights[s]!;
      let sum = 0;
      for (let e = 0; e < sk.length; e++) sum += sw[e]! * dense[sk[e]!]!;
      out[s * n + l] = sum;
      out[l * n + s] = sum;
    }
    for (let e = 0; e < lk.length; e++) dense[lk[e]!] = 0;
  }
  return out;
}

/**
 * The sum of the vectors `which` names, as adding them one by one into a map would make it: keys in order of first
 * appearance, each weight added in the order of `which`. Accumulated in a dense array, so a key costs one map entry
 * however many vectors have it.
 */
export function sumVectors(vectors: NumberedVectors, which: readonly number[]): Map<string, number> {
  if (sumScratch.length < vectors.keys.length) {
    sumScratch = new Float64Array(Math.max(vectors.keys.length, 2 * sumScratch.length));
    seenScratch = new Uint8Array(sumScratch.length);
  }
  const total = sumScratch;
  const seen = seenScratch;
  const order: number[] = [];
  for (const v of which) {
    const k = vectors.ids[v]!;
    const w = vectors.weights[v]!;
    for (let e = 0; e < k.length; e++) {
      const id = k[e]!;
      if (!seen[id]) {
        seen[id] = 1;
        order.push(id);
      }
      total[id] = total[id]! + w[e]!;
    }
  }
  const out = new Map<string, number>();
  for (const id of order) {
    out.set(vectors.keys[id]!, total[id]!);
    total[id] = 0;
    seen[id] = 0;
  }
  return out;
}

/** Scratch of sumVectors, all zero between calls (clustering is synchronous). */
let sumScratch = new Float64Array(4096);
let seenScratch = new Uint8Array(4096);
