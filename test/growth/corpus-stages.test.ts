// Every corpus stage grows linearly (or n log n) with the corpus: doubling the articles at most about doubles its time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../../src/core/context.js';
import { emptyCorpus, type CorpusResult } from '../../src/core/corpus.js';
import { CORPUS_STAGES } from '../../src/pipeline/registry.js';
import { generateArticles } from './generate-articles.js';
import { MAX_GROWTH, MAX_GROWTH_SHORT, SHORT_RUN_MS, growth, growthBound } from './growth.js';

/** Articles in the smaller corpus: enough that each stage's own work, not fixed costs, dominates its time. */
const SMALL = 700;

/** The corpus as each stage finds it (every earlier stage applied), at one size; built once for all the tests. */
function inputsPerStage(articles: number): Map<string, CorpusResult> {
  const ctx = createContext();
  const inputs = new Map<string, CorpusResult>();
  let corpus = emptyCorpus(generateArticles({ articles }).articles);
  for (const stage of CORPUS_STAGES) {
    inputs.set(stage.name, corpus);
    corpus = { ...corpus, ...stage.run(corpus, ctx, stage.defaults) };
  }
  return inputs;
}

/** A run of `run` on a copy of the corpus whose articles are new objects (same fields), made now, before any timing. */
function withFreshArticles(corpus: CorpusResult, run: (corpus: CorpusResult) => void): () => void {
  const fresh = { ...corpus, articles: corpus.articles.map((article) => ({ ...article })) };
  return () => run(fresh);
}

const small = inputsPerStage(SMALL);
const large = inputsPerStage(2 * SMALL);

for (const stage of CORPUS_STAGES) {
  test(`${stage.name}: twice the articles take at most ${MAX_GROWTH}x the time (${MAX_GROWTH_SHORT}x for runs under ${SHORT_RUN_MS} ms)`, (t) => {
    const ctx = createContext();
    const a = small.get(stage.name)!;
    const b = large.get(stage.name)!;
    // Cold runs: each timed run gets new article objects, so the stages' per-article memos (shingles, mentions,
    // quote pieces, lead events) start empty and are filled inside the timing, as for a story seen the first time.
    const g = growth(
      { fresh: () => withFreshArticles(a, (c) => stage.run(c, ctx, stage.defaults)) },
      { fresh: () => withFreshArticles(b, (c) => stage.run(c, ctx, stage.defaults)) },
    );
    t.diagnostic(`${SMALL} -> ${2 * SMALL} articles: ${g.smallMs.toFixed(0)} -> ${g.largeMs.toFixed(0)} ms CPU (x${g.ratio.toFixed(2)}; attempts ${g.attempts.map((r) => `x${r.toFixed(2)}`).join(', ')})`);
    assert.ok(g.ratio <= growthBound(g), `${stage.name} grew x${g.ratio.toFixed(2)} for twice the articles (bound x${growthBound(g)})`);
  });
}
