// The online story index's memory follows the stories still in the news, not the corpus: twice the closed stories leave the entries it holds about the same, and stories that left memory come back without changing an assignment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newsStream } from '../../bench/data/news-stream.js';
import { toArticle } from '../../src/ingest/index.js';
import { StoryIndex, STORY_INDEX_DEFAULTS, type RowLoader } from '../../src/engine/story-index.js';

/** Arrivals a story read back stays in memory (the default is 1,000: here a short stay, so stories come and go). */
const VISIT_KEEP = 60;
/** A small world: 20 stories open at once (each lives about 20 x its size arrivals), short postings, a short memory. */
const CONFIG = { ...STORY_INDEX_DEFAULTS, coldAfter: 150, maxPosting: 20, visitKeep: VISIT_KEEP };
const OPEN_STORIES = 20;
/** Arrivals between two writes of the index's rows (the engine's batch). */
const BATCH = 100;
const N = 600;

/** The entries an index holds for its stories (counted, never weighed in bytes or time). */
function held(index: StoryIndex): { stories: number; articles: number; features: number; vectorKeys: number; sumKeys: number } {
  const c = index.entryCounts();
  return { stories: c.stories ?? 0, articles: c.items ?? 0, features: c.features ?? 0, vectorKeys: c.vectorKeys ?? 0, sumKeys: c.sumKeys ?? 0 };
}

test('index memory stays bounded as closed stories double, and stories read back assign as if they had stayed', async (t) => {
  const stream = newsStream({ seed: 21, openStories: OPEN_STORIES });
  const bounded = new StoryIndex(CONFIG);
  const unbounded = new StoryIndex(CONFIG);
  const rows = new Map<string, string>();
  const load: RowLoader = async (keys) => new Map(keys.flatMap((k) => (rows.has(k) ? [[k, rows.get(k) ?? ''] as const] : [])));
  const at = new Map<number, ReturnType<typeof held>>();
  const everything = new Map<number, ReturnType<typeof held>>();
  /** Stories read back by each arrival, to bound the stories kept after a read by those read within the window. */
  const reads: number[] = [];
  let mostVisitors = 0;
  for (let i = 1; i <= 2 * N; i++) {
    const article = toArticle(stream.next().value!.raw);
    const expected = unbounded.assign(article);
    const revivedBefore = bounded.revived;
    assert.deepEqual(await bounded.assignLoading(article, load), expected, `arrival ${i} is assigned as by an index that keeps every story`);
    reads.push(bounded.revived - revivedBefore);
    if (i % BATCH === 0) {
      unbounded.changes();
      bounded.evictCold();
      // Only the stories read back within the last VISIT_KEEP arrivals may stay after their read.
      const visitors = bounded.entryCounts().visitors ?? 0;
      const recent = reads.slice(-VISIT_KEEP).reduce((a, b) => a + b, 0);
      assert.ok(visitors <= recent, `after ${i} arrivals ${visitors} stories stay after a read, ${recent} were read in the last ${VISIT_KEEP} arrivals`);
      mostVisitors = Math.max(mostVisitors, visitors);
      for (const r of bounded.changes()) {
        if (r.value === null) rows.delete(r.key);
        else rows.set(r.key, r.value);
      }
    }
    if (i === N || i === 2 * N) {
      at.set(i, held(bounded));
      everything.set(i, held(unbounded));
    }
  }
  const [small, large] = [at.get(N)!, at.get(2 * N)!];
  t.diagnostic(`held after ${N} / ${2 * N} arrivals: ${JSON.stringify(small)} / ${JSON.stringify(large)}; unbounded ${JSON.stringify(everything.get(2 * N))}`);
  // Without eviction every article stays: the counts below can only pass because stories leave memory.
  assert.equal(everything.get(2 * N)!.articles, 2 * N);
  assert.ok(bounded.entryCounts().parked! > everything.get(N)!.stories / 2, 'most stories of the first half have left memory');
  // Of the entries an index keeping every story adds from N to 2N arrivals, the bounded one adds at most half. It still
  // grows a little there (long-lived stories keep their members, stories read back stay a while: about 470 articles held
  // at 1,200 arrivals, 600-670 from 1,500 to 2,400), so a ratio of its own counts would judge its warm-up, not a leak.
  for (const key of Object.keys(small) as (keyof typeof small)[]) {
    const [allSmall, allLarge] = [everything.get(N)![key], everything.get(2 * N)![key]];
    assert.ok(large[key] - small[key] <= 0.5 * (allLarge - allSmall), `${key}: ${small[key]} held after ${N} arrivals, ${large[key]} after ${2 * N} (unbounded: ${allSmall} -> ${allLarge})`);
  }
  assert.ok(bounded.revived > 0, 'old stories came back as candidates and were read from their rows');
  assert.ok(mostVisitors > 0, 'stories read back stayed for a while');
});
