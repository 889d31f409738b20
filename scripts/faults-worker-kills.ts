// Crash safety of `parallax worker`: SIGKILLs worker processes at random points of the ingest, assignment and story-analysis jobs, then restarts them and checks the uninterrupted result.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { corpusJsonl, generateCorpus } from '../bench/scale-corpus.js';
import { createContext } from '../src/core/context.js';
import { ingestPaths } from '../src/service/ingest-paths.js';
import { PostgresStore } from '../src/store/postgres/postgres-store.js';
import { PostgresWorkState } from '../src/store/postgres/work-state.js';
import { sendIngestJobs } from '../src/worker/enqueue-ingest.js';
import { openQueue } from '../src/worker/job-queue.js';
import { startWorker, type WorkerExit, type WorkerProcess } from '../src/worker/worker-process.js';
import { contentHashOf, sleep } from './faults-kit.js';
import { mulberry32 } from './seeded-random.js';

/** A PostgreSQL server and a fresh schema per use (see src/store/postgres/test-database.ts). */
export interface PgSchemas {
  readonly url: string;
  freshSchema(): string;
  urlFor(schema: string): string;
}

export interface WorkerKillOptions {
  readonly db: PgSchemas;
  readonly rounds: number;
  /** Workers SIGKILLed one after another in each round, before the last one runs to the end. */
  readonly killsPerRound: number;
  /** Generated stories of 5 articles each. */
  readonly stories: number;
  /** Seconds before a job a dead worker held is retried (short, so a round does not wait 15 minutes). */
  readonly jobTimeoutSeconds?: number;
  readonly seed?: number;
  readonly log?: (line: string) => void;
}

export interface WorkerKillResult {
  readonly rounds: number;
  readonly articles: number;
  /** SIGKILLs that landed on a running worker. */
  readonly kills: number;
  /** Kills while some articles still waited for their per-article stages. */
  readonly killsDuringArticleJobs: number;
  /** Kills once every article was analyzed (story assignment and per-story analysis). */
  readonly killsDuringStoryJobs: number;
  /** Stored articles, or analyzed marks, seen at one check and missing at a later one. */
  readonly lost: number;
  /** Article rows beyond one per content hash, and articles in more than one story. */
  readonly duplicates: number;
  /** Articles whose hash does not match their content, or marked analyzed with layers unlike the uninterrupted run's. */
  readonly corrupt: number;
  /** Rounds whose restarted workers did not reach the uninterrupted run's articles, stories and story rows. */
  readonly resumeFailures: number;
  readonly problems: readonly string[];
}

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

interface Snapshot {
  readonly rows: number;
  readonly hashes: ReadonlySet<string>;
  readonly corruptContent: number;
  /** Analyzed article id -> hash of the whole stored article (layers included). */
  readonly analyzed: ReadonlyMap<string, string>;
  /** Articles in more than one assigned story. */
  readonly multiplyAssigned: number;
  /** Each assigned story as its sorted members, with the hash of its story row's report (story ids masked), sorted. */
  readonly stories: readonly string[];
  readonly problems: readonly string[];
}

async function snapshot(store: PostgresStore): Promise<Snapshot> {
  const work = new PostgresWorkState(store);
  const articles = await store.listArticles();
  const marked = new Set(await work.analyzedIds());
  const hashes = new Set<string>();
  const analyzed = new Map<string, string>();
  let corruptContent = 0;
  for (const a of articles) {
    if (a.contentHash !== contentHashOf(a) || a.id !== `a${a.contentHash.slice(0, 12)}`) corruptContent++;
    hashes.add(a.contentHash);
    if (marked.has(a.id)) analyzed.set(a.id, sha(JSON.stringify(a)));
  }
  const problems: string[] = [];
  const assigned = await work.stories();
  const seen = new Set<string>();
  let multiplyAssigned = 0;
  const stories: string[] = [];
  for (const s of assigned) {
    for (const a of s.articleIds) seen.has(a) ? multiplyAssigned++ : seen.add(a);
    const row = await store.getStory(s.id);
    // Story ids come from a sequence a rolled-back assignment still advanced, so they differ between runs: masked.
    const report = row ? sha(JSON.stringify(row.report).replace(new RegExp(`\\b${s.id}\\b`, 'g'), '<story>')) : 'no row';
    stories.push(`${[...s.articleIds].sort().join(',')} ${report}`);
  }
  const rows = (await store.listStories({ limit: 500 })).items.length;
  if (rows !== assigned.length) problems.push(`${rows} story rows for ${assigned.length} assigned stories`);
  return { rows: articles.length, hashes, corruptContent, analyzed, multiplyAssigned, stories: stories.sort(), problems };
}

