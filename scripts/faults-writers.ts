// Two `parallax ingest` processes writing one SQLite database at once, round after round: both must finish and every article be stored.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../src/service/index.js';
import { generateDocs, runCli, writeDocs } from './faults-kit.js';

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
