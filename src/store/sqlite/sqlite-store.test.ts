import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
