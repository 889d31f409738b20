// Attribution chains per story: which outlet relays which agency, copy or source, and which claims rest only on anonymous sourcing.
import type { Article, AttributionSpan } from '../../core/article.js';
import type { AnonymousClaim, Cite, Claim, CorpusResult, ProvenanceEdge } from '../../core/corpus.js';
import type { Span } from '../../core/span.js';
import { spansOverlap } from '../../core/span.js';
import { defineCorpusStage } from '../../core/stage.js';
import { storiesOf } from '../claims/claims-stage.js';
import { outletOf } from '../claims/outlet-of.js';
import { coverage } from './coverage.js';

export type { AnonymousClaim } from '../../core/corpus.js';

/** Where an article names an agency it credits; the first sentence when the credit only lives in metadata. */
function creditCite(article: Article, credit: string): Cite {
  const at = article.text.toLowerCase().indexOf(credit.toLowerCase());
  if (at >= 0) return { article: article.id, start: at, end: at + credit.length };
  return leadCite(article);
}

function leadCite(article: Article): Cite {
  const first: Span = article.layers.sentences[0] ?? { start: 0, end: article.text.length };
  return { article: article.id, start: first.start, end: first.end };
}

function storyArticles(corpus: CorpusResult): { story: string; articles: Article[] }[] {
  const byId = new Map(corpus.articles.map((a) => [a.id, a]));
  return storiesOf(corpus).map((s) => ({
    story: s.id,
    articles: s.articles.map((id) => byId.get(id)).filter((a): a is Article => a !== undefined),
  }));
}

/**
 * Edges, per story in article order:
 * (1) wire-credit: the outlet publishes an agency's copy (meta.credits);
 * (2) near-copy: the article is a near-duplicate of another outlet's article;
 * (3) attribution / anonymous: the text credits a source ("via"), anonymous when the attribution says so.
 * Edges with the same outlet, source and kind merge their cites.
 */
export function provenanceEdges(corpus: CorpusResult): ProvenanceEdge[] {
  const byId = new Map(corpus.articles.map((a) => [a.id, a]));
  const duplicateOf = new Map(corpus.duplicates.map((d) => [d.article, d.duplicateOf]));
  const out: ProvenanceEdge[] = [];
  for (const { story, articles } of storyArticles(corpus)) {
    const edges = new Map<string, { edge: Omit<ProvenanceEdge, 'cites'>; cites: Cite[] }>();
    const add = (outlet: string, relays: string, kind: ProvenanceEdge['kind'], cites: Cite[]): void => {
      if (!relays.trim() || relays.toLowerCase() === outlet.toLowerCase()) return;
      const key = `${outlet}\u0000${relays.toLowerCase()}\u0000${kind}`;
      const hit = edges.get(key);
      if (hit) hit.cites.push(...cites);
      else edges.set(key, { edge: { story, outlet, relays, kind }, cites });
    };
    for (const article of articles) {
      const outlet = outletOf(article);
      for (const credit of article.meta.credits) add(outlet, credit, 'wire-credit', [creditCite(article, credit)]);
      const root = duplicateOf.get(article.id);
      const original = root && root !== article.id ? byId.get(root) : undefined;
      if (original) add(outlet, outletOf(original), 'near-copy', [leadCite(article), leadCite(original)]);
      for (const a of article.layers.attributions) {
        const cite = { article: article.id, start: a.start, end: a.end };
        const source = a.via ?? (a.claimant.toLowerCase() === outlet.toLowerCase() ? null : a.claimant);
        if (source) add(outlet, source, a.viaKind === 'anonymous' ? 'anonymous' : 'attribution', [cite]);
      }
    }
    for (const { edge, cites } of edges.values()) out.push({ ...edge, cites });
  }
  return out;
}

/** Claims every mention of which is covered by an anonymous attribution. */
export function anonymousClaims(corpus: CorpusResult, claims: readonly Claim[] = corpus.claims): AnonymousClaim[] {
  // the anonymous attributions of each article, gathered once: most articles have none, so most claims stop at once
  const anonymousOf = new Map<string, AttributionSpan[]>();
  for (const article of corpus.articles) {
    const anonymous = article.layers.attributions.filter((a) => a.viaKind === 'anonymous');
    if (anonymous.length) anonymousOf.set(article.id, anonymous);
  }
  const out: AnonymousClaim[] = [];
  for (const claim of claims) {
    if (!claim.mentions.length) continue;
    const cites: Cite[] = [];
    for (const m of claim.mentions) {
      const hit = anonymousOf.get(m.article)?.find((a) => spansOverlap(a.claim ?? a, m));
      if (!hit) break;
      cites.push({ article: m.article, start: hit.start, end: hit.end });
    }
    if (cites.length === claim.mentions.length) out.push({ claim: claim.id, story: claim.story, cites });
  }
  return out;
}

export const provenanceStage = defineCorpusStage<Record<string, never>>({
  name: 'parallax.provenance.v1',
  version: '1.0.0',
  requires: ['article.attributions', 'corpus.stories', 'corpus.duplicates', 'corpus.claims'],
  provides: ['corpus.provenance', 'corpus.coverage', 'corpus.anonymousClaims'],
  defaults: {},
  run(corpus) {
    return { provenance: provenanceEdges(corpus), coverage: coverage(corpus), anonymousClaims: anonymousClaims(corpus) };
  },
});
