// The entities stage: NER over each article's sentences, then within-article canonical names.
import type { EntityMention, EntityType } from '../../core/article.js';
import type { Span } from '../../core/span.js';
import { defineArticleStage } from '../../pipeline/stage.js';
import { articleTokens } from './article-tokens.js';
import { loadNerModel, tagDocument, DEFAULT_MODEL_DIR } from './ner-model.js';
import { resolveWithinArticle, type RawMention } from './within-article-aliases.js';

export interface EntitiesConfig {
  /** Folder holding model.bin.gz, clusters.tsv and gazetteers.tsv. */
  readonly modelDir: string;
  /** Add "the spokesman"-style mentions anchored to a named person. */
  readonly roleMentions: boolean;
}

const TYPE_OF: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };

/** Raw NER mentions (character spans) over the given sentence spans of a text. */
export function tagText(text: string, sentences: readonly Span[], modelDir = DEFAULT_MODEL_DIR): RawMention[] {
  const spans = sentences.length ? sentences : [{ start: 0, end: text.length }];
  const tokens = spans.map((s) => articleTokens(text, s)).filter((t) => t.length > 0);
  const chunks = tagDocument(tokens.map((s) => s.map((t) => t.text)), loadNerModel(modelDir));
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
  const mentions = resolveWithinArticle(text, tagText(text, sentences, config.modelDir));
  return config.roleMentions ? mentions : mentions.filter((m) => m.how !== 'role');
}

export const entitiesStage = defineArticleStage<EntitiesConfig>({
  name: 'parallax.entities.v1',
  version: '1.0.0',
  requires: ['sentences'],
  provides: ['entities'],
  defaults: { modelDir: DEFAULT_MODEL_DIR, roleMentions: true },
  run(article, _ctx, config) {
    return { layers: { entities: findEntities(article.text, article.layers.sentences, config) } };
  },
});
