// Feeds the workers: stored article ids become ingest jobs of a few articles each.
import type PgBoss from 'pg-boss';
import { PostgresStore } from '../store/postgres/postgres-store.js';
import { openQueue, QUEUES, type IngestJob } from './job-queue.js';

/** Articles per ingest job: small enough that workers share a batch evenly, large enough to amortize a job. */
export const ARTICLES_PER_JOB = 4;

/** Queues ingest jobs for these stored articles on an open queue; returns how many jobs. */
export async function sendIngestJobs(boss: PgBoss, ids: readonly string[]): Promise<number> {
  const jobs: { name: string; data: IngestJob }[] = [];
  for (let i = 0; i < ids.length; i += ARTICLES_PER_JOB) jobs.push({ name: QUEUES.ingest, data: { articles: ids.slice(i, i + ARTICLES_PER_JOB) } });
  for (let i = 0; i < jobs.length; i += 500) await boss.insert(jobs.slice(i, i + 500));
  return jobs.length;
}

export async function enqueueIngest(url: string, ids: readonly string[]): Promise<number> {
  const store = await PostgresStore.open(url);
  const boss = await openQueue(url, store);
  try {
    return await sendIngestJobs(boss, ids);
  } finally {
    await boss.stop({ graceful: false, wait: true });
    await store.close();
  }
}
