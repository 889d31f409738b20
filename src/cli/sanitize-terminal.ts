// Untrusted text (titles, outlets, file names, messages) made safe for one terminal line: no control character reaches it raw.

/** C0 controls, DEL, C1 controls, line and paragraph separators, and the bidirectional overrides and isolates. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

/**
 * Each unsafe character becomes visible and inert: a C0 control or DEL its Unicode control picture (ESC -> ␛,
 * LF -> ␊, CR -> ␍), anything else its code point in brackets ([U+202E]). One input line stays one output line,
 * so a file name can never start a forged "error:" line or move the cursor.
 */
export function forTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return `[U+${code.toString(16).toUpperCase().padStart(4, '0')}]`;
  });
}

/** JSON text with the characters JSON.stringify leaves raw but a terminal may act on (DEL, C1, separators, bidi) escaped as \uXXXX: the same value, inert on a screen. */
export function inertJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
