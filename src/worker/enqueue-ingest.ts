// Feeds the workers: stored article ids become a recorded batch (or several) and ingest jobs of a few articles each.
import type PgBoss from 'pg-boss';
import { PostgresStore } from '../store/postgres/postgres-store.js';
import { PostgresWorkState } from '../store/postgres/work-state.js';
import { openQueue, QUEUES, type IngestJob } from './job-queue.js';

/** Articles per ingest job: small enough that workers share a batch evenly, large enough to amortize a job. */
export const ARTICLES_PER_JOB = 4;

/**
 * Articles per batch: the assigner takes a batch once all of it is analyzed, so a batch's stories appear together;
 * more at once would delay the first stories of a long feed. Within a batch, stories are exactly those of one
 * `analyze` run over it; across batches, those of one `analyze` run per batch.
 */
export const ARTICLES_PER_BATCH = 2000;

/**
 * Queues ingest jobs for these stored articles, batch by batch (each batch recorded with its jobs in one
 * transaction); returns how many jobs.
 */
export async function sendIngestJobs(boss: PgBoss, store: PostgresStore, ids: readonly string[]): Promise<number> {
  const work = new PostgresWorkState(store);
  const unique = [...new Set(ids)];
  let sent = 0;
  for (let b = 0; b < unique.length; b += ARTICLES_PER_BATCH) {
    const batch = unique.slice(b, b + ARTICLES_PER_BATCH);
    const jobs: { name: string; data: IngestJob }[] = [];
    for (let i = 0; i < batch.length; i += ARTICLES_PER_JOB) jobs.push({ name: QUEUES.ingest, data: { articles: batch.slice(i, i + ARTICLES_PER_JOB) } });
    await work.enqueueBatch(batch, async (client) => {
      const db = { executeSql: (text: string, values: unknown[]) => client.query(text, values) };
      for (let i = 0; i < jobs.length; i += 500) await boss.insert(jobs.slice(i, i + 500), { db });
    });
    sent += jobs.length;
  }
  return sent;
}

export async function enqueueIngest(url: string, ids: readonly string[]): Promise<number> {
  const store = await PostgresStore.open(url);
  const boss = await openQueue(url, store);
  try {
    return await sendIngestJobs(boss, store, ids);
  } finally {
    await boss.stop({ graceful: false, wait: true });
    await store.close();
  }
}