/** One schema with the corpus stored and its ingest jobs queued, as `parallax ingest --enqueue` leaves it. */
async function prepare(db: PgSchemas, corpus: string, jobTimeoutSeconds: number): Promise<{ url: string; store: PostgresStore; close: () => Promise<void> }> {
  const schema = db.freshSchema();
  const store = await PostgresStore.open(db.url, { schema });
  const url = db.urlFor(schema);
  // The first opener creates the queues, with this job timeout.
  const boss = await openQueue(url, store, { jobTimeoutSeconds });
  const ingest = await ingestPaths({ store, ctx: createContext() }, [corpus]);
  await sendIngestJobs(boss, store, ingest.articles.map((a) => a.id));
  await boss.stop({ graceful: false, wait: true });
  return { url, store, close: () => store.close() };
}

/** A worker that exits once the queues stay empty (2 s), its timed-out jobs included. */
function worker(url: string, jobTimeoutSeconds: number): WorkerProcess {
  return startWorker(url, { untilIdle: true, idleSeconds: 2, jobTimeoutSeconds });
}

function failed(run: WorkerExit): string {
  return `exit ${run.code}${run.signal ? ` (${run.signal})` : ''}: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`;
}

export async function workerKillTrial(options: WorkerKillOptions): Promise<WorkerKillResult> {
  const log = options.log ?? (() => undefined);
  const rand = mulberry32(options.seed ?? 4242);
  const timeout = options.jobTimeoutSeconds ?? 4;
  const dir = mkdtempSync(path.join(tmpdir(), 'parallax-worker-kill-'));
  const problems: string[] = [];
  const tally = { kills: 0, killsDuringArticleJobs: 0, killsDuringStoryJobs: 0, lost: 0, duplicates: 0, corrupt: 0, resumeFailures: 0 };
  try {
    const corpus = path.join(dir, 'corpus.jsonl');
    writeFileSync(corpus, corpusJsonl(generateCorpus({ stories: options.stories, perStory: 5, seed: options.seed ?? 4242 })));

    // The uninterrupted run: one worker from the queued jobs to idle.
    const ref = await prepare(options.db, corpus, timeout);
    let reference: Snapshot;
    let workMs: number;
    try {
      const w = worker(ref.url, timeout);
      await w.ready;
      const t0 = performance.now();
      const run = await w.done;
      workMs = performance.now() - t0;
      if (run.code !== 0) throw new Error(`the uninterrupted worker failed: ${failed(run)}`);
      reference = await snapshot(ref.store);
    } finally {
      await ref.close();
    }
    const articles = reference.hashes.size;
    if (reference.analyzed.size !== articles || reference.problems.length) throw new Error(`the uninterrupted run is incomplete: ${reference.problems.join('; ')}`);
    log(`worker kills: ${articles} articles, ${reference.stories.length} stories; uninterrupted worker ${(workMs / 1000).toFixed(1)} s after ready`);

    for (let round = 1; round <= options.rounds; round++) {
      const db = await prepare(options.db, corpus, timeout);
      try {
        const ackArticles = new Set<string>();
        const ackAnalyzed = new Set<string>();
        const check = async (phase: string): Promise<Snapshot> => {
          const s = await snapshot(db.store);
          const lostArticles = [...ackArticles].filter((h) => !s.hashes.has(h)).length;
          const lostMarks = [...ackAnalyzed].filter((id) => !s.analyzed.has(id)).length;
          // A marked article must hold exactly the layers the uninterrupted run gave it: never a half-written one.
          const damaged = [...s.analyzed].filter(([id, h]) => reference.analyzed.get(id) !== h).length;
          const dup = s.rows - s.hashes.size + s.multiplyAssigned;
          const bad = damaged + s.corruptContent + [...s.hashes].filter((h) => !reference.hashes.has(h)).length;
          tally.lost += lostArticles + lostMarks;
          tally.duplicates += dup;
          tally.corrupt += bad;
          if (lostArticles || lostMarks || dup || bad) problems.push(`worker round ${round} ${phase}: ${lostArticles} articles and ${lostMarks} analyzed marks lost, ${dup} duplicated, ${bad} damaged`);
          for (const h of s.hashes) ackArticles.add(h);
          for (const id of s.analyzed.keys()) ackAnalyzed.add(id);
          return s;
        };
        await check('stored');
        const notes: string[] = [];
        for (let k = 1; k <= options.killsPerRound; k++) {
          const w = worker(db.url, timeout);
          await w.ready;
          // Half the kills wait for a random share of the articles to be analyzed (so they land among the per-article
          // jobs whatever the machine's speed); the rest come at a random time, often in assignment or story analysis.
          const target = rand() < 0.5 ? 1 + Math.floor(rand() * (articles - 1)) : 0;
          const delay = Math.round(rand() * workMs);
          const started = performance.now();
          const work = new PostgresWorkState(db.store);
          while (!w.exited()) {
            if (target ? (await work.analyzedIds()).length >= target : performance.now() - started >= delay) break;
            await sleep(target ? 25 : Math.min(50, delay));
          }
          const analyzedAtKill = (await work.analyzedIds()).length;
          const killed = !w.exited() && w.child.kill('SIGKILL');
          const run = await w.done;
          if (killed && run.signal === 'SIGKILL') {
            tally.kills++;
            analyzedAtKill < articles ? tally.killsDuringArticleJobs++ : tally.killsDuringStoryJobs++;
            notes.push(`killed with ${analyzedAtKill}/${articles} analyzed`);
          } else {
            notes.push(run.code === 0 ? 'finished before the kill' : `failed: ${failed(run)}`);
            if (run.code !== 0) problems.push(`worker round ${round} run ${k}: ${failed(run)}`);
          }
          await check(`kill ${k}`);
        }
        // Restarted: two workers run to the end and must give what the uninterrupted worker gave.
        const resumed = [worker(db.url, timeout), worker(db.url, timeout)];
        const runs = await Promise.all(resumed.map((w) => w.done));
        const final = await check('resumed');
        const same = final.analyzed.size === articles && final.stories.join('\n') === reference.stories.join('\n') && !final.problems.length;
        if (runs.some((r) => r.code !== 0) || !same) {
          tally.resumeFailures++;
          const differ = final.stories.filter((s) => !reference.stories.includes(s)).length;
          problems.push(
            `worker round ${round} resume: exits ${runs.map((r) => r.code).join(', ')}; ${final.analyzed.size}/${articles} analyzed; ${differ} of ${final.stories.length} stories differ from the uninterrupted run; ${final.problems.join('; ')}${runs.some((r) => r.code !== 0) ? ` ${runs.map(failed).join(' / ')}` : ''}`,
          );
        }
        log(`worker round ${round}: ${notes.join(', ')}; restarted workers ${same ? 'reached the uninterrupted result' : 'FAILED'}`);
      } finally {
        await db.close();
      }
    }
    return { rounds: options.rounds, articles, ...tally, problems };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
