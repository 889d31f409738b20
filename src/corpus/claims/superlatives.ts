// Rankings a clause gives ("the largest drone attack", "one of the biggest air assaults") and when two of them clash.
import type { Span } from '../../core/span.js';
import { tokenize, type Token } from '../../core/tokenize.js';
import { classKey, synonymClass } from './synonym-class.js';

export interface Superlative extends Span {
  /** "sole" = "the largest", "one-of" = "one of its largest", "ranked" = "the second-largest". */
  readonly form: 'sole' | 'one-of' | 'ranked';
  /** The superlative as written, lower-cased ("biggest", "most powerful"). */
  readonly word: string;
  /** Its near-synonym class ("biggest" and "heaviest" rank as "largest"). */
  readonly rank: string;
  /** "second", "3rd": the place of a ranked form, null otherwise. */
  readonly ordinal: string | null;
  /** Class key of the thing ranked ("assaults" -> "attack"); null when none follows ("It was the deadliest."). */
  readonly head: string | null;
  /** Class keys of the words before the head ("drone" -> "air"). */
  readonly modifiers: readonly string[];
  /** A narrowing limit of the ranking ("this year", "in months", "since March"), normalized; null when none. */
  readonly scope: string | null;
}

const NOT_SUPERLATIVE = new Set([
  'latest', 'west', 'rest', 'protest', 'interest', 'forest', 'request', 'guest', 'test', 'contest', 'arrest', 'chest',
  'quest', 'nest', 'pest', 'harvest', 'manifest', 'honest', 'modest', 'suggest', 'invest', 'midwest', 'northwest',
  'southwest', 'conquest', 'behest', 'unrest', 'inquest', 'digest', 'priest', 'earnest',
]);

const SUPERLATIVE_RE =
  /\b(one of (?:the|its|their|his|her|our|my|your)|among (?:the|its|their)|the|its|their|his|her|our|(?:one of |among )?(?:the )?([\p{L}-]+)['\u2019]s)\s+(?:(second|third|fourth|fifth|2nd|3rd|4th|5th)[- ])?(?:single[- ])?(most\s+[a-z]+|[a-z]+est|best|worst|first)\b/giu;

/** Words whose "'s" is "is" or "us", not a possessive. */
const CONTRACTED = new Set(['it', 'that', 'there', 'here', 'what', 'who', 'he', 'she', 'let', 'where', 'how', 'this']);

/**
 * Possessors that limit a ranking in time ("the war's largest attack" is the largest of the war), with the scope
 * they stand for; any other possessor names whose the ranking is ("the capital's largest attack") and limits nothing.
 */
const POSSESSOR_SCOPES: Readonly<Record<string, string>> = {
  war: 'war', conflict: 'war', invasion: 'war', year: 'this year', month: 'this month', week: 'this week', season: 'this season', decade: 'this decade',
};

/** Words that sit inside a ranked noun phrase without being part of what is ranked. */
const SKIPPED = new Set(['ever', 'single', 'such']);
/** Longest ranked noun phrase read, in words. */
const PHRASE_WORDS = 5;

/**
 * Limits that narrow a ranking in time: "the largest this year" may be "one of the largest" overall. "In the
 * country's history", "on record" and "ever" do not narrow and are not listed.
 */
const SCOPE_RE =
  /\b(?:of|in|during)\s+the\s+(?:war|conflict|invasion|fighting)\b|\b(?:(?:so far |earlier )?this|last|past|the past)\s+(?:year|month|week|season|decade|summer|winter|spring|autumn|fall)\b|\bin\s+(?:recent\s+)?(?:years|months|weeks|decades|a decade|a year|a month|a generation)\b|\bsince\s+[^,.;:]{1,40}|\bso far\b/i;

function rankedPhrase(tokens: readonly Token[]): { head: string | null; modifiers: string[]; end: number | null } {
  const keys: string[] = [];
  let end: number | null = null;
  for (const [i, t] of tokens.entries()) {
    const w = t.text.toLowerCase();
    // "the largest-ever drone and missile attack": "-ever" and a coordination inside the phrase are read through.
    if (SKIPPED.has(w) || (i === 0 && w === '-') || (keys.length && (w === 'and' || w === 'or') && /^\p{L}/u.test(tokens[i + 1]?.text ?? ''))) continue;
    if (!/^\p{L}/u.test(t.text) || keys.length >= PHRASE_WORDS || (keys.length && /ed$/.test(w))) break;
    const key = classKey(w);
    if (!key) break;
    keys.push(key);
    end = t.end;
  }
  return { head: keys.pop() ?? null, modifiers: keys, end };
}

/**
 * "of the war", "since the war began", "since the start of the invasion": one limit, the war so far, said in other
 * words, so two rankings under it share their scope.
 */
const WAR_SCOPE_RE =
  /^(?:(?:of|in|during)\s+the\s+(?:war|conflict|invasion|fighting)|since\s+(?:the\s+)?(?:(?:start|beginning|outbreak)\s+of\s+the\s+)?(?:war|conflict|invasion|fighting)(?:\s+(?:began|started|broke out|erupted))?)\b/i;

/**
 * A place that limits a ranking when no time does: "the biggest heist in France" may be "one of the biggest in
 * history". Read right after the ranked phrase, so "on the capital" (what was hit) is no limit.
 */
const PLACE_SCOPE_RE = /^\s*in\s+(?:the\s+)?(\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*){0,2})/u;
/** Capitalised words after "in" that name no place: months and days limit in time, and SCOPE_RE reads those. */
const NOT_PLACE_RE = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;

function scopeOf(text: string): string | null {
  const m = SCOPE_RE.exec(text);
  if (!m) {
    const place = PLACE_SCOPE_RE.exec(text)?.[1] ?? null;
    return place === null || NOT_PLACE_RE.test(place) ? null : `in ${place.toLowerCase()}`;
  }
  if (WAR_SCOPE_RE.test(m[0])) return 'war';
  return m[0]
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !['the', 'a', 'an', 'so', 'far', 'earlier', 'in', 'past', 'recent'].includes(w))
    .join(' ');
}

