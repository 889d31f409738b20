// Numbered, append-only schema migrations for the PostgreSQL store; never edit one that has shipped.
import type { Migration } from '../sqlite/migrations.js';

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, failures, reports, full-text index',
    // The article is kept as the exact JSON text the SQLite store keeps (lossless, and no jsonb re-parse on read);
    // `body` is the text the full-text index reads, a copy as SQLite's FTS table holds one. The 'simple' text search
    // configuration neither stems nor drops stop words, like the SQLite tokenizer.
    sql: `
      CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        outlet TEXT,
        published TEXT,
        title TEXT,
        source_json TEXT NOT NULL,
        article_json TEXT NOT NULL,
        body TEXT NOT NULL,
        search TSVECTOR GENERATED ALWAYS AS (
          setweight(to_tsvector('simple', coalesce(title, '')), 'A') || setweight(to_tsvector('simple', body), 'B')
        ) STORED
      );
      CREATE INDEX articles_published ON articles (published);
      CREATE INDEX articles_search ON articles USING GIN (search);
      CREATE TABLE ingest_failures (
        seq BIGSERIAL PRIMARY KEY,
        source_json TEXT NOT NULL,
        diagnostics_json TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE TABLE reports (
        key TEXT PRIMARY KEY,
        report_json TEXT NOT NULL
      );
    `,
  },
];
