import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ParallaxError } from '../../core/errors.js';
import { storeContract } from '../store.contract.js';
import { ftsQuery, retryWhileBusy, SqliteStore } from './sqlite-store.js';
import { makeArticle } from '../../../test/helpers/make-article.js';

storeContract('sqlite :memory:', async () => SqliteStore.open(':memory:'));

const dir = mkdtempSync(join(tmpdir(), 'parallax-store-'));
let n = 0;
storeContract('sqlite file', async () => SqliteStore.open(join(dir, `db${n++}.db`)));

test('a reopened database keeps what was stored and does not re-run migrations', async () => {
  const path = join(dir, 'reopen.db');
  const a = makeArticle('Persisted text.');
  const s1 = SqliteStore.open(path);
  await s1.putArticles([a]);
  await s1.close();
  const s2 = SqliteStore.open(path);
  assert.deepEqual(await s2.getArticle(a.id), a);
  await s2.close();
});

test('a file that is not a database gives a PX error naming the path', () => {
  const path = join(dir, 'not-a-db.db');
  writeFileSync(path, 'this is not sqlite '.repeat(100));
  assert.throws(() => SqliteStore.open(path), (err: Error) => /PX20[01].*not-a-db\.db/.test(err.message));
});

test('fts queries quote every term', () => {
  assert.equal(ftsQuery('ferry AND "fire" (NEAR'), '"ferry" "AND" "fire" "NEAR"');
});

process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

test('a writer waits for another connection\'s write lock, and a lock that outlasts the wait is PX202', async () => {
  const path = join(dir, 'locked.db');
  const store = SqliteStore.open(path, { busyTimeoutMs: 150 });
  const other = SqliteStore.open(path, { busyTimeoutMs: 150 });
  const holder = new Database(path);
  try {
    holder.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    await assert.rejects(store.putArticles([makeArticle('Blocked text.')]), (err: unknown) => err instanceof ParallaxError && err.code === 'PX202' && /stayed locked by another process for 150 ms/.test(err.message));
    assert.ok(Date.now() - started >= 100, 'it waited before giving up');
    holder.exec('ROLLBACK');
    // released: the write goes through, and a read-then-write from a second connection does not fail on a lock upgrade
    const [r] = await store.putArticles([makeArticle('Unblocked text.')]);
    assert.equal(r?.inserted, true);
    const [again] = await other.putArticles([makeArticle('Unblocked text.')]);
    assert.equal(again?.inserted, false);
  } finally {
    holder.close();
    await store.close();
    await other.close();
  }
});

test('busy answers are tried again until the wait is over; other errors and success are not', () => {
  let now = 0;
  const clock = { now: () => now, sleep: (ms: number) => void (now += ms) };
  const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
  let calls = 0;
  assert.equal(retryWhileBusy(1000, () => (++calls < 4 ? (() => { throw busy; })() : 'done'), clock), 'done');
  assert.equal(calls, 4);
  now = 0;
  calls = 0;
  assert.throws(() => retryWhileBusy(250, () => { calls++; throw busy; }, clock), /database is locked/);
  assert.ok(now >= 250 && now < 350, `gave up once 250 ms had passed, not before (waited ${now})`);
  calls = 0;
  assert.throws(() => retryWhileBusy(1000, () => { calls++; throw new Error('disk I/O error'); }, clock), /disk I\/O/);
  assert.equal(calls, 1);
});

test('regression: opening a database another process is writing waits for it, though SQLite answers busy at once there', async () => {
  // Two CLIs starting on one new file: one switches it to WAL while the other holds its write lock. SQLite refuses
  // that switch at once (waiting could deadlock), and the store used to report PX202 "locked for 30000 ms" after 2 ms.
  const path = join(dir, 'being-written.db');
  const setup = new Database(path);
  setup.exec('CREATE TABLE t (x)');
  setup.close();
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const script = `const D = require(${JSON.stringify(driver)}); const d = new D(${JSON.stringify(path)});
d.exec('BEGIN IMMEDIATE'); d.exec('INSERT INTO t VALUES (1)'); console.log('held');
setTimeout(() => { d.exec('COMMIT'); d.close(); }, 500);`;
  const holder = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => holder.once('exit', resolve));
  try {
    await new Promise<void>((resolve, reject) => {
      holder.stdout.once('data', () => resolve());
      holder.once('exit', (code) => reject(new Error(`lock holder exited ${code} before taking the lock`)));
    });
    const store = SqliteStore.open(path, { busyTimeoutMs: 60_000 });
    try {
      const [r] = await store.putArticles([makeArticle('Written after the other process.')]);
      assert.equal(r?.inserted, true);
    } finally {
      await store.close();
    }
  } finally {
    holder.kill();
    await exited;
  }
});
