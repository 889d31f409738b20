// Public surface of ingestion: read inputs into raw articles, clean them into Articles, extract HTML.
export { readInputs } from './read-inputs.js';
export { DEFAULT_INGEST_OPTIONS, parseByteSize, resolveIngestOptions } from './ingest-options.js';
export type { IngestOptions, InputFormat } from './ingest-options.js';
export { toArticle, DEFAULT_ARTICLE_OPTIONS } from './to-article.js';
export type { ArticleOptions } from './to-article.js';
export { extractHtml, DEFAULT_EXTRACTION_OPTIONS } from './extract-html.js';
export type { DensityDoubt, ExtractionOptions, ExtractionStep, HtmlExtraction, StepLap } from './extract-html.js';
export type { HtmlMetadata } from './html-metadata.js';
export { decodeBytes } from './decode-bytes.js';
export { normalizeDate, dateFromUrl } from './normalize-date.js';
export { classifyLine, removeBoilerplate } from './remove-boilerplate.js';
export type { BoilerplateReason } from './remove-boilerplate.js';
export { canonicalAgency } from './wire-credits.js';
export { parseDateline } from './parse-dateline.js';
export type { Dateline } from './parse-dateline.js';
export { parseByline, isJunkByline } from './parse-byline.js';
export { detectLanguage } from './detect-language.js';
