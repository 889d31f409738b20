// JSON answers of read routes with a strong ETag: a client that sends it back in If-None-Match gets 304 while the data is unchanged.
import { createHash } from 'node:crypto';
import type { Context } from 'hono';

/** The entity tag of a JSON body: a digest of its bytes, so it changes exactly when the answer does. */
export function etagOf(body: string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** True when an If-None-Match header names `tag` (or is `*`); weak tags compare by their opaque part. */
export function ifNoneMatchHits(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return (header.match(/(?:W\/)?"[^"]*"/g) ?? []).some((t) => t.replace(/^W\//, '') === tag);
}

/**
 * Answers `value` as JSON with its ETag, or 304 with no body when the client already holds it. `no-cache` makes
 * browsers revalidate every time, so the UI never shows a stale story and an unchanged one costs no transfer.
 */
export function jsonWithEtag(c: Context, value: unknown): Response {
  const body = JSON.stringify(value);
  const tag = etagOf(body);
  const headers = { ETag: tag, 'Cache-Control': 'no-cache' };
  if (ifNoneMatchHits(c.req.header('if-none-match'), tag)) return c.body(null, 304, headers);
  return c.body(body, 200, { ...headers, 'Content-Type': 'application/json' });
}
