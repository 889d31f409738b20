// Re-export of the stage types, which live in src/core so that stages never import from the pipeline above them.
export { defineArticleStage, defineCorpusStage } from '../core/stage.js';
export type { ArticleStage, ArticleStageOutput, CorpusStage } from '../core/stage.js';
