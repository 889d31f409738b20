// Builds Article objects for the corpus tests (and the synthetic bench stream) from plain text and optional layers.
import { emptyLayers, emptyMeta, type Article, type ArticleMeta, type Layers } from '../../core/article.js';
import { hashString } from '../duplicates/minhash.js';

export interface FixtureArticleInput {
  readonly text: string;
  readonly id?: string;
  readonly meta?: Partial<ArticleMeta>;
  readonly layers?: Partial<Layers>;
}

export function fixtureArticle(input: FixtureArticleInput): Article {
  const hash = hashString(input.text).toString(16).padStart(8, '0');
  return {
    id: input.id ?? `a${hash}`,
    contentHash: hash,
    source: {},
    text: input.text,
    removed: [],
    meta: { ...emptyMeta(), ...input.meta },
    layers: { ...emptyLayers(), ...input.layers },
    diagnostics: [],
    status: 'ok',
    extractedBy: 'plain-text',
    encoding: null,
  };
}
