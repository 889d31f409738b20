// The claims stage: extracts clause-level claims per story, aligns them across outlets, and cites their conflicts.
import type { Article, QuoteSpan } from '../../core/article.js';
import type { Claim, ClaimMention, ClaimStatus, CorpusResult, Story } from '../../core/corpus.js';
import { explainConflict } from './explain-conflict.js';
import { groupQuotes } from '../quote-groups/quote-groups.js';
import { defineCorpusStage } from '../../core/stage.js';
import { alignClaims, ALIGN_DEFAULTS, type AlignConfig, type ClaimDraft } from './align-claims.js';
import { corpusIndexes, extractMentions, type CorpusIndexes, type ExtractConfig, type MentionDraft } from './extract-mentions.js';
import { sourceKeyOf } from './outlet-of.js';
import type { ComparedMention, QuotedWords } from './compare-mentions.js';
import type { Speaker } from '../quote-groups/speaker-match.js';
import { ArticleMemo } from '../../core/text/article-memo.js';
import { CLAUSE_DEFAULTS } from './split-clauses.js';

export interface ClaimsConfig extends AlignConfig, ExtractConfig {
  /** Independent sources needed for "corroborated". */
  readonly minSources: number;
}

export const CLAIMS_DEFAULTS: ClaimsConfig = { ...ALIGN_DEFAULTS, ...CLAUSE_DEFAULTS, minContentWords: 2, minSources: 2 };

/** Story id given to articles that no story holds (so every claim names a story). */
export const UNASSIGNED_STORY = 'unassigned';

/** The corpus stories plus one holding every article no story holds. */
export function storiesOf(corpus: CorpusResult): Story[] {
  const held = new Set(corpus.stories.flatMap((s) => s.articles));
  const rest = corpus.articles.filter((a) => !held.has(a.id)).map((a) => a.id);
  const stories = [...corpus.stories];
  if (rest.length) stories.push({ id: UNASSIGNED_STORY, title: '', articles: rest, events: [] });
  return stories;
}

function mentionOf(m: MentionDraft): ClaimMention {
  return {
    ...m.compared.cite,
    quantities: m.compared.facts.quantities,
    times: m.compared.facts.times,
    actors: m.actors,
    attribution: m.attribution,
  };
}

function unique<T>(list: readonly T[]): T[] {
  return [...new Set(list)];
}

function claimOf(draft: ClaimDraft, id: string, story: string, ids: readonly string[], minSources: number): Claim {
  const independentSources = new Set(draft.mentions.map((m) => m.sourceKey)).size;
  const conflicts = draft.conflicts.map((c) => ({
    claim: ids[c.other] ?? '',
    kind: c.disagreement.kind,
    explanation: explainConflict(c.mine.compared, c.theirs.compared, c.disagreement),
    cites: [c.mine.compared.cite, c.theirs.compared.cite],
  }));
  const status: ClaimStatus = conflicts.length ? 'disputed' : independentSources >= minSources ? 'corroborated' : 'single-source';
  const claim: Claim = {
    id,
    story,
    // A disputed claim reads as the passage that is disputed, so its summary matches the conflict it lists.
    summary: (draft.conflicts[0]?.mine ?? draft.representative).compared.text.trim(),
    mentions: draft.mentions.map(mentionOf),
    outlets: unique(draft.mentions.map((m) => m.compared.outlet)),
    independentSources,
    status,
    conflicts,
  };
  return draft.evolution ? { ...claim, evolution: draft.evolution } : claim;
}

/**
 * Each article's mentions, made once per article and story context. They read the story only through the source
 * the article counts as and its corpus entity mentions (span, name, type). The story's entity ids are renumbered as
 * it grows, and its entity order changes, so the memo holds the mentions made with ids local to the article
 * ("\u0001" + number in span order) and entities listed in that order; each use maps them to the story's ids and
 * puts each mention's actors back in the story's entity order (see storyActors). Quotes' groups and speakers change
 * as other articles join the story but are only carried, never read, by the extraction: each use fills them in from
 * the story (storyCompared), so a new quote group or alias does not make the article's mentions again.
 */
const MENTIONS = new ArticleMemo<readonly MentionDraft[]>();

interface LocalIds {
  /** Memo key: everything but the ids, which are replaced by their numbers in span order. */
  readonly key: string;
  /** Indexes holding only this article, with local ids, and no quote groups or speakers (filled in at each use). */
  readonly idx: CorpusIndexes;
  /** Local entity id -> story entity id. */
  readonly entities: ReadonlyMap<string, string>;
}

/** The speaker the memoized extraction records for every direct quote; each use replaces it with the story's. */
const UNREAD_SPEAKER: Speaker = { entity: null, keys: [], named: false };

function localIds(article: Article, idx: CorpusIndexes): LocalIds {
  const inStory = idx.entityMentions.get(article.id) ?? [];
  // Span order, not the story's entity order, names and lists them: the key then stays while the story reorders.
  const bySpan = [...inStory].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.entity.name < b.entity.name ? -1 : a.entity.name > b.entity.name ? 1 : 0) || (a.entity.type < b.entity.type ? -1 : a.entity.type > b.entity.type ? 1 : 0));
  const toLocal = new Map<string, string>();
  const toStory = new Map<string, string>();
  for (const m of bySpan) {
    if (toLocal.has(m.entity.id)) continue;
    const local = `\u0001${toLocal.size}`;
    toLocal.set(m.entity.id, local);
    toStory.set(local, m.entity.id);
  }
  const local = bySpan.map((m) => ({ span: m.span, entity: { ...m.entity, id: toLocal.get(m.entity.id)! } }));
  // The extraction lists an article's entity mentions entity by entity, as the story does (corpusIndexes): here in
  // local id order, and storyActors restores the story's.
  const grouped = [...local].sort((a, b) => Number(a.entity.id.slice(1)) - Number(b.entity.id.slice(1)));
  const key = JSON.stringify([sourceKeyOf(article, idx.duplicateOf, idx.byId), local.map((m) => [m.span.start, m.span.end, m.entity.id, m.entity.type, m.entity.name])]);
  return {
    key,
    idx: { ...idx, entityMentions: new Map([[article.id, grouped]]), quoteGroupOf: new Map(), speakerOf: () => UNREAD_SPEAKER },
    entities: toStory,
  };
}

