// The incremental engine: new articles get their per-article stages once, join stories through the index, and only the stories that changed are re-analyzed and stored as rows.
import type { Article } from '../core/article.js';
import type { Context } from '../core/context.js';
import { defaultPipeline } from '../pipeline/registry.js';
import type { Pipeline, StageConfig } from '../pipeline/runner.js';
import { reportOrder } from '../report/build-report.js';
import type { Report } from '../report/schema.js';
import type { AnalyzedArticle, Store, StoredStory, StorySummary } from '../store/store.js';
import { updateArticle } from './article-work.js';
import { analyzeStory } from './story-analysis.js';
import { StoryIndex, STORY_INDEX_DEFAULTS, type RowLoader, type StoryIndexConfig } from './story-index.js';

export interface EngineOptions {
  readonly pipeline?: Pipeline;
  readonly config?: StageConfig;
  /** Per-stage time budget on one article (ms). */
  readonly stageBudgetMs?: number;
  /** Per-article character budget. */
  readonly charBudget?: number;
  readonly index?: StoryIndexConfig;
  /** Receives milliseconds per stage, per-article and per-story stages alike, and the engine's own work (ENGINE_TIMINGS). */
  readonly timings?: Map<string, number>;
  /** Called after each article's stages ran. */
  readonly onArticle?: (done: number, total: number) => void;
  /** Analyzed articles kept in memory for re-analyzing their stories (see DEFAULT_ARTICLE_CACHE). */
  readonly articleCache?: number;
  /** Re-analyze a growing story less often (see CoalesceOptions); absent: every changed story at every `add`. */
  readonly coalesce?: CoalesceOptions;
}

/**
 * When a story that gained articles is re-analyzed. Re-analysis reads the whole story, so a story re-analyzed at
 * every batch that touches it costs its size each time; waiting until it grew by a share of its size makes that
 * cost linear in the story (a geometric series), at the price of a report that lags by at most `maxWait` batches.
 * A new story, a story that absorbed another and a story whose articles changed are analyzed at once; `flush`
 * analyzes every waiting story. A story's report depends on its membership alone, so waiting never changes it.
 */
export interface CoalesceOptions {
  /** Re-analyze once the articles gained since the last analysis reach this share of the story's size then. */
  readonly growth: number;
  /** ... or once the story has waited this many `add` calls, whatever it gained. */
  readonly maxWait: number;
}

/** Measured on the stream bench (STREAM_SIZES=10000): a quarter of the size, at most 3 batches of lag. */
export const DEFAULT_COALESCE: CoalesceOptions = { growth: 0.25, maxWait: 3 };

/** Engine rows of the stories waiting for re-analysis: `story-engine/pending/<story id>` -> WaitingStory. */
export const PENDING_PREFIX = 'story-engine/pending/';

/** A story whose stored report is behind its membership. */
interface WaitingStory {
  /** Articles it gained since its report was last made. */
  readonly gained: number;
  /** `add` calls it has waited through. */
  readonly waited: number;
}

/**
 * Recently analyzed articles the engine keeps, so a growing story re-reads its members from memory rather than the
 * store. Bounded, so memory follows the stories in the news, not the corpus.
 */
export const DEFAULT_ARTICLE_CACHE = 2000;

export interface EngineUpdate {
  /** Ids of the articles given, once each. */
  readonly articles: readonly string[];
  /** Per-article stage invocations this update made (0 when every article was already up to date). */
  readonly stageRuns: number;
  /** Story of each given article. */
  readonly storyOf: ReadonlyMap<string, string>;
  /** Stories re-analyzed and stored, in creation order. */
  readonly updated: readonly string[];
  /** Stories merged into others by this update (their rows are gone). */
  readonly absorbed: readonly string[];
  /** Stories that changed but wait for re-analysis (coalescing), in creation order; empty without it. */
  readonly waiting: readonly string[];
}

/** Timing keys of the engine's work outside the stages: story assignment through the index, and store reads and writes. */
export const ENGINE_TIMINGS = { index: 'engine.story-index', store: 'engine.store' } as const;

/** Stories written to the store per transaction, so a batch never holds every story's report at once. */
const STORY_WRITE_BATCH = 32;

export class StoryEngine {
  /** Least recently used first: a Map keeps insertion order, and a hit re-inserts. */
  private readonly cache = new Map<string, Article>();

  private constructor(
    private readonly store: Store,
    private readonly ctx: Context,
    private readonly options: EngineOptions,
    private readonly index: StoryIndex,
    /** Stories whose report is behind their membership (coalescing), by id. */
    private readonly waiting: Map<string, WaitingStory>,
  ) {}

