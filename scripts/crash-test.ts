// Crash safety: SIGKILLs `parallax ingest` and `parallax analyze` at random points and checks nothing committed is lost or duplicated, and that a rerun resumes.
//
//   npx tsx scripts/crash-test.ts [--db TEMPLATE] [--rounds N] [--articles N] [--seed N]
//   npx tsx scripts/crash-test.ts --workers [--pg URL] [--rounds N] [--kills N] [--stories N] [--seed N]
//
// --workers SIGKILLs `parallax worker` processes instead (scripts/faults-worker-kills.ts; PostgreSQL from --pg or
// PARALLAX_TEST_PG).
// --db is a database location for `parallax --db`; "{round}" in it is replaced by the round number (the default is a
// fresh SQLite file per round in a temporary folder). A location without "{round}" is reused by every round and
// must start empty. Runs locally only: it starts the CLI as child processes on this machine.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readInputs, toArticle } from '../src/ingest/index.js';
import { LATEST, openStore, reportSchema } from '../src/service/index.js';
import { TEST_PG_ENV, testDatabase } from '../src/store/postgres/test-database.js';
import { workerKillTrial } from './faults-worker-kills.js';
import { contentHashOf, generateDocs, runCli, sleep, startCli, writeDocs } from './faults-kit.js';
import { mulberry32 } from './seeded-random.js';

export interface CrashOptions {
  readonly db?: string;
  /** The database of a round (wins over `db`): e.g. a fresh PostgreSQL schema per round. */
  readonly dbFor?: (round: number) => string;
  readonly rounds: number;
  readonly articles: number;
  readonly seed?: number;
  readonly log?: (line: string) => void;
}

export interface CrashResult {
  /** SIGKILLs that landed while the process was still running, per command. */
  readonly ingestKills: number;
  readonly analyzeKills: number;
  /** Ingest kills that left some but not all articles stored (mid-write). */
  readonly ingestKillsMidway: number;
  /** Articles seen stored (committed) at one check and missing at a later one, or missing after a completed rerun. */
  readonly lost: number;
  /** Rows beyond one per content hash. */
  readonly duplicates: number;
  /** Stored articles whose content hash does not match their content, or that are not in the corpus. */
  readonly corrupt: number;
  /** Reruns after a kill that did not complete with everything stored and the reference report. */
  readonly resumeFailures: number;
  readonly rounds: number;
  readonly problems: readonly string[];
}

interface Check {
  readonly stored: Set<string>;
  readonly rows: number;
  readonly duplicates: number;
  readonly corrupt: number;
}

async function inspect(db: string, expected: ReadonlySet<string>): Promise<Check & { reportOk: boolean | null }> {
  const store = await openStore(db);
  try {
    const articles = await store.listArticles();
    const hashes = new Set<string>();
    let corrupt = 0;
    for (const a of articles) {
      if (a.contentHash !== contentHashOf(a) || a.id !== `a${a.contentHash.slice(0, 12)}` || !expected.has(a.contentHash)) corrupt++;
      hashes.add(a.contentHash);
    }
    let reportOk: boolean | null = null;
    try {
      const saved = await store.loadReport(LATEST);
      if (saved) reportOk = reportSchema.safeParse(saved).success;
    } catch {
      reportOk = false;
    }
    return { stored: hashes, rows: articles.length, duplicates: articles.length - hashes.size, corrupt, reportOk };
  } finally {
    await store.close();
  }
}

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

