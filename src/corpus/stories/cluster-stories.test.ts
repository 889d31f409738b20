import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STORIES_DEFAULTS, weighFeatures, type WeightingConfig } from './cluster-stories.js';
import { dot, normalize } from './online-clusterer.js';

const df = new Map([
  ['w:quake', 3],
  ['w:rubble', 2],
  ['w:ferry', 2],
  ['e:selim', 2],
  ['e:varnholt', 2],
  ['y:2031', 3],
]);
const a = new Map([
  ['w:quake', 2],
  ['w:rubble', 1],
  ['e:selim', 1],
  ['y:2031', 1],
]);
const b = new Map([
  ['w:quake', 1],
  ['w:ferry', 1],
  ['e:selim', 1],
  ['e:varnholt', 1],
]);

test('per-family weighing: the dot product is the weighted mean of the families cosines', () => {
  const weights = { word: 3, entity: 1, date: 0, year: 4, number: 0, perFamily: true };
  const config: WeightingConfig = { ...STORIES_DEFAULTS, weights };
  const x = weighFeatures(a, df, 10, config);
  const y = weighFeatures(b, df, 10, config);
  const family = (v: ReadonlyMap<string, number>, f: string): Map<string, number> => normalize(new Map([...v].filter(([k]) => k[0] === f)));
  const cosine = (f: string): number => dot(family(x, f), family(y, f));
  // b has no year: that family adds nothing, and a's full vector is unit length only because it has all weighted families.
  assert.ok(Math.abs(dot(x, y) - (3 * cosine('w') + 1 * cosine('e') + 4 * 0) / 8) < 1e-12);
  assert.ok(cosine('w') > 0 && cosine('e') > 0);
  assert.ok(Math.abs(dot(x, x) - 1) < 1e-12);
  assert.ok(Math.abs(dot(y, y) - 4 / 8) < 1e-12);
});

test('whole-vector weighing (the default) keeps unit vectors and a feature seen once out', () => {
  const x = weighFeatures(new Map([...a, ['w:lonely', 1]]), df, 10, STORIES_DEFAULTS);
  assert.ok(Math.abs(dot(x, x) - 1) < 1e-12);
  assert.equal(x.has('w:lonely'), false);
  assert.equal(STORIES_DEFAULTS.weights.perFamily, undefined);
});
