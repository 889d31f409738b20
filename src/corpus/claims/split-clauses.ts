// Splits a sentence into clause spans at "; ", ", while", ", whereas", ", but", ", and" + a new finite verb, and participial fact clauses that carry their own figure (", injuring 17 and killing one"), outside quotes.
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

/** Irregular past tenses news leads use ("A fire tore through", "Firefighters brought"). */
const IRREGULAR_PAST = new Set([
  'brought', 'took', 'tore', 'broke', 'fell', 'rose', 'began', 'came', 'went', 'made', 'gave', 'found', 'left', 'led',
  'held', 'kept', 'saw', 'sank', 'stole', 'struck', 'fought', 'caught', 'spent', 'sent', 'built', 'paid', 'won', 'lost',
  'ran', 'met', 'stood', 'got', 'became', 'drove', 'flew', 'grew', 'knew', 'threw', 'wrote', 'spoke', 'chose', 'froze',
  'shook', 'swept', 'fled', 'hid', 'felt', 'meant', 'sold', 'bought', 'slid', 'swam', 'burnt', 'blew', 'withdrew',
]);

function hasFiniteVerb(text: string, span: Span): boolean {
  return tokenize(text, span).some((t) => {
    const w = t.text.toLowerCase();
    return FINITE.has(w) || IRREGULAR_PAST.has(w) || /^[a-z]{3,}ed$/.test(w) || /n't$/.test(w);
  });
}

/** Words that give a figure as a source's reading: "put the magnitude at 5.9", "the survey said it was 6.1". */
const READING_RE = /\b(?:said|says|put|puts|reported|reports|estimated|estimates|measured|recorded|gave|gives|according)\b/i;

/**
 * "The centre put the magnitude at 5.9, but the survey said it was 6.1": two sources' readings of one figure,
 * contrasted in one sentence, are one statement that the figure is disputed, not two claims of the outlet.
 */
function twoReadings(text: string, left: Span, right: Span, figures: readonly Span[]): boolean {
  const holds = (side: Span): boolean => figures.some((f) => f.start >= side.start && f.end <= side.end) && READING_RE.test(text.slice(side.start, side.end));
  return holds(left) && holds(right);
}

/** ", injuring ..." / " and killing ...": a participle opening a fact clause. */
const PARTICIPLE_RE = /(,\s+(?:and\s+)?|\s+and\s+)([a-z]{3,}ing)\b/g;

/** -ing words that open frames, prepositions or nouns, not fact clauses ("according to", "citing officials", "evening"). */
const NOT_PARTICIPLE = new Set([
  'according', 'including', 'citing', 'quoting', 'saying', 'adding', 'noting', 'during', 'following', 'excluding',
  'regarding', 'concerning', 'morning', 'evening', 'building', 'nothing', 'something', 'anything', 'everything', 'spring',
  'string', 'thing', 'ceiling', 'wedding', 'meeting', 'funding', 'hearing', 'ruling', 'opening', 'housing', 'warning',
  'bring', 'king', 'wing', 'ring', 'sing', 'sting', 'swing', 'being', 'pending', 'notwithstanding', 'starting', 'beginning',
  'explaining', 'insisting', 'arguing', 'claiming', 'warning', 'telling', 'asking', 'stating', 'suggesting', 'reporting',
]);

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

/**
 * Cuts before participial clauses that state their own figure: "A fire tore through the ferry, injuring at least
 * 17 people and killing one person" holds three facts. Every piece from the first participle on must carry a figure
 * (so "..., leaving the port closed" stays whole), and the head before it needs a finite verb.
 */
function participleCuts(text: string, sentence: Span, figures: readonly Span[]): { at: number; next: number }[] {
  if (!figures.length) return [];
  const slice = text.slice(sentence.start, sentence.end);
  const found: { at: number; next: number; comma: boolean }[] = [];
  PARTICIPLE_RE.lastIndex = 0;
  for (let m = PARTICIPLE_RE.exec(slice); m; m = PARTICIPLE_RE.exec(slice)) {
    if (NOT_PARTICIPLE.has((m[2] ?? '').toLowerCase())) continue;
    const at = sentence.start + m.index;
    found.push({ at, next: at + (m[1] ?? '').length, comma: (m[1] ?? '').startsWith(',') });
  }
  // A chain starts at a comma ("..., injuring"); a bare "and killing" only continues one.
  const first = found.findIndex((c) => c.comma);
  if (first < 0) return [];
  const chain = found.slice(first);
  const head = { start: sentence.start, end: chain[0]?.at ?? sentence.start };
  if (!hasFiniteVerb(text, head) || wordCount(text, head) < CLAUSE_DEFAULTS.minWords) return [];
  const out: { at: number; next: number }[] = [];
  chain.forEach((cut, i) => {
    const end = chain[i + 1]?.at ?? nextComma(text, cut.next, sentence.end);
    if (figures.some((f) => f.start >= cut.next && f.end <= end)) out.push({ at: cut.at, next: cut.next });
  });
  return out.length === chain.length ? out : [];
}

/** End of a participial piece: the next comma (a trailing "the coast guard said" frame stays on the last piece). */
function nextComma(text: string, from: number, end: number): number {
  const i = text.indexOf(',', from);
  return i < 0 || i > end ? end : i;
}

/**
 * Clause spans of a sentence, trimmed, in order. `figures` (quantity spans of the article) let participial
 * fact clauses be split off; without them only the conjunction rules apply.
 */
export function splitClauses(text: string, sentence: Span, config: ClauseConfig = CLAUSE_DEFAULTS, figures: readonly Span[] = []): Span[] {
  const slice = text.slice(sentence.start, sentence.end);
  const participles = participleCuts(text, sentence, figures.filter((f) => f.start >= sentence.start && f.end <= sentence.end));
  const cuts: { at: number; next: number; participle?: boolean }[] = participles.map((c) => ({ ...c, participle: true }));
  ALWAYS_RE.lastIndex = 0;
  const inSentence = figures.filter((f) => f.start >= sentence.start && f.end <= sentence.end);
  for (let m = ALWAYS_RE.exec(slice); m; m = ALWAYS_RE.exec(slice)) {
    const at = sentence.start + m.index;
    const next = at + m[0].length;
    if (/^,/.test(m[0]) && twoReadings(text, { start: sentence.start, end: at }, { start: next, end: sentence.end }, inSentence)) continue;
    cuts.push({ at, next });
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
  // A conjunction cut inside a participial chain would cut it twice.
  for (let i = cuts.length - 1; i > 0; i--) if (cuts[i]?.at === cuts[i - 1]?.at) cuts.splice(cuts[i]?.participle ? i - 1 : i, 1);
  let start = sentence.start;
  for (const cut of cuts) {
    if (insideQuote(text, sentence, cut.at)) continue;
    const left = trimSpan(text, { start, end: cut.at });
    const right = trimSpan(text, { start: cut.next, end: sentence.end });
    if (!cut.participle) {
      if (wordCount(text, left) < config.minWords || wordCount(text, right) < config.minWords) continue;
      if (!hasFiniteVerb(text, left)) continue;
    }
    out.push(left);
    start = cut.next;
  }
  const last = trimSpan(text, { start, end: sentence.end });
  if (last.end > last.start) out.push(last);
  return out;
}
