// `npm run bench -- story-update`: one more article into a 50-article story of a large stored corpus, timed until that story's report is stored again, with the store rows the update reads.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article } from '../src/core/article.js';
import { createContext } from '../src/core/context.js';
import { emptyCorpus } from '../src/core/corpus.js';
import { articleFeatures } from '../src/corpus/stories/article-features.js';
import { DEFAULT_COALESCE, StoryEngine } from '../src/engine/story-engine.js';
import { closedIndexRows, STORY_INDEX_DEFAULTS, STORY_INDEX_PREFIX, type ClosedStory } from '../src/engine/story-index.js';
import { toArticle } from '../src/ingest/index.js';
import { defaultPipeline, describePipeline } from '../src/pipeline/registry.js';
import { buildReport } from '../src/report/build-report.js';
import type { Store, StoredStory } from '../src/store/store.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { newsStream } from './data/news-stream.js';
import type { BenchOptions, BenchResult, BenchRun } from './types.js';

/** Store reads whose results are rows (articles, story rows, engine-state rows, stage versions, story ids). */
const READS = ['getArticle', 'listArticles', 'getStageVersions', 'getEngineState', 'listEngineState', 'getStory', 'storyOfArticles', 'listStories', 'listArticleHeaders', 'search', 'loadReport'] as const;

/** A store that counts the rows its reads return (an array's items, a map's entries, a page's items, one object). */
export function countingStore(store: Store): { store: Store; rows: () => number; reset: () => void } {
  let rows = 0;
  const count = (out: unknown): void => {
    if (Array.isArray(out)) rows += out.length;
    else if (out instanceof Map) rows += out.size;
    else if (out && typeof out === 'object' && 'items' in out && Array.isArray(out.items)) rows += out.items.length;
    else if (out) rows += 1;
  };
  const counted = new Proxy(store, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      if (!(READS as readonly (string | symbol)[]).includes(key)) return value.bind(target);
      return async (...args: unknown[]) => {
        const out: unknown = await value.apply(target, args);
        count(out);
        return out;
      };
    },
  });
  return { store: counted, rows: () => rows, reset: () => void (rows = 0) };
}

export interface CorpusPlan {
  /** Articles in the whole corpus: background + recent + the target story's articles. */
  readonly size: number;
  /** Articles of the target story before the timed update. */
  readonly story: number;
  /** Articles that arrive through the engine (every stage, story assignment) beside the target story's. */
  readonly recent: number;
  readonly seed: number;
  /** Articles handed to the engine at once. */
  readonly batch: number;
}

export interface FilledCorpus {
  /** Background articles stored (ingest only) and their closed stories. */
  readonly background: number;
  readonly backgroundStories: number;
  readonly dfKeys: number;
  /** The story holding most of the target's articles after the engine phase, and how many of them it holds. */
  readonly story: string;
  readonly held: number;
  /** The articles of the target story still to arrive (the timed update adds the first). */
  readonly next: Article[];
}

/** Keys a background story's summed features keep (the index's centroid budget). */
const CENTROID_KEYS = STORY_INDEX_DEFAULTS.centroidKeys;
/** Background articles generated, read and stored per transaction. */
const CHUNK = 1000;

function trimmed(sum: Map<string, number>): Map<string, number> {
  if (sum.size <= 2 * CENTROID_KEYS) return sum;
  return new Map([...sum].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, CENTROID_KEYS));
}

/**
 * Fills a store with a corpus of `plan.size` articles, cheaply where the update does not look:
 * 1. background (size - recent - story articles, generated news, seed `plan.seed`): read (`toArticle`) and stored
 *    with no per-article stage; their generated stories are stored as closed index stories (members, arrival
 *    numbers, summed raw features cut to the centroid budget), their features counted in the document frequencies,
 *    and as story rows (member ids, a header summary and an empty report: no corpus stage ran on them);
 * 2. recent articles (another seed) and the target story's articles (one generated 50-article story, spread evenly
 *    among them) go through the engine, batch by batch: every per-article stage, story assignment through the
 *    index, per-story analysis (coalesced as in the stream bench), then every waiting story is analyzed.
 */
