// Claim mentions: one per clause of every sentence of a story's articles, with actors, figures, times, attribution and quotes.
import type { Article, QuoteSpan, TimeSpan } from '../../core/article.js';
import type { CorpusResult, Entity, QuoteGroup } from '../../core/corpus.js';
import type { Span } from '../../core/span.js';
import { lastSpanStartingAtOrBefore, spanContains, spansOverlap } from '../../core/span.js';
import { clauseFacts } from './clause-facts.js';
import { datelineDate } from './evolution.js';
import type { ComparedMention, QuotedWords } from './compare-mentions.js';
import { quoteWords } from '../quote-groups/word-diff.js';
import { speakersOf, type Speaker } from '../quote-groups/speaker-match.js';
import { contentWords } from './content-words.js';
import { eventFrames, rankAndSequenceFrames } from './event-frame.js';
import { outletOf, sourceKeyOf } from './outlet-of.js';
import { splitClauses, type ClauseConfig } from './split-clauses.js';

export interface MentionDraft {
  readonly compared: ComparedMention;
  /** Position of the article in the story, then of the clause in the article: the ordering key. */
  readonly articleOrder: number;
  readonly words: readonly string[];
  /** Entity keys (corpus entity ids, else lower-cased canonical names). */
  readonly entityKeys: readonly string[];
  /** Event frames ("people|die", "clock|collapse"): what the clause's figures and clock times are about. */
  readonly frames: readonly string[];
  /** Places the clause names (lower-cased canonical LOC names): frames of clauses naming only different places do not hold. */
  readonly places: readonly string[];
  readonly actors: readonly string[];
  readonly attribution: string | null;
  /** The clause rests on an anonymous source ("people familiar with the matter"). */
  readonly anonymous: boolean;
  readonly sourceKey: string;
  /**
   * When the event happened, for telling occasions apart: the clause's own event times, else, for a clause that
   * continues its sentence ("..., injuring 40"), those of the clause it continues ("A quake struck in September, ...").
   */
  readonly occasion: readonly TimeSpan[];
}

export interface ExtractConfig extends ClauseConfig {
  /** Clauses with fewer content words carry no claim ("He said so."). */
  readonly minContentWords: number;
}

export interface CorpusIndexes {
  readonly byId: ReadonlyMap<string, Article>;
  readonly duplicateOf: ReadonlyMap<string, string>;
  /** article id -> entity mentions with their corpus entity. */
  readonly entityMentions: ReadonlyMap<string, readonly { readonly span: Span; readonly entity: Entity }[]>;
  /** "article#index" -> quote group id. */
  readonly quoteGroupOf: ReadonlyMap<string, string>;
  /** The speaker of a quote as the quote groups read it (corpus entity, surname keys, named or guessed). */
  readonly speakerOf: (article: Article, quote: QuoteSpan) => Speaker;
}

export function corpusIndexes(corpus: CorpusResult, quoteGroups: readonly QuoteGroup[]): CorpusIndexes {
  const entityMentions = new Map<string, { span: Span; entity: Entity }[]>();
  for (const entity of corpus.entities) {
    for (const m of entity.mentions) {
      const list = entityMentions.get(m.article) ?? [];
      list.push({ span: m, entity });
      entityMentions.set(m.article, list);
    }
  }
  const quoteGroupOf = new Map<string, string>();
  for (const g of quoteGroups) for (const q of g.quotes) quoteGroupOf.set(`${q.article}#${q.index}`, g.id);
  return {
    byId: new Map(corpus.articles.map((a) => [a.id, a])),
    duplicateOf: new Map(corpus.duplicates.map((d) => [d.article, d.duplicateOf])),
    entityMentions,
    quoteGroupOf,
    speakerOf: speakersOf(corpus.entities),
  };
}

/** What one sentence holds of its article's layers: every clause of the sentence reads only these (never the whole article). */
interface SentenceLayers {
  /** The article with each layer cut to the entries that overlap the sentence. */
  readonly article: Article;
  readonly quotes: readonly { readonly quote: QuoteSpan; readonly index: number }[];
  readonly corpusMentions: readonly { readonly span: Span; readonly entity: Entity }[];
}

