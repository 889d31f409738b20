// The HTML tree: plain nodes shaped like domhandler's, built in one pass by a port of htmlparser2's tokenizer and parser.
import { ReferenceDecoder } from './html-references.js';

export interface Document {
  readonly type: 'root';
  readonly children: AnyNode[];
  readonly parent: null;
}

export interface Element {
  /** 'script' and 'style' elements have their own type, as in domhandler. */
  readonly type: 'tag' | 'script' | 'style';
  /** Lower case. */
  readonly name: string;
  /** Lower-case names; values decoded; the first of repeated attributes wins. */
  readonly attribs: Record<string, string>;
  readonly children: AnyNode[];
  readonly parent: ParentNode;
}

export interface Text {
  readonly type: 'text';
  /** Decoded, except inside raw-text elements (script, style, textarea, xmp). */
  data: string;
  readonly parent: ParentNode;
}

export interface Comment {
  readonly type: 'comment';
  readonly data: string;
  readonly parent: ParentNode;
}

/** `<!doctype ...>` and `<?...>`: name '!doctype' / '?xml', data the whole instruction with its '!' or '?'. */
export interface Directive {
  readonly type: 'directive';
  readonly name: string;
  readonly data: string;
  readonly parent: ParentNode;
}

export type ParentNode = Document | Element;
export type AnyNode = Document | Element | Text | Comment | Directive;

/** Elements nested deeper than this are attached at this depth: every walk of the tree recurses, and real pages stay far below it. */
export const MAX_TREE_DEPTH = 256;

// Tree construction: htmlparser2's Parser rules (HTML mode), which elements an opening tag closes, void elements, foreign content.
const P_TAG = new Set(['p']);
const FORM_TAGS = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const TABLE_SECTION_TAGS = new Set(['thead', 'tbody']);
const DD_DT_TAGS = new Set(['dd', 'dt']);
const RT_RP_TAGS = new Set(['rt', 'rp']);
const OPEN_IMPLIES_CLOSE = new Map<string, ReadonlySet<string>>([
  ['tr', new Set(['tr', 'th', 'td'])], ['th', new Set(['th'])], ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])], ['li', new Set(['li'])],
  ['p', P_TAG], ['h1', P_TAG], ['h2', P_TAG], ['h3', P_TAG], ['h4', P_TAG], ['h5', P_TAG], ['h6', P_TAG],
  ['select', FORM_TAGS], ['input', FORM_TAGS], ['output', FORM_TAGS], ['button', FORM_TAGS], ['datalist', FORM_TAGS], ['textarea', FORM_TAGS],
  ['option', new Set(['option'])], ['optgroup', new Set(['optgroup', 'option'])], ['dd', DD_DT_TAGS], ['dt', DD_DT_TAGS],
  ...['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
    'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map((t): [string, ReadonlySet<string>] => [t, P_TAG]),
  ['rt', RT_RP_TAGS], ['rp', RT_RP_TAGS], ['tbody', TABLE_SECTION_TAGS], ['tfoot', TABLE_SECTION_TAGS],
]);
const VOID_TAGS = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const FOREIGN_TAGS = new Set(['math', 'svg']);
const INTEGRATION_TAGS = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);
/** Elements whose text is not decoded (raw text); <title> text is decoded with title rules. */
const RAW_TEXT_TAGS = new Set(['script', 'style', 'textarea', 'xmp']);
const INSTRUCTION_NAME_END = /\s|\//;
/** Open elements past which end tags are matched through counts per name instead of a search of the stack. */
const LONG_STACK = 64;

/**
 * Builds the tree from the tokenizer's events as htmlparser2's Parser feeding a DomHandler does (same implied
 * closes, same merging of adjacent text), with two differences of ours: nesting stops at MAX_TREE_DEPTH, and
 * character references are decoded here, per text run and attribute value, as the tokenizer would have.
 */
class TreeBuilder {
  readonly root: Document = { type: 'root', children: [], parent: null };
  /** Open element names, innermost last (the parser's stack). */
  private readonly names: string[] = [];
  /**
   * How many of each name are open, kept once the stack has grown past LONG_STACK: an end tag is then looked up only
   * when its element is open, so the search ends at elements it closes (searching a stack of 100 000 unclosed tags
   * for every stray end tag was quadratic). Shorter stacks are just searched.
   */
  private openNames: Map<string, number> | null = null;
  /** Open nodes, root first (the handler's stack; elements past the depth cap are not on it). */
  private readonly nodes: ParentNode[] = [this.root];
  /** Whether content is foreign (svg, math), innermost last. */
  private readonly foreign: boolean[] = [false];
  /** Elements past the depth cap, closed at once; the next closes are theirs. */
  private flattened = 0;
  private lastText: Text | null = null;
  private tagName = '';
  private attribs: Record<string, string> | null = null;
  private readonly decoder = new ReferenceDecoder();

