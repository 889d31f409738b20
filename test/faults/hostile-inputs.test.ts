// Every hostile input of the catalogue, each beside good neighbours, through the real ingest: no crash, no hang, no good neighbour lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostileInputs } from '../../scripts/faults-hostile.js';

test('hostile inputs for every reader never crash ingest and never cost a good neighbour', async () => {
  const result = await hostileInputs();
  assert.deepEqual(result.problems, []);
  for (const r of result.readers) {
    assert.ok(r.tried > 0, r.reader);
    assert.equal(r.crashes, 0, r.reader);
    assert.equal(r.neighboursLost, 0, r.reader);
  }
});
