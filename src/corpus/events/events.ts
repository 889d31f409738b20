// Sub-events within each story: the day and action each article leads with; outlets that disagree on the day of the same action join the majority.
import type { Article, TimeSpan } from '../../core/article.js';
import type { Claim, Story, StoryEvent } from '../../core/corpus.js';
import { tokenize } from '../../core/tokenize.js';
import { defineCorpusStage } from '../../core/stage.js';
import { NON_CONTENT_WORDS } from '../../core/text/content-words.js';
import { stem } from '../../core/text/stem.js';
import { ArticleMemo } from '../../core/text/article-memo.js';

export interface EventsConfig {
  /** How many opening sentences are searched for the date of the event an article leads with. */
  readonly leadSentences: number;
  /** Longest label kept when it falls back to a lead sentence (cut at a word boundary). */
  readonly maxLabelLength: number;
  /**
   * Share of the content words around an article's lead date that the main event's leads also use, at or above
   * which the article tells the main event's action (and a different day is a disagreement about its date, not a
   * second event).
   */
  readonly sameActionCoverage: number;
}

export const EVENTS_DEFAULTS: EventsConfig = { leadSentences: 2, maxLabelLength: 160, sameActionCoverage: 0.5 };

const DAY_RE = /^\d{4}-\d\d-\d\d/;
const CLOCK_RE = /^\d{4}-\d\d-\d\dT\d\d:\d\d/;
/** A date right after a reporting verb ("said on Wednesday", "told reporters Wednesday") dates the report, not the event. */
const REPORTED_BEFORE_RE =
  /\b(?:(?:said|says|announced|added|stated|confirmed|reported|wrote|spoke)(?: in a statement)?|told(?: [\w'\u2019]+){0,4})\s+(?:on\s+|late\s+|early\s+)?$/i;
const REPORTED_AFTER_RE = /^\s*(?:,\s*)?(?:said|told|announced|confirmed)\b/i;
/** Words that close a clause around a lead date: punctuation and subordinators ("after two passengers died ..."). */
const CLAUSE_BREAK_RE = /[,;:()\u2013\u2014]|\b(?:after|before|when|while|as|because|but|and|since|until)\b/gi;

function day(value: string | null | undefined): string | null {
  const m = value ? DAY_RE.exec(value) : null;
  return m ? m[0] : null;
}

/**
 * The day of a day-precise date or time, unless it only dates a reporting verb ("said on Wednesday") or is a clock
 * time later on the publication day than the publication itself (a past "8 p.m." resolved forward).
 */
function eventDayOf(article: Article, t: TimeSpan): string | null {
  if (t.type !== 'DATE' && t.type !== 'TIME') return null;
  const d = day(t.value);
  if (!d) return null;
  const published = article.meta.published;
  const clock = t.value ? CLOCK_RE.exec(t.value) : null;
  if (clock && published && CLOCK_RE.test(published) && d === day(published) && clock[0] > published.slice(0, 16)) return null;
  const before = article.text.slice(Math.max(0, t.start - 60), t.start);
  const after = article.text.slice(t.end, t.end + 20);
  return REPORTED_BEFORE_RE.test(before) || REPORTED_AFTER_RE.test(after) ? null : d;
}

/** An event day an article could be reporting as news when it was published (not after its publication day). */
function reportableDay(article: Article, t: TimeSpan): string | null {
  const d = eventDayOf(article, t);
  const pubDay = day(article.meta.published);
  return d && pubDay && d > pubDay ? null : d;
}

function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const t of tokenize(text)) {
    const w = t.text.toLowerCase();
    if (w.length < 3 || NON_CONTENT_WORDS.has(w) || !/^\p{L}/u.test(w)) continue;
    out.add(stem(w.replace(/['\u2019]s$/, '')));
  }
  return out;
}

/** The clause holding a span: from the previous clause break to the next one, inside its sentence. */
function clauseAround(text: string, sentence: { start: number; end: number }, span: TimeSpan): string {
  const s = text.slice(sentence.start, sentence.end);
  let from = 0;
  let to = s.length;
  const at = span.start - sentence.start;
  const atEnd = span.end - sentence.start;
  for (const m of s.matchAll(CLAUSE_BREAK_RE)) {
    const i = m.index ?? 0;
    if (i + m[0].length <= at) from = i + m[0].length;
    else if (i >= atEnd) {
      to = i;
      break;
    }
  }
  return s.slice(from, to);
}

/** What an article leads with: the day of its newest lead development, and the words of the clause that tells it. */
export interface LeadEvent {
  readonly day: string | null;
  /** Content words of the clause around the lead date (the whole lead when the day is the publication day). */
  readonly clause: ReadonlySet<string>;
  /** Content words of the whole lead. */
  readonly lead: ReadonlySet<string>;
  /** False when the lead names no day and `day` is the publication day. */
  readonly dated: boolean;
}

/** Each article's lead event, a function of the article and the lead's length: a growing story reads its members' from here. */
const LEADS = new ArticleMemo<LeadEvent>();

export function leadEvent(article: Article, config: EventsConfig = EVENTS_DEFAULTS): LeadEvent {
  return LEADS.get(article, String(config.leadSentences), () => readLeadEvent(article, config.leadSentences));
}

function readLeadEvent(article: Article, leadSentences: number): LeadEvent {
  const sentences = article.layers.sentences.slice(0, leadSentences);
  const leadEnd = sentences[sentences.length - 1]?.end ?? article.text.length;
  const leadText = sentences.length ? article.text.slice(sentences[0]!.start, leadEnd) : article.text;
  const lead = contentWords(leadText);
  let best: { day: string; span: TimeSpan } | null = null;
  for (const t of article.layers.times) {
    if (t.start >= leadEnd) continue;
    const d = reportableDay(article, t);
    // The newest day the lead reports is its news ("killed in Tuesday's fire after two died on Wednesday").
    if (d && (!best || d > best.day)) best = { day: d, span: t };
  }
  if (!best) return { day: day(article.meta.published), clause: lead, lead, dated: false };
  const sentence = sentences.find((s) => s.start <= best.span.start && best.span.start < s.end);
  const clause = sentence ? contentWords(clauseAround(article.text, sentence, best.span)) : lead;
  return { day: best.day, clause: clause.size ? clause : lead, lead, dated: true };
}

/**
 * The day an article's lead is about: the newest day-precise date or time in the lead sentences that is not after
 * publication and not the date of a reporting verb ("said on Wednesday"); else the publication day; else null.
 */
export function eventDay(article: Article, config: EventsConfig = EVENTS_DEFAULTS): string | null {
  return leadEvent(article, config).day;
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

/**
 * Which draft event a claim belongs to: the one on its date (per mention the newest event day it names, as in
 * "killed in Tuesday's fire after two died on Wednesday"; across mentions the most common), else the one holding
 * most of its articles. A claim may date a plan after publication ("work will begin on Thursday").
 */
function eventForClaim(claim: Claim, drafts: readonly DraftEvent[], articles: ReadonlyMap<string, Article>): DraftEvent | undefined {
  const days = claim.mentions.flatMap((m) => {
    const article = articles.get(m.article);
    const own = m.times.map((t) => (article ? eventDayOf(article, t) : day(t.value))).filter((d): d is string => d !== null);
    return own.length ? [own.reduce((a, b) => (b > a ? b : a))] : [];
  });
  const date = mostCommon(days);
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

function coverage(words: ReadonlySet<string>, vocabulary: ReadonlySet<string>): number {
  if (words.size === 0) return 1;
  let hit = 0;
  for (const w of words) if (vocabulary.has(w)) hit++;
  return hit / words.size;
}

/**
 * Events of one story, ordered by date (undated last); ids are assigned by the caller.
 * The main event is on the day most original articles lead with (near-copies do not vote). An article leading with
 * another day joins it when the clause around its date tells the main event's action (an outlet with the wrong
 * weekday), or when its lead names no day and it was published no later than the main event's reports; otherwise it
 * starts or joins the event of its own day (an aftershock, a later death toll).
 */
export function storyEvents(
  story: Story,
  articles: ReadonlyMap<string, Article>,
  claims: readonly Claim[],
  config: EventsConfig = EVENTS_DEFAULTS,
  copies: ReadonlySet<string> = new Set(),
): Omit<StoryEvent, 'id'>[] {
  const leads = new Map(story.articles.map((id) => [id, articles.get(id)] as const).map(([id, a]) => [id, a ? leadEvent(a, config) : null]));
  const votes = story.articles.filter((id) => !copies.has(id)).map((id) => leads.get(id)?.day).filter((d): d is string => !!d);
  const main = mostCommon(votes.length ? votes : story.articles.map((id) => leads.get(id)?.day).filter((d): d is string => !!d));
  const vocabulary = new Set<string>();
  for (const id of story.articles) {
    const lead = leads.get(id);
    if (lead && lead.day === main) for (const w of lead.lead) vocabulary.add(w);
  }
  // The last day an article telling the main event was published: an undated lead published by then is not news of another day.
  let lastMainPublished = '';
  for (const id of story.articles) {
    const published = day(articles.get(id)?.meta.published);
    if (leads.get(id)?.day === main && published && published > lastMainPublished) lastMainPublished = published;
  }
  const byDate = new Map<string | null, DraftEvent>();
  for (const id of story.articles) {
    const lead = leads.get(id);
    let date = lead?.day ?? null;
    if (lead && date !== null && date !== main && main !== null) {
      const sameAction = coverage(lead.clause, vocabulary) >= config.sameActionCoverage;
      if (sameAction || (!lead.dated && date <= lastMainPublished)) date = main;
    }
    let draft = byDate.get(date);
    if (!draft) byDate.set(date, (draft = { date, articles: [], claims: [] }));
    draft.articles.push(id);
  }
  const drafts = [...byDate.values()].sort((a, b) =>
    a.date === b.date ? 0 : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1,
  );
  for (const claim of claims) if (claim.story === story.id) eventForClaim(claim, drafts, articles)?.claims.push(claim.id);
  return drafts.map((d) => {
    // The main event is named by its first article that leads with its day; a disagreeing outlet does not name it.
    const namer = d.articles.find((id) => leads.get(id)?.day === d.date) ?? d.articles[0] ?? '';
    const first = articles.get(namer);
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
  copies: ReadonlySet<string> = new Set(),
): Story[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  // Each story reads only its own claims: one pass to split them, not a pass over every claim per story.
  const claimsOf = new Map<string, Claim[]>();
  for (const claim of claims) {
    const list = claimsOf.get(claim.story);
    if (list) list.push(claim);
    else claimsOf.set(claim.story, [claim]);
  }
  let next = 1;
  return stories.map((story) => ({
    ...story,
    events: storyEvents(story, byId, claimsOf.get(story.id) ?? [], config, copies).map((e) => ({ id: `v${next++}`, ...e })),
  }));
}

export const eventsStage = defineCorpusStage<EventsConfig>({
  name: 'parallax.events.v1',
  version: '1.1.0',
  requires: ['article.times', 'corpus.stories', 'corpus.claims', 'corpus.duplicates'],
  provides: ['corpus.stories'],
  defaults: EVENTS_DEFAULTS,
  run(corpus, _ctx, config) {
    const copies = new Set(corpus.duplicates.map((d) => d.article));
    return { stories: addEvents(corpus.stories, corpus.articles, corpus.claims, config, copies) };
  },
});
