// Public surface of story clustering.
export { storiesStage } from './stories.js';
export { STORIES_DEFAULTS, clusterStories, topicParts, weighFeatures, weightVectors } from './cluster-stories.js';
export type { ClusterInput, FamilyWeights, StoriesConfig, StoryClustering, TopicParts, TopicWeights } from './cluster-stories.js';
export { articleFeatures, entityIdsByArticle } from './article-features.js';
export type { FeatureCounts, FeatureOptions } from './article-features.js';
export { dot, normalize, topKeys } from './online-clusterer.js';
export { LocalClusterer, averageLink } from './local-clusterer.js';
export type { ContrastOptions, LocalClustererOptions, LocalStory, Placement, Weigher } from './local-clusterer.js';
export { clusterTopics } from './topic-clusterer.js';
export type { TopicClustererOptions } from './topic-clusterer.js';
export type { SparseVector } from './online-clusterer.js';
export { bcubedF1 } from './bcubed.js';
