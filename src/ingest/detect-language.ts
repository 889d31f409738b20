// Language of the clean text: franc-min's trigram method and models, scored through an index built once, as an ISO 639-1 code.
import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';

/** ISO 639-3 -> 639-1 for the languages franc-min knows that news commonly uses. */
const ISO1: Readonly<Record<string, string>> = {
  eng: 'en', fra: 'fr', deu: 'de', spa: 'es', por: 'pt', ita: 'it', nld: 'nl', rus: 'ru', ukr: 'uk', pol: 'pl',
  ces: 'cs', slk: 'sk', ron: 'ro', hun: 'hu', swe: 'sv', dan: 'da', nob: 'no', fin: 'fi', tur: 'tr', ell: 'el',
  bul: 'bg', srp: 'sr', hrv: 'hr', bos: 'bs', slv: 'sl', lit: 'lt', lav: 'lv', est: 'et', arb: 'ar', pes: 'fa',
  heb: 'he', hin: 'hi', ben: 'bn', urd: 'ur', ind: 'id', zlm: 'ms', vie: 'vi', tha: 'th', cmn: 'zh', jpn: 'ja',
  kor: 'ko', swh: 'sw', hau: 'ha', yor: 'yo', amh: 'am', tam: 'ta', tel: 'te', mar: 'mr', guj: 'gu', kan: 'kn',
  mal: 'ml', pan: 'pa', tgl: 'tl', azj: 'az', uzn: 'uz', kaz: 'kk', bel: 'be', cat: 'ca', glg: 'gl', som: 'so',
};

/** Texts shorter than this are too short for trigram statistics. */
const MIN_CHARS = 40;
/** Characters of text examined: the start of an article is enough (franc itself reads at most 2048). */
const SAMPLE_CHARS = 2000;
/** franc's penalty for a trigram the language model lacks (and the cap it never exceeds otherwise). */
const MAX_DIFFERENCE = 300;

/** The trigram models of one script's languages, inverted: trigram code -> (language index, rank) pairs. */
interface ScriptIndex {
  readonly languages: readonly string[];
  readonly ranks: ReadonlyMap<number, readonly number[]>;
}

const SMALL_UNIT = 1024;
const SMALL_CODES = 2 ** 30;

/**
 * Three UTF-16 code units as one number, so map keys hash without building strings: below 2^30 (a small integer,
 * the fastest key) when all three units are below 1024 (Latin scripts), else 2^30 + a 48-bit packing (exact in a double).
 */
function trigramCode(s: string, at: number): number {
  const a = s.charCodeAt(at);
  const b = s.charCodeAt(at + 1);
  const c = s.charCodeAt(at + 2);
  if (a < SMALL_UNIT && b < SMALL_UNIT && c < SMALL_UNIT) return (a << 20) | (b << 10) | c;
  return SMALL_CODES + (a * 65536 + b) * 65536 + c;
}

let indexes: Map<string, ScriptIndex> | null = null;

/** Built on first use: each model is franc's '|'-separated trigram list, most frequent first (a repeated trigram keeps its first rank). */
function scriptIndexes(): Map<string, ScriptIndex> {
  if (indexes) return indexes;
  indexes = new Map();
  for (const [script, models] of Object.entries(data)) {
    const languages = Object.keys(models);
    const ranks = new Map<number, number[]>();
    languages.forEach((lang, li) => {
      const seen = new Set<number>();
      (models[lang] ?? '').split('|').forEach((trigram, rank) => {
        // every model entry is three code units; anything else could never equal a text trigram
        if (trigram.length !== 3) return;
        const code = trigramCode(trigram, 0);
        if (seen.has(code)) return;
        seen.add(code);
        let pairs = ranks.get(code);
        if (!pairs) ranks.set(code, (pairs = []));
        pairs.push(li, rank);
      });
    });
    indexes.set(script, { languages, ranks });
  }
  return indexes;
}

