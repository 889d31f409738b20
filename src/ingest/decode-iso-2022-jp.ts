// ISO-2022-JP to text (iconv-lite lacks it): each escape-delimited JIS segment becomes the EUC-JP bytes of the same characters, which iconv-lite decodes.
import iconv from 'iconv-lite';

const ESC = 0x1b;
const SO = 0x0e;
const SI = 0x0f;

/** Character sets an escape sequence switches to (RFC 1468, and JIS X 0212 from RFC 2237's ISO-2022-JP-1). */
type Mode = 'ascii' | 'roman' | 'katakana' | 'jis0208' | 'jis0212';

/** Escape sequences after ESC, longest first, and the set each selects; `null` announces without switching. */
const ESCAPES: readonly (readonly [readonly number[], Mode | null])[] = [
  [[0x24, 0x28, 0x44], 'jis0212'], // ESC $ ( D
  [[0x24, 0x28, 0x42], 'jis0208'], // ESC $ ( B
  [[0x24, 0x40], 'jis0208'], // ESC $ @ (JIS C 6226-1978, read as JIS X 0208)
  [[0x24, 0x42], 'jis0208'], // ESC $ B
  [[0x28, 0x42], 'ascii'], // ESC ( B
  [[0x28, 0x4a], 'roman'], // ESC ( J
  [[0x28, 0x49], 'katakana'], // ESC ( I
  [[0x26, 0x40], null], // ESC & @ (announces JIS X 0208-1990 before ESC $ B)
];

/** The sequences that open a Japanese segment: their presence in 7-bit text marks it as ISO-2022-JP. */
const JAPANESE_ESCAPES = ['\x1b$B', '\x1b$@', '\x1b$(B', '\x1b$(D', '\x1b(I'].map((s) => Buffer.from(s, 'latin1'));

/** True for 7-bit bytes holding at least one escape into a JIS character set (ISO-2022-JP is never 8-bit). */
export function looksIso2022Jp(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // native searches: no ESC at all is the common case, and costs one scan
  if (buffer.indexOf(ESC) < 0 || !JAPANESE_ESCAPES.some((e) => buffer.indexOf(e) >= 0)) return false;
  for (const b of buffer) if (b >= 0x80) return false;
  return true;
}

/** Text of one segment's bytes in its character set (two-byte sets as EUC-JP: each byte with its high bit set). */
function decodeSegment(mode: Mode, bytes: readonly number[]): string {
  if (!bytes.length) return '';
  switch (mode) {
    case 'ascii':
      return String.fromCharCode(...bytes);
    case 'roman':
      // JIS X 0201 Roman is ASCII but for the yen sign and the overline.
      return String.fromCharCode(...bytes.map((b) => (b === 0x5c ? 0xa5 : b === 0x7e ? 0x203e : b)));
    case 'katakana':
      return iconv.decode(Buffer.from(bytes.flatMap((b) => (b >= 0x21 && b <= 0x5f ? [0x8e, b | 0x80] : [b]))), 'euc-jp');
    case 'jis0208':
    case 'jis0212': {
      const out: number[] = [];
      let text = '';
      for (let i = 0; i < bytes.length; i++) {
        const b = bytes[i]!;
        const next = bytes[i + 1];
        if (b >= 0x21 && b <= 0x7e && next !== undefined && next >= 0x21 && next <= 0x7e) {
          if (mode === 'jis0212') out.push(0x8f);
          out.push(b | 0x80, next | 0x80);
          i++;
        } else {
          // a line break or a lone byte inside a two-byte segment: kept as it is (a lone graphic byte is damage)
          text += iconv.decode(Buffer.from(out.splice(0)), 'euc-jp') + (b >= 0x21 ? '\uFFFD' : String.fromCharCode(b));
        }
      }
      return text + iconv.decode(Buffer.from(out), 'euc-jp');
    }
  }
}

/**
 * Decodes ISO-2022-JP: the text starts in ASCII; ESC sequences switch the character set until the next one (SO/SI
 * shift to half-width katakana and back). An unknown escape becomes U+FFFD; the decoder goes on after it.
 */
export function decodeIso2022Jp(bytes: Uint8Array): string {
  let mode: Mode = 'ascii';
  let beforeShift: Mode = 'ascii';
  let segment: number[] = [];
  let text = '';
  const flush = (): void => {
    text += decodeSegment(mode, segment);
    segment = [];
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === ESC) {
      const match = ESCAPES.find(([seq]) => seq.every((x, k) => bytes[i + 1 + k] === x));
      flush();
      if (!match) {
        text += '\uFFFD';
        continue;
      }
      if (match[1]) mode = match[1];
      i += match[0].length;
    } else if (b === SO && mode !== 'katakana') {
      flush();
      beforeShift = mode;
      mode = 'katakana';
    } else if (b === SI && mode === 'katakana') {
      flush();
      mode = beforeShift;
    } else segment.push(b);
  }
  flush();
  return text;
}
