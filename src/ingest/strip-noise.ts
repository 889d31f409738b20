// Page noise dropped from markup before parsing: scripts (not JSON-LD), styles, SVG, comments, media, form controls, simple nav bars.
//
// Every pattern here is ASCII (tag names, ASCII white space as HTML defines it, '<', '>' and quotes), so it finds
// the same places in a page's text and in its bytes read as Latin-1 for any ASCII-compatible encoding: the HTML
// readers strip pages before decoding them (see decodeHtmlBytes), which spares decoding the two thirds dropped.

/*
 * Markup no extraction step reads, dropped before parsing in one pass (dropping it shrinks pages about threefold):
 * scripts except JSON-LD, styles, SVG, comments, noscript, and invisible media, form controls and frames.
 * `replaceNoise` below gives what `html.replace(NOISE_PATTERN, ' ')` would, for this NOISE_PATTERN (the test checks
 * it against a copy of the regex), except that an <img> tag leaves a bare `<img>` (IMAGE_MARK) where it stood:
 *   /<script\b(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/script[\t\n\f\r ]*>|<style\b[\s\S]*?<\/style[\t\n\f\r ]*>|<svg\b[\s\S]*?<\/svg[\t\n\f\r ]*>|<!--[\s\S]*?-->|<noscript\b[\s\S]*?<\/noscript[\t\n\f\r ]*>|<(?:img|source|input|track|embed)\b(?:[^>"']|"[^"]*"|'[^']*')*>|<(picture|video|audio|select|button|iframe|object|canvas)\b[\s\S]*?<\/\1[\t\n\f\r ]*>/gi
 */

/**
 * Navigation bars (a fifth of a typical page): every step vetoes <nav> anyway. Only a <nav> without another <nav>
 * or a <script> inside is dropped, so a nested or unclosed one, or markup quoted in JSON-LD, is left to the parser.
 */
const NAV_RE = /<nav\b[\s\S]*?<\/nav[\t\n\f\r ]*>/gi;
const NESTED_RE = /<(?:nav|script)\b/i;

/** JSON-LD scripts (`<script ...ld+json...>` up to the first `</script>`), kept verbatim: markup quoted in their strings is data, not page noise. */
const JSON_LD_OPEN_RE = /<script\b[^>]*ld\+json[^>]*>/gi;
const SCRIPT_CLOSE_RE = /<\/script[\t\n\f\r ]*>/gi;

/**
 * Index of the first "ld+json" (ASCII case-insensitive, as /ld\+json/gi matches it) starting at or after `from` and
 * ending by `before`, or -1.
 * Found from its '+' by indexOf, several times faster than a regex scan of a 180 KB page.
 */
export function findLdJson(html: string, from: number, before = html.length): number {
  const at = (plus: number): boolean =>
    (html.charCodeAt(plus - 2) | 0x20) === 0x6c && // l
    (html.charCodeAt(plus - 1) | 0x20) === 0x64 && // d
    (html.charCodeAt(plus + 1) | 0x20) === 0x6a && // j
    (html.charCodeAt(plus + 2) | 0x20) === 0x73 && // s
    (html.charCodeAt(plus + 3) | 0x20) === 0x6f && // o
    (html.charCodeAt(plus + 4) | 0x20) === 0x6e; // n
  if (before < html.length) {
    // a bounded window (one tag): stepped through, since indexOf would search the rest of the page for a '+'
    for (let plus = from + 2; plus + 5 <= before; plus++) if (html.charCodeAt(plus) === 0x2b && at(plus)) return plus - 2;
    return -1;
  }
  for (let plus = html.indexOf('+', from + 2); plus >= 0 && plus + 5 <= before; plus = html.indexOf('+', plus + 1)) if (at(plus)) return plus - 2;
  return -1;
}

