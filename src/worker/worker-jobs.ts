// What a worker does with each job: per-article stages, story assignment, per-story analysis.
import type PgBoss from 'pg-boss';
import type { Article } from '../core/article.js';
import type { Context } from '../core/context.js';
import { aliasesStage } from '../corpus/aliases/index.js';
import { duplicatesStage } from '../corpus/duplicates/index.js';
import { storiesStage } from '../corpus/stories/index.js';
import { ARTICLE_STAGES, CORPUS_STAGES, defaultPipeline, describePipeline } from '../pipeline/registry.js';
import { runArticleStages, runPipeline, type Pipeline } from '../pipeline/runner.js';
import { defineCorpusStage, type ArticleStage, type CorpusStage } from '../pipeline/stage.js';
import { buildReport, reportOrder } from '../report/build-report.js';
import { filterReportToStory } from '../report/filter-report.js';
import { summarizeStory } from '../service/read.js';
import type { PostgresStore } from '../store/postgres/postgres-store.js';
import type { AssignedStory, PostgresWorkState } from '../store/postgres/work-state.js';
import { QUEUES } from './job-queue.js';
import { matchStoryIds } from './match-story-ids.js';

export interface WorkerDeps {
  readonly store: PostgresStore;
  readonly work: PostgresWorkState;
  readonly boss: PgBoss;
  readonly ctx: Context;
  /** When given, receives milliseconds per stage and per job kind (for the scale bench). */
  readonly timings?: Map<string, number>;
}

function time<T>(deps: WorkerDeps, key: string, t0: number, value: T): T {
  deps.timings?.set(key, (deps.timings.get(key) ?? 0) + performance.now() - t0);
  return value;
}

/**
 * Stage timings of one run, added per stage and as `cpu:<kind>` (the synchronous stage time, which no other job of
 * the process overlaps, unlike a job's wall time, which includes its database waits).
 */
function stageTimings(deps: WorkerDeps, kind: string): { readonly timings?: Map<string, number>; readonly commit: () => void } {
  const totals = deps.timings;
  if (!totals) return { commit: () => undefined };
  const timings = new Map<string, number>();
  return {
    timings,
    commit: () => {
      let sum = 0;
      for (const [k, v] of timings) {
        totals.set(k, (totals.get(k) ?? 0) + v);
        sum += v;
      }
      totals.set(`cpu:${kind}`, (totals.get(`cpu:${kind}`) ?? 0) + sum);
    },
  };
}

/** Seconds an assignment request waits, so one pass serves the ingest jobs that end within that time. */
export const ASSIGN_DELAY_SECONDS = 3;
/** Seconds a story-analysis request waits, so a story changed by consecutive passes is analyzed once. */
export const ANALYZE_DELAY_SECONDS = 3;

/**
 * Per-article stages over the articles of one job that no earlier run analyzed (a retried job skips what its
 * first attempt committed), stored with their mark in one transaction; then a story assignment is requested.
 */
export async function runIngestJob(deps: WorkerDeps, ids: readonly string[]): Promise<number> {
  const t0 = performance.now();
  const todo = await deps.work.notAnalyzed(ids);
  if (todo.length) {
    const articles = await deps.store.listArticles(todo);
    const stages = stageTimings(deps, 'ingest');
    const analyzed = articles.map((a) => runArticleStages(a, ARTICLE_STAGES, deps.ctx, {}, stages.timings));
    stages.commit();
    await deps.work.saveAnalyzed(analyzed);
  }
  // Deferred a little: requests from the jobs finishing meanwhile collapse into this one queued pass.
  await deps.boss.send(QUEUES.assign, {}, { singletonKey: 'assign', startAfter: ASSIGN_DELAY_SECONDS });
  time(deps, 'job:ingest', t0, undefined);
  return todo.length;
}

/**
 * The article stages as already applied: stored analyzed articles carry their layers, so corpus-only runs keep
 * them (an empty output) while the runner still checks that every layer a corpus stage reads has a provider.
 */
const APPLIED_ARTICLE_STAGES: readonly ArticleStage<unknown>[] = ARTICLE_STAGES.map((s) => ({ ...s, run: () => ({ layers: {} }) }));

/** The corpus stages story membership depends on, as the batch pipeline runs them before it. */
const ASSIGN_STAGES: readonly CorpusStage<unknown>[] = CORPUS_STAGES.slice(0, CORPUS_STAGES.indexOf(storiesStage) + 1);

