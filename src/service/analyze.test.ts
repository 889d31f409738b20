// The analyze use-case: stage failures stay on their article, and a second analysis starts from the ingested article.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../core/context.js';
import { defaultPipeline } from '../pipeline/registry.js';
import { defineArticleStage } from '../pipeline/stage.js';
import { openStore } from '../store/open-store.js';
import { makeArticle } from '../../test/helpers/make-article.js';
import { assertReportInvariants } from '../../test/report-invariants.js';
import fc from 'fast-check';
import { analyzeArticles, currentStories, storedReport, updateAnalysis } from './analyze.js';

const docs = [
  makeArticle('Two people were hurt in Eastbrook on Monday, police said.', { outlet: 'Daily Ledger' }, 'a.txt'),
  makeArticle('Three people were hurt in Eastbrook on Monday, officials said.\n=====\nThe road reopened.', { outlet: 'Northfield Courier' }, 'b.txt'),
];

test('a stage that throws on one article gives a report with that article marked and the others whole', async () => {
  const store = await openStore(':memory:');
  const base = defaultPipeline();
  const failing = defineArticleStage({
    name: 'parallax.failing-quantities.v1',
    version: '1',
    requires: ['article.sentences'],
    provides: ['article.quantities'],
    defaults: {},
    run: (article) => {
      if (article.text.includes('Three')) throw new Error('no numbers today');
      return { layers: { quantities: [] } };
    },
  });
  const pipeline = { articleStages: base.articleStages.map((s) => (s.provides.includes('article.quantities') ? failing : s)), corpusStages: base.corpusStages };
  await store.putArticles(docs);
  const report = await analyzeArticles({ store, ctx: createContext(), pipeline }, docs);
  assertReportInvariants(report);
  const bad = report.articles.find((a) => a.source.path === 'b.txt')!;
  assert.deepEqual(bad.diagnostics.map((d) => [d.rule, d.severity, d.stage]), [['stage-failed', 'error', 'parallax.failing-quantities.v1']]);
  assert.equal(bad.status, 'partial');
  assert.equal(report.articles.find((a) => a.source.path === 'a.txt')?.status, 'ok');
  await store.close();
});

test('analyzing stored articles again starts from the ingested article: stage diagnostics do not pile up', async () => {
  const store = await openStore(':memory:');
  const noisy = defineArticleStage({
    name: 'parallax.noisy.v1',
    version: '1',
    requires: [],
    provides: ['article.times'],
    defaults: {},
    run: (article) => ({ layers: { times: [] }, diagnostics: [{ severity: 'warning', stage: 'parallax.noisy.v1', rule: 'noted', message: `seen ${article.id}` }] }),
  });
  const pipeline = { articleStages: [...defaultPipeline().articleStages.filter((s) => !s.provides.includes('article.times')), noisy], corpusStages: [] };
  await store.putArticles(docs);
  const ctx = createContext();
  await analyzeArticles({ store, ctx, pipeline }, docs);
  await store.saveReport('latest', { ...(await store.loadReport('latest'))!, articles: [] });
  const again = await storedReport({ store, ctx, pipeline });
  for (const a of again!.articles) assert.deepEqual(a.diagnostics.map((d) => d.rule), ['noted'], a.id);
  await store.close();
});

/** The default pipeline with every per-article stage counting its runs. */
function counted(calls: Map<string, number>) {
  const base = defaultPipeline();
  return {
    ...base,
    articleStages: base.articleStages.map((s) => ({
      ...s,
      run: (...args: Parameters<typeof s.run>) => {
        calls.set(s.name, (calls.get(s.name) ?? 0) + 1);
        return s.run(...args);
      },
    })),
  };
}

test('analyzing an unchanged corpus again runs no per-article stage and re-analyzes no story', async () => {
  const store = await openStore(':memory:');
  const calls = new Map<string, number>();
  const pipeline = counted(calls);
  const ctx = createContext();
  await store.putArticles(docs);
  const first = await updateAnalysis({ store, ctx, pipeline }, docs);
  assert.equal(first.stageRuns, docs.length * pipeline.articleStages.length);
  assert.deepEqual([...calls.values()], pipeline.articleStages.map(() => docs.length));
  const report = await storedReport({ store, ctx, pipeline });
  calls.clear();
  // The second run reads the articles back from the store, as a fresh `parallax analyze` of the same files would.
  const second = await updateAnalysis({ store, ctx, pipeline }, docs);
  assert.equal(second.stageRuns, 0);
  assert.equal(calls.size, 0);
  assert.deepEqual(second.updated, []);
  assert.deepEqual(await storedReport({ store, ctx, pipeline }), report);
  // One new article runs its stages once and re-analyzes only its story.
  const extra = makeArticle('Two people were hurt in Eastbrook on Monday when a wall fell, police said.', { outlet: 'Coast Radio' }, 'c.txt');
  await store.putArticles([extra]);
  const third = await updateAnalysis({ store, ctx, pipeline }, [...docs, extra]);
  assert.equal(third.stageRuns, pipeline.articleStages.length);
  assert.deepEqual(third.updated, [third.storyOf.get(extra.id)]);
  await store.close();
});

test('given the same story membership, story reports are byte-identical whether analyzed at once or one article at a time in any order', async () => {
  const corpus = [
    ...docs,
    makeArticle('A fire broke out on the ferry Saint Brendan at Velmora on Tuesday; 17 people were hurt, the coast guard said.', { outlet: 'Harbour Post', published: '2026-03-10' }, 'f1.txt'),
    makeArticle('Fire on the ferry Saint Brendan at Velmora on Tuesday hurt 18 people, the coast guard said. "We acted fast," said Captain Ilse Varga.', { outlet: 'Coast Radio', published: '2026-03-10' }, 'f2.txt'),
    makeArticle('The coast guard said 17 were hurt in the ferry Saint Brendan fire at Velmora on Tuesday. Captain Ilse Varga said: "We acted fast."', { outlet: 'Velmora Herald', published: '2026-03-11' }, 'f3.txt'),
  ];
  const byMembers = async (articles: readonly (typeof corpus)[number][], oneByOne: boolean): Promise<Map<string, string>> => {
    const store = await openStore(':memory:');
    const ctx = createContext();
    await store.putArticles(articles);
    if (oneByOne) for (const a of articles) await updateAnalysis({ store, ctx }, [a]);
    else await updateAnalysis({ store, ctx }, articles);
    const out = new Map<string, string>();
    for (const id of await currentStories({ store, ctx })) {
      const row = (await store.getStory(id))!;
      // Story ids follow arrival order: compare with the id written as a placeholder.
      out.set([...row.articleIds].join(), JSON.stringify(row.report).replaceAll(`"${id}`, '"S'));
    }
    await store.close();
    return out;
  };
  const atOnce = await byMembers(corpus, false);
  assert.ok(atOnce.size >= 2, 'the corpus has several stories');
  await fc.assert(
    fc.asyncProperty(fc.shuffledSubarray(corpus, { minLength: corpus.length, maxLength: corpus.length }), async (order) => {
      const incremental = await byMembers(order, true);
      for (const [members, report] of incremental) {
        if (atOnce.has(members)) assert.equal(report, atOnce.get(members), `story of ${members}`);
      }
      // The membership itself holds in this corpus of clearly separate events.
      assert.deepEqual([...incremental.keys()].sort(), [...atOnce.keys()].sort());
    }),
    { numRuns: 5, seed: 14 },
  );
});
