// Fits the story clusterer's settings on ECB+ train (never dev) by k-fold over train topics: each fold, clustered alone, is scored with the settings chosen on the other folds (each alone); the settings chosen on all of train are printed for STORIES_DEFAULTS.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../src/core/article.js';
import { STORIES_DEFAULTS, type StoriesConfig } from '../src/corpus/stories/index.js';
import { bcubedF1 } from '../src/corpus/stories/bcubed.js';
import { loadEcbSplit, type EcbDocument } from './data/ecbplus.js';
import { parallaxLabels, ecbArticle } from './clusters.js';
import { SHARED_BENCH } from './types.js';

/** Folds over train topics: topic number modulo FOLDS. */
const FOLDS = 5;

/**
 * Usage: `node --import tsx bench/clusters-tune.ts '{"storyThreshold":[0.18,0.2,0.22],"entity":[1,1.5]}'`. Keys that
 * name a feature family (word, entity, date, year, number) set its weight; dotted keys ("contrast.limit") set one field
 * of a nested setting; the others set top-level settings.
 */
const grid = JSON.parse(process.argv[2] ?? '{}') as Record<string, number[]>;
const train = join(fileURLToPath(SHARED_BENCH), 'ecbplus/train');
const docs = loadEcbSplit(train);
const articles = docs.map(ecbArticle);

function configOf(combo: Record<string, number>): StoriesConfig {
  const weights = { ...STORIES_DEFAULTS.weights };
  const top: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(combo)) {
    const [outer, inner] = k.split('.');
    if (k in weights) (weights as Record<string, number>)[k] = v;
    else if (outer && inner) top[outer] = { ...(STORIES_DEFAULTS as unknown as Record<string, object>)[outer], ...(top[outer] as object | undefined), [inner]: v };
    else top[k] = v;
  }
  return { ...STORIES_DEFAULTS, ...top, weights } as StoriesConfig;
}

/** Mean of sub-topic and topic B3 over a set of documents clustered as one corpus. */
function score(members: readonly number[], config: StoriesConfig): { sub: number; topic: number; mean: number } {
  const part: Article[] = members.map((i) => articles[i]!);
  const gold: EcbDocument[] = members.map((i) => docs[i]!);
  const ours = parallaxLabels(part, config);
  const sub = bcubedF1(ours.story, gold.map((d) => d.subtopic));
  const topic = bcubedF1(ours.topic, gold.map((d) => d.topic));
  return { sub, topic, mean: (sub + topic) / 2 };
}

const keys = Object.keys(grid);
const combos = (i: number): Record<string, number>[] =>
  i === keys.length ? [{}] : (grid[keys[i]!] ?? []).flatMap((v) => combos(i + 1).map((rest) => ({ [keys[i]!]: v, ...rest })));
const candidates = combos(0);
const foldOf = (i: number): number => Number.parseInt(docs[i]!.topic, 10) % FOLDS;
const all = docs.map((_, i) => i);

// Each fold is clustered alone (about 5 topics, near the size of a held-out split), and a candidate is chosen by its
// article-weighted mean over the other folds, each alone: settings whose effect depends on the corpus size (the IDF
// floors) are then chosen at the size they are scored at, not on a corpus four times larger.
const inside = Array.from({ length: FOLDS }, (_, f) => all.filter((i) => foldOf(i) === f));
const perFold = candidates.map((combo) => inside.map((members) => (members.length ? score(members, configOf(combo)) : null)));
function meanOver(c: number, folds: readonly number[]): { sub: number; topic: number; mean: number } {
  let sub = 0;
  let topic = 0;
  let n = 0;
  for (const f of folds) {
    const s = perFold[c]![f];
    const size = inside[f]!.length;
    if (!s) continue;
    sub += s.sub * size;
    topic += s.topic * size;
    n += size;
  }
  return { sub: sub / (n || 1), topic: topic / (n || 1), mean: (sub + topic) / (2 * (n || 1)) };
}
let heldOut = { sub: 0, topic: 0, n: 0 };
for (let f = 0; f < FOLDS; f++) {
  if (!inside[f]!.length) continue;
  const others = Array.from({ length: FOLDS }, (_, g) => g).filter((g) => g !== f);
  let best = { combo: candidates[0] ?? {}, mean: -1 };
  candidates.forEach((combo, c) => {
    const s = meanOver(c, others);
    if (s.mean > best.mean) best = { combo, mean: s.mean };
  });
  const s = perFold[candidates.indexOf(best.combo)]![f]!;
  const n = inside[f]!.length;
  heldOut = { sub: heldOut.sub + s.sub * n, topic: heldOut.topic + s.topic * n, n: heldOut.n + n };
  console.log(`fold ${f} (${n} docs): chosen on the other folds ${JSON.stringify(best.combo)}; held-out sub-topic ${s.sub.toFixed(3)} topic ${s.topic.toFixed(3)}`);
}
console.log(`${FOLDS}-fold held-out over train (article-weighted): sub-topic ${(heldOut.sub / heldOut.n).toFixed(3)} topic ${(heldOut.topic / heldOut.n).toFixed(3)}`);
let chosen = { combo: candidates[0] ?? {}, sub: 0, topic: 0, mean: -1 };
candidates.forEach((combo, c) => {
  const folds = meanOver(c, inside.map((_, f) => f));
  const s = score(all, configOf(combo));
  console.log(JSON.stringify(combo), `folds alone: sub-topic ${folds.sub.toFixed(3)} topic ${folds.topic.toFixed(3)}; all train as one corpus: sub-topic ${s.sub.toFixed(3)} topic ${s.topic.toFixed(3)}`);
  if (folds.mean > chosen.mean) chosen = { combo, ...folds };
});
console.log('chosen on all of train (folds alone)', JSON.stringify(chosen.combo), `sub-topic ${chosen.sub.toFixed(3)} topic ${chosen.topic.toFixed(3)}`);
