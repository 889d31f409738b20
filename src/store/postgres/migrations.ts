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
  {
    version: 2,
    name: 'worker state: analyzed articles, story assignment',
    // What the queue workers share beyond the Store: which articles went through the per-article stages, and the
    // current story of each article (written only by the story assigner, under its advisory lock).
    sql: `
      CREATE TABLE work_analyzed (
        article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE
      );
      CREATE TABLE work_stories (
        story_id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        article_ids TEXT[] NOT NULL,
        absorbed TEXT[] NOT NULL DEFAULT '{}',
        revision BIGINT NOT NULL DEFAULT 1
      );
      CREATE SEQUENCE work_story_seq;
    `,
  },
  {
    version: 3,
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
        story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE
      );
      CREATE INDEX story_articles_story ON story_articles (story_id);
    `,
  },
  {
    version: 4,
    name: 'engine: stage versions per article, engine state rows',
    sql: `
      CREATE TABLE article_stages (
        article TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        versions_json TEXT NOT NULL
      );
      CREATE TABLE engine_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 5,
    name: 'workers assign incrementally through the engine story index: assigned marks, the assigner generation',
    sql: `
      ALTER TABLE work_analyzed ADD COLUMN assigned BOOLEAN NOT NULL DEFAULT false;
      CREATE INDEX work_analyzed_unassigned ON work_analyzed (article_id) WHERE NOT assigned;
      CREATE TABLE work_assigner (one INTEGER PRIMARY KEY CHECK (one = 1), generation BIGINT NOT NULL);
      INSERT INTO work_assigner (one, generation) VALUES (1, 0);
      -- the batch assignment's stories are re-derived by the index (every analyzed article starts unassigned)
      DELETE FROM work_stories;
    `,
  },
  {
    version: 6,
    name: 'enqueued batches: the assigner takes articles batch by batch, in report order, once a batch is analyzed',
    // Story membership is online, so it depends on the order articles enter the index. Assigning whole batches in
    // enqueue order (and each in report order, as one `analyze` run does) makes it independent of how many workers
    // analyzed them and which finished first. Analyzed articles a pass has not assigned yet form batch 0.
    sql: `
      CREATE SEQUENCE work_batch_seq;
      CREATE TABLE work_batches (batch BIGINT PRIMARY KEY);
      CREATE TABLE work_queued (
        batch BIGINT NOT NULL REFERENCES work_batches (batch) ON DELETE CASCADE,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        analyzed BOOLEAN NOT NULL,
        PRIMARY KEY (batch, article_id)
      );
      CREATE INDEX work_queued_article ON work_queued (article_id);
      CREATE INDEX work_queued_waiting ON work_queued (batch) WHERE NOT analyzed;
      INSERT INTO work_batches (batch) SELECT 0 WHERE EXISTS (SELECT 1 FROM work_analyzed WHERE NOT assigned);
      INSERT INTO work_queued (batch, article_id, analyzed) SELECT 0, article_id, true FROM work_analyzed WHERE NOT assigned;
    `,
  },
];
