// The service layer: the only API the CLI, HTTP and web faces call.
export { analyzeArticles, analyzePaths, storedReport, LATEST } from './analyze.js';
export type { AnalyzeDeps, AnalyzePathsResult } from './analyze.js';
export { ingestPaths } from './ingest-paths.js';
export type { IngestDeps, IngestSummary } from './ingest-paths.js';
export { noProgress } from './progress.js';
export type { Progress } from './progress.js';
export { listStories, searchArticles } from './query.js';
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
