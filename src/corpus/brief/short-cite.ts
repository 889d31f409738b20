// A citation a reader can check at a glance: never more than its sentence, and cut at a clause when the sentence runs long.
import type { Article } from '../../core/article.js';
import type { Cite } from '../../core/corpus.js';
import { lastSpanStartingAtOrBefore, trimSpan } from '../../core/span.js';

/** Where a long passage may end: after a clause's punctuation, or before a dash or a quotation's close. */
const CLAUSE_END_RE = /[,;:.!?)\]"”’](?=\s)|\s(?=[—–]\s)/g;

/**
 * Narrows a cite to exact characters a reader can take in:
 * (1) the part of it inside the sentence where it starts (a mention never spans a lede glued to the next sentence);
 * (2) when that is still longer than `maxChars`, up to the last clause end before the limit (at least a third of it);
 * (3) else up to the last word break before the limit.
 * Cites of an unknown article, or already short, come back unchanged.
 */
export function shortCite(cite: Cite, article: Article | undefined, maxChars: number): Cite {
  if (!article) return cite;
  const sentences = article.layers.sentences;
  const at = lastSpanStartingAtOrBefore(sentences, cite.start);
  const sentence = sentences[at];
  let start = cite.start;
  let end = cite.end;
  if (sentence && sentence.end > start) end = Math.min(end, sentence.end);
  ({ start, end } = trimSpan(article.text, { start, end }));
  if (end <= start) return cite;
  if (end - start > maxChars) {
    const slice = article.text.slice(start, start + maxChars);
    let cut = -1;
    for (const m of slice.matchAll(CLAUSE_END_RE)) cut = m.index + (/\s/.test(m[0]) ? 0 : m[0].length);
    if (cut < maxChars / 3) cut = slice.search(/\s\S*$/);
    end = start + (cut > 0 ? cut : maxChars);
    ({ start, end } = trimSpan(article.text, { start, end }));
    // A clause cut before its comma reads as a whole; the comma itself would dangle.
    while (end > start && /[,;:]/.test(article.text[end - 1] ?? '')) end--;
  }
  return { article: cite.article, start, end };
}

/** The exact characters of a cite, white space flattened for one line. */
export function citedText(cite: Cite, article: Article | undefined): string {
  return (article?.text.slice(cite.start, cite.end) ?? '').replace(/\s+/g, ' ').trim();
}
