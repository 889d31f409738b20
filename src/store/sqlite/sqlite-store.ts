// The embedded default store: one SQLite file (better-sqlite3), FTS5 for search, migrations on open.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import type { Article } from '../../core/article.js';
import { ParallaxError } from '../../core/errors.js';
import type { IngestFailure } from '../../core/raw-article.js';
import type { Report } from '../../report/schema.js';
import { decodeCursor, pageLimit, toPage } from '../page-cursor.js';
import type { AnalyzedArticle, ArticleHeader, EngineStateRow, Page, PageRequest, PutResult, SearchHit, StageVersions, Store, StoredFailure, StoredStory, StorySummary } from '../store.js';
import { SQLITE_MIGRATIONS, type Migration } from './migrations.js';

type Db = Database.Database;

export interface SqliteOptions {
  /** How long a writer waits for another process's write lock before giving up (SQLite busy_timeout). */
  readonly busyTimeoutMs?: number;
}

/** Long enough for another CLI's largest write (a whole analysis saved at once) to finish first. */
export const DEFAULT_BUSY_TIMEOUT_MS = 30_000;

/** Distinct statements kept prepared per connection. */
const MAX_CACHED_STATEMENTS = 64;

/** Whether SQLite gave up waiting for a lock another connection holds. */
export function isBusyError(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

function lockedError(path: string, waitedMs: number, err: unknown): ParallaxError {
  return new ParallaxError(
    'PX202',
    `database ${path} stayed locked by another process for ${waitedMs} ms; wait for the other parallax run to finish, or raise the wait with PARALLAX_BUSY_TIMEOUT_MS.`,
    { cause: err },
  );
}

/** Blocks the thread for `ms`: open and write are synchronous, as SQLite's own busy wait is. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs `fn`, trying again while SQLite answers busy before `waitMs` have passed. SQLite's busy timeout covers most
 * waits, but SQLite answers busy at once where waiting could deadlock: a connection switching a new database to WAL
 * while another process writes it (two CLIs starting on one new file), or a read upgraded to a write. Those are
 * retried here, so PX202 ("stayed locked for N ms") is only ever said after N ms.
 */
export function retryWhileBusy<T>(waitMs: number, fn: () => T, clock: { now(): number; sleep(ms: number): void } = { now: Date.now, sleep: sleepSync }): T {
  const start = clock.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return fn();
    } catch (err) {
      const waited = clock.now() - start;
      if (!isBusyError(err) || waited >= waitMs) throw err;
      clock.sleep(Math.min(2 ** attempt, 100, waitMs - waited));
    }
  }
}

/** One connection in WAL mode with foreign keys on; the busy timeout is set first, since switching a new file to WAL already takes a lock. */
function connect(path: string, busyTimeoutMs: number): Db {
  const db = new Database(path, { timeout: busyTimeoutMs });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function migrate(db: Db, migrations: readonly Migration[]): void {
  // immediate: two processes opening a new database at once migrate one after the other, never both
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)');
    const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)').run(m.version, m.name);
    }
  }).immediate();
}

/** Turns free text into an FTS5 query of quoted terms, so user input can never be a syntax error. */
export function ftsQuery(query: string): string {
  const terms = query.match(/[\p{L}\p{N}]+/gu) ?? [];
  return terms.map((t) => `"${t}"`).join(' ');
}

export class SqliteStore implements Store {
  readonly backend = 'sqlite';
  private readonly db: Db;
  private readonly path: string;
  private readonly busyTimeoutMs: number;

  /** Prepared statements by their SQL: preparing parses and plans the statement, so each is done once per connection. */
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(db: Db, path: string, busyTimeoutMs: number) {
    this.db = db;
    this.path = path;
    this.busyTimeoutMs = busyTimeoutMs;
  }

  static open(path: string, options: SqliteOptions = {}): SqliteStore {
    const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
    let db: Db;
    try {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      db = retryWhileBusy(busyTimeoutMs, () => connect(path, busyTimeoutMs));
    } catch (err) {
      if (isBusyError(err)) throw lockedError(path, busyTimeoutMs, err);
      throw new ParallaxError('PX200', `cannot open database ${path}: ${(err as Error).message}. Check the path and its permissions, or pass --db PATH.`, { cause: err });
    }
    try {
      retryWhileBusy(busyTimeoutMs, () => migrate(db, SQLITE_MIGRATIONS));
    } catch (err) {
      db.close();
      if (isBusyError(err)) throw lockedError(path, busyTimeoutMs, err);
      throw new ParallaxError('PX201', `cannot migrate database ${path}: ${(err as Error).message}. Is it a Parallax database? Pass another --db PATH.`, { cause: err });
    }
    return new SqliteStore(db, path, busyTimeoutMs);
  }

