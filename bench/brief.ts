// `brief` bench: word count of the Markdown brief (and whether every brief line is cited) for the demo, the planted stories, ECB+ sub-events and GVC incidents.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext } from '../src/core/context.js';
import type { RawArticle } from '../src/core/raw-article.js';
import { readInputs, toArticle } from '../src/ingest/index.js';
import { defaultPipeline, describePipeline, runPipeline } from '../src/pipeline/index.js';
import { buildReport, renderMarkdown, reportOrder, wordCount } from '../src/report/index.js';
import { BRIEF_DEFAULTS } from '../src/corpus/brief/index.js';
import { loadEcbSplit } from './data/ecbplus.js';
import { BenchDataMissing, SHARED_BENCH, type BenchMetrics, type BenchRun } from './types.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Articles fed per real story: the issue's "five-article story". */
const STORY_SIZE = 5;
/** The issue's budget: two screens. */
const WORD_BUDGET = 1200;

interface Measured {
  readonly name: string;
  readonly articles: number;
  /** `wc -w` of the capped Markdown, and the words a reader sees in it (tokens with a letter or digit; no pipes or bullets). */
  readonly words: number;
  readonly readerWords: number;
  /** Words of the `--full` Markdown: every line, as the brief was before it was capped. */
  readonly fullWords: number;
  readonly lines: number;
  /** Brief cites longer than BRIEF_DEFAULTS.maxCite characters (conflict cites are whole sentences), and the longest. */
  readonly longCites: number;
  readonly longestCite: number;
  /** Brief lines ("- ..." under a section) without a cite. */
  readonly uncited: number;
}

function measure(name: string, raws: readonly RawArticle[]): Measured {
  const articles = reportOrder(raws.map((r) => toArticle(r)));
  const pipeline = defaultPipeline();
  const corpus = runPipeline(pipeline, articles, createContext());
  const report = buildReport(corpus, { pipeline: describePipeline(pipeline) });
  const md = renderMarkdown(report);
  const full = renderMarkdown(report, { full: true });
  const cites = report.brief.flatMap((b) => b.cites.map((c) => c.end - c.start));
  const bullets = md.split('\n').filter((l) => l.startsWith('- '));
  return { name, articles: articles.length, words: wordCount(md), readerWords: md.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length, fullWords: wordCount(full), lines: bullets.length, longCites: cites.filter((n) => n > BRIEF_DEFAULTS.maxCite).length, longestCite: Math.max(0, ...cites), uncited: bullets.filter((l) => !/\[[^\]]* [\w-]+:\d+-\d+\]/.test(l)).length };
}

async function readFolder(paths: readonly string[]): Promise<RawArticle[]> {
  const out: RawArticle[] = [];
  for await (const item of readInputs(paths)) if (item.ok) out.push(item.raw);
  return out;
}

function textRaw(path: string, body: string): RawArticle {
  return { source: { path }, format: 'text', body, hints: {}, encoding: 'utf-8', diagnostics: [] };
}

/** The first STORY_SIZE documents of every ECB+ sub-event that has that many, as plain text in memory. */
function ecbStories(dir: string): { name: string; raws: RawArticle[] }[] {
  const docs = loadEcbSplit(dir);
  const subtopics = [...new Set(docs.map((d) => d.subtopic))];
  return subtopics.flatMap((s) => {
    const members = docs.filter((d) => d.subtopic === s).slice(0, STORY_SIZE);
    return members.length < STORY_SIZE ? [] : [{ name: `ecb ${s}`, raws: members.map((d) => textRaw(`${d.name}.txt`, d.text)) }];
  });
}

/** GVC incidents with three or more articles, read from disk as the CLI would. */
function gvcStories(dir: string): { name: string; paths: string[] }[] {
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as { incidents: Record<string, { docs: string[] }> };
  return Object.entries(gold.incidents)
    .filter(([, i]) => i.docs.length >= 3)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, i]) => ({ name: `gvc ${id}`, paths: i.docs.slice(0, STORY_SIZE).map((d) => join(dir, 'txt', `${d}.txt`)) }));
}

function summarize(prefix: string, rows: readonly Measured[]): BenchMetrics {
  if (!rows.length) return {};
  const words = rows.map((r) => r.words).sort((a, b) => a - b);
  return {
    [`${prefix}.stories`]: rows.length,
    [`${prefix}.words.median`]: words[Math.floor(words.length / 2)] ?? 0,
    [`${prefix}.words.max`]: words[words.length - 1] ?? 0,
    [`${prefix}.fullWords.median`]: [...rows.map((r) => r.fullWords)].sort((a, b) => a - b)[Math.floor(rows.length / 2)] ?? 0,
    [`${prefix}.overBudget`]: rows.filter((r) => r.words > WORD_BUDGET).length,
    [`${prefix}.uncitedLines`]: rows.reduce((s, r) => s + r.uncited, 0),
    [`${prefix}.longCites`]: rows.reduce((s, r) => s + r.longCites, 0),
    [`${prefix}.longestCite`]: Math.max(0, ...rows.map((r) => r.longestCite)),
  };
}

export const run: BenchRun = async ({ data, log }) => {
  const shared = data ? resolve(data) : fileURLToPath(SHARED_BENCH);
  const ecbDir = join(shared, 'ecbplus', 'dev');
  const gvcDir = join(shared, 'gvc', 'dev');
  if (!existsSync(ecbDir) && !existsSync(gvcDir)) throw new BenchDataMissing(shared, 'ecbplus/dev or gvc/dev');
  const rows: { group: string; m: Measured }[] = [];
  const add = (group: string, m: Measured): void => {
    rows.push({ group, m });
    log(`${m.name.padEnd(40)} ${String(m.articles).padStart(3)} articles ${String(m.words).padStart(6)} words (reader ${String(m.readerWords).padStart(6)}; --full ${String(m.fullWords).padStart(6)}) ${String(m.lines).padStart(4)} lines${m.uncited ? ` ${m.uncited} uncited` : ''}`);
  };
  add('demo', measure('demo (examples/)', await readFolder([join(ROOT, 'examples')])));
  const storiesDir = join(ROOT, 'test', 'stories');
  for (const s of readdirSync(storiesDir).filter((f) => statSync(join(storiesDir, f)).isDirectory()).sort()) {
    add('planted', measure(`planted ${s}`, await readFolder([join(storiesDir, s)])));
  }
  if (existsSync(ecbDir)) for (const s of ecbStories(ecbDir)) add('ecb', measure(s.name, s.raws));
  if (existsSync(gvcDir)) for (const s of gvcStories(gvcDir)) add('gvc', measure(s.name, await readFolder(s.paths)));
  const metrics: BenchMetrics = Object.assign(
    {},
    ...['demo', 'planted', 'ecb', 'gvc'].map((g) => summarize(g, rows.filter((r) => r.group === g).map((r) => r.m))),
  );
  return { bench: 'brief', data: data ?? null, metrics, notes: [`budget: ${WORD_BUDGET} words per brief; ECB+ stories are the first ${STORY_SIZE} documents of each sub-event`] };
};
