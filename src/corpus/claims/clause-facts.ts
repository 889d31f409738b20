// What a clause asserts that outlets can disagree on: polarity, superlatives, orderings, figures and dates.
import type { Article, QuantitySpan, TimeSpan } from '../../core/article.js';
import type { Span } from '../../core/span.js';
import { spanContains } from '../../core/span.js';
import { spansInside } from '../../core/text/spans-inside.js';
import { tokenize } from '../../core/tokenize.js';
import { contentKey } from './content-words.js';
import { looksLikeYear } from './intervals.js';
import { orderingsOf, type Ordering } from './orderings.js';
import { superlativesOf, type Superlative } from './superlatives.js';
import { facetsOf, type Facet } from './facets.js';

export type { Facet, Ordering, Superlative };

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
  /** Facts stated in passing that outlets can contradict: a person's home town, a state ("well equipped"). */
  readonly facets: readonly Facet[];
  /** People the clause tells of, in text order (its sources left out), each keyed by surname. */
  readonly persons: readonly PersonSpan[];
  /** Organisations the clause tells of, in text order (its sources left out), each keyed by the last word of the name. */
  readonly organizations: readonly PersonSpan[];
}

export interface PersonSpan extends Span {
  /** The surname, lower-cased: "Ilse Varga" and "Varga" alike. */
  readonly key: string;
}

/** "..., Ivo Sand said", "according to Ivo Sand": a person named as the clause's source, not what it tells of. */
const SOURCE_AFTER_RE = /^\s*,?\s*(?:said|says|told|added|stated|reported|explained|noted)\b/i;
const SOURCE_BEFORE_RE = /\b(?:said|says|according to)\s*$/i;

function namedOf(article: Article, clause: Span, type: 'PERSON' | 'ORG'): PersonSpan[] {
  const { text } = article;
  return spansInside(article.layers.entities, clause)
    .filter((e) => e.type === type)
    .filter((e) => !SOURCE_AFTER_RE.test(text.slice(e.end, e.end + 16)) && !SOURCE_BEFORE_RE.test(text.slice(Math.max(clause.start, e.start - 16), e.start)))
    .map((e) => ({ start: e.start, end: e.end, key: (text.slice(e.start, e.end).trim().split(/\s+/).pop() ?? '').toLowerCase().replace(/['\u2019]s$/, '') }))
    // "U. K." read as a person is initials, not a surname.
    .filter((p) => /^\p{L}{2,}$/u.test(p.key))
    .sort((x, y) => x.start - y.start);
}

const NEGATION_WORDS = new Set(['not', 'never', 'no', 'nobody', 'nothing', 'none', 'neither', 'nor', 'cannot']);

const ANCHOR_CUE_RE = /\b(?:said|says|told|reported|announced|confirmed|according to \w+)\s*(?:on\s+|late\s+|early\s+)?$/i;

/** Words after a cue skipped to reach what it negates ("not yet fully on the agenda"). */
const NEGATION_SKIP = new Set(['yet', 'longer', 'be', 'been', 'being', 'have', 'has', 'had', 'ever', 'even', 'fully', 'always', 'all', 'a', 'an', 'the', 'any', 'on', 'in', 'at', 'to', 'of', 'been']);
/** Auxiliaries between a negated subject and its verb ("no one has been charged"). */
const PASSIVE_AUX = new Set(['has', 'have', 'had', 'was', 'were', 'is', 'are', 'been', 'be', 'being', 'yet']);
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
      // "No gun has been recovered" negates the recovery as "the gun has not been recovered" does: the verb after a
      // negated subject is negated too.
      if (key && (cue?.text ?? '').toLowerCase() === 'no') {
        let k = j + 1;
        while (k < tokens.length && k <= j + 3 && PASSIVE_AUX.has((tokens[k]?.text ?? '').toLowerCase())) k++;
        const verb = k > j + 1 ? contentKey((tokens[k]?.text ?? '').toLowerCase()) : null;
        if (verb) keys.push(verb);
      }
      break;
    }
    i += width - 1;
  }
  return { negated: first !== null, negation: first, negatedKeys: keys };
}

/** Reads the facts of one clause from the article's layers. */
export function clauseFacts(article: Article, clause: Span): ClauseFacts {
  const { text } = article;
  const times = spansInside(article.layers.times, clause);
  // A figure inside a date ("March 14") is part of the date; a duration ("30 minutes") stays a figure. A running
  // tally ("so far this year") is not a figure of the event.
  const quantities = spansInside(article.layers.quantities, clause).filter(
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
    orderings: orderingsOf(text, clause),
    quantities,
    eventTimes,
    asOf,
    times,
    facets: facetsOf(article, clause),
    persons: namedOf(article, clause, 'PERSON'),
    organizations: namedOf(article, clause, 'ORG'),
  };
}

/**
 * The person or organisation each clause first tells of (not its source) differs, and neither clause names the other's:
 * "the Harbours have offered $140 million" / "the Pilots offered $184 million", or "agent Ivo Sand asked for $200
 * million", are two sums, not one misreported.
 */
export function differentActors(a: ClauseFacts, b: ClauseFacts): boolean {
  const x = firstActor(a);
  const y = firstActor(b);
  const names = (f: ClauseFacts, key: string): boolean => f.persons.some((p) => p.key === key) || f.organizations.some((o) => o.key === key);
  return x !== null && y !== null && x !== y && !names(a, y) && !names(b, x);
}

/** The key of the first person or organisation a clause tells of, null when it names none. */
function firstActor(f: ClauseFacts): string | null {
  const [p] = f.persons;
  const [o] = f.organizations;
  if (!p || !o) return (p ?? o)?.key ?? null;
  return p.start <= o.start ? p.key : o.key;
}

/** Both clauses name people and share none of them: they tell of two people ("Reyn died Friday" / "Orsk died Tuesday"). */
export function differentPersons(a: ClauseFacts, b: ClauseFacts): boolean {
  return a.persons.length > 0 && b.persons.length > 0 && !a.persons.some((p) => b.persons.some((q) => q.key === p.key));
}
