// Use-case: read an NDJSON corpus export (articles with stage versions, failures, reports, story rows, engine state) into a store; idempotent by content hash, so a rerun adds nothing twice.
import type { Article } from '../core/article.js';
import { ParallaxError } from '../core/errors.js';
import type { Report } from '../report/schema.js';
import type { AnalyzedArticle, StageVersions, Store, StoredFailure, StoredStory } from '../store/store.js';
import { CORPUS_FORMATS } from './export-corpus.js';

export interface ImportSummary {
  readonly articles: number;
  readonly alreadyStored: number;
  readonly failures: number;
  readonly reports: number;
  readonly stories: number;
  /** Engine state rows written (0 when the target already had engine state of its own, which is kept). */
  readonly engineRows: number;
}

const BATCH = 64;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function bad(where: string, why: string): ParallaxError {
  return new ParallaxError('PX102', `${where}: ${why}. Is this a file written by "parallax export"?`);
}

function asArticle(x: unknown, where: string): Article {
  if (!isObject(x) || typeof x.id !== 'string' || typeof x.contentHash !== 'string' || typeof x.text !== 'string' || !isObject(x.meta) || !isObject(x.layers)) {
    throw bad(where, 'an article record lacks id, contentHash, text, meta or layers');
  }
  return x as unknown as Article;
}

function asStages(x: unknown, where: string): StageVersions | undefined {
  if (x === undefined) return undefined;
  if (!isObject(x) || !Object.values(x).every((v) => typeof v === 'string')) throw bad(where, 'an article record has stage versions that are not names to strings');
  return x as StageVersions;
}

function asStory(x: unknown, where: string): StoredStory {
  if (!isObject(x) || !isObject(x.summary) || typeof x.summary.id !== 'string' || !Array.isArray(x.articleIds) || !Array.isArray(x.absorbed) || !isObject(x.report)) {
    throw bad(where, 'a story record lacks summary, articleIds, absorbed or report');
  }
  return x as unknown as StoredStory;
}

function asFailure(x: unknown, where: string): StoredFailure {
  if (!isObject(x) || typeof x.at !== 'string' || !isObject(x.failure) || !Array.isArray(x.failure.diagnostics)) throw bad(where, 'a failure record lacks failure or at');
  return x as unknown as StoredFailure;
}

/** Stable text of a failure, to skip ones the target already holds. */
function failureKey(f: StoredFailure): string {
  return JSON.stringify([f.at, f.failure.source, f.failure.diagnostics]);
}

/**
 * Reads records line by line (memory bounded by one batch). Articles keep their layers and stage versions exactly as
 * exported; an article the target already holds (same content hash) is left as it is, a failure already recorded is
 * not recorded twice, reports and story rows are replaced. Engine state is written only into a target that has none
 * (an empty or engine-less database); a target with its own story index keeps it, and assigns the imported
 * articles on its next analysis (their stages still do not run again).
 */
export async function importCorpus(store: Store, lines: AsyncIterable<string>, name = 'input'): Promise<ImportSummary> {
  // Take the iterator before the first await: a readline interface drops lines emitted before anyone iterates.
  const iterator = lines[Symbol.asyncIterator]();
  let lineNo = 0;
  let header = false;
  let articles = 0;
  let alreadyStored = 0;
  let reports = 0;
  let stories: StoredStory[] = [];
  let storiesAdded = 0;
  const flushStories = async (): Promise<void> => {
    if (!stories.length) return;
    await store.replaceStories(stories, []);
    storiesAdded += stories.length;
    stories = [];
  };
  let pending: { readonly article: Article; readonly stages: StageVersions | undefined }[] = [];
  // The target's own engine state (its story index) is kept: the exported one describes another set of articles.
  const ownEngineState = (await store.listEngineState('')).length > 0;
  let engine: { key: string; value: string }[] = [];
  let engineRows = 0;
  const flushEngine = async (): Promise<void> => {
    if (!engine.length) return;
    await store.putEngineState(engine);
    engineRows += engine.length;
    engine = [];
  };
  const knownFailures = new Set((await store.listFailures()).map(failureKey));
  let failures: StoredFailure[] = [];
  let failuresAdded = 0;
  const flushArticles = async (): Promise<void> => {
    if (!pending.length) return;
    const results = await store.putArticles(pending.map((p) => p.article));
    // An inserted article keeps the stage versions that produced its layers, so the engine does not run them again.
    const analyzed: AnalyzedArticle[] = [];
    results.forEach((r, i) => {
      const { article, stages } = pending[i]!;
      if (r.inserted && stages) analyzed.push({ article, stages });
      r.inserted ? articles++ : alreadyStored++;
    });
    await store.saveAnalyzedArticles(analyzed);
    pending = [];
  };
  const flushFailures = async (): Promise<void> => {
    // recordFailures stamps one time on a call: consecutive failures of one time go together, in order.
    let i = 0;
    while (i < failures.length) {
      const at = failures[i]!.at;
      let j = i;
      while (j < failures.length && failures[j]!.at === at) j++;
      await store.recordFailures(failures.slice(i, j).map((f) => f.failure), at);
      failuresAdded += j - i;
      i = j;
    }
    failures = [];
  };
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    const raw = next.value;
    lineNo++;
    const where = `${name}:${lineNo}`;
    if (!raw.trim()) continue;
    let record: unknown;
    try {
      record = JSON.parse(raw);
    } catch (err) {
      throw bad(where, `not JSON (${(err as Error).message})`);
    }
    if (!isObject(record)) throw bad(where, 'a record is not an object');
    if (!header) {
      if (record.kind !== 'header' || typeof record.format !== 'string' || !CORPUS_FORMATS.includes(record.format)) throw bad(where, `the first line is not a ${CORPUS_FORMATS.join(' or ')} header`);
      header = true;
      continue;
    }
    switch (record.kind) {
      case 'article':
        pending.push({ article: asArticle(record.article, where), stages: asStages(record.stages, where) });
        if (pending.length >= BATCH) await flushArticles();
        break;
      case 'failure': {
        const f = asFailure(record.failure, where);
        if (!knownFailures.has(failureKey(f))) {
          knownFailures.add(failureKey(f));
          failures.push(f);
          if (failures.length >= BATCH) await flushFailures();
        }
        break;
      }
      case 'report':
        if (typeof record.key !== 'string' || !isObject(record.report)) throw bad(where, 'a report record lacks key or report');
        await store.saveReport(record.key, record.report as unknown as Report);
        reports++;
        break;
      case 'story':
        stories.push(asStory(record.story, where));
        if (stories.length >= BATCH) await flushStories();
        break;
      case 'engine':
        if (typeof record.key !== 'string' || typeof record.value !== 'string') throw bad(where, 'an engine record lacks key or value');
        if (ownEngineState) break;
        engine.push({ key: record.key, value: record.value });
        if (engine.length >= BATCH) await flushEngine();
        break;
      default:
        throw bad(where, `unknown record kind ${JSON.stringify(record.kind)}`);
    }
  }
  if (!header) throw bad(name, 'empty file');
  await flushArticles();
  await flushFailures();
  await flushStories();
  await flushEngine();
  return { articles, alreadyStored, failures: failuresAdded, reports, stories: storiesAdded, engineRows };
}
