// Builds a minimal Article for tests that do not need the readers.
import { createHash } from 'node:crypto';
import { emptyLayers, emptyMeta, type Article, type ArticleMeta } from '../../src/core/article.js';

export function makeArticle(text: string, meta: Partial<ArticleMeta> = {}, path = 'test.txt'): Article {
  const contentHash = createHash('sha256').update(text).digest('hex');
  return {
    id: `a${contentHash.slice(0, 12)}`,
    contentHash,
    source: { path },
    text,
    removed: [],
    meta: { ...emptyMeta(), ...meta },
    layers: emptyLayers(),
    diagnostics: [],
    status: 'ok',
    extractedBy: 'plain-text',
    encoding: 'utf-8',
  };
}
