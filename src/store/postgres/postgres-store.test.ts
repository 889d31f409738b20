import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { makeArticle } from '../../../test/helpers/make-article.js';
import { storeContract } from '../store.contract.js';
import { PostgresStore, redactUrl } from './postgres-store.js';
import { POSTGRES_MIGRATIONS } from './migrations.js';
import { testDatabase } from './test-database.js';

const db = testDatabase();

if ('skip' in db) {
  test('PostgreSQL store', { skip: db.skip }, () => undefined);
} else {
  after(() => db.dropAll());

  storeContract('postgres', async () => PostgresStore.open(db.url, { schema: db.freshSchema() }));

  test('postgres: two stores opening one fresh schema at once migrate it once', async () => {
    const schema = db.freshSchema();
    const [a, b] = await Promise.all([PostgresStore.open(db.url, { schema }), PostgresStore.open(db.url, { schema })]);
    const { rows } = await a.pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    assert.deepEqual(rows.map((r) => r.version), POSTGRES_MIGRATIONS.map((m) => m.version));
    await Promise.all([a.close(), b.close()]);
  });

  test('postgres: two writers racing on the same articles store each once', async () => {
    const schema = db.freshSchema();
    const [a, b] = await Promise.all([PostgresStore.open(db.url, { schema }), PostgresStore.open(db.url, { schema })]);
    const xs = Array.from({ length: 40 }, (_, i) => makeArticle(`Article number ${i} about the harbour.`));
    const [ra, rb] = await Promise.all([a.putArticles(xs), b.putArticles([...xs].reverse())]);
    assert.equal(await a.countArticles(), 40);
    const winners = [...ra, ...rb].filter((r) => r.inserted).length;
    assert.equal(winners, 40);
    await Promise.all([a.close(), b.close()]);
  });

  test('postgres: NUL characters in text are kept exactly in the article and searchable around', async () => {
    const store = await PostgresStore.open(db.url, { schema: db.freshSchema() });
    const a = makeArticle('A ferry\u0000fire in the harbour.', { title: 'Nul\u0000title' });
    await store.putArticles([a]);
    assert.deepEqual(await store.getArticle(a.id), a);
    assert.equal((await store.search('harbour', { limit: 5 })).items.length, 1);
    await store.close();
  });

  test('postgres: a reopened schema keeps what was stored', async () => {
    const schema = db.freshSchema();
    const a = makeArticle('Persisted text.');
    const s1 = await PostgresStore.open(db.url, { schema });
    await s1.putArticles([a]);
    await s1.close();
    const s2 = await PostgresStore.open(db.url, { schema });
    assert.deepEqual(await s2.getArticle(a.id), a);
    await s2.close();
  });

  // The incremental engine's methods (h/incr adds them to the Store contract; checked here until that lands).
  test('postgres: analyzed articles keep their stage versions; a plain update forgets them', async () => {
    const store = await PostgresStore.open(db.url, { schema: db.freshSchema() });
    const a = makeArticle('The ferry docked at noon.', { outlet: 'Herald' });
    await store.putArticles([a]);
    assert.deepEqual(await store.getStageVersions([a.id]), new Map());
    const annotated = { ...a, layers: { ...a.layers, sentences: [{ start: 0, end: 25 }] } };
    await store.saveAnalyzedArticles([{ article: annotated, stages: { 'parallax.sentences.v1': '1.0.0' } }, { article: makeArticle('Never stored.'), stages: { x: '1' } }]);
    assert.deepEqual(await store.getArticle(a.id), annotated);
    assert.deepEqual(await store.getStageVersions([a.id, makeArticle('Never stored.').id]), new Map([[a.id, { 'parallax.sentences.v1': '1.0.0' }]]));
    await store.updateArticles([annotated]);
    assert.equal((await store.getStageVersions([a.id])).size, 0);
    await store.close();
  });

  test('postgres: engine state rows upsert, delete by null (last write wins) and list by prefix in key order', async () => {
    const store = await PostgresStore.open(db.url, { schema: db.freshSchema() });
    await store.putEngineState([
      { key: 'story/s2', value: '{"n":2}' },
      { key: 'story/s10', value: '{"n":10}' },
      { key: 'storx', value: 'other' },
      { key: 'story/%', value: 'pct' },
    ]);
    assert.deepEqual(await store.listEngineState('story/'), [
      { key: 'story/%', value: 'pct' },
      { key: 'story/s10', value: '{"n":10}' },
      { key: 'story/s2', value: '{"n":2}' },
    ]);
    await store.putEngineState([{ key: 'story/s10', value: null }, { key: 'story/s2', value: null }, { key: 'story/s2', value: '{"n":3}' }]);
    assert.deepEqual(await store.getEngineState(['story/s2', 'story/s10']), new Map([['story/s2', '{"n":3}']]));
    await store.close();
  });

  test('postgres: a schema named in the URL search_path is created on first open', async () => {
    const schema = db.freshSchema();
    const store = await PostgresStore.open(db.urlFor(schema));
    await store.putArticles([makeArticle('In its own schema.')]);
    const { rows } = await store.pool.query<{ s: string }>('SELECT current_schema() AS s');
    assert.equal(rows[0]?.s, schema);
    await store.close();
  });

  test('postgres: a second analysis of one schema waits until the first ends, and the assigner generation moves', async () => {
    const schema = db.freshSchema();
    const [a, b] = await Promise.all([PostgresStore.open(db.url, { schema }), PostgresStore.open(db.url, { schema })]);
    try {
      const generation = async (): Promise<number> => Number((await a.pool.query<{ g: string }>('SELECT generation AS g FROM work_assigner')).rows[0]?.g);
      const before = await generation();
      const order: string[] = [];
      let release = (): void => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      const first = a.exclusiveAnalysis(async () => {
        order.push('a start');
        await held;
        order.push('a end');
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const waits: string[] = [];
      const second = b.exclusiveAnalysis(async () => void order.push('b'), (holder) => waits.push(holder));
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.deepEqual(order, ['a start']);
      assert.equal(waits.length, 1);
      assert.match(waits[0]!, /^server process \d+$/);
      release();
      await Promise.all([first, second]);
      assert.deepEqual(order, ['a start', 'a end', 'b']);
      assert.equal(await generation(), before + 2);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  test('postgres: more analyses at once in one process than pooled connections take turns instead of starving the pool', async () => {
    const store = await PostgresStore.open(db.url, { schema: db.freshSchema(), maxConnections: 2 });
    try {
      let running = 0;
      let most = 0;
      const runs = Array.from({ length: 5 }, (_, i) =>
        store.exclusiveAnalysis(async () => {
          most = Math.max(most, ++running);
          await store.putArticles([makeArticle(`Analysis ${i} stored an article.`)]);
          running--;
        }),
      );
      await Promise.all(runs);
      assert.equal(most, 1);
      assert.equal(await store.countArticles(), 5);
    } finally {
      await store.close();
    }
  });

  test('postgres: an unreachable server gives PX200 with the password masked', async () => {
    const bad = 'postgres://someone:secret@127.0.0.1:1/nowhere';
    await assert.rejects(PostgresStore.open(bad), (err: Error) => /PX200/.test(err.message) && !err.message.includes('secret'));
  });

  test('postgres: a schema that is not a plain identifier is refused', async () => {
    await assert.rejects(PostgresStore.open(db.url, { schema: 'x; DROP TABLE y' }), /PX100/);
  });

  test('postgres: the test schema is really dropped afterwards', async () => {
    const schema = db.freshSchema();
    const s = await PostgresStore.open(db.url, { schema });
    await s.close();
    await db.dropAll();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [schema]);
    await client.end();
    assert.equal(rows.length, 0);
  });
}

test('redactUrl masks the password only', () => {
  assert.equal(redactUrl('postgres://u:pw@h:5432/d'), 'postgres://u:***@h:5432/d');
  assert.equal(redactUrl('postgres://u@h/d'), 'postgres://u@h/d');
});