  /** The prepared statement for this SQL, prepared on first use. */
  private sql(source: string): Database.Statement {
    let statement = this.statements.get(source);
    if (!statement) {
      statement = this.db.prepare(source);
      // Dynamic SQL (a title filter per word count) is bounded, but never let the map grow without limit.
      if (this.statements.size < MAX_CACHED_STATEMENTS) this.statements.set(source, statement);
    }
    return statement;
  }

  /**
   * Runs a write as one BEGIN IMMEDIATE transaction: the write lock is taken (waiting up to the busy timeout) before
   * anything is read, so a read-then-write never fails on a lock upgrade; a lock that outlasts the wait is PX202.
   */
  private write<T>(fn: () => T): T {
    try {
      return retryWhileBusy(this.busyTimeoutMs, () => this.db.transaction(fn).immediate());
    } catch (err) {
      if (isBusyError(err)) throw lockedError(this.path, this.busyTimeoutMs, err);
      throw err;
    }
  }

  async putArticles(articles: readonly Article[]): Promise<PutResult[]> {
    const exists = this.sql('SELECT id FROM articles WHERE content_hash = ?');
    const insert = this.sql(
      'INSERT INTO articles (id, content_hash, outlet, published, title, source_json, article_json) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const fts = this.sql('INSERT INTO articles_fts (id, title, text) VALUES (?, ?, ?)');
    return this.write(() =>
      articles.map((a): PutResult => {
        const found = exists.get(a.contentHash) as { id: string } | undefined;
        if (found) return { id: found.id, inserted: false };
        insert.run(a.id, a.contentHash, a.meta.outlet, a.meta.published, a.meta.title, JSON.stringify(a.source), JSON.stringify(a));
        fts.run(a.id, a.meta.title ?? '', a.text);
        return { id: a.id, inserted: true };
      }),
    );
  }

  async updateArticles(articles: readonly Article[]): Promise<void> {
    const update = this.sql('UPDATE articles SET article_json = ? WHERE id = ?');
    const forget = this.sql('DELETE FROM article_stages WHERE article = ?');
    this.write(() => {
      for (const a of articles) {
        update.run(JSON.stringify(a), a.id);
        forget.run(a.id);
      }
    });
  }

  async saveAnalyzedArticles(entries: readonly AnalyzedArticle[]): Promise<void> {
    const update = this.sql('UPDATE articles SET article_json = ? WHERE id = ?');
    const record = this.sql(
      'INSERT INTO article_stages (article, versions_json) VALUES (?, ?) ON CONFLICT(article) DO UPDATE SET versions_json = excluded.versions_json',
    );
    this.write(() => {
      for (const { article, stages } of entries) {
        if (update.run(JSON.stringify(article), article.id).changes > 0) record.run(article.id, JSON.stringify(stages));
      }
    });
  }

  async getStageVersions(ids: readonly string[]): Promise<Map<string, StageVersions>> {
    const get = this.sql('SELECT versions_json FROM article_stages WHERE article = ?');
    const out = new Map<string, StageVersions>();
    for (const id of ids) {
      const row = get.get(id) as { versions_json: string } | undefined;
      if (row) out.set(id, JSON.parse(row.versions_json) as StageVersions);
    }
    return out;
  }

  async getEngineState(keys: readonly string[]): Promise<Map<string, string>> {
    const get = this.sql('SELECT value FROM engine_state WHERE key = ?');
    const out = new Map<string, string>();
    for (const key of keys) {
      const row = get.get(key) as { value: string } | undefined;
      if (row) out.set(key, row.value);
    }
    return out;
  }

  async listEngineState(prefix: string): Promise<EngineStateRow[]> {
    // A range scan on the primary key: every key that starts with the prefix sorts in [prefix, prefix + U+FFFF).
    return this
      .sql('SELECT key, value FROM engine_state WHERE key >= ? AND key < ? ORDER BY key')
      .all(prefix, `${prefix}\uffff`) as EngineStateRow[];
  }

  async putEngineState(rows: readonly { readonly key: string; readonly value: string | null }[]): Promise<void> {
    const upsert = this.sql('INSERT INTO engine_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    const remove = this.sql('DELETE FROM engine_state WHERE key = ?');
    this.write(() => {
      for (const r of rows) {
        if (r.value === null) remove.run(r.key);
        else upsert.run(r.key, r.value);
      }
    });
  }

  async getArticle(id: string): Promise<Article | null> {
    const row = this.sql('SELECT article_json FROM articles WHERE id = ?').get(id) as { article_json: string } | undefined;
    return row ? (JSON.parse(row.article_json) as Article) : null;
  }

  async listArticles(ids?: readonly string[]): Promise<Article[]> {
    const rows = ids
      ? ((get) => ids.map((id) => get.get(id) as { article_json: string } | undefined).filter((r) => r !== undefined))(this.sql('SELECT article_json FROM articles WHERE id = ?'))
      : (this.sql('SELECT article_json FROM articles ORDER BY id').all() as { article_json: string }[]);
    const articles = rows.map((r) => JSON.parse(r.article_json) as Article);
    return articles.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async countArticles(): Promise<number> {
    return (this.sql('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  }

  async recordFailures(failures: readonly IngestFailure[], at: string): Promise<void> {
    const insert = this.sql('INSERT INTO ingest_failures (source_json, diagnostics_json, at) VALUES (?, ?, ?)');
    this.write(() => {
      for (const f of failures) insert.run(JSON.stringify(f.source), JSON.stringify(f.diagnostics), at);
    });
  }

  async listFailures(): Promise<StoredFailure[]> {
    const rows = this.sql('SELECT source_json, diagnostics_json, at FROM ingest_failures ORDER BY seq').all() as {
      source_json: string;
      diagnostics_json: string;
      at: string;
    }[];
    return rows.map((r) => ({ failure: { source: JSON.parse(r.source_json), diagnostics: JSON.parse(r.diagnostics_json) }, at: r.at }));
  }

  async saveReport(key: string, report: Report): Promise<void> {
    const upsert = this.sql('INSERT INTO reports (key, report_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET report_json = excluded.report_json');
    this.write(() => upsert.run(key, JSON.stringify(report)));
  }

  async loadReport(key: string): Promise<Report | null> {
    const row = this.sql('SELECT report_json FROM reports WHERE key = ?').get(key) as { report_json: string } | undefined;
    return row ? (JSON.parse(row.report_json) as Report) : null;
  }

  async search(query: string, page: PageRequest): Promise<Page<SearchHit>> {
    const match = ftsQuery(query);
    if (!match) return { items: [], next: null };
    const limit = pageLimit(page);
    // bm25 ranks are stable for an unchanged index, so (rank, id) after the cursor is the next page
    const after = page.cursor ? decodeCursor(page.cursor) : null;
    const rows = this
      .sql(
        `SELECT * FROM (
           SELECT f.id AS id, a.title AS title, a.outlet AS outlet, bm25(articles_fts) AS score,
                  snippet(articles_fts, 2, '[', ']', '…', 16) AS snippet
           FROM articles_fts f JOIN articles a ON a.id = f.id
           WHERE articles_fts MATCH ?)
         WHERE ? = 1 OR score > ? OR (score = ? AND id > ?)
         ORDER BY score, id LIMIT ?`,
      )
      .all(match, after === null ? 1 : 0, after?.[0] ?? null, after?.[0] ?? null, after?.[1] ?? null, limit + 1) as {
      id: string;
      title: string | null;
      outlet: string | null;
      score: number;
      snippet: string;
    }[];
    return toPage(rows, limit, (r) => ({ article: r.id, title: r.title, outlet: r.outlet, snippet: r.snippet }), (r) => [r.score, r.id]);
  }

  async listArticleHeaders(page: PageRequest): Promise<Page<ArticleHeader>> {
    const limit = pageLimit(page);
    const after = page.cursor ? String(decodeCursor(page.cursor)[0]) : '';
    const rows = this
      .sql('SELECT id, outlet, published, title, source_json FROM articles WHERE id > ? ORDER BY id LIMIT ?')
      .all(after, limit + 1) as { id: string; outlet: string | null; published: string | null; title: string | null; source_json: string }[];
    return toPage(rows, limit, (r) => ({ id: r.id, outlet: r.outlet, published: r.published, title: r.title, source: JSON.parse(r.source_json) }), (r) => [r.id]);
  }

  async replaceStories(stories: readonly StoredStory[], removed: readonly string[]): Promise<void> {
    const drop = this.sql('DELETE FROM stories WHERE id = ?');
    const upsert = this.sql(
      `INSERT INTO stories (id, title, summary_json, absorbed_json, report_json) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET title = excluded.title, summary_json = excluded.summary_json,
         absorbed_json = excluded.absorbed_json, report_json = excluded.report_json`,
    );
    const unlink = this.sql('DELETE FROM story_articles WHERE story_id = ?');
    const link = this.sql(
      'INSERT INTO story_articles (article_id, story_id) VALUES (?, ?) ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id',
    );
    this.write(() => {
      for (const id of removed) drop.run(id);
      for (const s of stories) {
        upsert.run(s.summary.id, s.summary.title, JSON.stringify(s.summary), JSON.stringify(s.absorbed), JSON.stringify(s.report));
        unlink.run(s.summary.id);
        for (const a of s.articleIds) link.run(a, s.summary.id);
      }
    });
  }

  async getStory(id: string): Promise<StoredStory | null> {
    const row = this.sql('SELECT summary_json, absorbed_json, report_json FROM stories WHERE id = ?').get(id) as
      | { summary_json: string; absorbed_json: string; report_json: string }
      | undefined;
    if (!row) return null;
    const articleIds = (this.sql('SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY article_id').all(id) as { article_id: string }[]).map(
      (r) => r.article_id,
    );
    return { summary: JSON.parse(row.summary_json), articleIds, absorbed: JSON.parse(row.absorbed_json), report: JSON.parse(row.report_json) };
  }

  async listStories(page: PageRequest & { readonly q?: string }): Promise<Page<StorySummary>> {
    const limit = pageLimit(page);
    const after = page.cursor ? String(decodeCursor(page.cursor)[0]) : '';
    const words = (page.q ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    // a title filter is a scan of titles only (no bodies); each word is a LIKE with its wildcards escaped
    const where = words.map(() => ` AND lower(title) LIKE ? ESCAPE '\\'`).join('');
    const rows = this
      .sql(`SELECT id, summary_json FROM stories WHERE id > ?${where} ORDER BY id LIMIT ?`)
      .all(after, ...words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`), limit + 1) as { id: string; summary_json: string }[];
    return toPage(rows, limit, (r) => JSON.parse(r.summary_json) as StorySummary, (r) => [r.id]);
  }

  async storyOfArticles(ids: readonly string[]): Promise<Map<string, string>> {
    const get = this.sql('SELECT story_id FROM story_articles WHERE article_id = ?');
    const out = new Map<string, string>();
    for (const id of ids) {
      const row = get.get(id) as { story_id: string } | undefined;
      if (row) out.set(id, row.story_id);
    }
    return out;
  }

  async exclusiveAnalysis<T>(fn: (beat: () => void) => Promise<T>, onWait?: (holder: string) => void): Promise<T> {
    const lease = analysisLease();
    let told = false;
    for (;;) {
      const holder = this.write(() => {
        const row = this.sql('SELECT holder, host, pid, beat FROM analysis_lease WHERE one = 1').get() as LeaseRow | undefined;
        if (row && !leaseAbandoned(row, Date.now())) return row;
        this.sql('INSERT OR REPLACE INTO analysis_lease (one, holder, host, pid, beat) VALUES (1, ?, ?, ?, ?)').run(lease.holder, lease.host, lease.pid, Date.now());
        return null;
      });
      if (!holder) break;
      if (!told) onWait?.(`process ${holder.pid} on ${holder.host}`);
      told = true;
      await new Promise((resolve) => setTimeout(resolve, LEASE_POLL_MS));
    }
    let last = Date.now();
    const beat = (): void => {
      if (Date.now() - last < LEASE_BEAT_MS) return;
      last = Date.now();
      this.write(() => this.sql('UPDATE analysis_lease SET beat = ? WHERE holder = ?').run(last, lease.holder));
    };
    // A timer beats too while fn waits on I/O; synchronous stage work beats through `beat`.
    const timer = setInterval(beat, LEASE_BEAT_MS).unref();
    try {
      return await fn(beat);
    } finally {
      clearInterval(timer);
      this.write(() => this.sql('DELETE FROM analysis_lease WHERE holder = ?').run(lease.holder));
    }
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

interface LeaseRow {
  readonly holder: string;
  readonly host: string;
  readonly pid: number;
  readonly beat: number;
}

/** How often a waiting analysis looks at the lease again, and how often the holder renews it (ms). */
const LEASE_POLL_MS = 250;
const LEASE_BEAT_MS = 10_000;
/** A lease not renewed for this long is taken over (its holder froze, or died on another machine). */
export const LEASE_STALE_MS = 120_000;

function analysisLease(): { holder: string; host: string; pid: number } {
  return { holder: `${hostname()}:${process.pid}:${randomBytes(6).toString('hex')}`, host: hostname(), pid: process.pid };
}

/** Whether a lease's holder is gone: a dead process on this machine, or no renewal for LEASE_STALE_MS. */
export function leaseAbandoned(row: LeaseRow, now: number): boolean {
  if (now - row.beat > LEASE_STALE_MS) return true;
  if (row.host !== hostname()) return false;
  try {
    process.kill(row.pid, 0);
    return false;
  } catch (err) {
    // EPERM: the process lives under another user.
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
