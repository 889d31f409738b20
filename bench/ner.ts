// NER bench: conlleval entity F1 per type and tagging speed on a CoNLL-2003 file, beside compromise in the same run; tuning / confirm / untouched figures apart.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { countChunks, parseConll, scoreCounts, splitTraining, type ConllDocument, type EntityScores, type PrfCounts } from '../src/stages/entities/conll.js';
import { ENTITY_TYPES, type Chunk } from '../src/stages/entities/decode.js';
import { DEFAULT_MODEL_DIR, loadNerModel, tagDocument, TRAIN_ONLY_MODEL_FILE, type NerModel } from '../src/stages/entities/ner-model.js';
import { BenchDataMissing, SHARED_BENCH, type BenchMetrics, type BenchRun } from './types.js';

/** CPU time of this process: "per second on one core" even when the shared machine is oversubscribed. */
function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

function metrics(s: EntityScores, tokensPerSecond: number): BenchMetrics {
  return {
    f1: s.f1,
    precision: s.precision,
    recall: s.recall,
    f1PER: s.byType.PER?.f1 ?? 0,
    f1ORG: s.byType.ORG?.f1 ?? 0,
    f1LOC: s.byType.LOC?.f1 ?? 0,
    f1MISC: s.byType.MISC?.f1 ?? 0,
    f1PerOrgLoc: s.withoutMisc.f1,
    tokensPerSecond,
  };
}

/** Chunks per document and sentence, and the CPU seconds the tagger took. */
interface Tagged {
  readonly chunks: readonly (readonly (readonly Chunk[])[])[];
  readonly seconds: number;
}

function ours(docs: readonly ConllDocument[], model: NerModel = loadNerModel()): Tagged {
  const t0 = cpuSeconds();
  const chunks = docs.map((d) => tagDocument(d.map((s) => s.tokens), model));
  return { chunks, seconds: cpuSeconds() - t0 };
}

/** Scores the documents whose index passes `keep` (all by default). */
function score(docs: readonly ConllDocument[], tagged: Tagged, keep: (i: number) => boolean = () => true): EntityScores {
  const counts = new Map<number, PrfCounts>();
  docs.forEach((d, i) => {
    if (keep(i)) d.forEach((s, j) => countChunks(counts, s.chunks, tagged.chunks[i]![j]!));
  });
  return scoreCounts(counts);
}

interface Offset {
  readonly offset?: { readonly start: number; readonly length: number };
}

/** compromise on each document's text (sentences on their own lines, tokens joined by spaces); spans mapped back to whole tokens. */
function compromise(docs: readonly ConllDocument[]): Tagged {
  const all: Chunk[][][] = [];
  let seconds = 0;
  for (const doc of docs) {
    const where: { sentence: number; index: number; start: number; end: number }[] = [];
    let text = '';
    doc.forEach((s, si) => {
      if (si > 0) text += '\n';
      s.tokens.forEach((t, i) => {
        if (i > 0) text += ' ';
        where.push({ sentence: si, index: i, start: text.length, end: text.length + t.length });
        text += t;
      });
    });
    const t0 = cpuSeconds();
    const d = nlp(text);
    const found: [number, Offset[]][] = [
      [0, d.people().json({ offset: true }) as Offset[]],
      [1, d.organizations().json({ offset: true }) as Offset[]],
      [2, d.places().json({ offset: true }) as Offset[]],
    ];
    seconds += cpuSeconds() - t0;
    const chunks: Chunk[][] = doc.map(() => []);
    for (const [type, list] of found) {
      for (const o of list) {
        if (!o.offset) continue;
        const lo = o.offset.start;
        const hi = lo + o.offset.length;
        const inside = where.filter((w) => w.start >= lo && w.end <= hi);
        const first = inside[0];
        const last = inside.at(-1);
        // A compromise match spanning a line break is cut at the first sentence.
        if (first && last) chunks[first.sentence]!.push({ start: first.index, end: last.sentence === first.sentence ? last.index + 1 : doc[first.sentence]!.tokens.length, type });
      }
    }
    all.push(chunks);
  }
  return { chunks: all, seconds };
}

function table(name: string, s: EntityScores): string[] {
  return [
    `${name}: P ${(s.precision * 100).toFixed(2)} R ${(s.recall * 100).toFixed(2)} F1 ${(s.f1 * 100).toFixed(2)}`,
    ...ENTITY_TYPES.map((t) => {
      const x = s.byType[t]!;
      return `  ${t.padEnd(5)} P ${(x.precision * 100).toFixed(2)} R ${(x.recall * 100).toFixed(2)} F1 ${(x.f1 * 100).toFixed(2)}`;
    }),
  ];
}

/** Timed passes per tagger after one untimed warm-up pass (JIT, word caches); the median counts. */
const RUNS = { ours: 3, compromise: 3 } as const;

