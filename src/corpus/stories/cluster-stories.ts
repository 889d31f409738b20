// Groups articles into stories (one real-world event each) and stories into coarser topics, without comparing all pairs.
import type { Article } from '../../core/article.js';
import type { DuplicateLink, Entity, Story } from '../../core/corpus.js';
import { compareByPublished } from '../duplicates/duplicates.js';
import { articleFeatures, entityIdsByArticle, leadEnd, leadWordFeatures, nameWordFeatures, type FeatureCounts } from './article-features.js';
import { LocalClusterer, type LocalClustererOptions } from './local-clusterer.js';
import { dot, normalize, normalizeInPlace, type SparseVector } from './online-clusterer.js';
import { clusterTopics } from './topic-clusterer.js';

/** The local clusterer's settings (index keys, candidates, neighbourhood, split limit, bounds), plus these. */
export interface StoriesConfig extends Omit<LocalClustererOptions, 'threshold'> {
  /** Mean article-to-article cosine (average link) a group of articles needs to be one story (one event). */
  readonly storyThreshold: number;
  /** Average-link cosine between story word vectors needed to share a topic (same kind of news, e.g. two earthquakes). */
  readonly topicThreshold: number;
  /** Share of a story's articles that must use a word for it to describe the story at the topic level. */
  readonly topicMinShare: number;
  /** Keys per story in the topic level's inverted index, and candidate stories compared per lookup. */
  readonly topicKeys: number;
  readonly topicCandidates: number;
  /**
   * The topic level also compares the words of each story's leads (title and first `topicLeadSentences` sentences),
   * at `topicLeadWeight` relative to the whole texts' words: leads name the kind of event. Fitted on ECB+ train
   * (random 10-topic subsets), 0.5 and 2 raised topic B3 from 0.934 to 0.948 on average.
   */
  readonly topicLeadSentences: number;
  readonly topicLeadWeight: number;
  /**
   * When set, the topic level compares stories by a weighted mean of four cosines (see `TopicWeights`) instead of the
   * whole texts' words with the leads' at `topicLeadWeight`.
   */
  readonly topicWeights?: TopicWeights;
  /** Relative weight of each feature family in the article vector (see `FamilyWeights`). */
  readonly weights: FamilyWeights;
  /** Features seen in fewer articles than this cannot link two articles and only dilute the cosine. */
  readonly minDocumentFrequency: number;
  /**
   * The IDF treats a corpus smaller than this as if padded to this size with documents lacking the feature, per
   * family. Within four outlets on one strike, the names all four share would otherwise get the lowest weight of all
   * and the story splits in two; names, dates and numbers are rare in any background, so their floor is higher than
   * the words'. Larger corpora keep their own document frequencies. The instance floor was chosen by 5-fold over ECB+
   * train topics, each fold clustered alone (a held-out split's size): 150 -> 800 raised held-out sub-topic B3 from
   * 0.899 to 0.935 and topic from 0.938 to 0.961 (a fold's story names, shared by most of its articles, kept more
   * weight beside the words); 800-1,500 is a plateau.
   */
  readonly idfMinDocuments: IdfFloors;
  /** Sweeps that re-examine every story with its neighbours after the single pass (0 = purely online). */
  readonly refinePasses: number;
  /** Longest title kept when a story falls back to its lead sentence. */
  readonly maxTitleLength: number;
}

/**
 * Weight of each feature family. Without `perFamily`, a factor on the family's TF-IDF weights before the whole vector
 * is made unit length. With it, each family's part is scaled to at most unit length alone (see `familySmoothing`) and
 * by the square root of its share of the summed weights, so the dot product of two vectors is the weighted mean of
 * the families' cosines: a linear score whose weights a logistic model over pairs fits (bench/clusters-learn.ts).
 */
export interface FamilyWeights {
  readonly word: number;
  readonly entity: number;
  readonly date: number;
  readonly year: number;
  readonly number: number;
  readonly perFamily?: boolean;
  /**
   * With `perFamily`, a family's part is divided by sqrt(|part|^2 + familySmoothing^2), not by its own length: a family
   * with little evidence (one name, or a year every article of a small corpus names, whose IDF is near 0) gets less
   * than its whole share. At 0 (the default) a family with one shared key, a city or a day, gets its whole share, and
   * small generated streams fell from 0.994 to 0.85-0.89. In TF-IDF units (a name two articles share, under the names'
   * IDF floor of 800 documents, weighs log(801/2), about 6). Measured, not the default: see docs/benchmarks.md (`clusters`).
   */
  readonly familySmoothing?: number;
}

