// Serves the built web UI (vite output in dist/ui) at `/`: files under the root only, and a clear answer when it is not built.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context } from 'hono';
import { jsonError } from './guards.js';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The UI fetches only from this server: nothing from the network, no inline scripts. */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The file a URL path names inside `root`, or null when it would leave it. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rel = normalize(decoded === '/' || decoded === '' ? '/index.html' : decoded).replace(/^([/\\])+/, '');
  if (rel.startsWith('..')) return null;
  const full = join(root, rel);
  return full === root || full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : null;
}

function notBuilt(c: Context, root: string): Response {
  const message = `the web UI is not built (no ${root}/index.html): build it with vite into dist/ui, then restart serve. The JSON API works without it (see /openapi.json).`;
  if ((c.req.header('accept') ?? '').includes('text/html')) {
    const page = `<!doctype html><meta charset="utf-8"><title>Parallax</title><h1>Parallax API</h1><p>${escapeHtml(message)}</p>`;
    return c.html(page, 503, { 'Content-Security-Policy': CSP });
  }
  return jsonError(c, 503, 'ui-not-built', message);
}

/** Answers a GET for the UI, or null when the path is not a UI file (the caller then answers 404). */
export async function serveUi(c: Context, root: string): Promise<Response | null> {
  const path = c.req.path;
  const file = resolveInside(root, path);
  if (!file) return null;
  if (!(await isFile(file))) {
    if (path === '/' || path === '/index.html') return notBuilt(c, root);
    return null;
  }
  const body = await readFile(file);
  const hashed = /\/assets\//.test(path);
  return c.body(body, 200, {
    'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
  });
}
