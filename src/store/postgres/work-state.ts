// What queue workers share in PostgreSQL beyond the Store: analyzed-article marks and the story assignment.
import type pg from 'pg';
import type { AnalyzedArticle } from '../store.js';
import type { PostgresStore } from './postgres-store.js';

export interface AssignedStory {
  readonly id: string;
  /** Unused since assignment is incremental (the story analysis titles a story); kept for old rows. */
  readonly title: string;
  readonly articleIds: readonly string[];
  /** Story ids merged into this one, whose stored rows the next analysis removes. */
  readonly absorbed: readonly string[];
  /** Bumped on every change, so an analysis can tell it worked on the current membership. */
  readonly revision: number;
}

/** One assignment pass, inside the assigner's transaction (see `assignPending`). */
export interface AssignPass {
  readonly client: pg.PoolClient;
  /** Committed passes so far. */
  readonly generation: number;
  /**
   * The enqueued batches ready for assignment, oldest first: each batch's analyzed article ids (in id order) once every
   * article of it was analyzed. A batch waits for its slowest article, and later batches wait behind it, so articles
   * enter the story index in the same order however many workers analyzed them. The pass marks them assigned and
   * forgets the batches when it commits.
   */
  readonly batches: readonly (readonly string[])[];
  /** Articles of batches given up on (no ingest job was left that could analyze them), skipped by this pass. */
  readonly skipped: readonly string[];
  engineState(prefix: string): Promise<{ key: string; value: string }[]>;
  /** Upserts engine state rows, deletes those whose value is null. */
  putEngineState(rows: readonly { readonly key: string; readonly value: string | null }[]): Promise<void>;
  /** Upserts these stories' members (sorted) and absorbed ids, bumping their revision; deletes `removed`. */
  writeStories(stories: readonly { readonly id: string; readonly articleIds: readonly string[]; readonly absorbed: readonly string[] }[], removed: readonly string[]): Promise<void>;
}

/** The advisory lock the story assigner holds while it reads and rewrites the assignment. */
export const ASSIGN_LOCK = `hashtext('parallax.assign-stories:' || current_schema())`;
/**
 * Held shared by every transaction that marks articles analyzed and exclusively by one that enqueues a batch: a
 * batch's rows then see every mark committed before it, and every mark committed after it sees the batch's rows.
 */
const QUEUED_LOCK = `hashtext('parallax.queued:' || current_schema())`;

export class PostgresWorkState {
  constructor(private readonly store: PostgresStore) {}

