import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTexts } from '../helpers/corpus.js';
import { BUDGET_VOTE } from './planted.js';
import { loadStory, scoreStory } from './score.js';
import { assertCitedAndExplained } from './story-invariants.js';

const corpus = analyzeTexts(loadStory('budget-vote'));
const score = scoreStory(corpus, BUDGET_VOTE);

test('budget-vote: every planted conflict is found with its kind', () => {
  assert.deepEqual(score.missedConflicts, []);
});

test('budget-vote: no conflict is reported that was not planted', () => {
  assert.deepEqual(score.falseConflicts, []);
});

test('budget-vote: planted claims get their status (corroborated, single-source, disputed, evolving)', () => {
  assert.deepEqual(
    score.statuses.filter((s) => s.gold !== s.predicted),
    [],
  );
});

test('budget-vote: conflicts cite both passages and the brief cites every sentence', () => {
  assertCitedAndExplained(corpus);
});
