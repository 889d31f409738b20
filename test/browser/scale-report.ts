// Grows a one-story report to N articles by republishing its articles under numbered outlets, with every span and cite copied along.
import type { Report } from '../../src/report/schema.js';

type Cite = { article: string; start: number; end: number };

/**
 * Copy k of article A gets id "A~k" and outlet "Outlet (k)"; each copy carries the same layers, claims mentions,
 * brief and timeline cites as its original, so the page has as much to draw as a real story of that size.
 */
export function scaleReport(report: Report, articles: number): Report {
  const base = report.articles;
  const copies = Math.ceil(articles / base.length);
  const ids = (id: string): string[] => Array.from({ length: copies }, (_, k) => (k === 0 ? id : `${id}~${k}`)).slice(0, copiesOf(id));
  const index = new Map(base.map((a, i) => [a.id, i]));
  // The first `articles` of the round-robin order exist: copy k of base article i is number k * base.length + i.
  const copiesOf = (id: string): number => {
    const i = index.get(id) ?? 0;
    return Math.max(1, Math.ceil((articles - i) / base.length));
  };
  const spread = <T extends { article: string }>(items: readonly T[]): T[] => items.flatMap((x) => ids(x.article).map((article) => ({ ...x, article })));
  const spreadCites = (cites: readonly Cite[]): Cite[] => spread(cites);
  const outletOf = (k: number, outlet: string | null): string | null => (k === 0 || outlet === null ? outlet : `${outlet} (${k + 1})`);
  const quoteIds = new Map<string, string[]>();
  const quotes = report.quotes.flatMap((q) => {
    const made = ids(q.article).map((article, k) => ({ ...q, id: k === 0 ? q.id : `${q.id}~${k}`, article }));
    quoteIds.set(q.id, made.map((m) => m.id));
    return made;
  });
  const made = new Set(base.flatMap((a) => ids(a.id)));
  const copyOf = (id: string | null, k: number): string | null => {
    if (id === null || k === 0) return id;
    const copy = `${id}~${k}`;
    return made.has(copy) ? copy : null;
  };
  return {
    ...report,
    articles: base.flatMap((a) => ids(a.id).map((id, k) => ({ ...a, id, outlet: outletOf(k, a.outlet), duplicateOf: copyOf(a.duplicateOf, k) }))),
    entities: report.entities.map((e) => ({ ...e, mentions: spreadCites(e.mentions) })),
    quotes,
    quoteGroups: report.quoteGroups.map((g) => ({ ...g, quotes: g.quotes.flatMap((q) => quoteIds.get(q) ?? [q]) })),
    times: spread(report.times),
    quantities: spread(report.quantities),
    attributions: spread(report.attributions),
    stories: report.stories.map((s) => ({ ...s, articles: s.articles.flatMap(ids) })),
    claims: report.claims.map((c) => ({ ...c, mentions: spread(c.mentions) })),
    timeline: report.timeline.map((t) => ({ ...t, cites: spreadCites(t.cites) })),
    brief: report.brief.map((b) => ({ ...b, cites: spreadCites(b.cites) })),
    coverage: report.coverage.map((c) => ({
      ...c,
      outlets: c.outlets.flatMap((o) =>
        Array.from({ length: Math.max(...o.articles.map(copiesOf)) }, (_, k) => ({
          ...o,
          outlet: outletOf(k, o.outlet) ?? o.outlet,
          articles: o.articles.map((a) => copyOf(a, k)).filter((a): a is string => a !== null),
        })),
      ),
    })),
  };
}
