// The job queues the workers share, kept by pg-boss in the same PostgreSQL database as the store.
import PgBoss from 'pg-boss';
import type { PostgresStore } from '../store/postgres/postgres-store.js';

export const QUEUES = {
  /** Per-article stages over a few stored articles; then asks for a story assignment. */
  ingest: 'parallax-ingest',
  /** Re-derives story membership from every analyzed article (one at a time). */
  assign: 'parallax-assign-stories',
  /** Corpus stages over one story's articles; writes the story row. */
  analyze: 'parallax-analyze-story',
} as const;

export interface IngestJob {
  readonly articles: readonly string[];
}
export interface AnalyzeStoryJob {
  readonly story: string;
}

/**
 * Queue policies: `stately` keeps at most one queued and one active job per singleton key. For the assigner that
 * means one assignment runs at a time and requests made meanwhile collapse into one that runs after it (and so
 * sees their articles); for story analysis it means one run per story at a time, and a story changed while it
 * is analyzed gets exactly one more run.
 */
const POLICIES: Record<string, PgBoss.Queue['policy']> = {
  [QUEUES.ingest]: 'standard',
  [QUEUES.assign]: 'stately',
  [QUEUES.analyze]: 'stately',
};

/** pg-boss's schema for a store: beside the store's own schema, so two Parallax databases in one server never share jobs. */
export async function queueSchema(store: PostgresStore): Promise<string> {
  const { rows } = await store.pool.query<{ schema: string | null }>('SELECT current_schema() AS schema');
  const schema = rows[0]?.schema ?? 'public';
  return schema === 'public' ? 'pgboss' : `${schema}_pgboss`;
}

export const DEFAULT_JOB_TIMEOUT_SECONDS = 900;
/**
 * Attempts after the first: a job comes back once per worker that died holding it, and every job is idempotent
 * (analyzed articles are marked, assignment and story rows are rewritten whole), so a few deaths must not fail it.
 */
export const RETRY_LIMIT = 10;

/** pg-boss maintenance interval for a job timeout: half the timeout, between 1 and 30 seconds. */
export function maintenanceSeconds(jobTimeoutSeconds: number): number {
  return Math.max(1, Math.min(30, Math.floor(jobTimeoutSeconds / 2)));
}

export interface QueueOptions {
  /** Seconds a job may run before pg-boss takes it back and retries it (a worker killed mid-job). */
  readonly jobTimeoutSeconds?: number;
  /** Whether this process runs pg-boss maintenance (expiring jobs of dead workers, archiving). */
  readonly supervise?: boolean;
}

export async function openQueue(url: string, store: PostgresStore, options: QueueOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    schema: await queueSchema(store),
    max: 4,
    schedule: false,
    supervise: options.supervise ?? false,
    // Maintenance is what retries the jobs of a dead worker once they time out: run it at least twice per timeout.
    ...(options.supervise ? { maintenanceIntervalSeconds: maintenanceSeconds(options.jobTimeoutSeconds ?? DEFAULT_JOB_TIMEOUT_SECONDS) } : {}),
  });
  const errors: Error[] = [];
  boss.on('error', (err: Error) => void errors.push(err));
  await boss.start();
  // pg-boss's create_queue deadlocks when two processes create one queue at once: one creator at a time.
  const client = await store.pool.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(hashtext('parallax.queues:' || current_schema()))`);
    for (const name of Object.values(QUEUES)) {
      if (await boss.getQueue(name)) continue;
      await boss.createQueue(name, { name, policy: POLICIES[name] ?? 'standard', retryLimit: RETRY_LIMIT, retryDelay: 1, expireInSeconds: options.jobTimeoutSeconds ?? DEFAULT_JOB_TIMEOUT_SECONDS });
    }
  } finally {
    await client.query(`SELECT pg_advisory_unlock(hashtext('parallax.queues:' || current_schema()))`).catch(() => undefined);
    client.release();
  }
  return boss;
}

/** Jobs queued, waiting for a retry or running, over every queue. */
export async function pendingJobs(boss: PgBoss): Promise<number> {
  let n = 0;
  for (const name of Object.values(QUEUES)) n += await boss.getQueueSize(name, { before: 'completed' });
  return n;
}