/**
 * Spans of the JSON-LD scripts, as `/<script\b[^>]*ld\+json[^>]*>[\s\S]*?<\/script[\t\n\f\r ]*>/gi` would match them, but
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
const NOISE_NAME_AT_RE = /<(?:(script)|(style|svg|noscript|picture|video|audio|select|button|iframe|object|canvas)|(img)|source|input|track|embed)\b|<!--/iy;
/** Noise elements a browser shows nothing of, not even a gap between words. */
const RENDERS_NOTHING = new Set(['style']);
/** The rest of a void element's tag, as in NOISE_PATTERN. */
const VOID_TAIL_AT_RE = /(?:[^>"']|"[^"]*"|'[^']*')*>/y;
const CLOSE_TAIL_AT_RE = /[\t\n\f\r ]*>/y;

/** Characters that can follow '<' in a NOISE_PATTERN match: s(cript|tyle|vg|ource|elect), !--, n(oscript), i(mg|nput|frame), ... */
const NOISE_FIRST = new Uint8Array(128);
for (const c of 's!nitepvabocSNITEPVABOC') NOISE_FIRST[c.charCodeAt(0)] = 1;

/** End of the first `</name[\t\n\f\r ]*>` (name in any ASCII case) at or after `from`, or -1: what `[\s\S]*?<\/name[\t\n\f\r ]*>` reaches. */
function closeTagEnd(html: string, name: string, from: number, misses: Misses): number {
  if (from >= (misses.close.get(name) ?? Infinity)) return -1;
  for (let i = html.indexOf('</', from); i >= 0; i = html.indexOf('</', i + 2)) {
    let k = 0;
    while (k < name.length && (html.charCodeAt(i + 2 + k) | 0x20) === name.charCodeAt(k)) k++;
    if (k < name.length) continue;
    CLOSE_TAIL_AT_RE.lastIndex = i + 2 + k;
    if (CLOSE_TAIL_AT_RE.test(html)) return CLOSE_TAIL_AT_RE.lastIndex;
  }
  misses.close.set(name, from);
  return -1;
}

/**
 * Searches of one page that found nothing: from these positions on they would find nothing again, so a page with
 * thousands of unclosed <script>s or comments is not searched to its end once per tag.
 */
interface Misses {
  /** No '>' at or after this position. */
  gt: number;
  /** No '-->' at or after this position. */
  comment: number;
  /** Per element name: no closing tag at or after this position. */
  readonly close: Map<string, number>;
}

/**
 * What the last match noiseEnd found is replaced with (set by noiseEnd; a module variable, no object per match): a
 * bare <img> for an image, nothing for markup a browser renders as nothing (comments, scripts, styles: React pages
 * write `Ev<!-- -->en` for one word), a space for the rest (controls and media take room between words).
 */
let replacement = ' ';

/** End of the NOISE_PATTERN match starting at `lt`, or -1. At most one alternative can match there (their names differ and end at \b). */
function noiseEnd(html: string, lt: number, misses: Misses): number {
  NOISE_NAME_AT_RE.lastIndex = lt;
  const m = NOISE_NAME_AT_RE.exec(html);
  if (!m) return -1;
  const after = NOISE_NAME_AT_RE.lastIndex;
  replacement = m[3] !== undefined ? IMAGE_MARK : m[1] !== undefined || m[0] === '<!--' || RENDERS_NOTHING.has(m[2]?.toLowerCase() ?? '') ? '' : ' ';
  if (m[1] !== undefined) {
    // <script\b(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/script[\t\n\f\r ]*>
    const gt = after >= misses.gt ? -1 : html.indexOf('>', after);
    if (gt < 0) {
      misses.gt = Math.min(misses.gt, after);
      return -1;
    }
    if (findLdJson(html, after, gt) >= 0) return -1;
    return closeTagEnd(html, 'script', gt + 1, misses);
  }
  if (m[2] !== undefined) return closeTagEnd(html, m[2].toLowerCase(), after, misses);
  if (m[0] === '<!--') {
    const close = after >= misses.comment ? -1 : html.indexOf('-->', after);
    if (close < 0) misses.comment = Math.min(misses.comment, after);
    return close < 0 ? -1 : close + 3;
  }
  VOID_TAIL_AT_RE.lastIndex = after;
  return VOID_TAIL_AT_RE.test(html) ? VOID_TAIL_AT_RE.lastIndex : -1;
}

/**
 * What an <img> tag is replaced with: a bare tag without its attributes (often half the tag's page weight), so the
 * extractor still knows where images stood (a short line right after one is its caption).
 */
export const IMAGE_MARK = '<img>';

/**
 * `html.replace(NOISE_PATTERN, (m) => (an <img> tag ? IMAGE_MARK : ' '))` without running the regex over the page: the '<'s found by indexOf whose next character
 * can start a match are tried in order, and closing tags are found by indexOf too (a lazy `[\s\S]*?` steps one character at a time).
 */
export function replaceNoise(html: string): string {
  // pieces joined once: a flat string, which the tokenizer reads faster than a chain of concatenations
  const out: string[] = [];
  const misses: Misses = { gt: Infinity, comment: Infinity, close: new Map() };
  let last = 0;
  for (let lt = html.indexOf('<'); lt >= 0; ) {
    if (NOISE_FIRST[html.charCodeAt(lt + 1)] === 1) {
      const end = noiseEnd(html, lt, misses);
      if (end >= 0) {
        out.push(html.slice(last, lt), replacement);
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
