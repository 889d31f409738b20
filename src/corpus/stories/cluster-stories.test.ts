import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EntityMention } from '../../core/article.js';
import { articleFeatures } from './article-features.js';
import { STORIES_DEFAULTS, topicParts, topicVectors, weighFeatures, type WeightingConfig } from './cluster-stories.js';
import { fixtureArticle } from './fixture-article.js';
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

test('per-family smoothing: a year nearly every article names gives next to nothing, a family with many keys keeps its share', () => {
  const many = new Map<string, number>([...df].map(([k]) => [k, 2] as const));
  many.set('y:2031', 9);
  const words = Array.from({ length: 30 }, (_, i) => [`w:k${i}`, 1] as const);
  for (const [k] of words) many.set(k, 2);
  const x = new Map([...words, ['y:2031', 1]]);
  const weights = { word: 1, entity: 0, date: 0, year: 1, number: 0, perFamily: true };
  const plain = weighFeatures(x, many, 10, { ...STORIES_DEFAULTS, weights });
  const smoothed = weighFeatures(x, many, 10, { ...STORIES_DEFAULTS, weights: { ...weights, familySmoothing: 3 } });
  const part = (v: ReadonlyMap<string, number>, f: string): number => [...v].filter(([k]) => k[0] === f).reduce((s, [, w]) => s + w * w, 0);
  // Unsmoothed, the year (IDF log(11/9), about 0.2) fills its half of the vector like the 30 words do.
  assert.ok(Math.abs(part(plain, 'y') - 0.5) < 1e-12);
  assert.ok(part(smoothed, 'y') < 0.01 * 0.5);
  assert.ok(part(smoothed, 'w') > 0.8 * 0.5);
});

test('topic weights: two stories score the weighted mean of their four cosines, and names can be left out', () => {
  const mention = (text: string, name: string): EntityMention => {
    const start = text.indexOf(name);
    return { start, end: start + name.length, type: 'LOC', canonical: name, how: 'self' };
  };
  const article = (text: string, name: string): ReturnType<typeof fixtureArticle> => fixtureArticle({ text, layers: { entities: [mention(text, name)] } });
  const stories = [
    [article('Riots spread through Corvale after the verdict.', 'Corvale'), article('Riots in Corvale went on overnight.', 'Corvale')],
    [article('A bank fire in Corvale killed three clerks.', 'Corvale'), article('The bank fire in Corvale was set on purpose.', 'Corvale')],
    [article('Riots broke out in Tessaly after the shooting.', 'Tessaly'), article('More riots in Tessaly as crowds grew.', 'Tessaly')],
  ];
  const features = stories.map((s) => s.map((a) => articleFeatures(a)));
  const config = { ...STORIES_DEFAULTS, topicMinShare: 0.5, topicWeights: { whole: 1, lead: 2, wholeKind: 3, leadKind: 4 } };
  const parts = topicParts(stories, features, config);
  const vectors = topicVectors(stories, features, config);
  const cosine = (v: readonly ReadonlyMap<string, number>[], a: number, b: number): number => dot(v[a]!, v[b]!);
  for (const [a, b] of [[0, 1], [0, 2], [1, 2]] as const) {
    const mean = (cosine(parts.whole, a, b) + 2 * cosine(parts.lead, a, b) + 3 * cosine(parts.wholeKind, a, b) + 4 * cosine(parts.leadKind, a, b)) / 10;
    assert.ok(Math.abs(dot(vectors[a]!, vectors[b]!) - mean) < 1e-12);
  }
  // The town ties the riots to the fire only through its name; without names, the riots in two towns are one kind.
  assert.ok(cosine(parts.whole, 0, 1) > 0);
  assert.equal(cosine(parts.wholeKind, 0, 1), 0);
  assert.ok(cosine(parts.wholeKind, 0, 2) > 0);
});
