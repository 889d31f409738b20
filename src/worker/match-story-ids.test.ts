import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AssignedStory } from '../store/postgres/work-state.js';
import { matchStoryIds } from './match-story-ids.js';

function counter(start: number): () => Promise<string> {
  let n = start;
  return async () => `s${n++}`;
}

const old = (id: string, articleIds: string[], absorbed: string[] = [], revision = 1): AssignedStory => ({ id, title: `T ${id}`, articleIds, absorbed, revision });

test('a story that grows keeps its id and is marked changed; an unchanged one is not', async () => {
  const out = await matchStoryIds([old('s1', ['a1', 'a2']), old('s2', ['a3'])], [{ title: 'T s1', articleIds: ['a1', 'a2', 'a4'] }, { title: 'T s2', articleIds: ['a3'] }], counter(3));
  assert.deepEqual(out.stories.map((s) => [s.id, s.revision]), [['s1', 2], ['s2', 1]]);
  assert.deepEqual(out.changed, ['s1']);
  assert.deepEqual(out.removed, []);
});

test('two stories that merge keep the larger id and record the other as absorbed', async () => {
  const out = await matchStoryIds([old('s1', ['a1']), old('s2', ['a2', 'a3'], ['s0'])], [{ title: 'merged', articleIds: ['a1', 'a2', 'a3'] }], counter(3));
  assert.equal(out.stories.length, 1);
  assert.equal(out.stories[0]!.id, 's2');
  assert.deepEqual(out.stories[0]!.absorbed, ['s0', 's1']);
  assert.deepEqual(out.removed, ['s1']);
  assert.deepEqual(out.changed, ['s2']);
});

test('a split keeps the id on the larger part and gives the rest a new id', async () => {
  const out = await matchStoryIds([old('s1', ['a1', 'a2', 'a3'])], [{ title: 'small', articleIds: ['a3'] }, { title: 'big', articleIds: ['a1', 'a2'] }], counter(9));
  assert.deepEqual(out.stories.map((s) => [s.id, s.articleIds]), [['s9', ['a3']], ['s1', ['a1', 'a2']]]);
  assert.deepEqual(out.changed, ['s9', 's1']);
});

test('the first assignment numbers every story', async () => {
  const out = await matchStoryIds([], [{ title: 'x', articleIds: ['a1'] }, { title: 'y', articleIds: ['a2'] }], counter(1));
  assert.deepEqual(out.stories.map((s) => [s.id, s.revision]), [['s1', 1], ['s2', 1]]);
  assert.deepEqual(out.changed, ['s1', 's2']);
});
