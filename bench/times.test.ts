// The times bench's loss split: misses, unannotated finds and wrong values each scored as if put right alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lossSplit } from './times.js';

test('the loss split counts misses, unannotated finds and wrong values, with the value F1 each fix alone would give', () => {
  // 10 gold, 10 found, 8 matched, 6 of them with the right value: F1 0.6.
  const line = lossSplit({ gold: 10, system: 10, strict: 7, relaxed: 8, valueCorrect: 6, typeCorrect: 8 });
  assert.match(line, /^value F1 0\.600: /);
  // Two misses found right: 8 correct of 12 found.
  assert.match(line, /\(a\) missed 2 \(0\.727 if found right\)/);
  // Two unannotated finds dropped: 6 correct of 8 found.
  assert.match(line, /\(b\) unannotated finds 2 \(0\.667 if not emitted\)/);
  // Two wrong values put right: 8 correct of 10 found.
  assert.match(line, /\(c\) wrong values on matched extents 2 \(0\.800 if right\)/);
});