  get foreignContent(): boolean {
    return this.foreign[this.foreign.length - 1] === true;
  }

  private add(node: Element | Text | Comment | Directive): void {
    (node.parent.children as AnyNode[]).push(node);
    this.lastText = null;
  }

  private top(): ParentNode {
    return this.nodes[this.nodes.length - 1] as ParentNode;
  }

  private openElement(name: string, attribs: Record<string, string>): void {
    const element: Element = { type: name === 'script' ? 'script' : name === 'style' ? 'style' : 'tag', name, attribs, children: [], parent: this.top() };
    this.add(element);
    if (this.nodes.length >= MAX_TREE_DEPTH) this.flattened++;
    else this.nodes.push(element);
  }

  private closeElement(): void {
    if (this.flattened > 0) {
      this.flattened--;
      return;
    }
    this.lastText = null;
    this.nodes.pop();
  }

  text(data: string): void {
    if (data.includes('&')) {
      const parent = this.top();
      const name = parent.type === 'root' ? '' : parent.name;
      if (!RAW_TEXT_TAGS.has(name)) data = name === 'title' ? this.decoder.title(data) : this.decoder.text(data);
    }
    if (this.lastText) this.lastText.data += data;
    else {
      const node: Text = { type: 'text', data, parent: this.top() };
      this.add(node);
      this.lastText = node;
    }
  }

  comment(data: string): void {
    this.add({ type: 'comment', data, parent: this.top() });
  }

  instruction(prefix: '!' | '?', value: string): void {
    const end = value.search(INSTRUCTION_NAME_END);
    const name = (end < 0 ? value : value.slice(0, end)).toLowerCase();
    this.add({ type: 'directive', name: `${prefix}${name}`, data: `${prefix}${value}`, parent: this.top() });
  }

  private pushName(name: string): void {
    this.names.push(name);
    if (this.openNames) this.openNames.set(name, (this.openNames.get(name) ?? 0) + 1);
  }

  private popName(): void {
    const name = this.names.pop();
    if (name !== undefined && this.openNames) this.openNames.set(name, (this.openNames.get(name) ?? 1) - 1);
  }

  /** Whether an element of this name is open. */
  private isOpen(name: string): boolean {
    if (this.names.length <= LONG_STACK) return this.names.lastIndexOf(name) !== -1;
    if (!this.openNames) {
      this.openNames = new Map();
      for (const open of this.names) this.openNames.set(open, (this.openNames.get(open) ?? 0) + 1);
    }
    return (this.openNames.get(name) ?? 0) > 0;
  }

  /** A start tag's name: closes what it implies, opens it on the parser's stack; attributes follow. */
  openTagName(name: string): void {
    this.tagName = name;
    const implied = OPEN_IMPLIES_CLOSE.get(name);
    if (implied) {
      const names = this.names;
      while (names.length > 0 && implied.has(names[names.length - 1] as string)) {
        this.popName();
        this.closeElement();
      }
    }
    if (!VOID_TAGS.has(name)) {
      this.pushName(name);
      if (FOREIGN_TAGS.has(name)) this.foreign.push(true);
      else if (INTEGRATION_TAGS.has(name)) this.foreign.push(false);
    }
    this.attribs = {};
  }

  /** An attribute of the open tag, decoded; the first of a repeated name wins. */
  attribute(name: string, value: string): void {
    if (this.attribs && !Object.prototype.hasOwnProperty.call(this.attribs, name)) this.attribs[name] = value.includes('&') ? this.decoder.attribute(value) : value;
  }

  /** The start tag's '>': the element enters the tree (and leaves the stack at once when void). */
  endOpenTag(): void {
    if (this.attribs) {
      this.openElement(this.tagName, this.attribs);
      this.attribs = null;
    }
    if (VOID_TAGS.has(this.tagName)) this.closeElement();
    this.tagName = '';
  }

  /** '/>': only foreign content (svg, math) has self-closing elements in HTML. */
  selfClosingTag(): void {
    if (this.foreignContent) this.closeCurrentTag();
    else this.endOpenTag();
  }

