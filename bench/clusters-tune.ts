// Fits the story clusterer's settings on ECB+ train (never dev): a grid over thresholds and feature weights, scored by mean sub-topic and topic B-cubed.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { STORIES_DEFAULTS, type StoriesConfig } from '../src/corpus/stories/index.js';
import { bcubedF1 } from '../src/corpus/stories/bcubed.js';
import { loadEcbSplit } from './data/ecbplus.js';
import { parallaxLabels, ecbArticle } from './clusters.js';
import { SHARED_BENCH } from './types.js';

const train = join(fileURLToPath(SHARED_BENCH), 'ecbplus/train');
const docs = loadEcbSplit(train);
const articles = docs.map(ecbArticle);
const goldTopic = docs.map((d) => d.topic);
const goldSub = docs.map((d) => d.subtopic);

function score(config: StoriesConfig): { topic: number; sub: number } {
  const ours = parallaxLabels(articles, config);
  return { topic: bcubedF1(ours.topic, goldTopic), sub: bcubedF1(ours.story, goldSub) };
}

const base = score(STORIES_DEFAULTS);
console.log(`train ${docs.length} docs; defaults: topic ${base.topic.toFixed(3)} sub ${base.sub.toFixed(3)}`);
const grid = JSON.parse(process.argv[2] ?? '{}') as Record<string, number[]>;
let best = { config: STORIES_DEFAULTS, ...base, mean: (base.topic + base.sub) / 2 };
const keys = Object.keys(grid);
const combos = (i: number): Record<string, number>[] =>
  i === keys.length ? [{}] : (grid[keys[i]!] ?? []).flatMap((v) => combos(i + 1).map((rest) => ({ [keys[i]!]: v, ...rest })));
for (const combo of combos(0)) {
  const weights = { ...STORIES_DEFAULTS.weights };
  const top: Record<string, number> = {};
  for (const [k, v] of Object.entries(combo)) {
    if (k in weights) (weights as Record<string, number>)[k] = v;
    else top[k] = v;
  }
  const config = { ...STORIES_DEFAULTS, ...top, weights } as StoriesConfig;
  const s = score(config);
  const mean = (s.topic + s.sub) / 2;
  console.log(JSON.stringify(combo), `topic ${s.topic.toFixed(3)} sub ${s.sub.toFixed(3)} mean ${mean.toFixed(3)}`);
  if (mean > best.mean) best = { config, ...s, mean };
}
console.log('best', JSON.stringify({ ...best, config: undefined }), JSON.stringify(best.config));
