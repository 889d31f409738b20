// Datelines at the start of a story ("BERLIN, May 2 (Reuters) -", "KYIV (AP) —"): place/date and the wire credit.
import { canonicalAgency } from './wire-credits.js';

export interface Dateline {
  /** The dateline as written, without credit and dash: "BERLIN, May 2". */
  readonly text: string;
  /** Credit in parentheses, canonical when it is a known agency ("Reuters"), else as written. */
  readonly credit: string | null;
  /** Length of the prefix to drop from the paragraph (dateline, credit, dash, spaces). */
  readonly length: number;
}

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const UPPER_PLACE = "[\\p{Lu}][\\p{Lu}\\p{M}.'’\\- ]{1,30}[\\p{Lu}.]";
const UPPER_PLACES = `${UPPER_PLACE}(?:\\s*/\\s*${UPPER_PLACE})*`;
const REGION = "(?:,\\s*(?!" + MONTH + "\\s)[\\p{Lu}][\\p{L}.']{1,15}(?:\\s[\\p{Lu}][\\p{L}.']{1,15})?)?";
const DATE = `(?:,?\\s*(${MONTH}\\s+\\d{1,2}(?:,\\s*\\d{4})?|\\d{1,2}\\s+${MONTH}(?:\\s+\\d{4})?))`;
const CREDIT = '(?:\\s*\\(([^()]{2,40})\\))';
const DASH = '\\s*(?:(?:[-–—]{1,2}|:)\\s+|[–—]{1,2}(?=[\\p{Lu}"“]))';
/** A dash ends the dateline; after a credit in parentheses a capital may follow directly ("Lagos, May 2 (AFP) The ..."). */
const END = `(?:${DASH}|(?<=\\))\\s+(?=[\\p{Lu}"“‘]))`;

/** Upper-case place: date and credit optional ("KYIV —", "PARIS/LONDON —"). */
const UPPER_RE = new RegExp(`^(${UPPER_PLACES}${REGION})${DATE}?${CREDIT}?${END}`, 'u');
/** Mixed-case place needs a date or a credit to count ("Berlin, May 2 (Reuters) -"). */
const MIXED_RE = new RegExp(`^((?:[\\p{Lu}][\\p{L}.'’-]+)(?:\\s[\\p{Lu}][\\p{L}.'’-]+){0,2})(?:${DATE}${CREDIT}?|${CREDIT})${END}`, 'u');

/** Words that open an upper-case lead-in but are not places ("UPDATE —", "BREAKING:"). */
const NOT_PLACES = /^(?:UPDATE|UPDATED|BREAKING|EXCLUSIVE|WATCH|LIVE|ANALYSIS|OPINION|EDITOR'?S NOTE|CORRECTION|FILE|PHOTO|VIDEO|NOTE)\b/;

function creditName(raw: string | undefined): string | null {
  if (!raw) return null;
  const t = raw.trim();
  const agency = canonicalAgency(t);
  if (agency) return agency;
  // An unknown credit must look like a name, not a parenthetical remark.
  return /^[\p{Lu}][\p{L}\p{N}&.'’-]*(?:\s[\p{Lu}\p{N}][\p{L}\p{N}&.'’-]*){0,3}$/u.test(t) ? t : null;
}

/** The dateline opening `paragraph`, or null when it does not start with one. */
export function parseDateline(paragraph: string): Dateline | null {
  const upper = UPPER_RE.exec(paragraph);
  if (upper && !NOT_PLACES.test(upper[1] ?? '')) {
    const place = (upper[1] ?? '').trim();
    const date = upper[2];
    const rawCredit = upper[3];
    const credit = creditName(rawCredit);
    if (rawCredit && !credit) return null;
    // A bare upper-case word followed by a colon is a label ("NOTE:"), so a colon needs a date or credit.
    if (/:\s+$/.test(upper[0]) && !date && !credit) return null;
    return { text: date ? `${place}, ${date}` : place, credit, length: upper[0].length };
  }
  const mixed = MIXED_RE.exec(paragraph);
  if (mixed) {
    const place = (mixed[1] ?? '').trim();
    const date = mixed[2];
    const rawCredit = mixed[3] ?? mixed[4];
    const credit = creditName(rawCredit);
    if (rawCredit && !credit) return null;
    if (!date && !credit) return null;
    return { text: date ? `${place}, ${date}` : place, credit, length: mixed[0].length };
  }
  return null;
}
