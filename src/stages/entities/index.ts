// Public surface of the entities stage.
export { entitiesStage, findEntities, tagText } from './entities.js';
export type { EntitiesConfig } from './entities.js';
export { loadNerModel, tagDocument, tagTokens } from './ner-model.js';
export type { NerModel, TaggedChunk } from './ner-model.js';
export { articleTokens } from './article-tokens.js';
export { resolveWithinArticle, cleanName, initials } from './within-article-aliases.js';
export type { RawMention } from './within-article-aliases.js';
