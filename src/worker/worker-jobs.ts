// What a worker does with each job: per-article stages, incremental story assignment, per-story analysis.
import type PgBoss from 'pg-boss';
import type { Article } from '../core/article.js';
import type { Context } from '../core/context.js';
import { updateArticle } from '../engine/article-work.js';
import { analyzeStory } from '../engine/story-analysis.js';
import { summarizeStoryReport } from '../engine/story-engine.js';
import { StoryIndex, STORY_INDEX_DEFAULTS, STORY_INDEX_PREFIX } from '../engine/story-index.js';
import { defaultPipeline } from '../pipeline/registry.js';
import { reportOrder } from '../report/build-report.js';
import type { PostgresStore } from '../store/postgres/postgres-store.js';
import type { PostgresWorkState } from '../store/postgres/work-state.js';
import { QUEUES } from './job-queue.js';

export interface WorkerDeps {
  readonly store: PostgresStore;
  readonly work: PostgresWorkState;
  readonly boss: PgBoss;
  readonly ctx: Context;
  /** When given, receives milliseconds per stage and per job kind (for the scale bench). */
  readonly timings?: Map<string, number>;
  /**
   * The story index as this process's last assignment pass left it, with the generation it committed as: when no
   * other process assigned since, the next pass reuses it instead of reading the index back from the store.
   */
  readonly assigner: { index: StoryIndex | null; generation: number };
}