  /** Opens the engine over a store, restoring the story index and the stories waiting for re-analysis from its rows. */
  static async open(store: Store, ctx: Context, options: EngineOptions = {}): Promise<StoryEngine> {
    // The index reads its open stories' rows only (see StoryIndex.open), so opening costs the news, not the corpus.
    const index = await StoryIndex.open({ list: (prefix) => store.listEngineState(prefix), get: (keys) => store.getEngineState(keys) }, options.index ?? STORY_INDEX_DEFAULTS);
    const waiting = new Map((await store.listEngineState(PENDING_PREFIX)).map((r) => [r.key.slice(PENDING_PREFIX.length), JSON.parse(r.value) as WaitingStory]));
    return new StoryEngine(store, ctx, options, index, waiting);
  }

  private get pipeline(): Pipeline {
    return this.options.pipeline ?? defaultPipeline();
  }

  /** The story holding an article, if the engine has assigned it and its story is in memory (see `storiesOf`). */
  storyOf(article: string): string | undefined {
    return this.index.storyOfArticle(article);
  }

  /** The story of each assigned article, in memory or not (a story that left memory is found through its stored row). */
  async storiesOf(articles: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const away: string[] = [];
    for (const id of articles) {
      const story = this.index.storyOfArticle(id);
      if (story) out.set(id, story);
      else away.push(id);
    }
    if (away.length) for (const [id, story] of await this.timed(ENGINE_TIMINGS.store, () => this.store.storyOfArticles(away))) out.set(id, story);
    return out;
  }

  /** Entries the story index holds in memory, by structure (see StoryIndex.entryCounts), and the articles cached. */
  entryCounts(): Record<string, number> {
    return { ...this.index.entryCounts(), cachedArticles: this.cache.size, waiting: this.waiting.size, revived: this.index.revived };
  }

  /** Reads the index's rows of stories that left memory. */
  private readonly loadRows: RowLoader = (keys) => this.timed(ENGINE_TIMINGS.store, () => this.store.getEngineState(keys));

  /**
   * Brings back into memory the stories of given articles that an earlier update assigned but whose stories left
   * memory since, so those articles keep their story. A story in memory is never stale in the store's story rows
   * when it left: it had not changed for many updates, and waiting stories never leave.
   */
  private async reviveStoriesOf(ids: readonly string[]): Promise<void> {
    const unknown = ids.filter((id) => this.index.storyOfArticle(id) === undefined);
    if (!unknown.length || !this.index.parked) return;
    const stories = await this.timed(ENGINE_TIMINGS.store, () => this.store.storyOfArticles(unknown));
    if (stories.size) await this.index.load([...new Set(stories.values())], this.loadRows);
  }

