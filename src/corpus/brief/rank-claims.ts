// How much a claim matters to a reader of its story: one weighted score over how widely it is carried and how central it is.
import type { Article } from '../../core/article.js';
import type { Claim, CorpusResult } from '../../core/corpus.js';
import type { Span } from '../../core/span.js';
import { lastSpanStartingAtOrBefore } from '../../core/span.js';
import { storiesOf } from '../claims/claims-stage.js';
import { outletOf, sourceKeyOf } from '../claims/outlet-of.js';
import { contentWords } from '../claims/content-words.js';
import { ArticleMemo } from '../../core/text/article-memo.js';

/** Uses of each content word over an article's sentences (a function of the article alone, counted once per article). */
const TERM_COUNTS = new ArticleMemo<ReadonlyMap<string, number>>();

function termCounts(article: Article): ReadonlyMap<string, number> {
  return TERM_COUNTS.get(article, '', () => {
    const tf = new Map<string, number>();
    for (const s of article.layers.sentences) for (const w of contentWords(article.text, s)) tf.set(w, (tf.get(w) ?? 0) + 1);
    return tf;
  });
}

/** Content words of the passages of an article that claims cite, by "start:end" (claims of a growing story recur). */
const SPAN_WORDS = new ArticleMemo<Map<string, readonly string[]>>();

function spanWords(article: Article, span: Span): readonly string[] {
  const known = SPAN_WORDS.get(article, '', () => new Map());
  const key = `${span.start}:${span.end}`;
  let words = known.get(key);
  if (words === undefined) {
    words = contentWords(article.text, span);
    known.set(key, words);
  }
  return words;
}

/** Each feature lies in [0, 1]. */
export interface ClaimFeatures {
  /** Share of the story's other independent sources that also carry it: (sources - 1) / (story sources - 1). */
  readonly spread: number;
  /** Share of the story's other outlets that carry it, relays of one source included. */
  readonly outlets: number;
  /** How many of the story's main terms it names, saturating at `MAIN_TERMS_FOR_FULL_CENTRALITY`. */
  readonly centrality: number;
  /** 1 in an article's first sentence, 1/2 in the second, 1/3 in the third...: the best of its mentions. */
  readonly lede: number;
  /** 1 when it states a figure (people, money, distance), 0.5 a time or a named actor, else 0. */
  readonly specifics: number;
}

export type RankWeights = Readonly<Record<keyof ClaimFeatures, number>>;

/**
 * Position and vocabulary say what the story is about; corroboration says what it rests on.
 * - lede 0.35, centrality 0.25, specifics 0.05: tuned on ECB+ train, where annotators marked the sentences about each
 *   seminal event (`npm run bench -- brief-rank`). Alone, the lede puts 0.55 of event sentences in a story's first 8
 *   claims, centrality 0.41, specifics 0.22, against 0.30 for claim order; the best mix at this spread weight gives
 *   lede the most, centrality next, specifics almost nothing.
 * - spread 0.3, outlets 0.05: how widely a claim is carried is the first criterion, which that annotation cannot
 *   see (alone it scores like claim order). The sections already split corroborated from single-source claims, so
 *   within a section this mostly orders confirmed facts by how many newsrooms confirm them; relays of one source
 *   count for little.
 * Figures (train / dev, share of event sentences among a story's 8 best claims): this mix 0.53 / 0.52; claim order (the
 * brief before ranking) 0.30 / 0.32; among single-source claims 0.40 / 0.31 against 0.18 / 0.16.
 */
export const RANK_WEIGHTS: RankWeights = { spread: 0.3, outlets: 0.05, centrality: 0.25, lede: 0.35, specifics: 0.05 };

/** A claim naming this many of the story's main terms is as central as a claim can be. */
export const MAIN_TERMS_FOR_FULL_CENTRALITY = 3;
/** How many terms make up a story's main vocabulary. */
export const MAIN_TERMS = 12;

/** The weighted mean of the features: a score in [0, 1]. */
export function claimScore(features: ClaimFeatures, weights: RankWeights = RANK_WEIGHTS): number {
  let sum = 0;
  let total = 0;
  for (const key of Object.keys(weights) as (keyof ClaimFeatures)[]) {
    sum += weights[key] * Math.min(1, Math.max(0, features[key]));
    total += weights[key];
  }
  return total > 0 ? sum / total : 0;
}