  private closeCurrentTag(): void {
    const name = this.tagName;
    this.endOpenTag();
    if (this.names[this.names.length - 1] === name) {
      this.closeElement();
      this.popName();
    }
  }

  /** An end tag: closes up to the innermost open element of that name; a stray </p> is an empty <p>, a stray </br> a <br>. */
  closeTag(name: string): void {
    if (FOREIGN_TAGS.has(name) || INTEGRATION_TAGS.has(name)) this.foreign.pop();
    if (!VOID_TAGS.has(name)) {
      const names = this.names;
      if (this.isOpen(name)) {
        const pos = names.lastIndexOf(name);
        while (pos >= 0 && names.length > pos) {
          this.popName();
          this.closeElement();
        }
      } else if (name === 'p') {
        this.openTagName('p');
        this.closeCurrentTag();
      }
    } else if (name === 'br') {
      this.openElement('br', {});
      this.closeElement();
    }
  }
}

/** Names longer than this are not interned (real tag and attribute names are far shorter). */
const MAX_INTERNED_NAME = 40;
/** Slots of the name table; it stops taking names when half full. */
const NAME_SLOTS = 4096;
const nameSlots: (string | undefined)[] = new Array<string | undefined>(NAME_SLOTS);
let namesInterned = 0;

/**
 * `html.slice(start, end).toLowerCase()` for tag and attribute names, the same string object for the same name on
 * every page: no slice or lower-casing per tag, and property keys V8 has already internalized (a fresh key string
 * is looked up in its string table on every attribute store). Names with non-ASCII characters take the slow path.
 */
function lowerName(html: string, start: number, end: number): string {
  const length = end - start;
  if (length > MAX_INTERNED_NAME) return html.slice(start, end).toLowerCase();
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    let c = html.charCodeAt(i);
    if (c > 127) return html.slice(start, end).toLowerCase();
    if (c >= 65 && c <= 90) c |= 0x20;
    hash = Math.imul(hash ^ c, 0x01000193);
  }
  let slot = hash & (NAME_SLOTS - 1);
  for (let name = nameSlots[slot]; name !== undefined; name = nameSlots[slot]) {
    if (name.length === length) {
      let k = 0;
      for (; k < length; k++) {
        let c = html.charCodeAt(start + k);
        if (c >= 65 && c <= 90) c |= 0x20;
        if (c !== name.charCodeAt(k)) break;
      }
      if (k === length) return name;
    }
    slot = (slot + 1) & (NAME_SLOTS - 1);
  }
  const name = html.slice(start, end).toLowerCase();
  if (namesInterned < NAME_SLOTS / 2) {
    nameSlots[slot] = name;
    namesInterned++;
  }
  return name;
}

// Tokenizer states (htmlparser2's, in HTML mode without entity decoding; the BeforeSpecial states are folded into tag names).
const TEXT = 1;
const BEFORE_TAG_NAME = 2;
const IN_TAG_NAME = 3;
const IN_SELF_CLOSING_TAG = 4;
const BEFORE_CLOSING_TAG_NAME = 5;
const IN_CLOSING_TAG_NAME = 6;
const AFTER_CLOSING_TAG_NAME = 7;
const BEFORE_ATTRIBUTE_NAME = 8;
const IN_ATTRIBUTE_NAME = 9;
const AFTER_ATTRIBUTE_NAME = 10;
const BEFORE_ATTRIBUTE_VALUE = 11;
const IN_ATTRIBUTE_VALUE_DQ = 12;
const IN_ATTRIBUTE_VALUE_SQ = 13;
const IN_ATTRIBUTE_VALUE_NQ = 14;
const BEFORE_DECLARATION = 15;
const IN_DECLARATION = 16;
const IN_PROCESSING_INSTRUCTION = 17;
const BEFORE_COMMENT = 18;
const CDATA_SEQUENCE = 19;
const IN_SPECIAL_COMMENT = 20;
const IN_COMMENT_LIKE = 21;
/** End of input inside a tag name that is still on its way to a raw-text name ("<scr"): the tokenizer emits it as text. */
const SPECIAL_NAME_PENDING = 22;
const IN_SPECIAL_TAG = 23;

