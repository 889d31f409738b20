// Fits story similarity weights by logistic regression over pairs of ECB+ train (never dev): feature families' cosines of article pairs (default), or the topic level's cosines of story pairs (`--topics`); scores them by 5-fold over train topics, on random 10-topic train subsets and (families) on small generated streams, beside the hand-set defaults in the same run.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../src/core/article.js';
import { articleFeatures } from '../src/corpus/stories/article-features.js';
import { STORIES_DEFAULTS, dot, topicParts, weighFeatures, type FamilyWeights, type StoriesConfig, type TopicWeights } from '../src/corpus/stories/index.js';
import { bcubedF1 } from '../src/corpus/stories/bcubed.js';
import { loadEcbSplit, type EcbDocument } from './data/ecbplus.js';
import { ecbArticle, generatedStream, indexConfigOf, onlineLabels, parallaxLabels, randomTopicSubsets } from './clusters.js';
import { SHARED_BENCH } from './types.js';

const FAMILIES = ['w', 'e', 'd', 'y', 'n'] as const;
const UNIT: FamilyWeights = { word: 1, entity: 1, date: 1, year: 1, number: 1 };

/** Per-family parts of two unit vectors' cosine (they sum to it). */
function familyParts(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number[] {
  const parts = FAMILIES.map(() => 0);
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [k, w] of small) {
    const v = large.get(k);
    if (v !== undefined) parts[FAMILIES.indexOf(k[0] as (typeof FAMILIES)[number])]! += w * v;
  }
  return parts;
}

