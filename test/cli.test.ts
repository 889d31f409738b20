// End-to-end tests of the `parallax` command: exit codes, bad inputs, determinism, schema validity.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertReportInvariants } from './report-invariants.js';
import type { Report } from '../src/report/index.js';

const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

function parallax(args: string[], input?: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    env: { ...process.env, PARALLAX_DB: join(dir, 'env.db') },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

test('analyze examples emits a schema-valid report whose every cite slices to text, byte-identical twice', () => {
  const a = parallax(['analyze', 'examples', '--format', 'json', '--db', join(dir, 'one.db')]);
  assert.equal(a.code, 0, a.stderr);
  const b = parallax(['analyze', 'examples', '--format', 'json', '--db', join(dir, 'two.db')]);
  assert.equal(a.stdout, b.stdout, 'two runs differ');
  const report = JSON.parse(a.stdout) as Report;
  assert.equal(report.articles.length, 8);
  assertReportInvariants(report);
  // Re-analyzing into the same database is idempotent, and gives the same bytes.
  const c = parallax(['analyze', 'examples', '--format', 'json', '--db', join(dir, 'one.db')]);
  assert.equal(c.stdout, a.stdout);
});

test('bad inputs get a diagnostic naming the file; the batch goes on; exit code 1', () => {
  const bad = join(dir, 'bad');
  rmSync(bad, { recursive: true, force: true });
  spawnSync('mkdir', ['-p', bad]);
  writeFileSync(join(bad, 'empty.txt'), '');
  writeFileSync(join(bad, 'binary.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  // "Café – “quoted” text" in Windows-1252 bytes, with the text header.
  const cp1252 = Buffer.concat([
    Buffer.from('date 2026-03-11 Harbour Weekly\nCaf\xe9 owners react\n\nThe owner of the harbour caf', 'latin1'),
    Buffer.from([0xe9, 0x20, 0x96, 0x20, 0x93]),
    Buffer.from('We will reopen soon', 'latin1'),
    Buffer.from([0x94]),
    Buffer.from(' \u2013 said on Wednesday that the ferry fire had scared customers away from the quay.\n', 'latin1'),
  ]);
  writeFileSync(join(bad, 'windows-1252.txt'), cp1252);
  copyFileSync(join(root, 'examples/nordwire.txt'), join(bad, 'good.txt'));
  const r = parallax(['analyze', bad, '--format', 'json', '--db', join(dir, 'bad.db')]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /empty\.txt/);
  assert.match(r.stderr, /binary\.txt/);
  const report = JSON.parse(r.stdout) as Report;
  const paths = report.articles.map((a) => a.source.path ?? '');
  assert.ok(paths.some((p) => p.endsWith('good.txt')), 'the good file was analyzed');
  const win = report.articles.find((a) => (a.source.path ?? '').endsWith('windows-1252.txt'));
  assert.ok(win, 'the Windows-1252 file was decoded, not dropped');
  assert.match(win.text, /café – “We will reopen soon”/);
  assert.match(win.encoding ?? '', /1252/i);
  assertReportInvariants(report);
});

test('ingest is idempotent; search and stories read the database; PARALLAX_DB is honoured', () => {
  const first = parallax(['ingest', 'examples']);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stderr, /ingested 8 new/);
  const again = parallax(['ingest', 'examples/nordwire.txt']);
  assert.match(again.stderr, /ingested 0 new, 1 already stored/);
  const hits = parallax(['search', 'refrigerated', 'lorry', '--json']);
  assert.equal(hits.code, 0, hits.stderr);
  assert.ok((JSON.parse(hits.stdout) as unknown[]).length >= 1);
  const stories = parallax(['stories', '--json']);
  assert.equal(stories.code, 0, stories.stderr);
  const list = JSON.parse(stories.stdout) as { id: string; articles: number }[];
  assert.ok(list.length >= 1 && list[0]!.articles >= 6, stories.stdout);
  const md = parallax(['report', '--story', list[0]!.id, '--format', 'md']);
  assert.equal(md.code, 0, md.stderr);
  assert.match(md.stdout, /## Where accounts differ/);
});

test('stdin is read with -', () => {
  const text = readFileSync(join(root, 'examples/eastline-news.txt'), 'utf8');
  const r = parallax(['analyze', '-', '--format', 'json', '--db', join(dir, 'stdin.db')], text);
  assert.equal(r.code, 0, r.stderr);
  assert.equal((JSON.parse(r.stdout) as Report).articles.length, 1);
});

test('usage mistakes exit 2; a missing path exits 1 naming it', () => {
  assert.equal(parallax(['analyze']).code, 2);
  assert.equal(parallax(['analyze', 'examples', '--format', 'pdf']).code, 2);
  assert.equal(parallax(['frobnicate']).code, 2);
  const missing = parallax(['ingest', join(dir, 'no-such-file.txt'), '--db', join(dir, 'm.db')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /no-such-file\.txt/);
});

test('an article with a script tag is escaped in the Markdown report', () => {
  const evil = join(dir, 'evil.txt');
  writeFileSync(evil, 'date 2026-03-11 Evil Times\nHeadline <script>alert(1)</script>\n\nThe mayor said <script>alert(2)</script> nothing happened at the port on Tuesday.\n');
  const r = parallax(['analyze', evil, '--format', 'md', '--db', join(dir, 'evil.db')]);
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stdout, /<script>/);
  assert.match(r.stdout, /&lt;script>/);
});

test('the Markdown brief is capped and says where the rest is; --full on analyze and report prints every line', () => {
  const capped = parallax(['analyze', 'examples', '--db', join(dir, 'full.db')]);
  assert.equal(capped.code, 0, capped.stderr);
  assert.match(capped.stdout, /\(see --full \/ JSON\)/);
  assert.doesNotMatch(capped.stdout, /## Conflicts in detail/);
  const full = parallax(['report', '--db', join(dir, 'full.db'), '--full']);
  assert.equal(full.code, 0, full.stderr);
  assert.doesNotMatch(full.stdout, /\(see --full \/ JSON\)/);
  assert.match(full.stdout, /## Conflicts in detail/);
  assert.ok(full.stdout.length > capped.stdout.length);
  const analyzed = parallax(['analyze', 'examples', '--db', join(dir, 'full.db'), '--full']);
  assert.equal(analyzed.stdout, full.stdout);
});

test('--max-article-chars cuts a long article with a warning on stderr and in the report; a bad value is a usage error', () => {
  const long = join(dir, 'long.txt');
  writeFileSync(long, `date 2026-03-11 Harbour Weekly\nLong report\n\n${'The harbour crane was repaired on Monday after a long wait. '.repeat(60)}\n`);
  const r = parallax(['analyze', long, '--format', 'json', '--max-article-chars', '600', '--db', join(dir, 'long.db')]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /over the 600-character budget/);
  const report = JSON.parse(r.stdout) as Report;
  assert.ok(report.articles[0]!.text.length <= 600);
  assert.deepEqual(report.articles[0]!.diagnostics.map((d) => d.rule), ['article-truncated']);
  assert.equal(parallax(['analyze', long, '--max-article-chars', 'lots', '--db', join(dir, 'long.db')]).code, 2);
});
