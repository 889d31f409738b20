import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTexts } from '../helpers/corpus.js';
import { BRIDGE_COLLAPSE } from './planted.js';
import { loadStory, scoreStory } from './score.js';
import { assertCitedAndExplained } from './story-invariants.js';

// The held-out story: its two former misses (event-time clauses and injury counts worded apart) are now aligned through
// shared event frames (same unit class or clock time, same event verb, same story), not by tuning on its sentences.
const corpus = analyzeTexts(loadStory('bridge-collapse'));
const score = scoreStory(corpus, BRIDGE_COLLAPSE);

test('bridge-collapse: every planted conflict is found with its kind, including two event times worded apart', () => {
  assert.deepEqual(score.missedConflicts, []);
});

test('bridge-collapse: no conflict is reported that was not planted', () => {
  assert.deepEqual(score.falseConflicts, []);
});

test('bridge-collapse: the toll update is an evolution from two to seven, not a dispute', () => {
  const toll = score.statuses.filter((s) => s.gold === 'evolving');
  assert.deepEqual(toll.map((s) => s.predicted), ['evolving', 'evolving']);
  assert.ok(corpus.claims.some((c) => c.evolution?.from === 2 && c.evolution.to === 7));
});

test('bridge-collapse: planted claims get their status ("at least 30" and "dozens" injured corroborate)', () => {
  assert.deepEqual(score.statuses.filter((s) => s.gold !== s.predicted), []);
});

test('bridge-collapse: conflicts cite both passages and the brief cites every sentence', () => {
  assertCitedAndExplained(corpus);
});
