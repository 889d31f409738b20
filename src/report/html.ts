// The one-file HTML report: the built web UI (dist/ui) with its JS, CSS and the report data inlined, for opening from disk.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assetPath } from '../core/asset-path.js';
import { ParallaxError } from '../core/errors.js';
import type { Report } from './schema.js';

/** The built UI's pieces, as `npm run build:ui` leaves them in dist/ui. */
export interface UiBundle {
  readonly js: string;
  readonly css: string;
}

/** Same id the UI looks for (ui/src/data-source.ts INLINE_DATA_ID). */
export const INLINE_DATA_ID = 'parallax-data';

export function uiDir(): string {
  return assetPath('dist/ui');
}

const SCRIPT_SRC = /<script\b[^>]*\bsrc="\.\/([^"]+\.js)"[^>]*><\/script>/;
const STYLE_HREF = /<link\b[^>]*\brel="stylesheet"[^>]*\bhref="\.\/([^"]+\.css)"[^>]*>/;

export function loadUiBundle(dir: string = uiDir()): UiBundle {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    throw new ParallaxError('PX101', `cannot find the built web UI at ${index}. Run "npm run build:ui" first (the HTML report inlines it).`);
  }
  const html = readFileSync(index, 'utf8');
  const script = SCRIPT_SRC.exec(html)?.[1];
  const style = STYLE_HREF.exec(html)?.[1];
  if (!script) throw new ParallaxError('PX101', `${index} names no script bundle; rebuild the UI with "npm run build:ui".`);
  return { js: readFileSync(join(dir, script), 'utf8'), css: style ? readFileSync(join(dir, style), 'utf8') : '' };
}

/**
 * JSON that is inert inside a <script> element: no "<" (so no "</script>" or "<!--"), no ">" or "&",
 * and U+2028/U+2029 escaped. JSON.parse reads the \u escapes back to the same characters.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Inlined code must not close its own element; "<\/" means the same as "</" in every JS string, template and regex. */
function inlineCode(code: string, element: 'script' | 'style'): string {
  const safe = element === 'script' ? code.replace(/<\/(script)/gi, '<\\/$1') : code.replace(/<\/(style)/gi, '<\\/$1');
  if (new RegExp(`</${element}|<!--`, 'i').test(safe)) {
    throw new ParallaxError('PX400', `the UI bundle contains text that would end its inline <${element}>; it cannot be inlined safely.`);
  }
  return safe;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function pageTitle(report: Report): string {
  const only = report.stories.length === 1 ? report.stories[0]?.title : undefined;
  return only ? `${only} · Parallax report` : 'Parallax report';
}

export function renderHtml(report: Report, ui: UiBundle): string {
  const js = inlineCode(ui.js, 'script');
  const css = inlineCode(ui.css, 'style');
  const scriptHash = createHash('sha256').update(js, 'utf8').digest('base64');
  // Only this exact script may run, and nothing may be fetched: the page works from file:// with the network off.
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}'`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    `<meta name="generator" content="${escapeHtml(`${report.generatedBy.name} ${report.generatedBy.version}`)}">`,
    // an empty icon, so the browser asks for no /favicon.ico (nothing is fetched, not even that)
    '<link rel="icon" href="data:,">',
    `<title>${escapeHtml(pageTitle(report))}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    '<div id="app"></div>',
    `<script id="${INLINE_DATA_ID}" type="application/json">${scriptSafeJson(report)}</script>`,
    `<script type="module">${js}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
