// Export/import: a corpus moves SQLite -> PostgreSQL -> SQLite with every record equal, and bad files are refused.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext } from '../core/context.js';
import { PostgresStore } from '../store/postgres/postgres-store.js';
import { testDatabase } from '../store/postgres/test-database.js';
import { StoryEngine } from '../engine/story-engine.js';
import { STORY_INDEX_PREFIX } from '../engine/story-index.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { analyzePaths } from './analyze.js';
import { exportCorpus } from './export-corpus.js';
import { importCorpus } from './import-corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-export-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function exportLines(store: Store): Promise<string[]> {
  const lines: string[] = [];
  await exportCorpus(store, (line) => void lines.push(line.replace(/\n$/, '')));
  return lines;
}

async function* iterate(lines: readonly string[]): AsyncIterable<string> {
  yield* lines;
}

/** Everything a store holds, with a hash of each article's exact JSON. */
async function snapshot(store: Store) {
  const articles = await store.listArticles();
  return {
    articles,
    hashes: articles.map((a) => [a.id, a.contentHash, createHash('sha256').update(JSON.stringify(a)).digest('hex')]),
    failures: await store.listFailures(),
    report: await store.loadReport('latest'),
    stories: await Promise.all((await store.listStories({ limit: 500 })).items.map((s) => store.getStory(s.id))),
    count: await store.countArticles(),
    stageVersions: [...(await store.getStageVersions(articles.map((a) => a.id)))].sort(([a], [b]) => (a < b ? -1 : 1)),
    engineState: await store.listEngineState(''),
  };
}

/** A real corpus: the bundled examples analyzed (layers, diagnostics, report) plus one recorded failure. */
async function analyzedSqlite(path: string): Promise<SqliteStore> {
  const store = SqliteStore.open(path);
  const { report } = await analyzePaths({ store, ctx: createContext() }, ['examples']);
  // the engine keeps story rows; a saved whole report (as older databases hold) must travel too
  await store.saveReport('latest', report);
  await store.recordFailures([{ source: { path: 'broken.bin' }, diagnostics: [{ severity: 'error', stage: 'ingest', rule: 'binary', message: 'broken.bin: binary file' }] }], '2026-03-11T08:00:00.000Z');
  return store;
}

const pg = testDatabase();

test('a corpus moves SQLite -> PostgreSQL -> SQLite losslessly', { skip: 'skip' in pg ? pg.skip : false }, async () => {
  if ('skip' in pg) return;
  after(() => pg.dropAll());
  const source = await analyzedSqlite(join(dir, 'source.db'));
  const middle = await PostgresStore.open(pg.url, { schema: pg.freshSchema() });
  const target = SqliteStore.open(join(dir, 'target.db'));
  try {
    const first = await exportLines(source);
    const into = await importCorpus(middle, iterate(first));
    assert.equal(into.articles, 8);
    assert.equal(into.failures, 1);
    const second = await exportLines(middle);
    await importCorpus(target, iterate(second));
    const third = await exportLines(target);
    // Same records in the same order from every backend (the header names the backend that wrote it).
    assert.deepEqual(second.slice(1), first.slice(1));
    assert.deepEqual(third.slice(1), first.slice(1));
    const want = await snapshot(source);
    assert.ok(want.articles.every((a) => a.layers.sentences.length > 0), 'the source articles carry layers');
    assert.ok(want.report && want.report.stories.length > 0, 'the source has a report with stories');
    assert.ok(want.stories.length > 0 && want.stories.every((s) => s !== null && s.articleIds.length > 0), 'the source has story rows');
    assert.equal(want.stageVersions.length, 8, 'the source records the stage versions of every article');
    assert.ok(want.engineState.some((r) => r.key.startsWith(STORY_INDEX_PREFIX)), 'the source has a story index');
    assert.deepEqual(await snapshot(middle), want);
    assert.deepEqual(await snapshot(target), want);
    // Importing again adds nothing.
    const again = await importCorpus(middle, iterate(first));
    assert.deepEqual([again.articles, again.alreadyStored, again.failures, again.engineRows], [0, 8, 0, 0]);
    assert.deepEqual(await snapshot(middle), want);
  } finally {
    await Promise.all([source.close(), middle.close(), target.close()]);
  }
});

