// `npm run train:ner`: trains the structured-perceptron (Viterbi) BILOU tagger on CoNLL-2003 eng.train and eng.testa's confirm half; epochs are picked on a tuning slice of train.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bilouTags, countChunks, parseConll, scoreCounts, splitDev, splitTraining, type ConllDocument, type EntityScores, type PrfCounts } from '../src/stages/entities/conll.js';
import { chunksOf, decodeDocument, TAG_COUNT, type WeightTable } from '../src/stages/entities/decode.js';
import { documentFeatures, type DocumentFeatures, type FeatureResources } from '../src/stages/entities/features.js';
import { buildTable, decodeModel, DEFAULT_MODEL_DIR, TRAIN_ONLY_MODEL_FILE, encodeClusters, encodeModel, loadResources, parseClusters, tagDocument } from '../src/stages/entities/ner-model.js';
import { mulberry32 } from './seeded-random.js';

/**
 * Training settings; defaults in code. Phase 1 trains on train minus its tuning slice (every fifth document) for up to
 * `epochs` epochs and keeps the epoch count that scores best on the tuning slice; phase 2 retrains on all of train and
 * dev's even-numbered (confirm) documents for that many epochs and ships it. Dev is never used to choose anything, and
 * its odd-numbered (untouched) documents are never read here.
 */
