import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalize } from './online-clusterer.js';
import { clusterTopics } from './topic-clusterer.js';

const v = (entries: Record<string, number>) => normalize(new Map(Object.entries(entries)));
const options = { threshold: 0.3, topKeys: 10, maxCandidates: 5 };

test('groups sharing their words merge; a group on other words stays alone', () => {
  const groups = [
    [v({ quake: 1, rubble: 1, selim: 1 })],
    [v({ budget: 1, pension: 1 })],
    [v({ quake: 1, rubble: 1, varnholt: 1 }), v({ quake: 1, aftershock: 1 })],
  ];
  assert.deepEqual(clusterTopics(groups, options), [[0, 2], [1]]);
});

test('average link: one shared word in a large group is not enough', () => {
  // Group 1's mean cosine to group 0 is (1/3 + 0 + 0) / 3, below the threshold, although one article matches well.
  const groups = [
    [v({ quake: 1, rubble: 1, selim: 1 })],
    [v({ quake: 1, vote: 1, levy: 1 }), v({ vote: 1, levy: 1 }), v({ levy: 1, pension: 1 })],
  ];
  assert.deepEqual(clusterTopics(groups, options), [[0], [1]]);
});

test('the result does not depend on merge ties', () => {
  const same = v({ quake: 1 });
  const groups = [[same], [same], [same], [v({ vote: 1 })]];
  assert.deepEqual(clusterTopics(groups, options), [[0, 1, 2], [3]]);
  assert.deepEqual(clusterTopics(groups, options), clusterTopics(groups, options));
});
