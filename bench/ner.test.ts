// The NER bench reads a CoNLL file, or a folder by its held-out test file (eng.testb) before its dev file (eng.testa).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { confirmHalfSeen, conllFile } from './ner.js';

test('a folder is read by eng.testb when present, else eng.testa; a file path is kept', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ner-bench-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'eng.testa'), '-DOCSTART- -X- O O\n');
  assert.equal(conllFile(dir), join(dir, 'eng.testa'));
  writeFileSync(join(dir, 'eng.testb'), '-DOCSTART- -X- O O\n');
  assert.equal(conllFile(dir), join(dir, 'eng.testb'));
  assert.equal(conllFile(join(dir, 'eng.testa')), join(dir, 'eng.testa'));
  assert.equal(conllFile(join(dir, 'missing')), join(dir, 'missing'));
});

test('the confirm half counts as seen only for eng.testa and only when training.json says the model learned from it', () => {
  const withDev = { trainedOn: { train: 946, devConfirm: 108 } };
  assert.equal(confirmHalfSeen('/data/conll2003/eng.testa', withDev), true);
  assert.equal(confirmHalfSeen('/data/conll2003/eng.testb', withDev), false);
  assert.equal(confirmHalfSeen('/data/conll2003/eng.testa', { trainedOn: { train: 946, devConfirm: 0 } }), false);
  assert.equal(confirmHalfSeen('/data/conll2003/eng.testa', {}), false);
});
