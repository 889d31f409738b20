// Public surface of quote grouping.
export { groupQuotes, quoteGroupsStage, sameRemark, QUOTE_GROUPS_DEFAULTS } from './quote-groups.js';
export type { QuoteGroupsConfig } from './quote-groups.js';
export { alignQuotes, quoteWords, DEFAULT_ALIGNMENT } from './word-diff.js';
export { alignTexts, readQuote, runsWithin } from './quote-text.js';
export type { QuoteText, TextAlignment, WordRun } from './quote-text.js';
export { candidatePairs, indexWords, CANDIDATE_DEFAULTS } from './candidate-pairs.js';
export type { CandidateSettings } from './candidate-pairs.js';
export { speakerMatch, speakersOf, surnameKey } from './speaker-match.js';
export type { Speaker, SpeakerMatch } from './speaker-match.js';
export type { AlignmentThresholds, QuoteAlignment, QuoteRelation, WordChange } from './word-diff.js';
