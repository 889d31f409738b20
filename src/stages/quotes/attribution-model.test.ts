// Tests for the prose-attribution model: features name no content word, training separates a learnable signal, the module round-trips.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { QuoteSpan } from '../../core/article.js';
import { attributionFeatures, attributionModelModule, attributionProbability, trainAttributionModel, type FeatureContext } from './attribution-model.js';
import { featureContextFor } from './feature-context-fixture.js';

function context(text: string): FeatureContext {
  return featureContextFor(text, { rate: (word) => (word === 'said' ? 0.9 : 0), precision: () => 0.5, nameType: () => 'PERSON' });
}

test('features read the cue, the words around it and the forms of speaker and content, never a content or name word', () => {
  const text = 'Mayor Velmora Quist said that the harbour toll would fund the pier.';
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  const quote: QuoteSpan = { ...at('the harbour toll would fund the pier'), kind: 'indirect', speaker: at('Mayor Velmora Quist'), speakerName: 'Velmora Quist', speakerHow: 'named', cue: at('said') };
  const features = attributionFeatures(context(text), quote);
  assert.ok(features.includes('cue:said'));
  assert.ok(features.includes('next:that'));
  assert.ok(features.includes('side:after'));
  assert.ok(features.includes('spkOrder:before'));
  assert.ok(features.includes('rate:7'));
  assert.ok(features.includes('spkType:PERSON'));
  assert.ok(!features.some((f) => /velmora|quist|harbour|toll|pier/i.test(f)), features.join(' '));
});

test('training learns a feature that predicts the label and the probability follows it', () => {
  const examples = Array.from({ length: 200 }, (_, i) => ({ features: ['bias:1', i % 2 ? 'good' : 'bad', `noise:${i % 7}`], right: i % 2 === 1 }));
  const model = trainAttributionModel(examples);
  assert.ok(attributionProbability(model, ['bias:1', 'good']) > 0.8);
  assert.ok(attributionProbability(model, ['bias:1', 'bad']) < 0.2);
  // Same examples, same model.
  assert.deepEqual([...trainAttributionModel(examples).weights], [...model.weights]);
  const module = attributionModelModule(model, 1, examples.length);
  assert.match(module, /export const LEARNED_ATTRIBUTION_BIAS = -?\d/);
  assert.match(module, /\["good", \d/);
});

test('a feature seen on fewer examples than the minimum gets no weight', () => {
  const examples = [{ features: ['rare'], right: true }, ...Array.from({ length: 20 }, () => ({ features: ['common'], right: false }))];
  const model = trainAttributionModel(examples);
  assert.equal(model.weights.get('rare'), undefined);
  assert.ok((model.weights.get('common') ?? 0) < 0);
});