  /**
   * Brings these articles up to date: per-article stages where their version or input changed (stored articles keep
   * their layers), story assignment in report order, then analysis of each story that gained an article or whose
   * articles changed. Articles must already be stored (ingest) for their stories to be re-read later.
   */
  async add(input: readonly Article[]): Promise<EngineUpdate> {
    const given = reportOrder([...new Map(input.map((a) => [a.id, a])).values()]);
    const ids = given.map((a) => a.id);
    await this.reviveStoriesOf(ids);
    const stored = new Map((await this.timed(ENGINE_TIMINGS.store, () => this.store.listArticles(ids))).map((a) => [a.id, a]));
    const versions = await this.timed(ENGINE_TIMINGS.store, () => this.store.getStageVersions(ids));
    const fresh = new Map<string, Article>();
    const saved: AnalyzedArticle[] = [];
    const dirty = new Set<string>();
    /** Stories to analyze now whatever the coalescing: their articles changed, or they absorbed another story. */
    const urgent = new Set<string>();
    /** Articles each story gained in this update. */
    const gained = new Map<string, number>();
    let stageRuns = 0;
    for (const [i, a] of given.entries()) {
      const base = stored.get(a.id);
      const work = updateArticle(base ?? a, base ? versions.get(a.id) : undefined, this.pipeline.articleStages, this.ctx, {
        ...(this.options.config ? { config: this.options.config } : {}),
        ...(this.options.stageBudgetMs !== undefined ? { stageBudgetMs: this.options.stageBudgetMs } : {}),
        ...(this.options.charBudget !== undefined ? { charBudget: this.options.charBudget } : {}),
        ...(this.options.timings ? { timings: this.options.timings } : {}),
      });
      fresh.set(a.id, work.article);
      stageRuns += work.ran.length;
      const held = this.index.storyOfArticle(a.id);
      if (work.ran.length) saved.push({ article: work.article, stages: work.stages });
      if (work.ran.length && held) {
        dirty.add(held);
        urgent.add(held);
      }
      this.options.onArticle?.(i + 1, given.length);
    }
    await this.timed(ENGINE_TIMINGS.store, () => this.store.saveAnalyzedArticles(saved));
    for (const a of fresh.values()) this.remember(a);

    const storyOf = new Map<string, string>();
    const absorbed: string[] = [];
    const assigning = performance.now();
    for (const a of given) {
      const held = this.index.storyOfArticle(a.id);
      const assignment = await this.index.assignLoading(fresh.get(a.id) ?? a, this.loadRows);
      storyOf.set(a.id, assignment.story);
      // A story already holding an unchanged article has nothing new to analyze.
      if (!held) {
        dirty.add(assignment.story);
        gained.set(assignment.story, (gained.get(assignment.story) ?? 0) + 1);
      }
      if (assignment.absorbed.length) urgent.add(assignment.story);
      // Members the assignment moved between other stories make those stories' reports wrong, not only old.
      for (const id of assignment.changed) {
        dirty.add(id);
        urgent.add(id);
      }
      for (const gone of assignment.absorbed) {
        absorbed.push(gone);
        dirty.delete(gone);
      }
    }
    this.addTime(ENGINE_TIMINGS.index, performance.now() - assigning);
    // A story absorbed later in the batch may have been marked before: it is now its absorber's.
    const current = (ids: Iterable<string>): Set<string> => new Set([...ids].flatMap((id) => this.index.story(id)?.id ?? []));
    const changed = current(dirty);
    const now = current(urgent);
    const states: { key: string; value: string | null }[] = [];
    for (const gone of absorbed) {
      // A waiting story that was absorbed is its absorber's now, and that one is analyzed at once.
      if (this.waiting.delete(gone)) states.push({ key: PENDING_PREFIX + gone, value: null });
    }
    const gainedNow = new Map<string, number>();
    for (const [id, n] of gained) {
      const to = this.index.story(id)?.id;
      if (to !== undefined) gainedNow.set(to, (gainedNow.get(to) ?? 0) + n);
    }
    const due = this.dueStories(changed, now, gainedNow, states);
    const updated = [...due].sort(bySeq);
    await this.writeStories(updated, absorbed, fresh);
    // Stories the news moved past leave memory; a waiting story stays until its report is made, and one analyzed now
    // stays for this update, so the caller can still look up the stories it names.
    this.index.evictCold((id) => this.waiting.has(id) || due.has(id));
    const changes = [...this.index.changes(), ...states];
    await this.timed(ENGINE_TIMINGS.store, () => this.store.putEngineState(changes));
    for (const [id, s] of storyOf) storyOf.set(id, this.index.storyOfArticle(id) ?? this.index.story(s)?.id ?? s);
    return { articles: ids, stageRuns, storyOf, updated, absorbed, waiting: [...this.waiting.keys()].sort(bySeq) };
  }

  /**
   * Re-analyzes and stores the waiting stories given (every waiting story when none are given) whatever they gained,
   * and returns their ids in creation order. A no-op without coalescing, where no story ever waits.
   */
  async flush(stories?: readonly string[]): Promise<string[]> {
    const ids = stories ? [...new Set(stories.flatMap((id) => this.index.story(id)?.id ?? []))].filter((id) => this.waiting.has(id)) : [...this.waiting.keys()];
    const updated = ids.filter((id) => this.index.story(id) !== undefined).sort(bySeq);
    await this.writeStories(updated, [], new Map());
    for (const id of ids) this.waiting.delete(id);
    await this.timed(ENGINE_TIMINGS.store, () => this.store.putEngineState(ids.map((id) => ({ key: PENDING_PREFIX + id, value: null }))));
    return updated;
  }

  /**
   * Which changed stories to re-analyze now: all of them without coalescing; with it, the urgent ones, the new ones
   * and those grown enough or waited long enough. The others are recorded as waiting (rows appended to `states`).
   * Stories that waited before and did not change this time wait one more call.
   */
  private dueStories(changed: ReadonlySet<string>, urgent: ReadonlySet<string>, gained: ReadonlyMap<string, number>, states: { key: string; value: string | null }[]): Set<string> {
    const policy = this.options.coalesce;
    if (!policy) return new Set(changed);
    const due = new Set<string>();
    const candidates = new Set([...changed, ...this.waiting.keys()]);
    for (const id of candidates) {
      const story = this.index.story(id);
      if (!story) continue;
      const before = this.waiting.get(id);
      const got = (before?.gained ?? 0) + (gained.get(id) ?? 0);
      const waited = before ? before.waited + 1 : 0;
      // The size its stored report was made from (0: the story has no report yet).
      const reported = story.articles.length - got;
      if (urgent.has(id) || reported <= 0 || got >= Math.max(1, policy.growth * reported) || waited >= policy.maxWait) {
        due.add(id);
        if (before) {
          this.waiting.delete(id);
          states.push({ key: PENDING_PREFIX + id, value: null });
        }
        continue;
      }
      const entry: WaitingStory = { gained: got, waited };
      this.waiting.set(id, entry);
      states.push({ key: PENDING_PREFIX + id, value: JSON.stringify(entry) });
    }
    return due;
  }

