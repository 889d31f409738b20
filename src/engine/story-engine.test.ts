// One engine over many arrivals: the article cache never changes a story report, and absorbed stories lose their rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../core/context.js';
import { openStore } from '../store/open-store.js';
import { makeArticle } from '../../test/helpers/make-article.js';
import { StoryEngine } from './story-engine.js';
import { STORY_INDEX_DEFAULTS } from './story-index.js';

const ferry = [
  'A fire broke out on the ferry Saint Brendan at Velmora on Tuesday; 17 people were hurt, the coast guard said.',
  'Fire on the ferry Saint Brendan at Velmora on Tuesday hurt 18 people, the coast guard said.',
  'The coast guard said 17 were hurt in the ferry Saint Brendan fire at Velmora on Tuesday.',
  'Velmora ferry Saint Brendan: the fire on Tuesday hurt 17, the coast guard said on Wednesday.',
].map((t, i) => makeArticle(t, { outlet: `Outlet ${i}`, published: `2026-03-1${i}` }, `f${i}.txt`));

async function reportsOneByOne(articleCache: number): Promise<string> {
  const store = await openStore(':memory:');
  await store.putArticles(ferry);
  const engine = await StoryEngine.open(store, createContext(), { articleCache });
  let last = '';
  for (const a of ferry) {
    const update = await engine.add([a]);
    assert.equal(update.updated.length, 1);
    last = JSON.stringify(await store.getStory(update.updated[0]!));
  }
  await store.close();
  return last;
}

test('a story grown one article at a time reads the same whether its members come from the cache or the store', async () => {
  assert.equal(await reportsOneByOne(1), await reportsOneByOne(100));
});

test('a merge deletes the absorbed story row and the surviving row names it', async () => {
  const store = await openStore(':memory:');
  const a = makeArticle('Flooding in Marlow closed the river road on Sunday; the mayor ordered sandbags for the bridge.', {}, 'a.txt');
  const b = makeArticle('Marlow residents left homes as the river rose on Sunday and rescue boats reached the old mill.', {}, 'b.txt');
  const bridge = makeArticle('Flooding in Marlow closed the river road on Sunday as residents left homes; the mayor ordered sandbags and rescue boats reached the old mill.', {}, 'c.txt');
  await store.putArticles([a, b, bridge]);
  // Weights pinned (the IDF floors too), so the two first articles stay apart and only the bridge joins them.
  const index = { ...STORY_INDEX_DEFAULTS, threshold: 0.3, minDocumentFrequency: 1, idfMinDocuments: { word: 40, instance: 150 } };
  const engine = await StoryEngine.open(store, createContext(), { index });
  await engine.add([a]);
  await engine.add([b]);
  assert.deepEqual((await store.listStories({ limit: 10 })).items.map((s) => s.id), ['s1', 's2']);
  const update = await engine.add([bridge]);
  assert.deepEqual(update.absorbed, ['s2']);
  assert.equal(await store.getStory('s2'), null);
  const s1 = await store.getStory('s1');
  assert.deepEqual(s1?.absorbed, ['s2']);
  assert.deepEqual(s1?.articleIds, [a.id, b.id, bridge.id].sort());
  // The index survives a restart: a new engine over the same store knows where every article is.
  const reopened = await StoryEngine.open(store, createContext());
  assert.equal(reopened.storyOf(b.id), 's1');
  await store.close();
});

