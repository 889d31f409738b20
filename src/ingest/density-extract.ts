// Own density-based extractor: scores paragraph containers by text, commas and link density, keeps the best one.
import { BLOCK_TAGS, INVISIBLE_TAGS, blockTexts, isElement, type AnyNode, type Document, type Element } from './html-dom.js';

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
const NEGATIVE = /comment|share|social|related|sidebar|footer|\bnav|menu|advert|\bads?\b|promo|newsletter|subscribe|cookie|breadcrumb|widget|popup|modal|banner|masthead|sponsor|outbrain|taboola|recirc|more-?stories|trending|signup|paywall|skip|(?<!overflow-?)hidden(?![-_]?(?:xs|sm|md|lg|xl|mobile|phone|tablet|print)\b)|caption|credit|\btags?\b|author-?bio|byline|toolbar|pagination|rating/i;
const POSITIVE = /article|body|content|story|entry|post|text|main|prose|paragraph/i;
/** Far ancestors are vetoed only by these (a whole page can sit inside <form> or a "sidebar" layout wrapper). */
const FAR_SKIP_TAGS = new Set(['nav', 'footer']);
const PARAGRAPH_TAGS = new Set(['p', 'pre', 'blockquote', 'td', 'li']);

function classId(el: Element): string {
  return `${el.attribs['class'] ?? ''} ${el.attribs['id'] ?? ''}`;
}

/** Subtrees that are page furniture: structural tags, hidden nodes, and class/id names of widgets. */
export function isFurniture(el: Element, near = true): boolean {
  if ((near ? SKIP_TAGS : FAR_SKIP_TAGS).has(el.name)) return true;
  if ('hidden' in el.attribs || el.attribs['aria-hidden'] === 'true' || /display:\s*none/i.test(el.attribs['style'] ?? '')) return true;
  const role = el.attribs['role'];
  if (role === 'navigation' || role === 'complementary' || role === 'contentinfo' || role === 'banner') return true;
  if (!near) return false;
  return isFurnitureClass(classId(el));
}

/** A class/id string naming a widget (share bar, related box, caption) and not an article part. */
export function isFurnitureClass(classAndId: string): boolean {
  return classAndId.length > 1 && NEGATIVE.test(classAndId) && !POSITIVE.test(classAndId);
}

/** Visible text measures of one element's subtree, computed once per page instead of once per question. */
interface TextStats {
  /** Characters of visible text, each white-space run counted as one. */
  readonly chars: number;
  /** The part of `chars` inside links. */
  readonly linkChars: number;
  readonly commas: number;
}

const EMPTY_STATS: TextStats = { chars: 0, linkChars: 0, commas: 0 };

const INLINE_TEXT_HOSTS = new Set(['div', 'section', 'article', 'td', 'span', 'font', 'main']);

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x200b || c === 0x2028 || c === 0x2029;
}

/** Results of measureInto (module variables: no object per text node). */
let measuredChars = 0;
let measuredCommas = 0;

/** Length of `s` with white-space runs collapsed to one character, and its commas (Latin, Arabic, CJK). */
function measureInto(s: string): void {
  let chars = 0;
  let commas = 0;
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) {
      if (!space) chars++;
      space = true;
      continue;
    }
    space = false;
    chars++;
    if (c === 44 || c === 0x060c || c === 0x3001 || c === 0xff0c) commas++;
  }
  measuredChars = chars;
  measuredCommas = commas;
}

interface PageStats {
  /** Measures of every visible element's subtree. */
  readonly stats: Map<Element, TextStats>;
  /** Text each INLINE_TEXT_HOSTS element holds directly (text nodes and inline children), as in pages that use <br> instead of <p>. */
  readonly own: Map<Element, { chars: number; commas: number }>;
  /** Every element (invisible ones too) in document order. */
  readonly order: Element[];
}

/** One walk: subtree measures bottom-up, inline text of container elements, and the elements in document order. */
function pageStats(root: AnyNode): PageStats {
  const stats = new Map<Element, TextStats>();
  const own = new Map<Element, { chars: number; commas: number }>();
  const order: Element[] = [];
  // `visible` false under an invisible element: no measures, but elements are listed and containers' own text counted
  const walk = (node: AnyNode, inLink: boolean, visible: boolean): TextStats => {
    if (!isElement(node)) {
      if ('children' in node) for (const c of node.children) walk(c, false, visible);
      return EMPTY_STATS;
    }
    order.push(node);
    const seen = visible && !INVISIBLE_TAGS.has(node.name);
    const host = INLINE_TEXT_HOSTS.has(node.name);
    const link = inLink || node.name === 'a';
    let chars = 0;
    let linkChars = 0;
    let commas = 0;
    let ownChars = 0;
    let ownCommas = 0;
    for (const c of node.children) {
      if (c.type === 'text') {
        if (!seen && !host) continue;
        measureInto(c.data);
        if (seen) {
          chars += measuredChars;
          if (link) linkChars += measuredChars;
          commas += measuredCommas;
        }
        ownChars += measuredChars;
        ownCommas += measuredCommas;
        continue;
      }
      const s = walk(c, link, seen);
      chars += s.chars;
      linkChars += s.linkChars;
      commas += s.commas;
      if (host && isElement(c) && !BLOCK_TAGS.has(c.name)) {
        ownChars += s.chars;
        ownCommas += s.commas;
      }
    }
    if (host) own.set(node, { chars: ownChars, commas: ownCommas });
    if (!seen) return EMPTY_STATS;
    const out = { chars, linkChars, commas };
    stats.set(node, out);
    return out;
  };
  walk(root, false, true);
  return { stats, own, order };
}

