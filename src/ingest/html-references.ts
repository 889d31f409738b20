// Character references decoded exactly as htmlparser2's tokenizer decodes them while parsing.
import { Tokenizer } from 'htmlparser2';

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
export class ReferenceDecoder {
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
