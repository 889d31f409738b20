// The HTTP API (hono): read-only queries over the stored analysis, article ingest behind a token, and the web UI at `/`.
import { Hono, type Context as HonoContext } from 'hono';
import { cors } from 'hono/cors';
import { assetPath } from '../core/asset-path.js';
import { createContext, type Context } from '../core/context.js';
import { ParallaxError } from '../core/errors.js';
import { PARALLAX_VERSION } from '../core/version.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { InputFormat } from '../ingest/ingest-options.js';
import type { Report } from '../report/schema.js';
import { storiesReport, updateAnalysis } from '../service/analyze.js';
import { allStoryIds } from '../service/read.js';
import { survivingStory } from '../service/surviving-story.js';
import { articlePage, articleView, searchPage, storyPage, storyReport } from '../service/read.js';
import type { Store } from '../store/store.js';
import { MAX_QUERY_CHARS } from './api-schemas.js';
import { ApiError, parseParams } from './api-error.js';
import { ingestBody, readerMessage } from './ingest-body.js';
import { bodyCap, inFlightLimit, jsonError, requireWriteAccess } from './guards.js';
import { jsonWithEtag } from './json-etag.js';
import { openApiDocument } from './openapi.js';
import { honoPath, ROUTES } from './routes.js';
import { resolveServeSettings, type ServeSettings } from './settings.js';
import { serveUi } from './static-ui.js';
import { nameMatches, storyItems } from './story-items.js';

export interface AppOptions extends Partial<ServeSettings> {
  readonly store: Store;
  readonly ctx?: Context;
  /** Folder of the built UI (default: dist/ui in the package). */
  readonly uiDir?: string;
}

/** Reader chosen from the Content-Type when `?format=` does not force one. */
function formatOfContentType(type: string | undefined): InputFormat {
  const t = (type ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (t === 'text/plain') return 'text';
  if (t === 'text/html' || t === 'application/xhtml+xml') return 'html';
  if (t === 'application/x-ndjson' || t === 'application/jsonl' || t === 'application/ndjson') return 'jsonl';
  if (/^application\/(?:rss|atom|feed|rdf)\+(?:xml|json)$/.test(t)) return 'feed';
  return 'auto';
}

/** A search query is plain words: the 400 says which rule it broke. */
export function checkSearchQuery(q: string | undefined): string {
  if (q === undefined || q.trim() === '') throw new ApiError(400, 'bad-request', 'q is missing: pass the words to find, e.g. /search?q=ferry+fire');
  if (q.length > MAX_QUERY_CHARS) throw new ApiError(400, 'bad-request', `q is ${q.length} characters long; at most ${MAX_QUERY_CHARS} are accepted`);
  if (/[\u0000-\u001f\u007f-\u009f]/.test(q)) throw new ApiError(400, 'bad-request', 'q contains control characters; send plain words');
  if (!/[\p{L}\p{N}]/u.test(q)) throw new ApiError(400, 'bad-request', 'q has no letters or digits to search for; the query is plain words, not operators');
  return q.trim();
}

export interface ArticleMetadata {
  readonly outlet?: string | undefined;
  readonly title?: string | undefined;
  readonly published?: string | undefined;
  readonly url?: string | undefined;
}

/**
 * One text or HTML article with metadata from the query: it becomes one JSONL record, so the JSONL reader (the same
 * one `ingest` uses) takes the metadata as it takes a record's fields. Null when the query names no metadata.
 */
export function withMetadata(bytes: Uint8Array, format: InputFormat, meta: ArticleMetadata): { bytes: Uint8Array; format: InputFormat } | null {
  const fields = Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined));
  if (!Object.keys(fields).length) return null;
  if (format !== 'auto' && format !== 'text' && format !== 'html') {
    throw new ApiError(400, 'bad-request', `outlet, title, published and url describe one text or HTML article, not a ${format} body; put them in each record or item instead`);
  }
  const body = new TextDecoder('utf-8').decode(bytes);
  const html = format === 'html' || (format === 'auto' && /<(?:html|body|p|div|article|br)\b/i.test(body.slice(0, 4096)));
  const record = { ...(html ? { html: body } : { text: body }), ...fields };
  return { bytes: new TextEncoder().encode(`${JSON.stringify(record)}\n`), format: 'jsonl' };
}

function bodyMessage(message: string): string {
  return readerMessage(message, 'request body');
}

function diagnosticJson(d: Diagnostic) {
  return { severity: d.severity, stage: d.stage, rule: d.rule, message: bodyMessage(d.message), ...(d.span ? { start: d.span.start, end: d.span.end } : {}) };
}

