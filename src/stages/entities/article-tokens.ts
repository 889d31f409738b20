// Tokens for the tagger: the shared tokenizer, with possessive "'s" and "n't" split off as CoNLL does.
import { tokenize, type Token } from '../../core/tokenize.js';
import type { Span } from '../../core/span.js';

const SINGLE_CAPITAL = /^\p{Lu}$/u;
const CLITIC = /^([\p{L}\p{M}\p{N}.\-]+?)(['\u2019]s|n['\u2019]t)$/iu;

/** Abbreviations CoNLL writes as one token with their dot ("Dr.", "Gen.", "Inc."); single capitals are initials. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'sgt', 'maj', 'adm', 'cmdr', 'jr', 'sr',
  'prof', 'rev', 'hon', 'inc', 'corp', 'co', 'ltd', 'bros', 'mt', 'ft', 'no', 'vs', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n',
]);

function isAbbreviation(word: string): boolean {
  return SINGLE_CAPITAL.test(word) || ABBREVIATIONS.has(word.toLowerCase());
}

/** Tokens of one sentence span; "Kyiv's" becomes "Kyiv" + "'s" so the entity ends at the name. */
export function articleTokens(text: string, within: Span): Token[] {
  const out: Token[] = [];
  for (const t of tokenize(text, within)) {
    const last = out[out.length - 1];
    if (t.text === '.' && last && last.end === t.start && isAbbreviation(last.text)) {
      out[out.length - 1] = { start: last.start, end: t.end, text: `${last.text}.` };
      continue;
    }
    const m = CLITIC.exec(t.text);
    if (m && m[1] && m[2]) {
      const cut = t.start + m[1].length;
      out.push({ start: t.start, end: cut, text: m[1] }, { start: cut, end: t.end, text: m[2] });
    } else out.push(t);
  }
  return out;
}
