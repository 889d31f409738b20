import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ParallaxError } from '../../core/errors.js';
import { storeContract } from '../store.contract.js';
import { ftsQuery, SqliteStore } from './sqlite-store.js';
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
