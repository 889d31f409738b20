// The contract every Store backend must pass; each backend's test file calls it with its own opener.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle } from '../../test/helpers/make-article.js';
import type { Report } from '../report/schema.js';
import type { Page, Store, StoredStory } from './store.js';

/** Every item of a paged list, following `next` to the end (and checking it ends). */
async function readAll<T>(list: (cursor: string | null) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await list(cursor);
    out.push(...page.items);
    if (!page.next) return out;
    cursor = page.next;
  }
  throw new Error('paging did not end');
}

function story(id: string, title: string, articleIds: string[], absorbed: string[] = []): StoredStory {
  const report = { schema: 'parallax.report/1', stories: [{ id, title, articles: articleIds, events: [] }] } as unknown as Report;
  return {
    summary: { id, title, firstDate: '2026-03-10', lastDate: '2026-03-11', articles: articleIds.length, outlets: ['Herald'], independentSources: 1, claims: 2, disputed: 1 },
    articleIds,
    absorbed,
    report,
  };
}

export function storeContract(backend: string, open: () => Promise<Store>): void {
  const withStore = async (fn: (store: Store) => Promise<void>): Promise<void> => {
    const store = await open();
    try {
      await fn(store);
    } finally {
      await store.close();
    }
  };

  test(`${backend}: ingest is idempotent by content hash`, () =>
    withStore(async (store) => {
      const a = makeArticle('The ferry fire was brought under control.', { outlet: 'Nordwire', title: 'Fire' });
      const first = await store.putArticles([a]);
      const again = await store.putArticles([a, { ...a, source: { path: 'other.txt' } }]);
      assert.deepEqual(first, [{ id: a.id, inserted: true }]);
      assert.deepEqual(again.map((r) => r.inserted), [false, false]);
      assert.equal(await store.countArticles(), 1);
    }));

  test(`${backend}: articles round-trip exactly, and updates replace annotations`, () =>
    withStore(async (store) => {
      const a = makeArticle('Mayor Dmytro Kovalsky spoke.', { outlet: 'Herald', published: '2026-03-11' });
      await store.putArticles([a]);
      assert.deepEqual(await store.getArticle(a.id), a);
      const annotated = { ...a, layers: { ...a.layers, sentences: [{ start: 0, end: 28 }] } };
      await store.updateArticles([annotated]);
      assert.deepEqual(await store.getArticle(a.id), annotated);
      assert.equal(await store.getArticle('a-missing'), null);
    }));

  test(`${backend}: listArticles returns all or the given ids, in id order`, () =>
    withStore(async (store) => {
      const xs = ['one text', 'two text', 'three text'].map((t) => makeArticle(t));
      await store.putArticles(xs);
      const ids = xs.map((x) => x.id).sort();
      assert.deepEqual((await store.listArticles()).map((x) => x.id), ids);
      assert.deepEqual((await store.listArticles([ids[2]!, ids[0]!])).map((x) => x.id), [ids[0], ids[2]]);
    }));

  test(`${backend}: full-text search finds words and survives query syntax in user input`, () =>
    withStore(async (store) => {
      await store.putArticles([makeArticle('A fire tore through the ferry Saint Brendan.', { title: 'Ferry fire' }), makeArticle('Markets closed higher.')]);
      const hits = (await store.search('ferry', { limit: 10 })).items;
      assert.equal(hits.length, 1);
      assert.match(hits[0]!.snippet, /\[ferry\]/i);
      assert.deepEqual(await store.search('"unbalanced AND (', { limit: 10 }), { items: [], next: null });
      assert.deepEqual(await store.search('   ', { limit: 10 }), { items: [], next: null });
    }));

  test(`${backend}: failures and reports are kept`, () =>
    withStore(async (store) => {
      const failure = { source: { path: 'empty.txt' }, diagnostics: [{ severity: 'error' as const, stage: 'ingest.text', rule: 'empty-file', message: 'empty.txt: file is empty' }] };
      await store.recordFailures([failure], '2026-03-11T00:00:00.000Z');
      assert.deepEqual(await store.listFailures(), [{ failure, at: '2026-03-11T00:00:00.000Z' }]);
      const report = { schema: 'parallax.report/1' } as unknown as Report;
      await store.saveReport('latest', report);
      await store.saveReport('latest', report);
      assert.deepEqual(await store.loadReport('latest'), report);
      assert.equal(await store.loadReport('none'), null);
    }));

  test(`${backend}: search pages by rank with stable cursors and refuses a forged cursor`, () =>
    withStore(async (store) => {
      const xs = Array.from({ length: 7 }, (_, i) => makeArticle(`Ferry report ${i}: the ferry ${'ferry '.repeat(i)}docked.`, { title: `Report ${i}` }));
      await store.putArticles(xs);
      const all = await readAll((cursor) => store.search('ferry', { cursor, limit: 3 }));
      assert.equal(all.length, 7);
      assert.equal(new Set(all.map((h) => h.article)).size, 7);
      assert.deepEqual(all.map((h) => h.article), (await store.search('ferry', { limit: 50 })).items.map((h) => h.article));
      await assert.rejects(store.search('ferry', { cursor: 'not-a-cursor', limit: 3 }), /cursor/);
    }));

  test(`${backend}: article headers page in id order`, () =>
    withStore(async (store) => {
      const xs = Array.from({ length: 5 }, (_, i) => makeArticle(`Text number ${i}.`, { outlet: `Outlet ${i}`, title: `T${i}` }));
      await store.putArticles(xs);
      const headers = await readAll((cursor) => store.listArticleHeaders({ cursor, limit: 2 }));
      assert.deepEqual(headers.map((h) => h.id), xs.map((x) => x.id).sort());
      const first = headers.find((h) => h.id === xs[0]!.id)!;
      assert.deepEqual(first, { id: xs[0]!.id, outlet: 'Outlet 0', published: xs[0]!.meta.published, title: 'T0', source: xs[0]!.source });
    }));

  test(`${backend}: story rows are replaced, listed, filtered by title and found by article`, () =>
    withStore(async (store) => {
      await store.replaceStories([story('s1', 'Ferry fire in the harbour', ['a1', 'a2']), story('s2', 'Budget vote', ['a3'])], []);
      assert.deepEqual(await store.getStory('s1'), story('s1', 'Ferry fire in the harbour', ['a1', 'a2']));
      assert.deepEqual((await readAll((cursor) => store.listStories({ cursor, limit: 1 }))).map((s) => s.id), ['s1', 's2']);
      assert.deepEqual((await store.listStories({ limit: 10, q: 'FERRY harbour' })).items.map((s) => s.id), ['s1']);
      assert.deepEqual((await store.listStories({ limit: 10, q: '100%_' })).items, []);
      // s1 grows and absorbs s2; s2 goes
      await store.replaceStories([story('s1', 'Ferry fire in the harbour', ['a1', 'a2', 'a3'], ['s2'])], ['s2']);
      assert.equal(await store.getStory('s2'), null);
      assert.deepEqual((await store.getStory('s1'))!.absorbed, ['s2']);
      assert.deepEqual([...(await store.storyOfArticles(['a3', 'a9', 'a1'])).entries()].sort(), [['a1', 's1'], ['a3', 's1']]);
    }));
}
