// What a clause asserts that outlets can disagree on: polarity, superlatives, orderings, figures and dates.
import type { Article, QuantitySpan, TimeSpan } from '../../core/article.js';
import type { Span } from '../../core/span.js';
import { spanContains } from '../../core/span.js';
import { tokenize } from '../../core/tokenize.js';
import { looksLikeYear } from './intervals.js';

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
  /** An odd number of negation cues: the clause says something did not happen. */
  readonly negated: boolean;
  readonly negation: Span | null;
  readonly superlatives: readonly Superlative[];
  readonly orderings: readonly Ordering[];
  readonly quantities: readonly QuantitySpan[];
  /** Times the clause says the event happened at (report anchors such as "said on Tuesday" excluded). */
  readonly eventTimes: readonly TimeSpan[];
  /** "officials said on Tuesday": when the reported state held, for ordering updates. */
  readonly asOf: TimeSpan | null;
  readonly times: readonly TimeSpan[];
}

const NEGATION_WORDS = new Set(['not', 'never', 'no', 'nobody', 'nothing', 'none', 'neither', 'nor', 'denied', 'denies', 'deny', 'cannot']);

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

export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['\u2019]s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 3 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('es') && /(ch|sh|x|ss)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  return w;
}

function negationOf(text: string, clause: Span): { negated: boolean; negation: Span | null } {
  let count = 0;
  let first: Span | null = null;
  for (const t of tokenize(text, clause)) {
    const w = t.text.toLowerCase();
    if (NEGATION_WORDS.has(w) || /n['\u2019]t$/.test(w)) {
      count++;
      first ??= { start: t.start, end: t.end };
    }
  }
  return { negated: count % 2 === 1, negation: first };
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
  // A figure inside a date ("March 14") is part of the date; a duration ("30 minutes") stays a figure.
  const quantities = inside(article.layers.quantities).filter(
    (q) => !looksLikeYear(q) && !times.some((t) => t.type !== 'DURATION' && spanContains(t, q)),
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
