// The parallax.attributions.v1 stage: reads sentences (and the article's outlet), adds the attributions layer.
import { defineArticleStage } from '../../core/stage.js';
import { ATTRIBUTIONS_DEFAULTS, extractAttributions, type AttributionsConfig } from './extract-attributions.js';

export const attributionsStage = defineArticleStage<AttributionsConfig>({
  name: 'parallax.attributions.v1',
  version: '1.0.0',
  requires: ['article.sentences', 'article.entities'],
  provides: ['article.attributions'],
  defaults: ATTRIBUTIONS_DEFAULTS,
  run(article, _ctx, config) {
    return { layers: { attributions: extractAttributions(article.text, article.layers, article.meta.outlet, config) } };
  },
});
