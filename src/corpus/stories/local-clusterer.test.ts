// Local re-clustering: average link is exact, arrivals in any order give one membership, merges keep the older id, small stories can split.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LocalClusterer, averageLink, type LocalClustererOptions } from './local-clusterer.js';
import { normalize } from './online-clusterer.js';

const OPTIONS: LocalClustererOptions = {
  threshold: 0.3,
  topKeys: 10,
  maxCandidates: 8,
  neighbourhood: 3,
  splitLimit: 30,
  maxPosting: 100,
  centroidKeys: 200,
  featureKeys: 100,
};

/** Raw counts weighed as plain unit vectors: the clusterer's behaviour without IDF. */
const weigh = (f: ReadonlyMap<string, number>): Map<string, number> => normalize(f);

/** Items of three invented events: each shares its event's core keys and has one key of its own. */
function items(): [string, Map<string, number>][] {
  const events = [
    ['harbour', 'crane', 'collapse', 'dock'],
    ['vote', 'senate', 'budget', 'tax'],
    ['flood', 'river', 'levee', 'rain'],
  ];
  const out: [string, Map<string, number>][] = [];
  events.forEach((core, e) => {
    for (let i = 0; i < 5; i++) {
      const f = new Map(core.filter((_, k) => k !== i % core.length).map((k) => [k, 1] as const));
      f.set(`own${e}-${i}`, 1);
      out.push([`e${e}-${i}`, f]);
    }
  });
  return out;
}

function membership(c: LocalClusterer): string[][] {
  return [...c.stories.values()].map((s) => [...s.members].sort()).sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  let state = seed;
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

test('average link merges by mean pairwise cosine and stops at the threshold', () => {
  const a = normalize(new Map([['x', 1]]));
  const b = normalize(new Map([['x', 1], ['y', 1]]));
  const c = normalize(new Map([['z', 1]]));
  const groups = averageLink([a, b, c].map((sum) => ({ sum, size: 1 })), 0.5);
  assert.deepEqual(groups, [[0, 1], [2]]);
  // A block of two identical items against one item sharing half: mean cosine 0.707, merged at 0.7, not at 0.75.
  const block = { sum: new Map([['x', 2]]), size: 2 };
  assert.deepEqual(averageLink([block, { sum: b, size: 1 }], 0.7), [[0, 1]]);
  assert.deepEqual(averageLink([block, { sum: b, size: 1 }], 0.75), [[0], [1]]);
});

test('every arrival order gives the same stories', () => {
  const all = items();
  const expected = [0, 1, 2].map((e) => [0, 1, 2, 3, 4].map((i) => `e${e}-${i}`));
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    const c = new LocalClusterer(OPTIONS, weigh);
    for (const [id, f] of shuffled(all, seed)) c.add(id, f);
    assert.deepEqual(membership(c), expected, `order ${seed}`);
  }
});

test('an arrival bridging two stories merges them into the older, which lists the absorbed one', () => {
  // The bridge meets each at cosine 0.71, so the three have a mean cosine of 0.47 against 0 for a and b alone.
  const c = new LocalClusterer({ ...OPTIONS, threshold: 0.3 }, weigh);
  assert.equal(c.add('a', new Map([['p', 1], ['q', 1]])).story, 1);
  assert.equal(c.add('b', new Map([['r', 1], ['s', 1]])).story, 2);
  const bridge = c.add('c', new Map([['p', 1], ['q', 1], ['r', 1], ['s', 1]]));
  assert.equal(bridge.story, 1);
  assert.deepEqual(bridge.absorbed, [2]);
  assert.deepEqual(c.stories.get(1)?.absorbed, [2]);
  assert.deepEqual(c.stories.get(1)?.members, ['a', 'b', 'c']);
  assert.equal(c.stories.has(2), false);
});

test('a member closer to a newly formed story moves there, and the story it left is reported as changed', () => {
  const c = new LocalClusterer({ ...OPTIONS, threshold: 0.45 }, weigh);
  c.add('a', new Map([['p', 2], ['q', 1]]));
  // 'b' meets a at cosine 0.67 and joins it; 'c' meets b at 0.71 and a at 0, so b leaves a for c.
  assert.equal(c.add('b', new Map([['p', 1], ['q', 1], ['r', 1], ['s', 1]])).story, 1);
  const moved = c.add('c', new Map([['r', 1], ['s', 1]]));
  assert.deepEqual(membership(c), [['a'], ['b', 'c']]);
  assert.deepEqual([moved.story, moved.created, moved.changed], [2, true, [1]]);
  assert.deepEqual(c.stories.get(1)?.members, ['a'], 'the older story keeps its id');
});

test('stories over the split limit move as one block, and features of their members are dropped', () => {
  const c = new LocalClusterer({ ...OPTIONS, splitLimit: 3 }, weigh);
  for (let i = 0; i < 5; i++) c.add(`m${i}`, new Map([['k', 1], [`own${i}`, 1]]));
  assert.equal(c.stories.size, 1);
  assert.equal(c.features('m0'), undefined);
  assert.deepEqual(c.stories.get(1)?.members, ['m0', 'm1', 'm2', 'm3', 'm4']);
});

/** Two title fights of one boxer: the same core words, each fight's own opponent and venue in most of its articles. */
function twoFights(): { sum: Map<string, number>; size: number }[] {
  const core = ['boxer', 'title', 'round', 'heavyweight', 'defend'];
  const units: { sum: Map<string, number>; size: number }[] = [];
  for (const [opponent, venue] of [['orlov', 'arena'], ['quarry', 'stadium']] as const) {
    for (let i = 0; i < 6; i++) {
      const f = new Map(core.map((k) => [k, 1] as const));
      f.set(opponent, 1);
      if (i % 3 !== 2) f.set(venue, 1);
      units.push({ sum: normalize(f), size: 1 });
    }
  }
  return units;
}

test('contrast: two similar groups that each have details of their own stay apart; without it they merge', () => {
  const units = twoFights();
  assert.equal(averageLink(units, 0.3).length, 1, 'without contrast the core words join the two fights');
  const apart = averageLink(units, 0.3, { minSize: 6, share: 0.5, limit: 0.3 });
  assert.deepEqual(apart, [[0, 1, 2, 3, 4, 5], [6, 7, 8, 9, 10, 11]]);
  // Groups smaller than minSize are never told apart (a lone article always has details of its own).
  assert.equal(averageLink(units, 0.3, { minSize: 7, share: 0.5, limit: 0.3 }).length, 1);
});

test('contrast: two halves of one event, whose details both halves share, still merge', () => {
  const units = twoFights().slice(0, 6);
  const more = twoFights().slice(0, 6);
  assert.equal(averageLink([...units, ...more], 0.3, { minSize: 6, share: 0.5, limit: 0.3 }).length, 1);
});
