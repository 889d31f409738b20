import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../core/context.js';
import { makeArticle } from '../../test/helpers/make-article.js';
import { checkPipeline, runArticleStages, runPipeline } from './runner.js';
import { defineArticleStage, defineCorpusStage } from './stage.js';
import { sentencesStage } from '../stages/sentences/index.js';

const needsEntities = defineArticleStage({
  name: 'parallax.test-quotes.v1',
  version: '1',
  requires: ['entities'],
  provides: ['quotes'],
  defaults: {},
  run: () => ({ layers: { quotes: [] } }),
});

test('a stage whose requirement no earlier stage provides is reported before anything runs', () => {
  const check = checkPipeline({ articleStages: [sentencesStage, needsEntities], corpusStages: [] });
  assert.equal(check.ok, false);
  assert.match(check.problems[0]!, /parallax\.test-quotes\.v1 requires "entities"/);
  assert.throws(() => runPipeline({ articleStages: [needsEntities], corpusStages: [] }, [], createContext()), /PX300/);
});

test('a crashing stage is recorded on the article and the other stages still run', () => {
  const crash = defineArticleStage({
    name: 'parallax.crash.v1',
    version: '1',
    requires: [],
    provides: ['times'],
    defaults: {},
    run: () => {
      throw new Error('boom');
    },
  });
  const out = runArticleStages(makeArticle('One sentence. Two sentences.'), [crash, sentencesStage], createContext());
  assert.equal(out.status, 'partial');
  assert.equal(out.diagnostics[0]?.rule, 'stage-crashed');
  assert.equal(out.layers.sentences.length, 2);
});

test('a stage producing an out-of-range span is caught, not written', () => {
  const broken = defineArticleStage({
    name: 'parallax.broken.v1',
    version: '1',
    requires: [],
    provides: ['sentences'],
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
    requires: ['sentences'],
    provides: ['stories'],
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
