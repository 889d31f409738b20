// Own density-based extractor: scores paragraph containers by text, commas and link density, keeps the best one.
import { blockTexts, elements, inlineText, isElement, type AnyNode, type Document, type Element } from './html-dom.js';

export interface DensityOptions {
  /** Paragraph-like nodes shorter than this contribute no score. */
  readonly minParagraphChars: number;
  /** Share of a node's text inside links above which it is navigation, not prose. */
  readonly maxLinkDensity: number;
  /** Siblings of the winner scoring at least this share of its score are part of the article too. */
  readonly siblingShare: number;
}

export const DEFAULT_DENSITY_OPTIONS: DensityOptions = { minParagraphChars: 25, maxLinkDensity: 0.5, siblingShare: 0.2 };

const SKIP_TAGS = new Set(['nav', 'footer', 'aside', 'form', 'header', 'h1', 'figure', 'figcaption', 'menu', 'dialog']);
const NEGATIVE = /comment|share|social|related|sidebar|footer|\bnav|menu|advert|\bads?\b|promo|newsletter|subscribe|cookie|breadcrumb|widget|popup|modal|banner|masthead|sponsor|outbrain|taboola|recirc|more-?stories|trending|signup|paywall|skip|hidden|caption|credit|\btags?\b|author-?bio|byline|disclaimer|toolbar|pagination|rating/i;
const POSITIVE = /article|body|content|story|entry|post|text|main|prose|paragraph/i;
const PARAGRAPH_TAGS = new Set(['p', 'pre', 'blockquote', 'td']);

function classId(el: Element): string {
  return `${el.attribs['class'] ?? ''} ${el.attribs['id'] ?? ''}`;
}

/** Subtrees that are page furniture: structural tags, hidden nodes, and class/id names of widgets. */
export function isFurniture(el: Element): boolean {
  if (SKIP_TAGS.has(el.name)) return true;
  if ('hidden' in el.attribs || el.attribs['aria-hidden'] === 'true' || /display:\s*none/i.test(el.attribs['style'] ?? '')) return true;
  const role = el.attribs['role'];
  if (role === 'navigation' || role === 'complementary' || role === 'contentinfo' || role === 'banner') return true;
  const ci = classId(el);
  return ci.length > 1 && NEGATIVE.test(ci) && !POSITIVE.test(ci);
}

function linkChars(node: AnyNode): number {
  if (!isElement(node)) return 0;
  if (node.name === 'a') return inlineText(node).length;
  let n = 0;
  for (const c of node.children) n += linkChars(c);
  return n;
}

function insideFurniture(el: Element): boolean {
  for (let p: Element | null = el; p; p = p.parent && isElement(p.parent) ? p.parent : null) if (isFurniture(p)) return true;
  return false;
}

/** The article's paragraphs by container density, or [] when no container stands out. */
export function densityExtract(doc: Document, options: DensityOptions = DEFAULT_DENSITY_OPTIONS): string[] {
  const scores = new Map<Element, number>();
  for (const el of elements(doc)) {
    if (!PARAGRAPH_TAGS.has(el.name)) continue;
    const text = inlineText(el);
    if (text.length < options.minParagraphChars) continue;
    if (linkChars(el) / text.length > options.maxLinkDensity) continue;
    if (insideFurniture(el)) continue;
    const score = 1 + (text.match(/[,،、，]/g)?.length ?? 0) + Math.min(Math.floor(text.length / 100), 3);
    const parent = el.parent && isElement(el.parent) ? el.parent : null;
    if (!parent) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + score);
    const grand = parent.parent && isElement(parent.parent) ? parent.parent : null;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
  }
  let top: Element | null = null;
  let best = 0;
  for (const [el, s] of scores) {
    if (s > best) {
      best = s;
      top = el;
    }
  }
  if (!top) return [];
  const skip = (el: Element): boolean => isFurniture(el) || (linkChars(el) > 0 && el.name !== 'p' && linkChars(el) / Math.max(1, inlineText(el).length) > options.maxLinkDensity);
  const parent = top.parent && isElement(top.parent) ? top.parent : null;
  const parts: Element[] = [];
  if (parent) {
    for (const sib of parent.children) {
      if (!isElement(sib)) continue;
      if (sib === top || (scores.get(sib) ?? 0) >= best * options.siblingShare) parts.push(sib);
    }
  } else parts.push(top);
  return parts.flatMap((el) => blockTexts(el, skip));
}
