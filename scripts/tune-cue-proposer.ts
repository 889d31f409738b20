// Chooses the cue proposer's threshold on the quotes bench's train fold: models learned on PolNeAR train's even-indexed articles, scored on the odd-indexed ones (dev is never read).
import { fileURLToPath } from 'node:url';
import { emptyLayers } from '../src/core/article.js';
import { extractQuotes, QUOTES_DEFAULTS } from '../src/stages/quotes/index.js';
import { evaluate, layersOf, loadDocs } from '../bench/quotes.js';
import { learnCueModel } from '../bench/quotes-learn.js';
import { SHARED_BENCH } from '../bench/types.js';

/**
 * Usage: tsx scripts/tune-cue-proposer.ts [train dir] [values, comma-separated; above 1 = proposer off] [setting, default
 * minCueProbability; any numeric QuotesConfig key, e.g. contentEndProbability].
 */
const dir = process.argv[2] || fileURLToPath(new URL('polnear/train/', SHARED_BENCH));
const thresholds = (process.argv[3] ?? '2,0.5,0.4,0.3,0.2').split(',').map(Number);
const setting = (process.argv[4] ?? 'minCueProbability') as keyof typeof QUOTES_DEFAULTS;
const all = loadDocs(dir).docs;
const learnFrom = all.filter((_, i) => i % 2 === 0);
const scored = all.filter((_, i) => i % 2 === 1);
const learnLayers = layersOf(learnFrom);
const scoredLayers = layersOf(scored);
for (const value of thresholds) {
  const config = { ...QUOTES_DEFAULTS, [setting]: value };
  const { model } = learnCueModel(learnFrom, learnLayers, config);
  const t0 = process.cpuUsage();
  const { metrics: m } = evaluate(scored, (d) => extractQuotes(d.text, scoredLayers.get(d.name) ?? emptyLayers(), config, model));
  const cpu = process.cpuUsage(t0);
  const f = (k: string): string => (m[k] ?? 0).toFixed(4);
  process.stdout.write(
    `${setting} ${value}: speakerF1 ${f('speakerF1')} quoted ${f('speakerF1Quoted')} unquoted content F1 ${f('contentOverlapF1Unquoted')} recall ${f('contentOverlapRecallUnquoted')} precision ${f('contentOverlapPrecisionUnquoted')} accuracy ${f('speakerAccuracyFound')} cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s\n`,
  );
}
