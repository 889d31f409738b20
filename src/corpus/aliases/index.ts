// Public surface of cross-article alias merging.
export { aliasesStage } from './aliases.js';
export type { AliasesConfig } from './aliases.js';
export { mergeAliases, DEFAULT_MERGE_SETTINGS } from './merge-aliases.js';
export type { AliasCluster, AliasMention, MergeSettings } from './merge-aliases.js';
export { nameKey, normalizeName, translitWord } from './name-key.js';
export type { NameKey, KeyRule } from './name-key.js';