test('SQLite -> SQLite export/import keeps everything (no server needed)', async () => {
  const source = await analyzedSqlite(join(dir, 'plain-source.db'));
  const target = SqliteStore.open(':memory:');
  try {
    await importCorpus(target, iterate(await exportLines(source)));
    assert.deepEqual(await snapshot(target), await snapshot(source));
  } finally {
    await Promise.all([source.close(), target.close()]);
  }
});

test('an imported corpus does not re-run its stages: the engine finds every article up to date and in its story', async () => {
  const source = await analyzedSqlite(join(dir, 'engine-source.db'));
  const target = SqliteStore.open(':memory:');
  try {
    const summary = await importCorpus(target, iterate(await exportLines(source)));
    assert.ok(summary.engineRows > 0, 'engine state travelled');
    const before = await snapshot(target);
    const engine = await StoryEngine.open(target, createContext());
    const update = await engine.add(await target.listArticles());
    assert.equal(update.stageRuns, 0, 'no per-article stage ran again');
    assert.deepEqual(update.updated, [], 'no story was re-analyzed');
    const stories = new Set(before.stories.map((s) => s?.summary.id));
    for (const [article, story] of update.storyOf) assert.ok(stories.has(story), `${article} stays in its imported story (${story})`);
    assert.deepEqual(await snapshot(target), before);
  } finally {
    await Promise.all([source.close(), target.close()]);
  }
});

test('a version-1 export (no stage versions, no engine state) still imports', async () => {
  const source = await analyzedSqlite(join(dir, 'v1-source.db'));
  const target = SqliteStore.open(':memory:');
  try {
    const v1 = (await exportLines(source))
      .filter((line) => !line.startsWith('{"kind":"engine"'))
      .map((line, i) => {
        const record = JSON.parse(line) as Record<string, unknown>;
        if (i === 0) return JSON.stringify({ ...record, format: 'parallax.corpus/1' });
        delete record.stages;
        return JSON.stringify(record);
      });
    const summary = await importCorpus(target, iterate(v1));
    assert.deepEqual([summary.articles, summary.engineRows], [8, 0]);
    assert.equal((await target.getStageVersions((await target.listArticles()).map((a) => a.id))).size, 0);
  } finally {
    await Promise.all([source.close(), target.close()]);
  }
});

test('import refuses a file without the header, with bad JSON or an unknown record, naming the line', async () => {
  const store = SqliteStore.open(':memory:');
  const header = JSON.stringify({ kind: 'header', format: 'parallax.corpus/1', backend: 'sqlite' });
  await assert.rejects(importCorpus(store, iterate(['{"kind":"article"}']), 'x.ndjson'), /PX102: x\.ndjson:1: .*header/);
  await assert.rejects(importCorpus(store, iterate([header, '{oops']), 'x.ndjson'), /PX102: x\.ndjson:2: not JSON/);
  await assert.rejects(importCorpus(store, iterate([header, '{"kind":"bogus"}']), 'x.ndjson'), /x\.ndjson:2: unknown record kind "bogus"/);
  await assert.rejects(importCorpus(store, iterate([header, '{"kind":"article","article":{"id":"a1"}}']), 'x.ndjson'), /x\.ndjson:2: an article record lacks/);
  await assert.rejects(importCorpus(store, iterate([]), 'x.ndjson'), /x\.ndjson: empty file/);
  await assert.rejects(importCorpus(store, iterate([header, '{"kind":"engine","key":"k"}']), 'x.ndjson'), /x\.ndjson:2: an engine record lacks/);
  await store.close();
});
