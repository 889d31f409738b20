import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTexts } from '../helpers/corpus.js';
import { WILDFIRE } from './planted.js';
import { loadStory, scoreStory } from './score.js';
import { assertCitedAndExplained } from './story-invariants.js';

const corpus = analyzeTexts(loadStory('wildfire'));
const score = scoreStory(corpus, WILDFIRE);

test('wildfire: every planted conflict is found with its kind', () => {
  assert.deepEqual(score.missedConflicts, []);
});

test('wildfire: no conflict is reported that was not planted', () => {
  assert.deepEqual(score.falseConflicts, []);
});

test('wildfire: planted claims get their status (corroborated, single-source, disputed, evolving)', () => {
  assert.deepEqual(
    score.statuses.filter((s) => s.gold !== s.predicted),
    [],
  );
});

test('wildfire: conflicts cite both passages and the brief cites every sentence', () => {
  assertCitedAndExplained(corpus);
});
