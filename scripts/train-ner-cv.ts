// Five-fold cross-validation of the NER training recipe over eng.train documents: a held-out estimate that never reads dev.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_MODEL_DIR } from '../src/stages/entities/ner-model.js';

/**
 * Each fold holds out every fifth train document (offset 0..4; fold 4 is the tuning slice) and runs phase 1 of
 * scripts/train-ner.ts on the rest (NER_TUNING_ONLY=1, so nothing is written). NER_RUNS and NER_EPOCHS pass through;
 * NER_CV_PARALLEL folds run at once (default 1: the machine is shared). The summary goes to stdout and to cv.json
 * beside the model (NER_OUT, default models/ner), where the NER bench reads it. With NER_CV_DIR each fold's result line is
 * kept there as fold-N.json, and a fold whose file is already there is read instead of run again: folds can be run
 * separately or in several sittings (the machine is shared) and the summary made from them all. The same settings
 * (NER_RUNS, NER_EPOCHS) must be used for every fold of one directory.
 */
const FOLDS = [0, 1, 2, 3, 4] as const;
const PARALLEL = Math.max(1, Number(process.env.NER_CV_PARALLEL ?? 1));
const KEEP_DIR = process.env.NER_CV_DIR;

interface FoldResult {
  readonly fold: number;
  readonly epochs: number;
  readonly modelOnly: { readonly f1: number; readonly byType: Readonly<Record<string, number>> };
  readonly withRules: { readonly f1: number; readonly byType: Readonly<Record<string, number>> };
}

/** A fold's result: read from NER_CV_DIR when an earlier sitting ran it, else run (and kept there). */
async function foldResult(fold: number): Promise<FoldResult> {
  const kept = KEEP_DIR ? resolve(KEEP_DIR, `fold-${fold}.json`) : null;
  if (kept && existsSync(kept)) {
    const result = JSON.parse(readFileSync(kept, 'utf8')) as FoldResult;
    if (result.fold !== fold) throw new Error(`${kept} holds fold ${result.fold}`);
    process.stderr.write(`fold ${fold}: read from ${kept}\n`);
    return result;
  }
  const result = await runFold(fold);
  if (kept) {
    mkdirSync(KEEP_DIR!, { recursive: true });
    writeFileSync(kept, `${JSON.stringify(result)}\n`);
  }
  return result;
}

function runFold(fold: number): Promise<FoldResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/train-ner.ts'], {
      env: { ...process.env, NER_TUNING_ONLY: '1', NER_FOLD: String(fold) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`fold ${fold}: train-ner exited ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '') as FoldResult);
      } catch (err) {
        reject(new Error(`fold ${fold}: no result line (${String(err)})`));
      }
    });
  });
}

async function main(): Promise<void> {
  const results: FoldResult[] = [];
  const queue = [...FOLDS];
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (let fold = queue.shift(); fold !== undefined; fold = queue.shift()) results.push(await foldResult(fold));
    }),
  );
  results.sort((a, b) => a.fold - b.fold);
  const mean = (f: (r: FoldResult) => number): number => results.reduce((n, r) => n + f(r), 0) / results.length;
  const types = Object.keys(results[0]?.withRules.byType ?? {});
  const summary = {
    folds: results.map((r) => ({ fold: r.fold, epochs: r.epochs, modelOnly: r.modelOnly.f1, withRules: r.withRules.f1, byType: r.withRules.byType })),
    meanModelOnly: Number(mean((r) => r.modelOnly.f1).toFixed(4)),
    meanWithRules: Number(mean((r) => r.withRules.f1).toFixed(4)),
    meanByType: Object.fromEntries(types.map((t) => [t, Number(mean((r) => r.withRules.byType[t] ?? 0).toFixed(4))])),
  };
  const text = `${JSON.stringify({ runs: Number(process.env.NER_RUNS ?? 3), ...summary }, null, 2)}\n`;
  writeFileSync(resolve(process.env.NER_OUT ?? DEFAULT_MODEL_DIR, 'cv.json'), text);
  process.stdout.write(text);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
