// Readability.js over linkedom, returning paragraphs without the widgets Readability lets through.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { isFurnitureClass } from './density-extract.js';
import { BLOCK_TAGS, INVISIBLE_TAGS, collapseSpace } from './html-dom.js';

/** The slice of the linkedom node API this file reads. */
interface LinkedNode {
  readonly nodeType: number;
  readonly localName?: string;
  readonly childNodes: ArrayLike<LinkedNode>;
  readonly data?: string;
  getAttribute?(name: string): string | null;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
/** Caption and credit containers Readability keeps but an article body does not include. */
const SKIP_TAGS = new Set(['figure', 'figcaption', 'nav', 'footer', 'aside', 'form']);
/** A list or block whose text is mostly links is a "related stories" box. */
const MAX_LINK_DENSITY = 0.6;
/** Blocks with less text than this are never judged by link density (a short linked phrase is fine). */
const MIN_LINK_JUDGED_CHARS = 40;

interface Lengths {
  readonly all: number;
  readonly link: number;
}

/** Text and in-link text lengths of every element under `root`, in one walk (asking per block was quadratic). */
function textLengths(root: LinkedNode): Map<LinkedNode, Lengths> {
  const out = new Map<LinkedNode, Lengths>();
  const walk = (node: LinkedNode, inLink: boolean): Lengths => {
    if (node.nodeType === TEXT_NODE) {
      const n = collapseSpace(node.data ?? '').length;
      return { all: n, link: inLink ? n : 0 };
    }
    if (node.nodeType !== ELEMENT_NODE) return { all: 0, link: 0 };
    const link = inLink || node.localName === 'a';
    let all = 0;
    let linked = 0;
    // linkedom rebuilds childNodes on every access: read it once
    for (const c of Array.from(node.childNodes)) {
      const l = walk(c, link);
      all += l.all;
      linked += l.link;
    }
    const own = { all, link: linked };
    out.set(node, own);
    return own;
  };
  walk(root, false);
  return out;
}

function isWidget(node: LinkedNode, name: string, lengths: ReadonlyMap<LinkedNode, Lengths>): boolean {
  if (SKIP_TAGS.has(name)) return true;
  const cls = `${node.getAttribute?.('class') ?? ''} ${node.getAttribute?.('id') ?? ''}`;
  if (isFurnitureClass(cls)) return true;
  if (name === 'ul' || name === 'ol' || name === 'div' || name === 'section' || name === 'table') {
    const l = lengths.get(node);
    if (l && l.all >= MIN_LINK_JUDGED_CHARS && l.link / l.all > MAX_LINK_DENSITY) return true;
  }
  return false;
}

function paragraphsOf(root: LinkedNode): string[] {
  const lengths = textLengths(root);
  const out: string[] = [];
  let buf = '';
  const flush = (): void => {
    const t = collapseSpace(buf);
    if (t) out.push(t);
    buf = '';
  };
  const walk = (node: LinkedNode, isRoot: boolean): void => {
    if (node.nodeType === TEXT_NODE) {
      buf += node.data ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = (node.localName ?? '').toLowerCase();
    if (INVISIBLE_TAGS.has(name)) return;
    if (name === 'br') return flush();
    const block = BLOCK_TAGS.has(name);
    if (block && !isRoot && isWidget(node, name, lengths)) return;
    if (block) flush();
    for (const c of Array.from(node.childNodes)) walk(c, false);
    if (block) flush();
  };
  walk(root, true);
  flush();
  return out;
}

/*
 * Markup no extraction step reads, dropped before parsing in one pass (dropping it shrinks pages about threefold):
 * scripts except JSON-LD, styles, SVG, comments, noscript, and invisible media, form controls and frames.
 * `replaceNoise` below gives what `html.replace(NOISE_PATTERN, ' ')` would, for this NOISE_PATTERN (the test checks
 * it against a copy of the regex):
 *   /<script\b(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/script\s*>|<style\b[\s\S]*?<\/style\s*>|<svg\b[\s\S]*?<\/svg\s*>|<!--[\s\S]*?-->|<noscript\b[\s\S]*?<\/noscript\s*>|<(?:img|source|input|track|embed)\b(?:[^>"']|"[^"]*"|'[^']*')*>|<(picture|video|audio|select|button|iframe|object|canvas)\b[\s\S]*?<\/\1\s*>/gi
 */

/**
 * Navigation bars (a fifth of a typical page): every step vetoes <nav> anyway. Only a <nav> without another <nav>
 * or a <script> inside is dropped, so a nested or unclosed one, or markup quoted in JSON-LD, is left to the parser.
 */
const NAV_RE = /<nav\b[\s\S]*?<\/nav\s*>/gi;
const NESTED_RE = /<(?:nav|script)\b/i;

/** JSON-LD scripts (`<script ...ld+json...>` up to the first `</script>`), kept verbatim: markup quoted in their strings is data, not page noise. */
const JSON_LD_OPEN_RE = /<script\b[^>]*ld\+json[^>]*>/gi;
const SCRIPT_CLOSE_RE = /<\/script\s*>/gi;

/**
 * Index of the first "ld+json" (ASCII case-insensitive, as /ld\+json/gi matches it) starting at or after `from` and
 * ending by `before`, or -1.
 * Found from its '+' by indexOf, several times faster than a regex scan of a 180 KB page.
 */
export function findLdJson(html: string, from: number, before = html.length): number {
  for (let plus = html.indexOf('+', from + 2); plus >= 0 && plus + 5 <= before; plus = html.indexOf('+', plus + 1)) {
    if (
      (html.charCodeAt(plus - 2) | 0x20) === 0x6c && // l
      (html.charCodeAt(plus - 1) | 0x20) === 0x64 && // d
      (html.charCodeAt(plus + 1) | 0x20) === 0x6a && // j
      (html.charCodeAt(plus + 2) | 0x20) === 0x73 && // s
      (html.charCodeAt(plus + 3) | 0x20) === 0x6f && // o
      (html.charCodeAt(plus + 4) | 0x20) === 0x6e // n
    )
      return plus - 2;
  }
  return -1;
}

/**
 * Spans of the JSON-LD scripts, as `/<script\b[^>]*ld\+json[^>]*>[\s\S]*?<\/script\s*>/gi` would match them, but
 * found from the rare "ld+json" literal instead of testing every '<' of the page (~20% less CPU on dev pages). An opening tag
 * holding the first "ld+json" at or after `from` cannot start before the last '>' preceding it, so the tag search
 * starts there and finds the same leftmost tag.
 */
export function jsonLdSpans(html: string): Array<readonly [number, number]> {
  const spans: Array<readonly [number, number]> = [];
  let from = 0;
  for (;;) {
    const ld = findLdJson(html, from);
    if (ld < 0) break;
    JSON_LD_OPEN_RE.lastIndex = Math.max(from, html.lastIndexOf('>', ld - 1) + 1);
    const open = JSON_LD_OPEN_RE.exec(html);
    if (!open) break;
    SCRIPT_CLOSE_RE.lastIndex = JSON_LD_OPEN_RE.lastIndex;
    if (!SCRIPT_CLOSE_RE.exec(html)) break;
    spans.push([open.index, SCRIPT_CLOSE_RE.lastIndex]);
    from = SCRIPT_CLOSE_RE.lastIndex;
  }
  return spans;
}

/** The element names NOISE_PATTERN drops with their content (up to the first closing tag), and the void ones it drops alone. */
const NOISE_NAME_AT_RE = /<(?:(script)|(style|svg|noscript|picture|video|audio|select|button|iframe|object|canvas)|img|source|input|track|embed)\b|<!--/iy;
/** The rest of a void element's tag, as in NOISE_PATTERN. */
const VOID_TAIL_AT_RE = /(?:[^>"']|"[^"]*"|'[^']*')*>/y;
const CLOSE_TAIL_AT_RE = /\s*>/y;

/** Characters that can follow '<' in a NOISE_PATTERN match: s(cript|tyle|vg|ource|elect), !--, n(oscript), i(mg|nput|frame), ... */
const NOISE_FIRST = new Uint8Array(128);
for (const c of 's!nitepvabocSNITEPVABOC') NOISE_FIRST[c.charCodeAt(0)] = 1;

/** End of the first `</name\s*>` (name in any ASCII case) at or after `from`, or -1: what `[\s\S]*?<\/name\s*>` reaches. */
function closeTagEnd(html: string, name: string, from: number): number {
  for (let i = html.indexOf('</', from); i >= 0; i = html.indexOf('</', i + 2)) {
    let k = 0;
    while (k < name.length && (html.charCodeAt(i + 2 + k) | 0x20) === name.charCodeAt(k)) k++;
    if (k < name.length) continue;
    CLOSE_TAIL_AT_RE.lastIndex = i + 2 + k;
    if (CLOSE_TAIL_AT_RE.test(html)) return CLOSE_TAIL_AT_RE.lastIndex;
  }
  return -1;
}

/** End of the NOISE_PATTERN match starting at `lt`, or -1. At most one alternative can match there (their names differ and end at \b). */
function noiseEnd(html: string, lt: number): number {
  NOISE_NAME_AT_RE.lastIndex = lt;
  const m = NOISE_NAME_AT_RE.exec(html);
  if (!m) return -1;
  const after = NOISE_NAME_AT_RE.lastIndex;
  if (m[1] !== undefined) {
    // <script\b(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/script\s*>
    const gt = html.indexOf('>', after);
    if (gt < 0) return -1;
    if (findLdJson(html, after, gt) >= 0) return -1;
    return closeTagEnd(html, 'script', gt + 1);
  }
  if (m[2] !== undefined) return closeTagEnd(html, m[2].toLowerCase(), after);
  if (m[0] === '<!--') {
    const close = html.indexOf('-->', after);
    return close < 0 ? -1 : close + 3;
  }
  VOID_TAIL_AT_RE.lastIndex = after;
  return VOID_TAIL_AT_RE.test(html) ? VOID_TAIL_AT_RE.lastIndex : -1;
}

/**
 * `html.replace(NOISE_PATTERN, ' ')` without running the regex over the page: the '<'s found by indexOf whose next character
 * can start a match are tried in order, and closing tags are found by indexOf too (a lazy `[\s\S]*?` steps one character at a time).
 */
export function replaceNoise(html: string): string {
  // pieces joined once: a flat string, which the tokenizer reads faster than a chain of concatenations
  const out: string[] = [];
  let last = 0;
  for (let lt = html.indexOf('<'); lt >= 0; ) {
    if (NOISE_FIRST[html.charCodeAt(lt + 1)] === 1) {
      const end = noiseEnd(html, lt);
      if (end >= 0) {
        out.push(html.slice(last, lt), ' ');
        last = end;
        lt = html.indexOf('<', last);
        continue;
      }
    }
    lt = html.indexOf('<', lt + 1);
  }
  if (last === 0) return html;
  out.push(html.slice(last));
  return out.join('');
}

function stripSegment(html: string): string {
  return replaceNoise(html).replace(NAV_RE, (nav) => (NESTED_RE.test(nav.slice(4)) ? nav : ' '));
}

export function stripNoise(html: string): string {
  const spans = jsonLdSpans(html);
  if (spans.length === 0) return stripSegment(html);
  const out: string[] = [];
  let last = 0;
  for (const [start, end] of spans) {
    out.push(stripSegment(html.slice(last, start)), html.slice(start, end));
    last = end;
  }
  out.push(stripSegment(html.slice(last)));
  return out.join('');
}

/** JSON-LD blocks, which Readability would otherwise use to drop headings it takes for the title. */
const JSON_LD_RE = /<script\b[^>]*>[\s\S]*?<\/script\s*>/gi;

export interface ReadabilityResult {
  readonly paragraphs: readonly string[];
  readonly title: string | null;
  readonly byline: string | null;
}

/** Runs Readability on a fresh linkedom document of `html` (pruneForReadability output, or at least stripNoise'd); null when it finds no article. */
export function readabilityExtract(html: string, charThreshold: number): ReadabilityResult | null {
  const { document } = parseHTML(html.replace(JSON_LD_RE, ' '));
  const reader = new Readability<LinkedNode>(document, { charThreshold, keepClasses: true, serializer: (el) => el as unknown as LinkedNode });
  let parsed: ReturnType<typeof reader.parse>;
  try {
    parsed = reader.parse();
  } catch {
    // Readability throws on some malformed trees; the chain falls through to the next step
    return null;
  }
  if (!parsed?.content) return null;
  return { paragraphs: paragraphsOf(parsed.content), title: parsed.title ?? null, byline: parsed.byline ?? null };
}
