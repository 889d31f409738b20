// Index-only probe of the online story index at growing corpus sizes: the work per arrival (posting entries read, stories voted, candidates scored, units re-clustered, stories read back), CPU and held entries, for two settings side by side on the same arrivals.
// Run: node --import tsx bench/stream-index.ts  (INDEX_SIZE=16000 INDEX_SLICE=2000 INDEX_SEED=100000 INDEX_CLOSE=arrivals; INDEX_ALONE=1: the second alone, half the CPU)
import { toArticle } from '../src/ingest/index.js';
import { StoryIndex, STORY_INDEX_DEFAULTS, STORY_INDEX_PREFIX, type RowLoader, type StoryIndexConfig } from '../src/engine/story-index.js';
import { newsStream } from './data/news-stream.js';
import { bcubed } from './stream.js';

const SIZE = Number(process.env.INDEX_SIZE ?? 16_000);
const SLICE = Number(process.env.INDEX_SLICE ?? 2_000);
const SEED = Number(process.env.INDEX_SEED ?? 100_000);
/** Arrivals between two writes of the index's rows and two evictions (the stream bench's batch). */
const BATCH = 200;

interface Probe {
  readonly name: string;
  readonly index: StoryIndex;
  readonly rows: Map<string, string>;
  readonly load: RowLoader;
  cpuMicros: number;
  readonly story: Map<string, string>;
}

function probe(name: string, config: StoryIndexConfig): Probe {
  const rows = new Map<string, string>();
  const load: RowLoader = async (keys) => new Map(keys.flatMap((k) => (rows.has(k) ? [[k, rows.get(k) ?? ''] as const] : [])));
  return { name, index: new StoryIndex(config), rows, load, cpuMicros: 0, story: new Map() };
}

const cpuNow = (): number => {
  const c = process.cpuUsage();
  return c.user + c.system;
};

/** Per-arrival figures of one slice: work counters and reads back as deltas, rates per CPU second. */
function sliceLine(p: Probe, last: Record<string, number>, arrivals: number): string {
  const w = p.index.work;
  const per = (k: keyof typeof w): string => ((w[k] - (last[k] ?? 0)) / arrivals).toFixed(1);
  const c = p.index.entryCounts();
  return [
    p.name.padEnd(8),
    `${(arrivals / ((p.cpuMicros - (last.cpu ?? 0)) / 1e6)).toFixed(0)} art/cpu-s`,
    `posting entries ${per('postingEntries')}`,
    `voted ${per('voted')}`,
    `scored ${per('scored')}`,
    `units ${per('units')}`,
    `read back ${((p.index.revived - (last.revived ?? 0)) / arrivals).toFixed(2)}`,
    `| held: stories ${c.stories}, articles ${c.items}, parked ${c.parked}, closed ${c.closed ?? 0}, posting keys ${c.postingKeys}, entries ${c.postingEntries}, df ${c.df}, redirects ${c.redirects}`,
  ].join('  ');
}

const snapshot = (p: Probe): Record<string, number> => ({ ...p.index.work, cpu: p.cpuMicros, revived: p.index.revived });

async function main(): Promise<void> {
  // The first keeps every story a candidate (as before stories closed), the second closes them (the default, or INDEX_CLOSE).
  const close = process.env.INDEX_CLOSE ? { closeAfter: Number(process.env.INDEX_CLOSE) } : {};
  const closing = probe('closing', { ...STORY_INDEX_DEFAULTS, ...close });
  const probes = process.env.INDEX_ALONE ? [closing] : [probe('all', { ...STORY_INDEX_DEFAULTS, closeAfter: Infinity }), closing];
  const stream = newsStream({ seed: SEED });
  const gold = new Map<string, number>();
  let last = probes.map(snapshot);
  let same = 0;
  let sliceSame = 0;
  console.log(`index-only probe: ${SIZE} generated articles (seed ${SEED}), rows in memory, batches of ${BATCH}; per arrival in each ${SLICE}-article slice`);
  for (let i = 1; i <= SIZE; i++) {
    const next = stream.next().value!;
    const article = toArticle(next.raw);
    gold.set(article.id, next.story);
    // Alternate which index goes first, so neither always runs on a warmer cache.
    const order = i % 2 ? probes : [...probes].reverse();
    for (const p of order) {
      const t = cpuNow();
      const a = await p.index.assignLoading(article, p.load);
      p.cpuMicros += cpuNow() - t;
      p.story.set(article.id, a.story);
    }
    if (probes[0]!.story.get(article.id) === probes.at(-1)!.story.get(article.id)) {
      same++;
      sliceSame++;
    }
    if (i % BATCH === 0) {
      for (const p of probes) {
        const t = cpuNow();
        p.index.evictCold();
        for (const r of p.index.changes()) {
          if (r.value === null) p.rows.delete(r.key);
          else p.rows.set(r.key, r.value);
        }
        p.cpuMicros += cpuNow() - t;
      }
    }
    if (i % SLICE === 0) {
      console.log(`-- ${i} arrivals (same story id at arrival in both: ${sliceSame} of ${SLICE})`);
      probes.forEach((p, n) => console.log(sliceLine(p, last[n]!, SLICE)));
      last = probes.map(snapshot);
      sliceSame = 0;
    }
  }
  // Final membership from the stories' rows (written at the last batch: every story, in memory or not).
  const final = probes.map((p) => {
    const of = new Map<string, string>();
    for (const [key, value] of p.rows) {
      if (!key.startsWith(`${STORY_INDEX_PREFIX}s/`)) continue;
      for (const a of (JSON.parse(value) as { articles: string[] }).articles) of.set(a, key);
    }
    return of;
  });
  for (const [n, p] of probes.entries()) {
    const f1 = bcubed([...gold].map(([a, g]) => [final[n]!.get(a) ?? a, String(g)] as const));
    console.log(`${p.name}: membership B3 F1 against the generated stories ${f1.toFixed(4)}`);
  }
  const agree = bcubed([...gold.keys()].map((a) => [final.at(-1)!.get(a) ?? a, final[0]!.get(a) ?? a] as const));
  console.log(`same story id at arrival ${same} of ${SIZE}; final membership B3 F1 between the two ${agree.toFixed(4)}`);
}

await main();
