// FNV-1a: the one stable 32-bit string hash (MinHash shingles, fixture ids).

/** FNV-1a over UTF-16 code units, unsigned. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
