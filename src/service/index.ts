// The service layer: the only API the CLI, HTTP and web faces call.
export {
  analyzeArticles,
  analyzePaths,
  currentStories,
  storedReport,
  storiesOf,
  storiesReport,
  updateAnalysis,
  updatePaths,
  writeStoredReport,
  writeStoriesReport,
  LATEST,
} from './analyze.js';
export type { AnalyzeDeps, AnalyzePathsResult, UpdatePathsResult } from './analyze.js';
export type { EngineUpdate } from '../engine/story-engine.js';
export { DEFAULT_ARTICLE_CHAR_BUDGET } from '../engine/article-work.js';
export type { ReportSection } from '../report/write-report-stream.js';
export { DEFAULT_INGEST_OPTIONS, ingestPaths, parseByteSize } from './ingest-paths.js';
export type { IngestDeps, IngestSummary } from './ingest-paths.js';
export { noProgress } from './progress.js';
export type { Progress } from './progress.js';
export { listStories, searchArticles } from './query.js';
export { exportCorpus, CORPUS_FORMAT } from './export-corpus.js';
export type { ExportSummary } from './export-corpus.js';
export { importCorpus } from './import-corpus.js';
export type { ImportSummary } from './import-corpus.js';
export { articlePage, articleView, searchPage, storyPage, storyReport, storyRows, summarizeStory } from './read.js';
export type { ArticleHeader, Page, PageRequest, StoredStory, StorySummary } from '../store/index.js';
export { openStore, DEFAULT_DB } from '../store/index.js';
export type { Store, SearchHit } from '../store/index.js';
export { count, renderJson, renderMarkdown, reportSchema, reportJsonSchema } from '../report/index.js';
export { loadUiBundle, renderHtml } from '../report/index.js';
export type { Report } from '../report/index.js';
export { createContext } from '../core/context.js';
export type { Context, Logger } from '../core/context.js';
export type { IngestFailure } from '../core/raw-article.js';
