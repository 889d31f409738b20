// A small bounded worker kill loop: SIGKILLed `parallax worker` processes lose and duplicate nothing, and restarted workers reach the uninterrupted result.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabase } from '../src/store/postgres/test-database.js';
import { workerKillTrial } from './faults-worker-kills.js';

const db = testDatabase();

test('workers killed mid-job lose nothing, duplicate nothing and resume to the uninterrupted result', { skip: 'skip' in db ? db.skip : false, timeout: 900_000 }, async () => {
  if ('skip' in db) return;
  after(() => db.dropAll());
  const result = await workerKillTrial({ db, rounds: 1, killsPerRound: 2, stories: 4, seed: 17 });
  assert.deepEqual(result.problems, []);
  assert.equal(result.articles, 20);
  assert.ok(result.kills >= 1, `at least one kill landed on a running worker (${result.kills})`);
  assert.equal(result.lost, 0);
  assert.equal(result.duplicates, 0);
  assert.equal(result.corrupt, 0);
  assert.equal(result.resumeFailures, 0);
});
