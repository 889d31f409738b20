// Lookups over one story's report subset (articles, claims, quotes, entities by id), built once per story.
import type { Cite, Claim, Quote, Report, ReportArticle } from './report-types.js';
import { outletOf } from './story-summary.js';

export interface StoryData {
  readonly report: Report;
  readonly storyId: string;
  readonly title: string;
  readonly article: (id: string) => ReportArticle | undefined;
  readonly outlet: (articleId: string) => string;
  readonly claim: (id: string) => Claim | undefined;
  readonly quote: (id: string) => Quote | undefined;
  readonly entityName: (id: string | null) => string | null;
  /** The cited characters, or "" when the cite does not fit its article. */
  readonly passage: (cite: Cite) => string;
}

export function storyData(report: Report, storyId: string): StoryData {
  const articles = new Map(report.articles.map((a) => [a.id, a]));
  const claims = new Map(report.claims.map((c) => [c.id, c]));
  const quotes = new Map(report.quotes.map((q) => [q.id, q]));
  const entities = new Map(report.entities.map((e) => [e.id, e.name]));
  const story = report.stories.find((s) => s.id === storyId) ?? report.stories[0];
  return {
    report,
    storyId,
    title: story?.title ?? storyId,
    article: (id) => articles.get(id),
    outlet: (id) => {
      const a = articles.get(id);
      return a ? outletOf(a) : id;
    },
    claim: (id) => claims.get(id),
    quote: (id) => quotes.get(id),
    entityName: (id) => (id ? (entities.get(id) ?? null) : null),
    passage: (cite) => articles.get(cite.article)?.text.slice(cite.start, cite.end) ?? '',
  };
}

export function sameCite(a: Cite | null, b: Cite | null): boolean {
  return a !== null && b !== null && a.article === b.article && a.start === b.start && a.end === b.end;
}
