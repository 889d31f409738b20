// The NER bench reads a CoNLL file, or a folder by its held-out test file (eng.testb) before its dev file (eng.testa).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { conllFile } from './ner.js';

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
