import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BRIDGE_COLLAPSE } from './planted.js';
import { plantedStorySuite } from './planted-story-suite.js';

// The held-out story: its two former misses (event-time clauses and injury counts worded apart) are now aligned through
// shared event frames (same unit class or clock time, same event verb, same story), not by tuning on its sentences.
// Its planted answers also check that "at least 30" and "dozens" injured corroborate.
const { corpus, score } = plantedStorySuite(BRIDGE_COLLAPSE);

test('bridge-collapse: the toll update is an evolution from two to seven, not a dispute', () => {
  const toll = score.statuses.filter((s) => s.gold === 'evolving');
  assert.deepEqual(toll.map((s) => s.predicted), ['evolving', 'evolving']);
  assert.ok(corpus.claims.some((c) => c.evolution?.from === 2 && c.evolution.to === 7));
});