/**
 * Weights of the cosines the topic level averages between two stories: of their whole texts' words and of their leads'
 * words, each with the words of names (entity mentions: "Greece", "Brooklyn") and without them (`kind`: the words an
 * article uses outside its names). A topic is a kind of news, which names tie only when its events share actors.
 * Fitted by a logistic model over story pairs of ECB+ train (bench/clusters-learn.ts --topics).
 */
export interface TopicWeights {
  readonly whole: number;
  readonly lead: number;
  readonly wholeKind: number;
  readonly leadKind: number;
}

/** IDF floors per family (see `StoriesConfig.idfMinDocuments`). */
export interface IdfFloors {
  /** Content words (`w:`). */
  readonly word: number;
  /** Names and numbers (`e:`, `n:`). */
  readonly instance: number;
  /**
   * Dates and years (`d:`, `y:`); default 0, no floor: all of a day's news names that day (a weekday resolves to it)
   * and all of a year's that year, so only the corpus's own frequencies tell how much a shared date says. At the
   * names' floor, in a served corpus of ten articles, the day of a ferry fire's update and a few harbour words joined
   * an unrelated crane accident to the fire (src/engine/story-index-small-corpus.test.ts).
   */
  readonly time?: number;
}

export const STORIES_DEFAULTS: StoriesConfig = {
  storyThreshold: 0.2,
  // Chosen with the instance IDF floor of 800 by 5-fold over ECB+ train (folds alone): held-out topic B3 0.961 -> 0.980.
  topicThreshold: 0.22,
  topicMinShare: 0.34,
  topicKeys: 30,
  topicCandidates: 20,
  topicLeadSentences: 2,
  topicLeadWeight: 0.5,
  weights: { word: 1, entity: 1, date: 1.5, year: 1, number: 1 },
  minDocumentFrequency: 2,
  idfMinDocuments: { word: 40, instance: 800, time: 0 },
  topKeys: 15,
  maxCandidates: 8,
  neighbourhood: 3,
  splitLimit: 30,
  maxPosting: 100,
  centroidKeys: 200,
  featureKeys: 400,
  refinePasses: 2,
  // Fitted on ECB+ train (sub-topic B3 0.907 -> 0.918; 5-8 members and 0.4-0.6 tried, the plateau's middle kept).
  contrast: { minSize: 6, share: 0.5, limit: 0.5 },
  maxTitleLength: 160,
};

export interface StoryClustering {
  readonly stories: readonly Story[];
  /** Story ids per topic, topics ordered by their first story. */
  readonly topics: readonly (readonly string[])[];
}

export interface ClusterInput {
  readonly articles: readonly Article[];
  readonly duplicates?: readonly DuplicateLink[];
  readonly entities?: readonly Entity[];
}

export function familyWeight(key: string, weights: StoriesConfig['weights']): number {
  switch (key[0]) {
    case 'e':
      return weights.entity;
    case 'd':
      return weights.date;
    case 'y':
      return weights.year;
    case 'n':
      return weights.number;
    default:
      return weights.word;
  }
}

export interface WeightingConfig extends Pick<StoriesConfig, 'weights' | 'minDocumentFrequency' | 'idfMinDocuments'> {
  /**
   * Scale of a name (`e:` key) seen in fewer than `minDocumentFrequency` articles (default 0: left out). The online
   * index keeps the names its corpus has not seen twice yet at a reduced weight, since later articles may share them.
   */
  readonly newNameWeight?: number;
}

/**
 * One article's TF-IDF unit vector with per-family weights, under document frequencies `df` over `docs` articles.
 * The batch clusterer and the online story index both weigh through here, so they measure the same similarity.
 */
export function weighFeatures(features: ReadonlyMap<string, number>, df: ReadonlyMap<string, number>, docs: number, config: WeightingConfig): Map<string, number> {
  if (config.weights.perFamily) return weighPerFamily(features, df, docs, config);
  const weights = new Map<string, number>();
  features.forEach((tf, k) => {
    const w = tfIdf(k, tf, df, docs, config);
    if (w !== 0) weights.set(k, w * familyWeight(k, config.weights));
  });
  return normalizeInPlace(weights);
}

/** A feature's TF-IDF weight under the floors, or 0 when it is left out (see `weighFeatures`). */
function tfIdf(key: string, tf: number, df: ReadonlyMap<string, number>, docs: number, config: WeightingConfig): number {
  const d = df.get(key) ?? 0;
  const scale = d >= config.minDocumentFrequency ? 1 : key.startsWith('e:') && d > 0 ? (config.newNameWeight ?? 0) : 0;
  if (scale === 0) return 0;
  const floors = config.idfMinDocuments;
  const floor = key[0] === 'e' || key[0] === 'n' ? floors.instance : key[0] === 'w' ? floors.word : (floors.time ?? 0);
  return scale * (1 + Math.log(tf)) * Math.log((Math.max(docs, floor) + 1) / d);
}

