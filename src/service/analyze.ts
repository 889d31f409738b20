// Use-cases: run the pipeline over articles and produce the report; keep the latest report in the store.
import { emptyLayers, type Article } from '../core/article.js';
import type { Context } from '../core/context.js';
import { defaultPipeline, describePipeline } from '../pipeline/registry.js';
import { runPipeline, type Pipeline, type StageConfig } from '../pipeline/runner.js';
import { buildReport, reportOrder } from '../report/build-report.js';
import { filterReportToStory } from '../report/filter-report.js';
import type { Report } from '../report/schema.js';
import type { Store } from '../store/store.js';
import { ingestPaths, type IngestDeps, type IngestSummary } from './ingest-paths.js';
import { noProgress, type Progress } from './progress.js';
import { allStoryIds, storyRows } from './read.js';

export interface AnalyzeDeps extends IngestDeps {
  readonly store: Store;
  readonly ctx: Context;
  readonly progress?: Progress;
  readonly pipeline?: Pipeline;
  readonly config?: StageConfig;
  /** Per-stage time budget on one article (ms); the runner's default when absent. */
  readonly stageBudgetMs?: number;
}

export const LATEST = 'latest';

/** Runs every stage over the articles (in a fixed order, so input order never changes the output). */
export async function analyzeArticles(deps: AnalyzeDeps, input: readonly Article[]): Promise<Report> {
  const pipeline = deps.pipeline ?? defaultPipeline();
  const progress = deps.progress ?? noProgress;
  const stageNames = new Set(describePipeline(pipeline).map((s) => s.stage));
  const unique = [...new Map(input.map((a) => [a.id, asIngested(a, stageNames)])).values()];
  const articles = reportOrder(unique);
  progress.start('analyzing', articles.length);
  const corpus = runPipeline(pipeline, articles, deps.ctx, {
    ...(deps.config ? { config: deps.config } : {}),
    onArticle: (done) => progress.update(done),
    ...(deps.stageBudgetMs !== undefined ? { stageBudgetMs: deps.stageBudgetMs } : {}),
  });
  progress.stop();
  await deps.store.updateArticles(corpus.articles);
  const report = buildReport(corpus, { pipeline: describePipeline(pipeline) });
  await deps.store.saveReport(LATEST, report);
  const rows = storyRows(report);
  const kept = new Set(rows.map((r) => r.summary.id));
  await deps.store.replaceStories(rows, (await allStoryIds(deps.store)).filter((id) => !kept.has(id)));
  return report;
}

/**
 * The article as ingest left it: stored articles carry the layers and stage diagnostics of their last analysis,
 * and a new analysis must neither repeat those diagnostics nor inherit a status a failed stage gave them.
 */
function asIngested(article: Article, stageNames: ReadonlySet<string>): Article {
  if (!article.diagnostics.some((d) => stageNames.has(d.stage))) return article;
  const diagnostics = article.diagnostics.filter((d) => !stageNames.has(d.stage));
  const status = article.status === 'failed' ? 'failed' : diagnostics.some((d) => d.severity !== 'info') ? 'partial' : 'ok';
  return { ...article, layers: emptyLayers(), diagnostics, status };
}

export interface AnalyzePathsResult {
  readonly report: Report;
  readonly ingest: IngestSummary;
}

/** Ingest + analyze: the report covers exactly the articles read from these inputs. */
export async function analyzePaths(deps: AnalyzeDeps, paths: readonly string[]): Promise<AnalyzePathsResult> {
  const ingest = await ingestPaths(deps, paths);
  const report = await analyzeArticles(deps, ingest.articles);
  return { report, ingest };
}

/** The report over everything stored: the saved one when it is current, else a fresh analysis. */
export async function storedReport(deps: AnalyzeDeps, options: { readonly story?: string } = {}): Promise<Report | null> {
  const articles = await deps.store.listArticles();
  const saved = await deps.store.loadReport(LATEST);
  const current =
    saved && saved.articles.length === articles.length && saved.articles.map((a) => a.id).sort().join() === articles.map((a) => a.id).join()
      ? saved
      : await analyzeArticles(deps, articles);
  return options.story ? filterReportToStory(current, options.story) : current;
}
