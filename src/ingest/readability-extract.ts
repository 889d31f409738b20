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
