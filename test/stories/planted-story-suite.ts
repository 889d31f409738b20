// The checks every planted story must pass, defined once: conflicts found and none invented, statuses, citations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CorpusResult } from '../../src/core/corpus.js';
import { analyzeTexts } from '../helpers/corpus.js';
import { loadStory, scoreStory, type PlantedStory, type StoryScore } from './score.js';
import { assertCitedAndExplained } from './story-invariants.js';

/** Analyzes the story's folder, registers the four shared tests, and returns the run for story-specific tests. */
export function plantedStorySuite(story: PlantedStory): { corpus: CorpusResult; score: StoryScore } {
  const corpus = analyzeTexts(loadStory(story.name));
  const score = scoreStory(corpus, story);
  test(`${story.name}: every planted conflict is found with its kind`, () => {
    assert.deepEqual(score.missedConflicts, []);
  });
  test(`${story.name}: no conflict is reported that was not planted`, () => {
    assert.deepEqual(score.falseConflicts, []);
  });
  test(`${story.name}: planted claims get their status (corroborated, single-source, disputed, evolving)`, () => {
    assert.deepEqual(score.statuses.filter((s) => s.gold !== s.predicted), []);
  });
  test(`${story.name}: conflicts cite both passages and the brief cites every sentence`, () => {
    assertCitedAndExplained(corpus);
  });
  return { corpus, score };
}
