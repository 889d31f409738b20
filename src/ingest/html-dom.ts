// A fast HTML tree (htmlparser2) and the walk that turns a subtree into paragraphs of visible text.
import { DomHandler, type AnyNode, type Document, type Element } from 'domhandler';
import { Parser, Tokenizer } from 'htmlparser2';

export type { AnyNode, Document, Element };

/** Elements nested deeper than this are attached at this depth: every walk of the tree recurses, and real pages stay far below it. */
export const MAX_TREE_DEPTH = 256;

type TokenizerCallbacks = ConstructorParameters<typeof Tokenizer>[1];

/** The references most pages use, decoded the same in text and attributes whatever follows them. */
const COMMON_REFERENCE = /&(?:(amp|lt|gt|quot|apos|nbsp);|#(\d{1,6});|#[xX]([\da-fA-F]{1,5});)/g;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** A numeric reference the tokenizer passes through unchanged (it remaps NUL, C1 controls, surrogates and out-of-range values). */
const plainCodePoint = (cp: number): boolean => cp !== 0 && !(cp >= 0x80 && cp <= 0x9f) && !(cp >= 0xd800 && cp <= 0xdfff) && cp <= 0x10ffff;

/**
 * Decodes character references exactly as htmlparser2's tokenizer does while parsing: strings whose every '&'
 * starts a common reference are replaced directly, anything else (legacy names without ';', remapped code points)
 * goes through the tokenizer itself.
 */
class ReferenceDecoder {
  private source = '';
  private out = '';
  private readonly callbacks: TokenizerCallbacks;

  constructor() {
    const ignore = (): void => undefined;
    const slice = (start: number, end: number): void => void (this.out += this.source.slice(start, end));
    const char = (codepoint: number): void => void (this.out += String.fromCodePoint(codepoint));
    this.callbacks = {
      ontext: slice, ontextentity: char, onattribdata: slice, onattribentity: char,
      onattribend: ignore, onattribname: ignore, oncdata: ignore, onclosetag: ignore, oncomment: ignore, ondeclaration: ignore,
      onend: ignore, onopentagend: ignore, onopentagname: ignore, onprocessinginstruction: ignore, onselfclosingtag: ignore,
    };
  }

  private tokenize(source: string): string {
    this.source = source;
    this.out = '';
    const tokenizer = new Tokenizer({ decodeEntities: true }, this.callbacks);
    tokenizer.write(source);
    tokenizer.end();
    return this.out;
  }

  private common(s: string): string | null {
    let amps = 0;
    for (let i = s.indexOf('&'); i >= 0; i = s.indexOf('&', i + 1)) amps++;
    let found = 0;
    let plain = true;
    const out = s.replace(COMMON_REFERENCE, (ref: string, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
      found++;
      if (name) return NAMED[name] ?? ref;
      const cp = dec ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
      if (!plainCodePoint(cp)) plain = false;
      return plain ? String.fromCodePoint(cp) : ref;
    });
    return plain && found === amps ? out : null;
  }

  /** Text content; a '<' in it ("a < b") is kept as is, references cannot span it. */
  text(s: string): string {
    return this.common(s) ?? s.split('<').map((piece) => (piece.includes('&') ? this.tokenize(piece) : piece)).join('<');
  }

  /** <title> content, where the tokenizer has its own rules (an '&' right after a '<' is not a reference). */
  title(s: string): string {
    return this.tokenize(`<title>${s}</title>`);
  }

  /** An attribute value (attribute rules: "&copy=" stays as written); references cannot span a quote. */
  attribute(s: string): string {
    return this.common(s) ?? s.split('"').map((piece) => (piece.includes('&') ? this.tokenize(`<a b="${piece}">`) : piece)).join('"');
  }
}

/** Elements whose text the tokenizer leaves undecoded (raw text); <title> text is decoded. */
const RAW_TEXT_TAGS = new Set(['script', 'style', 'textarea', 'xmp']);

/**
 * A DOM builder that stops nesting at MAX_TREE_DEPTH (a page of 100 000 unclosed <div>s would overflow the stack)
 * and decodes character references itself: the parser runs with decoding off, because the tokenizer then skips
 * through text and attribute values in a tight loop instead of examining every character. Each text run and
 * attribute value is decoded as it arrives, as the tokenizer would have.
 */
class ShallowDomHandler extends DomHandler {
  /** Open elements past the depth cap, closed at once and not on the stack. */
  private flattened = 0;
  private readonly decoder = new ReferenceDecoder();

  override onopentag(name: string, attribs: { [key: string]: string }): void {
    for (const k in attribs) {
      const v = attribs[k];
      if (v !== undefined && v.includes('&')) attribs[k] = this.decoder.attribute(v);
    }
    super.onopentag(name, attribs);
    if (this.tagStack.length > MAX_TREE_DEPTH) {
      super.onclosetag();
      this.flattened++;
    }
  }

  override onclosetag(): void {
    // closes arrive innermost first, so the flattened elements are the first to be closed
    if (this.flattened > 0) this.flattened--;
    else super.onclosetag();
  }

  override ontext(data: string): void {
    if (!data.includes('&')) return super.ontext(data);
    const parent = this.tagStack[this.tagStack.length - 1];
    const name = parent && isElement(parent) ? parent.name : '';
    super.ontext(RAW_TEXT_TAGS.has(name) ? data : name === 'title' ? this.decoder.title(data) : this.decoder.text(data));
  }
}

export function parseHtml(html: string): Document {
  const handler = new ShallowDomHandler();
  new Parser(handler, { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true }).end(html);
  return handler.root;
}

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

const WS = /[\s\u00a0\u200b\u2028\u2029]+/g;

/** Collapses white space the way a browser renders inline text. */
export function collapseSpace(s: string): string {
  return s.replace(WS, ' ').trim();
}

/** Paragraphs of visible text under `root`; `skip` can veto whole subtrees (navigation, hidden nodes). */
export function blockTexts(root: AnyNode, skip?: (el: Element) => boolean, skipRoot = true): string[] {
  const out: string[] = [];
  let buf = '';
  const flush = (): void => {
    const t = collapseSpace(buf);
    if (t) out.push(t);
    buf = '';
  };
  const walk = (node: AnyNode): void => {
    if (node.type === 'text') {
      buf += node.data;
      return;
    }
    if (!isElement(node)) {
      if (node.type === 'root') for (const c of node.children) walk(c);
      return;
    }
    const name = node.name;
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
