import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreLines, scoreStories } from './score-stories.js';

/** Quality floors over the six planted stories; raise them when the pipeline improves, never lower them silently. */
const FLOORS = { conflictPrecision: 0.9, conflictRecall: 0.85, statusAccuracy: 0.85 };

test('planted stories: conflict precision/recall and status accuracy stay above their floors', (t) => {
  const result = scoreStories();
  for (const line of scoreLines(result)) t.diagnostic(line);
  assert.ok(result.total.conflictPrecision >= FLOORS.conflictPrecision, `precision ${result.total.conflictPrecision}`);
  assert.ok(result.total.conflictRecall >= FLOORS.conflictRecall, `recall ${result.total.conflictRecall}`);
  assert.ok(result.total.statusAccuracy >= FLOORS.statusAccuracy, `status accuracy ${result.total.statusAccuracy}`);
});
