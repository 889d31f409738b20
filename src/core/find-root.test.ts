// findRoot: roots of union-find sets, with the paths it walked compressed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findRoot } from './find-root.js';

test('findRoot gives each set its root and points every element it passed straight at it', () => {
  const parent = [0, 0, 1, 2, 4];
  assert.equal(findRoot(parent, 3), 0);
  assert.deepEqual(parent, [0, 0, 0, 0, 4]);
  assert.equal(findRoot(parent, 4), 4);
});
