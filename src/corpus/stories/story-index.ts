// Online story assignment: each arriving article joins a story found through an inverted index (never a scan); stories that one article bridges merge, and the merge names the ids it absorbed.
import type { FeatureCounts } from './article-features.js';
import { STORIES_DEFAULTS, familyWeight, type StoriesConfig } from './cluster-stories.js';
import { dot, normalize, topKeys, type SparseVector } from './online-clusterer.js';

/**
 * Centroid-to-centroid cosine at which two stories merge, unless set: on generated multi-outlet news, 0.25 (the join
 * threshold) chained stories of one kind (two fires) and 0.4 did not.
 */
export const DEFAULT_MERGE_THRESHOLD = 0.4;

export interface StoryIndexOptions {
  readonly config?: StoriesConfig;
  /**
   * Cosine between two story centroids needed to merge them when one article is close enough to both. Lower than
   * the join threshold would chain unrelated stories; equal to it lets two halves of one event, started apart
   * because their first articles shared little, become one story once an article bridges them.
   */
  readonly mergeThreshold?: number;
  /** First story number: ids are `s<n>` from it on, never reused. */
  readonly firstId?: number;
}

export interface StoryArticle {
  readonly id: string;
  readonly features: FeatureCounts;
  /** The original this article is a near-copy of, when known: the copy joins its story. */
  readonly duplicateOf?: string | null;
}

export interface Assignment {
  /** The story the article is in now. */
  readonly story: string;
  /** Story ids this arrival merged into `story` (they no longer exist). */
  readonly merged: readonly string[];
  /** True when the article opened a new story. */
  readonly created: boolean;
}

interface StoryState {
  readonly id: string;
  readonly order: number;
  /**
   * Per key, the members' log term frequencies, each member's scaled by its vector norm when it joined. Weighted by
   * the current IDF at scoring time this is the sum of the members' unit vectors, so an article that arrived while
   * the corpus was small is not stuck with the weights of that moment.
   */
  readonly mass: Map<string, number>;
  /** Squared norm of the weighted centroid, and the corpus size it was last computed fully at. */
  normSq: number;
  normAt: number;
  readonly members: string[];
  /** Keys this story is posted under in the index. */
  readonly keys: Set<string>;
}

export interface StoryIndex {
  add(article: StoryArticle): Assignment;
  /** The story holding an article, if it was added. */
  storyOf(article: string): string | undefined;
  /** Current stories in creation order, members in arrival order. */
  stories(): { readonly id: string; readonly articles: readonly string[] }[];
  readonly size: number;
}

/**
 * Creates an empty index. Article weights are TF-IDF over the articles seen so far (the same per-family weights and
 * small-corpus IDF floor as the batch clusterer), so an early article is weighed as the batch would weigh it in a
 * corpus of `idfMinDocuments`. Each article looks up its heaviest keys; only stories posted under them are scored.
 */
