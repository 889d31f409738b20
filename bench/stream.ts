// `npm run bench -- stream`: generated news fed through ingest, per-article stages, story assignment and per-story analysis, at growing sizes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article } from '../src/core/article.js';
import { createContext } from '../src/core/context.js';
import { DEFAULT_COALESCE, ENGINE_TIMINGS, StoryEngine } from '../src/engine/story-engine.js';
import { STORY_INDEX_DEFAULTS } from '../src/engine/story-index.js';
import { toArticle } from '../src/ingest/index.js';
import { ARTICLE_STAGES } from '../src/pipeline/registry.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { newsStream, type GeneratedArticle } from './data/news-stream.js';
import type { BenchResult, BenchRun } from './types.js';

/** Corpus sizes run by default; STREAM_SIZES="10000,100000,1000000" overrides (one fresh store per size). */
const DEFAULT_SIZES = [10_000, 100_000];
/** Articles handed to the engine at once: the micro-batch a feed poller would collect. */
const BATCH = Number(process.env.STREAM_BATCH ?? 200);
/** Timing key of reading each arriving article (text reader, header, cleaning). */
const INGEST_TIMING = 'ingest';

/** STREAM_COALESCE=off re-analyzes every story a batch touches at once (the engine's default outside the stream). */
const COALESCE = process.env.STREAM_COALESCE === 'off' ? undefined : DEFAULT_COALESCE;

/** STREAM_COLD_AFTER=N: arrivals a story stays in memory untouched (the index's default otherwise; see StoryIndexConfig.coldAfter). */
const COLD_AFTER = process.env.STREAM_COLD_AFTER ? Number(process.env.STREAM_COLD_AFTER) : undefined;

interface SizeResult {
  readonly size: number;
  readonly seconds: number;
  readonly articlesPerSecond: number;
  /** Articles per CPU second of this process (user + system): what one core would do on a machine shared with others. */
  readonly articlesPerCpuSecond: number;
  /** Articles per second over the last tenth of the stream: flat cost means it matches the first tenth's. */
  readonly firstTenthPerSecond: number;
  readonly lastTenthPerSecond: number;
  /** The same per CPU second of this process: unlike wall clock, it does not move with the load of a shared machine. */
  readonly firstTenthPerCpuSecond: number;
  readonly lastTenthPerCpuSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly peakRssMb: number;
  readonly stories: number;
  /** BCubed F1 of the engine's story membership against the generated stories. */
  readonly membershipBcubedF1: number;
  /** Re-analysis of one 50-article story after one more article, in the full corpus. */
  readonly bigStoryUpdateMs: number | null;
  /** The same in CPU milliseconds of this process (wall clock moves with the load of a shared machine). */
  readonly bigStoryUpdateCpuMs: number | null;
  /** Milliseconds per stage, plus ingest, the engine's store calls and story index (together with the rest: the run). */
  readonly stageMs: ReadonlyMap<string, number>;
}

