// Public surface of the quotes stage.
export { quotesStage } from './quotes-stage.js';
export { extractQuotes, QUOTES_DEFAULTS } from './extract-quotes.js';
export type { QuotesConfig } from './extract-quotes.js';
export { findQuoteRegions } from './find-quote-regions.js';
export type { QuoteRegion } from './find-quote-regions.js';