const codes = (s: string): readonly number[] => [...s].map((c) => c.charCodeAt(0));
const CDATA_START = codes('CDATA[');
const CDATA_END = codes(']]>');
const COMMENT_END = codes('-->');
const SCRIPT_END = codes('</script');
const STYLE_END = codes('</style');
const TITLE_END = codes('</title');
const TEXTAREA_END = codes('</textarea');
const XMP_END = codes('</xmp');

const LT = 60;
const GT = 62;
const SLASH = 47;
const EQ = 61;

const isWhitespace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 12 || c === 13;
const isEndOfTagSection = (c: number): boolean => c === SLASH || c === GT || isWhitespace(c);
const isAsciiAlpha = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/** States in which the tokenizer drops an unfinished tag at the end of input (everything else left over is text). */
const DROPPED_AT_END = new Set([IN_TAG_NAME, BEFORE_ATTRIBUTE_NAME, BEFORE_ATTRIBUTE_VALUE, AFTER_ATTRIBUTE_NAME, IN_ATTRIBUTE_NAME,
  IN_ATTRIBUTE_VALUE_SQ, IN_ATTRIBUTE_VALUE_DQ, IN_ATTRIBUTE_VALUE_NQ, IN_CLOSING_TAG_NAME]);

/**
 * The raw-text end sequence a start tag's name (html[start, end), end exclusive) selects, matched letter by letter
 * as the tokenizer does: first letter s, t or x, second picks the sequence, the rest must follow it. `pending`: the
 * name so far is still a prefix of such a match (what matters when the input ends inside the name).
 */
function specialSequence(html: string, start: number, end: number): { readonly sequence: readonly number[] | null; readonly pending: boolean } {
  const first = html.charCodeAt(start) | 0x20;
  const candidate = first === 115 || first === 116 || first === 120;
  if (end - start === 1) return { sequence: null, pending: candidate };
  if (!candidate) return { sequence: null, pending: false };
  const second = html.charCodeAt(start + 1) | 0x20;
  const sequence = first === 115
    ? (second === 99 ? SCRIPT_END : second === 116 ? STYLE_END : null)
    : (second === 105 ? TITLE_END : second === 101 ? TEXTAREA_END : second === 109 ? XMP_END : null);
  if (!sequence) return { sequence: null, pending: false };
  let k = 4;
  for (let p = start + 2; p < end; p++, k++) {
    if (k === sequence.length || (html.charCodeAt(p) | 0x20) !== sequence[k]) return { sequence: null, pending: false };
  }
  return k === sequence.length ? { sequence, pending: true } : { sequence: null, pending: true };
}

/**
 * Parses a whole page. A port of htmlparser2 10's Tokenizer (HTML mode, decodeEntities off) and Parser with a
 * DomHandler, giving the same tree, quirks included (checked against it by property tests), in about 0.6 of the
 * time on the benchmark's pages: one loop over local state, with indexOf and tight scans where the original steps
 * a state machine per character, interned names, and no event layers between tokenizer, parser and tree.
 */