/** `weighFeatures` with `perFamily`: each family's part at most unit length (smoothed), scaled by the root of its share of the weights. */
function weighPerFamily(features: ReadonlyMap<string, number>, df: ReadonlyMap<string, number>, docs: number, config: WeightingConfig): Map<string, number> {
  const raw = new Map<string, number>();
  const squares = new Map<string, number>();
  for (const [k, tf] of features) {
    const w = tfIdf(k, tf, df, docs, config);
    if (w === 0) continue;
    raw.set(k, w);
    squares.set(k[0]!, (squares.get(k[0]!) ?? 0) + w * w);
  }
  const { word, entity, date, year, number } = config.weights;
  const smoothing = (config.weights.familySmoothing ?? 0) ** 2;
  const total = word + entity + date + year + number || 1;
  const out = new Map<string, number>();
  for (const [k, w] of raw) {
    const share = familyWeight(k, config.weights) / total;
    if (share > 0) out.set(k, (w / Math.sqrt(squares.get(k[0]!)! + smoothing)) * Math.sqrt(share));
  }
  return out;
}

/** TF-IDF vectors with per-family weights; document frequencies come from the whole input (one linear pass). */
export function weightVectors(features: readonly FeatureCounts[], config: WeightingConfig): SparseVector[] {
  const df = new Map<string, number>();
  for (const f of features) for (const k of f.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  return features.map((f) => weighFeatures(f, df, features.length, config));
}

function leadSentence(article: Article, maxLength: number): string {
  const first = article.layers.sentences[0];
  const raw = first ? article.text.slice(first.start, first.end) : (article.text.split('\n').find((l) => l.trim()) ?? '');
  const line = raw.trim();
  if (line.length <= maxLength) return line;
  const cut = line.lastIndexOf(' ', maxLength);
  return line.slice(0, cut > 0 ? cut : maxLength);
}

/**
 * One word vector per story for the topic level: a word's weight is the share of the story's articles using it
 * times its IDF over stories (not articles), so the words two stories of one kind share ("quake", "epicentre")
 * count, while one story's own names, used by all its articles, link it to nothing else.
 */
function storyWordVectors(stories: readonly (readonly ReadonlyMap<string, number>[])[], minShare: number): SparseVector[] {
  const shares = stories.map((articles) => {
    const used = new Map<string, number>();
    for (const f of articles) for (const k of f.keys()) if (k.startsWith('w:')) used.set(k, (used.get(k) ?? 0) + 1);
    return new Map([...used].map(([k, n]) => [k, n / articles.length] as const).filter(([, share]) => share >= minShare));
  });
  const df = new Map<string, number>();
  for (const s of shares) for (const k of s.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const n = stories.length;
  return shares.map((s) => {
    const weights = new Map<string, number>();
    for (const [k, share] of s) {
      const d = df.get(k) ?? 0;
      if (d >= 2) weights.set(k, share * Math.log((n + 1) / d));
    }
    return normalize(weights);
  });
}

/** The topic level's four unit vectors per story (see `TopicWeights`), each over the stories' own word frequencies. */
export interface TopicParts {
  readonly whole: SparseVector[];
  readonly lead: SparseVector[];
  readonly wholeKind: SparseVector[];
  readonly leadKind: SparseVector[];
}

export function topicParts(
  stories: readonly (readonly Article[])[],
  features: readonly (readonly ReadonlyMap<string, number>[])[],
  config: Pick<StoriesConfig, 'topicMinShare' | 'topicLeadSentences'>,
): TopicParts {
  const leads = stories.map((s) => s.map((a) => leadWordFeatures(a, config.topicLeadSentences)));
  return {
    whole: storyWordVectors(features, config.topicMinShare),
    lead: storyWordVectors(leads, config.topicMinShare),
    wholeKind: storyWordVectors(features.map((s, i) => s.map((f, j) => withoutNames(f, nameWordFeatures(stories[i]![j]!)))), config.topicMinShare),
    leadKind: storyWordVectors(leads.map((s, i) => s.map((f, j) => withoutNames(f, nameWordFeatures(stories[i]![j]!, leadEnd(stories[i]![j]!, config.topicLeadSentences))))), config.topicMinShare),
  };
}

/** Word counts less those inside names: the words an article uses outside its names. */
function withoutNames(features: ReadonlyMap<string, number>, names: ReadonlyMap<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, n] of features) {
    const left = n - (names.get(k) ?? 0);
    if (left > 0) out.set(k, left);
  }
  return out;
}

/**
 * One vector per story for the topic level. Without `topicWeights`: the unit vector of the words of its articles' whole
 * texts and those of their leads at `topicLeadWeight`. With them: the four parts, each unit length and scaled by the
 * root of its share of the weights, so a dot product is the weighted mean of the four cosines.
 */
