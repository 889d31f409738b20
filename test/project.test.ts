// Project-level checks: the version stamp and the committed JSON Schema stay in step with their sources.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PARALLAX_VERSION } from '../src/core/version.js';
import { checkPipeline, defaultPipeline } from '../src/pipeline/index.js';
import { reportJsonSchema } from '../src/report/index.js';

const read = (p: string): string => readFileSync(new URL(`../${p}`, import.meta.url), 'utf8');

test('the version stamped on reports is package.json\'s', () => {
  assert.equal(PARALLAX_VERSION, (JSON.parse(read('package.json')) as { version: string }).version);
});

test('schema/report-v1.schema.json is generated from the zod schema (run npm run schema)', () => {
  assert.deepEqual(JSON.parse(read('schema/report-v1.schema.json')), reportJsonSchema());
});

test('the default pipeline is valid: every requirement is provided by an earlier stage', () => {
  const check = checkPipeline(defaultPipeline());
  assert.deepEqual(check.problems, []);
  const names = check.order.map((o) => o.stage);
  assert.ok(names.every((n) => /^parallax\.[a-z-]+\.v\d+$/.test(n)), names.join(', '));
});
