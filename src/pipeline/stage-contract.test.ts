import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../core/context.js';
import { defineArticleStage, defineCorpusStage } from '../core/stage.js';
import { makeArticle } from '../../test/helpers/make-article.js';
import { CORPUS_STAGES, defaultPipeline } from './registry.js';
import { checkPipeline, runPipeline } from './runner.js';

const counts = defineCorpusStage<Record<string, never>>({
  name: 'test.counts.v1',
  version: '1',
  requires: ['sentences'],
  provides: ['timeline'],
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
  const bogus = defineCorpusStage<Record<string, never>>({ ...counts, name: 'test.bogus.v1', requires: ['claimz' as 'claims'] });
  assert.ok(checkPipeline({ articleStages: [], corpusStages: [bogus] }).problems.some((p) => p.includes('"claimz", which is no layer')));
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
  assert.ok(problem?.message.includes('read the layer "claims" without declaring it'), problem?.message);
});

test('an article stage reading an article layer it did not declare fails on that article', () => {
  const sentences = defineArticleStage<Record<string, never>>({ name: 'test.sentences.v1', version: '1', requires: [], provides: ['sentences'], defaults: {}, run: () => ({ layers: { sentences: [] } }) });
  const peeks = defineArticleStage<Record<string, never>>({
    name: 'test.peeks.v1',
    version: '1',
    requires: ['sentences'],
    provides: ['times'],
    defaults: {},
    run: (article) => ({ layers: { times: article.layers.quotes.map((q) => ({ ...q, type: 'DATE' as const, value: null })) } }),
  });
  const result = runPipeline({ articleStages: [sentences, peeks], corpusStages: [] }, [makeArticle('Text.')], createContext());
  assert.ok(result.articles[0]?.diagnostics.some((d) => d.rule === 'stage-failed' && d.message.includes('"quotes"')));
  // Declared reads pass.
  const ok = runPipeline({ articleStages: [sentences], corpusStages: [counts] }, [makeArticle('Text.')], createContext());
  assert.equal(ok.timeline.length, 1);
});