/** Class names are trusted only near the paragraph: far ancestors are layout wrappers ("has-sidebar", "paywall"). */
const CLASS_DEPTH = 3;

/** Furniture verdicts per element, near (class names trusted) and far, memoized for one page. */
class FurnitureCache {
  private readonly near = new Map<Element, boolean>();
  private readonly far = new Map<Element, boolean>();

  is(el: Element, near: boolean): boolean {
    const memo = near ? this.near : this.far;
    let v = memo.get(el);
    if (v === undefined) {
      v = isFurniture(el, near);
      memo.set(el, v);
    }
    return v;
  }

  /** Whether `el` or an ancestor below <body> is furniture (class names trusted for the nearest CLASS_DEPTH levels). */
  inside(el: Element): boolean {
    let depth = 0;
    for (let p: Element | null = el; p && p.name !== 'body'; p = p.parent && isElement(p.parent) ? p.parent : null) {
      if (this.is(p, depth < CLASS_DEPTH)) return true;
      depth++;
    }
    return false;
  }
}

/** Blocks of the winner's tag and class are gathered with it when they share its ancestor this many levels up. */
const TWIN_LEVELS = 3;

/** Score a paragraph passes to its ancestors: full to the parent, half to the grandparent, then 1/(3 * level). */
const ANCESTOR_LEVELS = 5;

const parentElement = (el: Element): Element | null => (el.parent && isElement(el.parent) && el.parent.name !== 'body' && el.parent.name !== 'html' ? el.parent : null);

/**
 * Readability's climb: an only child hands over to its parent, and a parent scoring more than the current
 * container (paragraphs spread over sibling blocks) replaces it, unless scores on the way fall below a third.
 */
function climb(start: Element, scores: ReadonlyMap<Element, number>): Element {
  let top = start;
  for (let p = parentElement(top); p && p.children.filter(isElement).length === 1; p = parentElement(top)) top = p;
  let last = scores.get(top) ?? 0;
  const floor = last / 3;
  for (let p = parentElement(top); p; p = parentElement(p)) {
    const s = scores.get(p);
    if (s === undefined) continue;
    if (s < floor) break;
    if (s > last) return p;
    last = s;
  }
  return top;
}

export interface DensityResult {
  readonly paragraphs: string[];
  /** Lines right under an image in the chosen containers, short and not sentences: captions, left out of `paragraphs`. */
  readonly captions: string[];
  /** The winning container, null when no container stands out. */
  readonly container: Element | null;
  /**
   * Score of the best container outside the chosen ones (and not their ancestor) over the winner's score:
   * near 1 when the page has a second, equally dense block (a story split in two, or a wrong pick).
   */
  readonly rivalShare: number;
  /**
   * Where the page's own marker of its article body (an element with itemprop="articleBody", schema.org microdata)
   * stands to the chosen containers: 'none' without one, 'agrees' when the two overlap (one inside the other),
   * 'disjoint' when the winner lies outside every marked element (the pick is then doubtful).
   */
  readonly declaredBody: 'none' | 'agrees' | 'disjoint';
}

function isInside(el: Element, parts: ReadonlySet<Element>): boolean {
  for (let p: Element | null = el; p; p = p.parent && isElement(p.parent) ? p.parent : null) if (parts.has(p)) return true;
  return false;
}

function rivalShareOf(scores: ReadonlyMap<Element, number>, parts: ReadonlySet<Element>, top: Element, best: number): number {
  const ancestors = new Set<Element>();
  for (let p = top.parent && isElement(top.parent) ? top.parent : null; p; p = p.parent && isElement(p.parent) ? p.parent : null) ancestors.add(p);
  let rival = 0;
  for (const [el, s] of scores) if (s > rival && !ancestors.has(el) && !isInside(el, parts)) rival = s;
  return best > 0 ? rival / best : 0;
}

