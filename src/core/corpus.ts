// Corpus-level objects built over many articles: entities, duplicates, quote groups, stories, claims, brief.
import type { Article, EntityType, QuantitySpan, TimeSpan } from './article.js';
import type { Span } from './span.js';

/** A span in a named article: the unit of every citation. */
export interface Cite extends Span {
  readonly article: string;
}

export interface Entity {
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
  /** Other surface forms that were merged into this entity. */
  readonly aliases: readonly string[];
  readonly mentions: readonly Cite[];
  /** Why each alias was merged ("translit-key: zelenskyy~zelensky"). */
  readonly merges: readonly { readonly alias: string; readonly reason: string }[];
}

export interface DuplicateLink {
  readonly article: string;
  /** The earliest (or first ingested) article of its near-copy cluster. */
  readonly duplicateOf: string;
  readonly similarity: number;
}

export interface QuoteRef {
  readonly article: string;
  /** Index into the article's quotes layer. */
  readonly index: number;
}

export interface QuoteDifference {
  readonly quote: QuoteRef;
  readonly from: string;
  readonly to: string;
}

export interface QuoteGroup {
  readonly id: string;
  /** Entity id of the speaker, null when unresolved. */
  readonly speaker: string | null;
  readonly quotes: readonly QuoteRef[];
  readonly relation: 'identical' | 'trimmed' | 'variant';
  readonly differences: readonly QuoteDifference[];
}

export type ConflictKind = 'number' | 'time' | 'sequence' | 'quote' | 'superlative' | 'negation' | 'other';

export interface Conflict {
  /** The other claim's id. */
  readonly claim: string;
  readonly kind: ConflictKind;
  readonly explanation: string;
  readonly cites: readonly Cite[];
}

export type ClaimStatus = 'corroborated' | 'single-source' | 'disputed';

/** A figure that changed over time across reports: an update, not a contradiction. */
export interface Evolution {
  /** "rose from 1 to 24 between 07:40 and 15:00" */
  readonly text: string;
  readonly from: number;
  readonly to: number;
  readonly first: string;
  readonly last: string;
}

export interface ClaimMention extends Cite {
  readonly quantities: readonly QuantitySpan[];
  readonly times: readonly TimeSpan[];
  readonly actors: readonly string[];
  readonly attribution: string | null;
}

export interface Claim {
  readonly id: string;
  readonly story: string;
  readonly summary: string;
  readonly mentions: readonly ClaimMention[];
  readonly outlets: readonly string[];
  readonly independentSources: number;
  readonly status: ClaimStatus;
  readonly conflicts: readonly Conflict[];
  /** Set when the group is an evolving figure rather than a disagreement. */
  readonly evolution?: Evolution;
}

export interface StoryEvent {
  readonly id: string;
  readonly label: string;
  readonly date: string | null;
  readonly articles: readonly string[];
  readonly claims: readonly string[];
}

export interface Story {
  readonly id: string;
  readonly title: string;
  readonly articles: readonly string[];
  readonly events: readonly StoryEvent[];
}

export interface TimelineEntry {
  readonly date: string;
  readonly label: string;
  readonly claims: readonly string[];
  readonly cites: readonly Cite[];
}

export type BriefSection = 'confirmed' | 'disputed' | 'single-source' | 'quotes' | 'timeline' | 'sources';

export interface BriefSentence {
  readonly section: BriefSection;
  readonly text: string;
  readonly cites: readonly Cite[];
  /** How much the line matters to a reader, in [0, 1]: capped views keep the highest. */
  readonly score?: number;
  /** The one outlet a single-source line rests on, for grouping by outlet. */
  readonly outlet?: string;
}

export interface ProvenanceEdge {
  readonly story: string;
  /** Outlet that publishes. */
  readonly outlet: string;
  /** Agency, outlet or source relayed. */
  readonly relays: string;
  readonly kind: 'wire-credit' | 'near-copy' | 'attribution' | 'anonymous';
  readonly cites: readonly Cite[];
}

export interface OutletCoverage {
  readonly outlet: string;
  readonly articles: readonly string[];
  readonly carries: readonly string[];
  /** Claims of the story this outlet does not carry. */
  readonly omits: readonly string[];
  /** The subset of `omits` that two or more independent sources confirm. */
  readonly omitsCorroborated: readonly string[];
}

/** Per story, which claims each outlet carries and omits. */
export interface StoryCoverage {
  readonly story: string;
  readonly outlets: readonly OutletCoverage[];
}

/** A claim whose every mention rests on anonymous sourcing. */
export interface AnonymousClaim {
  readonly claim: string;
  readonly story: string;
  /** The attribution passages ("people familiar with the matter said"). */
  readonly cites: readonly Cite[];
}

export interface CorpusResult {
  readonly articles: readonly Article[];
  readonly duplicates: readonly DuplicateLink[];
  readonly entities: readonly Entity[];
  readonly quoteGroups: readonly QuoteGroup[];
  readonly stories: readonly Story[];
  readonly claims: readonly Claim[];
  readonly timeline: readonly TimelineEntry[];
  readonly provenance: readonly ProvenanceEdge[];
  readonly coverage: readonly StoryCoverage[];
  readonly anonymousClaims: readonly AnonymousClaim[];
  readonly brief: readonly BriefSentence[];
}

export type CorpusLayerName = Exclude<keyof CorpusResult, 'articles'>;

export function emptyCorpus(articles: readonly Article[]): CorpusResult {
  return {
    articles,
    duplicates: [],
    entities: [],
    quoteGroups: [],
    stories: [],
    claims: [],
    timeline: [],
    provenance: [],
    coverage: [],
    anonymousClaims: [],
    brief: [],
  };
}
