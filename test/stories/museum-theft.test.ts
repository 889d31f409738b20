import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTexts } from '../helpers/corpus.js';
import { MUSEUM_THEFT } from './planted.js';
import { loadStory, scoreStory } from './score.js';
import { assertCitedAndExplained } from './story-invariants.js';

const corpus = analyzeTexts(loadStory('museum-theft'));
const score = scoreStory(corpus, MUSEUM_THEFT);

test('museum-theft: every planted conflict is found with its kind', () => {
  assert.deepEqual(score.missedConflicts, []);
});

test('museum-theft: no conflict is reported that was not planted', () => {
  assert.deepEqual(score.falseConflicts, []);
});

test('museum-theft: planted claims get their status (corroborated, single-source, disputed, evolving)', () => {
  assert.deepEqual(
    score.statuses.filter((s) => s.gold !== s.predicted),
    [],
  );
});

test('museum-theft: conflicts cite both passages and the brief cites every sentence', () => {
  assertCitedAndExplained(corpus);
});
