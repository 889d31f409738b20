// The SQLite analysis lease: a second analysis waits for the first, and a lease whose process died is taken over.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { tempDir } from '../../../test/helpers/temp-dir.js';
import { leaseAbandoned, LEASE_STALE_MS, SqliteStore } from './sqlite-store.js';

test('a second analysis of one SQLite file waits until the first ends, and is told who holds it', async () => {
  const file = join(tempDir('parallax-lease-'), 'lease.db');
  const [a, b] = [SqliteStore.open(file), SqliteStore.open(file)];
  try {
    const order: string[] = [];
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = a.exclusiveAnalysis(async () => {
      order.push('a start');
      await held;
      order.push('a end');
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const waits: string[] = [];
    const second = b.exclusiveAnalysis(async () => void order.push('b'), (holder) => waits.push(holder));
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.deepEqual(order, ['a start']);
    assert.deepEqual(waits, [`process ${process.pid} on ${hostname()}`]);
    release();
    await Promise.all([first, second]);
    assert.deepEqual(order, ['a start', 'a end', 'b']);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});

test('a lease left by a process that died (or stopped renewing it) is taken over at once', async () => {
  const file = join(tempDir('parallax-lease-'), 'dead.db');
  const store = SqliteStore.open(file);
  try {
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
    const raw = new Database(file);
    raw.prepare('INSERT INTO analysis_lease (one, holder, host, pid, beat) VALUES (1, ?, ?, ?, ?)').run('gone', hostname(), dead, Date.now());
    raw.close();
    const waits: string[] = [];
    assert.equal(await store.exclusiveAnalysis(async () => 'ran', (h) => waits.push(h)), 'ran');
    assert.deepEqual(waits, []);
    const now = Date.now();
    assert.equal(leaseAbandoned({ holder: 'x', host: hostname(), pid: process.pid, beat: now }, now), false);
    assert.equal(leaseAbandoned({ holder: 'x', host: 'another-machine', pid: 1, beat: now }, now), false);
    assert.equal(leaseAbandoned({ holder: 'x', host: 'another-machine', pid: 1, beat: now - LEASE_STALE_MS - 1 }, now), true);
  } finally {
    await store.close();
  }
});