export interface StoryProfile {
  readonly sources: number;
  readonly outlets: number;
  /** Content keys of the story's main vocabulary (title words and the words most of its articles use). */
  readonly mainTerms: ReadonlySet<string>;
}

/**
 * The story's main vocabulary: its title's content words, then the words used by the most articles
 * (ties: more uses overall, then alphabetical), up to `MAIN_TERMS`.
 */
export function storyProfile(articles: readonly Article[], title: string, duplicateOf: ReadonlyMap<string, string>): StoryProfile {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const df = new Map<string, number>();
  const tf = new Map<string, number>();
  for (const a of articles) {
    termCounts(a).forEach((n, w) => {
      tf.set(w, (tf.get(w) ?? 0) + n);
      df.set(w, (df.get(w) ?? 0) + 1);
    });
  }
  const titleTerms = contentWords(title, { start: 0, end: title.length });
  // A word of a single article is that article's topic, not the story's (unless the story has one article): only the
  // others are ranked, so the sort skips the long tail of words one article uses.
  const minArticles = Math.min(2, articles.length);
  const shared: string[] = [];
  df.forEach((n, w) => {
    if (n >= minArticles) shared.push(w);
  });
  const ranked = shared.sort((a, b) => (df.get(b) ?? 0) - (df.get(a) ?? 0) || (tf.get(b) ?? 0) - (tf.get(a) ?? 0) || (a < b ? -1 : 1));
  const mainTerms = new Set(titleTerms.slice(0, MAIN_TERMS));
  for (const w of ranked) {
    if (mainTerms.size >= MAIN_TERMS) break;
    mainTerms.add(w);
  }
  return {
    sources: new Set(articles.map((a) => sourceKeyOf(a, duplicateOf, byId))).size,
    outlets: new Set(articles.map(outletOf)).size,
    mainTerms,
  };
}

/** Index of the sentence holding `offset` (sentences sorted by start), 0 when there are none. */
function sentenceIndex(sentences: readonly Span[], offset: number): number {
  return Math.max(0, lastSpanStartingAtOrBefore(sentences, offset));
}

/** Share of the others that also carry it: 1 when the story has one source, so a lone article's claims are not all 0. */
function share(count: number, of: number): number {
  return of <= 1 ? 1 : (count - 1) / (of - 1);
}

export function claimFeatures(claim: Claim, profile: StoryProfile, byId: ReadonlyMap<string, Article>): ClaimFeatures {
  const terms = new Set<string>();
  let lede = 0;
  let specifics = 0;
  for (const m of claim.mentions) {
    const article = byId.get(m.article);
    if (!article) continue;
    for (const w of spanWords(article, m)) terms.add(w);
    lede = Math.max(lede, 1 / (1 + sentenceIndex(article.layers.sentences, m.start)));
    const named = m.times.length > 0 || m.actors.length > 0 ? 0.5 : 0;
    specifics = Math.max(specifics, m.quantities.length > 0 ? 1 : named);
  }
  const hits = [...terms].filter((t) => profile.mainTerms.has(t)).length;
  return {
    spread: share(claim.independentSources, profile.sources),
    outlets: share(claim.outlets.length, profile.outlets),
    centrality: Math.min(1, hits / MAIN_TERMS_FOR_FULL_CENTRALITY),
    lede,
    specifics,
  };
}

/** Every claim's score, by claim id (one pass per story; the main vocabulary is counted once per story). */
export function rankClaims(corpus: CorpusResult, weights: RankWeights = RANK_WEIGHTS): Map<string, number> {
  const byId = new Map(corpus.articles.map((a) => [a.id, a]));
  const duplicateOf = new Map(corpus.duplicates.map((d) => [d.article, d.duplicateOf]));
  const claimsByStory = new Map<string, Claim[]>();
  for (const c of corpus.claims) {
    const list = claimsByStory.get(c.story) ?? [];
    list.push(c);
    claimsByStory.set(c.story, list);
  }
  const scores = new Map<string, number>();
  for (const story of storiesOf(corpus)) {
    const claims = claimsByStory.get(story.id);
    if (!claims) continue;
    const articles = story.articles.map((id) => byId.get(id)).filter((a): a is Article => a !== undefined);
    const profile = storyProfile(articles, story.title, duplicateOf);
    for (const c of claims) scores.set(c.id, claimScore(claimFeatures(c, profile, byId), weights));
  }
  return scores;
}
