// Narrows a report to one story: its articles and everything that cites them.
import type { Report } from './schema.js';

export function filterReportToStory(report: Report, storyId: string): Report | null {
  const story = report.stories.find((s) => s.id === storyId);
  if (!story) return null;
  const ids = new Set(story.articles);
  const inStory = (c: { article: string }): boolean => ids.has(c.article);
  const quotes = report.quotes.filter(inStory);
  const quoteIds = new Set(quotes.map((q) => q.id));
  const claims = report.claims.filter((c) => c.story === storyId);
  const claimIds = new Set(claims.map((c) => c.id));
  return {
    ...report,
    articles: report.articles.filter((a) => ids.has(a.id)),
    entities: report.entities.map((e) => ({ ...e, mentions: e.mentions.filter(inStory) })).filter((e) => e.mentions.length > 0),
    quotes,
    quoteGroups: report.quoteGroups
      .map((g) => ({ ...g, quotes: g.quotes.filter((q) => quoteIds.has(q)), differences: g.differences.filter((d) => quoteIds.has(d.quote)) }))
      .filter((g) => g.quotes.length > 1),
    times: report.times.filter(inStory),
    quantities: report.quantities.filter(inStory),
    attributions: report.attributions.filter(inStory),
    stories: [story],
    claims,
    timeline: report.timeline.filter((t) => t.claims.some((c) => claimIds.has(c))),
    brief: report.brief.filter((b) => b.cites.length > 0 && b.cites.every(inStory)),
    provenance: report.provenance.filter((p) => p.story === storyId),
    coverage: report.coverage.filter((c) => c.story === storyId),
  };
}
