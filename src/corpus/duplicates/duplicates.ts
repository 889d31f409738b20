// Near-duplicate detection: MinHash + LSH candidates, verified on exact shingle overlap; links point at the earliest copy.
import type { Article } from '../../core/article.js';
import type { DuplicateLink } from '../../core/corpus.js';
import { findRoot } from '../../core/find-root.js';
import { ArticleMemo } from '../../core/text/article-memo.js';
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
  return nearCopy(sim, Math.min(a.size, b.size), config) ? (sim.jaccard >= config.minJaccard ? sim.jaccard : sim.containment) : null;
}

/** Whether a pair with this similarity, the smaller of them holding `smaller` shingles, is a near-copy. */
function nearCopy(sim: PairSimilarity, smaller: number, config: DuplicatesConfig): boolean {
  return sim.jaccard >= config.minJaccard || (sim.containment >= config.minContainment && smaller >= config.minContainedShingles);
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


/**
 * Each article's shingles (sorted, as 32-bit hashes: a seventh of a Set's memory) and MinHash signature, made once per
 * article object and shingle settings: a story re-analyzed as it grows reads its earlier members' from here instead
 * of re-tokenizing and re-hashing their texts.
 */
const SHINGLED = new ArticleMemo<{ readonly shingles: Uint32Array; readonly signature: Uint32Array }>();

/** shingleSimilarity over sorted arrays of distinct hashes (the same counts as over the sets). */
function sortedSimilarity(a: Uint32Array, b: Uint32Array): PairSimilarity {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const union = a.length + b.length - shared;
  const small = Math.min(a.length, b.length);
  return { jaccard: union ? shared / union : 0, containment: small ? shared / small : 0 };
}

/** Near-copy links for a set of articles, sorted by article id; originals get no link. */
export function findDuplicates(articles: readonly Article[], config: DuplicatesConfig = DUPLICATES_DEFAULTS): DuplicateLink[] {
  const functions = config.bands * config.rows;
  const key = `${config.shingleSize}/${functions}`;
  let seeds: Uint32Array | null = null;
  const shingled = articles.map((a) =>
    SHINGLED.get(a, key, () => {
      const set = shingleHashes(a.text, config.shingleSize);
      seeds ??= hashSeeds(functions);
      return { shingles: Uint32Array.from(set).sort(), signature: minhash(set, seeds) };
    }),
  );
  const shingles = shingled.map((s) => s.shingles);
  const signatures = shingled.map((s) => s.signature);
  const parent = articles.map((_, i) => i);
  for (const { a, b } of lshCandidates(signatures, config)) {
    const sa = shingles[a];
    const sb = shingles[b];
    if (!sa || !sb || !nearCopy(sortedSimilarity(sa, sb), Math.min(sa.length, sb.length), config)) continue;
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
      const sim = sortedSimilarity(shingles[i]!, shingles[original]!);
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
