// Online story assignment through an inverted index: each new article meets a bounded set of candidate stories, never the corpus.
import type { Article } from '../core/article.js';
import { articleFeatures } from '../corpus/stories/article-features.js';
import { dot, normalize, topKeys, type SparseVector } from '../corpus/stories/online-clusterer.js';

export interface StoryIndexConfig {
  /** Cosine between an article and a story centroid needed to join the story. */
  readonly threshold: number;
  /** Cosine between two story centroids, both matching one article, needed to merge them into one story. */
  readonly mergeThreshold: number;
  /** An article's heaviest keys that go into (and are looked up in) the index. */
  readonly topKeys: number;
  /** Candidate stories that get an exact cosine per article. */
  readonly maxCandidates: number;
  /** A key's posting keeps its most recently joined stories only, so a lookup stays bounded as the corpus grows. */
  readonly maxPosting: number;
  /** Keys a story centroid keeps (its heaviest), so a story's state stays bounded as it grows. */
  readonly centroidKeys: number;
  /** IDF treats a corpus smaller than this as padded to this size (words, then names, dates and numbers). */
  readonly idfMinDocuments: { readonly word: number; readonly instance: number };
  /** Relative weight of each feature family (`w:` word, `e:` entity, `d:` date, `y:` year, `n:` number). */
  readonly weights: { readonly word: number; readonly entity: number; readonly date: number; readonly year: number; readonly number: number };
}

export const STORY_INDEX_DEFAULTS: StoryIndexConfig = {
  threshold: 0.25,
  mergeThreshold: 0.6,
  topKeys: 15,
  maxCandidates: 5,
  maxPosting: 100,
  centroidKeys: 200,
  idfMinDocuments: { word: 40, instance: 150 },
  weights: { word: 1, entity: 1, date: 1.5, year: 1, number: 1 },
};

export interface IndexedStory {
  readonly id: string;
  /** Member article ids in arrival order. */
  readonly articles: string[];
  /** Ids of the stories merged into this one. */
  readonly absorbed: string[];
  /** Sum of the members' unit vectors, cut to the heaviest `centroidKeys` keys. */
  readonly centroid: Map<string, number>;
  normSq: number;
}

export interface Assignment {
  readonly story: string;
  /** True when the article opened a new story. */
  readonly created: boolean;
  /** Stories merged into `story` by this article (their ids now redirect to it). */
  readonly absorbed: readonly string[];
}

/** Key prefix of the index's rows in the store's engine state. */
export const STORY_INDEX_PREFIX = 'story-index/';

/** Key of the row naming the story that absorbed `id` (read by a point lookup: an absorbed id still finds its story). */
export function absorbedKey(id: string): string {
  return `${STORY_INDEX_PREFIX}r/${id}`;
}

/** Document frequencies are kept in this many rows, so a change rewrites a slice of them, not all. */
const DF_SHARDS = 64;

interface StoryRow {
  readonly articles: readonly string[];
  readonly absorbed: readonly string[];
  readonly centroid: readonly (readonly [string, number])[];
}

interface MetaRow {
  readonly docs: number;
  readonly nextId: number;
}

function shardOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % DF_SHARDS;
}

const FAMILY: Record<string, keyof StoryIndexConfig['weights']> = { w: 'word', e: 'entity', d: 'date', y: 'year', n: 'number' };

export class StoryIndex {
  private readonly stories = new Map<string, IndexedStory>();
  private readonly storyOf = new Map<string, string>();
  /** Absorbed story id -> the story that absorbed it. */
  private readonly redirects = new Map<string, string>();
  private readonly postings = new Map<string, string[]>();
  private readonly df = new Map<string, number>();
  private docs = 0;
  private nextId = 1;
  /** What changed since the last `changes()`: stories (deleted when merged away) and document-frequency shards. */
  private readonly dirtyStories = new Set<string>();
  private readonly dirtyShards = new Set<number>();
  private readonly dirtyRedirects = new Set<string>();

  constructor(private readonly config: StoryIndexConfig = STORY_INDEX_DEFAULTS) {}

