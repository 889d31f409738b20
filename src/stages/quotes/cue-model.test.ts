// Tests for the learned cue model: word rates and smoothed cue precision.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cueModelOf, LEARNED_CUES } from './cue-model.js';

test('a word rate is its cue share smoothed by one unseen occurrence; unseen words rate 0', () => {
  const model = cueModelOf([['vowed', 3, 3]]);
  assert.equal(model.rate('vowed'), 0.75);
  assert.equal(model.rate('walked'), 0);
});

test('cue precision is pulled towards the mean by three pseudo-counts; unmeasured cues get the mean', () => {
  const model = cueModelOf([], [['said', 8, 10], ['hinted', 0, 10]]);
  // Mean 8 / 20 = 0.4: said (8 + 1.2) / 13, hinted (0 + 1.2) / 13.
  assert.ok(Math.abs(model.precision('said') - 9.2 / 13) < 1e-9);
  assert.ok(Math.abs(model.precision('hinted') - 1.2 / 13) < 1e-9);
  assert.equal(model.precision('murmured'), 0.4);
  assert.equal(cueModelOf([]).precision('said'), 1);
});

test('the shipped model knows "said" as a strong cue with a high precision', () => {
  assert.ok(LEARNED_CUES.rate('said') > 0.9);
  assert.ok(LEARNED_CUES.precision('said') > 0.6);
  assert.ok(LEARNED_CUES.precision('according to') > 0.5);
});
