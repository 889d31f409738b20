// Groups quotes across articles that are the same remark: identical, trimmed (elisions too) or variant, whatever each outlet calls the speaker.
import type { CorpusResult, QuoteDifference, QuoteGroup, QuoteRef } from '../../core/corpus.js';
import type { Span } from '../../core/span.js';
import { findRoot } from '../../core/find-root.js';
import { ArticleMemo } from '../../core/text/article-memo.js';
import type { Article } from '../../core/article.js';
import { defineCorpusStage } from '../../core/stage.js';
import { CANDIDATE_DEFAULTS, candidatePairs, indexWords, type CandidateSettings } from './candidate-pairs.js';
import { alignTexts, readQuote, type QuoteText, type TextAlignment } from './quote-text.js';
import { speakerMatch, speakersOf, type Speaker, type SpeakerMatch } from './speaker-match.js';
import { alignQuotes, DEFAULT_ALIGNMENT, type AlignmentThresholds, type QuoteRelation } from './word-diff.js';

export interface QuoteGroupsConfig extends AlignmentThresholds, CandidateSettings {
  /** Quotes of one speaker: the fewest words a verbatim copy or trim may have ("total privacy"); a paraphrase needs `minSharedWords`. */
  readonly minWordsSameSpeaker: number;
  /** A quote with no resolved speaker joins a group only as a copy or trim of at least this many words... */
  readonly minWordsUnattributed: number;
  /** ...or as a variant sharing at least this share of the longer quote's words... */
  readonly minNearOverlap: number;
  /** ...or, within one story, as a quoted phrase copied or trimmed from another of at least this many words ("social drinker"). */
  readonly minWordsFragmentCopy: number;
  /** Quotes whose speakers are named as two people group only when they share this many words (a joint or misattributed statement). */
  readonly minWordsDifferentSpeakers: number;
}

export const QUOTE_GROUPS_DEFAULTS: QuoteGroupsConfig = {
  ...DEFAULT_ALIGNMENT,
  ...CANDIDATE_DEFAULTS,
  minWordsSameSpeaker: 2,
  minWordsUnattributed: 6,
  minNearOverlap: 0.8,
  minWordsFragmentCopy: 2,
  minWordsDifferentSpeakers: 10,
};

interface Item {
  readonly ref: QuoteRef;
  readonly text: QuoteText;
  /** The words candidate pairs are found by (indexWords of the text's words). */
  readonly indexed: readonly string[];
  readonly speaker: Speaker;
  /** The story of the quote's article, null before stories are built. */
  readonly story: string | null;
}

/**
 * The sentences of a quote, each clipped to the quote: the unit of grouping. Outlets quote a statement sentence by
 * sentence, one keeping two sentences where another keeps one, so a quote of two remarks joins the group of each.
 */
function piecesOf(quote: Span, sentences: readonly Span[]): Span[] {
  const pieces: Span[] = [];
  for (const s of sentences) {
    if (s.end <= quote.start || s.start >= quote.end) continue;
    pieces.push({ start: Math.max(s.start, quote.start), end: Math.min(s.end, quote.end) });
  }
  return pieces.length ? pieces : [quote];
}

/** One read piece of an article's quote: what grouping compares, a function of the article alone. */
interface QuotePiece {
  readonly index: number;
  readonly text: QuoteText;
  readonly indexed: readonly string[];
}

const PIECES = new ArticleMemo<readonly QuotePiece[]>();

/** The read pieces of an article's quotes, in quote then piece order, once per article (pieces with no words left out). */
function quotePieces(article: Article): readonly QuotePiece[] {
  return PIECES.get(article, '', () => {
    const out: QuotePiece[] = [];
    article.layers.quotes.forEach((quote, index) => {
      for (const piece of piecesOf(quote, article.layers.sentences)) {
        const text = readQuote(article.text.slice(piece.start, piece.end), quote.kind);
        if (text.words.length) out.push({ index, text, indexed: indexWords(text.words) });
      }
    });
    return out;
  });
}