/**
 * Splits an article's layers by sentence in one pass (binary search per entry), so clause work is local to its
 * sentence: a long article costs in proportion to its length, not to its length squared. Sentences must be sorted
 * and disjoint, as the sentences stage makes them; otherwise every sentence sees the whole article.
 */
function sentenceLayers(article: Article, idx: CorpusIndexes): SentenceLayers[] {
  const sentences = article.layers.sentences;
  const corpusMentions = idx.entityMentions.get(article.id) ?? [];
  const disjoint = sentences.every((s, i) => i === 0 || (sentences[i - 1]?.end ?? 0) <= s.start);
  if (!disjoint) {
    const quotes = article.layers.quotes.map((quote, index) => ({ quote, index }));
    return sentences.map(() => ({ article, quotes, corpusMentions }));
  }
  const buckets = <T>(entries: readonly T[], spanOf: (entry: T) => Span): T[][] => {
    const out: T[][] = sentences.map(() => []);
    for (const entry of entries) {
      const span = spanOf(entry);
      let i = Math.max(0, lastSpanStartingAtOrBefore(sentences, span.start));
      for (; i < sentences.length && (sentences[i]?.start ?? Infinity) < span.end; i++) {
        if (spansOverlap(sentences[i]!, span)) out[i]!.push(entry);
      }
    }
    return out;
  };
  const entities = buckets(article.layers.entities, (e) => e);
  const attributions = buckets(article.layers.attributions, (a) => a.claim ?? a);
  const times = buckets(article.layers.times, (t) => t);
  const quantities = buckets(article.layers.quantities, (q) => q);
  const quotes = buckets(article.layers.quotes.map((quote, index) => ({ quote, index })), (q) => q.quote);
  const mentions = buckets(corpusMentions, (m) => m.span);
  return sentences.map((_, i) => ({
    article: {
      ...article,
      layers: { ...article.layers, entities: entities[i]!, attributions: attributions[i]!, times: times[i]!, quantities: quantities[i]!, quotes: quotes[i]!.map((q) => q.quote) },
    },
    quotes: quotes[i]!,
    corpusMentions: mentions[i]!,
  }));
}

function actorsOf(article: Article, clause: Span, local: SentenceLayers): { keys: string[]; names: string[] } {
  const keys: string[] = [];
  const names: string[] = [];
  const add = (key: string, name: string): void => {
    if (keys.includes(key)) return;
    keys.push(key);
    names.push(name);
  };
  const corpusHits = local.corpusMentions.filter((m) => spanContains(clause, m.span));
  for (const hit of corpusHits) add(hit.entity.id, hit.entity.name);
  for (const e of article.layers.entities) {
    if (!spanContains(clause, e) || corpusHits.some((h) => spansOverlap(h.span, e))) continue;
    add(`name:${e.canonical.toLowerCase()}`, e.canonical);
  }
  return { keys, names };
}

function attributionOf(article: Article, clause: Span): { text: string | null; anonymous: boolean } {
  const hit = article.layers.attributions.find((a) => spansOverlap(a.claim ?? a, clause));
  if (!hit) return { text: null, anonymous: false };
  return { text: hit.via ?? hit.claimant, anonymous: hit.viaKind === 'anonymous' };
}

function quotesOf(article: Article, clause: Span, sentence: Span, idx: CorpusIndexes, local: SentenceLayers): QuotedWords[] {
  const out: QuotedWords[] = [];
  local.quotes.forEach(({ quote: q, index }) => {
    if (!spansOverlap(q, clause)) return;
    out.push({
      ref: { article: article.id, index },
      span: { start: q.start, end: q.end },
      direct: q.kind === 'direct',
      group: idx.quoteGroupOf.get(`${article.id}#${index}`) ?? null,
      speaker: q.kind === 'direct' ? idx.speakerOf(article, q) : null,
      // Only a speaker named in the quote's own sentence is the outlet's word on who said it, not a guess from context.
      speakerName: q.speaker && q.speakerHow === 'named' && besideQuote(q, q.speaker) ? trailingName(article.text.slice(q.speaker.start, q.speaker.end)) : null,
      words: quoteWords(q.kind === 'direct' ? insideMarks(article.text, q, sentence) : article.text.slice(q.start, q.end)),
    });
  });
  return out;
}