function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** BCubed F1 of predicted against gold clusters, in one pass over (predicted, gold) pair counts. */
export function bcubed(pairs: readonly (readonly [string, string])[]): number {
  const pred = new Map<string, number>();
  const gold = new Map<string, number>();
  const both = new Map<string, number>();
  for (const [p, g] of pairs) {
    pred.set(p, (pred.get(p) ?? 0) + 1);
    gold.set(g, (gold.get(g) ?? 0) + 1);
    both.set(`${p}\u0000${g}`, (both.get(`${p}\u0000${g}`) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  for (const [p, g] of pairs) {
    const n = both.get(`${p}\u0000${g}`) ?? 0;
    precision += n / (pred.get(p) ?? 1);
    recall += n / (gold.get(g) ?? 1);
  }
  precision /= pairs.length || 1;
  recall /= pairs.length || 1;
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

function rssMb(): number {
  return process.memoryUsage().rss / (1024 * 1024);
}

async function runSize(size: number, log: (line: string) => void): Promise<SizeResult> {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-stream-'));
  const store = SqliteStore.open(join(dir, 'stream.db'));
  const stageMs = new Map<string, number>();
  let peak = rssMb();
  const add = (key: string, ms: number): void => {
    stageMs.set(key, (stageMs.get(key) ?? 0) + ms);
  };
  try {
    const engine = await StoryEngine.open(store, createContext(), {
      timings: stageMs,
      ...(COALESCE ? { coalesce: COALESCE } : {}),
      ...(COLD_AFTER !== undefined ? { index: { ...STORY_INDEX_DEFAULTS, coldAfter: COLD_AFTER } } : {}),
    });
    /** Stage times at the last progress line, to print what the last slice spent its time on. */
    let lastStageMs = new Map<string, number>();
    const stream = newsStream({ seed: size });
    const latencies: number[] = [];
    /** Arrival time of each article whose story report does not hold it yet (its story waits, coalescing). */
    const unreported = new Map<string, number>();
    const reported = (updated: readonly string[], at: number): void => {
      const done = new Set(updated);
      for (const [id, arrived] of unreported) {
        const story = engine.storyOf(id);
        if (story === undefined || !done.has(story)) continue;
        latencies.push(at - arrived);
        unreported.delete(id);
      }
    };
    const doneAt: number[] = [];
    /** CPU microseconds (user + system) used since the start, after each batch. */
    const cpuAt: number[] = [];
    const bigStories = new Map<number, { ids: string[]; sample: GeneratedArticle | null }>();
    const goldStory = new Map<string, number>();
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    let processed = 0;
    while (processed < size) {
      // 1. arrival: each article is read (ingest: text reader, header, cleaning) when it arrives.
      const batch: { article: Article; arrived: number }[] = [];
      while (batch.length < BATCH && processed + batch.length < size) {
        const next = stream.next().value as GeneratedArticle;
        const arrived = performance.now();
        const article = toArticle(next.raw);
        add(INGEST_TIMING, performance.now() - arrived);
        batch.push({ article, arrived });
        goldStory.set(article.id, next.story);
        if (next.index === 0 || bigStories.has(next.story)) {
          const entry = bigStories.get(next.story) ?? { ids: [], sample: null };
          entry.ids.push(article.id);
          bigStories.set(next.story, entry);
        }
      }
      // 2. store, per-article stages, assignment, per-story analysis of the stories that changed.
      const putting = performance.now();
      await store.putArticles(batch.map((b) => b.article));
      add(ENGINE_TIMINGS.store, performance.now() - putting);
      const update = await engine.add(batch.map((b) => b.article));
      const end = performance.now();
      for (const b of batch) unreported.set(b.article.id, b.arrived);
      reported(update.updated, end);
      processed += batch.length;
      doneAt.push(end - t0);
      const usedSoFar = process.cpuUsage(cpu0);
      cpuAt.push(usedSoFar.user + usedSoFar.system);
      peak = Math.max(peak, rssMb());
      if (processed % (BATCH * 5) === 0 || processed === size) {
        const used = process.cpuUsage(cpu0);
        const slice = cpuAt.length > 5 ? (5 * BATCH * 1e6) / ((cpuAt[cpuAt.length - 1] ?? 0) - (cpuAt[cpuAt.length - 6] ?? 0)) : (processed * 1e6) / (used.user + used.system);
        const counts = engine.entryCounts();
        // Latency so far, so that a run stopped before its end still tells it.
        const sofar = [...latencies].sort((a, b) => a - b);
        log(
          `stream ${size}: ${processed} articles, ${(processed / ((end - t0) / 1000)).toFixed(1)} articles/s wall, ${((processed * 1e6) / (used.user + used.system)).toFixed(1)} per CPU second (last ${5 * BATCH}: ${slice.toFixed(1)}), rss ${rssMb().toFixed(0)} MB, ` +
            `index in memory: ${counts.stories} stories, ${counts.items} articles, ${counts.features} features, ${counts.vectorKeys} vector keys, ${counts.postingKeys} posting keys, ${counts.df} df keys, ${counts.parked} stories out of memory (${counts.revived} read back, ${counts.visitors} kept after a read, ${counts.closed ?? 0} closed), ${counts.postingEntries} posting entries, ${counts.redirects} redirects; ` +
            `latency so far p50 ${quantile(sofar, 0.5).toFixed(0)} ms, p99 ${quantile(sofar, 0.99).toFixed(0)} ms, peak RSS ${peak.toFixed(0)} MB`,
        );
        const sliceMs = [...stageMs].map(([k, ms]) => [k, ms - (lastStageMs.get(k) ?? 0)] as const).sort((x, y) => y[1] - x[1]);
        log(`  last ${5 * BATCH} ms per article: ${sliceMs.slice(0, 8).map(([k, ms]) => `${k.replace(/^parallax\./, '')} ${(ms / (5 * BATCH)).toFixed(1)}`).join(', ')}`);
        lastStageMs = new Map(stageMs);
      }
      // Keep only stories seen from their first article, to find a big one at the end.
      if (bigStories.size > 5_000) for (const [k, v] of bigStories) if (v.ids.length < 3) bigStories.delete(k);
    }
    // The stories still waiting at the end of the stream are analyzed now, inside the measured time.
    const flushed = await engine.flush();
    reported(flushed, performance.now());
    if (unreported.size) throw new Error(`${unreported.size} articles never reached a story report`);
    const seconds = (performance.now() - t0) / 1000;
    const streamMs = new Map(stageMs);
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const tenth = Math.max(1, Math.floor(doneAt.length / 10));
    const span = (from: number, to: number): number => ((to - from) * BATCH) / (((doneAt[to - 1] ?? 0) - (from > 0 ? doneAt[from - 1] ?? 0 : 0)) / 1000);
    const firstTenthPerSecond = span(0, tenth);
    const lastTenthPerSecond = span(doneAt.length - tenth, doneAt.length);
    const cpuSpan = (from: number, to: number): number => ((to - from) * BATCH) / (((cpuAt[to - 1] ?? 0) - (from > 0 ? cpuAt[from - 1] ?? 0 : 0)) / 1e6);
    const firstTenthPerCpuSecond = cpuSpan(0, tenth);
    const lastTenthPerCpuSecond = cpuSpan(cpuAt.length - tenth, cpuAt.length);
    latencies.sort((a, b) => a - b);

    // 3. one more article into the largest story: how long until its report is updated, in the full corpus.
    let bigStoryUpdateMs: number | null = null;
    let bigStoryUpdateCpuMs: number | null = null;
    const biggest = [...bigStories.entries()].sort((a, b) => b[1].ids.length - a[1].ids.length)[0];
    if (biggest && biggest[1].ids.length >= 20) {
      const member = await store.getArticle(biggest[1].ids[0]!);
      if (member) {
        const extra = { ...member, id: `${member.id}x`, contentHash: `${member.contentHash}x`, text: `${member.text}\nOfficials said on Friday that the toll had risen.` };
        const story = (await engine.storiesOf([member.id])).get(member.id);
        const fresh: Article = { ...extra, layers: { ...extra.layers, paragraphs: [], sentences: [], entities: [], quotes: [], attributions: [], times: [], quantities: [] }, diagnostics: [] };
        await store.putArticles([fresh]);
        const u0 = performance.now();
        const c0 = process.cpuUsage();
        const update = await engine.add([fresh]);
        // Coalescing lets a big story wait for more articles; here the report is wanted now.
        const updated = [...update.updated, ...(await engine.flush([...new Set(update.storyOf.values())]))];
        bigStoryUpdateMs = performance.now() - u0;
        const used = process.cpuUsage(c0);
        bigStoryUpdateCpuMs = (used.user + used.system) / 1000;
        const now = story ? (engine.storyOf(member.id) ?? story) : undefined;
        const row = now ? await store.getStory(now) : null;
        log(`stream ${size}: one article into story ${now} (${row?.articleIds.length ?? '?'} articles) updated ${updated.join(', ')} in ${bigStoryUpdateMs.toFixed(0)} ms wall, ${bigStoryUpdateCpuMs.toFixed(0)} ms CPU`);
      }
    }
    peak = Math.max(peak, rssMb());
    const stories = (await store.listEngineState('story-index/s/')).length;
    const assigned = await engine.storiesOf([...goldStory.keys()]);
    const membershipBcubedF1 = bcubed([...goldStory].map(([id, g]) => [assigned.get(id) ?? id, String(g)] as const));
    return {
      size,
      seconds,
      articlesPerSecond: size / seconds,
      articlesPerCpuSecond: size / cpuSeconds,
      firstTenthPerSecond,
      lastTenthPerSecond,
      firstTenthPerCpuSecond,
      lastTenthPerCpuSecond,
      p50Ms: quantile(latencies, 0.5),
      p99Ms: quantile(latencies, 0.99),
      peakRssMb: Math.max(peak, process.resourceUsage().maxRSS / 1024),
      stories,
      membershipBcubedF1,
      bigStoryUpdateMs,
      bigStoryUpdateCpuMs,
      stageMs: streamMs,
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function sizesFromEnv(): number[] {
  const raw = process.env.STREAM_SIZES;
  if (!raw) return DEFAULT_SIZES;
  const sizes = raw.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
  if (!sizes.length) throw new Error(`STREAM_SIZES="${raw}" holds no positive whole number; e.g. STREAM_SIZES=10000,100000`);
  return sizes;
}

function label(size: number): string {
  return size >= 1_000_000 ? `${size / 1_000_000}m` : size >= 1000 ? `${size / 1000}k` : String(size);
}

export const run: BenchRun = async (options): Promise<BenchResult> => {
  const sizes = sizesFromEnv();
  const results: SizeResult[] = [];
  for (const size of sizes) {
    options.log(
      `stream: ${size} generated articles in batches of ${BATCH}, one fresh SQLite store on disk, ${COALESCE ? `stories re-analyzed after growing ${COALESCE.growth * 100}% or waiting ${COALESCE.maxWait} batches` : 'every changed story re-analyzed at every batch'}`,
    );
    results.push(await runSize(size, options.log));
  }
  const last = results[results.length - 1]!;
  const metrics: Record<string, number> = {
    articlesPerSecond: last.articlesPerSecond,
    p99Ms: last.p99Ms,
    peakRssMb: Math.max(...results.map((r) => r.peakRssMb)),
  };
  const notes: string[] = [];
  for (const r of results) {
    const k = label(r.size);
    metrics[`articlesPerSecond_${k}`] = r.articlesPerSecond;
    metrics[`articlesPerCpuSecond_${k}`] = r.articlesPerCpuSecond;
    metrics[`firstTenthPerCpuSecond_${k}`] = r.firstTenthPerCpuSecond;
    metrics[`lastTenthPerCpuSecond_${k}`] = r.lastTenthPerCpuSecond;
    metrics[`p50Ms_${k}`] = r.p50Ms;
    metrics[`p99Ms_${k}`] = r.p99Ms;
    metrics[`peakRssMb_${k}`] = r.peakRssMb;
    metrics[`membershipBcubedF1_${k}`] = r.membershipBcubedF1;
    if (r.bigStoryUpdateMs !== null) metrics[`bigStoryUpdateMs_${k}`] = r.bigStoryUpdateMs;
    if (r.bigStoryUpdateCpuMs !== null) metrics[`bigStoryUpdateCpuMs_${k}`] = r.bigStoryUpdateCpuMs;
    const total = [...r.stageMs.values()].reduce((a, b) => a + b, 0);
    notes.push(
      `${k}: ${r.articlesPerSecond.toFixed(1)} articles/s end to end wall clock, ${r.articlesPerCpuSecond.toFixed(1)} per CPU second (first tenth ${r.firstTenthPerSecond.toFixed(1)}, last tenth ${r.lastTenthPerSecond.toFixed(1)} wall; ${r.firstTenthPerCpuSecond.toFixed(1)} and ${r.lastTenthPerCpuSecond.toFixed(1)} per CPU second), ` +
        `latency p50 ${r.p50Ms.toFixed(0)} ms, p99 ${r.p99Ms.toFixed(0)} ms, peak RSS ${r.peakRssMb.toFixed(0)} MB, ${r.stories} stories (membership BCubed F1 ${r.membershipBcubedF1.toFixed(3)} against the generated stories)`,
      `  shares of the run (wall-clock shares of one process: under a uniform load they are its CPU shares):`,
      ...[...r.stageMs].sort((a, b) => b[1] - a[1]).map(([name, ms]) => `  ${name.padEnd(30)} ${((100 * ms) / r.seconds / 1000).toFixed(1).padStart(5)}% of the run, ${((r.size * 1000) / ms).toFixed(0).padStart(7)} articles/s alone`),
      `  ${'rest'.padEnd(30)} ${((100 * (r.seconds * 1000 - total)) / r.seconds / 1000).toFixed(1).padStart(5)}% of the run (report ids and summaries, engine bookkeeping, the generator)`,
      `  per-article stages together ${((r.size * 1000) / ARTICLE_STAGES.reduce((sum, st) => sum + (r.stageMs.get(st.name) ?? 0), 0)).toFixed(0)} articles/s alone, per-story stages together ${((r.size * 1000) / [...r.stageMs].filter(([k]) => k.startsWith('parallax.') && !ARTICLE_STAGES.some((st) => st.name === k)).reduce((sum, [, ms]) => sum + ms, 0)).toFixed(0)}`,
    );
  }
  return { bench: 'stream', data: null, metrics, notes };
};