function itemsOf(corpus: CorpusResult): Item[] {
  const speakerOf = speakersOf(corpus.entities);
  const storyOf = new Map<string, string>();
  for (const s of corpus.stories) for (const a of s.articles) storyOf.set(a, s.id);
  const items: Item[] = [];
  for (const article of corpus.articles) {
    const story = storyOf.get(article.id) ?? null;
    const speakers = new Map<number, Speaker>();
    for (const { index, text, indexed } of quotePieces(article)) {
      let speaker = speakers.get(index);
      if (speaker === undefined) {
        speaker = speakerOf(article, article.layers.quotes[index]!);
        speakers.set(index, speaker);
      }
      items.push({ ref: { article: article.id, index }, text, indexed, speaker, story });
    }
  }
  return items;
}

/**
 * Whether an aligned pair is the same remark, given what is known of the speakers:
 * 1. same speaker: a copy or trim of `minWordsSameSpeaker` words (`minSharedWords` if paraphrased), or a variant;
 * 2. a speaker missing on one side: both verbatim, and a copy or trim of `minWordsUnattributed` words or a near-copy,
 *    or, in one story, a quoted phrase copied or trimmed from another with `minWordsFragmentCopy` words;
 * 3. two named speakers: both verbatim, `minWordsDifferentSpeakers` shared words, and a copy, trim or near-copy.
 */
export function sameRemark(
  a: QuoteText,
  b: QuoteText,
  aligned: TextAlignment,
  /** `sameStory` is also true before stories are built (no article has one yet). */
  context: { readonly speakers: SpeakerMatch; readonly sameStory: boolean },
  config: QuoteGroupsConfig,
): boolean {
  const { speakers } = context;
  if (aligned.relation === null || a.title || b.title) return false;
  const shorter = a.words.length <= b.words.length ? a : b;
  const copy = aligned.relation === 'identical' || aligned.relation === 'trimmed';
  const near = copy || aligned.shared / aligned.longer >= config.minNearOverlap;
  if (speakers === 'same') {
    return aligned.relation === 'variant' || aligned.shared >= (shorter.verbatim ? config.minWordsSameSpeaker : config.minSharedWords);
  }
  if (!a.verbatim || !b.verbatim) return false;
  if (speakers === 'unknown') {
    if (copy && context.sameStory && shorter.fragment && aligned.shared >= config.minWordsFragmentCopy) return true;
    return near && aligned.shared >= config.minWordsUnattributed;
  }
  return near && aligned.shared >= config.minWordsDifferentSpeakers;
}

const SEVERITY: Record<QuoteRelation, number> = { identical: 0, trimmed: 1, variant: 2 };

interface Link {
  readonly a: number;
  readonly b: number;
  readonly severity: number;
  readonly shared: number;
}

/**
 * Where a quote looks for its candidates: its story, and every name its speaker goes by. Two quotes of one speaker
 * meet in any story; quotes whose speaker is unknown or differs are compared within their story only (before stories
 * are built, the whole corpus is one story).
 */
function blocksOf(item: Item): string[] {
  const blocks = [`story:${item.story ?? ''}`];
  if (item.speaker.entity !== null) blocks.push(`entity:${item.speaker.entity}`);
  for (const key of item.speaker.keys) blocks.push(`name:${key}`);
  return blocks;
}

/** Accepted links, strongest first: copies before trims before variants, more shared words first. */
function linksOf(items: readonly Item[], config: QuoteGroupsConfig): Link[] {
  const links: Link[] = [];
  for (const [a, b] of candidatePairs(items.map((it) => it.indexed), config, items.map(blocksOf))) {
    const x = items[a];
    const y = items[b];
    if (!x || !y || x.ref.article === y.ref.article) continue;
    const aligned = alignTexts(x.text, y.text, config);
    const context = { speakers: speakerMatch(x.speaker, y.speaker), sameStory: x.story === y.story };
    if (!sameRemark(x.text, y.text, aligned, context, config)) continue;
    links.push({ a, b, severity: SEVERITY[aligned.relation ?? 'variant'], shared: aligned.shared });
  }
  return links.sort((p, q) => p.severity - q.severity || q.shared - p.shared || p.a - q.a || p.b - q.b);
}