function median<T extends { seconds: number }>(runs: number, f: () => T): T {
  f();
  const all = Array.from({ length: runs }, f).sort((a, b) => a.seconds - b.seconds);
  return all[Math.floor(runs / 2)]!;
}

/** The tuning figures recorded by `npm run train:ner` (a model trained on train without its tuning slice). */
interface TrainingRecord {
  readonly tuning?: { readonly documents: number; readonly withRules: { readonly f1: number; readonly byType?: Readonly<Record<string, number>> } };
  readonly epochs?: number;
  /** What the shipped model learned from: eng.train documents and eng.testa's even-numbered (confirm) documents. */
  readonly trainedOn?: { readonly train: number; readonly devConfirm: number };
}

/** True when the scored file is eng.testa and the shipped model learned from its even-numbered (confirm) documents. */
export function confirmHalfSeen(path: string, record: TrainingRecord): boolean {
  return basename(path) === 'eng.testa' && (record.trainedOn?.devConfirm ?? 0) > 0;
}

/** The eng.train-only model of the same recipe, when training wrote one beside a shipped model that learned from dev. */
function trainOnlyModel(): NerModel | null {
  return existsSync(join(DEFAULT_MODEL_DIR, TRAIN_ONLY_MODEL_FILE)) ? loadNerModel(DEFAULT_MODEL_DIR, TRAIN_ONLY_MODEL_FILE) : null;
}

/** The five-fold cross-validation over eng.train written by scripts/train-ner-cv.ts (the same recipe, never dev). */
interface CvRecord {
  readonly runs?: number;
  readonly meanWithRules?: number;
  readonly meanByType?: Readonly<Record<string, number>>;
  readonly folds?: readonly { readonly withRules: number }[];
}

function cvRecord(): CvRecord {
  try {
    return JSON.parse(readFileSync(join(DEFAULT_MODEL_DIR, 'cv.json'), 'utf8')) as CvRecord;
  } catch {
    return {};
  }
}

function trainingRecord(): TrainingRecord {
  try {
    return JSON.parse(readFileSync(join(DEFAULT_MODEL_DIR, 'training.json'), 'utf8')) as TrainingRecord;
  } catch {
    return {};
  }
}

/** A folder stands for its test file: eng.testb when it holds one (the held-out test half), else eng.testa. */
export function conllFile(path: string): string {
  if (!existsSync(path) || !statSync(path).isDirectory()) return path;
  return ['eng.testb', 'eng.testa'].map((f) => join(path, f)).find((f) => existsSync(f)) ?? join(path, 'eng.testa');
}

const percent = (x: number): string => (x * 100).toFixed(2);

