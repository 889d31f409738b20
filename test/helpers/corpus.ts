// Runs the real pipeline in-process over texts or a folder, for end-to-end tests.
import type { CorpusResult } from '../../src/core/corpus.js';
import { createContext } from '../../src/core/context.js';
import type { RawArticle } from '../../src/core/raw-article.js';
import { readInputs, toArticle } from '../../src/ingest/index.js';
import { defaultPipeline, describePipeline, runPipeline } from '../../src/pipeline/index.js';
import { buildReport, reportOrder, type Report } from '../../src/report/index.js';

export interface TextDoc {
  readonly path: string;
  /** A plain-text article as the text reader reads it: `date ... Outlet`, title, blank line, body. */
  readonly text: string;
}

function rawText(doc: TextDoc): RawArticle {
  return { source: { path: doc.path }, format: 'text', body: doc.text, hints: {}, encoding: 'utf-8', diagnostics: [] };
}

export function analyzeTexts(docs: readonly TextDoc[]): CorpusResult {
  const articles = reportOrder(docs.map((d) => toArticle(rawText(d))));
  return runPipeline(defaultPipeline(), articles, createContext());
}

export async function analyzeFolder(paths: readonly string[]): Promise<{ corpus: CorpusResult; report: Report }> {
  const articles = [];
  for await (const item of readInputs(paths)) if (item.ok) articles.push(toArticle(item.raw));
  const pipeline = defaultPipeline();
  const corpus = runPipeline(pipeline, reportOrder(articles), createContext());
  return { corpus, report: buildReport(corpus, { pipeline: describePipeline(pipeline) }) };
}
