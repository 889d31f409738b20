import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expandInputs, globToRegExp, type ExpandedInput } from './expand-inputs.js';
import { tempDir } from '../../test/helpers/temp-dir.js';


test('glob patterns: * stays in one segment, ** crosses segments, ? is one character', () => {
  assert.ok(globToRegExp('in/*.txt').test('in/a.txt'));
  assert.ok(!globToRegExp('in/*.txt').test('in/sub/a.txt'));
  assert.ok(globToRegExp('in/**/*.txt').test('in/a.txt'));
  assert.ok(globToRegExp('in/**/*.txt').test('in/x/y/a.txt'));
  assert.ok(globToRegExp('day-?.html').test('day-1.html'));
  assert.ok(!globToRegExp('a.b').test('aXb'));
});

test('folders expand recursively in sorted order and skip dotfiles and dot-folders', async () => {
  const dir = tempDir('parallax-expand-');
  mkdirSync(path.join(dir, 'b'));
  mkdirSync(path.join(dir, '.git'));
  for (const f of ['b/2.txt', 'a.txt', 'c.txt', '.hidden.txt', '.git/x.txt']) writeFileSync(path.join(dir, f), 'x');
  const out: ExpandedInput[] = [];
  for await (const e of expandInputs([dir, '-'])) out.push(e);
  assert.deepEqual(
    out.map((e) => (e.kind === 'file' ? path.relative(dir, e.path) : e.kind)),
    ['a.txt', path.join('b', '2.txt'), 'c.txt', 'stdin'],
  );
});
