// Near-duplicate detection: MinHash + LSH candidates, verified on exact shingle overlap; links point at the earliest copy.
import type { Article } from '../../core/article.js';
import type { DuplicateLink } from '../../core/corpus.js';
import { findRoot } from '../../core/find-root.js';
import { defineCorpusStage } from '../../core/stage.js';
import { lshCandidates } from './lsh-candidates.js';
import { hashSeeds, minhash, shingleHashes } from './minhash.js';

export interface DuplicatesConfig {
  /** Words per shingle. */
  readonly shingleSize: number;
  /** LSH banding; bands * rows hash functions are computed per article. */
  readonly bands: number;
  readonly rows: number;
  /** A pair is a near-copy when the Jaccard similarity of their shingle sets reaches this... */
  readonly minJaccard: number;
  /** ...or when the smaller text is contained in the larger one at least this much (trimmed or extended copies). */
  readonly minContainment: number;
  /** Containment alone only counts when the smaller text has at least this many shingles (a shared paragraph is not a copy). */
  readonly minContainedShingles: number;
}

export const DUPLICATES_DEFAULTS: DuplicatesConfig = {
  shingleSize: 5,
  bands: 40,
  rows: 3,
  minJaccard: 0.5,
  minContainment: 0.8,
  minContainedShingles: 40,
};

export interface PairSimilarity {
  readonly jaccard: number;
  readonly containment: number;
}

export function shingleSimilarity(a: ReadonlySet<number>, b: ReadonlySet<number>): PairSimilarity {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  const union = a.size + b.size - shared;
  return { jaccard: union ? shared / union : 0, containment: small.size ? shared / small.size : 0 };
}

/** Which verification rule makes a pair a near-copy, or null; the similarity reported is that rule's value. */
export function nearCopySimilarity(a: ReadonlySet<number>, b: ReadonlySet<number>, config: DuplicatesConfig): number | null {
  const sim = shingleSimilarity(a, b);
  if (sim.jaccard >= config.minJaccard) return sim.jaccard;
  if (sim.containment >= config.minContainment && Math.min(a.size, b.size) >= config.minContainedShingles) return sim.containment;
  return null;
}

/** Earlier published first; undated articles after dated ones; ties by smallest id. */
export function compareByPublished(a: Article, b: Article): number {
  const pa = a.meta.published;
  const pb = b.meta.published;
  if (pa !== pb) {
    if (pa === null) return 1;
    if (pb === null) return -1;
    return pa < pb ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}


/** Near-copy links for a set of articles, sorted by article id; originals get no link. */
export function findDuplicates(articles: readonly Article[], config: DuplicatesConfig = DUPLICATES_DEFAULTS): DuplicateLink[] {
  const seeds = hashSeeds(config.bands * config.rows);
  const shingles = articles.map((a) => shingleHashes(a.text, config.shingleSize));
  const signatures = shingles.map((s) => minhash(s, seeds));
  const parent = articles.map((_, i) => i);
  for (const { a, b } of lshCandidates(signatures, config)) {
    const sa = shingles[a];
    const sb = shingles[b];
    if (!sa || !sb || nearCopySimilarity(sa, sb, config) === null) continue;
    parent[findRoot(parent, a)] = findRoot(parent, b);
  }
  const clusters = new Map<number, number[]>();
  articles.forEach((_, i) => {
    const root = findRoot(parent, i);
    const members = clusters.get(root);
    if (members) members.push(i);
    else clusters.set(root, [i]);
  });
  const links: DuplicateLink[] = [];
  for (const members of clusters.values()) {
    if (members.length < 2) continue;
    const sorted = [...members].sort((x, y) => compareByPublished(articles[x]!, articles[y]!));
    const original = sorted[0]!;
    for (const i of sorted.slice(1)) {
      // Copies joined through a chain still report their own overlap with the original.
      const sim = shingleSimilarity(shingles[i]!, shingles[original]!);
      links.push({
        article: articles[i]!.id,
        duplicateOf: articles[original]!.id,
        similarity: round3(Math.max(sim.jaccard, sim.containment)),
      });
    }
  }
  return links.sort((x, y) => (x.article < y.article ? -1 : x.article > y.article ? 1 : 0));
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export const duplicatesStage = defineCorpusStage<DuplicatesConfig>({
  name: 'parallax.duplicates.v1',
  version: '1.0.0',
  requires: [],
  provides: ['corpus.duplicates'],
  defaults: DUPLICATES_DEFAULTS,
  run(corpus, _ctx, config) {
    return { duplicates: findDuplicates(corpus.articles, config) };
  },
});
