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
import { StoryIndex, STORY_INDEX_DEFAULTS, STORY_INDEX_PREFIX, type StoryIndexConfig } from './story-index.js';

export interface EngineOptions {
  readonly pipeline?: Pipeline;
  readonly config?: StageConfig;
  /** Per-stage time budget on one article (ms). */
  readonly stageBudgetMs?: number;
  /** Per-article character budget. */
  readonly charBudget?: number;
  readonly index?: StoryIndexConfig;
  /** Receives milliseconds per stage, per-article and per-story stages alike. */
  readonly timings?: Map<string, number>;
  /** Called after each article's stages ran. */
  readonly onArticle?: (done: number, total: number) => void;
  /** Analyzed articles kept in memory for re-analyzing their stories (see DEFAULT_ARTICLE_CACHE). */
  readonly articleCache?: number;
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
}

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
  ) {}

  /** Opens the engine over a store, restoring the story index from its rows. */
  static async open(store: Store, ctx: Context, options: EngineOptions = {}): Promise<StoryEngine> {
    const rows = await store.listEngineState(STORY_INDEX_PREFIX);
    return new StoryEngine(store, ctx, options, StoryIndex.restore(rows, options.index ?? STORY_INDEX_DEFAULTS));
  }

  private get pipeline(): Pipeline {
    return this.options.pipeline ?? defaultPipeline();
  }

  /** The story holding an article, if the engine has assigned it. */
  storyOf(article: string): string | undefined {
    return this.index.storyOfArticle(article);
  }

  /**
   * Brings these articles up to date: per-article stages where their version or input changed (stored articles keep
   * their layers), story assignment in report order, then analysis of each story that gained an article or whose
   * articles changed. Articles must already be stored (ingest) for their stories to be re-read later.
   */
  async add(input: readonly Article[]): Promise<EngineUpdate> {
    const given = reportOrder([...new Map(input.map((a) => [a.id, a])).values()]);
    const ids = given.map((a) => a.id);
    const stored = new Map((await this.store.listArticles(ids)).map((a) => [a.id, a]));
    const versions = await this.store.getStageVersions(ids);
    const fresh = new Map<string, Article>();
    const saved: AnalyzedArticle[] = [];
    const dirty = new Set<string>();
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
      if (work.ran.length && held) dirty.add(held);
      this.options.onArticle?.(i + 1, given.length);
    }
    await this.store.saveAnalyzedArticles(saved);
    for (const a of fresh.values()) this.remember(a);

    const storyOf = new Map<string, string>();
    const absorbed: string[] = [];
    for (const a of given) {
      const held = this.index.storyOfArticle(a.id);
      const assignment = this.index.assign(fresh.get(a.id) ?? a);
      storyOf.set(a.id, assignment.story);
      // A story already holding an unchanged article has nothing new to analyze.
      if (!held) dirty.add(assignment.story);
      // Members the assignment moved between other stories make those stories' reports stale too.
      for (const id of assignment.changed) dirty.add(id);
      for (const gone of assignment.absorbed) {
        absorbed.push(gone);
        dirty.delete(gone);
      }
    }
    // A story absorbed later in the batch may have been marked before: it is now its absorber's.
    const updated = [...new Set([...dirty].map((id) => this.index.story(id)?.id).filter((id): id is string => id !== undefined))].sort(bySeq);
    for (let i = 0; i < updated.length; i += STORY_WRITE_BATCH) {
      const rows: StoredStory[] = [];
      for (const id of updated.slice(i, i + STORY_WRITE_BATCH)) rows.push(await this.storyRow(id, fresh));
      await this.store.replaceStories(rows, i === 0 ? absorbed : []);
    }
    if (!updated.length && absorbed.length) await this.store.replaceStories([], absorbed);
    await this.store.putEngineState(this.index.changes());
    for (const [id, s] of storyOf) storyOf.set(id, this.index.storyOfArticle(id) ?? this.index.story(s)?.id ?? s);
    return { articles: ids, stageRuns, storyOf, updated, absorbed };
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
      for (const a of await this.store.listArticles(missing)) {
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
