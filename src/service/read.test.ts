// Read use-cases: after an analysis every story has a row whose report is the story's subset, and reading writes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../core/context.js';
import { filterReportToStory } from '../report/filter-report.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { makeArticle } from '../../test/helpers/make-article.js';
import { analyzeArticles } from './analyze.js';
import { articlePage, articleView, searchPage, storyPage, storyReport } from './read.js';

const docs = [
  makeArticle('A fire broke out on the ferry Saint Brendan on Monday, the coast guard said. Four people were hurt.', { outlet: 'Daily Ledger', title: 'Ferry fire' }, 'a.txt'),
  makeArticle('Five people were hurt when fire broke out on the ferry Saint Brendan on Monday, the coast guard said.', { outlet: 'Northfield Courier', title: 'Fire on ferry' }, 'b.txt'),
  makeArticle('The city council passed the harbour budget on Tuesday after a long debate.', { outlet: 'Daily Ledger', title: 'Budget passes' }, 'c.txt'),
];

/** A store whose writes throw: a read use-case that wrote anything would fail. */
function readOnly(store: Store): Store {
  const refuse = (): never => {
    throw new Error('a read wrote to the store');
  };
  return { ...store, backend: store.backend, search: store.search.bind(store), listArticleHeaders: store.listArticleHeaders.bind(store), getStory: store.getStory.bind(store), listStories: store.listStories.bind(store), storyOfArticles: store.storyOfArticles.bind(store), getArticle: store.getArticle.bind(store), putArticles: refuse, updateArticles: refuse, replaceStories: refuse, saveReport: refuse, recordFailures: refuse };
}

test('analysis writes one row per story, and the read use-cases serve them without writing', async () => {
  const store = await openStore(':memory:');
  await store.putArticles(docs);
  const report = await analyzeArticles({ store, ctx: createContext() }, docs);
  const ro = readOnly(store);
  const stories = await storyPage(ro, { limit: 50 });
  assert.deepEqual(stories.items.map((s) => s.id), report.stories.map((s) => s.id).sort());
  for (const s of report.stories) {
    assert.deepEqual(await storyReport(ro, s.id), filterReportToStory(report, s.id));
    const row = stories.items.find((x) => x.id === s.id)!;
    assert.equal(row.articles, s.articles.length);
  }
  const ferry = stories.items.find((s) => s.articles === 2)!;
  assert.deepEqual(ferry.outlets, ['Daily Ledger', 'Northfield Courier']);
  assert.equal(await storyReport(ro, 's-missing'), null);
  assert.equal((await articlePage(ro, { limit: 2 })).items.length, 2);
  const view = await articleView(ro, docs[2]!.id);
  assert.ok(view && view.article.layers.sentences.length > 0 && view.story !== null);
  assert.equal((await searchPage(ro, 'ferry', { limit: 10 })).items.length, 2);
  await store.close();
});

test('a second analysis over fewer articles removes the stories that are gone', async () => {
  const store = await openStore(':memory:');
  await store.putArticles(docs);
  const ctx = createContext();
  await analyzeArticles({ store, ctx }, docs);
  const again = await analyzeArticles({ store, ctx }, docs.slice(2));
  assert.deepEqual((await storyPage(store, { limit: 50 })).items.map((s) => s.id), again.stories.map((s) => s.id));
  await store.close();
});
