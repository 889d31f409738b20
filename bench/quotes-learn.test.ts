// Tests for the cue-weight learner: counts per lower-case word, words inside quotation marks left out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { learnCueWeights, quotedStretches, weightsModule } from './quotes-learn.js';
import type { Doc } from './quotes.js';

const text = 'Ruiz vowed to stay. Kowal vowed to leave. "We vowed nothing," Berg said. Mendes vowed quietly.';
const at = (word: string, from = 0): { start: number; end: number } => {
  const start = text.indexOf(word, from);
  return { start, end: start + word.length };
};

test('a word gets the share of its unquoted occurrences inside a gold cue', () => {
  const doc: Doc = {
    name: 'invented',
    text,
    gold: [
      { content: [at('to stay')], source: [at('Ruiz')], cue: [at('vowed')], quoted: false },
      { content: [at('to leave')], source: [at('Kowal')], cue: [at('vowed', 21)], quoted: false },
    ],
  };
  const weights = learnCueWeights([doc], 1);
  // Three "vowed" outside quotation marks, two of them cues; the one inside the quotation does not count.
  assert.deepEqual(weights.find((w) => w.word === 'vowed'), { word: 'vowed', cue: 2, seen: 3 });
  assert.equal(weights.find((w) => w.word === 'said'), undefined);
  assert.match(weightsModule(weights, 1), /\["vowed", 2, 3\]/);
});

test('quoted stretches pair curly and straight marks within a paragraph', () => {
  assert.deepEqual(quotedStretches('a "b" c \u201cd\u201d\ne "f'), [
    { start: 2, end: 5 },
    { start: 8, end: 11 },
  ]);
});
