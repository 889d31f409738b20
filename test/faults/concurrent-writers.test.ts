// Two real CLI processes ingest (or analyze) into one SQLite database at once; a database that stays locked exits 3 with a clear message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { concurrentAnalyses, concurrentWriters } from '../../scripts/faults-writers.js';
import { generateDocs, runCli, writeDocs } from '../../scripts/faults-kit.js';

test('two CLIs ingesting into one --db at once both finish with every article stored, three rounds', async () => {
  const result = await concurrentWriters({ rounds: 3, articles: 150 });
  for (const r of result.rounds) assert.ok(r.ok, `round ${r.round}: stored ${r.stored} of ${r.expected}, inserted ${r.insertedTotal}\n${r.detail}`);
  assert.equal(result.failures, 0);
});

test('two CLIs analyzing one --db at once both finish, and the stories are those of the two runs one after the other', async () => {
  const result = await concurrentAnalyses({ rounds: 1, articles: 45 });
  for (const r of result.rounds) assert.ok(r.ok, `round ${r.round}: ${r.detail}`);
  assert.equal(result.failures, 0);
});

test('a database that stays locked gets a clear message and exit code 3, no stack trace', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'parallax-locked-'));
  try {
    const docs = writeDocs(path.join(dir, 'in'), generateDocs(3, 5, 'l'));
    const db = path.join(dir, 'locked.db');
    const first = await runCli(['ingest', docs, '--db', db]);
    assert.equal(first.code, 0, first.stderr);
    const holder = new Database(db);
    holder.pragma('journal_mode = WAL');
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const more = writeDocs(path.join(dir, 'more'), generateDocs(2, 6, 'm'));
      const blocked = await runCli(['ingest', more, '--db', db], { PARALLAX_BUSY_TIMEOUT_MS: '300' });
      assert.equal(blocked.code, 3, blocked.stderr);
      assert.match(blocked.stderr, /PX202: database .*locked\.db stayed locked by another process for 300 ms/);
      assert.doesNotMatch(blocked.stderr, /\n\s+at /, 'no stack trace');
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
