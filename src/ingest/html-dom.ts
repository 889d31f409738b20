// The HTML tree's walks: visible paragraphs, inline text, elements in document order.
import type { AnyNode, Element } from './html-tree.js';
import { isJsWhiteSpace } from './js-white-space.js';

export { MAX_TREE_DEPTH, parseHtml, type AnyNode, type Document, type Element } from './html-tree.js';

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** Elements whose content is never reader-visible text. */
export const INVISIBLE_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'embed', 'canvas', 'math',
  'select', 'option', 'button', 'input', 'textarea', 'head', 'title', 'meta', 'link', 'video', 'audio', 'picture', 'img',
]);

/** Elements that start a new paragraph in the extracted text. */
export const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'blockquote', 'pre', 'ul', 'ol', 'li',
  'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'figure', 'figcaption', 'form',
  'fieldset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'address', 'details', 'summary', 'body', 'html', 'center',
]);

/** What /[\s\u200b]/ matches: JavaScript's white space and line terminators, and the zero-width space. */
const isCollapsible = (c: number): boolean => isJsWhiteSpace(c) || c === 0x200b;

/**
 * Collapses white space the way a browser renders inline text: `s.replace(/[\s\u200b]+/g, ' ').trim()`, by one
 * scan that keeps runs already a single space (twice as fast as the regex on page text; tested against it).
 */
export function collapseSpace(s: string): string {
  const n = s.length;
  let start = 0;
  while (start < n && isCollapsible(s.charCodeAt(start))) start++;
  let end = n;
  while (end > start && isCollapsible(s.charCodeAt(end - 1))) end--;
  let out = '';
  let last = start;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (!isCollapsible(c)) continue;
    // the run ends before `end`, whose previous character is not white space
    let j = i + 1;
    while (isCollapsible(s.charCodeAt(j))) j++;
    if (c !== 32 || j !== i + 1) {
      out += `${s.slice(last, i)} `;
      last = j;
    }
    i = j - 1;
  }
  if (last === start) return start === 0 && end === n ? s : s.slice(start, end);
  return out + s.slice(last, end);
}

/** Whether a string is empty or all collapsible white space. */
function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isCollapsible(s.charCodeAt(i))) return false;
  return true;
}

/** A caption is at most this many words. */
const MAX_CAPTION_WORDS = 20;
/** Elements that make the first words of a paragraph a heading, a lead-in, a list item or a link, never a caption. */
const NOT_CAPTION_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'li', 'a', 'dt', 'th', 'blockquote', 'q']);

/** Whether the text node opens a paragraph that may be a caption: no heading, bold lead-in, list item or link around it up to its block. */
function captionHost(text: AnyNode): boolean {
  for (let p = text.parent; p && isElement(p); p = p.parent) {
    if (NOT_CAPTION_TAGS.has(p.name)) return false;
    if (BLOCK_TAGS.has(p.name)) return true;
  }
  return true;
}

/** Short and not a sentence (a credit in parentheses may close it): the line under a photo, not story text or a question. */
export function isCaptionShaped(t: string): boolean {
  if (/[.!?:;…]["”’»]?$/.test(t)) return false;
  let words = 1;
  for (let i = 0; i < t.length && words <= MAX_CAPTION_WORDS; i++) if (t.charCodeAt(i) === 32) words++;
  return words <= MAX_CAPTION_WORDS;
}

/**
 * Paragraphs of visible text under `root`; `skip` can veto whole subtrees (navigation, hidden nodes). With
 * `captions`, a caption-shaped paragraph that starts right after an <img> (nothing but white space between, see
 * isCaptionShaped and captionHost) goes there instead of into the paragraphs.
 */
export function blockTexts(root: AnyNode, skip?: (el: Element) => boolean, skipRoot = true, captions?: string[]): string[] {
  const out: string[] = [];
  let buf = '';
  /** An <img> was passed and no text has come since. */
  let afterImage = false;
  /** The paragraph in `buf` opened right after an image, in a place a caption can be. */
  let captionCandidate = false;
  const flush = (): void => {
    const t = collapseSpace(buf);
    if (t) {
      if (captionCandidate && captions && isCaptionShaped(t)) captions.push(t);
      else out.push(t);
    }
    captionCandidate = false;
    buf = '';
  };
  const walk = (node: AnyNode): void => {
    if (node.type === 'text') {
      if (afterImage && !isBlank(node.data)) {
        afterImage = false;
        if (isBlank(buf)) captionCandidate = captionHost(node);
      }
      buf += node.data;
      return;
    }
    if (!isElement(node)) {
      if (node.type === 'root') for (const c of node.children) walk(c);
      return;
    }
    const name = node.name;
    if (name === 'img' && captions) {
      afterImage = true;
      return;
    }
    if (INVISIBLE_TAGS.has(name) || (skip?.(node) && (skipRoot || node !== root))) return;
    if (name === 'br') {
      flush();
      return;
    }
    const block = BLOCK_TAGS.has(name);
    if (block) flush();
    for (const c of node.children) walk(c);
    if (block) flush();
  };
  walk(root);
  flush();
  return out;
}

/** Plain text of a subtree on one line (for titles, bylines, links). */
export function inlineText(node: AnyNode): string {
  let s = '';
  const walk = (n: AnyNode): void => {
    if (n.type === 'text') s += n.data;
    else if (isElement(n)) {
      if (INVISIBLE_TAGS.has(n.name)) return;
      for (const c of n.children) walk(c);
    } else if (n.type === 'root') for (const c of n.children) walk(c);
  };
  walk(node);
  return collapseSpace(s);
}

/** Every element of the tree in document order (an array: faster to build and walk than a generator). */
export function elements(root: AnyNode): Element[] {
  const out: Element[] = [];
  const walk = (n: AnyNode): void => {
    if (isElement(n)) out.push(n);
    if ('children' in n) for (const c of n.children) walk(c);
  };
  walk(root);
  return out;
}
