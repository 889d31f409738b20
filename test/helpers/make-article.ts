// Builds a minimal Article for tests that do not need the readers.
import { plainTextArticle, type Article, type ArticleMeta } from '../../src/core/article.js';

export function makeArticle(text: string, meta: Partial<ArticleMeta> = {}, path = 'test.txt'): Article {
  return plainTextArticle(text, { meta, source: { path } });
}