export async function fillCorpus(store: Store, plan: CorpusPlan, log: (line: string) => void = () => {}): Promise<FilledCorpus> {
  const ctx = createContext();
  const background = plan.size - plan.recent - plan.story;
  if (background < 0) throw new Error(`a corpus of ${plan.size} cannot hold ${plan.recent} recent articles and a story of ${plan.story}`);
  const df = new Map<string, number>();
  const stories = new Map<number, { articles: string[]; arrivals: number[]; sum: Map<string, number>; titles: string[]; outlets: Set<string>; dates: string[] }>();
  const stream = newsStream({ seed: plan.seed });
  for (let done = 0; done < background; ) {
    const chunk: Article[] = [];
    while (chunk.length < CHUNK && done < background) {
      const g = stream.next().value!;
      const a = toArticle(g.raw);
      chunk.push(a);
      const s = stories.get(g.story) ?? { articles: [], arrivals: [], sum: new Map<string, number>(), titles: [], outlets: new Set<string>(), dates: [] };
      stories.set(g.story, s);
      s.articles.push(a.id);
      s.arrivals.push(done);
      for (const [k, n] of articleFeatures(a)) {
        df.set(k, (df.get(k) ?? 0) + 1);
        s.sum.set(k, (s.sum.get(k) ?? 0) + n);
      }
      s.sum = trimmed(s.sum);
      if (a.meta.title) s.titles.push(a.meta.title);
      if (a.meta.outlet) s.outlets.add(a.meta.outlet);
      if (a.meta.published) s.dates.push(a.meta.published);
      done++;
    }
    await store.putArticles(chunk);
    if (done % (20 * CHUNK) === 0 || done === background) log(`story-update: ${done} of ${background} background articles stored`);
  }
  const closed: ClosedStory[] = [...stories.values()].map((s) => ({ articles: s.articles, arrivals: s.arrivals, centroid: s.sum }));
  const indexRows = closedIndexRows(background, df, closed);
  for (let i = 0; i < indexRows.length; i += CHUNK) await store.putEngineState(indexRows.slice(i, i + CHUNK));
  const empty = buildReport(emptyCorpus([]), { pipeline: describePipeline(defaultPipeline()) });
  const rows: StoredStory[] = [...stories.values()].map((s, i) => {
    const dates = [...s.dates].sort();
    return {
      summary: { id: `s${i + 1}`, title: s.titles[0] ?? '', firstDate: dates[0] ?? null, lastDate: dates.at(-1) ?? null, articles: s.articles.length, outlets: [...s.outlets].sort(), independentSources: s.outlets.size, claims: 0, disputed: 0 },
      articleIds: [...s.articles].sort(),
      absorbed: [],
      report: empty,
    };
  });
  for (let i = 0; i < rows.length; i += CHUNK) await store.replaceStories(rows.slice(i, i + CHUNK), []);
  log(`story-update: ${background} background articles in ${stories.size} closed stories, ${df.size} document-frequency keys`);

  // 2. the recent articles and the target story through the engine.
  const recent = newsStream({ seed: plan.seed + 1 });
  const target = newsStream({ seed: plan.seed + 2, openStories: 1, bigShare: 1, bigStory: plan.story + 10 });
  const story = Array.from({ length: plan.story + 10 }, () => toArticle(target.next().value!.raw));
  const arriving: Article[] = [];
  const total = plan.recent + plan.story;
  for (let k = 0, s = 0; k < total; k++) {
    // The target's articles spread evenly: article s at the middle of its share of the arrivals.
    if (s < plan.story && k === Math.floor(((s + 0.5) * total) / plan.story)) arriving.push(story[s++]!);
    else arriving.push(toArticle(recent.next().value!.raw));
  }
  const engine = await StoryEngine.open(store, ctx, { coalesce: DEFAULT_COALESCE });
  for (let i = 0; i < arriving.length; i += plan.batch) {
    const batch = arriving.slice(i, i + plan.batch);
    await store.putArticles(batch);
    await engine.add(batch);
    log(`story-update: ${i + batch.length} of ${arriving.length} articles through the engine`);
  }
  await engine.flush();
  const of = await engine.storiesOf(story.slice(0, plan.story).map((a) => a.id));
  const counts = new Map<string, number>();
  for (const id of of.values()) counts.set(id, (counts.get(id) ?? 0) + 1);
  const [best, held] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  return { background, backgroundStories: stories.size, dfKeys: df.size, story: best, held, next: story.slice(plan.story) };
}

export interface UpdateMeasure {
  readonly story: string;
  /** Articles of the story after the update (its stored row). */
  readonly articles: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  /** Store rows read by the update (articles, story rows, engine-state rows...). */
  readonly rowsRead: number;
  /** Wall milliseconds by stage, store calls and story index during the update (when the engine keeps timings). */
  readonly parts: readonly (readonly [string, number])[];
}

/** Adds one article (already generated for the story) and waits for its story's report: wall and CPU time, rows read. */
export async function timeUpdate(engine: StoryEngine, counted: ReturnType<typeof countingStore>, article: Article, timings?: Map<string, number>): Promise<UpdateMeasure> {
  await counted.store.putArticles([article]);
  counted.reset();
  const before = new Map(timings ?? []);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const update = await engine.add([article]);
  // Coalescing may let a big story wait for more articles: here its report is wanted now.
  await engine.flush([...new Set(update.storyOf.values())]);
  const wallMs = performance.now() - t0;
  const used = process.cpuUsage(c0);
  const rowsRead = counted.rows();
  const story = update.storyOf.get(article.id) ?? '';
  const row = await counted.store.getStory(story);
  const parts = [...(timings ?? [])].map(([k, ms]) => [k.replace(/^parallax\./, ''), ms - (before.get(k) ?? 0)] as const).filter(([, ms]) => ms > 0).sort((a, b) => b[1] - a[1]);
  return { story, articles: row?.articleIds.length ?? 0, wallMs, cpuMs: (used.user + used.system) / 1000, rowsRead, parts };
}

