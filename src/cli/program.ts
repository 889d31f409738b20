// The `parallax` command line: a thin face over src/service (main.ts runs it).
import { Command, CommanderError, Option } from 'commander';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  analyzePaths,
  count,
  createContext,
  DEFAULT_DB,
  ingestPaths,
  listStories,
  openStore,
  renderJson,
  renderHtml,
  loadUiBundle,
  renderMarkdown,
  searchArticles,
  storedReport,
  type IngestFailure,
  type Report,
  type Store,
} from '../service/index.js';
import { PARALLAX_VERSION } from '../core/version.js';
import { ParallaxError } from '../core/errors.js';
import { terminalProgress } from './terminal-progress.js';
import { addServeCommand } from './serve-command.js';
import { addWatchCommand } from './watch-command.js';

const EXIT_OK = 0;
const EXIT_SOME_FAILED = 1;
const EXIT_USAGE = 2;

interface DbOption {
  readonly db?: string;
}
interface OutputOptions extends DbOption {
  readonly format: 'json' | 'md' | 'html';
  readonly out?: string;
  readonly full?: boolean;
}

const dbOption = (): Option => new Option('--db <path>', `database file (default: $PARALLAX_DB or ${DEFAULT_DB})`);
const formatOption = (): Option => new Option('--format <format>', 'report format').choices(['json', 'md', 'html']).default('md');
const fullOption = (): Option => new Option('--full', 'Markdown: every line of every section (the brief shows the most important few; JSON is always complete)');

function dbPath(options: DbOption): string {
  return options.db ?? process.env.PARALLAX_DB ?? DEFAULT_DB;
}

async function withStore<T>(options: DbOption, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(dbPath(options));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

function deps(store: Store) {
  // The wall clock only stamps stored failures; reports never contain it.
  return { store, ctx: createContext({ now: () => new Date() }), progress: terminalProgress() };
}

function printFailures(failures: readonly IngestFailure[]): void {
  for (const f of failures) {
    for (const d of f.diagnostics) process.stderr.write(`${d.severity}: ${d.message}\n`);
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
    process.stderr.write(`wrote ${options.out}\n`);
  } else {
    process.stdout.write(text);
  }
}

function articleWarnings(report: Report): void {
  for (const a of report.articles) {
    for (const d of a.diagnostics) if (d.severity !== 'info') process.stderr.write(`${d.severity}: ${a.source.path ?? a.source.url ?? a.id}: ${d.message}\n`);
  }
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('parallax')
    .description('Cross-check many outlets\' articles about the same events into one cited account.')
    .version(PARALLAX_VERSION)
    .exitOverride()
    .showHelpAfterError('(run parallax --help for usage)');

  program
    .command('ingest')
    .description('read articles (files, folders, globs, - for stdin) into the database')
    .argument('<paths...>')
    .addOption(dbOption())
    .action(async (paths: string[], options: DbOption) => {
      const summary = await withStore(options, (store) => ingestPaths(deps(store), paths));
      printFailures(summary.failures);
      process.stderr.write(`ingested ${summary.inserted} new, ${summary.alreadyStored} already stored, ${summary.failures.length} failed\n`);
      process.exitCode = summary.failures.length ? EXIT_SOME_FAILED : EXIT_OK;
    });

  program
    .command('analyze')
    .description('ingest the inputs, run every stage and write the cross-checked report')
    .argument('<paths...>')
    .addOption(dbOption())
    .addOption(formatOption())
    .addOption(fullOption())
    .option('--out <file>', 'write the report to a file instead of stdout')
    .action(async (paths: string[], options: OutputOptions) => {
      const result = await withStore(options, (store) => analyzePaths(deps(store), paths));
      printFailures(result.ingest.failures);
      articleWarnings(result.report);
      writeReport(result.report, options);
      process.stderr.write(
        `${count(result.report.articles.length, 'article')}, ${count(result.report.stories.length, 'story', 'stories')}, ${count(result.report.claims.length, 'claim')}; ${count(result.ingest.failures.length, 'input')} failed\n`,
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
    .action(async (options: OutputOptions & { story?: string }) => {
      const report = await withStore(options, (store) => storedReport(deps(store), options.story ? { story: options.story } : {}));
      if (!report) throw new ParallaxError('PX404', `no story ${options.story} in ${dbPath(options)}; run "parallax stories" to list them.`);
      writeReport(report, options);
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
      if (options.json) process.stdout.write(`${JSON.stringify(hits, null, 2)}\n`);
      else for (const h of hits) process.stdout.write(`${h.article}  ${h.outlet ?? '?'}  ${h.title ?? ''}\n    ${h.snippet.replace(/\s+/g, ' ')}\n`);
      if (!hits.length) process.stderr.write('no matches\n');
    });

  program
    .command('stories')
    .description('list the stories found in the database')
    .addOption(dbOption())
    .option('--json', 'print JSON')
    .action(async (options: DbOption & { json?: boolean }) => {
      const stories = await withStore(options, (store) => listStories(deps(store)));
      if (options.json) process.stdout.write(`${JSON.stringify(stories, null, 2)}\n`);
      else
        for (const s of stories)
          process.stdout.write(`${s.id}  ${s.title}\n    ${s.articles} articles from ${s.outlets.join(', ')}; ${s.claims} claims, ${s.disputed} disputed\n`);
      if (!stories.length) process.stderr.write('no stories yet: run "parallax ingest PATHS" first\n');
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
      process.stderr.write(`${err.message}\n`);
      return err.code === 'PX100' ? EXIT_USAGE : EXIT_SOME_FAILED;
    }
    throw err;
  }
}
