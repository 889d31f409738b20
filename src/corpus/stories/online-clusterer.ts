// Single-pass centroid clustering with an inverted index over each item's top keys, so each item meets a bounded candidate set.

/** A sparse vector of unit length: feature key -> weight. */
export type SparseVector = ReadonlyMap<string, number>;

export interface OnlineClustererOptions {
  /** Minimum cosine between an item and a cluster centroid to join it. */
  readonly threshold: number;
  /** How many of an item's heaviest keys go into (and are looked up in) the inverted index. */
  readonly topKeys: number;
  /** At most this many candidate clusters get an exact cosine. */
  readonly maxCandidates: number;
  /** A key's posting keeps only its most recently joined clusters, so lookups stay bounded as the corpus grows. */
  readonly maxPosting: number;
}

interface Cluster {
  readonly centroid: Map<string, number>;
  normSq: number;
  readonly members: Set<number>;
}

export interface Match {
  readonly cluster: number;
  readonly score: number;
}

/** Unit-length copy of a weight map; empty maps stay empty. */
export function normalize(weights: ReadonlyMap<string, number>): Map<string, number> {
  let sq = 0;
  for (const w of weights.values()) sq += w * w;
  const norm = Math.sqrt(sq);
  const out = new Map<string, number>();
  if (norm === 0) return out;
  for (const [k, w] of weights) out.set(k, w / norm);
  return out;
}

/** Keys of the heaviest entries, ties broken by key so the choice is deterministic. */
export function topKeys(vector: SparseVector, count: number): string[] {
  return [...vector.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, count)
    .map(([k]) => k);
}

export function dot(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [k, w] of small) sum += w * (large.get(k) ?? 0);
  return sum;
}

/** The `k` keys with the most votes (ties: smaller key), without sorting every vote. */
function strongest(votes: ReadonlyMap<number, number>, k: number): number[] {
  const top: [number, number][] = [];
  for (const [c, v] of votes) {
    if (top.length === k) {
      const last = top[k - 1]!;
      if (v < last[1] || (v === last[1] && c > last[0])) continue;
      top.pop();
    }
    let i = top.length;
    while (i > 0 && (top[i - 1]![1] < v || (top[i - 1]![1] === v && top[i - 1]![0] > c))) i--;
    top.splice(i, 0, [c, v]);
  }
  return top.map(([c]) => c);
}

export class OnlineClusterer {
  private readonly clusters: Cluster[] = [];
  private readonly postings = new Map<string, Set<number>>();
  private readonly assignment: number[] = [];
  private readonly vectors: SparseVector[] = [];

  constructor(private readonly options: OnlineClustererOptions) {}

  /** Adds item number `vectors.length`; returns its cluster index. */
  add(vector: SparseVector): number {
    const item = this.vectors.length;
    this.vectors.push(vector);
    const best = this.best(vector);
    const cluster = best && best.score >= this.options.threshold ? best.cluster : this.newCluster();
    this.join(item, cluster);
    return cluster;
  }

  /** One reassignment sweep: each item leaves its cluster and joins the best one, which damps order effects. */
  refine(): number {
    let moved = 0;
    for (let item = 0; item < this.vectors.length; item++) {
      const from = this.assignment[item] ?? 0;
      const vector = this.vectors[item]!;
      this.leave(item, from);
      const best = this.best(vector);
      let to = from;
      if (best && best.score >= this.options.threshold) to = best.cluster;
      else if (this.clusters[from]!.members.size > 0) to = this.newCluster();
      this.join(item, to);
      if (to !== from) moved++;
    }
    return moved;
  }

  /** Non-empty clusters as item lists, ordered by their first item; items ascending. */
  groups(): number[][] {
    return this.clusters
      .filter((c) => c.members.size > 0)
      .map((c) => [...c.members].sort((a, b) => a - b))
      .sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
  }

  /** Cosine between an item's vector and its cluster's centroid (1 for a singleton). */
  centrality(item: number): number {
    const cluster = this.clusters[this.assignment[item] ?? -1];
    const vector = this.vectors[item];
    if (!cluster || !vector || cluster.normSq <= 0) return 0;
    return dot(cluster.centroid, vector) / Math.sqrt(cluster.normSq);
  }

  /** Unit centroid of the cluster holding `item`. */
  centroidOf(item: number): Map<string, number> {
    const cluster = this.clusters[this.assignment[item] ?? -1];
    return cluster ? normalize(cluster.centroid) : new Map();
  }

  private best(vector: SparseVector): Match | null {
    const votes = new Map<number, number>();
    for (const key of topKeys(vector, this.options.topKeys)) {
      const posting = this.postings.get(key);
      if (!posting) continue;
      const w = vector.get(key) ?? 0;
      for (const c of posting) votes.set(c, (votes.get(c) ?? 0) + w);
    }
    let best: Match | null = null;
    for (const c of strongest(votes, this.options.maxCandidates)) {
      if ((this.clusters[c]?.members.size ?? 0) === 0) continue;
      const cluster = this.clusters[c]!;
      const score = dot(cluster.centroid, vector) / Math.sqrt(cluster.normSq);
      if (!best || score > best.score || (score === best.score && c < best.cluster)) best = { cluster: c, score };
    }
    return best;
  }

  private newCluster(): number {
    this.clusters.push({ centroid: new Map(), normSq: 0, members: new Set() });
    return this.clusters.length - 1;
  }

  private join(item: number, index: number): void {
    const cluster = this.clusters[index]!;
    const vector = this.vectors[item]!;
    cluster.normSq += 2 * dot(cluster.centroid, vector) + dot(vector, vector);
    for (const [k, w] of vector) cluster.centroid.set(k, (cluster.centroid.get(k) ?? 0) + w);
    cluster.members.add(item);
    this.assignment[item] = index;
    for (const key of topKeys(vector, this.options.topKeys)) {
      let posting = this.postings.get(key);
      if (!posting) this.postings.set(key, (posting = new Set()));
      posting.delete(index); // re-insert: the posting is ordered by most recent join
      posting.add(index);
      if (posting.size > this.options.maxPosting) posting.delete(posting.values().next().value ?? index);
    }
  }

  private leave(item: number, index: number): void {
    const cluster = this.clusters[index]!;
    const vector = this.vectors[item]!;
    cluster.normSq += dot(vector, vector) - 2 * dot(cluster.centroid, vector);
    for (const [k, w] of vector) {
      const left = (cluster.centroid.get(k) ?? 0) - w;
      if (Math.abs(left) < 1e-12) cluster.centroid.delete(k);
      else cluster.centroid.set(k, left);
    }
    cluster.members.delete(item);
    if (cluster.members.size === 0) cluster.normSq = 0;
  }
}
