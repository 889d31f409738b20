// The streamed report is byte for byte renderJson of the assembled report, whatever the sections hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createContext } from '../core/context.js';
import { analyzeStory } from '../engine/story-analysis.js';
import { defaultPipeline, describePipeline } from '../pipeline/registry.js';
import { runArticleStages } from '../pipeline/runner.js';
import { makeArticle } from '../../test/helpers/make-article.js';
import { renderJson } from './markdown.js';
import { assembleReport, writeReportStream } from './write-report-stream.js';
import { PARALLAX_VERSION } from '../core/version.js';

async function streamed(head: Parameters<typeof writeReportStream>[1], stories: Parameters<typeof assembleReport>[1] & unknown[]): Promise<string> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (b: Buffer) => parts.push(b));
  await writeReportStream(out, head, () => stories);
  out.end();
  return Buffer.concat(parts).toString('utf8');
}

const head = { generatedBy: { name: 'parallax' as const, version: PARALLAX_VERSION }, pipeline: describePipeline(defaultPipeline()) };

test('two stories stream to exactly renderJson of their concatenation, and it parses', async () => {
  const ctx = createContext();
  const stages = defaultPipeline().articleStages;
  const analyzed = (text: string, outlet: string) => runArticleStages(makeArticle(text, { outlet, published: '2026-03-11' }), stages, ctx);
  const s1 = analyzeStory('s1', [
    analyzed('Two people were hurt in Eastbrook on Monday, police said. "We are safe," said Mayor Ana Rook.', 'Daily Ledger'),
    analyzed('Three people were hurt in Eastbrook on Monday, officials said.', 'Northfield Courier'),
  ], defaultPipeline(), ctx);
  const s2 = analyzeStory('s2', [analyzed('The harbour bridge reopened on Friday after repairs "with \\"quotes\\" and\\nnewlines".', 'Coast Radio')], defaultPipeline(), ctx);
  const text = await streamed(head, [s1, s2]);
  assert.equal(text, renderJson(assembleReport(head, [s1, s2])));
  assert.equal(JSON.parse(text).articles.length, 3);
});

test('no stories stream to a report with every section empty', async () => {
  const text = await streamed(head, []);
  assert.equal(text, renderJson(assembleReport(head, [])));
  assert.deepEqual(JSON.parse(text).claims, []);
});
