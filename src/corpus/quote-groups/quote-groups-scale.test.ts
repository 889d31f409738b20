// Quote grouping grows linearly with the corpus: candidates come from the word index, never from all pairs of quotes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyCorpus, type CorpusResult } from '../../core/corpus.js';
import { buildArticle } from '../../../test/stories/build-article.js';
import { candidatePairs, indexWords } from './candidate-pairs.js';
import { groupQuotes } from './quote-groups.js';
import { quoteWords } from './word-diff.js';

/** A fixed linear congruential generator: the same corpus every run. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * `stories` stories of eight articles, one quote each. A story has its own words (as real stories have their own
 * names and places) and shares a pool of everyday words with every other story; half the quotes repeat an earlier
 * quote of their story with one word changed.
 */
/** A number spelled in letters, so the tokenizer keeps each invented word whole. */
function letters(n: number): string {
  let out = '';
  do {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26);
  } while (n > 0);
  return out;
}

function corpusOf(stories: number): CorpusResult {
  const random = lcg(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const everyday = Array.from({ length: 400 }, (_, k) => `common${letters(k)}`);
  const articles = [];
  for (let s = 0; s < stories; s++) {
    const own = Array.from({ length: 40 }, (_, k) => `story${letters(s)}word${letters(k)}`);
    const said: string[][] = [];
    for (let a = 0; a < 8; a++) {
      let words: string[];
      const earlier = said.length ? pick(said) : null;
      if (earlier && random() < 0.5) {
        words = [...earlier];
        words[Math.floor(random() * words.length)] = pick(own);
      } else {
        words = Array.from({ length: 12 }, (_, k) => (k % 3 === 0 ? pick(everyday) : pick(own)));
      }
      said.push(words);
      const quote = `"${words.join(' ')},"`;
      const id = `s${s}a${a}`;
      articles.push(buildArticle({ id, outlet: id, published: null, text: `${quote} Speaker ${letters(s)} said.`, quotes: [{ text: quote, speakerName: `Speaker ${letters(s)}` }] }));
    }
  }
  return emptyCorpus(articles);
}

/** The fastest of five runs of each, interleaved so that a busy machine slows both alike. */
function fastestMs(runs: readonly (() => void)[]): number[] {
  const best = runs.map(() => Number.POSITIVE_INFINITY);
  for (let i = 0; i < 5; i++) {
    runs.forEach((run, k) => {
      const t0 = performance.now();
      run();
      best[k] = Math.min(best[k] ?? Number.POSITIVE_INFINITY, performance.now() - t0);
    });
  }
  return best;
}

test('doubling the quotes about doubles the candidate pairs and the time', () => {
  const small = corpusOf(150);
  const large = corpusOf(300);
  const pairsOf = (c: CorpusResult): number =>
    candidatePairs(c.articles.flatMap((a) => a.layers.quotes.map((q) => indexWords(quoteWords(a.text.slice(q.start, q.end)))))).length;
  const pairRatio = pairsOf(large) / pairsOf(small);
  assert.ok(pairRatio < 2.3, `candidate pairs grew ${pairRatio.toFixed(2)}x for 2x the quotes`);
  groupQuotes(small); // warm the optimizing compiler
  // A busy machine only ever slows a run down, so the best of three rounds is the fair figure for both sizes.
  const ratios: number[] = [];
  for (let round = 0; round < 3 && !ratios.some((r) => r < 2.6); round++) {
    const [smallMs = 0, largeMs = 0] = fastestMs([() => groupQuotes(small), () => groupQuotes(large)]);
    ratios.push(largeMs / smallMs);
  }
  assert.ok(ratios.some((r) => r < 2.6), `time grew ${ratios.map((r) => r.toFixed(2)).join(', ')}x for 2x the quotes`);
  assert.ok(groupQuotes(small).length > 100, 'the repeated quotes of each story are grouped');
});
