// Story list rows and article search computed from a whole report, for the inline (one-file) data source.
import type { Report, ReportArticle, SearchHit, StorySummary } from './report-types.js';

export function outletOf(article: ReportArticle): string {
  return article.outlet ?? article.source.path ?? article.source.url ?? article.id;
}

/** Outlets carrying at least one article that is not a near-copy of another: wire copies count once. */
function independentOutlets(articles: readonly ReportArticle[]): number {
  return new Set(articles.filter((a) => a.duplicateOf === null).map(outletOf)).size;
}

export function summarizeStories(report: Report): StorySummary[] {
  const byId = new Map(report.articles.map((a) => [a.id, a]));
  const claimsOf = new Map<string, { claims: number; disputed: number }>();
  for (const c of report.claims) {
    const tally = claimsOf.get(c.story) ?? { claims: 0, disputed: 0 };
    tally.claims++;
    if (c.status === 'disputed') tally.disputed++;
    claimsOf.set(c.story, tally);
  }
  return report.stories.map((s) => {
    const articles = s.articles.map((id) => byId.get(id)).filter((a): a is ReportArticle => a !== undefined);
    const dates = articles.map((a) => a.published).filter((d): d is string => d !== null).sort();
    const tally = claimsOf.get(s.id) ?? { claims: 0, disputed: 0 };
    return {
      id: s.id,
      title: s.title,
      firstDate: dates[0] ?? null,
      lastDate: dates[dates.length - 1] ?? null,
      articles: articles.length,
      outlets: [...new Set(articles.map(outletOf))].sort(),
      independentSources: independentOutlets(articles),
      claims: tally.claims,
      disputed: tally.disputed,
    };
  });
}

function terms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

export function storyMatches(summary: StorySummary, query: string): boolean {
  const hay = `${summary.title} ${summary.outlets.join(' ')}`.toLowerCase();
  return terms(query).every((t) => hay.includes(t));
}

const SNIPPET_RADIUS = 80;

/** Articles whose title or text contains every query word, with a snippet around the first one. */
export function searchReport(report: Report, query: string): SearchHit[] {
  const words = terms(query);
  if (!words.length) return [];
  const hits: SearchHit[] = [];
  for (const a of report.articles) {
    const text = a.text.toLowerCase();
    const title = (a.title ?? '').toLowerCase();
    if (!words.every((w) => text.includes(w) || title.includes(w))) continue;
    const at = Math.max(0, text.indexOf(words[0]!));
    const from = Math.max(0, at - SNIPPET_RADIUS);
    const to = Math.min(a.text.length, at + SNIPPET_RADIUS);
    const snippet = `${from > 0 ? '…' : ''}${a.text.slice(from, to).replace(/\s+/g, ' ')}${to < a.text.length ? '…' : ''}`;
    hits.push({ article: a.id, title: a.title, outlet: outletOf(a), snippet });
  }
  return hits;
}