/** The superlatives of a clause, each with what it ranks and how far the ranking reaches. */
export function superlativesOf(text: string, clause: Span): Superlative[] {
  const slice = text.slice(clause.start, clause.end);
  const out: Superlative[] = [];
  SUPERLATIVE_RE.lastIndex = 0;
  for (let m = SUPERLATIVE_RE.exec(slice); m; m = SUPERLATIVE_RE.exec(slice)) {
    const word = (m[4] ?? '').toLowerCase().replace(/\s+/g, ' ');
    if (NOT_SUPERLATIVE.has(word)) continue;
    const lead = (m[1] ?? '').toLowerCase();
    const form: Superlative['form'] = m[3] ? 'ranked' : lead.startsWith('one of') || lead.startsWith('among') ? 'one-of' : 'sole';
    const possessor = m[2]?.toLowerCase() ?? null;
    // "it's the first", "let's first": a contraction, not a possessor.
    if (possessor !== null && CONTRACTED.has(possessor)) continue;
    const possessorScope = possessor === null ? null : (POSSESSOR_SCOPES[possessor] ?? null);
    const start = clause.start + m.index;
    const wordEnd = start + m[0].length;
    const phrase = rankedPhrase(tokenize(text, { start: wordEnd, end: clause.end }));
    const end = phrase.end ?? wordEnd;
    out.push({
      start,
      end,
      form,
      word,
      rank: synonymClass(word) ?? word,
      ordinal: m[3] ? m[3].toLowerCase().replace(/^2nd$/, 'second').replace(/^3rd$/, 'third').replace(/^4th$/, 'fourth').replace(/^5th$/, 'fifth') : null,
      head: phrase.head,
      modifiers: phrase.modifiers,
      scope: possessorScope ?? scopeOf(text.slice(end, clause.end)),
    });
  }
  return out;
}

/** Same ranking of the same kind of thing: heads agree when both are given, and modifiers share a class when both have some. */
function sameRanking(a: Superlative, b: Superlative): boolean {
  if (a.rank !== b.rank) return false;
  if (a.head !== null && b.head !== null && a.head !== b.head) return false;
  return !a.modifiers.length || !b.modifiers.length || a.modifiers.some((k) => b.modifiers.includes(k));
}

/** "the largest this year" does not deny "one of the largest" overall; a limit both sides share narrows neither. */
function narrowed(sole: Superlative, other: Superlative): boolean {
  return sole.scope !== null && sole.scope !== other.scope;
}

/** Two rankings of one thing that cannot both hold: "the largest" / "one of the largest", "second-" / "third-largest". */
export function superlativesClash(a: Superlative, b: Superlative): boolean {
  if (!sameRanking(a, b)) return false;
  if (a.form === 'ranked' && b.form === 'ranked') return a.ordinal !== b.ordinal && a.scope === b.scope;
  if ((a.form === 'sole') === (b.form === 'sole')) return false;
  const [sole, other] = a.form === 'sole' ? [a, b] : [b, a];
  return !narrowed(sole, other);
}
