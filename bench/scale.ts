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
}

async function sqliteRun(file: string, dir: string, articles: number): Promise<Run> {
  const store = SqliteStore.open(join(dir, 'scale.db'));
  const ctx = createContext();
  const t0 = performance.now();
  const ingest = await ingestPaths({ store, ctx }, [file]);
  const t1 = performance.now();
  const report = await analyzeArticles({ store, ctx }, ingest.articles);
  const t2 = performance.now();
  await store.close();
  if (ingest.articles.length !== articles) throw new Error(`sqlite stored ${ingest.articles.length} of ${articles} articles`);
  return { seconds: (t2 - t0) / 1000, ingestSeconds: (t1 - t0) / 1000, timings: { analyze: t2 - t1 }, stories: report.stories.length };
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
    const t0 = performance.now();
    const ingest = await ingestPaths({ store, ctx: createContext() }, [file]);
    await sendIngestJobs(boss, ingest.articles.map((a) => a.id));
    const t1 = performance.now();
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
    const stored = (await store.listStories({ limit: 500 })).items.length;
    if ((await store.countArticles()) !== articles) throw new Error('postgres lost or duplicated articles');
    return { seconds: (t2 - t0) / 1000, ingestSeconds: (t1 - t0) / 1000, timings, stories: stored };
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
      `${label}: ingest (read + store + queue) ${r.ingestSeconds.toFixed(1)} s; stage time in the workers: per-article ${share(r, 'cpu:ingest', workers)}, story assignment passes ${share(r, 'cpu:assign', workers)}, per-story analysis ${share(r, 'cpu:analyze', workers)}; ${r.stories} stories`;
    const sqliteNote = `sqlite: ingest ${sqlite.ingestSeconds.toFixed(1)} s, analysis ${((sqlite.timings.analyze ?? 0) / 1000).toFixed(1)} s; ${sqlite.stories} stories`;
    return {
      bench: 'scale',
      data: null,
      metrics: {
        articlesPerSecond1Worker: rate(one),
        articlesPerSecond2Workers: rate(two),
        speedup2Workers: one.seconds / two.seconds,
        ratio2WorkersToSqlite: sqlite.seconds / two.seconds,
        articles: n,
      },
      baseline: { name: 'SQLite, one process (ingest + analyze)', metrics: { articlesPerSecond1Worker: rate(sqlite), articlesPerSecond2Workers: rate(sqlite), articles: n } },
      notes: [
        sqliteNote,
        where('postgres 1 worker', one, 1),
        where('postgres 2 workers', two, 2),
        `(shares are of wall time x workers; the rest is queue polling and deferral, database round trips, and time the machine's other load took)`,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await db.dropAll();
  }
}
