// The report-v1 types the UI reads (the zod schema in src/report is the one definition) and the API's list shapes.
export type { Report, ReportArticle } from '../../src/report/schema.js';
import type { Report } from '../../src/report/schema.js';

export type Claim = Report['claims'][number];
export type Cite = Claim['conflicts'][number]['cites'][number];
export type Conflict = Claim['conflicts'][number];
export type Quote = Report['quotes'][number];
export type QuoteGroup = Report['quoteGroups'][number];
export type Provenance = Report['provenance'][number];

/** `GET /stories` rows, `GET /search` hits and the `{ items, next }` page: the store's own types. */
export type { Page, SearchHit, StorySummary } from '../../src/store/store.js';
