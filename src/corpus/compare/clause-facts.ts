// What a clause asserts that outlets can disagree on: polarity, superlatives, orderings, figures and dates.
import type { Article, QuantitySpan, TimeSpan } from '../../core/article.js';
import type { Span } from '../../core/span.js';
import { spanContains } from '../../core/span.js';
import { tokenize } from '../../core/tokenize.js';
import { contentKey } from './content-words.js';
import { looksLikeYear } from './intervals.js';
import { stem } from './stem.js';

export interface Superlative extends Span {
  /** "sole" = "the largest", "one-of" = "one of its largest", "ranked" = "the second-largest". */
  readonly form: 'sole' | 'one-of' | 'ranked';
  readonly word: string;
}

export interface Ordering extends Span {
  readonly kind: 'before' | 'after';
  /** Stemmed head word of the anchor event ("vote"). */
  readonly anchor: string;
}

export interface ClauseFacts {
  /** The clause says something did not happen: some content word sits under a negation cue. */
  readonly negated: boolean;
  readonly negation: Span | null;
  /** Content keys under a negation cue ("was not on the agenda" -> agenda). */
  readonly negatedKeys: readonly string[];
  readonly superlatives: readonly Superlative[];
  readonly orderings: readonly Ordering[];
  readonly quantities: readonly QuantitySpan[];
  /** Times the clause says the event happened at (report anchors such as "said on Tuesday" excluded). */
  readonly eventTimes: readonly TimeSpan[];
  /** "officials said on Tuesday": when the reported state held, for ordering updates. */
  readonly asOf: TimeSpan | null;
  readonly times: readonly TimeSpan[];
}

const NEGATION_WORDS = new Set(['not', 'never', 'no', 'nobody', 'nothing', 'none', 'neither', 'nor', 'cannot']);

const NOT_SUPERLATIVE = new Set([
  'latest', 'west', 'rest', 'protest', 'interest', 'forest', 'request', 'guest', 'test', 'contest', 'arrest', 'chest',
  'quest', 'nest', 'pest', 'harvest', 'manifest', 'honest', 'modest', 'suggest', 'invest', 'midwest', 'northwest',
  'southwest', 'conquest', 'behest', 'unrest', 'inquest', 'digest', 'priest', 'earnest',
]);

const SUPERLATIVE_RE =
  /\b(one of (?:the|its|their|his|her|our|my|your)|among (?:the|its|their)|the|its|their|his|her|our)\s+(?:(second|third|fourth|fifth|2nd|3rd|4th|5th)[- ])?(?:single[- ])?(most\s+[a-z]+|[a-z]+est|best|worst|first)\b/gi;

const ORDERING_RE = /\b(before|after|ahead of|prior to|following|since|until)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|this\s+|that\s+)?([a-z][a-z-]*)/gi;

const ANCHOR_CUE_RE = /\b(?:said|says|told|reported|announced|confirmed|according to \w+)\s*(?:on\s+|late\s+|early\s+)?$/i;

const BEFORE_WORDS = new Set(['before', 'ahead of', 'prior to', 'until']);


/** Words after a cue skipped to reach what it negates ("not yet fully on the agenda"). */
const NEGATION_SKIP = new Set(['yet', 'longer', 'be', 'been', 'being', 'have', 'has', 'had', 'ever', 'even', 'fully', 'always', 'all', 'a', 'an', 'the', 'any', 'on', 'in', 'at', 'to', 'of', 'been']);
/** How many words after a cue its scope reaches. */
const NEGATION_REACH = 4;