/** The article's paragraphs by container density, and the container they came from. */
export function densityExtract(doc: Document, options: DensityOptions = DEFAULT_DENSITY_OPTIONS): DensityResult {
  const scores = new Map<Element, number>();
  const { stats, own, order } = pageStats(doc);
  const furniture = new FurnitureCache();
  const declared: Element[] = [];
  for (const el of order) {
    if (DECLARED_BODY.test(el.attribs['itemprop'] ?? '') && (stats.get(el)?.chars ?? 0) >= options.minParagraphChars) declared.push(el);
    const isParagraph = PARAGRAPH_TAGS.has(el.name);
    if (!isParagraph && !INLINE_TEXT_HOSTS.has(el.name)) continue;
    const all = stats.get(el) ?? EMPTY_STATS;
    const text = isParagraph ? all : (own.get(el) ?? EMPTY_STATS);
    if (text.chars < options.minParagraphChars) continue;
    if (isParagraph && all.linkChars / text.chars > options.maxLinkDensity) continue;
    if (furniture.inside(el)) continue;
    const score = 1 + text.commas + Math.min(Math.floor(text.chars / 100), 3);
    // a <p> scores its container; a container with its own text scores itself
    let node: Element | null = isParagraph ? (el.parent && isElement(el.parent) ? el.parent : null) : el;
    for (let level = 0; node && level < ANCESTOR_LEVELS; level++) {
      const share = level === 0 ? 1 : level === 1 ? 0.5 : 1 / (3 * level);
      scores.set(node, (scores.get(node) ?? 0) + score * share);
      node = node.parent && isElement(node.parent) && node.parent.name !== 'html' ? node.parent : null;
    }
  }
  let top: Element | null = null;
  let best = 0;
  for (const [el, s] of scores) {
    if (s > best) {
      best = s;
      top = el;
    }
  }
  if (!top) return { paragraphs: [], captions: [], container: null, rivalShare: 0, declaredBody: 'none' };
  top = climb(top, scores);
  best = Math.max(best, scores.get(top) ?? 0);
  const skip = (el: Element): boolean => {
    if (furniture.is(el, true)) return true;
    if (!BLOCK_TAGS.has(el.name) || el.name === 'p') return false;
    const s = stats.get(el) ?? EMPTY_STATS;
    return s.linkChars > 0 && s.linkChars / Math.max(1, s.chars) > options.maxLinkDensity;
  };
  const parent = top.parent && isElement(top.parent) ? top.parent : null;
  const signature = top.attribs['class'] ? `${top.name}.${top.attribs['class']}` : null;
  const ancestors: Element[] = [];
  for (let p = parent; p; p = p.parent && isElement(p.parent) ? p.parent : null) ancestors.push(p);
  const twinRoot = new Set(ancestors.slice(TWIN_LEVELS - 1, TWIN_LEVELS));
  const chosen = new Set<Element>([top]);
  // siblings of the winner, and blocks of the same tag and class elsewhere (a story split into chunks between ad rails);
  // scores are keyed in document order, so the parts come out in reading order
  const parts: Element[] = [];
  for (const [el, s] of scores) {
    if (el !== top && s < best * options.siblingShare) continue;
    const sibling = parent !== null && el.parent === parent;
    const twin = signature !== null && el.name === top.name && `${el.name}.${el.attribs['class'] ?? ''}` === signature;
    if (el !== top && !sibling && !(twin && isInside(el, twinRoot) && !furniture.inside(el))) continue;
    if (el !== top && (isInside(el, chosen) || ancestors.includes(el))) continue;
    chosen.add(el);
    parts.push(el);
  }
  // the chosen containers themselves are never vetoed, only what they contain
  const captions: string[] = [];
  let paragraphs = parts.flatMap((el) => blockTexts(el, skip, false, captions));
  if (captions.length && words(captions) > MAX_CAPTION_SHARE * (words(captions) + words(paragraphs))) {
    // lines under images carrying that much of the text are the story (a gallery, a list of items with photos)
    paragraphs = parts.flatMap((el) => blockTexts(el, skip, false));
    captions.length = 0;
  }
  return { paragraphs, captions, container: top, rivalShare: rivalShareOf(scores, chosen, top, best), declaredBody: declaredRelation(declared, parts) };
}

/**
 * Lines under images are captions only while they carry at most this share of the container's words; past it the
 * page is a gallery or a list of pictured items, and the lines are its text.
 */
const MAX_CAPTION_SHARE = 0.2;

function words(paragraphs: readonly string[]): number {
  let n = 0;
  for (const p of paragraphs) for (let i = 0, inWord = false; i < p.length; i++) {
    const space = p.charCodeAt(i) === 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** The schema.org microdata marker of an article's text (an itemprop value may list several properties). */
const DECLARED_BODY = /(?:^|\s)articleBody(?:\s|$)/;

/** How the chosen containers stand to the elements the page marks as its article body (see DensityResult.declaredBody). */
function declaredRelation(declared: readonly Element[], parts: readonly Element[]): DensityResult['declaredBody'] {
  if (!declared.length) return 'none';
  const marked = new Set(declared);
  const chosen = new Set(parts);
  for (const el of parts) if (isInside(el, marked)) return 'agrees';
  for (const el of declared) if (isInside(el, chosen)) return 'agrees';
  return 'disjoint';
}
