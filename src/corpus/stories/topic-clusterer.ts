// Average-link agglomeration of stories into topics, over candidate pairs from an inverted index (never all pairs).
import { dot, normalize, topKeys, type SparseVector } from './online-clusterer.js';

export interface TopicClustererOptions {
  /** Mean article-to-article cosine between two groups needed to merge them (UPGMA over articles). */
  readonly threshold: number;
  /** Keys of each group's summed vector that go into the inverted index and are looked up in it. */
  readonly topKeys: number;
  /** At most this many candidate groups (most shared key weight first) get an exact similarity per lookup. */
  readonly maxCandidates: number;
}

interface Group {
  readonly sum: Map<string, number>;
  readonly size: number;
  readonly members: readonly number[];
  alive: boolean;
}

/** A binary max-heap of candidate merges, ties broken by smaller group ids so the order is deterministic. */
class MergeHeap {
  private readonly items: [number, number, number][] = [];
  get size(): number {
    return this.items.length;
  }
  push(item: [number, number, number]): void {
    this.items.push(item);
    let i = this.items.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(i, p)) break;
      [this.items[i], this.items[p]] = [this.items[p]!, this.items[i]!];
      i = p;
    }
  }
  pop(): [number, number, number] | undefined {
    const top = this.items[0];
    const last = this.items.pop();
    if (this.items.length && last) {
      this.items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.items.length && this.before(l, m)) m = l;
        if (r < this.items.length && this.before(r, m)) m = r;
        if (m === i) break;
        [this.items[i], this.items[m]] = [this.items[m]!, this.items[i]!];
        i = m;
      }
    }
    return top;
  }
  private before(a: number, b: number): boolean {
    const x = this.items[a]!;
    const y = this.items[b]!;
    return x[0] > y[0] || (x[0] === y[0] && (x[1] < y[1] || (x[1] === y[1] && x[2] < y[2])));
  }
}

/**
 * Merges groups of unit vectors (stories of articles) best pair first while their average article-to-article cosine
 * meets the threshold. Average link needs only each group's summed vector: mean cosine = sum(A)·sum(B) / (|A||B|).
 * Returns the input group indices per topic, topics ordered by their first group.
 */
export function clusterTopics(groups: readonly (readonly SparseVector[])[], options: TopicClustererOptions): number[][] {
  const all: Group[] = groups.map((vectors, i) => {
    const sum = new Map<string, number>();
    for (const v of vectors) for (const [k, w] of v) sum.set(k, (sum.get(k) ?? 0) + w);
    return { sum, size: Math.max(1, vectors.length), members: [i], alive: true };
  });
  const postings = new Map<string, number[]>();
  const heap = new MergeHeap();
  const similarity = (a: Group, b: Group): number => dot(a.sum, b.sum) / (a.size * b.size);

  const index = (g: number): void => {
    const group = all[g]!;
    const keys = topKeys(normalize(group.sum), options.topKeys);
    const votes = new Map<number, number>();
    for (const k of keys) {
      const posting = postings.get(k) ?? [];
      for (const other of posting) if (all[other]!.alive) votes.set(other, (votes.get(other) ?? 0) + 1);
      posting.push(g);
      postings.set(k, posting);
    }
    const candidates = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, options.maxCandidates);
    for (const [other] of candidates) {
      const s = similarity(group, all[other]!);
      if (s >= options.threshold) heap.push([s, Math.min(g, other), Math.max(g, other)]);
    }
  };

  for (let g = 0; g < all.length; g++) index(g);
  while (heap.size) {
    const [, a, b] = heap.pop()!;
    const x = all[a]!;
    const y = all[b]!;
    if (!x.alive || !y.alive) continue;
    x.alive = false;
    y.alive = false;
    const sum = new Map(x.sum);
    for (const [k, w] of y.sum) sum.set(k, (sum.get(k) ?? 0) + w);
    all.push({ sum, size: x.size + y.size, members: [...x.members, ...y.members].sort((p, q) => p - q), alive: true });
    index(all.length - 1);
  }
  return all
    .filter((g) => g.alive)
    .map((g) => [...g.members])
    .sort((p, q) => (p[0] ?? 0) - (q[0] ?? 0));
}
