// The analyze use-case: stage failures stay on their article, and a second analysis starts from the ingested article.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../core/context.js';
import { defaultPipeline } from '../pipeline/registry.js';
import { defineArticleStage } from '../pipeline/stage.js';
import { openStore } from '../store/open-store.js';
import { makeArticle } from '../../test/helpers/make-article.js';
import { assertReportInvariants } from '../../test/report-invariants.js';
import { analyzeArticles, storedReport } from './analyze.js';

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
    requires: ['sentences'],
    provides: ['quantities'],
    defaults: {},
    run: (article) => {
      if (article.text.includes('Three')) throw new Error('no numbers today');
      return { layers: { quantities: [] } };
    },
  });
  const pipeline = { articleStages: base.articleStages.map((s) => (s.provides.includes('quantities') ? failing : s)), corpusStages: base.corpusStages };
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
    provides: ['times'],
    defaults: {},
    run: (article) => ({ layers: { times: [] }, diagnostics: [{ severity: 'warning', stage: 'parallax.noisy.v1', rule: 'noted', message: `seen ${article.id}` }] }),
  });
  const pipeline = { articleStages: [...defaultPipeline().articleStages.filter((s) => !s.provides.includes('times')), noisy], corpusStages: [] };
  await store.putArticles(docs);
  const ctx = createContext();
  await analyzeArticles({ store, ctx, pipeline }, docs);
  await store.saveReport('latest', { ...(await store.loadReport('latest'))!, articles: [] });
  const again = await storedReport({ store, ctx, pipeline });
  for (const a of again!.articles) assert.deepEqual(a.diagnostics.map((d) => d.rule), ['noted'], a.id);
  await store.close();
});