const SETTINGS = {
  epochs: Number(process.env.NER_EPOCHS ?? 10),
  seed: 13,
  /** 2 = a second decoding pass that sees the first pass's labels for the same word across the document. */
  passes: Number(process.env.NER_PASSES ?? 2),
  /**
   * Independent training runs (seeds seed, seed + 1, ...), each of the chosen epoch count; the shipped weights are
   * their mean (one model, so tagging costs the same as one run).
   */
  runs: Number(process.env.NER_RUNS ?? 3),
  /** NER_TUNING_ONLY=1: stop after phase 1 (for measuring a change on the tuning slice; nothing is written to OUT_DIR). */
  tuningOnly: process.env.NER_TUNING_ONLY === '1',
  /**
   * NER_FOLD=0..3 (with NER_TUNING_ONLY=1): hold out another fifth of train instead of the tuning slice (fold 4), for a
   * five-fold cross-validation estimate of held-out F1 (scripts/train-ner-cv.ts runs all five).
   */
  fold: Number(process.env.NER_FOLD ?? 4),
  /**
   * Rows whose averaged weights all stay below this are dropped from the shipped model. Chosen on the tuning slice
   * (3-run model: 0.002 keeps 100.6k rows, F1 92.10; 0.5 keeps 62.1k, 92.19; 1 keeps 30.9k, 91.96).
   */
  pruneBelow: 0.5,
  /**
   * The shipped model also learns from dev's confirm half (eng.testa's even-numbered documents) once the recipe is
   * fixed; NER_FINAL_DEV=0 ships the eng.train-only model instead.
   */
  finalWithDev: process.env.NER_FINAL_DEV !== '0',
  /**
   * With finalWithDev, the eng.train-only model of the same recipe is also trained and written beside it as
   * model-train-only.bin.gz: the bench scores it too, since the confirm half no longer confirms the shipped model.
   * NER_TRAIN_ONLY_MODEL=0 skips it and reads the one an earlier run left in OUT_DIR, when there is one.
   */
  trainOnlyModel: process.env.NER_TRAIN_ONLY_MODEL !== '0',
  /**
   * NER_REUSE_TUNING=1: skip phase 1 and take its epoch count and tuning figures from OUT_DIR's training.json (phase 1
   * is deterministic, so this only saves machine time when the features and phase-1 settings are unchanged).
   */
  reuseTuning: process.env.NER_REUSE_TUNING === '1',
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

  update(keys: readonly number[], tag: number, delta: number): void {
    for (const key of keys) this.bump(this.ensureRow(key) * TAG_COUNT + tag, delta);
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

function evaluate(data: readonly Prepared[], table: WeightTable): EntityScores {
  const counts = new Map<number, PrfCounts>();
  for (const d of data) {
    const tags = decodeDocument(d.feats, table, undefined, SETTINGS.passes);
    d.doc.forEach((s, i) => countChunks(counts, s.chunks, chunksOf(tags[i]!)));
  }
  return scoreCounts(counts);
}

/** The same through the shipped tagging path: the model, then the name rules of name-rules.ts. */
function evaluateWithRules(data: readonly Prepared[], table: WeightTable, resources: FeatureResources): EntityScores {
  const counts = new Map<number, PrfCounts>();
  const model = { resources, table, features: 0, passes: SETTINGS.passes };
  for (const d of data) {
    const chunks = tagDocument(d.doc.map((s) => s.tokens), model);
    d.doc.forEach((s, i) => countChunks(counts, s.chunks, chunks[i]!));
  }
  return scoreCounts(counts);
}

function summarise(s: EntityScores): { f1: number; byType: Record<string, number> } {
  return { f1: Number(s.f1.toFixed(4)), byType: Object.fromEntries(Object.entries(s.byType).map(([k, v]) => [k, Number(v.f1.toFixed(4))])) };
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
  /** F1 on the held-out data after each epoch (empty when none was given). */
  readonly curve: number[];
  readonly weights: Float32Array;
  readonly keys: number[];
}

/** One structured-perceptron run over shuffled training documents for `epochs` epochs; scores `heldOut` after each epoch when given. */
function trainOne(seed: number, epochs: number, train: readonly Prepared[], heldOut: readonly Prepared[], label: string, t0: number): RunResult {
  const trainer = new Trainer();
  const rand = mulberry32(seed);
  const curve: number[] = [];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const order = train.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const d = train[i]!;
      trainer.step++;
      decodeDocument(d.feats, trainer, { gold: d.gold, update: (k, tag, delta) => trainer.update(k, tag, delta) }, SETTINGS.passes);
    }
    let line = `${label} seed ${seed} epoch ${epoch}: features ${trainer.keys.length}`;
    if (heldOut.length) {
      const score = evaluate(heldOut, buildTable(Int32Array.from(trainer.keys), trainer.averaged()));
      curve.push(score.f1);
      line += ` F1 ${(score.f1 * 100).toFixed(2)} (P ${(score.precision * 100).toFixed(2)} R ${(score.recall * 100).toFixed(2)})`;
    }
    process.stderr.write(`${line} ${((Date.now() - t0) / 1000).toFixed(0)}s\n`);
  }
  return { curve, weights: trainer.averaged(), keys: [...trainer.keys] };
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

/** A model's weight table as the tagger loads it from its file. */
function loadedTable(gz: Buffer): WeightTable {
  const { keys, weights } = decodeModel(gz);
  return buildTable(keys, weights);
}

type Summary = ReturnType<typeof summarise>;

interface Phase1 {
  readonly epochs: number;
  readonly curve: number[];
  readonly tuning: { readonly documents: number; readonly modelOnly: Summary; readonly withRules: Summary };
}

/** Phase 1: `runs` runs on train minus the tuning slice, scored on it after every epoch; the best mean epoch wins. */
function tune(fit: readonly Prepared[], tuning: readonly Prepared[], res: FeatureResources, t0: number): Phase1 {
  const tuned: RunResult[] = [];
  for (let r = 0; r < SETTINGS.runs; r++) tuned.push(trainOne(SETTINGS.seed + r, SETTINGS.epochs, fit, tuning, 'tuning', t0));
  const curve = tuned[0]!.curve.map((_, e) => tuned.reduce((n, run) => n + run.curve[e]!, 0) / tuned.length);
  const epochs = curve.indexOf(Math.max(...curve)) + 1;
  const tunedModel = averageRuns(tuned);
  // Pruned as the shipped model is, so the tuning figure is the shipped recipe's.
  const tunedPruned = prune(tunedModel.keys, tunedModel.weights, SETTINGS.pruneBelow);
  const tunedTable = buildTable(tunedPruned.keys, tunedPruned.weights);
  if (process.env.NER_TUNING_OUT) {
    // The phase-1 model, for measuring the name rules on the tuning slice (scripts/ner-rule-ablation.ts).
    writeFileSync(resolve(process.env.NER_TUNING_OUT, 'model.bin.gz'), encodeModel(tunedPruned.keys, tunedPruned.weights, SETTINGS.passes));
  }
  return {
    epochs,
    curve: curve.map((f) => Number(f.toFixed(4))),
    tuning: { documents: tuning.length, modelOnly: summarise(evaluate(tuning, tunedTable)), withRules: summarise(evaluateWithRules(tuning, tunedTable, res)) },
  };
}

/** Phase 1 as an earlier run recorded it in OUT_DIR's training.json (NER_REUSE_TUNING=1), checked against these settings. */
function recordedTuning(): Phase1 {
  const record = JSON.parse(readFileSync(resolve(OUT_DIR, 'training.json'), 'utf8')) as Phase1 & { epochsMax: number; passes: number; runs: number; tuningCurve: number[] };
  if (record.epochsMax !== SETTINGS.epochs || record.passes !== SETTINGS.passes || record.runs !== SETTINGS.runs || SETTINGS.fold !== 4) {
    throw new Error('NER_REUSE_TUNING: training.json was made with other phase-1 settings; run without it');
  }
  return { epochs: record.epochs, curve: record.tuningCurve, tuning: record.tuning };
}

function main(): void {
  const trainPath = resolve(DATA, 'eng.train');
  const devPath = resolve(DATA, 'eng.testa');
  if (!existsSync(trainPath)) {
    process.stderr.write(`CoNLL-2003 not found at ${DATA} (need eng.train); put ../shared/bench beside the repo\n`);
    process.exitCode = 1;
    return;
  }
  const t0 = Date.now();
  const resourceDir = process.env.NER_RESOURCES ?? DEFAULT_MODEL_DIR;
  // clusters.tsv (reviewable build output) -> clusters.bin (what the tagger loads).
  writeFileSync(resolve(resourceDir, 'clusters.bin'), encodeClusters(parseClusters(readFileSync(resolve(resourceDir, 'clusters.tsv'), 'utf8'))));
  const res = loadResources(resourceDir);
  const allTrain = parseConll(readFileSync(trainPath, 'utf8'));
  if (SETTINGS.fold !== 4 && !SETTINGS.tuningOnly) throw new Error('NER_FOLD other than 4 is for NER_TUNING_ONLY=1 runs: the shipped model is tuned on fold 4');
  const split = splitTraining(allTrain, SETTINGS.fold);
  const fit = prepare(split.fit, res);
  const tuning = prepare(split.tuning, res);
  const train = [...fit, ...tuning];
  process.stderr.write(`features ready: ${fit.length} fit + ${tuning.length} tuning train docs (${Date.now() - t0} ms)\n`);
  // Phase 1: epochs chosen on the tuning slice (the mean curve over runs).
  const phase1 = SETTINGS.reuseTuning ? recordedTuning() : tune(fit, tuning, res, t0);
  const { epochs, curve } = phase1;
  process.stderr.write(`tuning slice: best epoch ${epochs}; F1 model only ${(phase1.tuning.modelOnly.f1 * 100).toFixed(2)}, with name rules ${(phase1.tuning.withRules.f1 * 100).toFixed(2)}\n`);
  if (SETTINGS.tuningOnly) {
    process.stdout.write(`${JSON.stringify({ fold: SETTINGS.fold, epochs, curve, modelOnly: phase1.tuning.modelOnly, withRules: phase1.tuning.withRules })}\n`);
    return;
  }
  // Phase 2: all of train (and dev's confirm half), the chosen number of epochs.
  const confirmDocs = existsSync(devPath) ? splitDev(parseConll(readFileSync(devPath, 'utf8'))).confirm : [];
  if (SETTINGS.finalWithDev && !confirmDocs.length) throw new Error(`${devPath} is needed for the shipped model (NER_FINAL_DEV=0 trains on eng.train alone)`);
  const confirm = prepare(confirmDocs, res);
  const finalModel = (data: readonly Prepared[], label: string): { keys: Int32Array; weights: Float32Array } => {
    const runs: RunResult[] = [];
    for (let r = 0; r < SETTINGS.runs; r++) runs.push(trainOne(SETTINGS.seed + r, epochs, data, [], label, t0));
    const best = averageRuns(runs);
    return prune(best.keys, best.weights, SETTINGS.pruneBelow);
  };
  // The eng.train-only model: the shipped one when finalWithDev is off; else written beside it for the bench.
  const trainOnly = !SETTINGS.finalWithDev || SETTINGS.trainOnlyModel ? finalModel(train, 'final (train)') : null;
  const pruned = SETTINGS.finalWithDev ? finalModel([...train, ...confirm], 'final (train + dev confirm)') : trainOnly!;
  const buf = encodeModel(pruned.keys, pruned.weights, SETTINGS.passes);
  const out = resolve(OUT_DIR, 'model.bin.gz');
  writeFileSync(out, buf);
  if (SETTINGS.finalWithDev && trainOnly) writeFileSync(resolve(OUT_DIR, TRAIN_ONLY_MODEL_FILE), encodeModel(trainOnly.keys, trainOnly.weights, SETTINGS.passes));
  // Dev's confirm half scored by the eng.train-only model (it cannot confirm a model that learned from it).
  // Scored as stored (quantised), so a model trained now and one read from an earlier run's file score alike.
  const trainOnlyFile = resolve(OUT_DIR, TRAIN_ONLY_MODEL_FILE);
  const trainOnlyTable = trainOnly
    ? loadedTable(encodeModel(trainOnly.keys, trainOnly.weights, SETTINGS.passes))
    : existsSync(trainOnlyFile)
      ? loadedTable(readFileSync(trainOnlyFile))
      : null;
  const confirmScore = confirm.length && trainOnlyTable ? evaluateWithRules(confirm, trainOnlyTable, res) : null;
  const summary = {
    epochsMax: SETTINGS.epochs,
    epochs,
    passes: SETTINGS.passes,
    runs: SETTINGS.runs,
    tuningCurve: curve,
    /** Trained on train minus the tuning slice: the tuning figure the bench reports. */
    tuning: phase1.tuning,
    /** What the shipped model learned from: eng.train documents, and eng.testa's even-numbered (confirm) documents. */
    trainedOn: { train: train.length, devConfirm: SETTINGS.finalWithDev ? confirm.length : 0 },
    /** The eng.train-only model on dev's even-numbered documents; dev's odd-numbered ones are never read here. */
    devConfirm: confirmScore ? summarise(confirmScore) : null,
    features: pruned.keys.length,
    bytes: buf.length,
  };
  writeFileSync(resolve(OUT_DIR, 'training.json'), `${JSON.stringify(summary, null, 2)}\n`);
  process.stderr.write(`wrote ${out}: ${pruned.keys.length} features, ${(buf.length / 1e6).toFixed(1)} MB; dev confirm F1 (eng.train-only model) ${confirmScore ? (confirmScore.f1 * 100).toFixed(2) : 'n/a'}\n`);
}

main();
