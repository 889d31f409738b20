// Where a speaker span starts and ends: the rules' span and its near variants, each read by a learned logistic model that keeps the best.
import type { Span } from '../../core/span.js';
import { attributionProbability, bucket, wordValue, type AttributionModel, type FeatureContext } from './attribution-model.js';

export interface SourceBound {
  readonly span: Span;
  readonly features: readonly string[];
}

/** How far (tokens) a speaker span may grow to the left of the rules' start, and how many inner tokens a start may skip. */
const GROW = 8;
const SHRINK = 10;

/**
 * Closed-class words of quantity and grouping that decide whether a subject runs on to its left ("52 percent of
 * voters", "half of voters", "Neither Cruz nor Christie"): named as they are; other words by shape (wordValue).
 */
const GROUPING = /^(?:percent|per|cent|half|majority|majorities|plurality|minority|third|thirds|quarter|most|many|some|more|less|fewer|than|about|nearly|almost|roughly|each|every|all|both|none|neither|nor|either|one|two|three|few|several|number|share|members|group|head|leader|chief|director|spokesman|spokeswoman|spokesperson)$/;

const value = (word: string | undefined): string => {
  const lower = word?.toLowerCase() ?? '';
  return GROUPING.test(lower) ? lower : wordValue(word);
};

const PREPOSITION = /^(?:of|by|to|in|on|at|for|from|with|about|as|and|or|but)$/i;

/**
 * Tokens that end the stretch a speaker span may grow over: sentence marks, quotation marks, semicolons, colons,
 * commas, dashes and brackets ("Later, Tomas Berg tells", "VELMORA (Nordwire) — Ana Ruiz took aim": an opening
 * adverbial or a dateline is no part of the subject).
 */
const HARD_STOP = /^(?:[.,;:!?"“”«»()[\]\u2014\u2013\u2015]|''|--?)$/;

/**
 * The candidate spans for a speaker span found by the rules (`span`, beside its cue): its own start and end, starts up
 * to GROW tokens to its left (within the sentence, over no quotation mark), inner starts after a comma or at a
 * capitalised word or number, and inner ends before a comma, bracket or dash. Each carries the features the model reads.
 */
export function sourceBounds(ctx: FeatureContext, span: Span, cue: Span | null, how: string): SourceBound[] {
  const { tokens } = ctx;
  const first = ctx.tokenAt(span.start);
  let last = ctx.tokenAt(span.end) - 1;
  while (last > first && (tokens[last]?.start ?? 0) >= span.end) last--;
  if (!tokens[first] || last < first) return [];
  const sentence = ctx.sentenceAt(span.start);
  const floor = ctx.tokenAt(sentence.start);
  const side = cue && span.end <= cue.start ? 'before' : 'after';
  // A span starts at a word or number, never at a mark, a preposition or a conjunction ("by Olaf Berg", "— Ana Ruiz").
  const opens = (j: number): boolean => /^[\p{L}\p{N}]/u.test(tokens[j]?.text ?? '') && !PREPOSITION.test(tokens[j]?.text ?? '');
  const starts: number[] = [first];
  for (let j = first - 1; j >= floor && first - j <= GROW; j--) {
    const t = tokens[j];
    if (!t || HARD_STOP.test(t.text) || (cue && t.end > cue.start && t.start < cue.end)) break;
    if (opens(j)) starts.push(j);
  }
  // Inside the span: after a comma ("58, who lives ..."), or a capitalised word or number after a lower-case word
  // ("This year Camil"), never after an abbreviation's point ("Rep. Tilda Moreau").
  for (let j = first + 1; j <= last && j - first <= SHRINK; j++) {
    const before = tokens[j - 1]?.text ?? '';
    if (opens(j) && (before === ',' || (/^[\p{Lu}\p{N}]/u.test(tokens[j]?.text ?? '') && /^\p{Ll}/u.test(before)))) starts.push(j);
  }
  const ends: number[] = [last];
  for (let j = first; j < last; j++) if (/^[,(\u2014\u2013]$/.test(tokens[j + 1]?.text ?? '')) ends.push(j);
  const out: SourceBound[] = [];
  for (const s of starts) {
    for (const e of ends) {
      if (e < s) continue;
      const a = tokens[s];
      const b = tokens[e];
      if (!a || !b) continue;
      const f = ['bias:1', `side:${side}`, `how:${how}`, `len:${bucket(e - s + 1, [2, 3, 4, 6, 9, 13])}`];
      f.push(`first:${value(a.text)}`, `before:${value(tokens[s - 1]?.text)}`, `last:${value(b.text)}`, `after:${value(tokens[e + 1]?.text)}`);
      if (s === first) f.push('startKept');
      else if (s < first) {
        f.push(`grow:${bucket(first - s, [2, 3, 5])}`, `grow+first:${value(a.text)}`);
        for (let k = s; k < first; k++) f.push(`over:${value(tokens[k]?.text)}`);
        f.push(`overEnd:${value(tokens[first - 1]?.text)}`);
      } else {
        f.push(`skip:${bucket(s - first, [2, 3, 5])}`, `skipLast:${value(tokens[s - 1]?.text)}`);
        for (let k = first; k < s && k < first + 4; k++) f.push(`skipped:${value(tokens[k]?.text)}`);
      }
      if (e === last) f.push('endKept');
      else {
        const tail = [e + 1, e + 2, e + 3].map((k) => (k <= last ? value(tokens[k]?.text) : '|')).join(' ');
        f.push(`cut:${bucket(last - e, [2, 4, 8, 14])}`, `tail:${tail}`, `tail+side:${tail}|${side}`, `tail+how:${tail}|${how}`);
        for (let k = e + 1; k <= last; k++) f.push(`dropped:${value(tokens[k]?.text)}`);
      }
      const type = ctx.nameType({ start: a.start, end: b.end });
      f.push(`type:${type ?? 'none'}`, `type+side:${type ?? 'none'}|${side}`);
      out.push({ span: { start: a.start, end: b.end }, features: f });
    }
  }
  return out;
}

/**
 * The candidate span the model scores highest (the rules' own span when no candidate beats it); `candidates` are
 * `sourceBounds` of the same span, when the caller has them already.
 */
export function boundSource(ctx: FeatureContext, model: AttributionModel, span: Span, cue: Span | null, how: string, candidates: readonly SourceBound[] = sourceBounds(ctx, span, cue, how)): Span {
  let best = span;
  let bestScore = -Infinity;
  for (const c of candidates) {
    const p = attributionProbability(model, c.features);
    if (p > bestScore) {
      best = c.span;
      bestScore = p;
    }
  }
  return best;
}
