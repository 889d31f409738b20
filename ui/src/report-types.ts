// The report-v1 types the UI reads (the zod schema in src/report is the one definition) and the API's list shapes.
export type { Report, ReportArticle } from '../../src/report/schema.js';
import type { Report } from '../../src/report/schema.js';

export type Claim = Report['claims'][number];
export type Cite = Claim['conflicts'][number]['cites'][number];
export type Conflict = Claim['conflicts'][number];
export type Quote = Report['quotes'][number];
export type QuoteGroup = Report['quoteGroups'][number];
export type Provenance = Report['provenance'][number];

/** One row of `GET /stories`. */
export interface StorySummary {
  readonly id: string;
  readonly title: string;
  readonly firstDate: string | null;
  readonly lastDate: string | null;
  readonly articles: number;
  readonly outlets: readonly string[];
  readonly independentSources: number;
  readonly claims: number;
  readonly disputed: number;
}

/** One row of `GET /search`. */
export interface SearchHit {
  readonly article: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly snippet: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly next: string | null;
}
