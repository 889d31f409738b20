// The stories corpus stage: one story per real-world event, near-copies with their original.
import { defineCorpusStage } from '../../core/stage.js';
import { STORIES_DEFAULTS, clusterStories, type StoriesConfig } from './cluster-stories.js';

export const storiesStage = defineCorpusStage<StoriesConfig>({
  name: 'parallax.stories.v1',
  version: '1.0.0',
  requires: ['article.entities', 'article.times', 'corpus.entities', 'corpus.duplicates'],
  provides: ['corpus.stories'],
  defaults: STORIES_DEFAULTS,
  run(corpus, _ctx, config) {
    const { stories } = clusterStories(
      { articles: corpus.articles, duplicates: corpus.duplicates, entities: corpus.entities },
      config,
    );
    return { stories };
  },
});
