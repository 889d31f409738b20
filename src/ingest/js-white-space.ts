// One UTF-16 code unit against JavaScript's white space, for scans that stand in for regexes using \s.

/** Whether /\s/ matches this code unit: JavaScript's white space and line terminators (tab, LF, VT, FF, CR, space, NBSP, the Unicode spaces, LS, PS, BOM). */
export function isJsWhiteSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);
}
