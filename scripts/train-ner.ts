// `npm run train:ner`: trains the averaged-perceptron BILOU tagger on CoNLL-2003 eng.train (NER_RUNS seeded runs averaged), picks epochs on eng.testa.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bilouTags, countChunks, parseConll, scoreCounts, type ConllDocument, type PrfCounts } from '../src/stages/entities/conll.js';
import { chunksOf, decodeDocument, TAG_COUNT, type WeightTable } from '../src/stages/entities/decode.js';
import { documentFeatures, type DocumentFeatures, type FeatureResources } from '../src/stages/entities/features.js';
import { buildTable, DEFAULT_MODEL_DIR, encodeClusters, encodeModel, loadResources, parseClusters } from '../src/stages/entities/ner-model.js';
import { mulberry32 } from './seeded-random.js';

/** Training settings; defaults in code. Epoch count is the upper bound, the best dev epoch wins. */
const SETTINGS = {
  epochs: Number(process.env.NER_EPOCHS ?? 12),
  seed: 13,
  /** 2 = a second decoding pass that sees the first pass's labels for the same word across the document. */
  passes: Number(process.env.NER_PASSES ?? 2),
  /**
   * Independent training runs (seeds seed, seed + 1, ...), each stopped at its best dev epoch; the shipped weights are
   * their mean (one model, so tagging costs the same as one run).
   */
  runs: Number(process.env.NER_RUNS ?? 1),
  /** Rows whose averaged weights all stay below this are dropped from the shipped model. */
  pruneBelow: 0.002,
} as const;

const DATA = resolve(process.cwd(), '../shared/bench/conll2003');
/** Where the trained model and its training.json go (default: the committed models/ner). */
const OUT_DIR = process.env.NER_OUT ?? DEFAULT_MODEL_DIR;

/** Averaged perceptron with lazy averaging: weights, running totals and last-touched step per cell. */
class Trainer implements WeightTable {
  readonly rows = new Map<number, number>();
  keys: number[] = [];
  weights = new Float64Array(1 << 16);
  totals = new Float64Array(1 << 16);
  stamps = new Int32Array(1 << 16);
  step = 0;

  addScores(keys: ArrayLike<number>, from: number, to: number, scores: Float64Array, at: number): void {
    for (let k = from; k < to; k++) {
      const row = this.rows.get(keys[k]!);
      if (row === undefined) continue;
      const base = row * TAG_COUNT;
      for (let t = 0; t < TAG_COUNT; t++) scores[at + t] = scores[at + t]! + this.weights[base + t]!;
    }
  }

  private ensureRow(key: number): number {
    const hit = this.rows.get(key);
    if (hit !== undefined) return hit;
    const row = this.keys.length;
    this.rows.set(key, row);
    this.keys.push(key);
    const need = (row + 1) * TAG_COUNT;
    if (need > this.weights.length) {
      const grow = <A extends Float64Array | Int32Array>(a: A, make: (n: number) => A): A => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.weights = grow(this.weights, (n) => new Float64Array(n));
      this.totals = grow(this.totals, (n) => new Float64Array(n));
      this.stamps = grow(this.stamps, (n) => new Int32Array(n));
    }
    return row;
  }

  private bump(cell: number, delta: number): void {
    this.totals[cell]! += (this.step - this.stamps[cell]!) * this.weights[cell]!;
    this.stamps[cell] = this.step;
    this.weights[cell]! += delta;
  }

  update(keys: readonly number[], gold: number, predicted: number): void {
    for (const key of keys) {
      const base = this.ensureRow(key) * TAG_COUNT;
      this.bump(base + gold, 1);
      if (predicted >= 0) this.bump(base + predicted, -1);
    }
  }

  /** Averaged weights as of now, without disturbing training state. */
  averaged(): Float32Array {
    const n = this.keys.length * TAG_COUNT;
    const out = new Float32Array(n);
    for (let c = 0; c < n; c++) {
      const total = this.totals[c]! + (this.step - this.stamps[c]!) * this.weights[c]!;
      out[c] = total / Math.max(1, this.step);
    }
    return out;
  }
}

interface Prepared {
  readonly feats: DocumentFeatures;
  readonly gold: Int8Array[];
  readonly doc: ConllDocument;
}

function prepare(docs: ConllDocument[], res: FeatureResources): Prepared[] {
  return docs.map((doc) => ({
    doc,
    feats: documentFeatures(doc.map((s) => s.tokens), res),
    gold: doc.map((s) => bilouTags(s.tokens.length, s.chunks)),
  }));
}

function evaluate(data: readonly Prepared[], table: WeightTable): ReturnType<typeof scoreCounts> {
  const counts = new Map<number, PrfCounts>();
  for (const d of data) {
    const tags = decodeDocument(d.feats, table, undefined, SETTINGS.passes);
    d.doc.forEach((s, i) => countChunks(counts, s.chunks, chunksOf(tags[i]!)));
  }
  return scoreCounts(counts);
}

function prune(keys: readonly number[], weights: Float32Array, below: number): { keys: Int32Array; weights: Float32Array } {
  const keep: number[] = [];
  for (let r = 0; r < keys.length; r++) {
    let max = 0;
    for (let t = 0; t < TAG_COUNT; t++) max = Math.max(max, Math.abs(weights[r * TAG_COUNT + t]!));
    if (max >= below) keep.push(r);
  }
  const outKeys = new Int32Array(keep.length);
  const outWeights = new Float32Array(keep.length * TAG_COUNT);
  keep.forEach((r, i) => {
    outKeys[i] = keys[r]!;
    outWeights.set(weights.subarray(r * TAG_COUNT, (r + 1) * TAG_COUNT), i * TAG_COUNT);
  });
  return { keys: outKeys, weights: outWeights };
}

