// Use-cases: analyze articles incrementally (per-article work once, corpus work per changed story) and write reports from story rows.
import type { Writable } from 'node:stream';
import type { Article } from '../core/article.js';
import type { Context } from '../core/context.js';
import { PARALLAX_VERSION } from '../core/version.js';
import { StoryEngine, type EngineOptions, type EngineUpdate } from '../engine/story-engine.js';
import { defaultPipeline, describePipeline } from '../pipeline/registry.js';
import type { Pipeline, StageConfig } from '../pipeline/runner.js';
import type { Report } from '../report/schema.js';
import { assembleReport, writeReportStream, type ReportHead, type ReportSection } from '../report/write-report-stream.js';
import { MAX_PAGE, type ArticleHeader, type Page, type Store } from '../store/store.js';
import { ingestPaths, type IngestDeps, type IngestSummary } from './ingest-paths.js';
import { noProgress, type Progress } from './progress.js';
import { allStoryIds } from './read.js';

export interface AnalyzeDeps extends IngestDeps {
  readonly store: Store;
  readonly ctx: Context;
  readonly progress?: Progress;
  readonly pipeline?: Pipeline;
  readonly config?: StageConfig;
  /** Per-stage time budget on one article (ms); the runner's default when absent. */
  readonly stageBudgetMs?: number;
  /** Per-article character budget (DEFAULT_ARTICLE_CHAR_BUDGET when absent): longer texts are cut with a warning. */
  readonly charBudget?: number;
  /** Told once when the analysis must wait for another process's analysis of the same database (see Store.exclusiveAnalysis). */
  readonly onAnalysisWait?: (holder: string) => void;
}

export const LATEST = 'latest';

function engineOptions(deps: AnalyzeDeps, progress: Progress, beat: () => void): EngineOptions {
  return {
    ...(deps.pipeline ? { pipeline: deps.pipeline } : {}),
    ...(deps.config ? { config: deps.config } : {}),
    ...(deps.stageBudgetMs !== undefined ? { stageBudgetMs: deps.stageBudgetMs } : {}),
    ...(deps.charBudget !== undefined ? { charBudget: deps.charBudget } : {}),
    onArticle: (done) => {
      progress.update(done);
      beat();
    },
  };
}

/**
 * Brings the articles up to date through the incremental engine: per-article stages only where their version or
 * input changed, new articles assigned to stories through the index, and only the stories that changed re-analyzed
 * and stored as rows. Nothing is held for the whole corpus.
 */
export async function updateAnalysis(deps: AnalyzeDeps, input: readonly Article[]): Promise<EngineUpdate> {
  const progress = deps.progress ?? noProgress;
  // One analysis per database at a time: the engine reads the story index when it opens and writes it back at the
  // end, so two at once would number and fill stories over each other (every article stored, the stories wrong).
  return deps.store.exclusiveAnalysis(async (beat) => {
    progress.start('analyzing', new Set(input.map((a) => a.id)).size);
    try {
      const engine = await StoryEngine.open(deps.store, deps.ctx, engineOptions(deps, progress, beat));
      return await engine.add(input);
    } finally {
      progress.stop();
    }
  }, deps.onAnalysisWait);
}

/** Report head: who generated it and the stages that ran. */
export function reportHead(deps: AnalyzeDeps): ReportHead {
  return { generatedBy: { name: 'parallax', version: PARALLAX_VERSION }, pipeline: describePipeline(deps.pipeline ?? defaultPipeline()) };
}

/** The stories holding these articles, in creation order. */
export function storiesOf(update: EngineUpdate): string[] {
  return [...new Set(update.storyOf.values())].sort((a, b) => (Number(a.slice(1)) || 0) - (Number(b.slice(1)) || 0) || (a < b ? -1 : a > b ? 1 : 0));
}

/** Reads the stored reports of these stories one at a time (skipping any that are gone). */
async function* storyReports(store: Store, ids: readonly string[]): AsyncIterable<Report> {
  for (const id of ids) {
    const row = await store.getStory(id);
    if (row) yield row.report;
  }
}

/** The report over these stories, assembled in memory from their rows (use `writeStoriesReport` for big corpora). */
export async function storiesReport(deps: AnalyzeDeps, ids: readonly string[]): Promise<Report> {
  const reports: Report[] = [];
  for await (const r of storyReports(deps.store, ids)) reports.push(r);
  return assembleReport(reportHead(deps), reports);
}

/** Streams the report over these stories as report-v1 JSON, reading one story row at a time per section. */
export async function writeStoriesReport(
  deps: AnalyzeDeps,
  out: Writable,
  ids: readonly string[],
  onItem?: (section: ReportSection, item: unknown) => void,
): Promise<Record<ReportSection, number>> {
  return writeReportStream(out, reportHead(deps), () => storyReports(deps.store, ids), onItem);
}

/** Analyzes the articles (see `updateAnalysis`) and returns the report over the stories that hold them. */
export async function analyzeArticles(deps: AnalyzeDeps, input: readonly Article[]): Promise<Report> {
  return storiesReport(deps, storiesOf(await updateAnalysis(deps, input)));
}

export interface AnalyzePathsResult {
  readonly report: Report;
  readonly ingest: IngestSummary;
}

export interface UpdatePathsResult {
  readonly update: EngineUpdate;
  readonly ingest: IngestSummary;
}

/** Ingest + incremental analysis, without building a report (stream it with `writeStoriesReport`). */
export async function updatePaths(deps: AnalyzeDeps, paths: readonly string[]): Promise<UpdatePathsResult> {
  const ingest = await ingestPaths(deps, paths);
  return { update: await updateAnalysis(deps, ingest.articles), ingest };
}

/** Ingest + analyze: the report covers the stories that hold the articles read from these inputs. */
export async function analyzePaths(deps: AnalyzeDeps, paths: readonly string[]): Promise<AnalyzePathsResult> {
  const { update, ingest } = await updatePaths(deps, paths);
  return { report: await storiesReport(deps, storiesOf(update)), ingest };
}

/** Stored articles no story holds yet (ingested, never analyzed), found page by page over article ids. */
async function unassigned(store: Store): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<ArticleHeader> = await store.listArticleHeaders({ cursor, limit: MAX_PAGE });
    const held = await store.storyOfArticles(page.items.map((h) => h.id));
    out.push(...page.items.map((h) => h.id).filter((id) => !held.has(id)));
    cursor = page.next;
  } while (cursor);
  return out;
}

/** Analyzes the stored articles no story holds yet, so the story rows cover the whole store; returns every story id. */
export async function currentStories(deps: AnalyzeDeps): Promise<string[]> {
  const missing = await unassigned(deps.store);
  if (missing.length) await updateAnalysis(deps, await deps.store.listArticles(missing));
  return (await allStoryIds(deps.store)).sort((a, b) => (Number(a.slice(1)) || 0) - (Number(b.slice(1)) || 0) || (a < b ? -1 : a > b ? 1 : 0));
}

/** The report over everything stored (or one story), from the story rows; stored articles not yet analyzed are analyzed first. */
export async function storedReport(deps: AnalyzeDeps, options: { readonly story?: string } = {}): Promise<Report | null> {
  const ids = await currentStories(deps);
  if (options.story) return (await deps.store.getStory(options.story))?.report ?? null;
  return storiesReport(deps, ids);
}

/** Streams the report over everything stored as report-v1 JSON (see `storedReport`). */
export async function writeStoredReport(deps: AnalyzeDeps, out: Writable, onItem?: (section: ReportSection, item: unknown) => void): Promise<Record<ReportSection, number>> {
  return writeStoriesReport(deps, out, await currentStories(deps), onItem);
}
