// Hostile titles, outlets and file names through the real CLI: no control character reaches stderr, stdout or the Markdown raw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../scripts/faults-kit.js';

const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e]/;

test('a file name cannot forge an error line, and escape sequences in titles, outlets and names never reach the terminal or the Markdown', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'parallax-hygiene-'));
  try {
    const inputs = path.join(dir, 'in');
    mkdirSync(inputs);
    writeFileSync(path.join(inputs, 'empty.txt\nerror: forged line.txt'), '');
    writeFileSync(path.join(inputs, 'bell\x07\x1b]0;title\x07.txt'), '');
    writeFileSync(
      path.join(inputs, 'a.txt'),
      'date 2026-03-04 Orrin\x1b[31m Evening\rPost\nQuay\x1b[2J fire\rspreads | to | the | depot\n\nOrrin officials said on Monday that the quay fire\r had spread to the depot, according to the harbour office.\u2028Crews stayed overnight.\n',
    );
    writeFileSync(
      path.join(inputs, 'b.jsonl'),
      `${JSON.stringify({ title: 'Depot\u202E fire\r\nerror: forged', outlet: 'Valmere\x9b31m Courier', text: 'Valmere crews said on Monday that the depot fire at the Orrin quay was under control, the harbour office said.' })}\n`,
    );
    const db = path.join(dir, 'h.db');
    const run = await runCli(['analyze', inputs, '--db', db, '--format', 'md', '--full']);
    assert.equal(run.code, 1, run.stderr);
    assert.doesNotMatch(run.stderr, RAW_CONTROL);
    assert.doesNotMatch(run.stdout, RAW_CONTROL);
    assert.ok(!run.stderr.split('\n').some((l) => l.startsWith('error: forged')), run.stderr);
    assert.match(run.stderr, /empty\.txt␊error: forged line\.txt/);
    // every row of the articles table has its 7 cell borders, whatever the titles held
    const rows = run.stdout.split('\n').filter((l) => /^\| a[0-9a-f]{12} \|/.test(l));
    assert.equal(rows.length, 2, run.stdout);
    for (const r of rows) assert.equal(r.split(/(?<!\\)\|/).length - 1, 7, r);
    for (const cmd of [['stories'], ['search', 'depot'], ['stories', '--json'], ['search', 'depot', '--json']]) {
      const out = await runCli([...cmd, '--db', db]);
      assert.equal(out.code, 0, out.stderr);
      assert.doesNotMatch(out.stdout + out.stderr, RAW_CONTROL, cmd.join(' '));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a usage error quoting a hostile argument shows its control characters as symbols', async () => {
  const run = await runCli(['ingest', '--bad\x1b[2J\rerror: forged']);
  assert.equal(run.code, 2);
  assert.doesNotMatch(run.stderr, RAW_CONTROL);
  assert.match(run.stderr, /--bad␛\[2J␍error: forged/);
});
