// Tests for the cue-weight learner: counts per lower-case word, words inside quotation marks left out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitParagraphs, splitSentences } from '../src/stages/sentences/index.js';
import { cueModelOf } from '../src/stages/quotes/cue-model.js';
import { learnCuePrecision, learnCueWeights, precisionModule, proposerExamples, quotedStretches, weightsModule } from './quotes-learn.js';
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

test('cue precision counts, per cue, the prose attributions with a speaker whose content and speaker match gold', () => {
  const prose = 'Ruiz said the pier would close. Kowal said the fares would rise. Berg said the ferry was late.';
  const span = (word: string): { start: number; end: number } => {
    const start = prose.indexOf(word);
    return { start, end: start + word.length };
  };
  const doc: Doc = {
    name: 'invented-prose',
    text: prose,
    gold: [
      // Right content and speaker; right content, wrong speaker; the third attribution is not annotated.
      { content: [span('the pier would close')], source: [span('Ruiz')], cue: [span('said')], quoted: false },
      { content: [span('the fares would rise')], source: [span('Berg')], cue: null, quoted: false },
    ],
  };
  const paragraphs = splitParagraphs(prose);
  const layers = new Map([[doc.name, { paragraphs, sentences: paragraphs.flatMap((p) => splitSentences(prose, p)), entities: [] }]]);
  const rows = learnCuePrecision([doc], layers, cueModelOf([['said', 9, 10]]), 1);
  assert.deepEqual(rows, [{ cue: 'said', right: 1, total: 3 }]);
  assert.match(precisionModule(rows, 1), /\["said", 1, 3\]/);
});

test('a word and its preposition get the share of their unquoted occurrences ending a gold cue ("support for")', () => {
  const prose = 'Ruiz voiced support for the ferry. Kowal has support for the pier. "No support for that," Berg said. His support for the fares waned.';
  const span = (words: string, from = 0): { start: number; end: number } => {
    const start = prose.indexOf(words, from);
    return { start, end: start + words.length };
  };
  const doc: Doc = {
    name: 'invented-phrases',
    text: prose,
    gold: [
      { content: [span('the ferry')], source: [span('Ruiz')], cue: [span('voiced support for')], quoted: false },
      { content: [span('the fares')], source: [span('His')], cue: [span('support for', 100)], quoted: false },
    ],
  };
  const weights = learnCueWeights([doc], 1, 1);
  // Three "support for" outside quotation marks, two of them end a cue; the quoted one does not count.
  assert.deepEqual(weights.find((w) => w.word === 'support for'), { word: 'support for', cue: 2, seen: 3 });
  // A pair seen ending a cue fewer times than the minimum gets no row.
  assert.equal(learnCueWeights([doc], 1, 3).find((w) => w.word === 'support for'), undefined);
});

test('the cue proposer learns from every open-class word outside quotation marks, right when inside a gold cue', () => {
  const prose = 'Ruiz grumbled that the pier would close. "We grumbled for years," Berg said. The ferry stayed.';
  const span = (word: string): { start: number; end: number } => {
    const start = prose.indexOf(word);
    return { start, end: start + word.length };
  };
  const doc: Doc = {
    name: 'invented-proposer',
    text: prose,
    gold: [
      { content: [span('the pier would close')], source: [span('Ruiz')], cue: [span('grumbled')], quoted: false },
      { content: [span('We grumbled for years')], source: [span('Berg')], cue: [span('said')], quoted: true },
    ],
  };
  const paragraphs = splitParagraphs(prose);
  const layers = new Map([[doc.name, { sentences: paragraphs.flatMap((p) => splitSentences(prose, p)) }]]);
  const words = proposerExamples([doc], layers).map((e) => [e.features.find((f) => f.startsWith('w:')), e.right]);
  // "the", "that", "would", "We" are not judged; the quoted "grumbled" and "years" are left out.
  assert.deepEqual(words, [
    ['w:grumbled', true],
    ['w:pier', false],
    ['w:close', false],
    ['w:said', true],
    ['w:ferry', false],
    ['w:stayed', false],
  ]);
});
