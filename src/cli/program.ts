// The `parallax` command line: a thin face over src/service (main.ts runs it).
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { createReadStream, createWriteStream, existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { dirname } from 'node:path';
import {
  count,
  currentStories,
  DEFAULT_ARTICLE_CHAR_BUDGET,
  storiesOf,
  storiesReport,
  updatePaths,
  writeStoriesReport,
  createContext,
  exportCorpus,
  importCorpus,
  DEFAULT_DB,
  DEFAULT_INGEST_OPTIONS,
  ingestPaths,
  listStories,
  openStore,
  parseByteSize,
  renderJson,
  renderHtml,
  loadUiBundle,
  renderMarkdown,
  searchArticles,
  type AnalyzeDeps,
  type IngestFailure,
  type Report,
  type ReportSection,
  type Store,
} from '../service/index.js';
import { PARALLAX_VERSION } from '../core/version.js';
import { ParallaxError } from '../core/errors.js';
import { terminalProgress } from './terminal-progress.js';
import { forTerminal, inertJson } from './sanitize-terminal.js';
import { isPostgresUrl } from '../store/open-store.js';
import { enqueueIngest } from '../worker/enqueue-ingest.js';
import { runWorker } from '../worker/run-worker.js';
import { addServeCommand } from './serve-command.js';
import { addWatchCommand } from './watch-command.js';

const EXIT_OK = 0;
const EXIT_SOME_FAILED = 1;
const EXIT_USAGE = 2;
/** The database stayed locked by another process past the busy timeout: retry later, nothing is wrong with the inputs. */
const EXIT_LOCKED = 3;

interface DbOption {
  readonly db?: string;
}
interface CapOptions extends DbOption {
  readonly maxFileBytes?: number;
  readonly maxRecordBytes?: number;
}
interface OutputOptions extends CapOptions {
  readonly format: 'json' | 'md' | 'html';
  readonly out?: string;
  readonly full?: boolean;
}

const dbOption = (): Option => new Option('--db <path>', `database file or postgres:// URL (default: $PARALLAX_DB or ${DEFAULT_DB})`);
const formatOption = (): Option => new Option('--format <format>', 'report format').choices(['json', 'md', 'html']).default('md');
const maxFileOption = (): Option =>
  new Option('--max-file-bytes <size>', `largest text, HTML or feed file read whole, in bytes (K, M, G suffixes; default ${DEFAULT_INGEST_OPTIONS.maxFileBytes})`).argParser(sizeArg);
const maxRecordOption = (): Option =>
  new Option('--max-record-bytes <size>', `largest JSONL line or WARC record, in bytes (K, M, G suffixes; default ${DEFAULT_INGEST_OPTIONS.maxRecordBytes})`).argParser(sizeArg);
const fullOption = (): Option => new Option('--full', 'Markdown: every line of every section (the brief shows the most important few; JSON is always complete)');

function dbPath(options: DbOption): string {
  return options.db ?? process.env.PARALLAX_DB ?? DEFAULT_DB;
}

function sizeArg(value: string): number {
  const n = parseByteSize(value);
  if (n === null) throw new InvalidArgumentError('expected a byte count such as 50000000, 64M or 1G');
  return n;
}

/** How long a write waits for another process's lock: PARALLAX_BUSY_TIMEOUT_MS, else the store's default. */
function busyTimeoutMs(): number | undefined {
  const ms = Number(process.env.PARALLAX_BUSY_TIMEOUT_MS);
  return process.env.PARALLAX_BUSY_TIMEOUT_MS && Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

async function withStore<T>(options: DbOption, fn: (store: Store) => Promise<T>): Promise<T> {
  const timeout = busyTimeoutMs();
  const store = await openStore(dbPath(options), timeout === undefined ? {} : { busyTimeoutMs: timeout });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

interface BudgetOptions extends CapOptions {
  readonly maxArticleChars?: number;
}

function deps(store: Store, options: BudgetOptions = {}): AnalyzeDeps {
  const ingestOptions = {
    ...(options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {}),
    ...(options.maxRecordBytes !== undefined ? { maxRecordBytes: options.maxRecordBytes } : {}),
  };
  // The wall clock only stamps stored failures; reports never contain it.
  return {
    store,
    ctx: createContext({ now: () => new Date() }),
    progress: terminalProgress(),
    ingestOptions,
    onAnalysisWait: (holder) => say(`waiting: another analysis of this database (${holder}) runs; this one starts when it ends`),
    ...(options.maxArticleChars !== undefined ? { charBudget: options.maxArticleChars } : {}),
  };
}

/** One stderr line; untrusted parts never reach the terminal raw (see forTerminal). */
function say(line: string): void {
  process.stderr.write(`${forTerminal(line)}\n`);
}

const maxCharsOption = (): Option =>
  new Option('--max-article-chars <n>', `analyze at most this many characters of each article; longer texts are cut with a warning (default ${DEFAULT_ARTICLE_CHAR_BUDGET})`).argParser((v) => {
    const n = Number.parseInt(v, 10);
    if (!(n > 0)) throw new ParallaxError('PX100', `--max-article-chars needs a positive whole number, not "${v}".`);
    return n;
  });

/**
 * Writes the report over these stories: JSON streams story by story (never one string for the whole report);
 * Markdown is rendered from the report assembled in memory. Returns the section counts.
 */
async function emitStories(d: AnalyzeDeps, ids: readonly string[], options: OutputOptions): Promise<Pick<Record<ReportSection, number>, 'articles' | 'stories' | 'claims'>> {
  if (options.format !== 'json') {
    const report = await storiesReport(d, ids);
    articleWarnings(report);
    writeReport(report, options);
    return { articles: report.articles.length, stories: report.stories.length, claims: report.claims.length };
  }
  let out: Writable = process.stdout;
  if (options.out) {
    mkdirSync(dirname(options.out), { recursive: true });
    out = createWriteStream(options.out);
  }
  const counts = await writeStoriesReport(d, out, ids, (section, item) => {
    if (section === 'articles') articleWarnings({ articles: [item as Report['articles'][number]] });
  });
  if (options.out) {
    out.end();
    await finished(out);
    say(`wrote ${options.out}`);
  }
  return counts;
}

function printFailures(failures: readonly IngestFailure[]): void {
  for (const f of failures) {
    for (const d of f.diagnostics) say(`${d.severity}: ${d.message}`);
  }
}

function writeReport(report: Report, options: OutputOptions): void {
  const text =
    options.format === 'json'
      ? renderJson(report)
      : options.format === 'html'
        ? renderHtml(report, loadUiBundle())
        : renderMarkdown(report, { full: options.full === true });
  if (options.out) {
    mkdirSync(dirname(options.out), { recursive: true });
    writeFileSync(options.out, text);
    say(`wrote ${options.out}`);
  } else {
    process.stdout.write(text);
  }
}

function articleWarnings(report: Pick<Report, 'articles'>): void {
  for (const a of report.articles) {
    for (const d of a.diagnostics) if (d.severity !== 'info') say(`${d.severity}: ${a.source.path ?? a.source.url ?? a.id}: ${d.message}`);
  }
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('parallax')
    .description('Cross-check many outlets\' articles about the same events into one cited account.')
    .version(PARALLAX_VERSION)
    .exitOverride()
    // commander quotes the user's own arguments in its errors: each line through forTerminal too
    .configureOutput({ writeErr: (text) => process.stderr.write(text.split('\n').map(forTerminal).join('\n')) })
    .showHelpAfterError('(run parallax --help for usage)');

  program
    .command('ingest')
    .description('read articles (files, folders, globs, - for stdin) into the database')
    .argument('<paths...>')
    .addOption(dbOption())
    .addOption(maxFileOption())
    .addOption(maxRecordOption())
    .option('--enqueue', 'PostgreSQL only: queue the articles for "parallax worker" processes to analyze')
    .action(async (paths: string[], options: CapOptions & { enqueue?: boolean }) => {
      const url = dbPath(options);
      if (options.enqueue && !isPostgresUrl(url)) throw new ParallaxError('PX100', `--enqueue needs a PostgreSQL database (--db postgres://…), where the job queue lives; ${url} is a file.`);
      const summary = await withStore(options, (store) => ingestPaths(deps(store, options), paths));
      printFailures(summary.failures);
      say(`ingested ${summary.inserted} new, ${summary.alreadyStored} already stored, ${summary.failures.length} failed`);
      if (options.enqueue) {
        const jobs = await enqueueIngest(url, summary.articles.map((a) => a.id));
        say(`queued ${count(summary.articles.length, 'article')} in ${count(jobs, 'job')} for "parallax worker"`);
      }
      process.exitCode = summary.failures.length ? EXIT_SOME_FAILED : EXIT_OK;
    });

  program
    .command('analyze')
    .description('ingest the inputs, run every stage and write the cross-checked report')
    .argument('<paths...>')
    .addOption(dbOption())
    .addOption(formatOption())
    .addOption(fullOption())
    .addOption(maxFileOption())
    .addOption(maxRecordOption())
    .option('--out <file>', 'write the report to a file instead of stdout')
    .addOption(maxCharsOption())
    .action(async (paths: string[], options: OutputOptions & BudgetOptions) => {
      const result = await withStore(options, async (store) => {
        const d = deps(store, options);
        const { update, ingest } = await updatePaths(d, paths);
        printFailures(ingest.failures);
        return { ingest, counts: await emitStories(d, storiesOf(update), options) };
      });
      process.stderr.write(
        `${count(result.counts.articles, 'article')}, ${count(result.counts.stories, 'story', 'stories')}, ${count(result.counts.claims, 'claim')}; ${count(result.ingest.failures.length, 'input')} failed\n`,
      );
      process.exitCode = result.ingest.failures.length ? EXIT_SOME_FAILED : EXIT_OK;
    });

  program
    .command('report')
    .description('write the report over everything in the database')
    .addOption(dbOption())
    .addOption(formatOption())
    .addOption(fullOption())
    .option('--story <id>', 'only this story')
    .option('--out <file>', 'write the report to a file instead of stdout')
    .addOption(maxCharsOption())
    .action(async (options: OutputOptions & BudgetOptions & { story?: string }) => {
      await withStore(options, async (store) => {
        const d = deps(store, options);
        const ids = await currentStories(d);
        if (options.story && !ids.includes(options.story)) throw new ParallaxError('PX404', `no story ${options.story} in ${dbPath(options)}; run "parallax stories" to list them.`);
        await emitStories(d, options.story ? [options.story] : ids, options);
      });
    });

  program
    .command('search')
    .description('full-text search over stored articles')
    .argument('<query...>')
    .addOption(dbOption())
    .option('--limit <n>', 'most hits to show', (v) => Number.parseInt(v, 10), 20)
    .option('--json', 'print JSON')
    .action(async (query: string[], options: DbOption & { limit: number; json?: boolean }) => {
      const hits = await withStore(options, (store) => searchArticles(store, query.join(' '), options.limit));
      if (options.json) process.stdout.write(`${inertJson(JSON.stringify(hits, null, 2))}\n`);
      else for (const h of hits) process.stdout.write(`${forTerminal(`${h.article}  ${h.outlet ?? '?'}  ${h.title ?? ''}`)}\n    ${forTerminal(h.snippet.replace(/\s+/g, ' '))}\n`);
      if (!hits.length) process.stderr.write('no matches\n');
    });

  program
    .command('stories')
    .description('list the stories found in the database')
    .addOption(dbOption())
    .option('--json', 'print JSON')
    .action(async (options: DbOption & { json?: boolean }) => {
      const stories = await withStore(options, (store) => listStories(deps(store)));
      if (options.json) process.stdout.write(`${inertJson(JSON.stringify(stories, null, 2))}\n`);
      else
        for (const s of stories)
          process.stdout.write(`${forTerminal(`${s.id}  ${s.title}`)}\n    ${forTerminal(`${s.articles} articles from ${s.outlets.join(', ')}; ${s.claims} claims, ${s.disputed} disputed`)}\n`);
      if (!stories.length) process.stderr.write('no stories yet: run "parallax ingest PATHS" first\n');
    });

  program
    .command('worker')
    .description('take ingest and story-analysis jobs from the queue in a PostgreSQL database (run one per core or machine)')
    .addOption(dbOption())
    .option('--until-idle', 'exit once the queue is empty instead of waiting for more jobs')
    .option('--idle-seconds <seconds>', 'with --until-idle: how long the queue must stay empty', (v) => Number.parseFloat(v), 1)
    .option('--timings', 'print milliseconds per stage and job kind when done (JSON, on stderr)')
    .option('--job-timeout <seconds>', 'seconds before a job a dead worker held is retried', (v) => Number.parseInt(v, 10), 900)
    .action(async (options: DbOption & { untilIdle?: boolean; idleSeconds: number; jobTimeout: number; timings?: boolean }) => {
      const timings = options.timings ? new Map<string, number>() : undefined;
      const url = dbPath(options);
      if (!isPostgresUrl(url)) throw new ParallaxError('PX100', `workers need a PostgreSQL database (--db postgres://… or PARALLAX_DB), where the job queue lives; ${url} is a file.`);
      let stop = (): void => undefined;
      const stopped = new Promise<void>((resolve) => (stop = resolve));
      process.once('SIGTERM', stop).once('SIGINT', stop);
      let cpuAtReady = process.cpuUsage();
      const summary = await runWorker({
        url,
        ctx: createContext({ now: () => new Date(), logger: { log: (level, message) => void ((level === 'error' || level === 'warn') && say(`${level === 'warn' ? 'warning' : 'error'}: ${message}`)) } }),
        untilIdle: options.untilIdle === true,
        idleSeconds: options.idleSeconds,
        jobTimeoutSeconds: options.jobTimeout,
        stop: stopped,
        onReady: () => {
          cpuAtReady = process.cpuUsage();
          process.stderr.write('worker ready: waiting for jobs\n');
        },
        ...(timings ? { timings } : {}),
      });
      if (timings) {
        // CPU this process spent on jobs (user + system, after start-up and model loading), beside its wall time.
        const cpu = process.cpuUsage(cpuAtReady);
        timings.set('process:cpu', (cpu.user + cpu.system) / 1000);
        process.stderr.write(`worker timings: ${JSON.stringify(Object.fromEntries(timings))}\n`);
      }
      process.stderr.write(
        `worker done: ${count(summary.articlesAnalyzed, 'article')} analyzed in ${count(summary.ingestJobs, 'job')}, ${count(summary.assignments, 'story assignment')}, ${count(summary.storiesAnalyzed, 'story analysis', 'story analyses')}\n`,
      );
    });

  program
    .command('export')
    .description('write the whole corpus (articles with layers, failures, reports, stories) as NDJSON, to move it to another --db')
    .addOption(dbOption())
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (options: DbOption & { out?: string }) => {
      if (options.out) mkdirSync(dirname(options.out), { recursive: true });
      const out = options.out ? createWriteStream(options.out) : process.stdout;
      const summary = await withStore(options, (store) =>
        exportCorpus(store, async (line) => {
          if (!out.write(line)) await once(out, 'drain');
        }),
      );
      if (options.out) await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
      say(`exported ${count(summary.articles, 'article')}, ${count(summary.failures, 'failure')}, ${count(summary.reports, 'report')}, ${count(summary.stories, 'story', 'stories')}, ${count(summary.engineRows, 'engine state row')}${options.out ? ` to ${options.out}` : ''}`);
    });

  program
    .command('import')
    .description('read an NDJSON corpus written by "parallax export" into the database (idempotent)')
    .argument('<file>', 'the export, or - for stdin')
    .addOption(dbOption())
    .action(async (file: string, options: DbOption) => {
      if (file !== '-' && !existsSync(file)) throw new ParallaxError('PX101', `${file} does not exist; pass the file "parallax export --out FILE" wrote.`);
      const summary = await withStore(options, (store) => {
        const input = file === '-' ? process.stdin : createReadStream(file);
        return importCorpus(store, createInterface({ input, crlfDelay: Infinity }), file === '-' ? 'stdin' : file);
      });
      say(`imported ${summary.articles} new articles (${summary.alreadyStored} already stored), ${count(summary.failures, 'failure')}, ${count(summary.reports, 'report')}, ${count(summary.stories, 'story', 'stories')}, ${count(summary.engineRows, 'engine state row')}`);
    });
  addServeCommand(program, dbPath);
  addWatchCommand(program, dbPath);

  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? EXIT_OK : EXIT_USAGE;
    }
    if (err instanceof ParallaxError) {
      say(err.message);
      return err.code === 'PX100' ? EXIT_USAGE : err.code === 'PX202' ? EXIT_LOCKED : EXIT_SOME_FAILED;
    }
    throw err;
  }
}
