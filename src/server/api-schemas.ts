// The HTTP API's request and response shapes, defined once in zod: handlers validate with them and /openapi.json derives from them.
import { z } from 'zod';
import { diagnosticSchema, entitySchema, quoteSchema, reportSchema } from '../report/schema.js';

/** Every named schema of the API: /openapi.json lists them under components.schemas and refers to them by id. */
export const apiRegistry = z.registry<{ id: string }>();

/** Largest page any list answers (the store caps at the same figure). */
export const MAX_PAGE_LIMIT = 500;
export const DEFAULT_PAGE_LIMIT = 50;
/** Longest search query accepted, in characters. */
export const MAX_QUERY_CHARS = 256;

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().describe('stable machine-readable code, e.g. "bad-request", "unauthorized", "payload-too-large"'),
      message: z.string().describe('what went wrong and how to fix it'),
    }),
  })
  .register(apiRegistry, { id: 'Error' });

const limitParam = z.coerce
  .number({ error: `limit must be a whole number from 1 to ${MAX_PAGE_LIMIT}` })
  .int({ error: `limit must be a whole number from 1 to ${MAX_PAGE_LIMIT}` })
  .min(1, { error: `limit must be a whole number from 1 to ${MAX_PAGE_LIMIT}` })
  .max(MAX_PAGE_LIMIT, { error: `limit must be a whole number from 1 to ${MAX_PAGE_LIMIT}` })
  .default(DEFAULT_PAGE_LIMIT)
  .describe(`items per page (1-${MAX_PAGE_LIMIT}, default ${DEFAULT_PAGE_LIMIT})`);
const cursorParam = z.string().min(1).max(2048).optional().describe('the `next` value of the previous page; absent for the first page');

export const pageQuery = z.object({ cursor: cursorParam, limit: limitParam });
export const storiesQuery = pageQuery.extend({ q: z.string().max(MAX_QUERY_CHARS).optional().describe('only stories whose title has these words') });
export const searchQuery = pageQuery.extend({ q: z.string({ error: 'q is missing: pass the words to find, e.g. /search?q=ferry+fire' }).describe('plain words (letters or digits), at most 256 characters') });
export const entitiesQuery = pageQuery.extend({ story: z.string().min(1).optional().describe('only this story') });
export const quotesQuery = pageQuery.extend({
  speaker: z.string().min(1).max(MAX_QUERY_CHARS).optional().describe('speaker name or alias (case-insensitive, whole words)'),
  story: z.string().min(1).optional().describe('only this story'),
});
export const reportQuery = pageQuery.extend({ story: z.string().min(1).optional().describe('only this story (report-v1 subset)') });
export const ingestQuery = z.object({
  analyze: z.enum(['0', '1', 'true', 'false']).optional().describe('1: analyze the corpus after ingesting, so story rows include the new articles'),
  format: z.enum(['auto', 'text', 'html', 'feed', 'jsonl']).optional().describe('force a reader; default: from Content-Type, else sniffed like the CLI'),
  outlet: z.string().min(1).max(200).optional().describe('for one text or HTML article (UTF-8): its outlet'),
  title: z.string().min(1).max(1000).optional().describe('for one text or HTML article: its headline'),
  published: z.string().min(1).max(64).optional().describe('for one text or HTML article: its publication date (ISO 8601)'),
  url: z.url({ protocol: /^https?$/ }).optional().describe('for one text or HTML article: where it was published'),
});
export const idParam = z.object({ id: z.string().min(1).max(256) });

function pageOf<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({ items: z.array(item), next: z.string().nullable().describe('cursor of the next page; null on the last page') })
    .register(apiRegistry, { id: `${name}Page` });
}

export const storySummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    firstDate: z.string().nullable(),
    lastDate: z.string().nullable(),
    articles: z.number().int(),
    outlets: z.array(z.string()),
    independentSources: z.number().int(),
    claims: z.number().int(),
    disputed: z.number().int(),
  })
  .register(apiRegistry, { id: 'StorySummary' });

const sourceSchema = z.object({ path: z.string().optional(), url: z.string().optional(), record: z.string().optional() });

export const articleHeaderSchema = z
  .object({ id: z.string(), outlet: z.string().nullable(), published: z.string().nullable(), title: z.string().nullable(), source: sourceSchema })
  .register(apiRegistry, { id: 'ArticleHeader' });

export const searchHitSchema = z
  .object({
    article: z.string(),
    title: z.string().nullable(),
    outlet: z.string().nullable(),
    snippet: z.string().describe('matching passage, the hit marked by [ and ]'),
  })
  .register(apiRegistry, { id: 'SearchHit' });

const spanSchema = z.object({ start: z.number().int(), end: z.number().int() }).catchall(z.unknown());

const storedArticleSchema = z
  .object({
    id: z.string(),
    contentHash: z.string(),
    source: sourceSchema,
    text: z.string(),
    removed: z.array(z.object({ text: z.string(), reason: z.string() })),
    meta: z.record(z.string(), z.unknown()),
    layers: z.record(z.string(), z.array(spanSchema)).describe('paragraphs, sentences, entities, quotes, attributions, times, quantities: spans into `text`'),
    diagnostics: z.array(z.object({ severity: z.string(), stage: z.string(), rule: z.string(), message: z.string() }).catchall(z.unknown())),
    status: z.enum(['ok', 'partial', 'failed']),
    extractedBy: z.string(),
    encoding: z.string().nullable(),
  })
  .catchall(z.unknown())
  .register(apiRegistry, { id: 'Article' });

export const articleViewSchema = z
  .object({ article: storedArticleSchema, story: z.string().nullable().describe('the story holding the article; null before analysis') })
  .register(apiRegistry, { id: 'ArticleView' });

export const storyEntitySchema = entitySchema.extend({ story: z.string() }).register(apiRegistry, { id: 'StoryEntity' });
export const storyQuoteSchema = quoteSchema.extend({ story: z.string(), speakerName: z.string().nullable() }).register(apiRegistry, { id: 'StoryQuote' });

export const storyPageSchema = pageOf(storySummarySchema, 'StorySummary');
export const articlePageSchema = pageOf(articleHeaderSchema, 'ArticleHeader');
export const searchPageSchema = pageOf(searchHitSchema, 'SearchHit');
export const entityPageSchema = pageOf(storyEntitySchema, 'StoryEntity');
export const quotePageSchema = pageOf(storyQuoteSchema, 'StoryQuote');

export const reportIndexSchema = z
  .object({
    schema: z.literal('parallax.report-index/1'),
    articles: z.number().int().describe('articles stored'),
    stories: storyPageSchema,
    note: z.string(),
  })
  .register(apiRegistry, { id: 'ReportIndex' });

export const ingestResultSchema = z
  .object({
    inserted: z.number().int(),
    alreadyStored: z.number().int(),
    articles: z.array(z.object({ id: z.string(), title: z.string().nullable(), outlet: z.string().nullable(), status: z.string(), diagnostics: z.array(diagnosticSchema) })),
    failures: z.array(z.object({ source: sourceSchema, diagnostics: z.array(diagnosticSchema) })),
    analyzed: z.boolean(),
    stories: z.array(z.string()).describe('stories holding the posted articles (after analysis; empty otherwise)'),
  })
  .register(apiRegistry, { id: 'IngestResult' });

export const healthSchema = z.object({ ok: z.literal(true), backend: z.string(), articles: z.number().int(), version: z.string() }).register(apiRegistry, { id: 'Health' });

export const reportV1Schema = reportSchema.register(apiRegistry, { id: 'ReportV1' });

