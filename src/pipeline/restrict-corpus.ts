// The part of a corpus result that concerns a set of articles: what a corpus stage sees when it is run on them alone.
import type { Cite, CorpusResult } from '../core/corpus.js';

/** Keeps the articles in `keep` and every corpus object citing them, cut down to their cites; ids are unchanged. */
export function restrictCorpus(corpus: CorpusResult, keep: ReadonlySet<string>): CorpusResult {
  const has = (c: { readonly article: string }): boolean => keep.has(c.article);
  const cited = <T extends { readonly cites: readonly Cite[] }>(x: T): T => ({ ...x, cites: x.cites.filter(has) });
  const stories = corpus.stories
    .map((s) => ({ ...s, articles: s.articles.filter((a) => keep.has(a)), events: s.events.map((e) => ({ ...e, articles: e.articles.filter((a) => keep.has(a)) })) }))
    .filter((s) => s.articles.length > 0);
  const claims = corpus.claims.map((c) => ({ ...c, mentions: c.mentions.filter(has) })).filter((c) => c.mentions.length > 0);
  const claimIds = new Set(claims.map((c) => c.id));
  return {
    articles: corpus.articles.filter((a) => keep.has(a.id)),
    duplicates: corpus.duplicates.filter((d) => keep.has(d.article) && keep.has(d.duplicateOf)),
    entities: corpus.entities.map((e) => ({ ...e, mentions: e.mentions.filter(has) })).filter((e) => e.mentions.length > 0),
    quoteGroups: corpus.quoteGroups
      .map((g) => ({ ...g, quotes: g.quotes.filter(has), differences: g.differences.filter((d) => has(d.quote)) }))
      .filter((g) => g.quotes.length > 0),
    stories,
    claims: claims.map((c) => ({ ...c, conflicts: c.conflicts.filter((k) => claimIds.has(k.claim)).map(cited) })),
    timeline: corpus.timeline.map(cited).filter((t) => t.cites.length > 0),
    provenance: corpus.provenance.map(cited).filter((p) => p.cites.length > 0),
    coverage: corpus.coverage
      .map((c) => ({ ...c, outlets: c.outlets.map((o) => ({ ...o, articles: o.articles.filter((a) => keep.has(a)) })).filter((o) => o.articles.length > 0) }))
      .filter((c) => c.outlets.length > 0),
    anonymousClaims: corpus.anonymousClaims.filter((a) => claimIds.has(a.claim)).map(cited),
    brief: corpus.brief.map(cited).filter((b) => b.cites.length > 0),
  };
}
