// One more article into a story of a stored corpus reads the story's rows, never the corpus: doubling the corpus leaves the rows read by the update, and by opening the engine, about the same (counted, never timed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countingStore, fillCorpus, timeUpdate, type CorpusPlan } from '../../bench/story-update.js';
import { createContext } from '../../src/core/context.js';
import { DEFAULT_COALESCE, StoryEngine } from '../../src/engine/story-engine.js';
import { STORY_INDEX_PREFIX } from '../../src/engine/story-index.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

/** A story of 10 articles among 40 recent ones (every stage), over a background of closed stories (ingest only). */
const PLAN = { story: 10, recent: 40, seed: 11, batch: 25 };

async function measure(size: number): Promise<{ openRows: number; indexRows: number; cold: Awaited<ReturnType<typeof timeUpdate>>; warm: Awaited<ReturnType<typeof timeUpdate>>; held: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-story-update-'));
  const raw = SqliteStore.open(join(dir, 'corpus.db'));
  try {
    const plan: CorpusPlan = { ...PLAN, size };
    const filled = await fillCorpus(raw, plan);
    const counted = countingStore(raw);
    const engine = await StoryEngine.open(counted.store, createContext(), { coalesce: DEFAULT_COALESCE });
    const openRows = counted.rows();
    const indexRows = (await raw.listEngineState(STORY_INDEX_PREFIX)).length;
    const cold = await timeUpdate(engine, counted, filled.next[0]!);
    const warm = await timeUpdate(engine, counted, filled.next[1]!);
    assert.equal(cold.story, filled.story, 'the article joins the story of its own event');
    return { openRows, indexRows, cold, warm, held: filled.held };
  } finally {
    await raw.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('an update to a story reads its members, not the corpus, and opening the engine reads the open stories only', async (t) => {
  const small = await measure(400);
  const large = await measure(800);
  t.diagnostic(`400: ${JSON.stringify(small)}`);
  t.diagnostic(`800: ${JSON.stringify(large)}`);
  for (const m of [small, large]) {
    assert.equal(m.held, PLAN.story, 'the story holds all its articles before the update');
    assert.equal(m.cold.articles, PLAN.story + 1);
    assert.equal(m.warm.articles, PLAN.story + 2);
    // Cold (engine just opened, nothing cached): the new article, then each member once.
    assert.ok(m.cold.rowsRead <= PLAN.story + 3, `cold update read ${m.cold.rowsRead} rows for a story of ${PLAN.story}`);
  }
  // The closed background stories are rows of the index that opening skips: twice the corpus, twice those rows...
  assert.ok(large.indexRows > small.indexRows + 40, `index rows ${small.indexRows} -> ${large.indexRows}`);
  // ... and the same rows read, at the update and at opening (the stories of the recent arrivals, whatever the corpus).
  assert.ok(large.cold.rowsRead <= small.cold.rowsRead + 2, `cold update rows read ${small.cold.rowsRead} -> ${large.cold.rowsRead}`);
  assert.ok(large.warm.rowsRead <= small.warm.rowsRead + 2, `warm update rows read ${small.warm.rowsRead} -> ${large.warm.rowsRead}`);
  assert.ok(large.openRows <= small.openRows + 5, `rows read opening the engine ${small.openRows} -> ${large.openRows}`);
});
