// Sub-events within each story: articles grouped by the day of the event they lead with; claims follow their dates or articles.
import type { Article } from '../../core/article.js';
import type { Claim, Story, StoryEvent } from '../../core/corpus.js';
import { defineCorpusStage } from '../../pipeline/stage.js';

export interface EventsConfig {
  /** How many opening sentences are searched for the date of the event an article leads with. */
  readonly leadSentences: number;
  /** Longest label kept when it falls back to a lead sentence (cut at a word boundary). */
  readonly maxLabelLength: number;
}

export const EVENTS_DEFAULTS: EventsConfig = { leadSentences: 2, maxLabelLength: 160 };

const DAY_RE = /^\d{4}-\d\d-\d\d/;

function day(value: string | null | undefined): string | null {
  const m = value ? DAY_RE.exec(value) : null;
  return m ? m[0] : null;
}

/**
 * The day an article's lead is about, in this order:
 * 1. the earliest day-precise DATE of the time layer inside the lead sentences, not after the publication day;
 * 2. the publication day;
 * 3. null (the article cannot be dated).
 */
export function eventDay(article: Article, config: EventsConfig = EVENTS_DEFAULTS): string | null {
  const published = day(article.meta.published);
  const leadEnd = article.layers.sentences[config.leadSentences - 1]?.end ?? article.text.length;
  const inLead = article.layers.times
    .filter((t) => t.type === 'DATE' && t.start < leadEnd)
    .map((t) => day(t.value))
    .filter((d): d is string => d !== null && (published === null || d <= published))
    .sort();
  return inLead[0] ?? published;
}

function label(article: Article, maxLength: number): string {
  if (article.meta.title?.trim()) return article.meta.title.trim();
  const first = article.layers.sentences[0];
  const raw = (first ? article.text.slice(first.start, first.end) : (article.text.split('\n').find((l) => l.trim()) ?? '')).trim();
  if (raw.length <= maxLength) return raw;
  const cut = raw.lastIndexOf(' ', maxLength);
  return raw.slice(0, cut > 0 ? cut : maxLength);
}

function mostCommon(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) if (best === null || n > (counts.get(best) ?? 0) || (n === counts.get(best) && v < best)) best = v;
  return best;
}

interface DraftEvent {
  readonly date: string | null;
  readonly articles: string[];
  readonly claims: string[];
}

/** Which draft event a claim belongs to: the one on its mentions' date, else the one holding most of its mention articles. */
function eventForClaim(claim: Claim, drafts: readonly DraftEvent[]): DraftEvent | undefined {
  const date = mostCommon(claim.mentions.flatMap((m) => m.times.map((t) => day(t.value)).filter((d): d is string => d !== null)));
  const onDate = date ? drafts.find((e) => e.date === date) : undefined;
  if (onDate) return onDate;
  let best: DraftEvent | undefined;
  let bestCount = 0;
  for (const e of drafts) {
    const count = claim.mentions.filter((m) => e.articles.includes(m.article)).length;
    if (count > bestCount) [best, bestCount] = [e, count];
  }
  return best ?? drafts[0];
}

/** Events of one story, ordered by date (undated last); ids are assigned by the caller. */
export function storyEvents(
  story: Story,
  articles: ReadonlyMap<string, Article>,
  claims: readonly Claim[],
  config: EventsConfig = EVENTS_DEFAULTS,
): Omit<StoryEvent, 'id'>[] {
  const byDate = new Map<string | null, DraftEvent>();
  for (const id of story.articles) {
    const article = articles.get(id);
    const date = article ? eventDay(article, config) : null;
    let draft = byDate.get(date);
    if (!draft) byDate.set(date, (draft = { date, articles: [], claims: [] }));
    draft.articles.push(id);
  }
  const drafts = [...byDate.values()].sort((a, b) =>
    a.date === b.date ? 0 : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1,
  );
  for (const claim of claims) if (claim.story === story.id) eventForClaim(claim, drafts)?.claims.push(claim.id);
  return drafts.map((d) => {
    const first = articles.get(d.articles[0] ?? '');
    return {
      label: first ? label(first, config.maxLabelLength) : story.title,
      date: d.date,
      articles: d.articles,
      claims: d.claims,
    };
  });
}

/** Every story with its events filled; event ids `v1`, `v2`... run across the corpus in story order. */
export function addEvents(
  stories: readonly Story[],
  articles: readonly Article[],
  claims: readonly Claim[],
  config: EventsConfig = EVENTS_DEFAULTS,
): Story[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  let next = 1;
  return stories.map((story) => ({
    ...story,
    events: storyEvents(story, byId, claims, config).map((e) => ({ id: `v${next++}`, ...e })),
  }));
}

export const eventsStage = defineCorpusStage<EventsConfig>({
  name: 'parallax.events.v1',
  version: '1.0.0',
  requires: ['stories', 'claims'],
  provides: ['stories'],
  defaults: EVENTS_DEFAULTS,
  run(corpus, _ctx, config) {
    return { stories: addEvents(corpus.stories, corpus.articles, corpus.claims, config) };
  },
});
