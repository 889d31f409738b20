// Named settings of `parallax serve`, with defaults in code; resolved defaults <- env <- flags and checked for unsafe combinations.
import { isIP } from 'node:net';
import { z } from 'zod';
import { ParallaxError } from '../core/errors.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8787;

export const serveSettingsSchema = z.object({
  host: z.string().min(1).default(DEFAULT_HOST),
  port: z.number().int().min(0).max(65535).default(DEFAULT_PORT),
  /** Bearer token that writes must present; null: writes are refused unless open writes are allowed. */
  token: z.string().min(16, { error: 'the token must be at least 16 characters' }).nullable().default(null),
  /** Writes without a token: only when bound to loopback. */
  allowOpenWrites: z.boolean().default(false),
  /** Largest request body in bytes (413 beyond). */
  maxBodyBytes: z.number().int().positive().default(8 * 1024 * 1024),
  /** Requests handled at once; more get 429. */
  maxInFlight: z.number().int().positive().default(256),
  /** Origins allowed by CORS; empty: CORS off (no CORS headers at all). */
  corsOrigins: z.array(z.url()).default([]),
  /** Above this many stored articles, GET /report answers the story index instead of the whole report. */
  fullReportMaxArticles: z.number().int().nonnegative().default(500),
  /** Stories one /entities or /quotes request may read before it returns a partial page with a cursor. */
  scanStories: z.number().int().positive().default(100),
});

export type ServeSettings = z.infer<typeof serveSettingsSchema>;

/** True for names and addresses that only this machine can reach. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1' || h === '::ffff:127.0.0.1') return true;
  return isIP(h) === 4 && h.startsWith('127.');
}

/** Parses a size like 512k, 8mb, 1048576. */
export function parseByteSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*$/i.exec(text);
  if (!m) throw new ParallaxError('PX100', `cannot read "${text}" as a size; write bytes (1048576) or with a unit (512k, 8mb)`);
  const scale = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(m[2] ?? '').toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.round(Number(m[1]) * scale);
}

/** Validates settings; refuses open writes off loopback, and open writes with a token (ambiguous). */
export function resolveServeSettings(input: Partial<ServeSettings>): ServeSettings {
  const parsed = serveSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ParallaxError('PX100', `invalid serve setting ${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid'}`);
  }
  const s = parsed.data;
  if (s.allowOpenWrites && !isLoopback(s.host)) {
    throw new ParallaxError('PX100', `open writes are refused when bound to ${s.host}: bind to 127.0.0.1 (--host 127.0.0.1) or set a token (--token or PARALLAX_TOKEN) instead of --allow-open-writes`);
  }
  return s;
}
