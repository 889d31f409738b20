// Readability.js over linkedom, returning paragraphs (the extraction step most pages need).
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { BLOCK_TAGS, INVISIBLE_TAGS, collapseSpace } from './html-dom.js';

/** The slice of the linkedom node API this file reads. */
interface LinkedNode {
  readonly nodeType: number;
  readonly localName?: string;
  readonly childNodes: ArrayLike<LinkedNode>;
  readonly data?: string;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

function paragraphsOf(root: LinkedNode): string[] {
  const out: string[] = [];
  let buf = '';
  const flush = (): void => {
    const t = collapseSpace(buf);
    if (t) out.push(t);
    buf = '';
  };
  const walk = (node: LinkedNode): void => {
    if (node.nodeType === TEXT_NODE) {
      buf += node.data ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = (node.localName ?? '').toLowerCase();
    if (INVISIBLE_TAGS.has(name)) return;
    if (name === 'br') return flush();
    const block = BLOCK_TAGS.has(name);
    if (block) flush();
    for (let i = 0; i < node.childNodes.length; i++) {
      const c = node.childNodes[i];
      if (c) walk(c);
    }
    if (block) flush();
  };
  walk(root);
  flush();
  return out;
}

export interface ReadabilityResult {
  readonly paragraphs: readonly string[];
  readonly title: string | null;
  readonly byline: string | null;
}

/** Runs Readability on a fresh linkedom document; null when Readability finds no article. */
export function readabilityExtract(html: string, charThreshold: number): ReadabilityResult | null {
  const { document } = parseHTML(html);
  const reader = new Readability<LinkedNode>(document, { charThreshold, serializer: (el) => el as unknown as LinkedNode });
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
