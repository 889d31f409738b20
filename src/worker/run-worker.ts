// A worker process: takes ingest, story-assignment and story-analysis jobs from the queue until stopped or idle.
import { plainTextArticle } from '../core/article.js';
import type { Context } from '../core/context.js';
import { ARTICLE_STAGES } from '../pipeline/registry.js';
import { runArticleStages } from '../pipeline/runner.js';
import { PostgresStore } from '../store/postgres/postgres-store.js';
import { PostgresWorkState } from '../store/postgres/work-state.js';
import { openQueue, pendingJobs, QUEUES, type AnalyzeStoryJob, type IngestJob } from './job-queue.js';
import { requestAssignment, runAnalyzeStoryJob, runAssignJob, runIngestJob, type WorkerDeps } from './worker-jobs.js';

export interface WorkerOptions {
  readonly url: string;
  readonly ctx: Context;
  /** Jobs this process runs at once per queue (one is right for CPU-bound work on one core). */
  readonly concurrency?: number;
  /** Return once every queue is empty and no job runs, instead of waiting for more. */
  readonly untilIdle?: boolean;
  /** With untilIdle: how long the queues must stay empty first (seconds). */
  readonly idleSeconds?: number;
  /** Seconds between queue polls. */
  readonly pollSeconds?: number;
  readonly jobTimeoutSeconds?: number;
  readonly timings?: Map<string, number>;
  /** Resolves when the worker should stop (e.g. on SIGTERM): running jobs finish first. */
  readonly stop?: Promise<void>;
  /** Called once the worker listens on every queue. */
  readonly onReady?: () => void;
  readonly onJob?: (kind: 'ingest' | 'assign' | 'analyze', detail: string) => void;
}

export interface WorkerSummary {
  readonly ingestJobs: number;
  readonly articlesAnalyzed: number;
  readonly assignments: number;
  readonly storiesAnalyzed: number;
}

export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const store = await PostgresStore.open(options.url);
  const boss = await openQueue(options.url, store, { supervise: true, ...(options.jobTimeoutSeconds ? { jobTimeoutSeconds: options.jobTimeoutSeconds } : {}) });
  const deps: WorkerDeps = {
    store,
    work: new PostgresWorkState(store),
    boss,
    ctx: options.ctx,
    assigner: { index: null, generation: -1 },
    ...(options.timings ? { timings: options.timings } : {}),
  };
  // Load the stages' models now, not on the first job: a worker is ready when it can work at full speed.
  runArticleStages(plainTextArticle('Mayor Anna Berg said on Monday that 12 people were hurt in Velmora.'), ARTICLE_STAGES, options.ctx);
  const counts = { ingestJobs: 0, articlesAnalyzed: 0, assignments: 0, storiesAnalyzed: 0 };
  // pg-boss waits out the polling interval after every fetch, even a fruitful one: a fetch takes several jobs, so
  // short jobs (a few articles, one small story) are not paced by the interval.
  const polling = { pollingIntervalSeconds: options.pollSeconds ?? 0.5 };
  const work = { ...polling, batchSize: 1 };
  // Two jobs a fetch: few enough that two workers finish a batch together (a fetch holds up to 8 articles or 2
  // stories), enough that one fetch serves a polling interval.
  const ingestWork = { ...polling, batchSize: 2 };
  const analyzeWork = { ...polling, batchSize: 2 };
  // pg-boss records a failed job and retries it; the log says which and why.
  const logged =
    <T>(kind: string, fn: (data: T) => Promise<void>) =>
    async (jobs: { readonly data: T }[]): Promise<void> => {
      for (const job of jobs) {
        try {
          await fn(job.data);
        } catch (err) {
          options.ctx.logger.log('error', `${kind} job failed (it will be retried): ${err instanceof Error ? err.message : String(err)}`);
          throw err;
        }
      }
    };
  /**
   * A fetch that came back full means more jobs wait: the worker is woken to fetch again at once instead of sleeping
   * out the polling interval (with 2 jobs of 4 articles per 0.5 s fetch, a worker could never pass 16 articles/s and
   * sat idle 87 % of the time on a quiet machine).
   */
  const eager =
    <T>(batchSize: number, handle: (jobs: { readonly data: T }[]) => Promise<void>) => {
      const id = { value: '' };
      const handler = async (jobs: { readonly data: T }[]): Promise<void> => {
        await handle(jobs);
        if (jobs.length >= batchSize && id.value) boss.notifyWorker(id.value);
      };
      return { id, handler };
    };
  try {
    for (let i = 0; i < (options.concurrency ?? 1); i++) {
      const ingest = eager<IngestJob>(
        ingestWork.batchSize,
        logged<IngestJob>('ingest', async (data) => {
          // A batch is assigned once analyzed; a job that fails for good must not leave it waiting for a pass that
          // never comes, so a failure asks for a pass too (it takes the batch without the article once no job is left).
          const n = await runIngestJob(deps, data.articles).catch(async (err: unknown) => {
            await requestAssignment(boss).catch(() => undefined);
            throw err;
          });
          counts.ingestJobs++;
          counts.articlesAnalyzed += n;
          options.onJob?.('ingest', `${n} articles`);
        }),
      );
      ingest.id.value = await boss.work<IngestJob>(QUEUES.ingest, ingestWork, ingest.handler);
      const analyze = eager<AnalyzeStoryJob>(
        analyzeWork.batchSize,
        logged<AnalyzeStoryJob>('story analysis', async (data) => {
          await runAnalyzeStoryJob(deps, data.story);
          counts.storiesAnalyzed++;
          options.onJob?.('analyze', data.story);
        }),
      );
      analyze.id.value = await boss.work<AnalyzeStoryJob>(QUEUES.analyze, analyzeWork, analyze.handler);
    }
    await boss.work(
      QUEUES.assign,
      work,
      logged('story assignment', async () => {
        const changed = await runAssignJob(deps);
        counts.assignments++;
        options.onJob?.('assign', `${changed.length} stories changed`);
      }),
    );
    options.onReady?.();
    await waitUntilDone(boss, options);
  } finally {
    await boss.stop({ graceful: true, wait: true, timeout: 60_000 });
    await store.close();
  }
  return counts;
}

/** Until the stop signal, or (with untilIdle) until nothing was queued or running for idleSeconds. */
async function waitUntilDone(boss: Awaited<ReturnType<typeof openQueue>>, options: WorkerOptions): Promise<void> {
  let stopped = false;
  void options.stop?.then(() => (stopped = true));
  const poll = (options.pollSeconds ?? 0.5) * 1000;
  let idleSince: number | null = null;
  while (!stopped) {
    await new Promise((resolve) => setTimeout(resolve, poll));
    if (!options.untilIdle) continue;
    if ((await pendingJobs(boss)) > 0) idleSince = null;
    else idleSince ??= performance.now();
    if (idleSince !== null && performance.now() - idleSince >= Math.max(poll, (options.idleSeconds ?? 1) * 1000)) return;
  }
}
