import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CAPITAL_STRIKE } from './planted.js';
import { plantedStorySuite } from './planted-story-suite.js';

const { corpus } = plantedStorySuite(CAPITAL_STRIKE);

test('capital-strike: "late on Thursday", "yesterday" and "Thursday night" resolve against each article\'s own publication day', () => {
  const days = new Set<string>();
  for (const a of corpus.articles) {
    for (const t of a.layers.times) {
      if (/^(?:late on Thursday|yesterday|Thursday night)$/.test(a.text.slice(t.start, t.end))) days.add((t.value ?? '').slice(0, 10));
    }
  }
  assert.deepEqual([...days], ['2026-04-09']);
});

test('capital-strike: the sequence conflict is explained with both orderings', () => {
  const explanations = corpus.claims.flatMap((c) => c.conflicts.filter((k) => k.kind === 'sequence').map((k) => k.explanation));
  assert.ok(explanations.some((e) => e.includes('"during a phone call"') && e.includes('"hours after the phone call"')), explanations.join('\n'));
});
