// The two stage types: per-article stages add span layers, corpus stages add corpus objects (in core, so no stage imports upward).
import type { Article, Layers } from './article.js';
import type { Context } from './context.js';
import type { CorpusResult } from './corpus.js';
import type { Diagnostic } from './diagnostics.js';
import type { ArticleLayerRef, CorpusLayerRef, ScopedLayer } from './layer-ref.js';

export interface ArticleStageOutput {
  readonly layers: Partial<Layers>;
  readonly diagnostics?: readonly Diagnostic[];
}

export interface ArticleStage<Cfg = Record<string, unknown>> {
  readonly kind: 'article';
  /** Registry name, e.g. "parallax.quotes.v1". */
  readonly name: string;
  readonly version: string;
  /** Scoped names of the layers it reads, e.g. "article.sentences". */
  readonly requires: readonly ArticleLayerRef[];
  readonly provides: readonly ArticleLayerRef[];
  readonly defaults: Cfg;
  /** Pure: reads the article, returns what it adds. The runner applies it. */
  run(article: Article, ctx: Context, config: Cfg): ArticleStageOutput;
}

export interface CorpusStage<Cfg = Record<string, unknown>> {
  readonly kind: 'corpus';
  readonly name: string;
  readonly version: string;
  /** Scoped names of what it reads: article layers ("article.quotes") and corpus layers ("corpus.stories"). */
  readonly requires: readonly ScopedLayer[];
  readonly provides: readonly CorpusLayerRef[];
  readonly defaults: Cfg;
  run(corpus: CorpusResult, ctx: Context, config: Cfg): Partial<Omit<CorpusResult, 'articles'>>;
}

export function defineArticleStage<Cfg>(stage: Omit<ArticleStage<Cfg>, 'kind'>): ArticleStage<Cfg> {
  return { kind: 'article', ...stage };
}

export function defineCorpusStage<Cfg>(stage: Omit<CorpusStage<Cfg>, 'kind'>): CorpusStage<Cfg> {
  return { kind: 'corpus', ...stage };
}
