import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isJunkByline, parseByline } from './parse-byline.js';

test('bylines split person, wire credit and outlet', () => {
  assert.deepEqual(parseByline('By Jane Doe'), { byline: 'Jane Doe', credits: [], outlet: null });
  assert.deepEqual(parseByline('By Jane Doe, Reuters'), { byline: 'Jane Doe', credits: ['Reuters'], outlet: null });
  assert.deepEqual(parseByline('By Jane Doe | Harbor Courier'), { byline: 'Jane Doe', credits: [], outlet: 'Harbor Courier' });
  assert.equal(parseByline('By Jane Doe and Omar Vidal').byline, 'Jane Doe and Omar Vidal');
  assert.equal(parseByline('By Jane Doe, Staff Writer').byline, 'Jane Doe');
});

test('junk bylines are rejected', () => {
  for (const junk of ['Published by Harbor Courier', 'Staff', 'Watermark feed', 'November 19, 2019', 'admin', 'https://x.example/jane', 'Associated Press']) {
    assert.ok(isJunkByline(junk), junk);
  }
  assert.equal(parseByline('By Staff').byline, null);
  assert.ok(!isJunkByline('Halla Morn'));
});
