// Scoped layer names: "article.entities" (spans on each article) vs "corpus.entities" (merged entities of the corpus).
import { LAYER_NAMES, type LayerName } from './article.js';
import type { CorpusLayerName } from './corpus.js';

export type ArticleLayerRef = `article.${LayerName}`;
export type CorpusLayerRef = `corpus.${CorpusLayerName}`;
/** What a stage declares it reads or writes: a layer name with its scope. */
export type ScopedLayer = ArticleLayerRef | CorpusLayerRef;

/** Every corpus layer, in report order (the keys of CorpusResult but `articles`). */
export const CORPUS_LAYER_NAMES: readonly CorpusLayerName[] = [
  'duplicates',
  'entities',
  'quoteGroups',
  'stories',
  'claims',
  'timeline',
  'provenance',
  'coverage',
  'anonymousClaims',
  'brief',
];

const ARTICLE_SET: ReadonlySet<string> = new Set(LAYER_NAMES);
const CORPUS_SET: ReadonlySet<string> = new Set(CORPUS_LAYER_NAMES);

export interface ParsedLayer {
  readonly scope: 'article' | 'corpus';
  /** The property name on Layers (article) or CorpusResult (corpus). */
  readonly name: string;
}

/** Splits "article.entities" into its scope and name; null when the scope or the name is unknown. */
export function parseLayer(ref: string): ParsedLayer | null {
  const dot = ref.indexOf('.');
  if (dot < 0) return null;
  const scope = ref.slice(0, dot);
  const name = ref.slice(dot + 1);
  if (scope === 'article' && ARTICLE_SET.has(name)) return { scope, name };
  if (scope === 'corpus' && CORPUS_SET.has(name)) return { scope, name };
  return null;
}

/** The property of Layers an article layer reference names ("article.quotes" -> "quotes"). */
export function articleLayer(ref: ArticleLayerRef): LayerName {
  return ref.slice('article.'.length) as LayerName;
}

/** The property of CorpusResult a corpus layer reference names ("corpus.claims" -> "claims"). */
export function corpusLayer(ref: CorpusLayerRef): CorpusLayerName {
  return ref.slice('corpus.'.length) as CorpusLayerName;
}