export function topicVectors(
  stories: readonly (readonly Article[])[],
  features: readonly (readonly ReadonlyMap<string, number>[])[],
  config: Pick<StoriesConfig, 'topicMinShare' | 'topicLeadSentences' | 'topicLeadWeight' | 'topicWeights'>,
): SparseVector[] {
  const tw = config.topicWeights;
  if (!tw) {
    const whole = storyWordVectors(features, config.topicMinShare);
    const leads = storyWordVectors(stories.map((s) => s.map((a) => leadWordFeatures(a, config.topicLeadSentences))), config.topicMinShare);
    return whole.map((v, s) => {
      const both = new Map(v);
      for (const [k, w] of leads[s]!) both.set(`lead:${k}`, config.topicLeadWeight * w);
      return normalize(both);
    });
  }
  const parts = topicParts(stories, features, config);
  const total = tw.whole + tw.lead + tw.wholeKind + tw.leadKind || 1;
  const scaled: [SparseVector[], string, number][] = [
    [parts.whole, '', tw.whole],
    [parts.lead, 'lead:', tw.lead],
    [parts.wholeKind, 'kind:', tw.wholeKind],
    [parts.leadKind, 'leadkind:', tw.leadKind],
  ];
  return parts.whole.map((_, s) => {
    const out = new Map<string, number>();
    for (const [vectors, prefix, weight] of scaled) {
      if (weight <= 0) continue;
      const scale = Math.sqrt(weight / total);
      for (const [k, w] of vectors[s]!) out.set(prefix + k, w * scale);
    }
    return out;
  });
}

/** Stories over originals (near-copies follow their original), then topics over story word vectors. */
export function clusterStories(input: ClusterInput, config: StoriesConfig = STORIES_DEFAULTS): StoryClustering {
  const copyOf = new Map((input.duplicates ?? []).map((d) => [d.article, d.duplicateOf]));
  const ordered = [...input.articles].sort(compareByPublished);
  const originals = ordered.filter((a) => !copyOf.has(a.id));
  const ids = entityIdsByArticle(input.entities ?? []);
  const features = originals.map((a) => {
    const entityIds = ids.get(a.id);
    return articleFeatures(a, entityIds ? { entityIds } : {});
  });
  const df = new Map<string, number>();
  for (const f of features) for (const k of f.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const weigh = (f: ReadonlyMap<string, number>): Map<string, number> => weighFeatures(f, df, features.length, config);
  const clusterer = new LocalClusterer({ ...config, threshold: config.storyThreshold }, weigh);
  features.forEach((f, i) => clusterer.add(String(i), f));
  for (let pass = 0; pass < config.refinePasses; pass++) {
    let changed = 0;
    for (const seq of [...clusterer.stories.keys()]) {
      const step = clusterer.reexamine(seq);
      if (step) changed += step.absorbed.length + step.changed.length;
    }
    if (changed === 0) break;
  }

  const groups = [...clusterer.stories.values()]
    .map((s) => s.members.map(Number).sort((a, b) => a - b))
    .sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
  const vectors = features.map(weigh);
  const sums = groups.map((g) => {
    const sum = new Map<string, number>();
    for (const i of g) for (const [k, w] of vectors[i]!) sum.set(k, (sum.get(k) ?? 0) + w);
    return sum;
  });
  const storyOf = new Map<string, number>();
  groups.forEach((g, s) => g.forEach((i) => storyOf.set(originals[i]!.id, s)));
  const members: string[][] = groups.map(() => []);
  for (const a of ordered) {
    const s = storyOf.get(a.id) ?? storyOf.get(copyOf.get(a.id) ?? '');
    if (s !== undefined) members[s]!.push(a.id);
  }
  const stories: Story[] = groups.map((g, s) => {
    // The most central original names the story: its own title, else its lead sentence.
    const centrality = new Map(g.map((i) => [i, dot(vectors[i]!, sums[s]!)] as const));
    const central = [...g].sort((x, y) => (centrality.get(y) ?? 0) - (centrality.get(x) ?? 0) || x - y)[0] ?? 0;
    const article = originals[central]!;
    const title = article.meta.title?.trim() || leadSentence(article, config.maxTitleLength);
    return { id: `s${s + 1}`, title, articles: members[s] ?? [], events: [] };
  });

  const topicInput = topicVectors(groups.map((g) => g.map((i) => originals[i]!)), groups.map((g) => g.map((i) => features[i]!)), config).map((v) => [v]);
  const topicGroups = clusterTopics(topicInput, {
    threshold: config.topicThreshold,
    topKeys: config.topicKeys,
    maxCandidates: config.topicCandidates,
  });
  const topics = topicGroups.map((t) => t.map((s) => `s${s + 1}`));
  return { stories, topics };
}
