// CPU time and output digest of one code tree's incremental engine over a fixed generated corpus, for speed comparisons between two checkouts in alternating processes.
//
//   node --import tsx scripts/engine-cpu.ts [--root DIR] [--articles N] [--seed S]
//
// What the stream bench does, on test/growth/generate-articles.ts text: each article read by `toArticle`, stored,
// given to StoryEngine.add in batches of 200 (stories coalesced as in the bench), then `flush`. Prints one JSON line:
// CPU seconds of the process over that work, articles per CPU second, and a digest of every story row and every
// stored article, so two code trees (this one and `--root`, e.g. a checkout of main) can be shown byte-identical.
// The corpus is always made by this tree's generator, so both trees read the same text.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateArticles } from '../test/growth/generate-articles.js';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}

const root = resolve(option('root', '.'));
const count = Number(option('articles', '1500'));
const seed = Number(option('seed', '7'));
const BATCH = 200;

const { createContext } = (await import(join(root, 'src/core/context.ts'))) as typeof import('../src/core/context.js');
const { DEFAULT_COALESCE, StoryEngine } = (await import(join(root, 'src/engine/story-engine.ts'))) as typeof import('../src/engine/story-engine.js');
const { toArticle } = (await import(join(root, 'src/ingest/index.ts'))) as typeof import('../src/ingest/index.js');
const { SqliteStore } = (await import(join(root, 'src/store/sqlite/sqlite-store.ts'))) as typeof import('../src/store/sqlite/sqlite-store.js');
const { STORY_INDEX_PREFIX } = (await import(join(root, 'src/engine/story-index.ts'))) as typeof import('../src/engine/story-index.js');

const raws = generateArticles({ articles: count, seed }).articles.map((a, i) => ({
  source: { path: `generated/${i}.txt` },
  format: 'text' as const,
  body: a.text,
  hints: { ...(a.meta.title ? { title: a.meta.title } : {}), ...(a.meta.outlet ? { outlet: a.meta.outlet } : {}), ...(a.meta.published ? { published: a.meta.published } : {}) },
  encoding: 'utf-8',
  diagnostics: [],
}));

const dir = mkdtempSync(join(tmpdir(), 'parallax-engine-cpu-'));
try {
  const store = SqliteStore.open(join(dir, 'engine.db'));
  const ids: string[] = [];
  const cpu0 = process.cpuUsage();
  const engine = await StoryEngine.open(store, createContext(), { coalesce: DEFAULT_COALESCE });
  for (let i = 0; i < raws.length; i += BATCH) {
    const batch = raws.slice(i, i + BATCH).map((raw) => toArticle(raw));
    for (const a of batch) ids.push(a.id);
    await store.putArticles(batch);
    await engine.add(batch);
  }
  await engine.flush();
  const used = process.cpuUsage(cpu0);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const digest = createHash('sha256');
  const storyPrefix = `${STORY_INDEX_PREFIX}s/`;
  const stories = (await store.listEngineState(storyPrefix)).map((r) => r.key.slice(storyPrefix.length)).sort();
  for (const id of stories) digest.update(`${id}\n${JSON.stringify(await store.getStory(id))}\n`);
  for (const a of await store.listArticles(ids)) digest.update(`${JSON.stringify(a)}\n`);
  await store.close();
  process.stdout.write(
    `${JSON.stringify({ root, articles: count, seed, cpuSeconds: Number(cpuSeconds.toFixed(2)), articlesPerCpuSecond: Number((count / cpuSeconds).toFixed(1)), stories: stories.length, digest: digest.digest('hex').slice(0, 16) })}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
