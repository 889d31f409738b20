import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../../core/article.js';
import { emptyCorpus, type Claim, type CorpusResult } from '../../core/corpus.js';
import { buildArticle } from '../../../test/stories/build-article.js';
import { extractClaims } from '../claims/claims-stage.js';
import { claimFeatures, claimScore, rankClaims, RANK_WEIGHTS, storyProfile, type ClaimFeatures } from './rank-claims.js';

const ZERO: ClaimFeatures = { spread: 0, outlets: 0, centrality: 0, lede: 0, specifics: 0 };

test('the score is the weighted mean of its features: 0 with none, 1 with all, and each weight is what its feature adds', () => {
  assert.equal(claimScore(ZERO), 0);
  assert.equal(claimScore({ spread: 1, outlets: 1, centrality: 1, lede: 1, specifics: 1 }), 1);
  const total = Object.values(RANK_WEIGHTS).reduce((s, w) => s + w, 0);
  for (const key of Object.keys(ZERO) as (keyof ClaimFeatures)[]) {
    assert.ok(Math.abs(claimScore({ ...ZERO, [key]: 1 }) - RANK_WEIGHTS[key] / total) < 1e-9, key);
  }
  // Out-of-range features are clamped, so no feature can outweigh its weight.
  assert.equal(claimScore({ ...ZERO, specifics: 7 }), claimScore({ ...ZERO, specifics: 1 }));
});

test('position weighs most, then corroboration, then vocabulary; relays and figures only break ties', () => {
  const w = RANK_WEIGHTS;
  assert.ok(w.lede > w.spread && w.spread > w.centrality && w.centrality > w.specifics);
  assert.ok(w.outlets <= w.specifics);
  // A fact every source carries in its second sentence outranks a lede only one outlet has (both on the story's topic).
  assert.ok(claimScore({ ...ZERO, spread: 1, outlets: 1, centrality: 1, lede: 0.5 }) > claimScore({ ...ZERO, lede: 1, centrality: 1 }));
  // Among single-source claims, an on-topic lede outranks an off-topic sentence full of figures further down.
  assert.ok(claimScore({ ...ZERO, lede: 1, centrality: 1 }) > claimScore({ ...ZERO, lede: 0.25, specifics: 1 }));
});

function story(articles: Article[], title: string): CorpusResult {
  const c: CorpusResult = { ...emptyCorpus(articles), stories: [{ id: 's1', title, articles: articles.map((a) => a.id), events: [] }] };
  return { ...c, claims: extractClaims(c) };
}

const harbour = buildArticle({
  id: 'h1', outlet: 'Harbour Post', published: '2026-04-02',
  text:
    'A landslide buried the mountain road above Tressa village on Tuesday night.\n' +
    'The bakery on the square reopened after its oven was repaired.\n' +
    'Rescuers dug through the landslide to reach two cars on the Tressa road.\n' +
    'The village choir rehearsed in the church hall as usual.\n' +
    'Four people were injured in the landslide, the mountain rescue service said.',
  quantities: [{ text: 'Four people', value: 4, low: 4, high: 4, unit: 'people', qualifier: 'exact' }],
});
const valley = buildArticle({
  id: 'v1', outlet: 'Valley Courier', published: '2026-04-02',
  text:
    'The landslide on the Tressa mountain road trapped two cars on Tuesday night.\n' +
    'Four people were injured in the landslide, the mountain rescue service said.\n' +
    'Road crews expect the Tressa road to stay closed for a week.',
  quantities: [{ text: 'Four people', value: 4, low: 4, high: 4, unit: 'people', qualifier: 'exact' }],
});

function claimWith(c: CorpusResult, words: string): Claim {
  const hit = c.claims.find((x) => x.summary.includes(words));
  assert.ok(hit, `no claim with "${words}": ${c.claims.map((x) => x.summary).join(' | ')}`);
  return hit;
}

test("the story's main terms are its title's words and the words most of its articles share", () => {
  const profile = storyProfile([harbour, valley], 'Landslide closes Tressa road', new Map());
  for (const term of ['landslid', 'tressa', 'road']) assert.ok([...profile.mainTerms].some((t) => t.startsWith(term)), `${term} in ${[...profile.mainTerms].join(' ')}`);
  assert.ok(![...profile.mainTerms].some((t) => t.startsWith('bak') || t.startsWith('choir')), 'one article\'s aside is not the story');
  assert.equal(profile.sources, 2);
  assert.equal(profile.outlets, 2);
});

test('a claim two sources carry outranks the same kind of claim one source has', () => {
  const c = story([harbour, valley], 'Landslide closes Tressa road');
  const scores = rankClaims(c);
  const both = claimWith(c, 'Four people were injured');
  const one = claimWith(c, 'Rescuers dug through');
  assert.equal(both.independentSources, 2);
  assert.ok((scores.get(both.id) ?? 0) > (scores.get(one.id) ?? 0));
});

test('among one outlet\'s claims, the on-topic lede outranks the aside further down', () => {
  const c = story([harbour, valley], 'Landslide closes Tressa road');
  const scores = rankClaims(c);
  const byId = new Map(c.articles.map((a) => [a.id, a]));
  const profile = storyProfile([harbour, valley], 'Landslide closes Tressa road', new Map());
  const lede = claimWith(c, 'A landslide buried');
  const aside = claimWith(c, 'choir rehearsed');
  const fLede = claimFeatures(lede, profile, byId);
  const fAside = claimFeatures(aside, profile, byId);
  assert.equal(fLede.lede, 1);
  assert.equal(fAside.lede, 1 / 4);
  assert.ok(fLede.centrality > fAside.centrality);
  assert.ok((scores.get(lede.id) ?? 0) > (scores.get(aside.id) ?? 0));
  // Further down but on the story: the rescue outranks the choir.
  assert.ok((scores.get(claimWith(c, 'Rescuers dug through').id) ?? 0) > (scores.get(aside.id) ?? 0));
});

test('a story of one article scores its claims by centrality and position alone (spread is full for all)', () => {
  const c = story([harbour], 'Landslide on Tressa road');
  const byId = new Map(c.articles.map((a) => [a.id, a]));
  const profile = storyProfile([harbour], 'Landslide on Tressa road', new Map());
  for (const claim of c.claims) assert.equal(claimFeatures(claim, profile, byId).spread, 1);
  const scores = rankClaims(c);
  assert.ok((scores.get(claimWith(c, 'A landslide buried').id) ?? 0) > (scores.get(claimWith(c, 'bakery on the square').id) ?? 0));
});
