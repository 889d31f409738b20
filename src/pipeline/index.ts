// Public surface of the pipeline: the registry and the runner.
export { ARTICLE_STAGES, CORPUS_STAGES, defaultPipeline, describePipeline } from './registry.js';
export { assertPipeline, checkPipeline, runArticleStages, runPipeline } from './runner.js';
export type { Pipeline, PipelineCheck, RunOptions, StageConfig } from './runner.js';
export { defineArticleStage, defineCorpusStage } from './stage.js';
export type { ArticleStage, ArticleStageOutput, CorpusStage } from './stage.js';