  /** Rebuilds the index from its rows (see `changes`); postings come from each story centroid's heaviest keys. */
  static restore(rows: readonly { readonly key: string; readonly value: string }[], config: StoryIndexConfig = STORY_INDEX_DEFAULTS): StoryIndex {
    const index = new StoryIndex(config);
    for (const row of rows) {
      const key = row.key.slice(STORY_INDEX_PREFIX.length);
      if (key === 'meta') {
        const meta = JSON.parse(row.value) as MetaRow;
        index.docs = meta.docs;
        index.nextId = meta.nextId;
      } else if (key.startsWith('df/')) {
        for (const [k, n] of JSON.parse(row.value) as [string, number][]) index.df.set(k, n);
      } else if (key.startsWith('s/')) {
        const id = key.slice(2);
        const s = JSON.parse(row.value) as StoryRow;
        const story: IndexedStory = { id, articles: [...s.articles], absorbed: [...s.absorbed], centroid: new Map(s.centroid), normSq: 0 };
        story.normSq = dot(story.centroid, story.centroid);
        index.stories.set(id, story);
      }
    }
    // Posting order is creation order, whatever order the rows came in.
    for (const story of [...index.stories.values()].sort((a, b) => storySeq(a.id) - storySeq(b.id))) {
      for (const a of story.articles) index.storyOf.set(a, story.id);
      for (const gone of story.absorbed) index.redirects.set(gone, story.id);
      for (const key of topKeys(story.centroid, config.topKeys)) index.post(key, story.id);
    }
    return index;
  }

  /** The rows to write for what changed since the last call (value null: delete), then forgets the changes. */
  changes(): { key: string; value: string | null }[] {
    const rows: { key: string; value: string | null }[] = [];
    if (!this.dirtyStories.size && !this.dirtyShards.size) return rows;
    rows.push({ key: `${STORY_INDEX_PREFIX}meta`, value: JSON.stringify({ docs: this.docs, nextId: this.nextId } satisfies MetaRow) });
    if (this.dirtyShards.size) {
      const shards = new Map<number, [string, number][]>([...this.dirtyShards].map((n) => [n, []]));
      for (const [k, n] of this.df) shards.get(shardOf(k))?.push([k, n]);
      for (const [n, entries] of shards) rows.push({ key: `${STORY_INDEX_PREFIX}df/${n}`, value: JSON.stringify(entries) });
    }
    for (const id of this.dirtyRedirects) rows.push({ key: absorbedKey(id), value: this.redirects.get(id) ?? null });
    for (const id of this.dirtyStories) {
      const s = this.stories.get(id);
      const value = s ? JSON.stringify({ articles: s.articles, absorbed: s.absorbed, centroid: [...s.centroid] } satisfies StoryRow) : null;
      rows.push({ key: `${STORY_INDEX_PREFIX}s/${id}`, value });
    }
    this.dirtyStories.clear();
    this.dirtyShards.clear();
    this.dirtyRedirects.clear();
    return rows;
  }

  /** The story holding an article, if it was assigned. */
  storyOfArticle(id: string): string | undefined {
    return this.storyOf.get(id);
  }

  story(id: string): IndexedStory | undefined {
    return this.stories.get(this.redirects.get(id) ?? id);
  }

  get size(): number {
    return this.stories.size;
  }

  /** Assigns one article (again: an article already held keeps its story). */
  assign(article: Article): Assignment {
    const held = this.storyOf.get(article.id);
    if (held) return { story: held, created: false, absorbed: [] };
    const vector = this.vectorOf(article);
    const [best, second] = this.candidates(vector);
    let target: IndexedStory;
    let created = false;
    const absorbed: string[] = [];
    if (best && best.score >= this.config.threshold) {
      target = best.story;
      // 1. an article that matches two stories whose centroids are this alike joins them into the older one.
      if (second && second.score >= this.config.threshold && this.cosine(best.story, second.story) >= this.config.mergeThreshold) {
        const [keep, gone] = storySeq(best.story.id) < storySeq(second.story.id) ? [best.story, second.story] : [second.story, best.story];
        this.merge(keep, gone);
        absorbed.push(gone.id, ...gone.absorbed);
        target = keep;
      }
    } else {
      target = { id: `s${this.nextId++}`, articles: [], absorbed: [], centroid: new Map(), normSq: 0 };
      this.stories.set(target.id, target);
      created = true;
    }
    this.join(target, article.id, vector);
    return { story: target.id, created, absorbed };
  }

