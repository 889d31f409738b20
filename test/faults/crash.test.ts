// SIGKILL during ingest and during analyze on SQLite (WAL): nothing committed is lost or duplicated, and a rerun resumes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crashTest } from '../../scripts/crash-test.js';

test('SIGKILLs during ingest and analyze lose and duplicate nothing, and reruns finish with the uninterrupted report', async () => {
  // more articles than one store batch (64), so a kill can land between batch commits
  const result = await crashTest({ rounds: 1, articles: 100, seed: 5 });
  assert.deepEqual(result.problems, []);
  assert.equal(result.ingestKills + result.analyzeKills > 0, true, 'at least one kill landed while a command ran');
  assert.equal(result.lost, 0);
  assert.equal(result.duplicates, 0);
  assert.equal(result.corrupt, 0);
  assert.equal(result.resumeFailures, 0);
});