test('coalescing: a story waits until it grew by the given share, and its row then equals the row made at every step', async () => {
  const store = await openStore(':memory:');
  await store.putArticles(ferry);
  const engine = await StoryEngine.open(store, createContext(), { coalesce: { growth: 1, maxWait: 5 } });
  const first = await engine.add([ferry[0]!]);
  // A new story is analyzed at once; then 1 gained on 1 reported is growth 1.
  assert.deepEqual(first.updated, ['s1']);
  assert.deepEqual((await engine.add([ferry[1]!])).updated, ['s1']);
  const third = await engine.add([ferry[2]!]);
  assert.deepEqual([third.updated, third.waiting], [[], ['s1']]);
  assert.deepEqual((await store.getStory('s1'))?.articleIds.length, 2);
  // The wait survives a restart: a new engine over the same store knows s1 is behind.
  const reopened = await StoryEngine.open(store, createContext(), { coalesce: { growth: 1, maxWait: 5 } });
  const fourth = await reopened.add([ferry[3]!]);
  assert.deepEqual([fourth.updated, fourth.waiting], [['s1'], []]);
  assert.equal(JSON.stringify(await store.getStory('s1')), await reportsOneByOne(100));
  await store.close();
});

test('coalescing: a story waits at most maxWait calls, and flush analyzes every waiting story', async () => {
  const store = await openStore(':memory:');
  await store.putArticles(ferry);
  const engine = await StoryEngine.open(store, createContext(), { coalesce: { growth: 10, maxWait: 2 } });
  await engine.add(ferry.slice(0, 2));
  assert.deepEqual((await engine.add([ferry[2]!])).waiting, ['s1']);
  assert.deepEqual((await engine.add([])).updated, []);
  assert.deepEqual((await engine.add([])).updated, ['s1']);
  assert.deepEqual((await engine.add([ferry[3]!])).waiting, ['s1']);
  assert.deepEqual(await engine.flush(), ['s1']);
  assert.deepEqual(await engine.flush(), []);
  assert.equal(JSON.stringify(await store.getStory('s1')), await reportsOneByOne(100));
  await store.close();
});

test('a story that left memory keeps its articles: one given again keeps its story, and a new one joins it as before', async () => {
  const run = async (coldAfter: number): Promise<{ stories: string[]; parked: number; rerun: number; again: string | undefined }> => {
    const store = await openStore(':memory:');
    const budget = makeArticle('Lawmakers in Rostfeld passed the annual budget on Thursday by 51 votes to 40 after a long debate over school funding.', {}, 'b0.txt');
    const others = ['gardening tips for tomatoes', 'a chess final in Orvik', 'new tram line in Dellburg', 'a jazz festival at Sandmere'].map((t, i) =>
      makeArticle(`Readers wrote about ${t} this week, ${i + 2} letters in all.`, {}, `o${i}.txt`),
    );
    await store.putArticles([...ferry, budget, ...others]);
    const engine = await StoryEngine.open(store, createContext(), { index: { ...STORY_INDEX_DEFAULTS, coldAfter } });
    const stories: string[] = [];
    for (const a of [ferry[0]!, budget, ...others, ferry[1]!]) stories.push((await engine.add([a])).storyOf.get(a.id) ?? '?');
    const parked = engine.entryCounts().parked ?? 0;
    assert.equal(engine.storyOf(budget.id) === undefined, coldAfter < 10, 'the budget story is out of memory only when stories leave it');
    // Given again (unchanged): no stage runs, and it stays in its story whether that story is in memory or not.
    const update = await engine.add([budget]);
    const again = update.storyOf.get(budget.id);
    assert.deepEqual(update.updated, [], 'an unchanged article already held changes no story');
    assert.deepEqual(await engine.storiesOf([budget.id, ferry[0]!.id]), new Map([[budget.id, again], [ferry[0]!.id, stories[0]]]));
    await store.close();
    return { stories, parked, rerun: update.stageRuns, again };
  };
  const kept = await run(10_000);
  const evicting = await run(2);
  assert.equal(kept.parked, 0);
  assert.ok(evicting.parked > 0, 'stories left memory');
  assert.deepEqual(evicting.stories, kept.stories, 'the ferry story, out of memory when its second article came, took it as before');
  assert.equal(evicting.again, kept.again);
  assert.equal(evicting.again, kept.stories[1]);
  assert.equal(evicting.rerun, 0);
});
