// What queue workers share in PostgreSQL beyond the Store: analyzed-article marks and the story assignment.
import type pg from 'pg';
import type { Article } from '../../core/article.js';
import type { PostgresStore } from './postgres-store.js';

export interface AssignedStory {
  readonly id: string;
  readonly title: string;
  readonly articleIds: readonly string[];
  /** Story ids merged into this one, whose stored rows the next analysis removes. */
  readonly absorbed: readonly string[];
  /** Bumped on every change, so an analysis can tell it worked on the current membership. */
  readonly revision: number;
}

/** The advisory lock the story assigner holds while it reads and rewrites the assignment. */
const ASSIGN_LOCK = `hashtext('parallax.assign-stories:' || current_schema())`;

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

  /** Stores the analyzed articles and marks them in one transaction: a crash leaves both or neither. */
  async saveAnalyzed(articles: readonly Article[]): Promise<void> {
    if (!articles.length) return;
    await this.store.transaction(async (client) => {
      await client.query('UPDATE articles SET article_json = u.json FROM unnest($1::text[], $2::text[]) AS u(id, json) WHERE articles.id = u.id', [
        articles.map((a) => a.id),
        articles.map((a) => JSON.stringify(a)),
      ]);
      await client.query('INSERT INTO work_analyzed (article_id) SELECT * FROM unnest($1::text[]) ON CONFLICT DO NOTHING', [articles.map((a) => a.id)]);
    });
  }

  async analyzedIds(): Promise<string[]> {
    const { rows } = await this.store.pool.query<{ article_id: string }>('SELECT article_id FROM work_analyzed ORDER BY article_id COLLATE "C"');
    return rows.map((r) => r.article_id);
  }

  /**
   * Runs `fn` holding the assigner's transaction-scoped advisory lock, with the current assignment; what it returns
   * replaces the assignment in the same transaction. A second assigner waits for the first to commit, then reads
   * its result: assignments never interleave, and a crash rolls back to the previous complete assignment. `within`
   * runs in the same transaction after the write.
   */
  async reassign<T>(
    fn: (current: readonly AssignedStory[], nextId: () => Promise<string>) => Promise<{ readonly stories: readonly AssignedStory[]; readonly result: T }>,
    within?: (client: pg.PoolClient, result: T) => Promise<void>,
  ): Promise<T> {
    return this.store.transaction(async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock(${ASSIGN_LOCK})`);
      const { rows } = await client.query<{ story_id: string; title: string; article_ids: string[]; absorbed: string[]; revision: string }>(
        'SELECT story_id, title, article_ids, absorbed, revision FROM work_stories ORDER BY story_id COLLATE "C"',
      );
      const current = rows.map((r): AssignedStory => ({ id: r.story_id, title: r.title, articleIds: r.article_ids, absorbed: r.absorbed, revision: Number(r.revision) }));
      const nextId = async (): Promise<string> => `s${(await client.query<{ n: string }>("SELECT nextval('work_story_seq') AS n")).rows[0]!.n}`;
      const { stories, result } = await fn(current, nextId);
      await client.query('DELETE FROM work_stories WHERE NOT (story_id = ANY($1::text[]))', [stories.map((s) => s.id)]);
      await client.query(
        `INSERT INTO work_stories (story_id, title, article_ids, absorbed, revision)
         SELECT u.id, u.title, ARRAY(SELECT json_array_elements_text(u.articles::json)), ARRAY(SELECT json_array_elements_text(u.absorbed::json)), u.revision
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[]) AS u(id, title, articles, absorbed, revision)
         ON CONFLICT (story_id) DO UPDATE SET title = excluded.title, article_ids = excluded.article_ids, absorbed = excluded.absorbed, revision = excluded.revision`,
        [
          stories.map((s) => s.id),
          stories.map((s) => s.title),
          stories.map((s) => JSON.stringify(s.articleIds)),
          stories.map((s) => JSON.stringify(s.absorbed)),
          stories.map((s) => s.revision),
        ],
      );
      // Work that must commit with the assignment or not at all (the analysis jobs of the stories it changed).
      await within?.(client, result);
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
