// Makes untrusted text safe for one terminal line: no control, escape or bidi characters, no line breaks, bounded length.

/** C0/C1 controls (ESC included) and the bidirectional overrides and isolates that can disguise text. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

export const MAX_LINE_CHARS = 300;

export function terminalLine(text: string, maxChars = MAX_LINE_CHARS): string {
  const flat = text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > maxChars ? `${flat.slice(0, maxChars - 1).trimEnd()}…` : flat;
}
