// Tests for the learned cue proposer: which words it judges, its features, and that it generalises to a word it never saw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../core/tokenize.js';
import { trainAttributionModel, type TrainingExample } from './attribution-model.js';
import { cueProbability, cueTokenFeatures, proposable, wordClusters } from './cue-classifier.js';

const noClusters = (): number => -1;

/** Features of the first token reading `word` in a one-sentence text. */
function featuresOf(text: string, word: string, clusterOf = noClusters): string[] {
  const tokens = tokenize(text);
  const i = tokens.findIndex((t) => t.text === word);
  assert.ok(i >= 0, word);
  return cueTokenFeatures(tokens, i, 0, tokens.length, clusterOf);
}

test('the proposer judges open-class lower-case words only', () => {
  for (const w of ['said', 'grumbled', 'criticism', 'say']) assert.equal(proposable(w), true, w);
  for (const w of ['the', 'that', 'has', 'quickly', 'Said', 'to', 'it', '2019']) assert.equal(proposable(w), false, w);
});

test('features read what follows the word, the subject before it and its cluster, not only the word', () => {
  const f = featuresOf('She grumbled that the pier was late.', 'grumbled');
  assert.ok(f.includes('w:grumbled'));
  assert.ok(f.includes('s3:led'));
  assert.ok(f.includes('that:1'), f.join(' '));
  assert.ok(f.includes('subj:pron|1'), f.join(' '));
  assert.ok(f.includes('cf:none') && f.includes('cc:none'));
  const g = featuresOf('Ana Ruiz, the harbour master, fumed: the pier is late.', 'fumed', () => (7 << 10) | 3);
  assert.ok(g.includes('punct::|1'), g.join(' '));
  assert.ok(g.includes('cf:7') && g.includes('cc:3'), g.join(' '));
  assert.ok(g.includes('cc+n1:3|:'), g.join(' '));
  const h = featuresOf('Kowal wrote, "We stay."', 'wrote');
  assert.ok(h.includes('subj:cap|1') && h.includes('punct:,|1'), h.join(' '));
});

test('a proposer learned on some verbs rates a verb it never saw above the same word used as a noun', () => {
  // Invented sentences: reporting verbs before "that" with a subject are cues; nouns after a determiner are not.
  const cues = ['muttered', 'growled', 'snarled', 'chirped', 'warbled', 'droned'];
  const nouns = ['harbour', 'timetable', 'ferry', 'budget', 'council', 'pier'];
  const examples: TrainingExample[] = [];
  for (let round = 0; round < 20; round++) {
    for (const verb of cues) examples.push({ features: featuresOf(`Ruiz ${verb} that the fares would rise.`, verb), right: true });
    for (const verb of cues) examples.push({ features: featuresOf(`She ${verb} that the pier was late.`, verb), right: true });
    for (const noun of nouns) examples.push({ features: featuresOf(`The ${noun} stayed closed all week.`, noun), right: false });
    for (const noun of nouns) examples.push({ features: featuresOf(`Kowal visited the ${noun} on Monday.`, noun), right: false });
  }
  const model = trainAttributionModel(examples, { epochs: 10, learningRate: 0.1, l2: 1e-4, minCount: 1 });
  const unseen = tokenize('Berg bellowed that the ferry was unsafe.');
  const asNoun = tokenize('The bellowed order stayed on the pier.');
  const p = cueProbability(model, unseen, 1, 0, unseen.length, noClusters);
  const q = cueProbability(model, asNoun, 1, 0, asNoun.length, noClusters);
  assert.ok(p > 0.5, `unseen verb before "that": ${p}`);
  assert.ok(q < p, `same word after a determiner: ${q} vs ${p}`);
  // Words the proposer does not judge get no probability.
  assert.equal(cueProbability(model, unseen, 0, 0, unseen.length, noClusters), 0);
});

test('the committed word clusters are read, and an unknown word has none', () => {
  const clusterOf = wordClusters();
  assert.equal(clusterOf('zzqxw-not-a-word'), -1);
  assert.ok(clusterOf('said') >= 0);
});
