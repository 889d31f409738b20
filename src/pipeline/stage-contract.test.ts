// The runner's contract: unique stage names, scoped layer names that exist, reads declared per scope.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../core/context.js';
import { emptyCorpus } from '../core/corpus.js';
import { CORPUS_LAYER_NAMES, parseLayer } from '../core/layer-ref.js';
import { defineArticleStage, defineCorpusStage } from '../core/stage.js';
import { makeArticle } from '../../test/helpers/make-article.js';
import { CORPUS_STAGES, defaultPipeline } from './registry.js';
import { checkPipeline, runPipeline } from './runner.js';

const counts = defineCorpusStage<Record<string, never>>({
  name: 'test.counts.v1',
  version: '1',
  requires: ['article.sentences'],
  provides: ['corpus.timeline'],
  defaults: {},
  run(corpus) {
    return { timeline: corpus.articles.map((a) => ({ date: '2031-01-01', label: String(a.layers.sentences.length), claims: [], cites: [] })) };
  },
});

test('the default pipeline keeps the contract: unique names, existing layers, every requirement provided earlier', () => {
  const check = checkPipeline(defaultPipeline());
  assert.deepEqual(check.problems, []);
});

test('a corpus stage listed twice is refused before anything runs', () => {
  const check = checkPipeline({ articleStages: [], corpusStages: [CORPUS_STAGES[0]!, CORPUS_STAGES[0]!] });
  assert.ok(check.problems.some((p) => p.includes('appears twice')), check.problems.join('; '));
  assert.throws(() => runPipeline({ articleStages: [], corpusStages: [counts, counts] }, [], createContext()), /appears twice/);
});

test('a stage naming a layer that does not exist is refused', () => {
  const bogus = defineCorpusStage<Record<string, never>>({ ...counts, name: 'test.bogus.v1', requires: ['corpus.claimz' as 'corpus.claims'] });
  assert.ok(checkPipeline({ articleStages: [], corpusStages: [bogus] }).problems.some((p) => p.includes('"corpus.claimz", which is no layer')));
});

test('a layer name without a known scope is refused, bare names included', () => {
  for (const name of ['claims', 'story.claims', 'articles.entities', 'corpus.', '.claims', 'corpus.articles']) {
    const bogus = defineCorpusStage<Record<string, never>>({ ...counts, name: 'test.unscoped.v1', requires: [name as 'corpus.claims'] });
    const problems = checkPipeline({ articleStages: [], corpusStages: [bogus] }).problems;
    assert.ok(problems.some((p) => p.includes(`"${name}", which is no layer`)), `${name}: ${problems.join('; ')}`);
  }
});

test('scopes are kept apart: an article stage cannot touch a corpus layer, a corpus stage cannot write an article layer', () => {
  const reader = defineArticleStage<Record<string, never>>({ name: 'test.reader.v1', version: '1', requires: ['corpus.entities' as 'article.entities'], provides: [], defaults: {}, run: () => ({ layers: {} }) });
  assert.ok(checkPipeline({ articleStages: [reader], corpusStages: [] }).problems.some((p) => p.includes('per-article stage but requires the corpus layer "corpus.entities"')));
  const writer = defineCorpusStage<Record<string, never>>({ ...counts, name: 'test.writer.v1', provides: ['article.times' as 'corpus.timeline'] });
  assert.ok(checkPipeline({ articleStages: [], corpusStages: [writer] }).problems.some((p) => p.includes('corpus stage but provides the article layer "article.times"')));
});