/**
 * A memoized mention's actors in the story's ids and order: corpus entities first, in the story's entity order (the
 * order a fresh extraction lists them in), then the names no corpus entity holds, as extracted.
 */
function storyActors(draft: MentionDraft, entities: ReadonlyMap<string, string>, rank: ReadonlyMap<string, number>): Pick<MentionDraft, 'entityKeys' | 'actors'> {
  let corpus = 0;
  while (corpus < draft.entityKeys.length && entities.has(draft.entityKeys[corpus]!)) corpus++;
  if (corpus === 0) return { entityKeys: draft.entityKeys, actors: draft.actors };
  const held = draft.entityKeys.slice(0, corpus).map((k, i) => ({ key: entities.get(k)!, name: draft.actors[i]! }));
  if (corpus > 1) held.sort((a, b) => (rank.get(a.key) ?? 0) - (rank.get(b.key) ?? 0));
  return {
    entityKeys: [...held.map((h) => h.key), ...draft.entityKeys.slice(corpus)],
    actors: [...held.map((h) => h.name), ...draft.actors.slice(corpus)],
  };
}

/** A quote's group and speaker as its story reads them now. */
export type StoryQuoteIds = (quote: QuotedWords) => Pick<QuotedWords, 'group' | 'speaker'>;

/** The group and speaker of a quote of `article` from the story's indexes, as extractMentions would record them. */
function storyQuoteIds(article: Article, idx: CorpusIndexes): StoryQuoteIds {
  return (q) => {
    const quote = article.layers.quotes[q.ref.index];
    return {
      group: idx.quoteGroupOf.get(`${q.ref.article}#${q.ref.index}`) ?? null,
      speaker: q.direct && quote ? idx.speakerOf(article, quote) : null,
    };
  };
}

/**
 * A memoized mention's `compared` with its quotes' groups and speakers as the story reads them: the same object as
 * long as those stay the same, so the claim comparisons memoized per pair of `compared` (align-claims) are found
 * again when the story is re-analyzed, not made anew for every mention that quotes someone.
 */
const STORY_COMPARED = new WeakMap<ComparedMention, { readonly key: string; readonly value: ComparedMention }>();

export function storyCompared(compared: ComparedMention, ids: StoryQuoteIds): ComparedMention {
  if (!compared.quotes.length) return compared;
  const quotes = compared.quotes.map((q) => ({ ...q, ...ids(q) }));
  const key = JSON.stringify(quotes.map((q) => [q.group, q.speaker]));
  const hit = STORY_COMPARED.get(compared);
  if (hit !== undefined && hit.key === key) return hit.value;
  const value = { ...compared, quotes };
  STORY_COMPARED.set(compared, { key, value });
  return value;
}

/** extractMentions over a story's articles, one article at a time through the memo (the same drafts, in the same order). */
function storyMentions(articles: readonly Article[], idx: CorpusIndexes, rank: ReadonlyMap<string, number>, config: ClaimsConfig, configKey: string): MentionDraft[] {
  return articles.flatMap((article, articleOrder) => {
    const ids = localIds(article, idx);
    const drafts = MENTIONS.get(article, `${configKey}\u0000${ids.key}`, () => extractMentions([article], ids.idx, config));
    const quoteIds = storyQuoteIds(article, idx);
    return drafts.map((d) => ({
      ...d,
      ...storyActors(d, ids.entities, rank),
      articleOrder,
      compared: storyCompared(d.compared, quoteIds),
    }));
  });
}

/** Claims of every story, ids c1.. in story order then first-mention position. */
export function extractClaims(corpus: CorpusResult, config: ClaimsConfig = CLAIMS_DEFAULTS): Claim[] {
  const quoteGroups = corpus.quoteGroups.length ? corpus.quoteGroups : groupQuotes(corpus);
  const idx = corpusIndexes(corpus, quoteGroups);
  const claims: Claim[] = [];
  const configKey = JSON.stringify(config);
  const rank = new Map(corpus.entities.map((e, i) => [e.id, i]));
  for (const story of storiesOf(corpus)) {
    const articles = story.articles.map((id) => idx.byId.get(id)).filter((a): a is Article => a !== undefined);
    const drafts = alignClaims(storyMentions(articles, idx, rank, config, configKey), config);
    const ids = drafts.map((_, i) => `c${claims.length + i + 1}`);
    drafts.forEach((draft, i) => claims.push(claimOf(draft, ids[i] ?? '', story.id, ids, config.minSources)));
  }
  return claims;
}

export const claimsStage = defineCorpusStage<ClaimsConfig>({
  name: 'parallax.claims.v1',
  version: '1.0.0',
  requires: ['article.sentences', 'article.entities', 'article.quantities', 'article.times', 'article.attributions', 'article.quotes', 'corpus.entities', 'corpus.stories', 'corpus.duplicates', 'corpus.quoteGroups'],
  provides: ['corpus.claims'],
  defaults: CLAIMS_DEFAULTS,
  run(corpus, _ctx, config) {
    return { claims: extractClaims(corpus, config) };
  },
});
