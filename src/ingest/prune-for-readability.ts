// Serializes an htmlparser2 tree for Readability without the parts it never keeps, so its linkedom DOM is small.
import { isFurniture } from './density-extract.js';
import { INVISIBLE_TAGS, isElement, type AnyNode, type Document } from './html-dom.js';

/** Attributes Readability reads when scoring (class/id weights, anchors, visibility roles); the rest are dropped. */
const KEPT_ATTRIBUTES = new Set(['class', 'id', 'href', 'role']);
/** Elements without a closing tag. */
const VOID_TAGS = new Set(['br', 'hr', 'wbr', 'col', 'area', 'base', 'source', 'track', 'param', 'keygen']);

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The page's <title> and <body> as markup, minus invisible elements (scripts, media, form controls, <head>),
 * navigation and footers, hidden subtrees, comments and unread attributes. Widget class names are not used
 * to prune here: Readability weighs them itself, and far up the tree they name layout wrappers.
 */
export function pruneForReadability(doc: Document): string {
  const out: string[] = [];
  let title = '';
  const walk = (node: AnyNode): void => {
    if (node.type === 'text') {
      out.push(escapeText(node.data));
      return;
    }
    if (!isElement(node)) {
      if (node.type === 'root') for (const c of node.children) walk(c);
      return;
    }
    const name = node.name;
    if (name === 'head') for (const c of node.children) if (isElement(c) && c.name === 'title' && !title) title = c.children.map((t) => (t.type === 'text' ? t.data : '')).join('');
    if (INVISIBLE_TAGS.has(name) || isFurniture(node, false)) return;
    if (name === 'html' || name === 'body') {
      for (const c of node.children) walk(c);
      return;
    }
    let open = `<${name}`;
    for (const [k, v] of Object.entries(node.attribs)) if (KEPT_ATTRIBUTES.has(k)) open += ` ${k}="${escapeAttribute(v)}"`;
    out.push(`${open}>`);
    if (VOID_TAGS.has(name)) return;
    for (const c of node.children) walk(c);
    out.push(`</${name}>`);
  };
  walk(doc);
  return `<!DOCTYPE html><html><head><title>${escapeText(title)}</title></head><body>${out.join('')}</body></html>`;
}
