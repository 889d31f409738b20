// Decoding: Viterbi returns the highest-scoring valid BILOU path (checked against brute force), and the second pass is a real one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowed, decodeDocument, TAG_COUNT, tagPosition, tagType, type WeightTable } from './decode.js';
import { documentFeatures, dynamicFeatures, neighbour, ROLE_COUNT, transitionFeatures, type DocumentFeatures } from './features.js';
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

/** A table of pseudo-random integer weights for every key: transition and dynamic keys swing decisions far more than in the real model. */
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

/** The score the model gives tag `tag` at token t after `prev`, summed key by key (no caches). */
function tokenScore(doc: DocumentFeatures, table: WeightTable, t: number, n: number, prev: number, tag: number): number {
  const keys: number[] = [...doc.words[t]!.local];
  for (let r = 0; r < ROLE_COUNT; r++) keys.push(...neighbour(doc.words, t, 0, n, r).roles[r]!);
  for (let k = doc.keyStart[t]!; k < doc.keyStart[t + 1]!; k++) keys.push(doc.keys[k]!);
  dynamicFeatures(keys, prev, doc.words[t]!.lowerHash, doc.words[t]!.shapeHash);
  transitionFeatures(keys, prev);
  const scores = new Float64Array(TAG_COUNT);
  table.addScores(keys, 0, keys.length, scores, 0);
  return scores[tag]!;
}

/** Whether a tagging path keeps the decoder's constraints: valid transitions, names over continuing words, no person on a title. */
function valid(doc: DocumentFeatures, path: readonly number[]): boolean {
  const n = path.length;
  return path.every((tag, i) => {
    if (!allowed(i === 0 ? -1 : path[i - 1]!, tag, i === n - 1)) return false;
    const p = tagPosition(tag);
    if ((p === 0 || p === 1) && !doc.words[i + 1]?.continues) return false;
    if ((p === 1 || p === 2) && !doc.words[i]!.continues) return false;
    return !(doc.titles[i] === 1 && tagType(tag) === 0);
  });
}

test('Viterbi finds the best-scoring valid path: the same score as trying every path', () => {
  const model = loadNerModel();
  const sentences = [split('Mayor Ivo Marek said'), split('Arcline Ferries of Velmora'), split('in Port Halvo .'), split('Skerrin')];
  for (let seed = 1; seed <= 12; seed++) {
    const table = randomTable(seed);
    for (const sentence of sentences) {
      const doc = documentFeatures([sentence], model.resources);
      const n = sentence.length;
      const decoded = [...decodeDocument(doc, table, undefined, 1)[0]!];
      const score = (path: readonly number[]): number => path.reduce((sum, tag, i) => sum + tokenScore(doc, table, i, n, i === 0 ? -1 : path[i - 1]!, tag), 0);
      assert.ok(valid(doc, decoded), `invalid path ${decoded.join(',')}`);
      let bestScore = -Infinity;
      const path = new Array<number>(n).fill(0);
      const visit = (i: number): void => {
        if (i === n) {
          if (valid(doc, path)) bestScore = Math.max(bestScore, score(path));
          return;
        }
        for (let tag = 0; tag < TAG_COUNT; tag++) {
          path[i] = tag;
          if (allowed(i === 0 ? -1 : path[i - 1]!, tag, i === n - 1)) visit(i + 1);
        }
      };
      visit(0);
      assert.equal(score(decoded), bestScore, `seed ${seed}: ${sentence.join(' ')}`);
    }
  }
});

test('the second pass is a real one: what the first pass said elsewhere in the document changes tags', () => {
  const model = loadNerModel();
  // Random weights make the document-history keys swing decisions, so some document must change between passes.
  const changed = Array.from({ length: 10 }, (_, i) => randomTable(100 + i)).some((table) =>
    DOCUMENTS.some((doc) => {
      const features = documentFeatures(doc, model.resources);
      return JSON.stringify(decodeDocument(features, table, undefined, 1).map((t) => [...t])) !== JSON.stringify(decodeDocument(features, table, undefined, 2).map((t) => [...t]));
    }),
  );
  assert.ok(changed, 'no document where the second pass changes a tag');
});