/** One write at a time: ingest and analysis never interleave. */
function serialize(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (fn) => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}

export function createApp(options: AppOptions): Hono {
  const { store, ctx: given, uiDir, ...rest } = options;
  const settings = resolveServeSettings(rest);
  const ctx = given ?? createContext({ now: () => new Date() });
  const ui = uiDir ?? assetPath('dist/ui');
  const writes = serialize();
  const app = new Hono();

  app.use('*', inFlightLimit(settings.maxInFlight));
  if (settings.corsOrigins.length) {
    app.use('*', cors({ origin: [...settings.corsOrigins], allowMethods: ['GET', 'POST'], allowHeaders: ['Authorization', 'Content-Type'], maxAge: 600 }));
  }
  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    if ((c.res.headers.get('content-type') ?? '').startsWith('application/json')) c.header('Content-Security-Policy', "default-src 'none'");
  });

  const query = <S extends Parameters<typeof parseParams>[0]>(c: HonoContext, schema: S) => parseParams(schema, c.req.query());

  app.get(ROUTES.health.path, async (c) => c.json({ ok: true as const, backend: store.backend, articles: await store.countArticles(), version: PARALLAX_VERSION }));

  app.get(ROUTES.openapi.path, (c) => c.json(openApiDocument()));

  app.post(ROUTES.ingest.path, requireWriteAccess(settings), bodyCap(settings.maxBodyBytes), async (c) => {
    const q = query(c, ROUTES.ingest.query);
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (!bytes.length) throw new ApiError(400, 'bad-request', 'the body is empty: send the article (text, HTML, JSONL or a feed) as the request body');
    const asked = q.format ?? formatOfContentType(c.req.header('content-type'));
    const described = withMetadata(bytes, asked, { outlet: q.outlet, title: q.title, published: q.published, url: q.url });
    const body = described?.bytes ?? bytes;
    const format = described?.format ?? asked;
    const analyze = q.analyze === '1' || q.analyze === 'true';
    const result = await writes(async () => {
      const ingest = await ingestBody({ store, ctx }, body, { format, maxBytes: settings.maxBodyBytes, guessOutlet: true, ...(described ? { maxRecordBytes: body.length + 1 } : {}) });
      if (!analyze || !ingest.articles.length) return { ingest, stories: [] as string[] };
      // the incremental engine: only the new articles' stages run, and only the stories they join are re-analyzed
      await updateAnalysis({ store, ctx }, ingest.articles);
      const stories = await store.storyOfArticles(ingest.articles.map((a) => a.id));
      return { ingest, stories: [...new Set(stories.values())].sort() };
    });
    const { ingest } = result;
    if (!ingest.articles.length) {
      const problems = ingest.failures.flatMap((f) => f.diagnostics.map((d) => bodyMessage(d.message)));
      throw new ApiError(400, 'bad-request', problems.length ? `no article could be read: ${problems.join('; ')}` : 'no article could be read from the body');
    }
    return c.json(
      {
        inserted: ingest.inserted,
        alreadyStored: ingest.alreadyStored,
        articles: ingest.articles.map((a) => ({ id: a.id, title: a.meta.title, outlet: a.meta.outlet, status: a.status, diagnostics: a.diagnostics.map(diagnosticJson) })),
        failures: ingest.failures.map((f) => ({ source: f.source, diagnostics: f.diagnostics.map(diagnosticJson) })),
        analyzed: analyze,
        stories: result.stories,
      },
      ingest.inserted > 0 ? 201 : 200,
    );
  });

  app.get(ROUTES.stories.path, async (c) => {
    const q = query(c, ROUTES.stories.query);
    return jsonWithEtag(c, await storyPage(store, { cursor: q.cursor ?? null, limit: q.limit, ...(q.q?.trim() ? { q: q.q.trim() } : {}) }));
  });

  app.get(honoPath(ROUTES.story.path), async (c) => {
    const { id } = parseParams(ROUTES.story.params, c.req.param());
    const report = await storyReport(store, id);
    if (report) return jsonWithEtag(c, report);
    // a story absorbed by a merge: its id moved to the story that absorbed it
    const survivor = await survivingStory(store, id);
    if (survivor) return c.redirect(`/stories/${encodeURIComponent(survivor)}`, 301);
    throw new ApiError(404, 'not-found', `no story ${id}: list them with GET /stories`);
  });

  app.get(ROUTES.articles.path, async (c) => {
    const q = query(c, ROUTES.articles.query);
    return jsonWithEtag(c, await articlePage(store, { cursor: q.cursor ?? null, limit: q.limit }));
  });

  app.get(honoPath(ROUTES.article.path), async (c) => {
    const { id } = parseParams(ROUTES.article.params, c.req.param());
    const article = await articleView(store, id);
    if (!article) throw new ApiError(404, 'not-found', `no article ${id}: list them with GET /articles or find one with GET /search?q=`);
    return jsonWithEtag(c, article);
  });

  app.get(ROUTES.entities.path, async (c) => {
    const q = query(c, ROUTES.entities.query);
    const page = await storyItems(store, { cursor: q.cursor, limit: q.limit, story: q.story, scanStories: settings.scanStories }, (report: Report, story) =>
      report.entities.map((e) => ({ ...e, story })),
    );
    return jsonWithEtag(c, page);
  });

  app.get(ROUTES.quotes.path, async (c) => {
    const q = query(c, ROUTES.quotes.query);
    const speaker = q.speaker;
    if (speaker !== undefined && !/[\p{L}\p{N}]/u.test(speaker)) throw new ApiError(400, 'bad-request', 'speaker has no letters or digits: pass a name, e.g. ?speaker=Kovalsky');
    const page = await storyItems(store, { cursor: q.cursor, limit: q.limit, story: q.story, scanStories: settings.scanStories }, (report: Report, story) => {
      const names = new Map(report.entities.map((e) => [e.id, e]));
      return report.quotes.flatMap((quote) => {
        const entity = quote.speaker.entity ? names.get(quote.speaker.entity) : undefined;
        const speakerName = entity?.name ?? quote.speaker.text;
        if (speaker !== undefined) {
          const candidates = [...(entity ? [entity.name, ...entity.aliases] : []), ...(quote.speaker.text ? [quote.speaker.text] : [])];
          if (!candidates.some((n) => nameMatches(speaker, n))) return [];
        }
        return [{ ...quote, story, speakerName }];
      });
    });
    return jsonWithEtag(c, page);
  });

  app.get(ROUTES.search.path, async (c) => {
    const q = query(c, ROUTES.search.query);
    return jsonWithEtag(c, await searchPage(store, checkSearchQuery(q.q), { cursor: q.cursor ?? null, limit: q.limit }));
  });

  app.get(ROUTES.report.path, async (c) => {
    const q = query(c, ROUTES.report.query);
    if (q.story !== undefined) {
      const report = await storyReport(store, q.story);
      if (report) return jsonWithEtag(c, report);
      const survivor = await survivingStory(store, q.story);
      if (survivor) return c.redirect(`/report?story=${encodeURIComponent(survivor)}`, 301);
      throw new ApiError(404, 'not-found', `no story ${q.story}: list them with GET /stories`);
    }
    const articles = await store.countArticles();
    if (articles > 0 && articles <= settings.fullReportMaxArticles && !q.cursor) {
      // assembled from the stored story rows (read-only), so it is always the current analysis
      const ids = await allStoryIds(store);
      if (ids.length) return jsonWithEtag(c, await storiesReport({ store, ctx }, ids));
    }
    const stories = await storyPage(store, { cursor: q.cursor ?? null, limit: q.limit });
    if (!stories.items.length && !q.cursor) {
      throw new ApiError(404, 'not-analyzed', 'nothing analyzed yet: run "parallax analyze" or POST /articles?analyze=1');
    }
    return jsonWithEtag(c, {
      schema: 'parallax.report-index/1' as const,
      articles,
      stories,
      note: `the story index of ${articles} stored articles (the whole report is served up to ${settings.fullReportMaxArticles}): fetch each story with GET /stories/{id}`,
    });
  });

  app.get('*', async (c) => (await serveUi(c, ui)) ?? jsonError(c, 404, 'not-found', `no route GET ${c.req.path}: see /openapi.json`));

  app.notFound((c) => jsonError(c, 404, 'not-found', `no route ${c.req.method} ${c.req.path}: see /openapi.json`));
  app.onError((err, c) => {
    if (err instanceof ApiError) return jsonError(c, err.status, err.code, err.message);
    if (err instanceof ParallaxError && err.code === 'PX404') return jsonError(c, 404, 'not-found', err.message);
    if (err instanceof ParallaxError && err.code === 'PX100') return jsonError(c, 400, 'bad-request', err.message);
    ctx.logger.log('error', `${c.req.method} ${c.req.path}: ${err.stack ?? err.message}`);
    return jsonError(c, 500, 'internal', 'internal error; the server log has the details');
  });
  return app;
}
