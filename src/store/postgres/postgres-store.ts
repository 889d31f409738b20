// The shared, multi-machine store: PostgreSQL through `pg`, a tsvector + GIN index for search, migrations on open.
import pg from 'pg';
import type { Article } from '../../core/article.js';
import { ParallaxError } from '../../core/errors.js';
import type { IngestFailure } from '../../core/raw-article.js';
import type { Report } from '../../report/schema.js';
import type { Migration } from '../sqlite/migrations.js';
import { decodeCursor, pageLimit, toPage } from '../page-cursor.js';
import type { ArticleHeader, Page, PageRequest, PutResult, SearchHit, Store, StoredFailure, StoredStory, StorySummary } from '../store.js';
import { POSTGRES_MIGRATIONS } from './migrations.js';
import { ASSIGN_LOCK } from './work-state.js';

/** Stage name -> version of the per-article stages that produced an article's layers (the incremental engine's). */
type StageVersions = Readonly<Record<string, string>>;

export interface PostgresStoreOptions {
  /** Schema holding the tables (created when missing); the server's search_path when absent. */
  readonly schema?: string;
  /** Most pooled connections this process opens. */
  readonly maxConnections?: number;
}

/** A connection string with its password masked, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]*):[^@/]*@/, '$1:***@');
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** PostgreSQL text cannot hold NUL; the index copies drop it (the article JSON escapes it and stays exact). */
function indexable(text: string | null): string | null {
  return text === null ? null : text.replace(/\u0000/g, ' ');
}

type Queryable = pg.Pool | pg.PoolClient;

/**
 * A URL may name its schema (`?options=-c search_path=news`); like a SQLite file, it is created on first open.
 * Returns that schema when it does not exist yet, else undefined (the tables go where search_path points).
 */
async function missingSearchPathSchema(client: pg.PoolClient): Promise<string | undefined> {
  const { rows } = await client.query<{ current: string | null; path: string }>(`SELECT current_schema() AS current, current_setting('search_path') AS path`);
  if (rows[0]?.current) return undefined;
  const first = rows[0]?.path.split(',')[0]?.trim().replace(/^"(.*)"$/, '$1');
  return first && SCHEMA_NAME.test(first) ? first : undefined;
}

