// The aliases corpus stage: every article's entity mentions merged into corpus entities e1..eN with merge reasons.
import type { Cite, Entity } from '../../core/corpus.js';
import { defineCorpusStage } from '../../core/stage.js';
import { DEFAULT_MERGE_SETTINGS, mergeAliases, type AliasMention, type MergeSettings } from './merge-aliases.js';

export type AliasesConfig = MergeSettings;

export const aliasesStage = defineCorpusStage<AliasesConfig>({
  name: 'parallax.aliases.v1',
  version: '1.0.0',
  requires: ['article.entities'],
  provides: ['corpus.entities'],
  defaults: DEFAULT_MERGE_SETTINGS,
  run(corpus, _ctx, config) {
    const mentions: AliasMention[] = [];
    const cites: Cite[] = [];
    for (const article of corpus.articles) {
      for (const m of article.layers.entities) {
        mentions.push({ article: article.id, canonical: m.canonical, type: m.type, surface: article.text.slice(m.start, m.end), how: m.how });
        cites.push({ article: article.id, start: m.start, end: m.end });
      }
    }
    const entities: Entity[] = mergeAliases(mentions, config).map((c, i) => ({
      id: `e${i + 1}`,
      name: c.name,
      type: c.type,
      aliases: c.aliases,
      mentions: c.mentions.map((k) => cites[k]!),
      merges: c.merges,
    }));
    return { entities };
  },
});
