// `npm run bench -- scale`: articles/s ingested and analyzed by 1 and 2 PostgreSQL workers beside one SQLite process.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { plainTextArticle } from '../src/core/article.js';
import { createContext } from '../src/core/context.js';
import { ARTICLE_STAGES } from '../src/pipeline/registry.js';
import { runArticleStages } from '../src/pipeline/runner.js';
import { analyzeArticles } from '../src/service/analyze.js';
import { ingestPaths } from '../src/service/ingest-paths.js';
import { PostgresStore } from '../src/store/postgres/postgres-store.js';
import { TEST_PG_ENV, testDatabase } from '../src/store/postgres/test-database.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Page, Store, StorySummary } from '../src/store/store.js';
import { sendIngestJobs } from '../src/worker/enqueue-ingest.js';
import { openQueue, pendingJobs } from '../src/worker/job-queue.js';
import { startWorker } from '../src/worker/worker-process.js';
import { corpusJsonl, generateCorpus } from './scale-corpus.js';
import { BenchDataMissing, type BenchOptions, type BenchResult } from './types.js';

/** Default corpus: 50 stories of 5 outlets each. `--data N` sets the number of stories. */
const STORIES = 50;
const PER_STORY = 5;

interface Run {
  readonly seconds: number;
  readonly ingestSeconds: number;
  /** Milliseconds per key summed over the workers (or the one process). */
  readonly timings: Record<string, number>;
  readonly stories: number;
  /** The stories as sorted member lists, sorted: ids differ between stores, members do not. */
  readonly membership: readonly string[];
  /** CPU milliseconds (user + system) of each worker process from ready to exit, or of the one process. */
  readonly workerCpuMs: readonly number[];
  /** CPU milliseconds the bench process spent reading, storing and queueing (PostgreSQL runs). */
  readonly feederCpuMs: number;
}

async function membershipOf(store: Store): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<StorySummary> = await store.listStories({ cursor, limit: 500 });
    for (const s of page.items) out.push([...((await store.getStory(s.id))?.articleIds ?? [])].sort().join(','));
    cursor = page.next;
  } while (cursor);
  return out.sort();
}

