// Tests for the content-end cut points: where they sit, what they read, and the first cut a model takes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { QuoteSpan } from '../../core/article.js';
import { featureContextFor } from './feature-context-fixture.js';
import { contentCuts, cutContent } from './content-end.js';

const text = 'Mayor Ruiz denied the charges and sued the paper on Monday.';
const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
const ctx = featureContextFor(text, { rate: () => 0.5, precision: () => 0.5, nameType: () => null });
const quote: QuoteSpan = { ...at('the charges and sued the paper on Monday'), kind: 'indirect', speaker: at('Mayor Ruiz'), speakerName: 'Ruiz', speakerHow: 'named', cue: at('denied') };

test('cut points sit before conjunctions, prepositions and day names after the first two words, in reading order', () => {
  const cuts = contentCuts(ctx, quote);
  assert.deepEqual(cuts.map((c) => text.slice(quote.start, c.end)), ['the charges', 'the charges and sued the paper', 'the charges and sued the paper on']);
  assert.ok(cuts[0]?.features.includes('at:and'));
  assert.ok(cuts[0]?.features.includes('nextVerbish'));
  assert.ok(cuts[1]?.features.includes('at:on'));
});

test('content before its cue has no cut points', () => {
  assert.deepEqual(contentCuts(ctx, { ...quote, cue: at('Monday') }), []);
});

test('the content ends at the first cut the model takes, else where the rules ended it', () => {
  const takesAnd = { bias: -5, weights: new Map([['at:and', 10]]) };
  assert.equal(text.slice(quote.start, cutContent(ctx, takesAnd, quote)), 'the charges');
  const takesOn = { bias: -5, weights: new Map([['at:on', 10]]) };
  assert.equal(text.slice(quote.start, cutContent(ctx, takesOn, quote)), 'the charges and sued the paper');
  assert.equal(cutContent(ctx, { bias: -5, weights: new Map() }, quote), quote.end);
});
