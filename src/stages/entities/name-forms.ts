// Spelling-insensitive forms of names, shared by within-article and cross-article alias matching.

// Unicode-class patterns built once (per-call literals are recompiled when the loader lowers them to new RegExp).
const MARKS = /\p{M}/gu;
const POSSESSIVE = /['\u2019]s$/u;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/** Lower-case, no diacritics, no dots ("U.S." -> "us"), punctuation to spaces, no leading "the". */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(POSSESSIVE, '')
    .replace(/\./g, '')
    .replace(NON_WORD, ' ')
    .trim()
    .replace(/^the /, '');
}

/** Transliteration-insensitive spelling of one name word: -skyy/-skiy/-ski -> -sky, -iy/-yy -> -y, Sergei -> Sergey. */
export function translitWord(word: string): string {
  return word
    .replace(/(sk|ck|zk)(?:yy|yi|iy|ii|i|y)$/, '$1y')
    .replace(/(?:iy|yy|yi)$/, 'y')
    .replace(/ei$/, 'ey')
    .replace(/([^aeiouy])i$/, '$1y')
    .replace(/ou/g, 'u');
}

/** One word's matching key: "Zelenskyy" and "Zelenskiy" -> "zelensky". */
export function wordKey(word: string): string {
  return translitWord(normalizeName(word));
}
