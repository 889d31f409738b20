// Decoding: the second pass's replay of unchanged first-pass decisions gives exactly the tags of a full recomputation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeDocument, TAG_COUNT, type WeightTable } from './decode.js';
import { documentFeatures } from './features.js';
import { loadNerModel } from './ner-model.js';

const split = (s: string): string[] => s.split(' ');

/** Fictional reporting with the traps that make the second pass change tags: a name first seen alone, in headlines, lower-case look-alikes. */
const DOCUMENTS: readonly (readonly string[])[][] = [
  [
    split('VELMORA FERRY STRIKE ENDS'),
    split('VELMORA 1996-08-22'),
    split('Dockworkers in Velmora ended a nine-day strike on Thursday , the Arcline Ferries union said .'),
    split('Arcline said sailings to Skerrin and Port Halvo would resume at dawn .'),
    split('" We are back , " said Ottla Vrbenska , who leads the Velmora branch of the union .'),
    split('Vrbenska told the Northern Gazette that Brennock Holdings Inc had offered a new contract .'),
    split('Brennock shares rose 4.5 percent ; the port of velmora reopened .'),
  ],
  [
    split('Halvoria beat Quellport 3-1 in the Skerrin Cup on Sunday .'),
    split('Dmytro Kovalskyy scored twice for Halvoria , whose coach Ivo Marek was sent off .'),
    split('Kovalskyy , Marek and Quellport captain Lena Ostrova were booked .'),
    split('Quellport lost at home to Brennport last week .'),
    split('Mayor Ostrova of Brennport said the Cup final would be held in May .'),
  ],
];

/** A table of pseudo-random integer weights for every key: history and transition keys swing decisions far more than in the real model. */
function randomTable(seed: number): WeightTable {
  return {
    addScores(keys: ArrayLike<number>, from: number, to: number, scores: Float64Array, at: number): void {
      for (let k = from; k < to; k++) {
        for (let t = 0; t < TAG_COUNT; t++) {
          const h = Math.imul(keys[k]! ^ Math.imul(t + 1, 0x9e3779b1) ^ seed, 0x85ebca6b);
          scores[at + t] = scores[at + t]! + (((h ^ (h >>> 15)) >>> 20) & 255) - 128;
        }
      }
    },
  };
}

test('the second pass replays unchanged first-pass decisions: the same tags as recomputing every token', () => {
  const model = loadNerModel();
  const tables = [model.table, ...Array.from({ length: 40 }, (_, i) => randomTable(i + 1))];
  for (const table of tables) {
    for (const doc of DOCUMENTS) {
      const features = documentFeatures(doc, model.resources);
      const fast = decodeDocument(features, table, undefined, 2, true).map((t) => [...t]);
      const full = decodeDocument(features, table, undefined, 2, false).map((t) => [...t]);
      assert.deepEqual(fast, full);
    }
  }
  // The second pass really is a second pass here: it differs from the first somewhere in these documents, or the test proves little.
  const changed = DOCUMENTS.some((doc) => {
    const features = documentFeatures(doc, model.resources);
    return JSON.stringify(decodeDocument(features, model.table, undefined, 1).map((t) => [...t])) !== JSON.stringify(decodeDocument(features, model.table, undefined, 2).map((t) => [...t]));
  });
  assert.ok(changed, 'no document where the second pass changes a tag');
});
