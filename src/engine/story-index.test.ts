// Online story assignment: related articles join one story, unrelated ones open new stories, merges record absorbed ids, state round-trips.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle } from '../../test/helpers/make-article.js';
import { StoryIndex, STORY_INDEX_DEFAULTS, STORY_INDEX_PREFIX } from './story-index.js';

const ferry = [
  'A fire broke out on the ferry Saint Brendan at Velmora terminal on Tuesday; firefighters evacuated 200 passengers.',
  'Firefighters evacuated the ferry Saint Brendan at the Velmora terminal after a fire on Tuesday, with 200 passengers aboard.',
  'The Saint Brendan ferry fire at Velmora terminal: passengers evacuated on Tuesday, firefighters said.',
].map((t, i) => makeArticle(t, { outlet: `Outlet ${i}` }, `f${i}.txt`));
const budget = [
  'Lawmakers in Rostfeld passed the annual budget on Thursday by 51 votes to 40 after a long debate over school funding.',
  'The Rostfeld parliament approved the budget on Thursday, 51 to 40, ending a long debate over school funding.',
].map((t, i) => makeArticle(t, { outlet: `Outlet ${i}` }, `b${i}.txt`));

test('articles about one event share a story; another event opens its own', () => {
  const index = new StoryIndex();
  const stories = [...ferry, ...budget].map((a) => index.assign(a));
  assert.deepEqual(stories.map((s) => s.story), ['s1', 's1', 's1', 's2', 's2']);
  assert.deepEqual(stories.map((s) => s.created), [true, false, false, true, false]);
  assert.equal(index.assign(ferry[0]!).story, 's1', 'an article already held keeps its story');
  assert.deepEqual(index.story('s1')?.articles, ferry.map((a) => a.id));
});

test('the index rows restore an index that assigns the next article the same way', () => {
  const index = new StoryIndex();
  for (const a of [ferry[0]!, budget[0]!]) index.assign(a);
  const rows = index.changes().filter((r): r is { key: string; value: string } => r.value !== null);
  assert.ok(rows.every((r) => r.key.startsWith(STORY_INDEX_PREFIX)));
  assert.deepEqual(index.changes(), [], 'changes are drained');
  const again = StoryIndex.restore(rows);
  assert.equal(again.storyOfArticle(budget[0]!.id), 's2');
  assert.equal(again.assign(ferry[1]!).story, index.assign(ferry[1]!).story);
  assert.equal(again.assign(makeArticle('Completely unrelated gardening tips for tomatoes and basil.')).story, 's3');
});

test('an article bridging two alike stories merges them into the older, which records the absorbed id', () => {
  // Keeping features only one article has so far, two reports of one flood stay apart at first; the bridging report
  // matches both, and average link over the three clears the threshold.
  const index = new StoryIndex({ ...STORY_INDEX_DEFAULTS, threshold: 0.3, minDocumentFrequency: 1 });
  const a = makeArticle('Flooding in Marlow closed the river road on Sunday; the mayor ordered sandbags for the bridge.');
  const b = makeArticle('Marlow residents left homes as the river rose on Sunday and rescue boats reached the old mill.');
  assert.equal(index.assign(a).story, 's1');
  assert.equal(index.assign(b).story, 's2');
  index.changes();
  const bridge = makeArticle('Flooding in Marlow closed the river road on Sunday as residents left homes; the mayor ordered sandbags and rescue boats reached the old mill.');
  const merged = index.assign(bridge);
  assert.equal(merged.story, 's1');
  assert.deepEqual(merged.absorbed, ['s2']);
  assert.deepEqual(index.story('s1')?.absorbed, ['s2']);
  assert.equal(index.story('s2')?.id, 's1', 'an absorbed id redirects to the story that absorbed it');
  assert.equal(index.storyOfArticle(b.id), 's1');
  assert.deepEqual(index.story('s1')?.articles, [a.id, b.id, bridge.id]);
  const deleted = index.changes().filter((r) => r.value === null).map((r) => r.key);
  assert.deepEqual(deleted, [`${STORY_INDEX_PREFIX}s/s2`]);
  // Under a stricter threshold the bridge joins one of them and the other stays apart.
  const strict = new StoryIndex({ ...STORY_INDEX_DEFAULTS, threshold: 0.5, minDocumentFrequency: 1 });
  for (const x of [a, b]) strict.assign(x);
  assert.deepEqual(strict.assign(bridge).absorbed, []);
});

