// Public surface of quote grouping.
export { groupQuotes, quoteGroupsStage, QUOTE_GROUPS_DEFAULTS } from './quote-groups.js';
export type { QuoteGroupsConfig } from './quote-groups.js';
export { alignQuotes, quoteWords, DEFAULT_ALIGNMENT } from './word-diff.js';
export type { AlignmentThresholds, QuoteAlignment, QuoteRelation, WordChange } from './word-diff.js';
