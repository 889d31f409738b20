// Measures each post-tagging name rule on CoNLL train's tuning slice: F1 with every rule, with none, and with each one off.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { countChunks, parseConll, scoreCounts, splitTraining, type ConllDocument, type EntityScores, type PrfCounts } from '../src/stages/entities/conll.js';
import { loadNerModel, tagDocument, type NerModel } from '../src/stages/entities/ner-model.js';
import { NAME_RULES, type NameRule } from '../src/stages/entities/name-rules.js';

/**
 * Usage: NER_TUNING_OUT=DIR npm run train:ner (DIR holding clusters.bin and gazetteers.tsv) writes a model trained
 * without the tuning slice; then `npx tsx scripts/ner-rule-ablation.ts DIR`. The shipped model saw the slice in
 * training, so it cannot measure the rules there.
 */
function score(docs: readonly ConllDocument[], model: NerModel, off: ReadonlySet<NameRule>): EntityScores {
  const counts = new Map<number, PrfCounts>();
  for (const d of docs) {
    const chunks = tagDocument(d.map((s) => s.tokens), model, off);
    d.forEach((s, i) => countChunks(counts, s.chunks, chunks[i]!));
  }
  return scoreCounts(counts);
}

function main(): void {
  const dir = process.argv[2];
  const train = resolve(process.cwd(), '../shared/bench/conll2003/eng.train');
  if (!dir || !existsSync(resolve(dir, 'model.bin.gz')) || !existsSync(train)) {
    process.stderr.write('usage: npx tsx scripts/ner-rule-ablation.ts DIR (a model trained with NER_TUNING_OUT=DIR; needs ../shared/bench/conll2003/eng.train)\n');
    process.exitCode = 2;
    return;
  }
  const model = loadNerModel(resolve(dir));
  const tuning = splitTraining(parseConll(readFileSync(train, 'utf8'))).tuning;
  const all = score(tuning, model, new Set());
  const none = score(tuning, model, new Set(NAME_RULES));
  const f = (x: number): string => (x * 100).toFixed(2);
  process.stdout.write(`tuning slice (${tuning.length} documents): all rules F1 ${f(all.f1)} (ORG ${f(all.byType.ORG!.f1)}), no rules ${f(none.f1)} (ORG ${f(none.byType.ORG!.f1)})\n`);
  for (const rule of NAME_RULES) {
    const s = score(tuning, model, new Set([rule]));
    const delta = (all.f1 - s.f1) * 100;
    process.stdout.write(`${rule.padEnd(20)} off: F1 ${f(s.f1)}  rule worth ${delta >= 0 ? '+' : ''}${delta.toFixed(2)}\n`);
  }
}

main();
