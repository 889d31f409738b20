// English numerals and number words ("1,200", "80,000", "three dozen", "twenty-five", "2.5 million") to numbers.

const SMALL: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90,
};

const SCALES: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

const SMALL_WORD = `(?:${Object.keys(SMALL).sort((a, b) => b.length - a.length).join('|')})`;
const SCALE_WORD = '(?:hundred|thousand|million|billion|trillion)';
const TENS_WORD = '(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)';
const DIGIT_WORD = '(?:one|two|three|four|five|six|seven|eight|nine)';
// "twenty-four", and in transcripts "twenty four"; only a tens word takes a following digit word.
const WORD_GROUP = `(?:${TENS_WORD}[-\\s]${DIGIT_WORD}\\b|${SMALL_WORD}(?:-${SMALL_WORD})?)`;

/**
 * A written-out number: "twenty-five", "three hundred and twelve", "two million", "three dozen", "a dozen".
 * Word groups follow each other only after a scale word, so "seven and eight" and "a two-day" stay apart.
 */
export const WORD_NUMBER_SOURCE =
  `(?:(?:${WORD_GROUP}|an?\\s+${SCALE_WORD})(?:\\s+${SCALE_WORD}|(?<=${SCALE_WORD})\\s+(?:and\\s+)?${WORD_GROUP})*(?:\\s+dozen)?|an?\\s+dozen|half\\s+an?\\s+dozen|an?)`;

/** A digit numeral with optional thousands separators, decimals and a scale word: "1,200", "3.5", "2.5 million", "$137-million". */
export const DIGIT_NUMBER_SOURCE = `(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(?:(?:\\s+|-)(?:million|billion|trillion))?`;

/** Either form; word numbers need a word boundary before them, callers add it. */
export const NUMBER_SOURCE = `(?:${DIGIT_NUMBER_SOURCE}|${WORD_NUMBER_SOURCE})`;

/** Value of a number phrase matched by NUMBER_SOURCE, or null when it is not one. */
export function parseNumber(phrase: string): number | null {
  const parts = phrase.toLowerCase().replace(/-/g, ' ').split(/\s+/).filter((p) => p && p !== 'and');
  if (parts.length === 0) return null;
  if (parts[0] === 'half' && (parts[1] === 'a' || parts[1] === 'an')) {
    const rest = parseNumber(['one', ...parts.slice(2)].join(' '));
    return rest === null ? null : rest / 2;
  }
  let total = 0;
  let current = 0;
  let seen = false;
  for (const [i, part] of parts.entries()) {
    if (/^\d/.test(part)) {
      const n = Number(part.replace(/,/g, ''));
      if (!Number.isFinite(n)) return null;
      current += n;
      seen = true;
    } else if (part === 'a' || part === 'an') {
      if (i === parts.length - 1) return null;
      current += 1;
    } else if (part === 'half') {
      current += 0.5;
      seen = true;
    } else if (part in SMALL) {
      current += SMALL[part] ?? 0;
      seen = true;
    } else if (part === 'hundred') {
      current = (current || 1) * 100;
      seen = true;
    } else if (part === 'dozen') {
      current = (current || 1) * 12;
      seen = true;
    } else if (part in SCALES) {
      total += (current || 1) * (SCALES[part] ?? 1);
      current = 0;
      seen = true;
    } else return null;
  }
  return seen ? total + current : null;
}

const ORDINALS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30,
};

export const ORDINAL_SOURCE = `(?:${Object.keys(ORDINALS).join('|')}|\\d+(?:st|nd|rd|th))`;

/** "third" -> 3, "21st" -> 21. */
export function parseOrdinal(word: string): number | null {
  const w = word.toLowerCase();
  const digits = /^(\d+)(?:st|nd|rd|th)$/.exec(w);
  if (digits) return Number(digits[1]);
  return ORDINALS[w] ?? null;
}

/** Rounds away float noise (220.00000000000003), for figures computed from a stated number. */
export function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