/** Characters between a quote and the name of its speaker for the name to be given at the quote ('..., " director I.M. Varga said'). */
const SPEAKER_REACH = 60;

function besideQuote(quote: Span, speaker: Span): boolean {
  return speaker.start - quote.end <= SPEAKER_REACH && quote.start - speaker.end <= SPEAKER_REACH;
}

/** The capitalised words and initials ending a speaker's phrase: "club director I.M. Varga" -> "I.M. Varga". */
function trailingName(phrase: string): string | null {
  return /(?:[\p{Lu}][\p{L}'\u2019.-]*\s+)*[\p{Lu}][\p{L}'\u2019.-]*$/u.exec(phrase.trim())?.[0] ?? null;
}

/** Quotation marks, straight or curly. */
const MARK_RE = /["\u201c\u201d\u201e\u00ab\u00bb]/;

/**
 * What a sentence quotes of a direct quote: the characters of the quote inside quotation marks and inside the
 * sentence (not the clause: outlets split one remark into clauses at different commas, and a trimmed half is no misquote).
 * Read from inside the quote's own opening mark, a mark within it closes the quote, and text up to the next mark is
 * the reporter's ("..., " said the minister. "..."). Scraped text often spaces a closing mark like an opening one
 * (`act, "Mr Papandreou said`), which stretches the span over the attribution and the next sentence's quote: only
 * the stretches inside marks are what was said, and each sentence compares only its own part of them.
 */
function insideMarks(text: string, quote: Span, sentence: Span): string {
  let start = quote.start;
  while (start < quote.end && /\s/.test(text[start] ?? '')) start++;
  if (MARK_RE.test(text[start] ?? '')) start++;
  let end = quote.end;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  if (end > start && MARK_RE.test(text[end - 1] ?? '')) end--;
  let out = '';
  let inside = true;
  for (let i = start; i < end; i++) {
    const c = text[i] ?? '';
    if (MARK_RE.test(c)) {
      inside = !inside;
      out += ' ';
    } else if (inside && i >= sentence.start && i < sentence.end) out += c;
  }
  return out.replace(INSERTION_RE, ' ');
}

/**
 * Words a reporter inserts into a quote to make it read ("turned (its bow) towards", "the [crisis] is"):
 * the speaker did not say them, so they are no part of what is compared. Brackets or parentheses of at most a few words.
 */
const INSERTION_RE = /\s*[([][^()[\]]{1,40}[)\]]\s*/g;

/** A dateline such as "Sun, 15 Sep 2013": once its time expressions are set aside, too little is left to be a claim. */
function onlyTimes(article: Article, clause: Span, minWords: number): boolean {
  const times = article.layers.times.filter((t) => spansOverlap(t, clause));
  if (!times.length) return false;
  let rest = 0;
  let cursor = clause.start;
  for (const t of [...times].sort((a, b) => a.start - b.start)) {
    if (t.start > cursor) rest += contentWords(article.text, { start: cursor, end: t.start }).length;
    cursor = Math.max(cursor, t.end);
  }
  if (cursor < clause.end) rest += contentWords(article.text, { start: cursor, end: clause.end }).length;
  return rest < minWords;
}

/**
 * A call to the reader ("Listen to the full report at 6 p.m.", "Click here", "Sign up for our newsletter") is the
 * outlet addressing its audience, not a claim about the story.
 */
const CALL_TO_READER_RE =
  /^(?:listen|watch|read|subscribe|click|tap|follow|download|share|sign up|tune in|register|visit|see|find out)\b(?:\s+\S+){0,3}?\s+(?:to|more|here|our|us|the full|the latest|now|for|on)\b/i;

/** All claim mentions of the given articles (in the given order). */
export function extractMentions(articles: readonly Article[], idx: CorpusIndexes, config: ExtractConfig): MentionDraft[] {
  const out: MentionDraft[] = [];
  articles.forEach((whole, articleOrder) => {
    const outlet = outletOf(whole);
    const sourceKey = sourceKeyOf(whole, idx.duplicateOf, idx.byId);
    const perSentence = sentenceLayers(whole, idx);
    // An article with no publication date is dated by its own dateline, so its figures can be told as updates.
    const dateline = whole.meta.published ? null : datelineDate(whole);
    let previous: readonly TimeSpan[] = [];
    whole.layers.sentences.forEach((sentence, s) => {
      const local = perSentence[s]!;
      const article = local.article;
      // "In February a quake hit Zarand. It killed 612 people": a sentence opening on a pronoun for the last one's
      // event continues its occasion.
      let carried: readonly TimeSpan[] = ANAPHORIC_OPENING_RE.test(article.text.slice(sentence.start, sentence.start + 24)) ? previous : [];
      let first = true;
      for (const clause of splitClauses(article.text, sentence, config, article.layers.quantities)) {
        const facts = clauseFacts(article, clause);
        const continues = continuesSentence(article.text, clause) || (first && carried.length > 0);
        first = false;
        const occasion = facts.eventTimes.length || !continues ? facts.eventTimes : carried;
        carried = occasion;
        if (occasion.length) previous = occasion;
        const words = contentWords(article.text, clause);
        // "and wounding two others": a count of people with its role is a claim however few its other words.
        const counted = facts.quantities.some((q) => q.role !== undefined && !q.tally);
        if ((words.length < config.minContentWords && !(counted && words.length)) || onlyTimes(article, clause, config.minContentWords)) continue;
        if (CALL_TO_READER_RE.test(article.text.slice(clause.start, clause.end))) continue;
        const actors = actorsOf(article, clause, local);
        const attribution = attributionOf(article, clause);
        out.push({
          compared: {
            cite: { article: article.id, start: clause.start, end: clause.end },
            text: article.text.slice(clause.start, clause.end),
            outlet,
            published: article.meta.published,
            dateline,
            facts,
            quotes: quotesOf(article, clause, sentence, idx, local),
            words,
          },
          articleOrder,
          words,
          entityKeys: actors.keys,
          frames: [
            ...eventFrames(article.text, clause, facts.quantities, facts.eventTimes),
            ...rankAndSequenceFrames(article.text, clause, facts.superlatives, facts.orderings),
          ],
          places: [...new Set(article.layers.entities.filter((e) => e.type === 'LOC' && spanContains(clause, e) && !isDestination(article.text, e)).map((e) => e.canonical.toLowerCase()))],
          actors: actors.names,
          attribution: attribution.text,
          anonymous: attribution.anonymous,
          sourceKey,
          occasion,
        });
      }
    });
  });
  return out;
}

/** A sentence whose subject is a pronoun for the last sentence's event: "It killed ...", "That temblor injured ...". */
const ANAPHORIC_OPENING_RE = /^\s*(?:It|That|This|The\s+same)\s+(?:(?:quake|earthquake|temblor|tremor|attack|blast|bombing|explosion|fire|storm|crash|shooting|incident|event)\s+)?(?:[a-z]+ed|killed|left|hit|struck|was|had)\b/;

/** A clause that carries on its sentence rather than opening it: it starts in lower case ("injuring 40", "and 12 arrested"). */
function continuesSentence(text: string, clause: Span): boolean {
  return /^[\s,;:(\u2014-]*\p{Ll}/u.test(text.slice(clause.start, Math.min(clause.end, clause.start + 8)));
}

/** "taken to Dunmore General Hospital", "flown to the capital": where people went, not where the event happened. */
const DESTINATION_BEFORE = /\b(?:to|into|towards?)\s+(?:the\s+)?$/i;

function isDestination(text: string, place: Span): boolean {
  return DESTINATION_BEFORE.test(text.slice(Math.max(0, place.start - 16), place.start));
}
