// Tokens for the tagger: the shared tokenizer, with possessive "'s" and "n't" split off as CoNLL does.
import { tokenize, type Token } from '../../core/tokenize.js';
import type { Span } from '../../core/span.js';

const CLITIC = /^([\p{L}\p{M}\p{N}.\-]+?)(['\u2019]s|n['\u2019]t)$/iu;

/** Tokens of one sentence span; "Kyiv's" becomes "Kyiv" + "'s" so the entity ends at the name. */
export function articleTokens(text: string, within: Span): Token[] {
  const out: Token[] = [];
  for (const t of tokenize(text, within)) {
    const m = CLITIC.exec(t.text);
    if (m && m[1] && m[2]) {
      const cut = t.start + m[1].length;
      out.push({ start: t.start, end: cut, text: m[1] }, { start: cut, end: t.end, text: m[2] });
    } else out.push(t);
  }
  return out;
}