/**
 * Union-find over the links, where each cluster keeps its shortest quote as its core. Two clusters merge only when
 * their cores are themselves the same words in part (`minSharedWords` of them, unless identical): a quoted sentence
 * that a runaway quote span glued to another remark joins the first of them and does not chain the two groups.
 */
function clustersOf(items: readonly Item[], links: readonly Link[], config: AlignmentThresholds): number[] {
  const parent = items.map((_, i) => i);
  const core = items.map((_, i) => i);
  const find = (i: number): number => findRoot(parent, i);
  for (const link of links) {
    const ra = find(link.a);
    const rb = find(link.b);
    if (ra === rb) continue;
    const ca = items[core[ra] ?? ra];
    const cb = items[core[rb] ?? rb];
    if (!ca || !cb) continue;
    if (core[ra] !== link.a || core[rb] !== link.b) {
      const cores = alignTexts(ca.text, cb.text, config);
      if (cores.relation === null || (cores.relation !== 'identical' && cores.shared < config.minSharedWords)) continue;
    }
    parent[rb] = ra;
    if (cb.text.words.length < ca.text.words.length) core[ra] = core[rb] ?? rb;
  }
  return items.map((_, i) => find(i));
}

/** Builds one group from linked pieces, comparing each quote's piece with the first (the reference). */
function groupOf(members: readonly Item[], config: AlignmentThresholds): Omit<QuoteGroup, 'id'> {
  const [reference, ...rest] = members;
  let relation: QuoteRelation = 'identical';
  const differences: QuoteDifference[] = [];
  for (const item of rest) {
    if (!reference) break;
    const rel = alignTexts(reference.text, item.text, config).relation ?? 'variant';
    if (SEVERITY[rel] > SEVERITY[relation]) relation = rel;
    if (rel === 'variant') {
      for (const c of alignQuotes(reference.text.words, item.text.words, config).changes) differences.push({ quote: item.ref, from: c.from, to: c.to });
    }
  }
  const quotes = [...new Map(members.map((m) => [`${m.ref.article}#${m.ref.index}`, m.ref])).values()];
  return { speaker: mostCommonEntity(members), quotes, relation, differences };
}

/** The entity most members name as speaker (the first such in corpus order on a tie), null when none does. */
function mostCommonEntity(members: readonly Item[]): string | null {
  const counts = new Map<string, number>();
  for (const m of members) if (m.speaker.entity) counts.set(m.speaker.entity, (counts.get(m.speaker.entity) ?? 0) + 1);
  let best: string | null = null;
  for (const [entity, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = entity;
  return best;
}

/** Groups quotes across articles; ids g1.. follow the order of each group's first quote in the corpus. */
export function groupQuotes(corpus: CorpusResult, config: QuoteGroupsConfig = QUOTE_GROUPS_DEFAULTS): QuoteGroup[] {
  const items = itemsOf(corpus);
  const roots = clustersOf(items, linksOf(items, config), config);
  const clusters = new Map<number, Item[]>();
  items.forEach((item, i) => {
    const root = roots[i] ?? i;
    const list = clusters.get(root);
    if (list) list.push(item);
    else clusters.set(root, [item]);
  });
  const groups: QuoteGroup[] = [];
  for (const members of clusters.values()) {
    if (new Set(members.map((m) => m.ref.article)).size < 2) continue;
    groups.push({ id: `g${groups.length + 1}`, ...groupOf(members, config) });
  }
  return groups;
}

export const quoteGroupsStage = defineCorpusStage<QuoteGroupsConfig>({
  name: 'parallax.quote-groups.v1',
  version: '2.0.0',
  requires: ['article.quotes', 'corpus.entities', 'corpus.stories'],
  provides: ['corpus.quoteGroups'],
  defaults: QUOTE_GROUPS_DEFAULTS,
  run(corpus, _ctx, config) {
    return { quoteGroups: groupQuotes(corpus, config) };
  },
});