export function createStoryIndex(options: StoryIndexOptions = {}): StoryIndex {
  const config = options.config ?? STORIES_DEFAULTS;
  const mergeThreshold = options.mergeThreshold ?? Math.max(config.storyThreshold, DEFAULT_MERGE_THRESHOLD);
  const df = new Map<string, number>();
  const postings = new Map<string, Set<StoryState>>();
  const storyOfArticle = new Map<string, StoryState>();
  const live = new Map<string, StoryState>();
  let seen = 0;
  let next = options.firstId ?? 1;

  /** IDF times family weight of a key, from the articles seen so far (padded to the small-corpus floor). */
  const weightOf = (k: string): number => {
    const floor = k.startsWith('w:') ? config.idfMinDocuments.word : config.idfMinDocuments.instance;
    return Math.log((Math.max(seen, floor) + 1) / (df.get(k) ?? 1)) * familyWeight(k, config.weights);
  };

  /** The article's unit TF-IDF vector and the norm its log term frequencies were divided by. */
  const weigh = (features: FeatureCounts): { vector: SparseVector; norm: number } => {
    const weights = new Map<string, number>();
    for (const [k, tf] of features) weights.set(k, (1 + Math.log(tf)) * weightOf(k));
    let sq = 0;
    for (const w of weights.values()) sq += w * w;
    return { vector: normalize(weights), norm: Math.sqrt(sq) };
  };

  /** The centroid's norm, recomputed in full once the corpus grew by a quarter since the last time. */
  const normOf = (story: StoryState): number => {
    if (seen > story.normAt * 1.25) {
      let sq = 0;
      for (const [k, m] of story.mass) sq += (m * weightOf(k)) ** 2;
      story.normSq = sq;
      story.normAt = seen;
    }
    return Math.sqrt(story.normSq);
  };

  const unitCentroid = (story: StoryState): Map<string, number> => {
    const weights = new Map<string, number>();
    for (const [k, m] of story.mass) weights.set(k, m * weightOf(k));
    return normalize(weights);
  };

  const post = (story: StoryState, keys: readonly string[]): void => {
    for (const key of keys) {
      let posting = postings.get(key);
      if (!posting) postings.set(key, (posting = new Set()));
      posting.delete(story); // re-insert: a posting is ordered by most recent use
      posting.add(story);
      story.keys.add(key);
      if (posting.size > config.maxPosting) {
        const oldest = posting.values().next().value;
        if (oldest) {
          posting.delete(oldest);
          oldest.keys.delete(key);
        }
      }
    }
  };

  const cosine = (story: StoryState, vector: SparseVector): number => {
    const norm = normOf(story);
    if (norm <= 0) return 0;
    let sum = 0;
    for (const [k, w] of vector) sum += w * (story.mass.get(k) ?? 0) * weightOf(k);
    return sum / norm;
  };

  /** Stories sharing the vector's heaviest keys, most shared weight first, at most `maxCandidates`. */
  const candidates = (vector: SparseVector, keys: readonly string[]): StoryState[] => {
    const votes = new Map<StoryState, number>();
    for (const key of keys) {
      const w = vector.get(key) ?? 0;
      for (const story of postings.get(key) ?? []) votes.set(story, (votes.get(story) ?? 0) + w);
    }
    return [...votes]
      .sort((a, b) => b[1] - a[1] || a[0].order - b[0].order)
      .slice(0, config.maxCandidates)
      .map(([s]) => s);
  };

  const addMass = (story: StoryState, k: string, m: number): void => {
    const before = story.mass.get(k) ?? 0;
    const w = weightOf(k);
    story.normSq += ((before + m) ** 2 - before ** 2) * w * w;
    story.mass.set(k, before + m);
  };

  const join = (story: StoryState, id: string, features: FeatureCounts, norm: number, keys: readonly string[]): void => {
    if (norm > 0) for (const [k, tf] of features) addMass(story, k, (1 + Math.log(tf)) / norm);
    story.members.push(id);
    storyOfArticle.set(id, story);
    post(story, keys);
  };

  /** Moves `from` into `into`: centroid, members and index postings. */
  const absorb = (into: StoryState, from: StoryState): void => {
    for (const [k, m] of from.mass) addMass(into, k, m);
    for (const id of from.members) {
      into.members.push(id);
      storyOfArticle.set(id, into);
    }
    for (const key of from.keys) postings.get(key)?.delete(from);
    post(into, [...from.keys]);
    live.delete(from.id);
  };

  /** Merges `a` and `b`; the bigger story keeps its id (the older one on a tie), so links to it stay valid. */
  const mergePair = (a: StoryState, b: StoryState, merged: string[]): StoryState => {
    const [into, from] = b.members.length > a.members.length || (b.members.length === a.members.length && b.order < a.order) ? [b, a] : [a, b];
    absorb(into, from);
    merged.push(from.id);
    return into;
  };

  /**
   * After a story grew, the stories posted under its centroid's heaviest keys whose centroids are now as close as
   * `mergeThreshold` join it: two halves of one event that arrival order started apart come together.
   */
  const consolidate = (story: StoryState, merged: string[]): StoryState => {
    let current = story;
    // Only when the story doubled: the check reads the whole centroid, so doing it on every arrival would cost the square of the story's size.
    const size = current.members.length;
    if ((size & (size - 1)) !== 0) return current;
    const unit = unitCentroid(current);
    const keys = topKeys(unit, config.topKeys);
    for (const other of candidates(unit, keys)) {
      if (other === current || !live.has(other.id)) continue;
      if (dot(unit, unitCentroid(other)) >= mergeThreshold) current = mergePair(current, other, merged);
    }
    return current;
  };

  const open = (): StoryState => {
    const story: StoryState = { id: `s${next}`, order: next, mass: new Map(), normSq: 0, normAt: seen, members: [], keys: new Set() };
    next++;
    live.set(story.id, story);
    return story;
  };

  return {
    add(article) {
      const known = storyOfArticle.get(article.id);
      if (known) return { story: known.id, merged: [], created: false };
      seen++;
      for (const k of article.features.keys()) df.set(k, (df.get(k) ?? 0) + 1);
      const { vector, norm } = weigh(article.features);
      const keys = topKeys(vector, config.topKeys);
      const original = article.duplicateOf ? storyOfArticle.get(article.duplicateOf) : undefined;
      if (original) {
        join(original, article.id, article.features, norm, keys);
        return { story: original.id, merged: [], created: false };
      }
      const scored = candidates(vector, keys)
        .map((story) => ({ story, score: cosine(story, vector) }))
        .filter((c) => c.score >= config.storyThreshold)
        .sort((a, b) => b.score - a.score || a.story.order - b.story.order);
      const best = scored[0];
      if (!best) {
        const story = open();
        join(story, article.id, article.features, norm, keys);
        return { story: story.id, merged: [], created: true };
      }
      // The article is close to several stories: those whose centroids are as close to the best one are one event.
      let target = best.story;
      const merged: string[] = [];
      for (const other of scored.slice(1)) {
        if (dot(unitCentroid(target), unitCentroid(other.story)) >= mergeThreshold) target = mergePair(target, other.story, merged);
      }
      join(target, article.id, article.features, norm, keys);
      target = consolidate(target, merged);
      return { story: target.id, merged, created: false };
    },
    storyOf(article) {
      return storyOfArticle.get(article)?.id;
    },
    stories() {
      return [...live.values()].sort((a, b) => a.order - b.order).map((s) => ({ id: s.id, articles: [...s.members] }));
    },
    get size() {
      return live.size;
    },
  };
}
