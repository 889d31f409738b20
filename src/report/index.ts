// Public surface of the report layer.
export { buildReport, reportOrder } from './build-report.js';
export { filterReportToStory } from './filter-report.js';
export type { ReportOptions } from './build-report.js';
export { count, escapeMarkdown, MARKDOWN_DEFAULTS, renderJson, renderMarkdown, wordCount } from './markdown.js';
export type { MarkdownOptions } from './markdown.js';
export { reportJsonSchema, reportSchema, REPORT_SCHEMA_ID } from './schema.js';
export type { Report, ReportArticle } from './schema.js';
export { escapeHtml, loadUiBundle, renderHtml, scriptSafeJson, uiDir } from './html.js';
export type { UiBundle } from './html.js';