/** Each article's per-family vector parts over its own corpus, all families weighed alike (their dot products are a fifth of the families' smoothed cosines). */
function familyVectors(articles: readonly Article[], config: StoriesConfig, smoothing: number): Map<string, number>[] {
  const features = articles.map((a) => articleFeatures(a));
  const df = new Map<string, number>();
  for (const f of features) for (const k of f.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  return features.map((f) => weighFeatures(f, df, features.length, { ...config, weights: { ...UNIT, perFamily: true, familySmoothing: smoothing } }));
}

/** Per-family smoothed cosines of every pair of articles of one gold topic (the pairs a clusterer must tell apart), with their label. */
export function topicPairs(docs: readonly EcbDocument[], articles: readonly Article[], config: StoriesConfig, smoothing: number): { x: number[]; same: boolean }[] {
  const vectors = familyVectors(articles, config, smoothing);
  const pairs: { x: number[]; same: boolean }[] = [];
  for (let a = 0; a < docs.length; a++) {
    for (let b = a + 1; b < docs.length; b++) {
      if (docs[a]!.topic !== docs[b]!.topic) continue;
      pairs.push({ x: familyParts(vectors[a]!, vectors[b]!).map((p) => p * FAMILIES.length), same: docs[a]!.subtopic === docs[b]!.subtopic });
    }
  }
  return pairs;
}

/** L2-regularized logistic regression by Newton steps; returns the weights, intercept last. */
export function fitLogistic(rows: readonly { x: readonly number[]; same: boolean }[], l2 = 1e-3, steps = 30): number[] {
  const d = (rows[0]?.x.length ?? 0) + 1;
  const w = new Array<number>(d).fill(0);
  for (let step = 0; step < steps; step++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (const r of rows) {
      const x = [...r.x, 1];
      const p = 1 / (1 + Math.exp(-x.reduce((s, v, i) => s + v * w[i]!, 0)));
      for (let i = 0; i < d; i++) {
        grad[i]! += ((p - (r.same ? 1 : 0)) * x[i]!) / rows.length;
        for (let j = 0; j < d; j++) hess[i]![j]! += (p * (1 - p) * x[i]! * x[j]!) / rows.length;
      }
    }
    for (let i = 0; i < d - 1; i++) {
      grad[i]! += l2 * w[i]!;
      hess[i]![i]! += l2;
    }
    hess[d - 1]![d - 1]! += 1e-9;
    const delta = solve(hess, grad);
    for (let i = 0; i < d; i++) w[i]! -= delta[i]!;
  }
  return w;
}

/** Gaussian elimination with partial pivoting (a few unknowns). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c || m[c]![c] === 0) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => (row[i] === 0 ? 0 : row[n]! / row[i]!));
}

/**
 * Family weights from a fit (negative ones clipped: a dot product cannot subtract), per-family weighing on, and the
 * fit's decision boundary (p = 0.5) on the weighted mean of the families' cosines: the base of the linkage threshold.
 */
export function learnedWeights(fit: readonly number[], smoothing: number): { weights: FamilyWeights; threshold: number } {
  const [word, entity, date, year, number] = fit.slice(0, FAMILIES.length).map((v) => Math.max(0, v));
  const total = word! + entity! + date! + year! + number! || 1;
  return {
    weights: { word: word!, entity: entity!, date: date!, year: year!, number: number!, perFamily: true, familySmoothing: smoothing },
    threshold: -(fit[FAMILIES.length] ?? 0) / total,
  };
}

/**
 * Cosines of every pair of gold stories (sub-topics) of a corpus at the topic level, whole texts' and leads' words with
 * and without names (`TopicWeights` order), labelled same gold topic or not.
 */
export function storyPairs(docs: readonly EcbDocument[], articles: readonly Article[], config: StoriesConfig): { x: number[]; same: boolean }[] {
  const bySub = new Map<string, number[]>();
  docs.forEach((d, i) => bySub.set(d.subtopic, [...(bySub.get(d.subtopic) ?? []), i]));
  const groups = [...bySub.values()];
  const parts = topicParts(
    groups.map((g) => g.map((i) => articles[i]!)),
    groups.map((g) => g.map((i) => articleFeatures(articles[i]!))),
    config,
  );
  const out: { x: number[]; same: boolean }[] = [];
  for (let a = 0; a < groups.length; a++) {
    for (let b = a + 1; b < groups.length; b++) {
      const x = [parts.whole, parts.lead, parts.wholeKind, parts.leadKind].map((v) => dot(v[a]!, v[b]!));
      out.push({ x, same: docs[groups[a]![0]!]!.topic === docs[groups[b]![0]!]!.topic });
    }
  }
  return out;
}

/** Topic weights from a fit (negative ones clipped) and its decision boundary on the weighted mean of the cosines. */
export function learnedTopicWeights(fit: readonly number[]): { weights: TopicWeights; threshold: number } {
  const [whole, lead, wholeKind, leadKind] = fit.slice(0, 4).map((v) => Math.max(0, v));
  const total = whole! + lead! + wholeKind! + leadKind! || 1;
  return { weights: { whole: whole!, lead: lead!, wholeKind: wholeKind!, leadKind: leadKind! }, threshold: -(fit[4] ?? 0) / total };
}

/**
 * `--topics`: fits the topic level's weights on story pairs of corpora made of two train folds each (a test split's
 * size), chooses the threshold's multiple on the folds each alone, and scores each fold held out, then the random
 * 10-topic subsets with the fit on all train, beside the defaults.
 */
function learnTopics(docs: readonly EcbDocument[], articles: readonly Article[], folds: readonly number[][]): void {
  const f3 = (x: number): string => x.toFixed(3);
  // Same-topic pairs are rare (about 1 in 25), so the fit's p = 0.5 boundary lies far above the best cut.
  const multiples = (process.env.LEARN_MULTIPLES ?? '0.3,0.35,0.4,0.45,0.5,0.6,0.7').split(',').map(Number);
  const l2 = Number(process.env.LEARN_L2 ?? 1e-2);
  const topicB3 = (m: readonly number[], config: StoriesConfig): number =>
    bcubedF1(parallaxLabels(m.map((i) => articles[i]!), config).topic, m.map((i) => docs[i]!.topic));
  const corpusPairs = new Map<string, { x: number[]; same: boolean }[]>();
  const pairsOf = (a: number, b: number): { x: number[]; same: boolean }[] => {
    const key = `${a}-${b}`;
    let rows = corpusPairs.get(key);
    if (!rows) {
      const m = [...folds[a]!, ...folds[b]!];
      rows = storyPairs(m.map((i) => docs[i]!), m.map((i) => articles[i]!), STORIES_DEFAULTS);
      corpusPairs.set(key, rows);
    }
    return rows;
  };
  const learn = (on: readonly number[]): { config: StoriesConfig; fit: number[]; chosen: string } => {
    const rows = on.flatMap((a, i) => on.slice(i + 1).flatMap((b) => pairsOf(a, b)));
    const fit = fitLogistic(rows, l2);
    const { weights, threshold } = learnedTopicWeights(fit);
    const n = on.reduce((s, g) => s + folds[g]!.length, 0);
    const scored = multiples.map((k) => {
      const config = { ...STORIES_DEFAULTS, topicWeights: weights, topicThreshold: threshold * k };
      return { config, k, b3: on.reduce((s, g) => s + topicB3(folds[g]!, config) * folds[g]!.length, 0) / n };
    });
    const best = scored.reduce((a, b) => (b.b3 > a.b3 ? b : a));
    return { config: best.config, fit, chosen: `threshold ${f3(best.config.topicThreshold)} (${scored.map((s) => `x${s.k}:${f3(s.b3)}`).join(' ')})` };
  };
  let learned = 0;
  let defaults = 0;
  let n = 0;
  for (let f = 0; f < folds.length; f++) {
    const l = learn(folds.map((_, g) => g).filter((g) => g !== f));
    const m = folds[f]!;
    const x = topicB3(m, l.config);
    const d = topicB3(m, STORIES_DEFAULTS);
    learned += x * m.length;
    defaults += d * m.length;
    n += m.length;
    console.log(`fold ${f}: fit on the other folds ${l.fit.map(f3).join(' ')} (whole lead whole-kind lead-kind, intercept), ${l.chosen}; held-out topic ${f3(x)}; defaults ${f3(d)}`);
  }
  console.log(`5-fold held-out topic B3 (article-weighted): learned ${f3(learned / n)}; defaults ${f3(defaults / n)}`);
  const all = learn(folds.map((_, g) => g));
  console.log(`fit on all train: ${all.fit.map(f3).join(' ')}, ${all.chosen}, weights ${JSON.stringify(all.config.topicWeights)}`);
  const subsets = randomTopicSubsets(docs);
  for (const [name, config] of [['learned', all.config], ['defaults', STORIES_DEFAULTS]] as const) {
    const r = subsets.map((m) => topicB3(m, config));
    console.log(`${name}: 12 random 10-topic train subsets topic ${f3(r.reduce((a, b) => a + b, 0) / r.length)} (min ${f3(Math.min(...r))}) [${r.map(f3).join(' ')}]`);
  }
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv.includes('--topics')) {
  const docs = loadEcbSplit(join(fileURLToPath(SHARED_BENCH), 'ecbplus/train'));
  const articles = docs.map(ecbArticle);
  learnTopics(docs, articles, Array.from({ length: 5 }, (_, f) => docs.map((_, i) => i).filter((i) => Number.parseInt(docs[i]!.topic, 10) % 5 === f)));
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const docs = loadEcbSplit(join(fileURLToPath(SHARED_BENCH), 'ecbplus/train'));
  const articles = docs.map(ecbArticle);
  const folds = Array.from({ length: 5 }, (_, f) => docs.map((_, i) => i).filter((i) => Number.parseInt(docs[i]!.topic, 10) % 5 === f));
  // The linkage threshold: a multiple of the fit's boundary, the one that scores best on the other folds, each alone.
  const multiples = (process.env.LEARN_MULTIPLES ?? '0.8,0.9,1,1.1').split(',').map(Number);
  const smoothings = (process.env.LEARN_SMOOTHING ?? '0,3,6').split(',').map(Number);
  const l2 = Number(process.env.LEARN_L2 ?? 1e-3);
  const orders = Number(process.env.LEARN_ORDERS ?? 1);
  type Result = { sub: number; topic: number };
  const f3 = (x: number): string => x.toFixed(3);
  const batch = (m: readonly number[], config: StoriesConfig): Result => {
    const labels = parallaxLabels(m.map((i) => articles[i]!), config);
    return { sub: bcubedF1(labels.story, m.map((i) => docs[i]!.subtopic)), topic: bcubedF1(labels.topic, m.map((i) => docs[i]!.topic)) };
  };
  const online = (m: readonly number[], config: StoriesConfig): number =>
    Array.from({ length: orders }, (_, o) => bcubedF1(onlineLabels(m.map((i) => articles[i]!), o + 1, indexConfigOf(config)), m.map((i) => docs[i]!.subtopic))).reduce((a, b) => a + b, 0) / orders;
  const streams = [21, 22, 23, 24].map((seed) => generatedStream({ seed, openStories: 6 }, 60));
  const subsets = randomTopicSubsets(docs);
  /** Corpora of a test split's size (the fit saw their documents: a spread, not a held-out score), and small generated streams. */
  const spread = (name: string, config: StoriesConfig): void => {
    const r = subsets.map((m) => batch(m, config));
    const mean = (k: keyof Result): string => f3(r.reduce((s, x) => s + x[k], 0) / r.length);
    const min = (k: keyof Result): string => f3(Math.min(...r.map((x) => x[k])));
    const small = streams.flatMap((g) => [1, 2, 3, 4, 5].map((o) => bcubedF1(onlineLabels(g.articles, o, indexConfigOf(config)), g.story)));
    console.log(
      `${name}: 12 random 10-topic train subsets sub-topic ${mean('sub')} (min ${min('sub')}) topic ${mean('topic')} (min ${min('topic')}); small generated streams online ${f3(small.reduce((a, b) => a + b, 0) / small.length)} (min ${f3(Math.min(...small))})`,
    );
  };
  const heldOut = (name: string, configFor: (f: number) => StoriesConfig): void => {
    const total = { sub: 0, topic: 0, online: 0, n: 0 };
    const per: string[] = [];
    for (let f = 0; f < 5; f++) {
      const m = folds[f]!;
      const config = configFor(f);
      const r = { ...batch(m, config), online: online(m, config) };
      total.sub += r.sub * m.length;
      total.topic += r.topic * m.length;
      total.online += r.online * m.length;
      total.n += m.length;
      per.push(`${f3(r.sub)}/${f3(r.topic)}/${f3(r.online)}`);
    }
    console.log(`${name}: 5-fold held-out (article-weighted) sub-topic ${f3(total.sub / total.n)} topic ${f3(total.topic / total.n)} online ${f3(total.online / total.n)} (folds ${per.join(' ')})`);
  };
  heldOut('defaults', () => STORIES_DEFAULTS);
  spread('defaults', STORIES_DEFAULTS);
  for (const smoothing of smoothings) {
    const rows = folds.map((m) => topicPairs(m.map((i) => docs[i]!), m.map((i) => articles[i]!), STORIES_DEFAULTS, smoothing));
    /** Learned config fitted and thresholded on the given folds. */
    const learn = (on: readonly number[]): { config: StoriesConfig; fit: number[]; chosen: string } => {
      const fit = fitLogistic(on.flatMap((g) => rows[g]!), l2);
      const { weights, threshold } = learnedWeights(fit, smoothing);
      const n = on.reduce((s, g) => s + folds[g]!.length, 0);
      const scored = multiples.map((k) => {
        const config = { ...STORIES_DEFAULTS, weights, storyThreshold: threshold * k };
        const b3 = on.reduce((s, g) => {
          const r = batch(folds[g]!, config);
          return s + ((r.sub + r.topic) / 2) * folds[g]!.length;
        }, 0);
        return { config, k, b3: b3 / n };
      });
      const best = scored.reduce((a, b) => (b.b3 > a.b3 ? b : a));
      return { config: best.config, fit, chosen: `threshold ${f3(best.config.storyThreshold)} (${scored.map((s) => `x${s.k}:${f3(s.b3)}`).join(' ')})` };
    };
    const learned = [0, 1, 2, 3, 4].map((f) => learn([0, 1, 2, 3, 4].filter((g) => g !== f)));
    learned.forEach((l, f) => console.log(`  smoothing ${smoothing} fold ${f}: fit on the other folds ${l.fit.map(f3).join(' ')} (word entity date year number, intercept), ${l.chosen}`));
    heldOut(`learned, smoothing ${smoothing}`, (f) => learned[f]!.config);
    const all = learn([0, 1, 2, 3, 4]);
    console.log(`  smoothing ${smoothing} fit on all train: ${all.fit.map(f3).join(' ')}, ${all.chosen}`);
    spread(`learned on all train, smoothing ${smoothing}`, all.config);
  }
}