  /** TF-IDF vector with per-family weights; document frequencies count every article seen so far, this one included. */
  private vectorOf(article: Article): SparseVector {
    const features = articleFeatures(article);
    this.docs++;
    for (const k of features.keys()) {
      this.df.set(k, (this.df.get(k) ?? 0) + 1);
      this.dirtyShards.add(shardOf(k));
    }
    const weights = new Map<string, number>();
    for (const [k, tf] of features) {
      const floor = k.startsWith('w:') ? this.config.idfMinDocuments.word : this.config.idfMinDocuments.instance;
      const idf = Math.log((Math.max(this.docs, floor) + 1) / (this.df.get(k) ?? 1));
      weights.set(k, (1 + Math.log(tf)) * idf * this.config.weights[FAMILY[k[0] ?? 'w'] ?? 'word']);
    }
    return normalize(weights);
  }

  /** The two best stories by cosine among those sharing the most index keys with the vector. */
  private candidates(vector: SparseVector): { story: IndexedStory; score: number }[] {
    const votes = new Map<string, number>();
    for (const key of topKeys(vector, this.config.topKeys)) {
      const w = vector.get(key) ?? 0;
      for (const raw of this.postings.get(key) ?? []) {
        const id = this.redirects.get(raw) ?? raw;
        votes.set(id, (votes.get(id) ?? 0) + w);
      }
    }
    const strongest = [...votes]
      .sort((a, b) => b[1] - a[1] || storySeq(a[0]) - storySeq(b[0]))
      .slice(0, this.config.maxCandidates);
    const scored: { story: IndexedStory; score: number }[] = [];
    for (const [id] of strongest) {
      const story = this.stories.get(id);
      if (!story || story.normSq <= 0) continue;
      scored.push({ story, score: dot(story.centroid, vector) / Math.sqrt(story.normSq) });
    }
    return scored.sort((a, b) => b.score - a.score || storySeq(a.story.id) - storySeq(b.story.id)).slice(0, 2);
  }

  private cosine(a: IndexedStory, b: IndexedStory): number {
    return a.normSq > 0 && b.normSq > 0 ? dot(a.centroid, b.centroid) / Math.sqrt(a.normSq * b.normSq) : 0;
  }

  private join(story: IndexedStory, article: string, vector: SparseVector): void {
    story.articles.push(article);
    this.storyOf.set(article, story.id);
    this.dirtyStories.add(story.id);
    for (const [k, w] of vector) story.centroid.set(k, (story.centroid.get(k) ?? 0) + w);
    this.trim(story);
    for (const key of topKeys(vector, this.config.topKeys)) this.post(key, story.id);
  }

  private merge(keep: IndexedStory, gone: IndexedStory): void {
    for (const a of gone.articles) {
      keep.articles.push(a);
      this.storyOf.set(a, keep.id);
    }
    for (const [k, w] of gone.centroid) keep.centroid.set(k, (keep.centroid.get(k) ?? 0) + w);
    this.trim(keep);
    keep.absorbed.push(gone.id, ...gone.absorbed);
    for (const id of [gone.id, ...gone.absorbed]) {
      this.redirects.set(id, keep.id);
      this.dirtyRedirects.add(id);
    }
    this.stories.delete(gone.id);
    this.dirtyStories.add(keep.id);
    this.dirtyStories.add(gone.id);
  }

  /** Keeps the heaviest keys once the centroid holds twice its budget (amortized), and refreshes its norm. */
  private trim(story: IndexedStory): void {
    if (story.centroid.size > 2 * this.config.centroidKeys) {
      const keep = topKeys(story.centroid, this.config.centroidKeys);
      const kept = new Map(keep.map((k) => [k, story.centroid.get(k) ?? 0] as const));
      story.centroid.clear();
      for (const [k, w] of kept) story.centroid.set(k, w);
    }
    story.normSq = dot(story.centroid, story.centroid);
  }

  private post(key: string, story: string): void {
    let posting = this.postings.get(key);
    if (!posting) this.postings.set(key, (posting = []));
    const at = posting.indexOf(story);
    if (at >= 0) posting.splice(at, 1);
    posting.push(story);
    if (posting.length > this.config.maxPosting) posting.shift();
  }
}

/** Creation order of a story id ("s12" -> 12). */
function storySeq(id: string): number {
  return Number(id.slice(1)) || 0;
}