export async function crashTest(options: CrashOptions): Promise<CrashResult> {
  const log = options.log ?? (() => undefined);
  const rand = mulberry32(options.seed ?? 20260);
  const work = mkdtempSync(path.join(tmpdir(), 'parallax-crash-'));
  const problems: string[] = [];
  let ingestKills = 0;
  let analyzeKills = 0;
  let ingestKillsMidway = 0;
  let lost = 0;
  let duplicates = 0;
  let corrupt = 0;
  let resumeFailures = 0;
  try {
    const corpus = writeDocs(path.join(work, 'corpus'), generateDocs(options.articles, options.seed ?? 20260, 'crash'));
    const expected = new Set<string>();
    for await (const item of readInputs([corpus])) if (item.ok) expected.add(toArticle(item.raw).contentHash);

    // reference runs on fresh SQLite files: how long each command takes, and the report a complete run writes
    const startup = (await runCli(['--version'])).ms;
    const refIngest = await runCli(['ingest', corpus, '--db', path.join(work, 'ref-ingest.db')]);
    const refOut = path.join(work, 'ref.json');
    const refAnalyze = await runCli(['analyze', corpus, '--db', path.join(work, 'ref-analyze.db'), '--format', 'json', '--out', refOut]);
    if (refIngest.code !== 0 || refAnalyze.code !== 0) throw new Error(`reference runs failed: ${refIngest.stderr}${refAnalyze.stderr}`);
    const refReport = sha(readFileSync(refOut, 'utf8'));
    log(`corpus ${expected.size} articles; startup ${startup} ms, ingest ${refIngest.ms} ms, analyze ${refAnalyze.ms} ms`);
    // a kill lands after most of the start-up, anywhere in the work (and a little past it, so some runs finish)
    const killDelay = (total: number): number => Math.round(startup * 0.8 + rand() * Math.max(50, total * 1.05 - startup * 0.8));

    const template = options.db ?? path.join(work, 'crash-{round}.db');
    const acknowledged = new Map<string, Set<string>>();
    for (let round = 1; round <= options.rounds; round++) {
      const db = options.dbFor?.(round) ?? template.replace('{round}', String(round));
      const ack = acknowledged.get(db) ?? new Set<string>();
      acknowledged.set(db, ack);
      const tally = (phase: string, c: Check): void => {
        const missing = [...ack].filter((h) => !c.stored.has(h)).length;
        lost += missing;
        duplicates += c.duplicates;
        corrupt += c.corrupt;
        if (missing || c.duplicates || c.corrupt) problems.push(`round ${round} ${phase}: ${missing} lost, ${c.duplicates} duplicated, ${c.corrupt} corrupt`);
        for (const h of c.stored) if (expected.has(h)) ack.add(h);
      };

      // 1. ingest, killed: after a random share of the corpus is stored (so kills land between and inside batch
      // commits whatever the machine's speed), or at a random time when the share drawn is 0
      const threshold = Math.floor(rand() * expected.size);
      const watcher = await openStore(db);
      const ingest = startCli(['ingest', corpus, '--db', db]);
      try {
        if (threshold === 0) await sleep(killDelay(refIngest.ms));
        else while (ingest.child.exitCode === null && (await watcher.countArticles()) < threshold) await sleep(20);
      } finally {
        await watcher.close();
      }
      await sleep(Math.round(rand() * 150));
      const killedIngest = ingest.child.exitCode === null && ingest.child.kill('SIGKILL');
      const ran = await ingest.done;
      const afterKill = await inspect(db, expected);
      if (killedIngest && ran.signal === 'SIGKILL') {
        ingestKills++;
        if (afterKill.stored.size > 0 && afterKill.stored.size < expected.size) ingestKillsMidway++;
      }
      tally('ingest killed', afterKill);
      const before = afterKill.stored.size;

      // 2. ingest again: resumes, inserting exactly what is missing
      const resume = await runCli(['ingest', corpus, '--db', db]);
      const resumed = await inspect(db, expected);
      tally('ingest rerun', resumed);
      const inserted = Number(/ingested (\d+) new/.exec(resume.stderr)?.[1] ?? NaN);
      const missingAfter = [...expected].filter((h) => !resumed.stored.has(h)).length;
      lost += missingAfter;
      if (resume.code !== 0 || missingAfter || inserted !== expected.size - before) {
        resumeFailures++;
        problems.push(`round ${round} ingest rerun: exit ${resume.code}, inserted ${inserted} (expected ${expected.size - before}), ${missingAfter} still missing`);
      }

      // 3. analyze, killed
      const out = path.join(work, `round-${round}.json`);
      const analyze = startCli(['analyze', corpus, '--db', db, '--format', 'json', '--out', out]);
      await sleep(killDelay(refAnalyze.ms));
      const killedAnalyze = analyze.child.exitCode === null && analyze.child.kill('SIGKILL');
      const ranAnalyze = await analyze.done;
      if (killedAnalyze && ranAnalyze.signal === 'SIGKILL') analyzeKills++;
      const afterAnalyzeKill = await inspect(db, expected);
      tally('analyze killed', afterAnalyzeKill);
      if (afterAnalyzeKill.reportOk === false) {
        corrupt++;
        problems.push(`round ${round} analyze killed: the stored report is damaged`);
      }

      // 4. analyze again: completes with the same report as an uninterrupted run
      const again = await runCli(['analyze', corpus, '--db', db, '--format', 'json', '--out', out]);
      const final = await inspect(db, expected);
      tally('analyze rerun', final);
      const same = again.code === 0 && sha(readFileSync(out, 'utf8')) === refReport;
      if (!same || final.stored.size !== expected.size) {
        resumeFailures++;
        problems.push(`round ${round} analyze rerun: exit ${again.code}, report ${same ? 'identical' : 'differs from the uninterrupted run'}`);
      }
      log(`round ${round}: ingest ${killedIngest ? `killed with ${before} of ${expected.size} stored` : 'finished before the kill'}, analyze ${killedAnalyze ? 'killed' : 'finished before the kill'}; reruns ${resumeFailures ? 'FAILED' : 'ok'}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { ingestKills, analyzeKills, ingestKillsMidway, lost, duplicates, corrupt, resumeFailures, rounds: options.rounds, problems };
}

function flag(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const rounds = Number(flag(args, '--rounds') ?? 10);
  const seed = Number(flag(args, '--seed') ?? 20260);
  if (args.includes('--workers')) {
    // worker kills need PostgreSQL: --pg URL or PARALLAX_TEST_PG
    const pgUrl = flag(args, '--pg');
    if (pgUrl) process.env[TEST_PG_ENV] = pgUrl;
    const db = testDatabase();
    if ('skip' in db) throw new Error(`--workers needs PostgreSQL: pass --pg URL or set ${TEST_PG_ENV}`);
    try {
      const result = await workerKillTrial({ db, rounds, killsPerRound: Number(flag(args, '--kills') ?? 3), stories: Number(flag(args, '--stories') ?? 12), seed, log });
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      process.exitCode = result.lost || result.duplicates || result.corrupt || result.resumeFailures ? 1 : 0;
    } finally {
      await db.dropAll();
    }
  } else {
    const db = flag(args, '--db');
    const result = await crashTest({ ...(db ? { db } : {}), rounds, articles: Number(flag(args, '--articles') ?? 150), seed, log });
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    process.exitCode = result.lost || result.duplicates || result.corrupt || result.resumeFailures ? 1 : 0;
  }
}
