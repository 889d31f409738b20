// Word tokens with offsets: the shared tokenizer every stage uses, so spans line up.
import type { Span } from './span.js';

export interface Token extends Span {
  readonly text: string;
}

// Words keep inner apostrophes, hyphens, dots of abbreviations (U.S.) and digit separators (1,200 / 3.5).
const TOKEN_RE =
  /(?:[A-Za-z]\.){2,}|\p{N}+(?:[.,:]\p{N}+)*(?:\p{L}+)?|[\p{L}\p{M}]+(?:['\u2019\-][\p{L}\p{M}]+)*|\S/gu;

export function tokenize(text: string, within?: Span): Token[] {
  const start = within?.start ?? 0;
  const end = within?.end ?? text.length;
  const slice = text.slice(start, end);
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(slice); m; m = TOKEN_RE.exec(slice)) {
    tokens.push({ start: start + m.index, end: start + m.index + m[0].length, text: m[0] });
  }
  return tokens;
}
