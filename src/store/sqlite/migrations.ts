// Numbered, append-only schema migrations for the SQLite store; never edit one that has shipped.

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, failures, reports, full-text index',
    sql: `
      CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        outlet TEXT,
        published TEXT,
        title TEXT,
        source_json TEXT NOT NULL,
        article_json TEXT NOT NULL
      );
      CREATE INDEX articles_published ON articles(published);
      CREATE TABLE ingest_failures (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        source_json TEXT NOT NULL,
        diagnostics_json TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE TABLE reports (
        key TEXT PRIMARY KEY,
        report_json TEXT NOT NULL
      );
      CREATE VIRTUAL TABLE articles_fts USING fts5(id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2');
    `,
  },
  {
    version: 2,
    name: 'stories as rows: summary, members, absorbed ids and the story report',
    sql: `
      CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        summary_json TEXT NOT NULL,
        absorbed_json TEXT NOT NULL,
        report_json TEXT NOT NULL
      );
      CREATE TABLE story_articles (
        article_id TEXT PRIMARY KEY,
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE
      );
      CREATE INDEX story_articles_story ON story_articles(story_id);
    `,
  },
  {
    version: 3,
    name: 'engine: stage versions per article, engine state rows',
    sql: `
      CREATE TABLE article_stages (
        article TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        versions_json TEXT NOT NULL
      );
      CREATE TABLE engine_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'the analysis lease: one process at a time assigns stories and writes story rows',
    sql: `
      CREATE TABLE analysis_lease (
        one INTEGER PRIMARY KEY CHECK (one = 1),
        holder TEXT NOT NULL,
        host TEXT NOT NULL,
        pid INTEGER NOT NULL,
        beat INTEGER NOT NULL
      );
    `,
  },
];