/** Negation cues, including apostrophe-less and spaced contractions ("cant", "didn ’ t") and "yet to". */
function isCue(tokens: readonly { text: string }[], i: number): number {
  const w = (tokens[i]?.text ?? '').toLowerCase();
  if (NEGATION_WORDS.has(w) || /n['\u2019]t$/.test(w) || /^(?:cant|dont|didnt|wont|isnt|wasnt|arent|werent|hasnt|havent|hadnt|couldnt|wouldnt|shouldnt|doesnt)$/.test(w)) return 1;
  const next = (tokens[i + 1]?.text ?? '').toLowerCase();
  const after = (tokens[i + 2]?.text ?? '').toLowerCase();
  if (/n$/.test(w) && /^['\u2019]$/.test(next) && after === 't') return 3;
  if (w === 'yet' && next === 'to') return 2;
  return 0;
}

function negationOf(text: string, clause: Span): { negated: boolean; negation: Span | null; negatedKeys: string[] } {
  const tokens = tokenize(text, clause);
  const keys: string[] = [];
  let first: Span | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const width = isCue(tokens, i);
    if (!width) continue;
    const cue = tokens[i];
    if (cue) first ??= { start: cue.start, end: cue.end };
    for (let j = i + width, seen = 0; j < tokens.length && seen < NEGATION_REACH; j++, seen++) {
      const w = (tokens[j]?.text ?? '').toLowerCase();
      if (NEGATION_SKIP.has(w)) continue;
      // The first word past the skippable ones is what is negated; "would not say" negates a reporting verb, not content.
      const key = contentKey(w);
      if (key) keys.push(key);
      break;
    }
    i += width - 1;
  }
  return { negated: first !== null, negation: first, negatedKeys: keys };
}

function superlativesOf(text: string, clause: Span): Superlative[] {
  const slice = text.slice(clause.start, clause.end);
  const out: Superlative[] = [];
  SUPERLATIVE_RE.lastIndex = 0;
  for (let m = SUPERLATIVE_RE.exec(slice); m; m = SUPERLATIVE_RE.exec(slice)) {
    const word = (m[3] ?? '').toLowerCase().replace(/\s+/g, ' ');
    if (NOT_SUPERLATIVE.has(word)) continue;
    const lead = (m[1] ?? '').toLowerCase();
    const form: Superlative['form'] = m[2] ? 'ranked' : lead.startsWith('one of') || lead.startsWith('among') ? 'one-of' : 'sole';
    out.push({ start: clause.start + m.index, end: clause.start + m.index + m[0].length, form, word });
  }
  return out;
}

function orderingsOf(text: string, clause: Span, times: readonly TimeSpan[]): Ordering[] {
  const slice = text.slice(clause.start, clause.end);
  const out: Ordering[] = [];
  ORDERING_RE.lastIndex = 0;
  for (let m = ORDERING_RE.exec(slice); m; m = ORDERING_RE.exec(slice)) {
    const cue = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
    out.push({
      start: clause.start + m.index,
      end: clause.start + m.index + m[0].length,
      kind: BEFORE_WORDS.has(cue) ? 'before' : 'after',
      anchor: stem(m[2] ?? ''),
    });
  }
  for (const t of times) {
    if (!t.relation || t.relation.kind === 'during') continue;
    const head = t.relation.anchor.trim().split(/\s+/).pop() ?? '';
    const ordering: Ordering = { start: t.start, end: t.end, kind: t.relation.kind, anchor: stem(head) };
    if (!out.some((o) => o.anchor === ordering.anchor && o.kind === ordering.kind)) out.push(ordering);
  }
  return out;
}

/** Reads the facts of one clause from the article's layers. */
export function clauseFacts(article: Article, clause: Span): ClauseFacts {
  const { text } = article;
  const inside = <T extends Span>(spans: readonly T[]): T[] => spans.filter((s) => spanContains(clause, s));
  const times = inside(article.layers.times);
  // A figure inside a date ("March 14") is part of the date; a duration ("30 minutes") stays a figure. A running
  // tally ("so far this year") is not a figure of the event.
  const quantities = inside(article.layers.quantities).filter(
    (q) => !q.tally && !looksLikeYear(q) && !times.some((t) => t.type !== 'DURATION' && spanContains(t, q)),
  );
  let asOf: TimeSpan | null = null;
  const eventTimes: TimeSpan[] = [];
  for (const t of times) {
    const before = text.slice(Math.max(clause.start, t.start - 30), t.start);
    if (ANCHOR_CUE_RE.test(before)) asOf ??= t;
    else eventTimes.push(t);
  }
  return {
    ...negationOf(text, clause),
    superlatives: superlativesOf(text, clause),
    orderings: orderingsOf(text, clause, times),
    quantities,
    eventTimes,
    asOf,
    times,
  };
}
