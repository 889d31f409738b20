import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseByteSize } from './ingest-options.js';

test('byte sizes read plain counts and binary K, M, G suffixes; anything else is rejected', () => {
  assert.equal(parseByteSize('50000000'), 50_000_000);
  assert.equal(parseByteSize('64M'), 64 * 1024 * 1024);
  assert.equal(parseByteSize('1g'), 1024 ** 3);
  assert.equal(parseByteSize('512KiB'), 512 * 1024);
  assert.equal(parseByteSize('1.5k'), 1536);
  for (const bad of ['', 'lots', '-5', '0', '5T', '1e9']) assert.equal(parseByteSize(bad), null, bad);
});
