// Claim building stays linear inside one article: a story of three long articles, then of three twice as long.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../../src/core/context.js';
import { emptyCorpus, type CorpusResult } from '../../src/core/corpus.js';
import { claimsStage } from '../../src/corpus/claims/index.js';
import { quoteGroupsStage } from '../../src/corpus/quote-groups/index.js';
import { generateArticles } from './generate-articles.js';
import { MAX_GROWTH, growth } from './growth.js';

/** One story of three articles of `paragraphs` paragraphs each (400 paragraphs is about 56 KB of text, near the 76 KB article the issue measured). */
function story(paragraphs: number): CorpusResult {
  const { articles } = generateArticles({ articles: 3, perStory: 3, paragraphs, seed: 3 });
  const corpus = { ...emptyCorpus(articles), stories: [{ id: 's1', title: 'one story', articles: articles.map((a) => a.id), events: [] }] };
  return { ...corpus, ...quoteGroupsStage.run(corpus, createContext(), quoteGroupsStage.defaults) };
}

test(`claims: articles twice as long take at most ${MAX_GROWTH}x the time`, (t) => {
  const ctx = createContext();
  const small = story(400);
  const large = story(800);
  const g = growth(
    () => claimsStage.run(small, ctx, claimsStage.defaults),
    () => claimsStage.run(large, ctx, claimsStage.defaults),
  );
  const chars = (c: CorpusResult): number => Math.max(...c.articles.map((a) => a.text.length));
  t.diagnostic(`articles of ${chars(small)} -> ${chars(large)} chars: ${g.smallMs.toFixed(0)} -> ${g.largeMs.toFixed(0)} ms CPU (x${g.ratio.toFixed(2)}; attempts ${g.attempts.map((r) => `x${r.toFixed(2)}`).join(', ')})`);
  assert.ok(g.ratio <= MAX_GROWTH, `claims grew x${g.ratio.toFixed(2)} for articles twice as long`);
});