  /** Re-analyzes these stories and stores their rows, STORY_WRITE_BATCH per transaction, deleting the absorbed rows with the first. */
  private async writeStories(updated: readonly string[], absorbed: readonly string[], fresh: ReadonlyMap<string, Article>): Promise<void> {
    for (let i = 0; i < updated.length; i += STORY_WRITE_BATCH) {
      const rows: StoredStory[] = [];
      for (const id of updated.slice(i, i + STORY_WRITE_BATCH)) rows.push(await this.storyRow(id, fresh));
      await this.timed(ENGINE_TIMINGS.store, () => this.store.replaceStories(rows, i === 0 ? absorbed : []));
    }
    if (!updated.length && absorbed.length) await this.timed(ENGINE_TIMINGS.store, () => this.store.replaceStories([], absorbed));
  }

  /** Runs a store call, adding its time to `key` in the timings when they are asked for. */
  private async timed<T>(key: string, work: () => Promise<T>): Promise<T> {
    if (!this.options.timings) return work();
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      this.addTime(key, performance.now() - t0);
    }
  }

  /** Adds `ms` to `key` in the timings when they are asked for. */
  private addTime(key: string, ms: number): void {
    const timings = this.options.timings;
    if (timings) timings.set(key, (timings.get(key) ?? 0) + ms);
  }

  private remember(article: Article): void {
    this.cache.delete(article.id);
    this.cache.set(article.id, article);
    const limit = this.options.articleCache ?? DEFAULT_ARTICLE_CACHE;
    while (this.cache.size > limit) this.cache.delete(this.cache.keys().next().value ?? article.id);
  }

  private recall(id: string): Article | undefined {
    const hit = this.cache.get(id);
    if (hit) {
      this.cache.delete(id);
      this.cache.set(id, hit);
    }
    return hit;
  }

  /** Re-analyzes one story from its members (this batch's copies first, then the cache, the rest read from the store). */
  private async storyRow(id: string, fresh: ReadonlyMap<string, Article>): Promise<StoredStory> {
    const story = this.index.story(id);
    if (!story) throw new Error(`story ${id} is not in the index`);
    const byId = new Map<string, Article>();
    const missing: string[] = [];
    for (const a of story.articles) {
      const known = fresh.get(a) ?? this.recall(a);
      if (known) byId.set(a, known);
      else missing.push(a);
    }
    if (missing.length) {
      for (const a of await this.timed(ENGINE_TIMINGS.store, () => this.store.listArticles(missing))) {
        byId.set(a.id, a);
        this.remember(a);
      }
    }
    const members = story.articles.flatMap((a) => byId.get(a) ?? []);
    const report = analyzeStory(id, members, this.pipeline, this.ctx, {
      ...(this.options.config ? { config: this.options.config } : {}),
      ...(this.options.timings ? { timings: this.options.timings } : {}),
    });
    return { summary: summarizeStoryReport(report, id), articleIds: [...story.articles].sort(), absorbed: [...story.absorbed], report };
  }
}

function bySeq(a: string, b: string): number {
  return (Number(a.slice(1)) || 0) - (Number(b.slice(1)) || 0) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The list entry of one story: dates, outlets, independent sources (near-copies count once) and claim counts. */
export function summarizeStoryReport(report: Report, id: string): StorySummary {
  const story = report.stories.find((s) => s.id === id);
  const dates = report.articles.map((a) => a.published).filter((d): d is string => d !== null).sort();
  const outletOf = (a: Report['articles'][number]): string => a.outlet ?? a.source.path ?? a.source.url ?? a.id;
  const independent = new Set(report.articles.filter((a) => a.duplicateOf === null).map(outletOf));
  return {
    id,
    title: story?.title ?? id,
    firstDate: dates[0] ?? null,
    lastDate: dates[dates.length - 1] ?? null,
    articles: report.articles.length,
    outlets: [...new Set(report.articles.map(outletOf))].sort(),
    independentSources: independent.size,
    claims: report.claims.length,
    disputed: report.claims.filter((c) => c.status === 'disputed').length,
  };
}