export function parseHtml(html: string): Document {
  const tree = new TreeBuilder();
  const n = html.length;
  let state = TEXT;
  let sectionStart = 0;
  let i = 0;
  /** Raw-text end sequence while inside script/style/title/textarea/xmp, or comment/CDATA end while in one. */
  let sequence: readonly number[] = COMMENT_END;
  let sequenceIndex = 0;
  /** The start tag being read names a raw-text element. */
  let special: readonly number[] | null = null;
  let attributeName = '';

  const text = (start: number, end: number): void => tree.text(html.slice(start, end));

  while (i < n) {
    const c = html.charCodeAt(i);
    switch (state) {
      case TEXT: {
        const lt = html.indexOf('<', i);
        if (lt < 0) {
          i = n;
          break;
        }
        if (lt > sectionStart) text(sectionStart, lt);
        state = BEFORE_TAG_NAME;
        sectionStart = lt;
        i = lt + 1;
        break;
      }
      case BEFORE_TAG_NAME: {
        if (c === 33) {
          state = BEFORE_DECLARATION;
          sectionStart = i + 1;
          i++;
        } else if (c === 63) {
          state = IN_PROCESSING_INSTRUCTION;
          sectionStart = i + 1;
          i++;
        } else if (isAsciiAlpha(c)) {
          sectionStart = i;
          let end = i + 1;
          while (end < n && !isEndOfTagSection(html.charCodeAt(end))) end++;
          const match = specialSequence(html, i, end);
          if (end === n) {
            state = match.pending ? SPECIAL_NAME_PENDING : IN_TAG_NAME;
            i = n;
            break;
          }
          special = match.sequence;
          tree.openTagName(lowerName(html, i, end));
          sectionStart = -1;
          state = BEFORE_ATTRIBUTE_NAME;
          i = end;
        } else if (c === SLASH) {
          state = BEFORE_CLOSING_TAG_NAME;
          i++;
        } else {
          // not a tag: text again, this character included
          state = TEXT;
        }
        break;
      }
      case BEFORE_ATTRIBUTE_NAME: {
        if (c === GT) {
          tree.endOpenTag();
          if (special) {
            state = IN_SPECIAL_TAG;
            sequence = special;
            sequenceIndex = 0;
          } else state = TEXT;
          sectionStart = i + 1;
        } else if (c === SLASH) state = IN_SELF_CLOSING_TAG;
        else if (!isWhitespace(c)) {
          state = IN_ATTRIBUTE_NAME;
          sectionStart = i;
        }
        i++;
        break;
      }
      case IN_ATTRIBUTE_NAME: {
        let end = i;
        for (let d = html.charCodeAt(end); end < n && d !== EQ && !isEndOfTagSection(d); d = html.charCodeAt(++end));
        if (end === n) {
          i = n;
          break;
        }
        attributeName = lowerName(html, sectionStart, end);
        sectionStart = end;
        state = AFTER_ATTRIBUTE_NAME;
        i = end;
        break;
      }
      case AFTER_ATTRIBUTE_NAME: {
        if (c === EQ) {
          state = BEFORE_ATTRIBUTE_VALUE;
          i++;
        } else if (c === SLASH || c === GT) {
          tree.attribute(attributeName, '');
          sectionStart = -1;
          state = BEFORE_ATTRIBUTE_NAME;
        } else if (!isWhitespace(c)) {
          tree.attribute(attributeName, '');
          state = IN_ATTRIBUTE_NAME;
          sectionStart = i;
          i++;
        } else i++;
        break;
      }
      case BEFORE_ATTRIBUTE_VALUE: {
        if (c === 34) {
          state = IN_ATTRIBUTE_VALUE_DQ;
          sectionStart = i + 1;
          i++;
        } else if (c === 39) {
          state = IN_ATTRIBUTE_VALUE_SQ;
          sectionStart = i + 1;
          i++;
        } else if (!isWhitespace(c)) {
          sectionStart = i;
          state = IN_ATTRIBUTE_VALUE_NQ;
        } else i++;
        break;
      }
      case IN_ATTRIBUTE_VALUE_DQ:
      case IN_ATTRIBUTE_VALUE_SQ: {
        const quote = html.indexOf(state === IN_ATTRIBUTE_VALUE_DQ ? '"' : "'", i);
        if (quote < 0) {
          i = n;
          break;
        }
        tree.attribute(attributeName, html.slice(sectionStart, quote));
        sectionStart = -1;
        state = BEFORE_ATTRIBUTE_NAME;
        i = quote + 1;
        break;
      }
      case IN_ATTRIBUTE_VALUE_NQ: {
        let end = i;
        for (let d = html.charCodeAt(end); end < n && d !== GT && !isWhitespace(d); d = html.charCodeAt(++end));
        if (end === n) {
          i = n;
          break;
        }
        tree.attribute(attributeName, html.slice(sectionStart, end));
        sectionStart = -1;
        state = BEFORE_ATTRIBUTE_NAME;
        i = end;
        break;
      }
      case IN_SELF_CLOSING_TAG: {
        if (c === GT) {
          tree.selfClosingTag();
          state = TEXT;
          sectionStart = i + 1;
          special = null;
          i++;
        } else if (!isWhitespace(c)) state = BEFORE_ATTRIBUTE_NAME;
        else i++;
        break;
      }
      case BEFORE_CLOSING_TAG_NAME: {
        if (c === GT) state = TEXT;
        else if (!isWhitespace(c)) {
          state = isAsciiAlpha(c) ? IN_CLOSING_TAG_NAME : IN_SPECIAL_COMMENT;
          sectionStart = i;
        }
        i++;
        break;
      }
      case IN_CLOSING_TAG_NAME: {
        let end = i;
        for (let d = html.charCodeAt(end); end < n && d !== GT && !isWhitespace(d); d = html.charCodeAt(++end));
        if (end === n) {
          i = n;
          break;
        }
        tree.closeTag(lowerName(html, sectionStart, end));
        sectionStart = -1;
        state = AFTER_CLOSING_TAG_NAME;
        i = end;
        break;
      }
      case AFTER_CLOSING_TAG_NAME: {
        const gt = html.indexOf('>', i);
        if (gt < 0) {
          i = n;
          break;
        }
        state = TEXT;
        sectionStart = gt + 1;
        i = gt + 1;
        break;
      }
      case BEFORE_DECLARATION: {
        if (c === 91) {
          state = CDATA_SEQUENCE;
          sequenceIndex = 0;
        } else state = c === 45 ? BEFORE_COMMENT : IN_DECLARATION;
        i++;
        break;
      }
      case CDATA_SEQUENCE: {
        if (c === CDATA_START[sequenceIndex]) {
          if (++sequenceIndex === CDATA_START.length) {
            state = IN_COMMENT_LIKE;
            sequence = CDATA_END;
            sequenceIndex = 0;
            sectionStart = i + 1;
          }
          i++;
        } else {
          sequenceIndex = 0;
          state = IN_DECLARATION;
        }
        break;
      }
      case IN_DECLARATION:
      case IN_PROCESSING_INSTRUCTION:
      case IN_SPECIAL_COMMENT: {
        const gt = html.indexOf('>', i);
        if (gt < 0) {
          i = n;
          break;
        }
        const value = html.slice(sectionStart, gt);
        if (state === IN_SPECIAL_COMMENT) tree.comment(value);
        else tree.instruction(state === IN_DECLARATION ? '!' : '?', value);
        state = TEXT;
        sectionStart = gt + 1;
        i = gt + 1;
        break;
      }
      case BEFORE_COMMENT: {
        if (c === 45) {
          state = IN_COMMENT_LIKE;
          sequence = COMMENT_END;
          // "<!-->" is a whole (empty) comment
          sequenceIndex = 2;
          sectionStart = i + 1;
        } else state = IN_DECLARATION;
        i++;
        break;
      }
      case IN_COMMENT_LIKE: {
        if (c === sequence[sequenceIndex]) {
          if (++sequenceIndex === sequence.length) {
            const value = html.slice(sectionStart, i - 2);
            tree.comment(sequence === CDATA_END ? `[CDATA[${value}]]` : value);
            sequenceIndex = 0;
            sectionStart = i + 1;
            state = TEXT;
          }
          i++;
        } else if (sequenceIndex === 0) {
          const at = html.indexOf(String.fromCharCode(sequence[0] as number), i + 1);
          if (at < 0) i = n;
          else {
            sequenceIndex = 1;
            i = at + 1;
          }
        } else {
          // longer runs ("--->", "]]]>") still end it
          if (c !== sequence[sequenceIndex - 1]) sequenceIndex = 0;
          i++;
        }
        break;
      }
      case IN_SPECIAL_TAG: {
        if (sequenceIndex === sequence.length) {
          if (c === GT || isWhitespace(c)) {
            const endOfText = i - sequence.length;
            if (sectionStart < endOfText) text(sectionStart, endOfText);
            special = null;
            sectionStart = endOfText + 2;
            state = IN_CLOSING_TAG_NAME;
            break;
          }
          sequenceIndex = 0;
        }
        if ((c | 0x20) === sequence[sequenceIndex]) sequenceIndex++;
        else if (sequenceIndex === 0) {
          // <title> text is stepped through (the tokenizer decodes it there); elsewhere it skips to the next '<'
          if (sequence !== TITLE_END) {
            const lt = html.indexOf('<', i + 1);
            if (lt < 0) {
              i = n;
              break;
            }
            sequenceIndex = 1;
            i = lt;
          }
        } else sequenceIndex = c === LT ? 1 : 0;
        i++;
        break;
      }
      default:
        throw new Error(`html tokenizer: unexpected state ${state}`);
    }
  }

  // the end of input: text left over is emitted, an unfinished tag is dropped, an unfinished comment kept
  if (sectionStart !== n && (state === TEXT || (state === IN_SPECIAL_TAG && sequenceIndex === 0))) {
    text(sectionStart, n);
    sectionStart = n;
  }
  if (sectionStart < n) {
    if (state === IN_COMMENT_LIKE) {
      const value = html.slice(sectionStart, n);
      tree.comment(sequence === CDATA_END ? `[CDATA[${value}]]` : value);
    } else if (!DROPPED_AT_END.has(state)) text(sectionStart, n);
  }
  return tree.root;
}
