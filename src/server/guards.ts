// Request guards: JSON errors, the in-flight limit (429), write access by bearer token, and the body cap (413).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { bodyLimit } from 'hono/body-limit';
import { isLoopback } from './settings.js';

export type ErrorCode =
  | 'bad-request'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'payload-too-large'
  | 'too-many-requests'
  | 'not-analyzed'
  | 'ui-not-built'
  | 'internal';

export function jsonError(c: Context, status: ContentfulStatusCode, code: ErrorCode, message: string, headers: Record<string, string> = {}): Response {
  return c.json({ error: { code, message } }, status, headers);
}

/** Beyond `max` requests in flight, answer 429 at once instead of queueing without bound. */
export function inFlightLimit(max: number): MiddlewareHandler {
  let inFlight = 0;
  return async (c, next) => {
    if (inFlight >= max) return jsonError(c, 429, 'too-many-requests', `the server is handling ${max} requests already; retry shortly`, { 'Retry-After': '1' });
    inFlight++;
    try {
      await next();
    } finally {
      inFlight--;
    }
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** The remote address when the request came through a Node socket (absent in-process). */
function remoteAddress(c: Context): string | null {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}

export interface WriteAccess {
  readonly token: string | null;
  readonly allowOpenWrites: boolean;
}

/**
 * Writes need `Authorization: Bearer <token>` (compared in constant time). Without a token they are open only when the
 * server was started with open writes (which settings allow on loopback only), and then only from a loopback peer.
 */
export function requireWriteAccess(access: WriteAccess): MiddlewareHandler {
  const expected = access.token === null ? null : digest(access.token);
  return async (c, next) => {
    if (expected === null) {
      if (!access.allowOpenWrites) return jsonError(c, 403, 'forbidden', 'writes are disabled: start serve with --token (or PARALLAX_TOKEN) and send Authorization: Bearer <token>');
      const peer = remoteAddress(c);
      if (peer !== null && !isLoopback(peer)) return jsonError(c, 403, 'forbidden', 'open writes are accepted from this machine only; use a token for remote writes');
      return next();
    }
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const challenge = { 'WWW-Authenticate': 'Bearer realm="parallax"' };
    if (!m?.[1]) return jsonError(c, 401, 'unauthorized', 'this route writes: send Authorization: Bearer <token>', challenge);
    if (!timingSafeEqual(digest(m[1]), expected)) return jsonError(c, 401, 'unauthorized', 'the bearer token is wrong', challenge);
    return next();
  };
}

/** Caps request bodies (declared Content-Length and streamed bytes alike). */
export function bodyCap(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) => jsonError(c, 413, 'payload-too-large', `the body is over the server's max-body setting (${maxBytes} bytes); split it into smaller posts`),
  });
}
