// Writes the one-file HTML report for a folder of articles (through the CLI, as a user would) into a temp folder.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { main } from '../../src/cli/program.js';
import type { Report } from '../../src/report/schema.js';
import { ensureUiBuilt } from './ui-build.js';

export interface HtmlReportFile {
  readonly url: string;
  readonly path: string;
  readonly report: Report;
  remove(): void;
}

/** Runs parallax commands one after another with their progress lines kept off the test output; their exit codes. */
export async function runQuietly(...commands: readonly string[][]): Promise<number[]> {
  const quiet = process.stderr.write;
  process.stderr.write = () => true;
  try {
    const codes: number[] = [];
    for (const args of commands) codes.push(await main([...args]));
    return codes;
  } finally {
    process.stderr.write = quiet;
  }
}

/** Runs `parallax analyze INPUT --format json` and `parallax report --format html [--story ID]` on one database. */
export async function htmlReportFor(input: string, story?: string): Promise<HtmlReportFile> {
  ensureUiBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'parallax-html-'));
  const db = join(dir, 'p.db');
  const json = join(dir, 'report.json');
  const path = join(dir, 'report.html');
  const [analyzed, written] = await runQuietly(
    ['analyze', input, '--db', db, '--format', 'json', '--out', json],
    ['report', '--db', db, '--format', 'html', '--out', path, ...(story ? ['--story', story] : [])],
  );
  if (analyzed !== 0 || written !== 0) throw new Error(`parallax exited ${analyzed}/${written} on ${input}`);
  return {
    url: pathToFileURL(path).href,
    path,
    report: JSON.parse(readFileSync(json, 'utf8')) as Report,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
