// The runner: pipeline checks, config merging, and stages failing on one article or story without stopping the rest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../core/context.js';
import { makeArticle } from '../../test/helpers/make-article.js';
import { checkPipeline, runArticleStages, runPipeline } from './runner.js';
import { defineArticleStage, defineCorpusStage, type ArticleStage } from './stage.js';
import type { Article } from '../core/article.js';
import type { ArticleLayerRef } from '../core/layer-ref.js';
import { claimsStage } from '../corpus/claims/index.js';
import { defaultPipeline, describePipeline } from './registry.js';
import { buildReport } from '../report/build-report.js';
import { assertReportInvariants } from '../../test/report-invariants.js';
import { sentencesStage } from '../stages/sentences/index.js';

const needsEntities = defineArticleStage({
  name: 'parallax.test-quotes.v1',
  version: '1',
  requires: ['article.entities'],
  provides: ['article.quotes'],
  defaults: {},
  run: () => ({ layers: { quotes: [] } }),
});

test('a stage whose requirement no earlier stage provides is reported before anything runs', () => {
  const check = checkPipeline({ articleStages: [sentencesStage, needsEntities], corpusStages: [] });
  assert.equal(check.ok, false);
  assert.match(check.problems[0]!, /parallax\.test-quotes\.v1 requires "article\.entities"/);
  assert.throws(() => runPipeline({ articleStages: [needsEntities], corpusStages: [] }, [], createContext()), /PX300/);
});

test('a stage that throws is an error on the article and the stages that do not need it still run', () => {
  const crash = defineArticleStage({
    name: 'parallax.crash.v1',
    version: '1',
    requires: [],
    provides: ['article.times'],
    defaults: {},
    run: () => {
      throw new Error('boom');
    },
  });
  const out = runArticleStages(makeArticle('One sentence. Two sentences.'), [crash, sentencesStage], createContext());
  assert.equal(out.status, 'partial');
  assert.equal(out.diagnostics[0]?.rule, 'stage-failed');
  assert.equal(out.diagnostics[0]?.severity, 'error');
  assert.equal(out.diagnostics[0]?.stage, 'parallax.crash.v1');
  assert.match(out.diagnostics[0]?.message ?? '', /boom.*report this as a bug/);
  assert.equal(out.layers.sentences.length, 2);
});

test('a stage producing an out-of-range span is caught, not written', () => {
  const broken = defineArticleStage({
    name: 'parallax.broken.v1',
    version: '1',
    requires: [],
    provides: ['article.sentences'],
    defaults: {},
    run: () => ({ layers: { sentences: [{ start: 0, end: 999 }] } }),
  });
  const out = runArticleStages(makeArticle('Short.'), [broken], createContext());
  assert.equal(out.layers.sentences.length, 0);
  assert.match(out.diagnostics[0]?.message ?? '', /invalid span/);
});

test('stage config overrides merge over defaults, and corpus stages only set what they provide', () => {
  const seen: unknown[] = [];
  const corpusStage = defineCorpusStage({
    name: 'parallax.probe.v1',
    version: '1',
    requires: ['article.sentences'],
    provides: ['corpus.stories'],
    defaults: { threshold: 0.5, other: 1 },
    run: (_corpus, _ctx, config) => {
      seen.push(config);
      return { stories: [], claims: [{ id: 'leak' }] as never };
    },
  });
  const corpus = runPipeline({ articleStages: [sentencesStage], corpusStages: [corpusStage] }, [makeArticle('Text.')], createContext(), {
    config: { 'parallax.probe.v1': { threshold: 0.9 } },
  });
  assert.deepEqual(seen, [{ threshold: 0.9, other: 1 }]);
  assert.deepEqual(corpus.claims, []);
});

const throwing = (name: string, provides: 'article.sentences' | 'article.times'): ArticleStage<unknown> =>
  defineArticleStage({
    name,
    version: '1',
    requires: [],
    provides: [provides],
    defaults: {},
    run: () => {
      throw new Error('boom');
    },
  });

const needs = (name: string, requires: ArticleLayerRef[], provides: ArticleLayerRef): ArticleStage<unknown> =>
  defineArticleStage({ name, version: '1', requires, provides: [provides], defaults: {}, run: () => ({ layers: {} }) });

