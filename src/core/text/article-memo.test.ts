// ArticleMemo: one computation per article object and key; another key or another object recomputes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plainTextArticle } from '../article.js';
import { ArticleMemo } from './article-memo.js';

const article = (text: string) => plainTextArticle(text);

test('a value is computed once per article and key, and again for another key or object', () => {
  const memo = new ArticleMemo<number>();
  let calls = 0;
  const a = article('a');
  assert.equal(memo.get(a, 'k1', () => ++calls), 1);
  assert.equal(memo.get(a, 'k1', () => ++calls), 1);
  assert.equal(memo.get(a, 'k2', () => ++calls), 2);
  assert.equal(memo.get(a, 'k1', () => ++calls), 3, 'the entry holds the latest key only');
  assert.equal(memo.get(article('a'), 'k1', () => ++calls), 4, 'an equal-looking copy is another article');
});
