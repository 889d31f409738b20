// Paragraph and sentence spans: paragraphs split at blank lines/newlines, sentences by sbd inside each.
import sbd from 'sbd';
import { diagnostic, type Diagnostic } from '../../core/diagnostics.js';
import type { Span } from '../../core/span.js';
import { trimSpan } from '../../core/span.js';
import { defineArticleStage } from '../../core/stage.js';

export interface SentencesConfig {
  /** Treat every newline as a paragraph break (scraped text rarely wraps lines). */
  readonly newlineIsParagraph: boolean;
  /**
   * Longest sentence kept whole, in characters; longer runs (menus, keyword dumps, text with no full stop) are cut
   * at white space so later stages' per-sentence work stays bounded. Real news sentences stay far below it
   * (GVC dev: longest 554 characters, 99.9th percentile 345).
   */
  readonly maxSentenceChars: number;
}

const STAGE = 'parallax.sentences.v1';

/** CR LF, lone CR (old Mac exports), LF and the Unicode line/paragraph separators all end a line. */
const LINE_BREAK = String.raw`(?:\r\n|[\n\r\u2028\u2029])`;
const EVERY_LINE_RE = new RegExp(`${LINE_BREAK}+`, 'g');
const BLANK_LINE_RE = new RegExp(String.raw`${LINE_BREAK}\s*${LINE_BREAK}`, 'g');

/**
 * Runs of the characters sbd turns into line boundaries (its own `[-#=_+*]{4,}`). sbd replaces them with a
 * placeholder word that it then drops, so a piece made only of them leaves it with no sentence at all, and
 * it throws (sbd 1.0.19). They are rules between sentences, so they are cut out before sbd sees the text.
 */