async function migrate(client: pg.PoolClient, schema: string | undefined, migrations: readonly Migration[]): Promise<void> {
  await client.query('BEGIN');
  try {
    // Two processes opening a fresh database at once: the second waits here, then finds the schema and every
    // migration in place (CREATE SCHEMA IF NOT EXISTS alone races on the catalog's unique index).
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('parallax.migrate:' || coalesce($1, current_schema(), '')))`, [schema ?? null]);
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)');
    const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
}

export class PostgresStore implements Store {
  readonly backend = 'postgres';
  readonly pool: pg.Pool;

  private constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const schema = options.schema;
    if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
      throw new ParallaxError('PX100', `schema name "${schema}" is not a plain lower-case identifier; use letters, digits and _.`);
    }
    const pool = new pg.Pool({
      connectionString: url,
      max: options.maxConnections ?? 4,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    // An idle client that loses its server must not crash the process; the next query reports it.
    pool.on('error', () => undefined);
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (err) {
      await pool.end();
      throw new ParallaxError('PX200', `cannot connect to ${redactUrl(url)}: ${(err as Error).message}. Check that the server runs and the URL (user, host, port, database) is right.`, { cause: err });
    }
    try {
      await migrate(client, schema ?? (await missingSearchPathSchema(client)), POSTGRES_MIGRATIONS);
    } catch (err) {
      client.release();
      await pool.end();
      throw new ParallaxError('PX201', `cannot migrate database ${redactUrl(url)}: ${(err as Error).message}. Is it a Parallax database, and may this user create tables?`, { cause: err });
    }
    client.release();
    return new PostgresStore(pool);
  }

  /** Runs `fn` in one transaction on one connection. */
  async transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const out = await fn(client);
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async putArticles(articles: readonly Article[]): Promise<PutResult[]> {
    if (!articles.length) return [];
    return this.transaction(async (client) => {
      // One statement for the batch; ON CONFLICT makes two writers racing on one content hash store it once, and
      // inserting in content-hash order makes racing batches wait on each other in one order, never in a cycle.
      const inserted = await client.query<{ id: string; content_hash: string }>(
        `INSERT INTO articles (id, content_hash, outlet, published, title, source_json, article_json, body)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS u(id, content_hash, o, p, t, s, j, b)
         ORDER BY u.content_hash COLLATE "C"
         ON CONFLICT DO NOTHING RETURNING id, content_hash`,
        [
          articles.map((a) => a.id),
          articles.map((a) => a.contentHash),
          articles.map((a) => indexable(a.meta.outlet)),
          articles.map((a) => indexable(a.meta.published)),
          articles.map((a) => indexable(a.meta.title)),
          articles.map((a) => JSON.stringify(a.source)),
          articles.map((a) => JSON.stringify(a)),
          articles.map((a) => indexable(a.text)),
        ],
      );
      const fresh = new Set(inserted.rows.map((r) => r.content_hash));
      const existing = await client.query<{ id: string; content_hash: string }>('SELECT id, content_hash FROM articles WHERE content_hash = ANY($1::text[])', [
        [...new Set(articles.map((a) => a.contentHash))],
      ]);
      const idOf = new Map(existing.rows.map((r) => [r.content_hash, r.id]));
      const seen = new Set<string>();
      return articles.map((a): PutResult => {
        const first = !seen.has(a.contentHash);
        seen.add(a.contentHash);
        return { id: idOf.get(a.contentHash) ?? a.id, inserted: first && fresh.has(a.contentHash) };
      });
    });
  }

  async updateArticles(articles: readonly Article[]): Promise<void> {
    if (!articles.length) return;
    await this.transaction(async (client) => {
      const ids = articles.map((a) => a.id);
      await client.query('UPDATE articles SET article_json = u.json FROM unnest($1::text[], $2::text[]) AS u(id, json) WHERE articles.id = u.id', [
        ids,
        articles.map((a) => JSON.stringify(a)),
      ]);
      // Layers written outside the engine are of unknown stage versions.
      await client.query('DELETE FROM article_stages WHERE article = ANY($1::text[])', [ids]);
    });
  }

  async saveAnalyzedArticles(entries: readonly { readonly article: Article; readonly stages: StageVersions }[]): Promise<void> {
    if (!entries.length) return;
    await this.transaction(async (client) => {
      const { rows } = await client.query<{ id: string }>(
        'UPDATE articles SET article_json = u.json FROM unnest($1::text[], $2::text[]) AS u(id, json) WHERE articles.id = u.id RETURNING articles.id',
        [entries.map((e) => e.article.id), entries.map((e) => JSON.stringify(e.article))],
      );
      // Only articles that are stored get their versions recorded.
      const stored = new Set(rows.map((r) => r.id));
      const kept = entries.filter((e) => stored.has(e.article.id));
      await client.query(
        `INSERT INTO article_stages (article, versions_json) SELECT * FROM unnest($1::text[], $2::text[])
         ON CONFLICT (article) DO UPDATE SET versions_json = excluded.versions_json`,
        [kept.map((e) => e.article.id), kept.map((e) => JSON.stringify(e.stages))],
      );
    });
  }

  async getStageVersions(ids: readonly string[]): Promise<Map<string, StageVersions>> {
    const { rows } = await this.pool.query<{ article: string; versions_json: string }>('SELECT article, versions_json FROM article_stages WHERE article = ANY($1::text[])', [[...ids]]);
    return new Map(rows.map((r) => [r.article, JSON.parse(r.versions_json) as StageVersions]));
  }

  async getEngineState(keys: readonly string[]): Promise<Map<string, string>> {
    const { rows } = await this.pool.query<{ key: string; value: string }>('SELECT key, value FROM engine_state WHERE key = ANY($1::text[])', [[...keys]]);
    return new Map(rows.map((r) => [r.key, r.value]));
  }

  async listEngineState(prefix: string): Promise<{ key: string; value: string }[]> {
    const { rows } = await this.pool.query<{ key: string; value: string }>('SELECT key, value FROM engine_state WHERE starts_with(key, $1) ORDER BY key COLLATE "C"', [prefix]);
    return rows.map((r) => ({ key: r.key, value: r.value }));
  }

  async putEngineState(rows: readonly { readonly key: string; readonly value: string | null }[]): Promise<void> {
    if (!rows.length) return;
    await this.transaction(async (client) => {
      // The last write of a key wins, as when the rows are applied one by one.
      const last = new Map(rows.map((r) => [r.key, r.value]));
      const removed = [...last].filter(([, v]) => v === null).map(([k]) => k);
      const upserts = new Map([...last].filter((e): e is [string, string] => e[1] !== null));
      if (removed.length) await client.query('DELETE FROM engine_state WHERE key = ANY($1::text[])', [removed]);
      await client.query('INSERT INTO engine_state (key, value) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [
        [...upserts.keys()],
        [...upserts.values()],
      ]);
    });
  }

  async getArticle(id: string): Promise<Article | null> {
    const { rows } = await this.pool.query<{ article_json: string }>('SELECT article_json FROM articles WHERE id = $1', [id]);
    return rows[0] ? (JSON.parse(rows[0].article_json) as Article) : null;
  }

  async listArticles(ids?: readonly string[]): Promise<Article[]> {
    const { rows } = ids
      ? await this.pool.query<{ article_json: string }>('SELECT article_json FROM articles WHERE id = ANY($1::text[]) ORDER BY id COLLATE "C"', [[...ids]])
      : await this.pool.query<{ article_json: string }>('SELECT article_json FROM articles ORDER BY id COLLATE "C"');
    return rows.map((r) => JSON.parse(r.article_json) as Article);
  }

  async countArticles(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>('SELECT count(*) AS n FROM articles');
    return Number(rows[0]?.n ?? 0);
  }

  async recordFailures(failures: readonly IngestFailure[], at: string): Promise<void> {
    if (!failures.length) return;
    await this.pool.query('INSERT INTO ingest_failures (source_json, diagnostics_json, at) SELECT s, d, $3 FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u(s, d, n) ORDER BY n', [
      failures.map((f) => JSON.stringify(f.source)),
      failures.map((f) => JSON.stringify(f.diagnostics)),
      at,
    ]);
  }

  async listFailures(): Promise<StoredFailure[]> {
    const { rows } = await this.pool.query<{ source_json: string; diagnostics_json: string; at: string }>('SELECT source_json, diagnostics_json, at FROM ingest_failures ORDER BY seq');
    return rows.map((r) => ({ failure: { source: JSON.parse(r.source_json), diagnostics: JSON.parse(r.diagnostics_json) }, at: r.at }));
  }

  async saveReport(key: string, report: Report): Promise<void> {
    await saveReportOn(this.pool, key, report);
  }

  async loadReport(key: string): Promise<Report | null> {
    const { rows } = await this.pool.query<{ report_json: string }>('SELECT report_json FROM reports WHERE key = $1', [key]);
    return rows[0] ? (JSON.parse(rows[0].report_json) as Report) : null;
  }

  async search(query: string, page: PageRequest): Promise<Page<SearchHit>> {
    const limit = pageLimit(page);
    // The cursor is the (rank, id) of the last hit: ranks are stable while the index is unchanged.
    const after = page.cursor ? decodeCursor(page.cursor) : null;
    // plainto_tsquery reads plain words and ANDs them: quotes, operators and brackets in user input are no syntax.
    // Rank and cut first, so ts_headline (which re-parses the text) runs only on the rows returned.
    const { rows } = await this.pool.query<{ id: string; title: string | null; outlet: string | null; score: number; snippet: string }>(
      `WITH q AS (SELECT plainto_tsquery('simple', $1) AS q),
       hits AS (
         SELECT * FROM (
           SELECT a.id, a.title, a.outlet, a.body, ts_rank_cd(a.search, q.q)::float8 AS score
           FROM articles a, q WHERE a.search @@ q.q
         ) ranked
         WHERE $3::boolean OR score < $4::float8 OR (score = $4::float8 AND id COLLATE "C" > $5::text)
         ORDER BY score DESC, id COLLATE "C" LIMIT $2
       )
       SELECT h.id, h.title, h.outlet, h.score,
              ts_headline('simple', h.body, q.q, 'StartSel=[, StopSel=], MaxWords=16, MinWords=6, ShortWord=0, MaxFragments=1, FragmentDelimiter=…') AS snippet
       FROM hits h, q ORDER BY h.score DESC, h.id COLLATE "C"`,
      [query, limit + 1, after === null, after === null ? 0 : Number(after[0]), after === null ? '' : String(after[1] ?? '')],
    );
    return toPage(rows, limit, (r) => ({ article: r.id, title: r.title, outlet: r.outlet, snippet: r.snippet }), (r) => [r.score, r.id]);
  }

  async listArticleHeaders(page: PageRequest): Promise<Page<ArticleHeader>> {
    const limit = pageLimit(page);
    const after = page.cursor ? String(decodeCursor(page.cursor)[0]) : '';
    const { rows } = await this.pool.query<{ id: string; outlet: string | null; published: string | null; title: string | null; source_json: string }>(
      'SELECT id, outlet, published, title, source_json FROM articles WHERE id COLLATE "C" > $1 ORDER BY id COLLATE "C" LIMIT $2',
      [after, limit + 1],
    );
    return toPage(rows, limit, (r) => ({ id: r.id, outlet: r.outlet, published: r.published, title: r.title, source: JSON.parse(r.source_json) }), (r) => [r.id]);
  }

  async replaceStories(stories: readonly StoredStory[], removed: readonly string[]): Promise<void> {
    await this.transaction(async (client) => {
      if (removed.length) await client.query('DELETE FROM stories WHERE id = ANY($1::text[])', [[...removed]]);
      if (!stories.length) return;
      const ids = stories.map((s) => s.summary.id);
      await client.query(
        `INSERT INTO stories (id, title, summary_json, absorbed_json, report_json)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, summary_json = excluded.summary_json,
           absorbed_json = excluded.absorbed_json, report_json = excluded.report_json`,
        [ids, stories.map((s) => s.summary.title), stories.map((s) => JSON.stringify(s.summary)), stories.map((s) => JSON.stringify(s.absorbed)), stories.map((s) => JSON.stringify(s.report))],
      );
      await client.query('DELETE FROM story_articles WHERE story_id = ANY($1::text[])', [ids]);
      const links = stories.flatMap((s) => s.articleIds.map((a) => [a, s.summary.id] as const));
      await client.query(
        `INSERT INTO story_articles (article_id, story_id) SELECT * FROM unnest($1::text[], $2::text[])
         ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id`,
        [links.map((l) => l[0]), links.map((l) => l[1])],
      );
    });
  }

  async getStory(id: string): Promise<StoredStory | null> {
    const { rows } = await this.pool.query<{ summary_json: string; absorbed_json: string; report_json: string }>(
      'SELECT summary_json, absorbed_json, report_json FROM stories WHERE id = $1',
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    const members = await this.pool.query<{ article_id: string }>('SELECT article_id FROM story_articles WHERE story_id = $1 ORDER BY article_id COLLATE "C"', [id]);
    return { summary: JSON.parse(row.summary_json), articleIds: members.rows.map((r) => r.article_id), absorbed: JSON.parse(row.absorbed_json), report: JSON.parse(row.report_json) };
  }

  async listStories(page: PageRequest & { readonly q?: string }): Promise<Page<StorySummary>> {
    const limit = pageLimit(page);
    const after = page.cursor ? String(decodeCursor(page.cursor)[0]) : '';
    const words = (page.q ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    // Every word must occur in the title; each is a LIKE pattern with its wildcards escaped.
    const { rows } = await this.pool.query<{ id: string; summary_json: string }>(
      `SELECT id, summary_json FROM stories
       WHERE id COLLATE "C" > $1 AND lower(title) LIKE ALL ($3::text[])
       ORDER BY id COLLATE "C" LIMIT $2`,
      [after, limit + 1, words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)],
    );
    return toPage(rows, limit, (r) => JSON.parse(r.summary_json) as StorySummary, (r) => [r.id]);
  }

  async storyOfArticles(ids: readonly string[]): Promise<Map<string, string>> {
    const { rows } = await this.pool.query<{ article_id: string; story_id: string }>('SELECT article_id, story_id FROM story_articles WHERE article_id = ANY($1::text[])', [[...ids]]);
    return new Map(rows.map((r) => [r.article_id, r.story_id]));
  }

  /**
   * Holds the story assigner's advisory lock (the one worker assignment passes take) for the whole of `fn`, on a
   * connection of its own: a dead process's lock goes with its connection. Bumps the assigner generation after, so
   * a worker re-reads the story index this analysis changed.
   */
  async exclusiveAnalysis<T>(fn: (beat: () => void) => Promise<T>, onWait?: (holder: string) => void): Promise<T> {
    // Analyses of this process take turns before they take a connection: each waiting one holding a pooled
    // connection could leave none for the analysis that holds the lock.
    const previous = this.analysisTurn;
    let done = (): void => undefined;
    this.analysisTurn = new Promise<void>((resolve) => (done = resolve));
    try {
      await previous;
      return await this.lockedAnalysis(fn, onWait);
    } finally {
      done();
    }
  }

  private analysisTurn: Promise<void> = Promise.resolve();

  private async lockedAnalysis<T>(fn: (beat: () => void) => Promise<T>, onWait?: (holder: string) => void): Promise<T> {
    const client = await this.pool.connect();
    try {
      const free = (await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${ASSIGN_LOCK}) AS ok`)).rows[0]?.ok;
      if (!free) {
        const { rows } = await client.query<{ pid: number }>(
          `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = (${ASSIGN_LOCK})::oid AND pid <> pg_backend_pid() LIMIT 1`,
        ).catch(() => ({ rows: [] as { pid: number }[] }));
        onWait?.(rows[0] ? `server process ${rows[0].pid}` : 'another process');
        await client.query(`SELECT pg_advisory_lock(${ASSIGN_LOCK})`);
      }
      try {
        return await fn(() => undefined);
      } finally {
        await client.query('UPDATE work_assigner SET generation = generation + 1');
        await client.query(`SELECT pg_advisory_unlock(${ASSIGN_LOCK})`);
      }
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

async function saveReportOn(db: Queryable, key: string, report: Report): Promise<void> {
  await db.query('INSERT INTO reports (key, report_json) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET report_json = excluded.report_json', [key, JSON.stringify(report)]);
}
