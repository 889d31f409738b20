// The report-v1 contract (../shared/spec/report-v1.md), defined once in zod; types and JSON Schema derive from it.
import { z } from 'zod';

const offset = z.number().int().nonnegative();
const cite = z.object({ article: z.string(), start: offset, end: offset });
const nullableString = z.string().nullable();

export const diagnosticSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  stage: z.string(),
  rule: z.string(),
  message: z.string(),
  start: offset.optional(),
  end: offset.optional(),
});

export const reportArticleSchema = z.object({
  id: z.string(),
  source: z.object({ path: z.string().optional(), url: z.string().optional(), record: z.string().optional() }),
  outlet: nullableString,
  /** True when the input named no outlet and `outlet` is the page's host or the file's stem. */
  outletGuessed: z.boolean().optional(),
  published: nullableString,
  dateline: nullableString,
  byline: nullableString,
  credits: z.array(z.string()),
  title: nullableString,
  language: nullableString,
  text: z.string(),
  removed: z.array(z.object({ text: z.string(), reason: z.string() })),
  duplicateOf: nullableString,
  diagnostics: z.array(diagnosticSchema),
  status: z.enum(['ok', 'partial', 'failed']),
  extractedBy: z.string(),
  encoding: nullableString,
  provenance: z.record(z.string(), z.string()),
});

export const entitySchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(['PERSON', 'ORG', 'LOC', 'MISC']),
  aliases: z.array(z.string()),
  mentions: z.array(cite),
  merges: z.array(z.object({ alias: z.string(), reason: z.string() })),
});

export const quoteSchema = z.object({
  id: z.string(),
  article: z.string(),
  start: offset,
  end: offset,
  text: z.string(),
  kind: z.enum(['direct', 'partial', 'indirect']),
  speaker: z.object({ entity: nullableString, text: nullableString, how: z.string() }),
  cue: z.object({ start: offset, end: offset }).nullable(),
});

export const quoteGroupSchema = z.object({
  id: z.string(),
  speaker: nullableString,
  quotes: z.array(z.string()),
  relation: z.enum(['identical', 'trimmed', 'variant']),
  differences: z.array(z.object({ quote: z.string(), from: z.string(), to: z.string() })),
});

export const timeSchema = z.object({
  article: z.string(),
  start: offset,
  end: offset,
  text: z.string(),
  value: nullableString,
  type: z.enum(['DATE', 'TIME', 'DURATION', 'SET']),
  relation: z.object({ kind: z.enum(['before', 'after', 'during']), anchor: z.string(), offset: z.string().optional() }).optional(),
});

export const quantitySchema = z.object({
  article: z.string(),
  start: offset,
  end: offset,
  text: z.string(),
  value: z.number(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  lowInclusive: z.boolean(),
  highInclusive: z.boolean(),
  unit: nullableString,
  qualifier: z.string(),
  /** For counts of people: what happened to them ("were killed" -> killed); null for other counts. */
  role: z.enum(['killed', 'injured', 'wounded', 'shot', 'hospitalized']).nullable().optional(),
  /** True for a running total beyond the event ("so far this year"), which is never compared with the event's figure. */
  tally: z.boolean().optional(),
});

export const attributionSchema = z.object({
  article: z.string(),
  start: offset,
  end: offset,
  claimant: z.string(),
  via: nullableString,
  viaKind: z.enum(['named', 'anonymous', 'official', 'outlet']).nullable(),
  claim: z.object({ start: offset, end: offset }).nullable(),
});

export const eventSchema = z.object({
  id: z.string(),
  label: z.string(),
  date: nullableString,
  articles: z.array(z.string()),
  claims: z.array(z.string()),
});

export const storySchema = z.object({
  id: z.string(),
  title: z.string(),
  articles: z.array(z.string()),
  events: z.array(eventSchema),
});

export const conflictSchema = z.object({
  claim: z.string(),
  kind: z.enum(['number', 'time', 'sequence', 'quote', 'superlative', 'negation', 'other']),
  explanation: z.string(),
  cites: z.array(cite),
});

export const claimSchema = z.object({
  id: z.string(),
  story: z.string(),
  summary: z.string(),
  mentions: z.array(cite.extend({ attribution: nullableString })),
  outlets: z.array(z.string()),
  independentSources: z.number().int().nonnegative(),
  status: z.enum(['corroborated', 'single-source', 'disputed']),
  conflicts: z.array(conflictSchema),
  evolution: z
    .object({ text: z.string(), from: z.number(), to: z.number(), first: z.string(), last: z.string() })
    .nullable(),
  /** True when every mention rests only on anonymous sourcing. */
  anonymousOnly: z.boolean(),
});

export const timelineSchema = z.object({
  date: z.string(),
  label: z.string(),
  claims: z.array(z.string()),
  cites: z.array(cite),
});

export const briefSchema = z.object({
  section: z.enum(['confirmed', 'disputed', 'single-source', 'quotes', 'timeline', 'sources']),
  text: z.string(),
  cites: z.array(cite),
  /** How much the line matters to a reader, in [0, 1]; the Markdown brief keeps the highest of a capped section. */
  score: z.number().min(0).max(1).optional(),
  /** The outlet a single-source line rests on. */
  outlet: z.string().optional(),
});

export const provenanceSchema = z.object({
  story: z.string(),
  outlet: z.string(),
  relays: z.string(),
  kind: z.enum(['wire-credit', 'near-copy', 'attribution', 'anonymous']),
  cites: z.array(cite),
});

export const coverageSchema = z.object({
  story: z.string(),
  outlets: z.array(
    z.object({
      outlet: z.string(),
      articles: z.array(z.string()),
      carries: z.array(z.string()),
      omits: z.array(z.string()),
      omitsCorroborated: z.array(z.string()),
    }),
  ),
});

export const reportSchema = z.object({
  schema: z.literal('parallax.report/1'),
  generatedBy: z.object({ name: z.literal('parallax'), version: z.string() }),
  articles: z.array(reportArticleSchema),
  entities: z.array(entitySchema),
  quotes: z.array(quoteSchema),
  quoteGroups: z.array(quoteGroupSchema),
  times: z.array(timeSchema),
  quantities: z.array(quantitySchema),
  attributions: z.array(attributionSchema),
  stories: z.array(storySchema),
  claims: z.array(claimSchema),
  timeline: z.array(timelineSchema),
  brief: z.array(briefSchema),
  provenance: z.array(provenanceSchema),
  coverage: z.array(coverageSchema),
  pipeline: z.array(z.object({ stage: z.string(), version: z.string() })),
});

export type Report = z.infer<typeof reportSchema>;
export type ReportArticle = z.infer<typeof reportArticleSchema>;

export const REPORT_SCHEMA_ID = 'parallax.report/1';

/** The JSON Schema committed at schema/report-v1.schema.json (regenerate with `npm run schema`). */
export function reportJsonSchema(): unknown {
  return z.toJSONSchema(reportSchema, { target: 'draft-2020-12' });
}
