// Builds the OpenAPI 3.1 document from the route table and the zod schemas (z.toJSONSchema), so the two cannot drift.
import { z } from 'zod';
import { PARALLAX_VERSION } from '../core/version.js';
import { apiRegistry, errorSchema } from './api-schemas.js';
import { ROUTE_LIST, type RouteSpec } from './routes.js';

type Json = Record<string, unknown>;

const COMPONENT = '#/components/schemas/';

function componentSchemas(): Record<string, Json> {
  const out = z.toJSONSchema(apiRegistry, { target: 'draft-2020-12', uri: (id) => `${COMPONENT}${id}`, unrepresentable: 'any' }) as { schemas: Record<string, Json> };
  const clean: Record<string, Json> = {};
  for (const [id, schema] of Object.entries(out.schemas)) {
    const { $schema: _s, $id: _i, ...rest } = schema;
    clean[id] = rest;
  }
  return clean;
}

function ref(schema: z.ZodType): Json {
  const id = apiRegistry.get(schema)?.id;
  if (!id) throw new Error('every response schema must be registered in apiRegistry');
  return { $ref: `${COMPONENT}${id}` };
}

function parameters(route: RouteSpec): Json[] {
  const out: Json[] = [];
  const add = (shape: z.ZodObject | undefined, where: 'query' | 'path'): void => {
    if (!shape) return;
    for (const [name, field] of Object.entries(shape.shape)) {
      const schema = z.toJSONSchema(field as z.ZodType, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Json;
      const { $schema: _s, description, ...rest } = schema;
      const optional = (field as z.ZodType).safeParse(undefined).success;
      out.push({ name, in: where, required: where === 'path' || !optional, ...(description ? { description } : {}), schema: rest });
    }
  };
  add(route.params, 'path');
  add(route.query, 'query');
  if (route.responses[304]) {
    out.push({ name: 'If-None-Match', in: 'header', required: false, description: 'the ETag of an earlier answer: 304 while it is still current', schema: { type: 'string' } });
  }
  return out;
}

function operation(route: RouteSpec): Json {
  const responses: Json = {};
  for (const [status, spec] of Object.entries(route.responses)) {
    const schemas = spec.schemas ?? [];
    // a redirect or a 304 has no body to describe
    if (!schemas.length && /^3/.test(status)) {
      responses[status] = { description: spec.description };
      continue;
    }
    const schema = schemas.length === 1 && schemas[0] ? ref(schemas[0]) : schemas.length > 1 ? { oneOf: schemas.map(ref) } : { type: 'object' };
    responses[status] = { description: spec.description, content: { 'application/json': { schema } } };
  }
  responses['500'] ??= { description: 'internal error', content: { 'application/json': { schema: ref(errorSchema) } } };
  return {
    operationId: route.operationId,
    summary: route.summary,
    parameters: parameters(route),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            description: route.body.description,
            content: Object.fromEntries(route.body.contentTypes.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
          },
        }
      : {}),
    ...(route.write ? { security: [{ bearer: [] }] } : {}),
    responses,
  };
}

let cached: Json | null = null;

/** The OpenAPI 3.1 document of every route. */
export function openApiDocument(): Json {
  if (cached) return cached;
  const paths: Record<string, Json> = {};
  for (const route of ROUTE_LIST) (paths[route.path] ??= {})[route.method] = operation(route);
  cached = {
    openapi: '3.1.0',
    info: { title: 'Parallax API', version: PARALLAX_VERSION, description: 'Cross-checked news stories: read-only queries over the stored analysis, and article ingest.' },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: { schemas: componentSchemas(), securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  };
  return cached;
}