test('article.entities and corpus.entities are two layers: each resolves, and declaring one does not allow reading the other', () => {
  assert.deepEqual(parseLayer('article.entities'), { scope: 'article', name: 'entities' });
  assert.deepEqual(parseLayer('corpus.entities'), { scope: 'corpus', name: 'entities' });
  assert.equal(parseLayer('corpus.sentences'), null);
  assert.equal(parseLayer('article.claims'), null);
  const names = defineArticleStage<Record<string, never>>({
    name: 'test.names.v1',
    version: '1',
    requires: [],
    provides: ['article.entities'],
    defaults: {},
    run: (a) => ({ layers: { entities: [{ start: 0, end: 4, type: 'PERSON', canonical: a.text.slice(0, 4), how: 'self' }] } }),
  });
  const merged = defineCorpusStage<Record<string, never>>({
    ...counts,
    name: 'test.merged.v1',
    requires: ['article.entities'],
    provides: ['corpus.entities'],
    run: (corpus) => ({ entities: corpus.articles.flatMap((a) => a.layers.entities.map((m, i) => ({ id: `e${i}`, name: m.canonical, type: m.type, aliases: [], mentions: [], merges: [] }))) }),
  });
  const onlyArticle = defineCorpusStage<Record<string, never>>({
    ...counts,
    name: 'test.only-article.v1',
    requires: ['article.entities'],
    run: (corpus) => ({ timeline: corpus.entities.map((e) => ({ date: '2031-01-01', label: e.name, claims: [], cites: [] })) }),
  });
  const onlyCorpus = defineCorpusStage<Record<string, never>>({
    ...counts,
    name: 'test.only-corpus.v1',
    requires: ['corpus.entities'],
    run: (corpus) => ({ timeline: corpus.articles.flatMap((a) => a.layers.entities.map((m) => ({ date: '2031-01-01', label: m.canonical, claims: [], cites: [] }))) }),
  });
  const both = defineCorpusStage<Record<string, never>>({
    ...counts,
    name: 'test.both.v1',
    requires: ['article.entities', 'corpus.entities'],
    run: (corpus) => ({ timeline: corpus.entities.map((e) => ({ date: '2031-01-01', label: `${e.name}/${corpus.articles[0]?.layers.entities.length ?? 0}`, claims: [], cites: [] })) }),
  });
  const run = (stage: typeof both) => runPipeline({ articleStages: [names], corpusStages: [merged, stage] }, [makeArticle('Mara Voss spoke.')], createContext());
  assert.deepEqual(run(both).timeline.map((t) => t.label), ['Mara/1']);
  for (const [stage, layer] of [[onlyArticle, 'corpus.entities'], [onlyCorpus, 'article.entities']] as const) {
    const problem = run(stage).articles[0]?.diagnostics.find((d) => d.rule === 'stage-failed');
    assert.ok(problem?.message.includes(`read the layer "${layer}" without declaring it`), problem?.message);
  }
});

test('every corpus layer has a scoped name', () => {
  assert.deepEqual([...CORPUS_LAYER_NAMES].sort(), Object.keys(emptyCorpus([])).filter((k) => k !== 'articles').sort());
});

test('a corpus stage reading a corpus layer it did not declare fails there, and the report goes on', () => {
  const sneaky = defineCorpusStage<Record<string, never>>({
    ...counts,
    name: 'test.sneaky.v1',
    requires: [],
    run(corpus) {
      return { timeline: corpus.claims.map((c) => ({ date: '2031-01-01', label: c.id, claims: [], cites: [] })) };
    },
  });
  const result = runPipeline({ articleStages: [], corpusStages: [sneaky] }, [makeArticle('One sentence here.')], createContext());
  const problem = result.articles[0]?.diagnostics.find((d) => d.rule === 'stage-failed');
  assert.ok(problem?.message.includes('read the layer "corpus.claims" without declaring it'), problem?.message);
});

test('an article stage reading an article layer it did not declare fails on that article', () => {
  const sentences = defineArticleStage<Record<string, never>>({ name: 'test.sentences.v1', version: '1', requires: [], provides: ['article.sentences'], defaults: {}, run: () => ({ layers: { sentences: [] } }) });
  const peeks = defineArticleStage<Record<string, never>>({
    name: 'test.peeks.v1',
    version: '1',
    requires: ['article.sentences'],
    provides: ['article.times'],
    defaults: {},
    run: (article) => ({ layers: { times: article.layers.quotes.map((q) => ({ ...q, type: 'DATE' as const, value: null })) } }),
  });
  const result = runPipeline({ articleStages: [sentences, peeks], corpusStages: [] }, [makeArticle('Text.')], createContext());
  assert.ok(result.articles[0]?.diagnostics.some((d) => d.rule === 'stage-failed' && d.message.includes('"article.quotes"')));
  // Declared reads pass.
  const ok = runPipeline({ articleStages: [sentences], corpusStages: [counts] }, [makeArticle('Text.')], createContext());
  assert.equal(ok.timeline.length, 1);
});