const SCRIPTS = Object.entries(expressions);
/** Each script expression anchored to one whole string, to classify single code units. */
const SCRIPT_OF_ONE = SCRIPTS.map(([, re]) => new RegExp(`^(?:${re.source})$`));
/** Per BMP code unit: -1 not looked up yet, -2 no script, -3 several scripts, else the index of its script in SCRIPTS. */
const scriptOfUnit = new Int8Array(65536).fill(-1);
const SURROGATE = /[\uD800-\uDFFF]/;

function classifyUnit(c: number): number {
  const ch = String.fromCharCode(c);
  let k = -2;
  SCRIPT_OF_ONE.forEach((re, i) => {
    if (re.test(ch)) k = k === -2 ? i : -3;
  });
  scriptOfUnit[c] = k;
  return k;
}

/** franc's way: one global match per script expression. */
function topScriptByMatching(value: string): { script: string | null; count: number } {
  let script: string | null = null;
  let count = -1;
  for (const [name, re] of SCRIPTS) {
    const n = value.match(re)?.length ?? 0;
    if (n > count) {
      script = name;
      count = n;
    }
  }
  return { script, count };
}

/**
 * The script with the most characters in `value` (first listed wins a tie), as franc decides it. Without
 * surrogates every match of franc's expressions is one code unit, so one pass over a per-unit table (filled on
 * first sight) gives the same counts as matching each expression; text with surrogates is matched as franc does.
 */
function topScript(value: string): { script: string | null; count: number } {
  if (SURROGATE.test(value)) return topScriptByMatching(value);
  const counts = new Int32Array(SCRIPTS.length);
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    let k = scriptOfUnit[c] ?? -1;
    if (k === -1) k = classifyUnit(c);
    if (k >= 0) counts[k] = (counts[k] ?? 0) + 1;
    else if (k === -3) return topScriptByMatching(value);
  }
  let script: string | null = null;
  let count = -1;
  SCRIPTS.forEach(([name], i) => {
    const n = counts[i] ?? 0;
    if (n > count) {
      script = name;
      count = n;
    }
  });
  return { script, count };
}

/** Occurrences of each trigram of franc's cleaned text: ASCII punctuation and digits to spaces, white space collapsed, lower case, padded. */
function trigramCounts(value: string): Map<number, number> {
  const padded = ` ${value.replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase()} `;
  const counts = new Map<number, number>();
  for (let i = 0; i + 3 <= padded.length; i++) {
    const t = trigramCode(padded, i);
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return counts;
}

/**
 * franc-min 6's answer for `value` (same models, same distance, same tie order), without its per-language scan
 * of every trigram: a language's distance starts at the penalty for all trigrams missing and each trigram found in
 * its model replaces that penalty by |count - rank - 1| (franc compares a trigram's count with the model's rank).
 */
export function francLanguage(value: string): string {
  const sample = value.slice(0, 2048);
  const { script, count } = topScript(sample);
  const index = script ? scriptIndexes().get(script) : undefined;
  if (!script || !index) return script && count > 0 ? script : 'und';
  const counts = trigramCounts(sample);
  const distances = new Float64Array(index.languages.length).fill(MAX_DIFFERENCE * counts.size);
  for (const [trigram, n] of counts) {
    const pairs = index.ranks.get(trigram);
    if (!pairs) continue;
    for (let i = 0; i < pairs.length; i += 2) {
      const lang = pairs[i] ?? 0;
      distances[lang] = (distances[lang] ?? 0) + Math.abs(n - (pairs[i + 1] ?? 0) - 1) - MAX_DIFFERENCE;
    }
  }
  let best = 0;
  for (let i = 1; i < distances.length; i++) if ((distances[i] ?? 0) < (distances[best] ?? 0)) best = i;
  return index.languages[best] ?? 'und';
}

/** ISO 639-1 code (or 639-3 when there is none), or null when the text is too short or undetermined. */
export function detectLanguage(text: string): string | null {
  if (text.length < MIN_CHARS) return null;
  const code = francLanguage(text.slice(0, SAMPLE_CHARS));
  if (code === 'und') return null;
  return ISO1[code] ?? code;
}
