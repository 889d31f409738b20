import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isJsWhiteSpace } from './js-white-space.js';

test('isJsWhiteSpace is /\\s/ on every BMP code unit', () => {
  for (let c = 0; c < 0x10000; c++) assert.equal(isJsWhiteSpace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
});
