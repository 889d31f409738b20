// Two worker processes racing on one queue give the stories and story rows one engine run gives over the same corpus.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusJsonl, generateCorpus } from '../../bench/scale-corpus.js';
import { createContext } from '../core/context.js';
import { StoryEngine } from '../engine/story-engine.js';
import { ingestPaths } from '../service/ingest-paths.js';
import { PostgresStore } from '../store/postgres/postgres-store.js';
import { testDatabase } from '../store/postgres/test-database.js';
import { PostgresWorkState } from '../store/postgres/work-state.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { sendIngestJobs } from './enqueue-ingest.js';
import { openQueue } from './job-queue.js';
import { startWorker } from './worker-process.js';

const db = testDatabase();

/** Each story row as JSON with its own id masked (ids differ between stores: each numbers its stories), sorted. */
async function storyRows(store: Store): Promise<string[]> {
  const rows: string[] = [];
  for (const summary of (await store.listStories({ limit: 500 })).items) {
    const story = await store.getStory(summary.id);
    rows.push(JSON.stringify({ ...story, absorbed: [] }).replace(new RegExp(`\\b${summary.id}\\b`, 'g'), '<story>'));
  }
  return rows.sort();
}

/** Stories as sorted lists of sorted members: what must agree, whatever the ids. */
function membership(stories: readonly (readonly string[])[]): string[] {
  return stories.map((s) => [...s].sort().join(',')).sort();
}

test('two racing worker processes give the stories and story rows of one engine run', { skip: 'skip' in db ? db.skip : false, timeout: 600_000 }, async () => {
  if ('skip' in db) return;
  const dir = mkdtempSync(join(tmpdir(), 'parallax-race-'));
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.dropAll();
  });
  const corpus = join(dir, 'corpus.jsonl');
  writeFileSync(corpus, corpusJsonl(generateCorpus({ stories: 8, perStory: 5, seed: 7 })));

  // One process: the engine `parallax analyze` runs (per-article stages, the online story index, per-story
  // analysis) over the same articles read into SQLite.
  const sqlite = SqliteStore.open(join(dir, 'one.db'));
  let expectedRows: string[];
  let expected: string[];
  try {
    const read = await ingestPaths({ store: sqlite, ctx: createContext() }, [corpus]);
    const engine = await StoryEngine.open(sqlite, createContext());
    const update = await engine.add(read.articles);
    const groups = new Map<string, string[]>();
    for (const [article, story] of update.storyOf) groups.set(story, [...(groups.get(story) ?? []), article]);
    expected = membership([...groups.values()]);
    expectedRows = await storyRows(sqlite);
  } finally {
    await sqlite.close();
  }
  assert.ok(expected.length >= 6, `the corpus splits into stories (${expected.length})`);

  // Two worker processes, both listening before the jobs arrive, race over the queue.
  const schema = db.freshSchema();
  const url = db.urlFor(schema);
  const store = await PostgresStore.open(db.url, { schema });
  const boss = await openQueue(url, store);
  try {
    const ingest = await ingestPaths({ store, ctx: createContext() }, [corpus]);
    const a = startWorker(url, { untilIdle: true, idleSeconds: 5 });
    const b = startWorker(url, { untilIdle: true, idleSeconds: 5 });
    await Promise.all([a.ready, b.ready]);
    await sendIngestJobs(boss, store, ingest.articles.map((x) => x.id));
    const runs = await Promise.all([a.done, b.done]);
    for (const run of runs) assert.equal(run.code, 0, run.stderr);
    const analyzedBy = runs.map((r) => r.articlesAnalyzed);
    assert.equal(analyzedBy[0]! + analyzedBy[1]!, 40, `each article analyzed once: ${runs.map((r) => r.stderr).join(' | ')}`);
    assert.ok(analyzedBy.every((n) => n > 0), `both workers took ingest jobs (${analyzedBy.join(' + ')})`);

    const assigned = await new PostgresWorkState(store).stories();
    assert.deepEqual(membership(assigned.map((s) => s.articleIds)), expected);
    // The story rows are the engine's too: the same members, titles, summaries and reports (ids aside).
    assert.deepEqual(await storyRows(store), expectedRows);
    // Every story was analyzed into a row holding exactly its members, and every article is in one story.
    const rows = (await store.listStories({ limit: 500 })).items;
    assert.deepEqual(rows.map((r) => r.id).sort(), assigned.map((s) => s.id).sort());
    for (const s of assigned) assert.deepEqual((await store.getStory(s.id))?.articleIds, [...s.articleIds].sort());
    assert.equal(new Set(assigned.flatMap((s) => s.articleIds)).size, 40);
    assert.equal(await store.countArticles(), 40);
  } finally {
    await boss.stop({ graceful: false, wait: true });
    await store.close();
  }
});