export const run: BenchRun = async (options) => {
  const path = conllFile(options.data ?? fileURLToPath(new URL('conll2003/', SHARED_BENCH)));
  if (!existsSync(path)) throw new BenchDataMissing(path, 'a CoNLL-2003 column file such as eng.testa, or a folder holding eng.testb or eng.testa');
  options.log(`ner: scoring ${path}`);
  const docs = parseConll(readFileSync(path, 'utf8'));
  const tokens = docs.reduce((n, d) => n + d.reduce((m, s) => m + s.tokens.length, 0), 0);
  const loadStart = process.hrtime.bigint();
  const loadCpu = cpuSeconds();
  loadNerModel();
  const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
  const loadCpuMs = (cpuSeconds() - loadCpu) * 1000;
  options.log(`ner: ${docs.length} documents, ${tokens} tokens; model loaded in ${loadMs.toFixed(0)} ms`);
  const files = ['model.bin.gz', 'clusters.bin', 'gazetteers.tsv'].map((f) => ({ f, mb: statSync(join(DEFAULT_MODEL_DIR, f)).size / 1e6 }));
  const modelMb = files.reduce((n, x) => n + x.mb, 0);
  // Speed: median CPU time of several passes over the whole file after a warm-up (the machine is shared).
  const mine = median(RUNS.ours, () => ours(docs));
  const base = median(RUNS.compromise, () => compromise(docs));
  // The three-way split: even-numbered documents of the file confirm, odd-numbered ones stay untouched (the split the
  // training script keeps to); the tuning figure is the one training recorded on train's tuning slice, where the
  // shipped model (trained on all of train) cannot be scored. compromise learned nothing there, so it runs on it live.
  const even = (i: number): boolean => i % 2 === 0;
  const odd = (i: number): boolean => i % 2 === 1;
  const record = trainingRecord();
  const seen = confirmHalfSeen(path, record);
  const baseModel = trainOnlyModel();
  const trainOnly = baseModel ? ours(docs, baseModel) : null;
  const trainOnlySplit = trainOnly ? { whole: score(docs, trainOnly), confirm: score(docs, trainOnly, even), untouched: score(docs, trainOnly, odd) } : null;
  const trainPath = fileURLToPath(new URL('conll2003/eng.train', SHARED_BENCH));
  const tuningDocs = existsSync(trainPath) ? splitTraining(parseConll(readFileSync(trainPath, 'utf8'))).tuning : [];
  const baseTuning = tuningDocs.length ? score(tuningDocs, compromise(tuningDocs)) : null;
  const split = {
    confirm: { mine: score(docs, mine, even), base: score(docs, base, even) },
    untouched: { mine: score(docs, mine, odd), base: score(docs, base, odd) },
  };
  const mineTuning = record.tuning?.withRules;
  const cv = cvRecord();
  const whole = score(docs, mine);
  const baseWhole = score(docs, base);
  return {
    bench: 'ner',
    data: options.data ?? null,
    metrics: {
      ...metrics(whole, tokens / mine.seconds),
      ...(mineTuning ? { tuningF1: mineTuning.f1 } : {}),
      ...(mineTuning?.byType?.ORG !== undefined ? { tuningF1ORG: mineTuning.byType.ORG } : {}),
      ...(cv.meanWithRules !== undefined ? { trainCvF1: cv.meanWithRules, trainCvF1ORG: cv.meanByType?.ORG ?? 0 } : {}),
      confirmF1: split.confirm.mine.f1,
      untouchedF1: split.untouched.mine.f1,
      ...(trainOnlySplit ? { trainOnlyF1: trainOnlySplit.whole.f1, trainOnlyConfirmF1: trainOnlySplit.confirm.f1, trainOnlyUntouchedF1: trainOnlySplit.untouched.f1 } : {}),
      modelLoadMs: loadMs,
      modelLoadCpuMs: loadCpuMs,
      modelMb,
    },
    baseline: {
      name: 'compromise',
      metrics: {
        ...metrics(baseWhole, tokens / base.seconds),
        ...(baseTuning ? { tuningF1: baseTuning.f1 } : {}),
        confirmF1: split.confirm.base.f1,
        untouchedF1: split.untouched.base.f1,
      },
    },
    notes: [
      `speed: tokens per CPU-second (process.cpuUsage) over the whole file, median of ${RUNS.ours} passes after one warm-up pass (parallax: tagging incl. features, both Viterbi passes and name rules; compromise: nlp() and its people/organizations/places), one core; model load as wall and CPU time (cold, first load in the process)`,
      `model files ${files.map((x) => `${x.f} ${x.mb.toFixed(2)} MB`).join(', ')}: ${modelMb.toFixed(2)} MB (limit 20 MB); load ${loadMs.toFixed(0)} ms wall, ${loadCpuMs.toFixed(0)} ms CPU (limit 300 ms)`,
      `split F1, parallax / compromise: tuning (every 5th eng.train document, ${tuningDocs.length}; parallax figure from training.json, a model trained without them${record.epochs ? `, ${record.epochs} epochs chosen there` : ''}) ${mineTuning ? percent(mineTuning.f1) : 'n/a (run npm run train:ner)'} / ${baseTuning ? percent(baseTuning.f1) : 'n/a'}; confirm (even-numbered documents of this file, ${Math.ceil(docs.length / 2)}${seen ? '; training data of the shipped model, so they confirm only the eng.train-only model below' : ''}) ${percent(split.confirm.mine.f1)} / ${percent(split.confirm.base.f1)}; untouched (odd-numbered, ${Math.floor(docs.length / 2)}) ${percent(split.untouched.mine.f1)} / ${percent(split.untouched.base.f1)}`,
      `trained on: ${record.trainedOn ? `${record.trainedOn.train} eng.train documents${record.trainedOn.devConfirm ? ` + ${record.trainedOn.devConfirm} eng.testa even-numbered (confirm) documents; eng.testa's odd-numbered (untouched) documents never` : ' only'}` : 'eng.train only'}`,
      ...(trainOnlySplit
        ? [`eng.train-only model (${TRAIN_ONLY_MODEL_FILE}, same recipe without the dev documents): whole ${percent(trainOnlySplit.whole.f1)}, confirm ${percent(trainOnlySplit.confirm.f1)}, untouched ${percent(trainOnlySplit.untouched.f1)}`]
        : []),
      cv.meanWithRules !== undefined
        ? `train 5-fold CV F1 (scripts/train-ner-cv.ts: every fifth eng.train document held out in turn, ${cv.runs ?? '?'} runs averaged per fold): mean ${percent(cv.meanWithRules)}, folds ${(cv.folds ?? []).map((f) => percent(f.withRules)).join(' / ')}; ORG ${percent(cv.meanByType?.ORG ?? 0)}`
        : 'train 5-fold CV: n/a (run npx tsx scripts/train-ner-cv.ts)',
      ...table(seen ? 'parallax (whole file, half of it training data)' : 'parallax', whole),
      ...table('compromise', baseWhole),
    ],
  };
};