/** Measures the update in a fresh corpus of one size: its metrics and notes. */
async function measureSize(size: number, options: BenchOptions): Promise<{ metrics: Record<string, number>; notes: string[] }> {
  const plan: CorpusPlan = {
    size,
    story: Number(process.env.STORY_UPDATE_STORY ?? 50),
    recent: Number(process.env.STORY_UPDATE_RECENT ?? 1000),
    seed: Number(process.env.STORY_UPDATE_SEED ?? 7),
    batch: 200,
  };
  const dir = mkdtempSync(join(tmpdir(), 'parallax-story-update-'));
  const raw = SqliteStore.open(join(dir, 'corpus.db'));
  try {
    const t0 = performance.now();
    const filled = await fillCorpus(raw, plan, options.log);
    options.log(`story-update: corpus filled in ${((performance.now() - t0) / 1000).toFixed(0)} s; target story ${filled.story} holds ${filled.held} of its ${plan.story} articles`);
    const counted = countingStore(raw);
    const o0 = performance.now();
    const oc = process.cpuUsage();
    const timings = new Map<string, number>();
    const engine = await StoryEngine.open(counted.store, createContext(), { coalesce: DEFAULT_COALESCE, timings });
    const openCpu = process.cpuUsage(oc);
    const openMs = performance.now() - o0;
    const openRows = counted.rows();
    // What an index restored from every row (before StoryIndex.open read the open stories only) would have read.
    const allRows = (await raw.listEngineState(STORY_INDEX_PREFIX)).length;
    options.log(`story-update: engine opened in ${openMs.toFixed(0)} ms wall, ${((openCpu.user + openCpu.system) / 1000).toFixed(0)} ms CPU, ${openRows} rows read (the index holds ${allRows} rows)`);
    const top = (m: UpdateMeasure): string => m.parts.slice(0, 6).map(([k, ms]) => `${k} ${ms.toFixed(0)}`).join(', ');
    const cold = await timeUpdate(engine, counted, filled.next[0]!, timings);
    options.log(`story-update: cold (engine just opened): one article into ${cold.story}, now ${cold.articles} articles, in ${cold.wallMs.toFixed(0)} ms wall, ${cold.cpuMs.toFixed(0)} ms CPU, ${cold.rowsRead} rows read (wall ms: ${top(cold)})`);
    const warm = await timeUpdate(engine, counted, filled.next[1]!, timings);
    options.log(`story-update: warm (next article): into ${warm.story}, now ${warm.articles} articles, in ${warm.wallMs.toFixed(0)} ms wall, ${warm.cpuMs.toFixed(0)} ms CPU, ${warm.rowsRead} rows read (wall ms: ${top(warm)})`);
    const rss = process.resourceUsage().maxRSS / 1024;
    return {
      metrics: {
        corpusArticles: plan.size,
        storyArticles: cold.articles,
        coldUpdateMs: cold.wallMs,
        coldUpdateCpuMs: cold.cpuMs,
        coldRowsRead: cold.rowsRead,
        warmUpdateMs: warm.wallMs,
        warmUpdateCpuMs: warm.cpuMs,
        warmRowsRead: warm.rowsRead,
        openMs,
        openRowsRead: openRows,
        indexRows: allRows,
        peakRssMb: rss,
      },
      notes: [
        `${size}: ${filled.background} background articles (generated news, seed ${plan.seed}, ingest only, in ${filled.backgroundStories} closed stories, ${filled.dfKeys} document-frequency keys), ` +
          `${plan.recent} recent articles and a ${plan.story}-article story through the engine (every stage); the story's articles landed ${filled.held} of ${plan.story} in ${filled.story}`,
      ],
    };
  } finally {
    await raw.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

/** Corpus sizes measured, each in a fresh store; STORY_UPDATE_SIZES="10000,100000" overrides. */
function sizesFromEnv(): number[] {
  const raw = process.env.STORY_UPDATE_SIZES ?? '100000';
  const sizes = raw.split(',').map((x) => Number(x.trim())).filter((n) => Number.isInteger(n) && n > 0);
  if (!sizes.length) throw new Error(`STORY_UPDATE_SIZES="${raw}" holds no positive whole number; e.g. STORY_UPDATE_SIZES=10000,100000`);
  return sizes;
}

export const run: BenchRun = async (options): Promise<BenchResult> => {
  const metrics: Record<string, number> = {};
  const notes = ['update = engine.add of one article of the story, then its report stored (flush), on SQLite on disk; cold: just after StoryEngine.open (no article cached), warm: the next article'];
  for (const size of sizesFromEnv()) {
    const one = await measureSize(size, options);
    const label = size >= 1000 ? `${size / 1000}k` : String(size);
    for (const [k, v] of Object.entries(one.metrics)) {
      metrics[k] = v;
      metrics[`${k}_${label}`] = v;
    }
    notes.push(...one.notes);
  }
  return { bench: 'story-update', data: null, metrics, notes };
};