interface RunResult {
  readonly f1: number;
  readonly epoch: number;
  readonly weights: Float32Array;
  readonly keys: number[];
  readonly log: string[];
}

/** One averaged-perceptron run over shuffled training documents; keeps the weights of its best dev epoch. */
function trainOne(seed: number, train: readonly Prepared[], dev: readonly Prepared[], t0: number): RunResult {
  const trainer = new Trainer();
  const rand = mulberry32(seed);
  let best: RunResult = { f1: -1, epoch: 0, weights: new Float32Array(0), keys: [], log: [] };
  const log: string[] = [];
  for (let epoch = 1; epoch <= SETTINGS.epochs; epoch++) {
    const order = train.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const d = train[i]!;
      trainer.step++;
      decodeDocument(d.feats, trainer, { gold: d.gold, update: (k, g, p) => trainer.update(k, g, p) }, SETTINGS.passes);
    }
    const weights = trainer.averaged();
    const snapshot = [...trainer.keys];
    const score = evaluate(dev, buildTable(Int32Array.from(snapshot), weights));
    const line = `epoch ${epoch}: dev F1 ${(score.f1 * 100).toFixed(2)} (P ${(score.precision * 100).toFixed(2)} R ${(score.recall * 100).toFixed(2)}) features ${snapshot.length} ${((Date.now() - t0) / 1000).toFixed(0)}s`;
    process.stderr.write(`seed ${seed} ${line}\n`);
    log.push(line);
    if (score.f1 > best.f1) best = { f1: score.f1, epoch, weights, keys: snapshot, log };
  }
  return { ...best, log };
}

/** The mean of several runs' weights over the union of their features (a feature a run never saw counts as 0 there). */
function averageRuns(runs: readonly RunResult[]): { keys: number[]; weights: Float32Array } {
  if (runs.length === 1) return { keys: runs[0]!.keys, weights: runs[0]!.weights };
  const rows = new Map<number, number>();
  const keys: number[] = [];
  for (const r of runs) {
    for (const k of r.keys) {
      if (rows.has(k)) continue;
      rows.set(k, keys.length);
      keys.push(k);
    }
  }
  const sum = new Float64Array(keys.length * TAG_COUNT);
  for (const r of runs) {
    r.keys.forEach((k, i) => {
      const base = rows.get(k)! * TAG_COUNT;
      for (let t = 0; t < TAG_COUNT; t++) sum[base + t]! += r.weights[i * TAG_COUNT + t]!;
    });
  }
  return { keys, weights: Float32Array.from(sum, (v) => v / runs.length) };
}

function main(): void {
  const trainPath = resolve(DATA, 'eng.train');
  const devPath = resolve(DATA, 'eng.testa');
  if (!existsSync(trainPath) || !existsSync(devPath)) {
    process.stderr.write(`CoNLL-2003 not found at ${DATA} (need eng.train and eng.testa); put ../shared/bench beside the repo\n`);
    process.exitCode = 1;
    return;
  }
  const t0 = Date.now();
  const resourceDir = process.env.NER_RESOURCES ?? DEFAULT_MODEL_DIR;
  // clusters.tsv (reviewable build output) -> clusters.bin (what the tagger loads).
  writeFileSync(resolve(resourceDir, 'clusters.bin'), encodeClusters(parseClusters(readFileSync(resolve(resourceDir, 'clusters.tsv'), 'utf8'))));
  const res = loadResources(resourceDir);
  const train = prepare(parseConll(readFileSync(trainPath, 'utf8')), res);
  const dev = prepare(parseConll(readFileSync(devPath, 'utf8')), res);
  process.stderr.write(`features ready: ${train.length} train docs, ${dev.length} dev docs (${Date.now() - t0} ms)\n`);
  const runs: RunResult[] = [];
  const log: string[] = [];
  for (let r = 0; r < SETTINGS.runs; r++) {
    const run = trainOne(SETTINGS.seed + r, train, dev, t0);
    runs.push(run);
    log.push(...run.log.map((line) => (SETTINGS.runs > 1 ? `run ${r + 1} ${line}` : line)));
  }
  const best = averageRuns(runs);
  const pruned = prune(best.keys, best.weights, SETTINGS.pruneBelow);
  const buf = encodeModel(pruned.keys, pruned.weights, SETTINGS.passes);
  const out = resolve(OUT_DIR, 'model.bin.gz');
  writeFileSync(out, buf);
  const check = evaluate(dev, buildTable(pruned.keys, pruned.weights));
  const summary = {
    epochs: SETTINGS.epochs,
    passes: SETTINGS.passes,
    runs: SETTINGS.runs,
    bestEpoch: runs.map((r) => r.epoch).join(','),
    devF1: Number(check.f1.toFixed(4)),
    devByType: Object.fromEntries(Object.entries(check.byType).map(([k, v]) => [k, Number(v.f1.toFixed(4))])),
    features: pruned.keys.length,
    bytes: buf.length,
    log,
  };
  writeFileSync(resolve(OUT_DIR, 'training.json'), `${JSON.stringify(summary, null, 2)}\n`);
  process.stderr.write(`wrote ${out}: ${pruned.keys.length} features, ${(buf.length / 1e6).toFixed(1)} MB, dev F1 ${(check.f1 * 100).toFixed(2)} after pruning\n`);
}

main();
