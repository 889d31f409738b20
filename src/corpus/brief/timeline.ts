// Timeline entries from dated claims: the date a mention's time expression resolves to, else its article's publication day.
import type { Article } from '../../core/article.js';
import type { Cite, Claim, CorpusResult, TimelineEntry } from '../../core/corpus.js';
import { defineCorpusStage } from '../../core/stage.js';

const DAY_RE = /^\d{4}-\d{2}-\d{2}/;

export interface DatedClaim {
  readonly date: string;
  /** "text" when a time expression dated it, "published" when the article's date stood in. */
  readonly from: 'text' | 'published';
  readonly cite: Cite;
}

/** A clause about what is planned or expected may name a later day; a report of what happened may not. */
const FUTURE_RE = /\b(?:will|would|shall|won't|plans?|planned|expects?|expected|scheduled|due to|is to|are to|next)\b/i;

/** A resolved time later than the article's publication: misresolved when the clause reports the past. */
function afterPublication(value: string, published: string | null): boolean {
  if (!published) return false;
  const day = value.slice(0, 10);
  const pubDay = published.slice(0, 10);
  if (day !== pubDay) return day > pubDay;
  const clock = /T(\d{2}:\d{2})/.exec(value)?.[1];
  const pubClock = /T(\d{2}:\d{2})/.exec(published)?.[1];
  return clock !== undefined && pubClock !== undefined && clock > pubClock;
}

/**
 * A claim's date (times after the article's publication count only in clauses about plans or expectations):
 * (1) the first day-precision value of a DATE/TIME expression in any mention, in mention order;
 * (2) else the earliest publication day among its mentions' articles;
 * (3) else none.
 */
export function claimDate(claim: Claim, byId: ReadonlyMap<string, Article>): DatedClaim | null {
  for (const m of claim.mentions) {
    const article = byId.get(m.article);
    const future = FUTURE_RE.test(article?.text.slice(m.start, m.end) ?? '');
    const published = article?.meta.published ?? null;
    const t = m.times.find(
      (x) => (x.type === 'DATE' || x.type === 'TIME') && DAY_RE.test(x.value ?? '') && (future || !afterPublication(x.value ?? '', published)),
    );
    const day = t ? DAY_RE.exec(t.value ?? '')?.[0] : undefined;
    if (t && day) return { date: day, from: 'text', cite: { article: m.article, start: m.start, end: m.end } };
  }
  let best: DatedClaim | null = null;
  for (const m of claim.mentions) {
    const day = DAY_RE.exec(byId.get(m.article)?.meta.published ?? '')?.[0];
    if (day && (!best || day < best.date)) best = { date: day, from: 'published', cite: { article: m.article, start: m.start, end: m.end } };
  }
  return best;
}

/** One entry per dated claim, ordered by date then claim order. */
export function buildTimeline(corpus: CorpusResult): TimelineEntry[] {
  const byId = new Map(corpus.articles.map((a) => [a.id, a]));
  const entries: { entry: TimelineEntry; order: number }[] = [];
  corpus.claims.forEach((claim, order) => {
    const dated = claimDate(claim, byId);
    if (!dated) return;
    // The label is the dated passage itself, so the entry's text and its cite are the same words.
    const passage = (byId.get(dated.cite.article)?.text.slice(dated.cite.start, dated.cite.end) ?? claim.summary).replace(/\s+/g, ' ').trim();
    const label = claim.evolution ? `${passage} (${claim.evolution.text})` : passage;
    entries.push({ entry: { date: dated.date, label, claims: [claim.id], cites: [dated.cite] }, order });
  });
  return entries.sort((a, b) => (a.entry.date < b.entry.date ? -1 : a.entry.date > b.entry.date ? 1 : a.order - b.order)).map((e) => e.entry);
}

export const timelineStage = defineCorpusStage<Record<string, never>>({
  name: 'parallax.timeline.v1',
  version: '1.0.0',
  requires: ['corpus.claims'],
  provides: ['corpus.timeline'],
  defaults: {},
  run(corpus) {
    return { timeline: buildTimeline(corpus) };
  },
});
