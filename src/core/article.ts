// The one document model: clean text once, and read-only layers of spans into it.
import { createHash } from 'node:crypto';
import type { Diagnostic } from './diagnostics.js';
import type { Span } from './span.js';

export type EntityType = 'PERSON' | 'ORG' | 'LOC' | 'MISC';

export interface EntityMention extends Span {
  readonly type: EntityType;
  /** Fullest name this mention refers to inside its article ("Trump" -> "Donald Trump"). */
  readonly canonical: string;
  /** How the canonical name was found: "self", "surname", "title", "role", "acronym", ... */
  readonly how: string;
  readonly score?: number;
}

export type QuoteKind = 'direct' | 'partial' | 'indirect';
/** "context": a quotation paragraph with no cue, spoken by the person the paragraph before reported or named. */
export type SpeakerHow = 'named' | 'role' | 'pronoun' | 'running' | 'context' | 'statement' | 'outlet' | 'none';

export interface QuoteSpan extends Span {
  readonly kind: QuoteKind;
  /** Where the speaker is named in the text, if it is. */
  readonly speaker: Span | null;
  /** Canonical speaker name (an entity's canonical form) or null when unresolved. */
  readonly speakerName: string | null;
  readonly speakerHow: SpeakerHow;
  readonly cue: Span | null;
}

export type SourceKind = 'named' | 'anonymous' | 'official' | 'outlet';

export interface AttributionSpan extends Span {
  /** Who reports it: an outlet or person ("Bloomberg"). */
  readonly claimant: string;
  /** Whom the claimant cites ("people familiar with the matter"), null when nobody. */
  readonly via: string | null;
  readonly viaKind: SourceKind | null;
  /** The claim the attribution covers, when it can be delimited. */
  readonly claim: Span | null;
}

export type TimeType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface TimeSpan extends Span {
  readonly type: TimeType;
  /** TimeML-style value: 2025-03-06, 2025-03, 2025-W10, PT30M, P4Y, PRESENT_REF; null when unresolved. */
  readonly value: string | null;
  /** For relative expressions whose anchor is an event ("hours after the vote"). */
  readonly relation?: { readonly kind: 'before' | 'after' | 'during'; readonly anchor: string; readonly offset?: string };
}

export type QuantityQualifier =
  | 'exact'
  | 'at-least'
  | 'more-than'
  | 'at-most'
  | 'less-than'
  | 'about'
  | 'nearly'
  | 'up-to'
  | 'range';

/** What happened to the people a count counts: "two people were killed" -> killed, "three were hospitalized". */
export type PeopleRole = 'killed' | 'injured' | 'wounded' | 'shot' | 'hospitalized';

export interface QuantitySpan extends Span {
  /** Point value as written (17 for "at least 17"). */
  readonly value: number;
  /** Interval the qualifier implies; null means unbounded. */
  readonly low: number | null;
  readonly high: number | null;
  readonly lowInclusive: boolean;
  readonly highInclusive: boolean;
  /** The thing counted ("people", "minutes"), normalized to a lemma-ish form; null when none. */
  readonly unit: string | null;
  readonly qualifier: QuantityQualifier;
  /** For a count of people, what happened to them; absent when the count is not of people or says nothing of it. */
  readonly role?: PeopleRole;
  /** A running total beyond the event ("the 40th homicide this year", "so far this year"): never the event's figure. */
  readonly tally?: boolean;
}

export interface Layers {
  readonly paragraphs: readonly Span[];
  readonly sentences: readonly Span[];
  readonly entities: readonly EntityMention[];
  readonly quotes: readonly QuoteSpan[];
  readonly attributions: readonly AttributionSpan[];
  readonly times: readonly TimeSpan[];
  readonly quantities: readonly QuantitySpan[];
}

export type LayerName = keyof Layers;

export const LAYER_NAMES: readonly LayerName[] = [
  'paragraphs',
  'sentences',
  'entities',
  'quotes',
  'attributions',
  'times',
  'quantities',
];

export function emptyLayers(): Layers {
  return { paragraphs: [], sentences: [], entities: [], quotes: [], attributions: [], times: [], quantities: [] };
}

/** A metadata value plus where it came from ("json-ld", "meta:og:site_name", "text-header", "dateline"). */
export interface Provenanced<T> {
  readonly value: T;
  readonly from: string;
}

export interface ArticleMeta {
  readonly title: string | null;
  readonly outlet: string | null;
  /** True when the input named no outlet and `outlet` is a guess (the page's host or the file's stem). */
  readonly outletGuessed?: boolean;
  /** ISO 8601, partial allowed ("2025-07"); may carry a time ("2025-03-07T07:40"). */
  readonly published: string | null;
  readonly dateline: string | null;
  readonly byline: string | null;
  readonly credits: readonly string[];
  readonly language: string | null;
  readonly url: string | null;
  /** Which source won for each field. */
  readonly provenance: Readonly<Record<string, string>>;
}

export function emptyMeta(): ArticleMeta {
  return {
    title: null,
    outlet: null,
    published: null,
    dateline: null,
    byline: null,
    credits: [],
    language: null,
    url: null,
    provenance: {},
  };
}

export interface Removed {
  readonly text: string;
  readonly reason: string;
}

export interface SourceRef {
  readonly path?: string;
  readonly url?: string;
  /** Position inside a container file: feed item, JSONL line, WARC record. */
  readonly record?: string;
}

export type ArticleStatus = 'ok' | 'partial' | 'failed';

export interface Article {
  /** Stable id derived from the content hash. */
  readonly id: string;
  readonly contentHash: string;
  readonly source: SourceRef;
  readonly text: string;
  readonly removed: readonly Removed[];
  readonly meta: ArticleMeta;
  readonly layers: Layers;
  readonly diagnostics: readonly Diagnostic[];
  readonly status: ArticleStatus;
  /** Which extraction step produced the text ("structured-data", "readability", "density", "plain-text"). */
  readonly extractedBy: string;
  readonly encoding: string | null;
}

/** Options of `plainTextArticle`; the id defaults to "a" + the first 12 hex digits of the text's sha256. */
export interface PlainTextOptions {
  readonly meta?: Partial<ArticleMeta>;
  readonly source?: SourceRef;
  readonly id?: string;
  readonly encoding?: string | null;
}

/** An Article over text that is already clean (no reader, header or boilerplate step): empty layers, status ok. */
export function plainTextArticle(text: string, options: PlainTextOptions = {}): Article {
  const contentHash = createHash('sha256').update(text).digest('hex');
  return {
    id: options.id ?? `a${contentHash.slice(0, 12)}`,
    contentHash,
    source: options.source ?? {},
    text,
    removed: [],
    meta: { ...emptyMeta(), ...options.meta },
    layers: emptyLayers(),
    diagnostics: [],
    status: 'ok',
    extractedBy: 'plain-text',
    encoding: options.encoding === undefined ? 'utf-8' : options.encoding,
  };
}
