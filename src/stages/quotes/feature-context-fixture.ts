// A FeatureContext over one test sentence, for the tests of the attribution and content-end models.
import { tokenize } from '../../core/tokenize.js';
import type { FeatureContext } from './attribution-model.js';

/** The whole text is one sentence of a later paragraph; learned rates, precisions and name types come from `given`. */
export function featureContextFor(text: string, given: Pick<FeatureContext, 'rate' | 'precision' | 'nameType'>): FeatureContext {
  const tokens = tokenize(text);
  return {
    text,
    tokens,
    tokenAt: (offset) => {
      const i = tokens.findIndex((t) => t.start >= offset);
      return i < 0 ? tokens.length : i;
    },
    sentenceAt: () => ({ start: 0, end: text.length }),
    firstParagraph: () => false,
    ...given,
  };
}
