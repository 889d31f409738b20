// Whole-pipeline throughput: the bundled examples (or --data folder) and, when present, ECB+ dev documents' text.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Article } from '../src/core/article.js';
import { createContext } from '../src/core/context.js';
import { tokenize } from '../src/core/tokenize.js';
import { readInputs, toArticle } from '../src/ingest/index.js';
import { defaultPipeline, runPipeline } from '../src/pipeline/index.js';
import { reportOrder } from '../src/report/index.js';
import { loadEcbSplit } from './data/ecbplus.js';
import { SHARED_BENCH, type BenchResult, type BenchRun } from './types.js';

interface Throughput {
  readonly articles: number;
  readonly tokens: number;
  readonly seconds: number;
  /** Milliseconds per stage over all rounds. */
  readonly stages?: ReadonlyMap<string, number>;
}

function timePipeline(articles: readonly Article[], rounds: number): Throughput {
  const pipeline = defaultPipeline();
  const ordered = reportOrder(articles);
  runPipeline(pipeline, ordered.slice(0, 2), createContext()); // warm model loads and JIT
  const timings = new Map<string, number>();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) runPipeline(pipeline, ordered, createContext(), { timings });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const tokens = articles.reduce((n, a) => n + tokenize(a.text).length, 0);
  return { articles: articles.length * rounds, tokens: tokens * rounds, seconds, stages: timings };
}

/** One line per stage: its share of the time and its own articles/second. */
function stageLines(label: string, t: Throughput): string[] {
  const total = [...(t.stages ?? new Map<string, number>()).values()].reduce((a, b) => a + b, 0);
  return [...(t.stages ?? new Map<string, number>())].map(
    ([name, ms]) => `  ${label} ${name.padEnd(28)} ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${((t.articles * 1000) / ms).toFixed(0).padStart(8)} articles/s`,
  );
}

/** The alternative a user would otherwise reach for: compromise's sentence + people/places/organizations pass. */
async function timeCompromise(articles: readonly Article[], rounds: number): Promise<Throughput> {
  const nlp = (await import('compromise')).default;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) {
    for (const a of articles) {
      const doc = nlp(a.text);
      doc.sentences().out('array');
      doc.people().out('array');
      doc.places().out('array');
      doc.organizations().out('array');
    }
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const tokens = articles.reduce((n, a) => n + tokenize(a.text).length, 0);
  return { articles: articles.length * rounds, tokens: tokens * rounds, seconds };
}

async function readFolder(path: string): Promise<Article[]> {
  const out: Article[] = [];
  for await (const item of readInputs([path])) if (item.ok) out.push(toArticle(item.raw));
  return out.filter((a) => a.status !== 'failed');
}

function ecbArticles(dir: string): Article[] {
  return loadEcbSplit(dir).map((d) =>
    toArticle({ source: { path: `ecb-${d.topic}-${d.text.length}` }, format: 'text', body: d.text, hints: {}, encoding: 'utf-8', diagnostics: [] }),
  );
}

const rate = (t: Throughput) => ({ articlesPerSecond: t.articles / t.seconds, tokensPerSecond: t.tokens / t.seconds });

export const run: BenchRun = async (options): Promise<BenchResult> => {
  const data = options.data ?? fileURLToPath(new URL('../examples/', import.meta.url));
  const articles = await readFolder(data);
  if (!articles.length) throw new Error(`no readable articles in ${data}`);
  const rounds = Math.max(1, Math.ceil(200 / articles.length));
  options.log(`pipeline: ${articles.length} articles from ${data}, ${rounds} rounds`);
  const ours = timePipeline(articles, rounds);
  const base = await timeCompromise(articles, rounds);
  const notes: string[] = ['per stage (share of pipeline time, throughput of that stage alone):', ...stageLines('examples', ours)];
  const metrics: Record<string, number> = { ...rate(ours), peakRssMb: 0 };
  const ecbDir = fileURLToPath(new URL('ecbplus/dev', SHARED_BENCH));
  if (!options.data) {
    if (existsSync(ecbDir)) {
      const ecb = ecbArticles(ecbDir);
      options.log(`pipeline: ${ecb.length} ECB+ dev documents (text rebuilt from tokens)`);
      const t = timePipeline(ecb, 1);
      metrics.ecbArticlesPerSecond = t.articles / t.seconds;
      metrics.ecbTokensPerSecond = t.tokens / t.seconds;
      notes.push(`ECB+ dev: ${ecb.length} documents, ${t.tokens} tokens in ${t.seconds.toFixed(2)} s (whole corpus as one batch: stories, claims and compare included)`);
      notes.push(...stageLines('ecb+', t));
    } else {
      notes.push(`ECB+ dev not found at ${ecbDir}: only the examples were timed`);
    }
  }
  metrics.peakRssMb = process.resourceUsage().maxRSS / 1024;
  return { bench: 'pipeline', data: options.data ?? 'examples', metrics, baseline: { name: 'compromise (sentences + NER only)', metrics: rate(base) }, notes };
};
