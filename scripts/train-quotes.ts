// `npm run train:quotes`: learns the quotes stage's cue weights, cue precision, content-end, source-bounds and attribution models from PolNeAR train only and writes their modules.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { attributionModelModule } from '../src/stages/quotes/attribution-model.js';
import { layersOf, loadDocs } from '../bench/quotes.js';
import { learnCueModel, precisionModule, weightsModule } from '../bench/quotes-learn.js';
import { SHARED_BENCH } from '../bench/types.js';

/**
 * Everything is learned from the train split given (default ../shared/bench/polnear/train); dev is never read. The
 * settings (learnedCueRate, minAttributionProbability) were chosen on the train fold the quotes bench scores
 * (learned on the even-indexed articles, scored on the odd-indexed ones); the words' minimum count (4, was 8) and the
 * phrase rows were compared on half of each (learned on train articles 0, 4, 8, ..., scored on 1, 5, 9, ...);
 * learnedPhraseRate (0.15) was set, not searched.
 */
const dir = process.argv[2] ?? fileURLToPath(new URL('polnear/train/', SHARED_BENCH));
const { docs } = loadDocs(dir);
const { weights, precision, proposer, words, contentEnd, cuts, sourceBounds, spans, attribution, examples } = learnCueModel(docs, layersOf(docs));
const out = (name: string): string => fileURLToPath(new URL(`../src/stages/quotes/${name}`, import.meta.url));
writeFileSync(out('learned-cues.ts'), weightsModule(weights, docs.length));
writeFileSync(out('learned-cue-precision.ts'), precisionModule(precision, docs.length));
writeFileSync(out('learned-cue-proposer.ts'), attributionModelModule(proposer, docs.length, words, 'CUE_PROPOSER', 'candidate words'));
writeFileSync(out('learned-content-end-model.ts'), attributionModelModule(contentEnd, docs.length, cuts, 'CONTENT_END', 'content cut points'));
writeFileSync(out('learned-source-bounds-model.ts'), attributionModelModule(sourceBounds, docs.length, spans, 'SOURCE_BOUNDS', 'candidate speaker spans'));
writeFileSync(out('learned-attribution-model.ts'), attributionModelModule(attribution, docs.length, examples));
process.stdout.write(
  `${weights.length} words (${weights.filter((w) => w.word.includes(' ')).length} of them a word and a preposition), ${precision.length} cue precisions, ${proposer.weights.size} cue proposer weights from ${words} candidate words, ${contentEnd.weights.size} content-end weights from ${cuts} cut points, ${sourceBounds.weights.size} source-bounds weights from ${spans} candidate speaker spans, ${attribution.weights.size} attribution weights from ${examples} prose attributions, ${docs.length} articles\n`,
);
