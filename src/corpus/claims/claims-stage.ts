// The claims stage: extracts clause-level claims per story, aligns them across outlets, and cites their conflicts.
import type { Article } from '../../core/article.js';
import type { Claim, ClaimMention, ClaimStatus, CorpusResult, Story } from '../../core/corpus.js';
import { explainConflict } from './explain-conflict.js';
import { groupQuotes } from '../quote-groups/quote-groups.js';
import { defineCorpusStage } from '../../core/stage.js';
import { alignClaims, ALIGN_DEFAULTS, type AlignConfig, type ClaimDraft } from './align-claims.js';
import { corpusIndexes, extractMentions, type ExtractConfig, type MentionDraft } from './extract-mentions.js';
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

/** Claims of every story, ids c1.. in story order then first-mention position. */
export function extractClaims(corpus: CorpusResult, config: ClaimsConfig = CLAIMS_DEFAULTS): Claim[] {
  const quoteGroups = corpus.quoteGroups.length ? corpus.quoteGroups : groupQuotes(corpus);
  const idx = corpusIndexes(corpus, quoteGroups);
  const claims: Claim[] = [];
  for (const story of storiesOf(corpus)) {
    const articles = story.articles.map((id) => idx.byId.get(id)).filter((a): a is Article => a !== undefined);
    const drafts = alignClaims(extractMentions(articles, idx, config), config);
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
