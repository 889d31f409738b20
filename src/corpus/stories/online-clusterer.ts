// Sparse-vector helpers shared by the story and topic clusterers: unit vectors, dot products and heaviest keys.

/** A sparse vector of unit length: feature key -> weight. */
export type SparseVector = ReadonlyMap<string, number>;

/** Unit-length copy of a weight map; empty maps stay empty. */
export function normalize(weights: ReadonlyMap<string, number>): Map<string, number> {
  let sq = 0;
  for (const w of weights.values()) sq += w * w;
  const norm = Math.sqrt(sq);
  const out = new Map<string, number>();
  if (norm === 0) return out;
  weights.forEach((w, k) => out.set(k, w / norm));
  return out;
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
  for (const k of small.keys()) sum += (small.get(k) ?? 0) * (large.get(k) ?? 0);
  return sum;
}
