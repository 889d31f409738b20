// Story-scoped corpus work: the demo story matches the batch pipeline, a throwing stage stays on its story, ids carry the story.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../core/context.js';
import { defaultPipeline } from '../pipeline/registry.js';
import { defineCorpusStage } from '../pipeline/stage.js';
import { analyzeFolder } from '../../test/helpers/corpus.js';
import { assertReportInvariants } from '../../test/report-invariants.js';
import { analyzeStory, storyStages } from './story-analysis.js';

const examples = new URL('../../examples/', import.meta.url).pathname;
const { corpus, report: batch } = await analyzeFolder([examples]);

test('the demo, one story, analyzed as a story finds what the whole-corpus pipeline finds; only ids gain the story prefix', () => {
  assert.equal(batch.stories.length, 1);
  const story = batch.stories[0]!;
  const report = analyzeStory(story.id, corpus.articles, defaultPipeline(), createContext());
  assertReportInvariants(report);
  const unscoped = JSON.parse(JSON.stringify(report).replaceAll(`"${story.id}.`, '"')) as typeof report;
  for (const key of ['articles', 'entities', 'quotes', 'quoteGroups', 'claims', 'timeline', 'brief', 'provenance', 'coverage'] as const) {
    assert.deepEqual(unscoped[key], batch[key], key);
  }
  assert.deepEqual(unscoped.stories[0]?.events, story.events);
  assert.ok(report.claims.every((c) => c.id.startsWith(`${story.id}.c`) && c.story === story.id));
  assert.ok(report.quotes.every((q) => q.id.startsWith(`${story.id}.q`)));
});

test('a corpus stage that throws becomes an error on the story\'s articles and the later stages still run', () => {
  const base = defaultPipeline();
  const crash = defineCorpusStage({
    name: 'parallax.crash-groups.v1',
    version: '1',
    requires: [],
    provides: ['corpus.quoteGroups'],
    defaults: {},
    run: () => {
      throw new Error('no groups today');
    },
  });
  const pipeline = { ...base, corpusStages: base.corpusStages.map((s) => (s.provides.includes('corpus.quoteGroups') ? crash : s)) };
  const report = analyzeStory('s7', corpus.articles, pipeline, createContext());
  assertReportInvariants(report);
  assert.deepEqual(report.quoteGroups, []);
  assert.ok(report.claims.length > 0, 'claims ran after the failed stage');
  for (const a of report.articles) {
    const failed = a.diagnostics.filter((d) => d.rule === 'stage-failed');
    assert.equal(failed.length, 1, a.id);
    assert.match(failed[0]!.message, /failed on story s7.*no groups today/);
    assert.equal(a.status, 'partial');
  }
});

test('the stage that finds stories does not run inside a story', () => {
  assert.ok(storyStages(defaultPipeline()).every((s) => s.name !== 'parallax.stories.v1'));
  assert.equal(storyStages(defaultPipeline()).length, defaultPipeline().corpusStages.length - 1);
});

test('a story re-analyzed from memoized articles (other members, other ids before) reads byte for byte as one analyzed from fresh copies', () => {
  const articles = corpus.articles;
  assert.ok(articles.length >= 6);
  // Warm the per-article memos in other stories: later articles first (ids numbered from them), then odd members only.
  analyzeStory('s1', articles.slice(3), defaultPipeline(), createContext());
  analyzeStory('s1', articles.filter((_, i) => i % 2 === 1), defaultPipeline(), createContext());
  const warm = analyzeStory('s1', articles, defaultPipeline(), createContext());
  const cold = analyzeStory('s1', articles.map((a) => structuredClone(a)), defaultPipeline(), createContext());
  assert.ok(warm.claims.length > 0 && warm.quoteGroups.length > 0 && warm.entities.length > 0);
  assert.equal(JSON.stringify(warm), JSON.stringify(cold));
});