const cpuMs = (since?: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

async function sqliteRun(file: string, dir: string, articles: number): Promise<Run> {
  const store = SqliteStore.open(join(dir, 'scale.db'));
  const ctx = createContext();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const ingest = await ingestPaths({ store, ctx }, [file]);
  const t1 = performance.now();
  const report = await analyzeArticles({ store, ctx }, ingest.articles);
  const t2 = performance.now();
  const cpu = cpuMs(cpu0);
  const membership = await membershipOf(store);
  await store.close();
  if (ingest.articles.length !== articles) throw new Error(`sqlite stored ${ingest.articles.length} of ${articles} articles`);
  return { seconds: (t2 - t0) / 1000, ingestSeconds: (t1 - t0) / 1000, timings: { analyze: t2 - t1 }, stories: report.stories.length, membership, workerCpuMs: [cpu], feederCpuMs: 0 };
}

async function postgresRun(file: string, db: { url: string; urlFor(schema: string): string; freshSchema(): string }, workers: number, articles: number): Promise<Run> {
  const schema = db.freshSchema();
  const url = db.urlFor(schema);
  const store = await PostgresStore.open(db.url, { schema });
  const boss = await openQueue(url, store);
  try {
    const procs = Array.from({ length: workers }, () => startWorker(url, { timings: true }));
    await Promise.all(procs.map((p) => p.ready));
    // The clock starts when the articles are read: ingest (read + store) and the queue work overlap as in use.
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const ingest = await ingestPaths({ store, ctx: createContext() }, [file]);
    await sendIngestJobs(boss, store, ingest.articles.map((a) => a.id));
    const t1 = performance.now();
    const feederCpuMs = cpuMs(cpu0);
    while ((await pendingJobs(boss)) > 0) {
      if (procs.some((p) => p.exited())) throw new Error(`a worker exited early: ${(await Promise.race(procs.map((p) => p.done))).stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const t2 = performance.now();
    for (const p of procs) p.stop();
    const runs = await Promise.all(procs.map((p) => p.done));
    for (const r of runs) if (r.code !== 0) throw new Error(`a worker failed: ${r.stderr}`);
    const timings: Record<string, number> = {};
    for (const r of runs) for (const [k, v] of Object.entries(r.timings)) timings[k] = (timings[k] ?? 0) + v;
    const membership = await membershipOf(store);
    if ((await store.countArticles()) !== articles) throw new Error('postgres lost or duplicated articles');
    return { seconds: (t2 - t0) / 1000, ingestSeconds: (t1 - t0) / 1000, timings, stories: membership.length, membership, workerCpuMs: runs.map((r) => r.timings['process:cpu'] ?? NaN), feederCpuMs };
  } finally {
    await boss.stop({ graceful: false, wait: true });
    await store.close();
  }
}

function share(run: Run, key: string, workers: number): string {
  const ms = run.timings[key] ?? 0;
  return `${(ms / 1000).toFixed(1)} s (${((100 * ms) / (run.seconds * 1000 * workers)).toFixed(0)}%)`;
}

export async function run(options: BenchOptions): Promise<BenchResult> {
  const db = testDatabase();
  if ('skip' in db) throw new BenchDataMissing(`$${TEST_PG_ENV}`, 'a PostgreSQL server for the workers, e.g. postgres://parallax@127.0.0.1:5432/parallax_test');
  const stories = options.data ? Number.parseInt(options.data, 10) : STORIES;
  const corpus = generateCorpus({ stories, perStory: PER_STORY, seed: 11 });
  const dir = mkdtempSync(join(tmpdir(), 'parallax-scale-'));
  const file = join(dir, 'corpus.jsonl');
  writeFileSync(file, corpusJsonl(corpus));
  const n = corpus.length;
  try {
    options.log(`scale: ${n} generated articles (${stories} stories x ${PER_STORY} outlets)`);
    // Workers load the stages' models before they report ready; the one process does the same before its clock.
    runArticleStages(plainTextArticle('Mayor Anna Berg said on Monday that 12 people were hurt in Velmora.'), ARTICLE_STAGES, createContext());
    const sqlite = await sqliteRun(file, dir, n);
    options.log(`  sqlite, one process: ${sqlite.seconds.toFixed(1)} s`);
    const one = await postgresRun(file, db, 1, n);
    options.log(`  postgres, 1 worker: ${one.seconds.toFixed(1)} s`);
    const two = await postgresRun(file, db, 2, n);
    options.log(`  postgres, 2 workers: ${two.seconds.toFixed(1)} s`);
    const rate = (r: Run): number => n / r.seconds;
    const where = (label: string, r: Run, workers: number): string =>
      `${label}: ingest (read + store + queue) ${r.ingestSeconds.toFixed(1)} s; stage time in the workers: per-article ${share(r, 'cpu:ingest', workers)}, story assignment passes ${share(r, 'cpu:assign', workers)}, per-story analysis ${share(r, 'cpu:analyze', workers)}; jobs: ${r.timings['count:job:ingest'] ?? 0} ingest, ${r.timings['count:job:assign'] ?? 0} assignment passes, ${r.timings['count:job:analyze'] ?? 0} story analyses; ${r.stories} stories`;
    // CPU per article, per process: unlike wall time, it does not grow when the shared machine's other load takes the cores.
    const perArticle = (ms: number): string => `${(ms / n).toFixed(1)} ms`;
    const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
    const cpuNote = (label: string, r: Run): string =>
      `${label}: CPU per article ${r.workerCpuMs.map(perArticle).join(' + ')}${r.workerCpuMs.length > 1 ? ` = ${perArticle(sum(r.workerCpuMs))}` : ''}${r.feederCpuMs ? ` (+ ${perArticle(r.feederCpuMs)} reading, storing and queueing in the feeding process)` : ''}; CPU busy ${(sum(r.workerCpuMs) / 1000 / r.seconds).toFixed(2)} of the wall time's cores (${r.workerCpuMs.length} process${r.workerCpuMs.length > 1 ? 'es' : ''})`;
    const cpuSpeedup = sum(one.workerCpuMs) / one.seconds > 0 ? sum(two.workerCpuMs) / two.seconds / (sum(one.workerCpuMs) / one.seconds) : NaN;
    const same = (r: Run): boolean => JSON.stringify(r.membership) === JSON.stringify(sqlite.membership);
    const sqliteNote = `stories: sqlite ${sqlite.stories}, 1 worker ${one.stories} (${same(one) ? 'the same members' : 'OTHER members'}), 2 workers ${two.stories} (${same(two) ? 'the same members' : 'OTHER members'}); sqlite: ingest ${sqlite.ingestSeconds.toFixed(1)} s, analysis ${((sqlite.timings.analyze ?? 0) / 1000).toFixed(1)} s; ${sqlite.stories} stories`;
    return {
      bench: 'scale',
      data: null,
      metrics: {
        articlesPerSecond1Worker: rate(one),
        articlesPerSecond2Workers: rate(two),
        speedup2Workers: one.seconds / two.seconds,
        ratio2WorkersToSqlite: sqlite.seconds / two.seconds,
        cpuMsPerArticle1Worker: sum(one.workerCpuMs) / n,
        cpuMsPerArticle2Workers: sum(two.workerCpuMs) / n,
        workerCpuPerWallSecond1Worker: sum(one.workerCpuMs) / 1000 / one.seconds,
        workerCpuPerWallSecond2Workers: sum(two.workerCpuMs) / 1000 / two.seconds,
        articles: n,
        storiesSameAsSqlite1Worker: same(one) ? 1 : 0,
        storiesSameAsSqlite2Workers: same(two) ? 1 : 0,
      },
      baseline: { name: 'SQLite, one process (ingest + analyze)', metrics: { articlesPerSecond1Worker: rate(sqlite), articlesPerSecond2Workers: rate(sqlite), cpuMsPerArticle1Worker: sum(sqlite.workerCpuMs) / n, articles: n } },
      notes: [
        sqliteNote,
        where('postgres 1 worker', one, 1),
        where('postgres 2 workers', two, 2),
        `(shares are of wall time x workers; the rest is queue polling and deferral, database round trips, and time the machine's other load took)`,
        cpuNote('sqlite, one process', sqlite),
        cpuNote('postgres 1 worker', one),
        cpuNote('postgres 2 workers', two),
        `2 workers vs 1: ${(one.seconds / two.seconds).toFixed(2)}x wall; worker CPU per wall second ${cpuSpeedup.toFixed(2)}x (how much more CPU the work got per second: the speed-up the machine's load allowed); CPU per article ${(sum(two.workerCpuMs) / sum(one.workerCpuMs)).toFixed(2)}x one worker's (the split's overhead)`,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await db.dropAll();
  }
}
