import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTexts } from '../helpers/corpus.js';
import { PORT_STRIKE } from './planted.js';
import { loadStory, scoreStory } from './score.js';
import { assertCitedAndExplained } from './story-invariants.js';

const corpus = analyzeTexts(loadStory('port-strike'));
const score = scoreStory(corpus, PORT_STRIKE);

test('port-strike: every planted conflict is found with its kind', () => {
  assert.deepEqual(score.missedConflicts, []);
});

test('port-strike: no conflict is reported that was not planted', () => {
  assert.deepEqual(score.falseConflicts, []);
});

test('port-strike: the four outlets are one story', () => {
  assert.equal(corpus.stories.length, 1);
});

test('port-strike: planted claims get their status (corroborated, single-source, disputed, evolving)', () => {
  assert.deepEqual(
    score.statuses.filter((s) => s.gold !== s.predicted),
    [],
  );
});

test('port-strike: conflicts cite both passages and the brief cites every sentence', () => {
  assertCitedAndExplained(corpus);
});