const RULE_RUN_RE = /[-#=_+*]{4,}/g;

/** A sentence says something in words or figures: a piece with no letter and no digit is a separator. */
const WORDY_RE = /[\p{L}\p{N}]/u;

/** sbd only drops characters (a rule placeholder, the "." of "end.Next", a trailing quote), a few at a time. */
const MAX_DROPPED_RUN = 8;

export function splitParagraphs(text: string, newlineIsParagraph = true): Span[] {
  const breakRe = new RegExp(newlineIsParagraph ? EVERY_LINE_RE : BLANK_LINE_RE);
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

/** Sentence spans of one paragraph, plus the pieces sbd could not split (kept whole). */
export interface ParagraphSentences {
  readonly sentences: Span[];
  readonly unsplit: Span[];
}

/** Sentence spans inside one paragraph; offsets are exact, and every wordy character lies in one sentence. */
export function splitSentences(text: string, paragraph: Span): Span[] {
  return sentencesOfParagraph(text, paragraph).sentences;
}

export function sentencesOfParagraph(text: string, paragraph: Span): ParagraphSentences {
  const sentences: Span[] = [];
  const unsplit: Span[] = [];
  for (const piece of piecesBetweenRules(text, paragraph)) {
    const starts = sbdStarts(text, piece);
    if (!starts) unsplit.push(piece);
    const bounds = starts ?? [piece.start];
    bounds.forEach((start, i) => {
      const span = trimSpan(text, { start: i === 0 ? piece.start : start, end: bounds[i + 1] ?? piece.end });
      if (span.end > span.start && WORDY_RE.test(text.slice(span.start, span.end))) sentences.push(span);
    });
  }
  return { sentences, unsplit };
}

/** The stretches of a paragraph between rule runs, trimmed, without the runs themselves. */
function piecesBetweenRules(text: string, paragraph: Span): Span[] {
  const slice = text.slice(paragraph.start, paragraph.end);
  const out: Span[] = [];
  let from = 0;
  const push = (end: number): void => {
    const span = trimSpan(text, { start: paragraph.start + from, end: paragraph.start + end });
    if (span.end > span.start) out.push(span);
  };
  for (const m of slice.matchAll(RULE_RUN_RE)) {
    push(m.index);
    from = m.index + m[0].length;
  }
  push(slice.length);
  return out;
}

/**
 * Where each sbd sentence starts in the piece. sbd returns sentences re-joined with single spaces and with a
 * few characters dropped, so its output is matched to the piece character by character, white space skipped
 * (linear). Null when sbd throws or its output cannot be matched: the caller keeps the piece whole.
 */
function sbdStarts(text: string, piece: Span): number[] | null {
  let parts: string[];
  try {
    parts = sbd.sentences(text.slice(piece.start, piece.end), { newline_boundaries: true, preserve_whitespace: true });
  } catch {
    return null;
  }
  const starts: number[] = [];
  let pos = piece.start;
  for (const part of parts) {
    let first = -1;
    for (const ch of part.replace(/\s+/g, '')) {
      const at = matchAhead(text, pos, piece.end, ch);
      if (at < 0) return null;
      if (first < 0) first = at;
      pos = at + ch.length;
    }
    if (first >= 0) starts.push(first);
  }
  return starts.length ? starts : null;
}

/** Next position at or after `pos` holding `ch`, skipping white space and at most MAX_DROPPED_RUN other characters. */
function matchAhead(text: string, pos: number, end: number, ch: string): number {
  let skipped = 0;
  for (let i = pos; i < end; i++) {
    if (text.startsWith(ch, i)) return i;
    if (/\s/.test(text[i] ?? '')) continue;
    if (++skipped > MAX_DROPPED_RUN) return -1;
  }
  return -1;
}

/**
 * Cuts a span longer than `max` characters into pieces of at most `max`: at the last white space of the second
 * half of each window, else (one long token) at the window's end, never inside a surrogate pair.
 */
export function capLength(text: string, span: Span, max: number): Span[] {
  const limit = Math.max(2, Math.floor(max));
  const out: Span[] = [];
  let start = span.start;
  while (span.end - start > limit) {
    let cut = start + limit;
    for (let i = cut; i > start + limit / 2; i--) {
      if (/\s/.test(text[i] ?? '')) {
        cut = i;
        break;
      }
    }
    if (/[\uDC00-\uDFFF]/.test(text[cut] ?? '') && /[\uD800-\uDBFF]/.test(text[cut - 1] ?? '')) cut--;
    const piece = trimSpan(text, { start, end: cut });
    if (piece.end > piece.start) out.push(piece);
    start = cut;
  }
  const last = trimSpan(text, { start, end: span.end });
  if (last.end > last.start) out.push(last);
  return out;
}

export const sentencesStage = defineArticleStage<SentencesConfig>({
  name: STAGE,
  version: '1.1.0',
  requires: [],
  provides: ['article.paragraphs', 'article.sentences'],
  defaults: { newlineIsParagraph: true, maxSentenceChars: 1000 },
  run(article, _ctx, config) {
    const paragraphs = splitParagraphs(article.text, config.newlineIsParagraph);
    const sentences: Span[] = [];
    const diagnostics: Diagnostic[] = [];
    for (const p of paragraphs) {
      const found = sentencesOfParagraph(article.text, p);
      for (const sentence of found.sentences) {
        if (sentence.end - sentence.start <= config.maxSentenceChars) {
          sentences.push(sentence);
          continue;
        }
        const pieces = capLength(article.text, sentence, config.maxSentenceChars).filter((piece) => WORDY_RE.test(article.text.slice(piece.start, piece.end)));
        sentences.push(...pieces);
        diagnostics.push(
          diagnostic('info', STAGE, 'long-sentence-split', `A sentence of ${sentence.end - sentence.start} characters was cut into ${pieces.length} pieces of at most ${config.maxSentenceChars} (maxSentenceChars).`, sentence),
        );
      }
      for (const piece of found.unsplit) {
        diagnostics.push(
          diagnostic('warning', STAGE, 'sentence-split-fallback', 'The sentence splitter could not split this passage, so it is kept as one sentence. Please report the passage as a bug.', piece),
        );
      }
    }
    return { layers: { paragraphs, sentences }, diagnostics };
  },
});