test('stages that require what a failed stage provides are skipped with a diagnostic; the rest run', () => {
  const stages = [throwing('parallax.bad-sentences.v1', 'article.sentences'), needs('parallax.on-sentences.v1', ['article.sentences'], 'article.entities'), needs('parallax.on-entities.v1', ['article.entities'], 'article.quotes'), needs('parallax.free.v1', [], 'article.times')];
  const out = runArticleStages(makeArticle('One sentence.'), stages, createContext());
  assert.deepEqual(
    out.diagnostics.map((d) => [d.stage, d.rule]),
    [
      ['parallax.bad-sentences.v1', 'stage-failed'],
      ['parallax.on-sentences.v1', 'stage-skipped'],
      ['parallax.on-entities.v1', 'stage-skipped'],
    ],
  );
  assert.equal(out.status, 'partial');
});

test('a stage that throws on one article leaves the other articles untouched and the report whole', () => {
  const picky = defineArticleStage({
    name: 'parallax.picky-times.v1',
    version: '1',
    requires: ['article.sentences'],
    provides: ['article.times'],
    defaults: {},
    run: (article) => {
      if (article.text.includes('poison')) throw new Error('cannot read poison');
      return { layers: { times: [] } };
    },
  });
  const base = defaultPipeline();
  const stages = base.articleStages.map((s) => (s.provides.includes('article.times') ? picky : s));
  const pipeline = { articleStages: stages, corpusStages: base.corpusStages };
  const docs = [
    makeArticle('Eastbrook council voted 7 to 2 on Monday to close the bridge, the mayor Dana Quill said.', { outlet: 'Ledger' }, 'a.txt'),
    makeArticle('The Eastbrook council voted 7 to 2 to close the bridge, poison, Mayor Dana Quill said.', { outlet: 'Courier' }, 'b.txt'),
  ];
  const corpus = runPipeline(pipeline, docs, createContext());
  const [ok, bad] = [corpus.articles.find((a) => a.source.path === 'a.txt')!, corpus.articles.find((a) => a.source.path === 'b.txt')!];
  assert.equal(ok.status, 'ok');
  assert.equal(bad.status, 'partial');
  assert.deepEqual(bad.diagnostics.map((d) => d.rule), ['stage-failed']);
  assert.ok(bad.layers.entities.length > 0, 'stages that do not need times still ran');
  assert.ok(bad.layers.quantities.length > 0, 'quantities only needs sentences');
  assertReportInvariants(buildReport(corpus, { pipeline: describePipeline(pipeline) }));
});

test('a corpus stage that throws on one story becomes an error on that story\'s articles; the other stories get its output', () => {
  const stories = defineCorpusStage({
    name: 'parallax.two-stories.v1',
    version: '1',
    requires: [],
    provides: ['corpus.stories'],
    defaults: {},
    run: (corpus) => ({
      stories: corpus.articles.map((a, i) => ({ id: `s${i + 1}`, title: a.id, articles: [a.id], events: [] })),
    }),
  });
  const fragile = defineCorpusStage({
    name: 'parallax.fragile-timeline.v1',
    version: '1',
    requires: ['corpus.stories'],
    provides: ['corpus.timeline', 'corpus.stories'],
    defaults: {},
    run: (corpus) => {
      if (corpus.articles.some((a) => a.text.includes('poison'))) throw new Error('timeline bug');
      return {
        timeline: corpus.articles.map((a) => ({ date: '2026-01-01', label: a.id, claims: [], cites: [{ article: a.id, start: 0, end: 3 }] })),
        stories: corpus.stories.map((s) => ({ ...s, title: `dated ${s.title}` })),
      };
    },
  });
  const docs = [makeArticle('One fine day.', {}, 'a.txt'), makeArticle('Two poison days.', {}, 'b.txt'), makeArticle('Three days.', {}, 'c.txt')];
  const corpus = runPipeline({ articleStages: [sentencesStage], corpusStages: [stories, fragile] }, docs, createContext());
  const bad = corpus.articles.find((a) => a.source.path === 'b.txt')!;
  assert.equal(bad.status, 'partial');
  assert.equal(bad.diagnostics[0]?.rule, 'stage-failed');
  assert.match(bad.diagnostics[0]?.message ?? '', /fragile-timeline.*story s2.*timeline bug/);
  assert.equal(corpus.articles.filter((a) => a.status === 'ok').length, 2);
  assert.deepEqual(corpus.timeline.map((t) => t.cites[0]?.article).sort(), docs.filter((d) => d !== docs[1]).map((d) => d.id).sort());
  assert.deepEqual(corpus.stories.map((s) => s.title).sort(), [`dated ${docs[0]!.id}`, `dated ${docs[2]!.id}`, docs[1]!.id].sort(), 'the failed story keeps what the earlier stage built');
});

