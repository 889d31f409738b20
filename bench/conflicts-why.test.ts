// Tests for the reason classes of missed number discrepancies (conflicts-why bench).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reasonClass } from './conflicts-why.js';

test('a verdict line is classed by its reason, not by the figures it names', () => {
  assert.equal(reasonClass('12 shops / 30 shops -- key: noun modifiers'), 'paired, keys differ');
  assert.equal(reasonClass('about 50 / 70 -- compatible: intervals overlap'), 'paired, judged compatible');
  assert.equal(reasonClass('past state'), 'paired, an update');
  assert.equal(reasonClass('update: a running total reported at different times'), 'paired, an update');
  assert.equal(reasonClass('no shared figure frame'), 'paired, kept apart by the claim pass');
  assert.equal(reasonClass('the 5 key: figures / 6 -- ambiguous in its clause or a conversion'), 'paired, keys differ');
});
