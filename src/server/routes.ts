// The API's route table: one entry per route, used by the app to validate input and by /openapi.json to describe it.
import type { z } from 'zod';
import {
  articlePageSchema,
  articleViewSchema,
  entitiesQuery,
  entityPageSchema,
  errorSchema,
  healthSchema,
  idParam,
  ingestQuery,
  ingestResultSchema,
  pageQuery,
  quotePageSchema,
  quotesQuery,
  reportIndexSchema,
  reportQuery,
  reportV1Schema,
  searchPageSchema,
  searchQuery,
  storiesQuery,
  storyPageSchema,
} from './api-schemas.js';

export interface ResponseSpec {
  readonly description: string;
  /** Several schemas: the body is one of them. */
  readonly schemas?: readonly z.ZodType[];
}

export interface RouteSpec {
  readonly method: 'get' | 'post';
  /** OpenAPI form (`/stories/{id}`). */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly query?: z.ZodObject;
  readonly params?: z.ZodObject;
  readonly body?: { readonly description: string; readonly contentTypes: readonly string[] };
  /** Writes need the bearer token. */
  readonly write?: boolean;
  readonly responses: Readonly<Record<number, ResponseSpec>>;
}

const bad = { description: 'malformed input: the message names the parameter and the fix', schemas: [errorSchema] };
const notFound = { description: 'no such item', schemas: [errorSchema] };
const absorbed = { description: 'a merge absorbed this story: Location names the story that absorbed it' };
const busy = { description: 'too many requests in flight; retry after the Retry-After seconds', schemas: [errorSchema] };
/** Every read answer carries an ETag; sent back in If-None-Match it gets this while the data is unchanged. */
const notModified = { description: 'unchanged since the ETag sent in If-None-Match (no body)' };

export const ROUTES = {
  health: { method: 'get', path: '/healthz', operationId: 'health', summary: 'liveness and corpus size', responses: { 200: { description: 'up', schemas: [healthSchema] } } },
  ingest: {
    method: 'post',
    path: '/articles',
    operationId: 'ingestArticles',
    summary: 'ingest one or many articles: plain text, HTML, JSONL, or an RSS/Atom/JSON feed (the CLI readers and diagnostics)',
    query: ingestQuery,
    body: {
      description: 'the document bytes, read like `parallax ingest -` reads standard input',
      contentTypes: ['text/plain', 'text/html', 'application/x-ndjson', 'application/jsonl', 'application/rss+xml', 'application/atom+xml', 'application/feed+json', 'application/octet-stream'],
    },
    write: true,
    responses: {
      200: { description: 'every article was already stored', schemas: [ingestResultSchema] },
      201: { description: 'new articles stored (failures, if any, are listed)', schemas: [ingestResultSchema] },
      400: { description: 'no article could be read from the body; the message names the problem', schemas: [errorSchema] },
      401: { description: 'missing or wrong bearer token', schemas: [errorSchema] },
      403: { description: 'writes are disabled on this server', schemas: [errorSchema] },
      413: { description: 'body larger than the server\'s max-body setting', schemas: [errorSchema] },
      429: busy,
    },
  },
  stories: {
    method: 'get',
    path: '/stories',
    operationId: 'listStories',
    summary: 'stories with their counts, in id order',
    query: storiesQuery,
    responses: { 200: { description: 'one page', schemas: [storyPageSchema] }, 304: notModified, 400: bad, 429: busy },
  },
  story: {
    method: 'get',
    path: '/stories/{id}',
    operationId: 'getStory',
    summary: 'one story as its stored report-v1 subset',
    params: idParam,
    responses: { 200: { description: 'the story report', schemas: [reportV1Schema] }, 304: notModified, 301: absorbed, 404: notFound, 429: busy },
  },
  articles: {
    method: 'get',
    path: '/articles',
    operationId: 'listArticles',
    summary: 'article headers in id order',
    query: pageQuery,
    responses: { 200: { description: 'one page', schemas: [articlePageSchema] }, 304: notModified, 400: bad, 429: busy },
  },
  article: {
    method: 'get',
    path: '/articles/{id}',
    operationId: 'getArticle',
    summary: 'one article with its layers (spans into its text) and diagnostics',
    params: idParam,
    responses: { 200: { description: 'the article', schemas: [articleViewSchema] }, 304: notModified, 404: notFound, 429: busy },
  },
  entities: {
    method: 'get',
    path: '/entities',
    operationId: 'listEntities',
    summary: 'entities of the stored story reports, story by story',
    query: entitiesQuery,
    responses: { 200: { description: 'one page', schemas: [entityPageSchema] }, 304: notModified, 400: bad, 404: notFound, 429: busy },
  },
  quotes: {
    method: 'get',
    path: '/quotes',
    operationId: 'listQuotes',
    summary: 'quotes of the stored story reports, optionally by one speaker; a page may hold fewer than `limit` items when a scan budget ends it (follow `next`)',
    query: quotesQuery,
    responses: { 200: { description: 'one page', schemas: [quotePageSchema] }, 304: notModified, 400: bad, 404: notFound, 429: busy },
  },
  search: {
    method: 'get',
    path: '/search',
    operationId: 'search',
    summary: 'full-text search over stored articles',
    query: searchQuery,
    responses: { 200: { description: 'one page of hits', schemas: [searchPageSchema] }, 304: notModified, 400: bad, 429: busy },
  },
  report: {
    method: 'get',
    path: '/report',
    operationId: 'getReport',
    summary: 'the stored report: whole when the corpus is small, else the story index with paging (never built on read)',
    query: reportQuery,
    responses: {
      200: { description: 'report-v1, or the story index for a big corpus', schemas: [reportV1Schema, reportIndexSchema] }, 304: notModified,
      301: absorbed,
      400: bad,
      404: { description: 'nothing analyzed yet, or no such story', schemas: [errorSchema] },
      429: busy,
    },
  },
  openapi: {
    method: 'get',
    path: '/openapi.json',
    operationId: 'openapi',
    summary: 'this document (OpenAPI 3.1)',
    responses: { 200: { description: 'the OpenAPI document' } },
  },
} as const satisfies Record<string, RouteSpec>;

export const ROUTE_LIST: readonly RouteSpec[] = Object.values(ROUTES);

/** Hono's path syntax for an OpenAPI path. */
export function honoPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}
