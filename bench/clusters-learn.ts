// Fits family weights for story similarity by logistic regression over article pairs of ECB+ train (never dev), per family cosine, and scores them by 5-fold over train topics beside the hand-set defaults in the same run.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../src/core/article.js';
import { articleFeatures } from '../src/corpus/stories/article-features.js';
import { STORIES_DEFAULTS, type FamilyWeights, type StoriesConfig } from '../src/corpus/stories/index.js';
import { bcubedF1 } from '../src/corpus/stories/bcubed.js';
import { dot, normalize } from '../src/corpus/stories/online-clusterer.js';
import { loadEcbSplit, type EcbDocument } from './data/ecbplus.js';
import { ecbArticle, indexConfigOf, onlineLabels, parallaxLabels } from './clusters.js';
import { SHARED_BENCH } from './types.js';

const FAMILIES = ['w', 'e', 'd', 'y', 'n'] as const;

/** Per-family cosines of every pair of articles of one gold topic (the pairs a clusterer must tell apart), with their label. */
export function topicPairs(docs: readonly EcbDocument[], articles: readonly Article[], config: StoriesConfig): { x: number[]; same: boolean }[] {
  const features = articles.map((a) => articleFeatures(a));
  const df = new Map<string, number>();
  for (const f of features) for (const k of f.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const floors = config.idfMinDocuments;
  const vectors = features.map((f) =>
    FAMILIES.map((family) => {
      const raw = new Map<string, number>();
      for (const [k, tf] of f) {
        const d = df.get(k) ?? 0;
        if (k[0] !== family || d < config.minDocumentFrequency) continue;
        const floor = family === 'e' || family === 'n' ? floors.instance : family === 'w' ? floors.word : (floors.time ?? 0);
        raw.set(k, (1 + Math.log(tf)) * Math.log((Math.max(features.length, floor) + 1) / d));
      }
      return normalize(raw);
    }),
  );
  const out: { x: number[]; same: boolean }[] = [];
  for (let a = 0; a < docs.length; a++) {
    for (let b = a + 1; b < docs.length; b++) {
      if (docs[a]!.topic !== docs[b]!.topic) continue;
      out.push({ x: FAMILIES.map((_, f) => dot(vectors[a]![f]!, vectors[b]![f]!)), same: docs[a]!.subtopic === docs[b]!.subtopic });
    }
  }
  return out;
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

/** Family weights from a fit (negative ones clipped: a dot product cannot subtract), per-family normalization on. */
export function learnedWeights(fit: readonly number[]): FamilyWeights {
  const [word, entity, date, year, number] = fit.map((v) => Math.max(0, v));
  return { word: word!, entity: entity!, date: date!, year: year!, number: number!, perFamily: true };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const docs = loadEcbSplit(join(fileURLToPath(SHARED_BENCH), 'ecbplus/train'));
  const articles = docs.map(ecbArticle);
  const folds = Array.from({ length: 5 }, (_, f) => docs.map((_, i) => i).filter((i) => Number.parseInt(docs[i]!.topic, 10) % 5 === f));
  const pairs = folds.map((m) => topicPairs(m.map((i) => docs[i]!), m.map((i) => articles[i]!), STORIES_DEFAULTS));
  const thresholds = (process.env.LEARN_THRESHOLDS ?? '0.15,0.18,0.21').split(',').map(Number);
  const batch = (m: readonly number[], config: StoriesConfig): number => bcubedF1(parallaxLabels(m.map((i) => articles[i]!), config).story, m.map((i) => docs[i]!.subtopic));
  const total = { learned: 0, learnedTopic: 0, learnedOnline: 0, defaults: 0, defaultsTopic: 0, defaultsOnline: 0, n: 0 };
  for (let f = 0; f < 5; f++) {
    const others = folds.map((_, g) => g).filter((g) => g !== f);
    const fit = fitLogistic(others.flatMap((g) => pairs[g]!));
    const weights = learnedWeights(fit);
    // The linkage threshold: the cut that scores best on the other folds (each alone), batch sub-topic B3.
    const scored = thresholds.map((t) => {
      const config = { ...STORIES_DEFAULTS, weights, storyThreshold: t };
      const n = others.reduce((s, g) => s + folds[g]!.length, 0);
      return { t, b3: others.reduce((s, g) => s + batch(folds[g]!, config) * folds[g]!.length, 0) / n };
    });
    const best = scored.reduce((a, b) => (b.b3 > a.b3 ? b : a));
    const m = folds[f]!;
    const gold = m.map((i) => docs[i]!);
    const part = m.map((i) => articles[i]!);
    const result = (config: StoriesConfig): { sub: number; topic: number; online: number } => {
      const labels = parallaxLabels(part, config);
      return {
        sub: bcubedF1(labels.story, gold.map((d) => d.subtopic)),
        topic: bcubedF1(labels.topic, gold.map((d) => d.topic)),
        online: bcubedF1(onlineLabels(part, 1, indexConfigOf(config)), gold.map((d) => d.subtopic)),
      };
    };
    const learned = result({ ...STORIES_DEFAULTS, weights, storyThreshold: best.t });
    const defaults = result(STORIES_DEFAULTS);
    total.learned += learned.sub * m.length;
    total.learnedTopic += learned.topic * m.length;
    total.learnedOnline += learned.online * m.length;
    total.defaults += defaults.sub * m.length;
    total.defaultsTopic += defaults.topic * m.length;
    total.defaultsOnline += defaults.online * m.length;
    total.n += m.length;
    console.log(
      `fold ${f}: fit on the other folds' within-topic pairs ${fit.map((v) => v.toFixed(2)).join(' ')} (word entity date year number, intercept); threshold ${best.t} (other folds ${scored.map((s) => `${s.t}:${s.b3.toFixed(3)}`).join(' ')}); held-out sub-topic ${learned.sub.toFixed(3)} topic ${learned.topic.toFixed(3)} online ${learned.online.toFixed(3)}; defaults ${defaults.sub.toFixed(3)} / ${defaults.topic.toFixed(3)} / ${defaults.online.toFixed(3)}`,
    );
  }
  const h = (x: number): string => (x / total.n).toFixed(3);
  console.log(`5-fold held-out (article-weighted): learned sub-topic ${h(total.learned)} topic ${h(total.learnedTopic)} online ${h(total.learnedOnline)}; defaults ${h(total.defaults)} / ${h(total.defaultsTopic)} / ${h(total.defaultsOnline)}`);
  console.log(`fit on all train: ${fitLogistic(pairs.flat()).map((v) => v.toFixed(3)).join(' ')}`);
}