/**
 * Story assignment, by a single assigner. The choice, over per-insert assignment under advisory locks:
 * - Online assignment is order-dependent: which story an article joins depends on which articles came before it.
 *   Two workers inserting at once, even each under a lock, produce an interleaving that differs from run to run,
 *   so membership would differ from a single process's.
 * - Here membership is a function of the set of analyzed articles: the same duplicates, aliases and stories
 *   stages the batch pipeline runs, over every analyzed article in report order. Whatever the interleaving of the
 *   ingest jobs, the last assignment sees the full set and gives what one process gives.
 * - One assigner at a time: the queue is `stately` (one active job), and the rewrite happens under a
 *   transaction-scoped advisory lock, so even a job pg-boss retried while its first attempt still runs cannot
 *   interleave with it; a crash rolls back to the previous complete assignment.
 * - Cost: a full pass, linear in the analyzed articles through the stages' indexes, and requests made while it
 *   runs collapse into one more pass. The per-article stages (most of the work) stay spread over the workers.
 * Story ids stay stable across passes (matchStoryIds); changed stories get an analysis job each.
 */
export async function runAssignJob(deps: WorkerDeps): Promise<readonly string[]> {
  const t0 = performance.now();
  const { changed } = await deps.work.reassign(async (current, nextId) => {
    const articles = reportOrder(await deps.store.listArticles(await deps.work.analyzedIds()));
    const stages = stageTimings(deps, 'assign');
    const corpus = runPipeline({ articleStages: APPLIED_ARTICLE_STAGES, corpusStages: ASSIGN_STAGES }, articles, deps.ctx, stages.timings ? { timings: stages.timings } : {});
    stages.commit();
    const groups = corpus.stories.map((s) => ({ title: s.title, articleIds: [...s.articles].sort(byCodeUnit) }));
    const matched = await matchStoryIds(current, groups, nextId);
    return { stories: matched.stories, result: matched };
  }, async (client, matched) => {
    // In the assignment's transaction: a worker killed after the commit cannot leave a changed story unanalyzed (its
    // retried job would find nothing changed). Deferred too: a story that changes again within the delay is
    // analyzed once (one queued job per story).
    const db = { executeSql: (text: string, values: unknown[]) => client.query(text, values) };
    for (const story of [...matched.changed, ...matched.removed]) await deps.boss.send(QUEUES.analyze, { story }, { singletonKey: story, startAfter: ANALYZE_DELAY_SECONDS, db });
  });
  return time(deps, 'job:assign', t0, changed);
}

/** The batch pipeline's corpus stages with the stories stage replaced by the one assigned story. */
function storyPipeline(story: AssignedStory): Pipeline {
  const fixed = defineCorpusStage<unknown>({
    name: storiesStage.name,
    version: storiesStage.version,
    requires: storiesStage.requires,
    provides: storiesStage.provides,
    defaults: {},
    run: (corpus) => ({ stories: [{ id: story.id, title: story.title, articles: corpus.articles.map((a: Article) => a.id), events: [] }] }),
  });
  return { articleStages: APPLIED_ARTICLE_STAGES, corpusStages: CORPUS_STAGES.map((s) => (s === storiesStage ? fixed : s)) };
}

/**
 * Corpus stages over one story's articles, written as its story row; a story that no longer exists (absorbed or
 * emptied) has its row removed. Reads the membership when it runs, so a stale job still writes current data.
 */
export async function runAnalyzeStoryJob(deps: WorkerDeps, id: string): Promise<void> {
  const t0 = performance.now();
  const story = await deps.work.story(id);
  if (!story) {
    await deps.store.replaceStories([], [id]);
    return time(deps, 'job:analyze', t0, undefined);
  }
  const articles = reportOrder(await deps.store.listArticles(story.articleIds));
  const stages = stageTimings(deps, 'analyze');
  const corpus = runPipeline(storyPipeline(story), articles, deps.ctx, stages.timings ? { timings: stages.timings } : {});
  stages.commit();
  const report = buildReport(corpus, { pipeline: describePipeline(defaultPipeline()) });
  const subset = filterReportToStory(report, story.id) ?? report;
  await deps.store.replaceStories([{ summary: summarizeStory(subset, story.id), articleIds: story.articleIds, absorbed: story.absorbed, report: subset }], story.absorbed);
  time(deps, 'job:analyze', t0, undefined);
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
