// Tests for the speaker-span candidates: which spans are offered around the rules' one, what they read, and the one a model keeps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { featureContextFor } from './feature-context-fixture.js';
import { boundSource, sourceBounds } from './source-bounds.js';

const text = 'Still, 52 percent of registered voters in Velmora say the pier should stay open.';
const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
const ctx = featureContextFor(text, { rate: () => 0.5, precision: () => 0.5, nameType: () => null });
const slice = (s: { start: number; end: number }): string => text.slice(s.start, s.end);

test('candidates grow to the left within the clause, start inside at capitals, and end before commas', () => {
  const spans = sourceBounds(ctx, at('registered voters in Velmora'), at('say'), 'role').map((c) => slice(c.span));
  assert.equal(spans[0], 'registered voters in Velmora');
  assert.ok(spans.includes('52 percent of registered voters in Velmora'));
  assert.ok(spans.includes('Velmora'));
  // The comma after "Still" stops nothing, but no candidate crosses the cue.
  assert.ok(spans.every((s) => !s.includes('say')));
  const appositive = 'Ana Ruiz, 59, of Velmora said the pier should stay open.';
  const actx = featureContextFor(appositive, { rate: () => 0.5, precision: () => 0.5, nameType: () => null });
  const span = { start: 0, end: appositive.indexOf(' said') };
  assert.ok(sourceBounds(actx, span, { start: appositive.indexOf('said'), end: appositive.indexOf('said') + 4 }, 'named').some((c) => appositive.slice(c.span.start, c.span.end) === 'Ana Ruiz'));
});

test('candidates read the words they grow over by shape, quantity words as written, never a name', () => {
  const grown = sourceBounds(ctx, at('registered voters in Velmora'), at('say'), 'role').find((c) => slice(c.span) === '52 percent of registered voters in Velmora');
  assert.ok(grown?.features.includes('over:percent'));
  assert.ok(grown?.features.includes('over:Num'));
  assert.ok(grown?.features.includes('first:Num'));
  assert.ok(sourceBounds(ctx, at('registered voters in Velmora'), at('say'), 'role').every((c) => c.features.every((f) => !f.includes('Velmora'))));
});

test('the model keeps the candidate it scores highest, and the rules span when nothing beats it', () => {
  const span = at('registered voters in Velmora');
  const grows = { bias: 0, weights: new Map([['over:percent', 3], ['first:Num', 1]]) };
  assert.equal(slice(boundSource(ctx, grows, span, at('say'), 'role')), '52 percent of registered voters in Velmora');
  assert.equal(slice(boundSource(ctx, { bias: 0, weights: new Map() }, span, at('say'), 'role')), 'registered voters in Velmora');
});
