// For tests: the PostgreSQL server named by PARALLAX_TEST_PG, a fresh schema per test run, dropped afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_PG_ENV = 'PARALLAX_TEST_PG';

export interface TestDatabase {
  readonly url: string;
  /** A schema name no other run uses. */
  freshSchema(): string;
  /** A connection URL whose search_path is this schema (what --db takes in a child process). */
  urlFor(schema: string): string;
  /** Drops every schema handed out, and their job queues. */
  dropAll(): Promise<void>;
}

/**
 * The test database, or a skip reason when PARALLAX_TEST_PG is unset. Under CI a missing server is a failure, not a
 * skip: callers pass the reason to `test(..., { skip })` only when `CI` is unset.
 */
export function testDatabase(): TestDatabase | { readonly skip: string } {
  const url = process.env[TEST_PG_ENV];
  if (!url) {
    const reason = `${TEST_PG_ENV} is not set (e.g. postgres://parallax@127.0.0.1:5432/parallax_test); PostgreSQL tests skipped`;
    if (process.env.CI) throw new Error(`${reason}, but CI is set: PostgreSQL tests must run in CI.`);
    return { skip: reason };
  }
  const run = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const schemas: string[] = [];
  return {
    url,
    freshSchema() {
      const name = `px_test_${run}_${schemas.length}`;
      schemas.push(name);
      return name;
    },
    urlFor(schema: string) {
      return `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    },
    async dropAll() {
      if (!schemas.length) return;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        // The job queue of a store lives beside its schema (see worker/job-queue.ts).
        for (const s of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS ${s}, ${s}_pgboss CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
