// Where reported speech after its cue ends: candidate cut points inside the rules' content, each read by a learned logistic model.
import type { QuoteSpan } from '../../core/article.js';
import { attributionProbability, bucket, wordValue, type AttributionModel, type FeatureContext } from './attribution-model.js';

export interface ContentCut {
  /** The content's end if it is cut here (the end of the word before the cut point). */
  readonly end: number;
  readonly features: readonly string[];
}

/** Words that may open what follows the reported clause: conjunctions, clause words and prepositions of setting. */
const CUT_WORDS = /^(?:and|but|or|while|whereas|despite|though|although|because|during|after|before|when|as|since|even|including|which|who|whom|where|if|so|than|until|amid|with|without|for|in|on|at|by|from|to|over|into|through|—|–|-|,|;|:|\(|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;

/**
 * The cut points of prose content that follows its cue ("Ruiz denied the charges and sued the paper"), in reading
 * order, at least one word in; none for content before or around its cue. Reading stops at the first cut `stop` takes.
 */
export function contentCuts(ctx: FeatureContext, quote: QuoteSpan, stop: (cut: ContentCut) => boolean = () => false): ContentCut[] {
  const cue = quote.cue;
  if (quote.kind !== 'indirect' || !cue || quote.start < cue.end) return [];
  const { tokens, text } = ctx;
  const first = ctx.tokenAt(quote.start);
  const last = ctx.tokenAt(quote.end);
  const cueText = text.slice(cue.start, cue.end).toLowerCase();
  const head = /[\p{L}]+$/u.exec(cueText)?.[0] ?? cueText;
  const that = tokens[first - 1]?.text.toLowerCase() === 'that';
  const out: ContentCut[] = [];
  for (let j = first + 1; j < last; j++) {
    const t = tokens[j];
    const prev = tokens[j - 1];
    if (!t || !prev || !CUT_WORDS.test(t.text)) continue;
    const at = /^\p{L}/u.test(t.text) ? t.text.toLowerCase() : t.text;
    const next = wordValue(tokens[j + 1]?.text);
    const features = [
      'bias:1',
      `at:${at}`,
      `next:${next}`,
      `prev:${wordValue(prev.text)}`,
      `at+next:${at}|${next}`,
      `before:${bucket(j - first, [3, 6, 10, 16, 25])}`,
      `after:${bucket(last - j, [2, 4, 8, 15])}`,
      `cue+at:${head}|${at}`,
      `that:${that}`,
      `cuts:${bucket(out.length, [1, 2, 4])}`,
    ];
    if (/^\p{Ll}+(?:ed|s)$/u.test(tokens[j + 1]?.text ?? '')) features.push('nextVerbish');
    if (/["“”]/.test(text.slice(quote.start, prev.end))) features.push('markBefore');
    const cut = { end: prev.end, features };
    out.push(cut);
    if (stop(cut)) break;
  }
  return out;
}

/** The content's end at the first cut the model takes (probability at least `threshold`), else its own end. */
export function cutContent(ctx: FeatureContext, model: AttributionModel, quote: QuoteSpan, threshold = 0.5): number {
  let end = quote.end;
  contentCuts(ctx, quote, (cut) => {
    if (attributionProbability(model, cut.features) < threshold) return false;
    end = cut.end;
    return true;
  });
  return end;
}
