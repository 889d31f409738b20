// Hand-built articles for unit tests: layers located by searching the text for the given passages.
import type { Article, EntityType, QuantityQualifier, QuoteKind, TimeType } from '../../src/core/article.js';
import { emptyLayers, emptyMeta } from '../../src/core/article.js';
import type { Span } from '../../src/core/span.js';
import { splitParagraphs, splitSentences } from '../../src/stages/sentences/sentences.js';

export interface HandQuantity {
  readonly text: string;
  readonly value: number;
  readonly low: number | null;
  readonly high: number | null;
  readonly unit: string | null;
  readonly qualifier: QuantityQualifier;
  /** Which occurrence of `text` (0-based). */
  readonly nth?: number;
}

export interface HandArticle {
  readonly id: string;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly text: string;
  readonly credits?: readonly string[];
  readonly path?: string;
  readonly quantities?: readonly HandQuantity[];
  readonly times?: readonly { readonly text: string; readonly value: string | null; readonly type?: TimeType }[];
  readonly entities?: readonly { readonly text: string; readonly canonical?: string; readonly type: EntityType }[];
  readonly quotes?: readonly { readonly text: string; readonly speakerName: string | null; readonly kind?: QuoteKind }[];
  readonly attributions?: readonly { readonly text: string; readonly claimant: string; readonly via: string | null; readonly anonymous?: boolean }[];
}

function locate(text: string, passage: string, nth = 0): Span {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(passage, at + 1);
    if (at < 0) throw new Error(`passage not in text: ${passage}`);
  }
  return { start: at, end: at + passage.length };
}

function allOccurrences(text: string, passage: string): Span[] {
  const out: Span[] = [];
  for (let at = text.indexOf(passage); at >= 0; at = text.indexOf(passage, at + 1)) out.push({ start: at, end: at + passage.length });
  return out;
}

export function buildArticle(h: HandArticle): Article {
  const paragraphs = splitParagraphs(h.text);
  const sentences = paragraphs.flatMap((p) => splitSentences(h.text, p));
  const layers = {
    ...emptyLayers(),
    paragraphs,
    sentences,
    quantities: (h.quantities ?? []).map((q) => ({
      ...locate(h.text, q.text, q.nth ?? 0),
      value: q.value,
      low: q.low,
      high: q.high,
      lowInclusive: q.qualifier !== 'more-than',
      highInclusive: q.qualifier !== 'less-than' && q.qualifier !== 'nearly',
      unit: q.unit,
      qualifier: q.qualifier,
    })),
    times: (h.times ?? []).map((t) => ({ ...locate(h.text, t.text), type: t.type ?? 'DATE', value: t.value })),
    entities: (h.entities ?? []).flatMap((e) =>
      allOccurrences(h.text, e.text).map((s) => ({ ...s, type: e.type, canonical: e.canonical ?? e.text, how: 'self' })),
    ),
    quotes: (h.quotes ?? []).map((q) => ({
      ...locate(h.text, q.text),
      kind: q.kind ?? ('direct' as const),
      speaker: null,
      speakerName: q.speakerName,
      speakerHow: q.speakerName ? ('named' as const) : ('none' as const),
      cue: null,
    })),
    attributions: (h.attributions ?? []).map((a) => {
      const span = locate(h.text, a.text);
      return { ...span, claimant: a.claimant, via: a.via, viaKind: a.anonymous ? ('anonymous' as const) : ('named' as const), claim: span };
    }),
  };
  return {
    id: h.id,
    contentHash: h.id,
    source: h.path ? { path: h.path } : {},
    text: h.text,
    removed: [],
    meta: { ...emptyMeta(), outlet: h.outlet, published: h.published, credits: h.credits ?? [] },
    layers,
    diagnostics: [],
    status: 'ok',
    extractedBy: 'plain-text',
    encoding: null,
  };
}
