import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTable, loadNerModel, tagDocument, type NerModel } from './ner-model.js';
import { TAG_COUNT } from './decode.js';

test('the weight table returns every stored row through its presence filter, and nothing for absent keys', () => {
  const n = 5000;
  const keys = new Int32Array(n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) | 0;
    keys[i] = x;
  }
  const weights = new Int16Array(n * TAG_COUNT).map((_, i) => (i % 7) - 3);
  const table = buildTable(keys, weights);
  const scores = new Float64Array(TAG_COUNT * 2);
  table.addScores(keys, 0, n, scores, TAG_COUNT);
  for (let t = 0; t < TAG_COUNT; t++) {
    let want = 0;
    for (let r = 0; r < n; r++) want += weights[r * TAG_COUNT + t]!;
    assert.equal(scores[TAG_COUNT + t], want);
    assert.equal(scores[t], 0);
  }
  const absent = Int32Array.from(keys, (k) => k ^ 0x5bd1e995);
  const none = new Float64Array(TAG_COUNT);
  table.addScores(absent.filter((k) => !keys.includes(k)), 0, 100, none, 0);
  assert.deepEqual([...none], new Array<number>(TAG_COUNT).fill(0));
});

test('cached word scores never leak between models or documents: tagging is the same in any order', () => {
  const a = [
    'Harbour officials in Velmora said Arcline Ferries would resume sailings to Skerrin .'.split(' '),
    'Mayor Dmytro Kovalskyy thanked the crews .'.split(' '),
  ];
  const b = ['The Northern Gazette reported that Irena Tarasova left Brennport on Monday .'.split(' ')];
  const model = loadNerModel();
  const first = JSON.stringify(tagDocument(a, model));
  tagDocument(b, model);
  assert.equal(JSON.stringify(tagDocument(a, model)), first);
  // A model with another (empty) table must not reuse the first table's cached word scores, nor leave its own behind.
  const novel = [['Chancellor', 'Ottla', 'Vrbenska', 'of', 'Halvoria', 'met', 'Brennock', 'Holdings', 'in', 'Quellport', '.']];
  const empty: NerModel = { ...model, table: { addScores: () => undefined } };
  tagDocument(novel, empty);
  const fresh: NerModel = { ...model, resources: { ...model.resources } };
  assert.equal(JSON.stringify(tagDocument(novel, model)), JSON.stringify(tagDocument(novel, fresh)));
  assert.equal(JSON.stringify(tagDocument(a, model)), first);
});
