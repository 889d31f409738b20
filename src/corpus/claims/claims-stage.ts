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
 * the article counts as, its corpus entity mentions (span, name, type), its quotes' groups and its direct quotes'
 * speakers (entity and surname keys). The story's entity and group ids are renumbered as it grows, so the memo holds
 * the mentions made with ids local to the article ("\u0001" + first-appearance number) and each use maps them to the
 * story's ids.
 */
const MENTIONS = new ArticleMemo<readonly MentionDraft[]>();

/** Local id -> story id, for entities and for quote groups. */
export type StoryIdMaps = Pick<LocalIds, 'entities' | 'groups'>;

interface LocalIds {
  /** Memo key: everything but the ids, which are replaced by their first-appearance numbers. */
  readonly key: string;
  /** Indexes holding only this article, with local ids. */
  readonly idx: CorpusIndexes;
  /** Local id -> story id, for entities and for quote groups. */
  readonly entities: ReadonlyMap<string, string>;
  readonly groups: ReadonlyMap<string, string>;
}

/** Story ids numbered in order of first appearance within one article, with the way back. */
function renumbering(): { readonly local: (id: string) => string; readonly toStory: ReadonlyMap<string, string> } {
  const toLocal = new Map<string, string>();
  const toStory = new Map<string, string>();
  const local = (id: string): string => {
    let l = toLocal.get(id);
    if (l === undefined) {
      l = `\u0001${toLocal.size}`;
      toLocal.set(id, l);
      toStory.set(l, id);
    }
    return l;
  };
  return { local, toStory };
}

function localIds(article: Article, idx: CorpusIndexes): LocalIds {
  const entities = renumbering();
  const groups = renumbering();
  const mentions = (idx.entityMentions.get(article.id) ?? []).map((m) => ({ span: m.span, entity: { ...m.entity, id: entities.local(m.entity.id) } }));
  const quoteGroupOf = new Map<string, string>();
  article.layers.quotes.forEach((_, i) => {
    const ref = `${article.id}#${i}`;
    const g = idx.quoteGroupOf.get(ref);
    if (g !== undefined) quoteGroupOf.set(ref, groups.local(g));
  });
  // A direct quote's speaker is read from the story's entities (its id, and the surname keys of all its aliases).
  const speakers = new Map<QuoteSpan, Speaker>();
  for (const q of article.layers.quotes) {
    if (q.kind !== 'direct') continue;
    const s = idx.speakerOf(article, q);
    speakers.set(q, s.entity === null ? s : { ...s, entity: entities.local(s.entity) });
  }
  const key = JSON.stringify([
    sourceKeyOf(article, idx.duplicateOf, idx.byId),
    mentions.map((m) => [m.span.start, m.span.end, m.entity.id, m.entity.type, m.entity.name]),
    article.layers.quotes.map((_, i) => quoteGroupOf.get(`${article.id}#${i}`) ?? ''),
    [...speakers.values()].map((s) => [s.entity, s.keys, s.named]),
  ]);
  const speakerOf = (a: Article, q: QuoteSpan): Speaker => speakers.get(q) ?? idx.speakerOf(a, q);
  return { key, idx: { ...idx, entityMentions: new Map([[article.id, mentions]]), quoteGroupOf, speakerOf }, entities: entities.toStory, groups: groups.toStory };
}

/** A memoized quote with its group and speaker entity mapped from the article's local ids to the story's. */
function storyQuote(q: QuotedWords, ids: StoryIdMaps): QuotedWords {
  const group = q.group === null ? null : (ids.groups.get(q.group) ?? q.group);
  const entity = q.speaker?.entity ?? null;
  const speaker = q.speaker && entity !== null ? { ...q.speaker, entity: ids.entities.get(entity) ?? entity } : q.speaker;
  return group === q.group && speaker === q.speaker ? q : { ...q, group, speaker };
}

/**
 * A memoized mention's `compared` with its quotes' groups and speakers in the story's ids: the same object as long as
 * those ids stay the same, so the claim comparisons memoized per pair of `compared` (align-claims) are found again
 * when the story is re-analyzed, not made anew for every mention that quotes someone.
 */
const STORY_COMPARED = new WeakMap<ComparedMention, { readonly key: string; readonly value: ComparedMention }>();

export function storyCompared(compared: ComparedMention, ids: StoryIdMaps): ComparedMention {
  if (!compared.quotes.length) return compared;
  const quotes = compared.quotes.map((q) => storyQuote(q, ids));
  const key = JSON.stringify(quotes.map((q) => [q.group, q.speaker?.entity ?? null]));
  const hit = STORY_COMPARED.get(compared);
  if (hit !== undefined && hit.key === key) return hit.value;
  const value = { ...compared, quotes };
  STORY_COMPARED.set(compared, { key, value });
  return value;
}

/** extractMentions over a story's articles, one article at a time through the memo (the same drafts, in the same order). */
function storyMentions(articles: readonly Article[], idx: CorpusIndexes, config: ClaimsConfig, configKey: string): MentionDraft[] {
  return articles.flatMap((article, articleOrder) => {
    const ids = localIds(article, idx);
    const drafts = MENTIONS.get(article, `${configKey}\u0000${ids.key}`, () => extractMentions([article], ids.idx, config));
    return drafts.map((d) => ({
      ...d,
      articleOrder,
      entityKeys: d.entityKeys.map((k) => ids.entities.get(k) ?? k),
      compared: storyCompared(d.compared, ids),
    }));
  });
}

/** Claims of every story, ids c1.. in story order then first-mention position. */
export function extractClaims(corpus: CorpusResult, config: ClaimsConfig = CLAIMS_DEFAULTS): Claim[] {
  const quoteGroups = corpus.quoteGroups.length ? corpus.quoteGroups : groupQuotes(corpus);
  const idx = corpusIndexes(corpus, quoteGroups);
  const claims: Claim[] = [];
  const configKey = JSON.stringify(config);
  for (const story of storiesOf(corpus)) {
    const articles = story.articles.map((id) => idx.byId.get(id)).filter((a): a is Article => a !== undefined);
    const drafts = alignClaims(storyMentions(articles, idx, config, configKey), config);
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
