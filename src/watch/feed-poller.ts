// One feed's polling state: conditional GET (ETag / Last-Modified), a bounded body, and exponential backoff on errors.

export interface PollSettings {
  /** Time between polls of a healthy feed (ms). */
  readonly intervalMs: number;
  /** Longest wait after repeated errors (ms). */
  readonly maxBackoffMs: number;
  /** A fetch that takes longer is an error (ms). */
  readonly fetchTimeoutMs: number;
  /** Largest feed body read (bytes); a bigger one is an error. */
  readonly maxFeedBytes: number;
  readonly userAgent: string;
}

export const DEFAULT_POLL_SETTINGS: PollSettings = {
  intervalMs: 5 * 60_000,
  maxBackoffMs: 60 * 60_000,
  fetchTimeoutMs: 30_000,
  maxFeedBytes: 16 * 1024 * 1024,
  userAgent: 'parallax-watch (+https://github.com/parallax)',
};

export interface FeedState {
  readonly url: string;
  etag: string | null;
  lastModified: string | null;
  /** Errors in a row; 0 when the last poll worked. */
  failures: number;
  /** When the feed is next due (ms since epoch). */
  nextAt: number;
}

export type PollResult =
  | { readonly status: 'fetched'; readonly httpStatus: number; readonly body: Uint8Array }
  | { readonly status: 'not-modified'; readonly httpStatus: 304 }
  | { readonly status: 'error'; readonly httpStatus: number | null; readonly message: string; readonly retryAfterMs: number | null };

export function newFeedState(url: string, now: number): FeedState {
  return { url, etag: null, lastModified: null, failures: 0, nextAt: now };
}

/** Wait after `failures` errors in a row: the interval doubled per error, capped; a server's Retry-After is honoured within the cap. */
export function backoffMs(failures: number, settings: PollSettings, retryAfterMs: number | null = null): number {
  const doubled = settings.intervalMs * 2 ** Math.min(failures, 20);
  return Math.min(settings.maxBackoffMs, Math.max(doubled, retryAfterMs ?? 0));
}

function retryAfter(header: string | null, now: number): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

async function boundedBody(res: Response, max: number): Promise<Uint8Array | null> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > max) return null;
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const parts: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  return new Uint8Array(Buffer.concat(parts));
}

/** Network errors of a pooled connection the server had already closed (the request was not answered). */
const STALE_CONNECTION = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

function causeCode(err: unknown): string | undefined {
  return (err as { cause?: { code?: string } }).cause?.code;
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}

function fetchOnce(url: string, headers: Record<string, string>, settings: PollSettings): Promise<Response> {
  return fetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(settings.fetchTimeoutMs) });
}

/** Fetches the feed if it changed since the last successful fetch. Never throws. */
export async function fetchFeed(state: FeedState, settings: PollSettings, now: number): Promise<PollResult> {
  const headers: Record<string, string> = { 'User-Agent': settings.userAgent, Accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5' };
  if (state.etag) headers['If-None-Match'] = state.etag;
  if (state.lastModified) headers['If-Modified-Since'] = state.lastModified;
  const res = await fetchOnce(state.url, headers, settings).catch(async (first: unknown) => {
    // A connection the server closed while it sat idle in the pool: `watch` analyzes synchronously between polls,
    // so when that outlasts the server's keep-alive the next poll goes out on the pooled connection before the
    // timers that close it have run. The request never reached the server; it is sent once more, on a new one.
    if (!STALE_CONNECTION.has(causeCode(first) ?? '')) return asError(first);
    return fetchOnce(state.url, headers, settings).catch(asError);
  });
  if (res instanceof Error) return { status: 'error', httpStatus: null, message: `cannot fetch (${causeCode(res) ?? res.message})`, retryAfterMs: null };
  if (res.status === 304) {
    await res.body?.cancel();
    return { status: 'not-modified', httpStatus: 304 };
  }
  if (!res.ok) {
    await res.body?.cancel();
    return { status: 'error', httpStatus: res.status, message: `HTTP ${res.status}`, retryAfterMs: retryAfter(res.headers.get('retry-after'), now) };
  }
  let body: Uint8Array | null;
  try {
    body = await boundedBody(res, settings.maxFeedBytes);
  } catch (err) {
    return { status: 'error', httpStatus: res.status, message: `the body broke off (${(err as Error).message})`, retryAfterMs: null };
  }
  if (!body) return { status: 'error', httpStatus: res.status, message: `the feed is over ${settings.maxFeedBytes} bytes`, retryAfterMs: null };
  state.etag = res.headers.get('etag');
  state.lastModified = res.headers.get('last-modified');
  return { status: 'fetched', httpStatus: res.status, body };
}

/** Moves the feed's next poll time after a result: the interval when it worked, the backoff after an error. */
export function schedule(state: FeedState, result: PollResult, settings: PollSettings, now: number): number {
  if (result.status === 'error') {
    state.failures++;
    const wait = backoffMs(state.failures, settings, result.retryAfterMs);
    state.nextAt = now + wait;
    return wait;
  }
  state.failures = 0;
  state.nextAt = now + settings.intervalMs;
  return settings.intervalMs;
}