  /** The article ids among `ids` whose per-article stages have not run yet. */
  async notAnalyzed(ids: readonly string[]): Promise<string[]> {
    const { rows } = await this.store.pool.query<{ id: string }>(
      'SELECT u.id FROM unnest($1::text[]) AS u(id) WHERE NOT EXISTS (SELECT 1 FROM work_analyzed w WHERE w.article_id = u.id)',
      [[...ids]],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Stores the analyzed articles with the stage versions that produced their layers, and marks them, in one
   * transaction: a crash leaves all three or none.
   */
  async saveAnalyzed(entries: readonly AnalyzedArticle[]): Promise<void> {
    if (!entries.length) return;
    const ids = entries.map((e) => e.article.id);
    await this.store.transaction(async (client) => {
      await client.query('UPDATE articles SET article_json = u.json FROM unnest($1::text[], $2::text[]) AS u(id, json) WHERE articles.id = u.id', [
        ids,
        entries.map((e) => JSON.stringify(e.article)),
      ]);
      await client.query(
        'INSERT INTO article_stages (article, versions_json) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (article) DO UPDATE SET versions_json = excluded.versions_json',
        [ids, entries.map((e) => JSON.stringify(e.stages))],
      );
      await client.query(`SELECT pg_advisory_xact_lock_shared(${QUEUED_LOCK})`);
      await client.query('INSERT INTO work_analyzed (article_id) SELECT * FROM unnest($1::text[]) ON CONFLICT DO NOTHING', [ids]);
      await client.query('UPDATE work_queued SET analyzed = true WHERE article_id = ANY($1::text[]) AND NOT analyzed', [ids]);
    });
  }

  /**
   * Records these stored articles as the next batch (see `AssignPass.batches`) and, in the same transaction, queues
   * their jobs through `send` (so a batch never exists without its jobs, nor jobs without their batch). Returns the
   * batch number.
   */
  async enqueueBatch(ids: readonly string[], send: (client: pg.PoolClient) => Promise<void>): Promise<number> {
    return this.store.transaction(async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock(${QUEUED_LOCK})`);
      const batch = Number((await client.query<{ batch: string }>("SELECT nextval('work_batch_seq') AS batch")).rows[0]!.batch);
      await client.query('INSERT INTO work_batches (batch) VALUES ($1)', [batch]);
      await client.query(
        `INSERT INTO work_queued (batch, article_id, analyzed)
         SELECT $1, u.id, EXISTS (SELECT 1 FROM work_analyzed w WHERE w.article_id = u.id) FROM unnest($2::text[]) AS u(id)
         ON CONFLICT DO NOTHING`,
        [batch, [...ids]],
      );
      await send(client);
      return batch;
    });
  }

  async analyzedIds(): Promise<string[]> {
    const { rows } = await this.store.pool.query<{ article_id: string }>('SELECT article_id FROM work_analyzed ORDER BY article_id COLLATE "C"');
    return rows.map((r) => r.article_id);
  }

  /**
   * Runs `fn` holding the assigner's transaction-scoped advisory lock: a second assigner waits for the first to
   * commit, so assignments never interleave, and a crash rolls back to the previous complete assignment. `fn` gets
   * the assigner generation (bumped by every committed pass, so a process can tell its in-memory index is current)
   * and the batches ready for assignment; what it writes through the `AssignPass` commits with the pass. `stalled`
   * says whether no ingest job is left that could finish a waiting batch.
   */
  async assignPending<T>(stalled: () => Promise<boolean>, fn: (pass: AssignPass) => Promise<T>): Promise<T> {
    return this.store.transaction(async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock(${ASSIGN_LOCK})`);
      const generation = Number((await client.query<{ generation: string }>('SELECT generation FROM work_assigner')).rows[0]?.generation ?? 0);
      // The ready batches: oldest first, up to the first one still waiting for an analysis. When no ingest job is
      // left to finish it (the jobs failed for good), waiting would be forever: it and the rest are taken as they are.
      const ready: number[] = [];
      let giveUp: boolean | null = null;
      for (const { batch } of (await client.query<{ batch: string }>('SELECT batch FROM work_batches ORDER BY batch')).rows) {
        const waiting = (await client.query('SELECT 1 FROM work_queued WHERE batch = $1 AND NOT analyzed LIMIT 1', [batch])).rows.length > 0;
        if (waiting && !(giveUp ??= await stalled())) break;
        ready.push(Number(batch));
      }
      const members = (
        await client.query<{ batch: string; article_id: string; analyzed: boolean }>(
          'SELECT batch, article_id, analyzed FROM work_queued WHERE batch = ANY($1::bigint[]) ORDER BY batch, article_id COLLATE "C"',
          [ready],
        )
      ).rows;
      const byBatch = new Map<number, string[]>(ready.map((b) => [b, []]));
      for (const m of members) if (m.analyzed) byBatch.get(Number(m.batch))!.push(m.article_id);
      const pending = [...new Set(members.filter((m) => m.analyzed).map((m) => m.article_id))];
      const pass: AssignPass = {
        client,
        generation,
        batches: [...byBatch.values()],
        skipped: members.filter((m) => !m.analyzed).map((m) => m.article_id),
        engineState: async (prefix) =>
          (await client.query<{ key: string; value: string }>('SELECT key, value FROM engine_state WHERE starts_with(key, $1) ORDER BY key COLLATE "C"', [prefix])).rows,
        putEngineState: async (rows) => {
          const last = new Map(rows.map((r) => [r.key, r.value]));
          const removed = [...last].filter(([, v]) => v === null).map(([k]) => k);
          const upserts = [...last].filter((e): e is [string, string] => e[1] !== null);
          if (removed.length) await client.query('DELETE FROM engine_state WHERE key = ANY($1::text[])', [removed]);
          if (upserts.length) {
            await client.query('INSERT INTO engine_state (key, value) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [
              upserts.map(([k]) => k),
              upserts.map(([, v]) => v),
            ]);
          }
        },
        writeStories: async (stories, removed) => {
          if (removed.length) await client.query('DELETE FROM work_stories WHERE story_id = ANY($1::text[])', [[...removed]]);
          if (!stories.length) return;
          await client.query(
            `INSERT INTO work_stories (story_id, title, article_ids, absorbed, revision)
             SELECT u.id, '', ARRAY(SELECT json_array_elements_text(u.articles::json)), ARRAY(SELECT json_array_elements_text(u.absorbed::json)), 1
             FROM unnest($1::text[], $2::text[], $3::text[]) AS u(id, articles, absorbed)
             ON CONFLICT (story_id) DO UPDATE SET article_ids = excluded.article_ids, absorbed = excluded.absorbed, revision = work_stories.revision + 1`,
            [stories.map((s) => s.id), stories.map((s) => JSON.stringify(s.articleIds)), stories.map((s) => JSON.stringify(s.absorbed))],
          );
        },
      };
      const result = await fn(pass);
      if (pending.length) await client.query('UPDATE work_analyzed SET assigned = true WHERE article_id = ANY($1::text[])', [pending]);
      if (ready.length) await client.query('DELETE FROM work_batches WHERE batch = ANY($1::bigint[])', [ready]);
      await client.query('UPDATE work_assigner SET generation = generation + 1');
      return result;
    });
  }

  async story(id: string): Promise<AssignedStory | null> {
    const { rows } = await this.store.pool.query<{ story_id: string; title: string; article_ids: string[]; absorbed: string[]; revision: string }>(
      'SELECT story_id, title, article_ids, absorbed, revision FROM work_stories WHERE story_id = $1',
      [id],
    );
    const r = rows[0];
    return r ? { id: r.story_id, title: r.title, articleIds: r.article_ids, absorbed: r.absorbed, revision: Number(r.revision) } : null;
  }

  async stories(): Promise<AssignedStory[]> {
    const { rows } = await this.store.pool.query<{ story_id: string; title: string; article_ids: string[]; absorbed: string[]; revision: string }>(
      'SELECT story_id, title, article_ids, absorbed, revision FROM work_stories ORDER BY story_id COLLATE "C"',
    );
    return rows.map((r) => ({ id: r.story_id, title: r.title, articleIds: r.article_ids, absorbed: r.absorbed, revision: Number(r.revision) }));
  }
}
