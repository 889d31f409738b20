// Paragraph and sentence spans: paragraphs split at blank lines/newlines, sentences by sbd inside each.
import sbd from 'sbd';
import type { Span } from '../../core/span.js';
import { trimSpan } from '../../core/span.js';
import { defineArticleStage } from '../../pipeline/stage.js';

export interface SentencesConfig {
  /** Treat every newline as a paragraph break (scraped text rarely wraps lines). */
  readonly newlineIsParagraph: boolean;
}

export function splitParagraphs(text: string, newlineIsParagraph = true): Span[] {
  const breakRe = newlineIsParagraph ? /\n+/g : /\n\s*\n+/g;
  const out: Span[] = [];
  let start = 0;
  const push = (end: number): void => {
    const span = trimSpan(text, { start, end });
    if (span.end > span.start) out.push(span);
  };
  for (let m = breakRe.exec(text); m; m = breakRe.exec(text)) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(text.length);
  return out;
}

/** Sentence spans inside one paragraph, located by sequential search so offsets are exact. */
export function splitSentences(text: string, paragraph: Span): Span[] {
  const slice = text.slice(paragraph.start, paragraph.end);
  const parts = sbd.sentences(slice, { newline_boundaries: true, preserve_whitespace: true });
  const out: Span[] = [];
  let cursor = 0;
  for (const part of parts) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const at = slice.indexOf(trimmed, cursor);
    if (at < 0) continue; // sbd normalised something; the remainder is covered below
    out.push({ start: paragraph.start + at, end: paragraph.start + at + trimmed.length });
    cursor = at + trimmed.length;
  }
  // Never lose text: anything sbd skipped at the end becomes its own sentence.
  const rest = trimSpan(text, { start: paragraph.start + cursor, end: paragraph.end });
  if (rest.end > rest.start) out.push(rest);
  return out;
}

export const sentencesStage = defineArticleStage<SentencesConfig>({
  name: 'parallax.sentences.v1',
  version: '1.0.0',
  requires: [],
  provides: ['paragraphs', 'sentences'],
  defaults: { newlineIsParagraph: true },
  run(article, _ctx, config) {
    const paragraphs = splitParagraphs(article.text, config.newlineIsParagraph);
    const sentences = paragraphs.flatMap((p) => splitSentences(article.text, p));
    return { layers: { paragraphs, sentences } };
  },
});
