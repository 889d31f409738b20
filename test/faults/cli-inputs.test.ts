// The CLI over hostile file-system inputs: /dev/zero and FIFOs refused at once with a message, caps settable by flag.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateDocs, runCli, writeDocs } from '../../scripts/faults-kit.js';

test('ingest /dev/zero good.txt refuses the device at once and stores the good file; a FIFO never blocks', async (t) => {
  if (!existsSync('/dev/zero')) return t.skip('no /dev/zero on this system');
  const dir = mkdtempSync(path.join(tmpdir(), 'parallax-devices-'));
  try {
    const good = path.join(writeDocs(path.join(dir, 'in'), generateDocs(1, 3, 'dev')), 'dev-0000.txt');
    const fifo = path.join(dir, 'pipe.txt');
    const inputs = ['/dev/zero', good];
    if (spawnSync('mkfifo', [fifo]).status === 0) inputs.push(fifo);
    const run = await runCli(['ingest', ...inputs, '--db', path.join(dir, 'd.db')]);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /\/dev\/zero: a character device, not a regular file; refused/);
    if (inputs.length === 3) assert.match(run.stderr, /pipe\.txt: a named pipe \(FIFO\), not a regular file; refused/);
    assert.match(run.stderr, /ingested 1 new, 0 already stored, \d failed/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--max-file-bytes sets the cap the message names; a bad size is a usage error', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'parallax-caps-'));
  try {
    const file = path.join(dir, 'big.txt');
    writeFileSync(file, `date 2026-03-01 Orrin Quays\nNotice\n\n${'The Orrin harbour office said on Monday that repairs continued. '.repeat(40)}`);
    const capped = await runCli(['ingest', file, '--db', path.join(dir, 'c.db'), '--max-file-bytes', '1K']);
    assert.equal(capped.code, 1, capped.stderr);
    assert.match(capped.stderr, /more than 1024 bytes, over the size cap of 1024 bytes; raise it with --max-file-bytes/);
    const raised = await runCli(['ingest', file, '--db', path.join(dir, 'c.db'), '--max-file-bytes', '64K']);
    assert.equal(raised.code, 0, raised.stderr);
    const bad = await runCli(['ingest', file, '--db', path.join(dir, 'c.db'), '--max-file-bytes', 'lots']);
    assert.equal(bad.code, 2, bad.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