/** Adds a job's milliseconds under `key` and counts it under `count:key`. */
function time<T>(deps: WorkerDeps, key: string, t0: number, value: T): T {
  deps.timings?.set(key, (deps.timings.get(key) ?? 0) + performance.now() - t0);
  deps.timings?.set(`count:${key}`, (deps.timings.get(`count:${key}`) ?? 0) + 1);
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

/**
 * Seconds an assignment request waits, so one pass serves the ingest jobs that end within that time. A pass costs
 * only its new articles (incremental), so it can run often: short, to keep the tail of a batch short.
 */
export const ASSIGN_DELAY_SECONDS = 1;
/** Seconds a story-analysis request waits, so a story changed by consecutive passes is analyzed once. */
export const ANALYZE_DELAY_SECONDS = 2;

/**
 * Per-article stages over the articles of one job that no earlier run analyzed (a retried job skips what its
 * first attempt committed), as the engine runs them (character budget, per-stage time budget), stored with their
 * stage versions and mark in one transaction; then a story assignment is requested.
 */
export async function runIngestJob(deps: WorkerDeps, ids: readonly string[]): Promise<number> {
  const t0 = performance.now();
  const todo = await deps.work.notAnalyzed(ids);
  if (todo.length) {
    const articles = await deps.store.listArticles(todo);
    const stages = stageTimings(deps, 'ingest');
    const pipeline = defaultPipeline();
    const analyzed = articles.map((a) => updateArticle(a, undefined, pipeline.articleStages, deps.ctx, stages.timings ? { timings: stages.timings } : {}));
    stages.commit();
    await deps.work.saveAnalyzed(analyzed.map((w) => ({ article: w.article, stages: w.stages })));
  }
  await requestAssignment(deps.boss);
  time(deps, 'job:ingest', t0, undefined);
  return todo.length;
}

/** Queues a story assignment pass, deferred a little: requests from jobs finishing meanwhile collapse into this one. */
export async function requestAssignment(boss: PgBoss): Promise<void> {
  await boss.send(QUEUES.assign, {}, { singletonKey: 'assign', startAfter: ASSIGN_DELAY_SECONDS });
}

/**
 * Story assignment, incremental, by a single assigner: each pass puts the articles analyzed since the last pass
 * into the engine's online story index (src/engine/story-index.ts, the one `parallax analyze` uses), in report
 * order, and writes the stories they joined, opened or merged.
 * - Cost: a pass reads and assigns only its new articles, each against a bounded set of candidate stories from the
 *   index, so the total over a corpus is linear in it however many passes there are. The index stays in memory in
 *   the process that last assigned; another process reads it back from the store (its rows are bounded per story).
 * - One assigner at a time: the queue is `stately` (one active job), and the pass runs under a transaction-scoped
 *   advisory lock, so even a job pg-boss retried while its first attempt still runs cannot interleave with it. The
 *   index rows, the stories, the assigned marks and the analysis jobs of the changed stories commit together; a
 *   crash rolls back to the previous complete pass.
 * - Membership is online, so it follows the order articles enter the index; the pass takes whole enqueued batches,
 *   oldest first and each in report order (see `AssignPass.batches`), never the order in which workers happened to
 *   finish. Any number of workers therefore gives the stories one `analyze` run over the same batch gives, which
 *   the race test (two racing workers against one engine run) and the scale bench (1 and 2 workers beside SQLite)
 *   check.
 */
export async function runAssignJob(deps: WorkerDeps): Promise<readonly string[]> {
  const t0 = performance.now();
  const cache = deps.assigner;
  const stalled = async (): Promise<boolean> => (await deps.boss.getQueueSize(QUEUES.ingest, { before: 'completed' })) === 0;
  const changed = await deps.work.assignPending(stalled, async (pass) => {
    let index = cache.index && cache.generation === pass.generation ? cache.index : null;
    // The cached index is mutated below: forgotten until this pass commits.
    cache.index = null;
    index ??= StoryIndex.restore(await pass.engineState(STORY_INDEX_PREFIX), STORY_INDEX_DEFAULTS);
    if (pass.skipped.length) {
      deps.ctx.logger.log('warn', `${pass.skipped.length} enqueued articles were never analyzed (their ingest jobs failed); their batch is assigned without them: ${pass.skipped.slice(0, 5).join(', ')}${pass.skipped.length > 5 ? ', …' : ''}`);
    }
    // Batch by batch, each in report order, as one `analyze` run over the batch assigns it.
    const articles = [];
    for (const batch of pass.batches) articles.push(...reportOrder(await deps.store.listArticles(batch)));
    const stages = stageTimings(deps, 'assign');
    const t1 = performance.now();
    const touched = new Set<string>();
    const absorbed: string[] = [];
    for (const a of articles) {
      if (index.storyOfArticle(a.id)) continue;
      const assignment = index.assign(a);
      touched.add(assignment.story);
      // Re-clustering may move members between other stories (or split one): their rows are stale too.
      for (const id of assignment.changed) touched.add(id);
      absorbed.push(...assignment.absorbed);
    }
    stages.timings?.set('story-index', performance.now() - t1);
    stages.commit();
    // A story absorbed later in the pass may have been touched before: it is now its absorber's.
    const gone = new Set(absorbed);
    // A story left without members is gone as well.
    for (const id of touched) if (index.story(id)?.articles.length === 0) gone.add(id);
    const live = [...new Set([...touched].map((id) => index.story(id)?.id).filter((id): id is string => id !== undefined && !gone.has(id)))];
    const stories = live.map((id) => index.story(id)!).map((s) => ({ id: s.id, articleIds: [...s.articles].sort(byCodeUnit), absorbed: [...s.absorbed].sort(byCodeUnit) }));
    await pass.putEngineState(index.changes());
    await pass.writeStories(stories, [...gone]);
    // In the pass's transaction: a worker killed after the commit cannot leave a changed story unanalyzed (its
    // retried job would find nothing to assign). Deferred too: a story that changes again within the delay is
    // analyzed once (one queued job per story).
    const db = { executeSql: (text: string, values: unknown[]) => pass.client.query(text, values) };
    for (const story of [...live, ...gone]) await deps.boss.send(QUEUES.analyze, { story }, { singletonKey: story, startAfter: ANALYZE_DELAY_SECONDS, db });
    return { live, index, generation: pass.generation + 1 };
  });
  cache.index = changed.index;
  cache.generation = changed.generation;
  return time(deps, 'job:assign', t0, changed.live);
}

/**
 * The story's corpus stages over its members, as the engine analyzes a story, written as its story row; a story
 * that no longer exists (absorbed) has its row removed. Reads the membership when it runs, so a stale job still
 * writes current data.
 */
export async function runAnalyzeStoryJob(deps: WorkerDeps, id: string): Promise<void> {
  const t0 = performance.now();
  const story = await deps.work.story(id);
  if (!story) {
    await deps.store.replaceStories([], [id]);
    return time(deps, 'job:analyze', t0, undefined);
  }
  const members: Article[] = await deps.store.listArticles(story.articleIds);
  const stages = stageTimings(deps, 'analyze');
  const report = analyzeStory(story.id, members, defaultPipeline(), deps.ctx, stages.timings ? { timings: stages.timings } : {});
  stages.commit();
  await deps.store.replaceStories([{ summary: summarizeStoryReport(report, story.id), articleIds: [...story.articleIds].sort(byCodeUnit), absorbed: story.absorbed, report }], story.absorbed);
  time(deps, 'job:analyze', t0, undefined);
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
