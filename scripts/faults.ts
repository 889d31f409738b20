// `npm run faults`: runs the crash, hostile-input and concurrent-writer trials and writes their counts into README.md's fault table.
//
//   npm run faults [-- --rounds N --articles N --writer-rounds N --analysis-rounds N --no-write]
//                  [--pg URL --pg-rounds N --worker-rounds N --worker-kills N --worker-stories N]
//
// Every figure in the table comes from this run; the table sits between the faults markers in README.md. With
// PostgreSQL (--pg URL, or PARALLAX_TEST_PG) it adds CLI kills against PostgreSQL and `parallax worker` kills.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TEST_PG_ENV, testDatabase } from '../src/store/postgres/test-database.js';
import { crashTest, type CrashResult } from './crash-test.js';
import { workerKillTrial, type WorkerKillResult } from './faults-worker-kills.js';
import { ROOT } from './faults-kit.js';
import { hostileInputs, type HostileResult } from './faults-hostile.js';
import { serveLoad, type ServeLoadResult } from './faults-serve.js';
import { concurrentAnalyses, concurrentWriters, type AnalysesResult, type WritersResult } from './faults-writers.js';

const START = '<!-- faults:start (written by npm run faults) -->';
const END = '<!-- faults:end -->';

function flag(args: readonly string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/** The PostgreSQL trials: CLI kills on a fresh schema per round, and worker kills. */
export interface PostgresFaults {
  readonly crash: CrashResult;
  readonly workers: WorkerKillResult;
  readonly setup: { readonly articles: number; readonly killsPerRound: number };
}

function postgresRows(pg: PostgresFaults): string[] {
  const { crash, workers } = pg;
  return [
    `| SIGKILL during \`ingest\` (PostgreSQL, a fresh schema per round; ${pg.setup.articles} articles; ${crash.ingestKillsMidway === 1 ? "1 kill" : `${crash.ingestKillsMidway} kills`} left a partial corpus) | ${crash.ingestKills} kills | ${crash.lost} | ${crash.duplicates} | ${crash.corrupt} damaged, ${crash.resumeFailures} reruns failed |`,
    `| SIGKILL during \`analyze\` (PostgreSQL, same schemas; rerun must give the uninterrupted report) | ${crash.analyzeKills} kills | (in the row above) | (in the row above) | (in the row above) |`,
    `| SIGKILL of \`parallax worker\` (PostgreSQL; ${workers.articles} queued articles, ${pg.setup.killsPerRound} workers killed one after another per round, then two restarted workers must reach the uninterrupted run's analyzed articles, stories and story rows) | ${workers.kills} kills (${workers.killsDuringArticleJobs} during per-article jobs, ${workers.killsDuringStoryJobs} during assignment and story analysis) | ${workers.lost} | ${workers.duplicates} | ${workers.corrupt} damaged, ${workers.resumeFailures} resumes failed |`,
  ];
}

export function faultTable(
  crash: CrashResult,
  hostile: HostileResult,
  writers: WritersResult,
  analyses: AnalysesResult,
  serve: ServeLoadResult,
  setup: { rounds: number; articles: number; writerArticles: number; analysisArticles: number },
  pg?: PostgresFaults,
): string {
  const answers = [...serve.statuses].sort().map(([status, count]) => `${count}× ${status}`).join(', ');
  const lines = [
    `| trial | tried | data lost | duplicates | crashes / failures |`,
    `|---|---|---|---|---|`,
    `| SIGKILL during \`ingest\` (SQLite WAL; ${setup.articles} articles, killed after a random share was stored; ${crash.ingestKillsMidway === 1 ? "1 kill" : `${crash.ingestKillsMidway} kills`} left a partial corpus) | ${crash.ingestKills} kills | ${crash.lost} | ${crash.duplicates} | ${crash.corrupt} damaged, ${crash.resumeFailures} reruns failed |`,
    `| SIGKILL during \`analyze\` (same databases, at a random time; rerun must give the uninterrupted report) | ${crash.analyzeKills} kills | (in the row above) | (in the row above) | (in the row above) |`,
    ...(pg ? postgresRows(pg) : []),
    `| two \`ingest\` CLIs into one \`--db\` at once (${setup.writerArticles} articles, a third in common) | ${writers.tried} pairs | ${writers.rounds.reduce((n, r) => n + Math.max(0, r.expected - r.stored), 0)} | ${writers.rounds.reduce((n, r) => n + Math.max(0, r.insertedTotal - r.expected), 0)} | ${writers.failures} pairs failed |`,
    `| two \`analyze\` CLIs on one \`--db\` at once (${setup.analysisArticles} articles, a third in common; the stories must be those of the two runs one after the other, and every article in one story; ${analyses.rounds.filter((r) => r.waited).length} of ${analyses.tried} rounds overlapped and one waited) | ${analyses.tried} pairs | - | - | ${analyses.failures} pairs failed |`,
    `| \`parallax serve\` on loopback: ${serve.requests} concurrent requests (story list, story, articles, search with bad queries, missing stories, oversized posts; in-flight cap 64, body cap 64 KB) | ${serve.requests} requests | - | - | ${serve.unexpected} answers other than 200/400/404/413/429 (${answers}); server RSS ${serve.rssBeforeMb.toFixed(0)} MB at rest, peak ${serve.rssPeakMb.toFixed(0)} MB |`,
    '',
    `| reader | hostile inputs tried | crashes or hangs | good neighbours kept |`,
    `|---|---|---|---|`,
    ...hostile.readers.map((r) => `| ${r.reader} | ${r.tried} | ${r.crashes} | ${r.neighbours - r.neighboursLost} of ${r.neighbours} |`),
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const setup = { rounds: flag(args, '--rounds', 6), articles: flag(args, '--articles', 150), writerArticles: flag(args, '--writer-articles', 150), analysisArticles: flag(args, '--analysis-articles', 60) };
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  log('hostile inputs ...');
  const hostile = await hostileInputs();
  log('concurrent writers ...');
  const writers = await concurrentWriters({ rounds: flag(args, '--writer-rounds', 10), articles: setup.writerArticles });
  log('concurrent analyses ...');
  const analyses = await concurrentAnalyses({ rounds: flag(args, '--analysis-rounds', 3), articles: setup.analysisArticles });
  log('server load ...');
  const serve = await serveLoad({ requests: flag(args, '--requests', 1000) });
  log('crash trials ...');
  const crash = await crashTest({ rounds: setup.rounds, articles: setup.articles, log });
  const pgUrl = args[args.indexOf('--pg') + 1];
  if (args.includes('--pg') && pgUrl) process.env[TEST_PG_ENV] = pgUrl;
  const db = process.env[TEST_PG_ENV] ? testDatabase() : null;
  let pg: PostgresFaults | undefined;
  if (db && !('skip' in db)) {
    try {
      log('PostgreSQL crash trials ...');
      const pgCrash = await crashTest({ dbFor: () => db.urlFor(db.freshSchema()), rounds: flag(args, '--pg-rounds', 3), articles: setup.articles, seed: 31337, log });
      log('worker kill trials ...');
      const killsPerRound = flag(args, '--worker-kills', 3);
      const workers = await workerKillTrial({ db, rounds: flag(args, '--worker-rounds', 3), killsPerRound, stories: flag(args, '--worker-stories', 12), log });
      pg = { crash: pgCrash, workers, setup: { articles: setup.articles, killsPerRound } };
    } finally {
      await db.dropAll();
    }
  } else log(`PostgreSQL trials skipped: pass --pg URL or set ${TEST_PG_ENV}`);
  const table = faultTable(crash, hostile, writers, analyses, serve, setup, pg);
  process.stdout.write(`${table}\n`);
  for (const p of [...crash.problems, ...(pg ? [...pg.crash.problems, ...pg.workers.problems] : []), ...hostile.problems, ...serve.problems, ...writers.rounds.filter((r) => !r.ok).map((r) => `writers round ${r.round}: ${r.detail}`), ...analyses.rounds.filter((r) => !r.ok).map((r) => `analyses round ${r.round}: ${r.detail}`)]) log(`problem: ${p}`);
  if (!args.includes('--no-write')) {
    const readme = path.join(ROOT, 'README.md');
    const text = readFileSync(readme, 'utf8');
    const a = text.indexOf(START);
    const b = text.indexOf(END);
    if (a < 0 || b < a) throw new Error(`README.md has no ${START} ... ${END} markers`);
    writeFileSync(readme, `${text.slice(0, a + START.length)}\n${table}\n${text.slice(b)}`);
    log('wrote the fault table into README.md');
  }
  const pgBad = pg ? pg.crash.lost + pg.crash.duplicates + pg.crash.corrupt + pg.crash.resumeFailures + pg.workers.lost + pg.workers.duplicates + pg.workers.corrupt + pg.workers.resumeFailures : 0;
  const bad = pgBad + crash.lost + crash.duplicates + crash.corrupt + crash.resumeFailures + writers.failures + analyses.failures + serve.unexpected + serve.problems.length + hostile.readers.reduce((n, r) => n + r.crashes + r.neighboursLost, 0);
  process.exitCode = bad ? 1 : 0;
}

await main();
