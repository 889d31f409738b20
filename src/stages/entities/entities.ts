// The entities stage: NER over each article's sentences, then within-article canonical names.
import type { EntityMention, EntityType } from '../../core/article.js';
import type { Span } from '../../core/span.js';
import { defineArticleStage } from '../../core/stage.js';
import { articleTokens } from './article-tokens.js';
import { loadNerModel, tagDocument, DEFAULT_MODEL_DIR } from './ner-model.js';
import { resolveWithinArticle, type RawMention } from './within-article-aliases.js';
import { GAZ_TYPES } from './gazetteer.js';

// Unicode-class patterns built once (per-call literals are recompiled when the loader lowers them to new RegExp).
const STARTS_UPPER = /^\p{Lu}/u;
const STARTS_LETTER = /^\p{L}/u;

const PLACE_BIT = 1 << GAZ_TYPES.indexOf('LOC');

export interface EntitiesConfig {
  /** Folder holding model.bin.gz, clusters.tsv and gazetteers.tsv. */
  readonly modelDir: string;
  /** Add "the spokesman"-style mentions anchored to a named person. */
  readonly roleMentions: boolean;
}

const TYPE_OF: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };

const SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'on', 'for', 'and', 'at', 'by', 'as', 'vs', 'or', 'with', 'from']);

/**
 * Title-case headlines ("Ellen DeGeneres To Host Oscars") capitalise every word, which a tagger trained on
 * sentence case reads as one long name; `sentenceCase` rewrites them before tagging.
 */
export function isTitleCaseHeadline(words: readonly string[]): boolean {
  const alpha = words.filter((w) => STARTS_LETTER.test(w));
  if (alpha.length < 4) return false;
  const capitalised = alpha.filter((w) => STARTS_UPPER.test(w));
  const rest = alpha.filter((w) => !STARTS_UPPER.test(w));
  const longCaps = capitalised.filter((w) => w.length >= 4).length;
  return longCaps >= 3 && rest.every((w) => SMALL_WORDS.has(w));
}

/**
 * Rewrites title-case headlines to sentence case using the article's own casing: a word stays capitalised only
 * if the body also capitalises it as a name ("DeGeneres"); "Picked", "As", "Host" are lower-cased.
 */
export function sentenceCase(sentences: readonly (readonly string[])[]): string[][] {
  const headline = sentences.map(isTitleCaseHeadline);
  const namesInBody = new Set<string>();
  sentences.forEach((words, s) => {
    // Mid-sentence capitals are names; so is a sentence-initial word followed by one ("Ellen DeGeneres will").
    const cap = (w: string | undefined): boolean => w !== undefined && STARTS_UPPER.test(w);
    if (!headline[s]) words.forEach((w, i) => cap(w) && (i > 0 || cap(words[1])) && namesInBody.add(w));
  });
  return sentences.map((words, s) => (headline[s] ? words.map((w) => (namesInBody.has(w) ? w : w.toLowerCase())) : [...words]));
}

/** Raw NER mentions (character spans) over the given sentence spans of a text. */
export function tagText(text: string, sentences: readonly Span[], modelDir = DEFAULT_MODEL_DIR): RawMention[] {
  const spans = sentences.length ? sentences : [{ start: 0, end: text.length }];
  const tokens = spans.map((s) => articleTokens(text, s)).filter((t) => t.length > 0);
  const words = sentenceCase(tokens.map((s) => s.map((t) => t.text)));
  const chunks = tagDocument(words, loadNerModel(modelDir));
  const out: RawMention[] = [];
  chunks.forEach((sentChunks, s) => {
    const toks = tokens[s]!;
    for (const c of sentChunks) {
      out.push({ start: toks[c.start]!.start, end: toks[c.end - 1]!.end, type: TYPE_OF[c.label] ?? 'MISC' });
    }
  });
  return out;
}

/** Entity mentions with canonical names for one text. */
export function findEntities(text: string, sentences: readonly Span[], config: EntitiesConfig = entitiesStage.defaults): EntityMention[] {
  const gazetteer = loadNerModel(config.modelDir).resources.gazetteer;
  const knownPlace = (name: string): boolean => ((gazetteer.entries.get(name.toLowerCase()) ?? 0) & PLACE_BIT) !== 0;
  const mentions = resolveWithinArticle(text, tagText(text, sentences, config.modelDir), knownPlace);
  return config.roleMentions ? mentions : mentions.filter((m) => m.how !== 'role');
}

export const entitiesStage = defineArticleStage<EntitiesConfig>({
  name: 'parallax.entities.v1',
  version: '1.0.0',
  requires: ['article.sentences'],
  provides: ['article.entities'],
  defaults: { modelDir: DEFAULT_MODEL_DIR, roleMentions: true },
  run(article, _ctx, config) {
    return { layers: { entities: findEntities(article.text, article.layers.sentences, config) } };
  },
});