test('membership does not depend on arrival order', () => {
  const all = [...ferry, ...budget];
  const membership = (order: readonly number[]): string[][] => {
    const index = new StoryIndex();
    for (const i of order) index.assign(all[i]!);
    const groups = new Map<string, string[]>();
    for (const a of all) {
      const s = index.storyOfArticle(a.id) ?? '';
      groups.set(s, [...(groups.get(s) ?? []), a.id]);
    }
    return [...groups.values()].map((g) => g.sort()).sort((x, y) => (x[0] ?? '').localeCompare(y[0] ?? ''));
  };
  const expected = membership([0, 1, 2, 3, 4]);
  assert.equal(expected.length, 2);
  for (const order of [[4, 3, 2, 1, 0], [3, 0, 4, 1, 2], [1, 3, 0, 2, 4], [2, 4, 1, 0, 3]]) assert.deepEqual(membership(order), expected);
});

test('a story re-examined after an arrival elsewhere, and left as it was, is not reported as changed', () => {
  // Regression: every sweep named the story it examined as changed, so the engine re-analyzed it at once (an
  // "urgent" story) although its members, and so its report, had not moved; coalescing then hardly ever waited.
  const config: { -readonly [K in keyof typeof STORY_INDEX_DEFAULTS]: (typeof STORY_INDEX_DEFAULTS)[K] } = { ...STORY_INDEX_DEFAULTS, reexamine: 0 };
  const index = new StoryIndex(config);
  assert.equal(index.assign(ferry[0]!).story, 's1');
  assert.equal(index.assign(budget[0]!).story, 's2');
  // Both stories now wait to be re-examined, the ferry story first; the next arrival joins the budget story and
  // its sweep re-examines the ferry story, which keeps its one member.
  config.reexamine = 1;
  const next = index.assign(budget[1]!);
  assert.equal(next.story, 's2');
  assert.deepEqual(index.story('s1')?.articles, [ferry[0]!.id]);
  assert.deepEqual(next.changed, []);
  assert.deepEqual(next.absorbed, []);
  const rewritten = index.changes().map((r) => r.key);
  assert.ok(rewritten.includes(`${STORY_INDEX_PREFIX}s/s1`), 'the examined story row is still written (its sum may be re-weighed)');
});

test('opening from rows reads the open stories only; a closed story comes back when an article of it arrives', async () => {
  // Stories leave memory after 1 idle arrival and close 1 arrival later, so the ferry story closes under the budget ones.
  const config = { ...STORY_INDEX_DEFAULTS, coldAfter: 1, closeAfter: 1, visitKeep: 0 };
  const index = new StoryIndex(config);
  const rows = new Map<string, string>();
  const save = (): void => {
    index.evictCold();
    for (const r of index.changes()) {
      if (r.value === null) rows.delete(r.key);
      else rows.set(r.key, r.value);
    }
  };
  index.assign(ferry[0]!);
  save();
  for (const a of budget) {
    index.assign(a);
    save();
  }
  const gardening = makeArticle('Gardening tips for tomatoes and basil on a sunny balcony, with compost and rain water.');
  index.assign(gardening);
  save();
  assert.ok(rows.has(`${STORY_INDEX_PREFIX}s/s1`), 'the closed story keeps its row');
  const read: string[] = [];
  const reader = {
    list: async (prefix: string) => [...rows].filter(([k]) => k.startsWith(prefix)).map(([key, value]) => ({ key, value })),
    get: async (keys: readonly string[]) => {
      read.push(...keys);
      return new Map(keys.flatMap((k) => (rows.has(k) ? [[k, rows.get(k)!] as const] : [])));
    },
  };
  const again = await StoryIndex.open(reader, config);
  assert.ok(!read.includes(`${STORY_INDEX_PREFIX}s/s1`), `opening read ${read.join(', ')}`);
  assert.ok(read.includes(`${STORY_INDEX_PREFIX}s/s3`), 'the open stories are read');
  assert.equal(again.storyOfArticle(ferry[0]!.id), undefined, 'the closed story stays out of memory');
  assert.equal(again.storyOfArticle(gardening.id), 's3');
  // An article of the closed story arriving again is brought back by id (the engine finds the id in its story rows).
  const load = async (keys: readonly string[]) => reader.get(keys);
  await again.load(['s1'], load);
  assert.equal(again.storyOfArticle(ferry[0]!.id), 's1');
});
