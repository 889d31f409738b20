// Splits a sentence into clause spans at "; ", ", while", ", whereas", ", but" and ", and" + a new finite verb, outside quotes.
import type { Span } from '../../core/span.js';
import { trimSpan } from '../../core/span.js';
import { tokenize } from '../../core/tokenize.js';

export interface ClauseConfig {
  /** Each side of a split needs at least this many words, else the sentence stays whole. */
  readonly minWords: number;
}

export const CLAUSE_DEFAULTS: ClauseConfig = { minWords: 4 };

const ALWAYS_RE = /;\s+|,\s+(?:while|whereas|but)\s+/gi;
const AND_RE = /,\s+and\s+/gi;

const FINITE = new Set([
  'is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'did', 'does', 'do', 'said',
  'says', 'told', 'may', 'might', 'must', 'should', 'shall',
]);

function hasFiniteVerb(text: string, span: Span): boolean {
  return tokenize(text, span).some((t) => {
    const w = t.text.toLowerCase();
    return FINITE.has(w) || /^[a-z]{3,}ed$/.test(w) || /n't$/.test(w);
  });
}

function wordCount(text: string, span: Span): number {
  return tokenize(text, span).filter((t) => /\p{L}/u.test(t.text)).length;
}

/** Offsets inside the sentence where a quotation is open (splits there would cut a quote). */
function insideQuote(text: string, sentence: Span, at: number): boolean {
  let open = false;
  for (let i = sentence.start; i < at; i++) {
    const c = text[i];
    if (c === '"') open = !open;
    else if (c === '\u201c') open = true;
    else if (c === '\u201d') open = false;
  }
  return open;
}

export function splitClauses(text: string, sentence: Span, config: ClauseConfig = CLAUSE_DEFAULTS): Span[] {
  const slice = text.slice(sentence.start, sentence.end);
  const cuts: { at: number; next: number }[] = [];
  ALWAYS_RE.lastIndex = 0;
  for (let m = ALWAYS_RE.exec(slice); m; m = ALWAYS_RE.exec(slice)) {
    cuts.push({ at: sentence.start + m.index, next: sentence.start + m.index + m[0].length });
  }
  AND_RE.lastIndex = 0;
  for (let m = AND_RE.exec(slice); m; m = AND_RE.exec(slice)) {
    const next = sentence.start + m.index + m[0].length;
    // "and" then a new subject with its own verb within a few words: a second clause.
    const ahead = { start: next, end: Math.min(sentence.end, next + 60) };
    const words = tokenize(text, ahead).slice(0, 4);
    if (words.length && hasFiniteVerb(text, { start: ahead.start, end: words[words.length - 1]?.end ?? ahead.end })) {
      cuts.push({ at: sentence.start + m.index, next });
    }
  }
  cuts.sort((a, b) => a.at - b.at);
  const out: Span[] = [];
  let start = sentence.start;
  for (const cut of cuts) {
    if (insideQuote(text, sentence, cut.at)) continue;
    const left = trimSpan(text, { start, end: cut.at });
    const right = trimSpan(text, { start: cut.next, end: sentence.end });
    if (wordCount(text, left) < config.minWords || wordCount(text, right) < config.minWords) continue;
    if (!hasFiniteVerb(text, left)) continue;
    out.push(left);
    start = cut.next;
  }
  const last = trimSpan(text, { start, end: sentence.end });
  if (last.end > last.start) out.push(last);
  return out;
}
