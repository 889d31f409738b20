// Two `parallax ingest` (or `analyze`) processes writing one SQLite database at once, round after round: both must finish, every article be stored, and the stories be those of the two runs in turn.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../src/service/index.js';
import { generateDocs, runCli, writeDocs, type CliRun } from './faults-kit.js';

export interface WritersRound {
  readonly round: number;
  /** Exit codes of the two processes (0 expected). */
  readonly codes: readonly (number | null)[];
  readonly stored: number;
  readonly expected: number;
  /** Sum of both processes' "ingested N new": each article inserted exactly once. */
  readonly insertedTotal: number;
  readonly ok: boolean;
  readonly detail: string;
}

export interface WritersResult {
  readonly tried: number;
  readonly failures: number;
  readonly rounds: readonly WritersRound[];
}

/**
 * Each round: a fresh database, two CLIs started together on overlapping halves of `articles` generated articles
 * (a third in common, so both race to insert the same ones). A round fails if either process exits non-zero or the
 * database does not hold every article exactly once.
 */
export async function concurrentWriters(options: { rounds: number; articles: number; seed?: number }): Promise<WritersResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'parallax-writers-'));
  const rounds: WritersRound[] = [];
  try {
    const docs = generateDocs(options.articles, options.seed ?? 11, 'w');
    const third = Math.floor(options.articles / 3);
    const a = writeDocs(path.join(dir, 'a'), docs.slice(0, options.articles - third));
    const b = writeDocs(path.join(dir, 'b'), docs.slice(third));
    for (let round = 1; round <= options.rounds; round++) {
      const db = path.join(dir, `round-${round}.db`);
      const runs = await Promise.all([runCli(['ingest', a, '--db', db]), runCli(['ingest', b, '--db', db])]);
      const store = await openStore(db);
      let stored: number;
      try {
        stored = (await store.listArticles()).length;
      } finally {
        await store.close();
      }
      const insertedTotal = runs.reduce((n, r) => n + Number(/ingested (\d+) new/.exec(r.stderr)?.[1] ?? NaN), 0);
      const codes = runs.map((r) => r.code);
      const ok = codes.every((c) => c === 0) && stored === options.articles && insertedTotal === options.articles;
      const detail = ok ? '' : runs.map((r, i) => `process ${i + 1}: exit ${r.code}; ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`).join('\n');
      rounds.push({ round, codes, stored, expected: options.articles, insertedTotal, ok, detail });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { tried: rounds.length, failures: rounds.filter((r) => !r.ok).length, rounds };
}

export interface AnalysesRound {
  readonly round: number;
  readonly codes: readonly (number | null)[];
  /** Whether one of the two processes reported waiting for the other's analysis. */
  readonly waited: boolean;
  readonly ok: boolean;
  readonly detail: string;
}

export interface AnalysesResult {
  readonly tried: number;
  readonly failures: number;
  readonly rounds: readonly AnalysesRound[];
}

/** Stories of a database as sorted lists of sorted members (ids differ between databases; members do not), and the articles stored. */
async function storyMembership(db: string): Promise<{ stories: string[]; articles: number; held: number }> {
  const store = await openStore(db);
  try {
    const stories: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof store.listStories>> = await store.listStories({ cursor, limit: 500 });
      for (const s of page.items) stories.push([...((await store.getStory(s.id))?.articleIds ?? [])].sort().join(','));
      cursor = page.next;
    } while (cursor);
    const held = stories.reduce((n, s) => n + s.split(',').length, 0);
    return { stories: stories.sort(), articles: await store.countArticles(), held };
  } finally {
    await store.close();
  }
}

/**
 * Two `parallax analyze` processes on one SQLite database at once, on overlapping halves of the corpus: both must
 * finish, every article must be in exactly one story, and the stories must be those of the two runs one after the
 * other (in either order): an analysis waits for the other, it never interleaves with it.
 */
export async function concurrentAnalyses(options: { rounds: number; articles: number; seed?: number }): Promise<AnalysesResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'parallax-analyses-'));
  const rounds: AnalysesRound[] = [];
  try {
    const docs = generateDocs(options.articles, options.seed ?? 12, 'an');
    const third = Math.floor(options.articles / 3);
    const a = writeDocs(path.join(dir, 'a'), docs.slice(0, options.articles - third));
    const b = writeDocs(path.join(dir, 'b'), docs.slice(third));
    const analyze = (input: string, db: string): Promise<CliRun> => runCli(['analyze', input, '--db', db, '--format', 'json', '--out', `${db}.${path.basename(input)}.json`]);
    const sequential: string[] = [];
    for (const [first, second] of [[a, b], [b, a]] as const) {
      const db = path.join(dir, `sequential-${sequential.length}.db`);
      for (const input of [first, second]) {
        const run = await analyze(input, db);
        if (run.code !== 0) throw new Error(`sequential analyze failed: ${run.stderr}`);
      }
      sequential.push(JSON.stringify((await storyMembership(db)).stories));
    }
    for (let round = 1; round <= options.rounds; round++) {
      const db = path.join(dir, `round-${round}.db`);
      const runs = await Promise.all([analyze(a, db), analyze(b, db)]);
      const got = await storyMembership(db);
      const codes = runs.map((r) => r.code);
      const problems: string[] = [];
      if (!codes.every((c) => c === 0)) problems.push(...runs.map((r, i) => `process ${i + 1}: exit ${r.code}; ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`));
      if (got.articles !== options.articles) problems.push(`${got.articles} of ${options.articles} articles stored`);
      if (got.held !== got.articles || new Set(got.stories.flatMap((s) => s.split(','))).size !== got.articles) problems.push(`${got.held} story memberships for ${got.articles} articles`);
      if (!sequential.includes(JSON.stringify(got.stories))) problems.push(`the ${got.stories.length} stories are those of neither sequential order (${sequential.map((s) => (JSON.parse(s) as string[]).length).join(' / ')} stories)`);
      rounds.push({ round, codes, waited: runs.some((r) => r.stderr.includes('waiting: another analysis')), ok: problems.length === 0, detail: problems.join('\n') });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { tried: rounds.length, failures: rounds.filter((r) => !r.ok).length, rounds };
}