test('a corpus stage that fails on the corpus as a whole keeps earlier output, marks every article and the report is still built', () => {
  const broken = defineCorpusStage({
    name: 'parallax.broken-claims.v1',
    version: '1',
    requires: [],
    provides: ['corpus.claims'],
    defaults: {},
    run: () => {
      throw new Error('always');
    },
  });
  const base = defaultPipeline();
  const pipeline = { articleStages: base.articleStages, corpusStages: base.corpusStages.map((s) => (s.provides.includes('corpus.claims') ? broken : s)) };
  const docs = [makeArticle('Two were hurt in Eastbrook on Monday.', { outlet: 'Ledger' }, 'a.txt'), makeArticle('Three were hurt in Eastbrook.', { outlet: 'Courier' }, 'b.txt')];
  const corpus = runPipeline(pipeline, docs, createContext());
  assert.deepEqual(corpus.claims, []);
  for (const a of corpus.articles) assert.ok(a.diagnostics.some((d) => d.rule === 'stage-failed' && /the corpus as a whole/.test(d.message)));
  assert.ok(corpus.stories.length > 0, 'the stages before it kept their output');
  assertReportInvariants(buildReport(corpus, { pipeline: describePipeline(pipeline) }));
});

test('a stage over its time budget on an article gets a warning and its output is kept', () => {
  const slow = defineArticleStage({
    name: 'parallax.slow.v1',
    version: '1',
    requires: ['article.sentences'],
    provides: ['article.times'],
    defaults: {},
    run: () => {
      const until = performance.now() + 5;
      while (performance.now() < until);
      return { layers: { times: [{ start: 0, end: 3, type: 'DATE' as const, value: null }] } };
    },
  });
  // The sentences run under the default budget: a cold first run on a loaded machine can take over 1 ms too.
  const split = runArticleStages(makeArticle('One sentence.'), [sentencesStage], createContext());
  const out = runArticleStages(split, [slow], createContext(), {}, undefined, 1);
  assert.equal(out.layers.times.length, 1);
  assert.deepEqual(out.diagnostics.map((d) => [d.stage, d.rule, d.severity]), [['parallax.slow.v1', 'stage-over-budget', 'warning']]);
  assert.equal(out.status, 'ok');
});

test('the real claims stage failing on one story leaves the other story its claims, and every later stage and the report still run', () => {
  const bridge = (outlet: string, n: number): Article =>
    makeArticle(`The Eastbrook river bridge collapsed on Monday, killing ${n} drivers, Mayor Dana Quill said.\nEngineers from Eastbrook said the bridge had cracked in March.`, { outlet }, `${outlet}-bridge.txt`);
  const ferry = (outlet: string, n: number): Article =>
    makeArticle(`A ferry caught fire off Northfield harbor on Friday and ${n} passengers were rescued poison, the coast guard said.\nThe Northfield ferry operator suspended sailings.`, { outlet }, `${outlet}-ferry.txt`);
  const docs = [bridge('Ledger', 4), bridge('Courier', 5), ferry('Ledger', 30), ferry('Courier', 31)];
  const base = defaultPipeline();
  const fragile = defineCorpusStage({
    ...claimsStage,
    run: (corpus, ctx, config) => {
      if (corpus.articles.some((a) => a.text.includes('poison'))) throw new Error('claims bug');
      return claimsStage.run(corpus, ctx, config);
    },
  });
  const pipeline = { articleStages: base.articleStages, corpusStages: base.corpusStages.map((s) => (s === claimsStage ? fragile : s)) };
  const corpus = runPipeline(pipeline, docs, createContext());
  assert.equal(corpus.stories.length, 2, 'the fixture holds two stories');
  const failed = corpus.articles.filter((a) => a.diagnostics.some((d) => d.rule === 'stage-failed'));
  assert.deepEqual(failed.map((a) => a.source.path).sort(), ['Courier-ferry.txt', 'Ledger-ferry.txt']);
  const ferryIds = new Set(failed.map((a) => a.id));
  assert.ok(corpus.claims.length > 0, 'the bridge story has claims');
  assert.ok(corpus.claims.every((c) => c.mentions.every((m) => !ferryIds.has(m.article))));
  assert.ok(corpus.brief.length > 0);
  assertReportInvariants(buildReport(corpus, { pipeline: describePipeline(pipeline) }));
});
