// The parallax.quotes.v1 stage: reads paragraphs, sentences and entities, adds the quotes layer.
import { defineArticleStage } from '../../core/stage.js';
import { extractQuotes, QUOTES_DEFAULTS, type QuotesConfig } from './extract-quotes.js';

export const quotesStage = defineArticleStage<QuotesConfig>({
  name: 'parallax.quotes.v1',
  version: '1.0.0',
  requires: ['article.paragraphs', 'article.sentences', 'article.entities'],
  provides: ['article.quotes'],
  defaults: QUOTES_DEFAULTS,
  run(article, _ctx, config) {
    return { layers: { quotes: extractQuotes(article.text, article.layers, config) } };
  },
});
