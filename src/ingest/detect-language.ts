// Language of the clean text: franc-min's trigram method and models, scored through an index built once, as an ISO 639-1 code.
import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';
import { isJsWhiteSpace } from './js-white-space.js';

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

const SMALL_UNIT = 1024;
const SMALL_CODES = 2 ** 30;

/**
 * Three UTF-16 code units as one number: below 2^30 when all three units are below 1024 (Latin scripts), else
 * 2^30 + a 48-bit packing (exact in a double). One number per trigram string and back.
 */
function trigramCode(a: number, b: number, c: number): number {
  if (a < SMALL_UNIT && b < SMALL_UNIT && c < SMALL_UNIT) return (a << 20) | (b << 10) | c;
  return SMALL_CODES + (a * 65536 + b) * 65536 + c;
}

const trigramHash = (a: number, b: number, c: number): number => Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d);

/** Open addressing over typed arrays: trigram code -> small integer, no Map and no boxed keys on the hot path. */
class TrigramTable {
  private readonly keys: Float64Array;
  private readonly values: Int32Array;
  private readonly mask: number;

  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.keys = new Float64Array(size).fill(-1);
    this.values = new Int32Array(size);
    this.mask = size - 1;
  }

  get(code: number, hash: number): number {
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const key = this.keys[slot] as number;
      if (key === code) return this.values[slot] as number;
      if (key === -1) return -1;
    }
  }

  set(code: number, hash: number, value: number): void {
    let slot = hash & this.mask;
    while (this.keys[slot] !== -1 && this.keys[slot] !== code) slot = (slot + 1) & this.mask;
    this.keys[slot] = code;
    this.values[slot] = value;
  }
}

/**
 * The trigram models of one script's languages, inverted: each trigram any model has gets an id, and the ids'
 * (language index, rank) pairs sit in flat arrays (pairs of id k at start[k] .. start[k + 1]).
 */
interface ScriptIndex {
  readonly languages: readonly string[];
  readonly ids: TrigramTable;
  readonly start: Int32Array;
  readonly langs: Int32Array;
  readonly ranks: Int32Array;
}

let indexes: Map<string, ScriptIndex> | null = null;

/** Built on first use: each model is franc's '|'-separated trigram list, most frequent first (a repeated trigram keeps its first rank). */
function scriptIndexes(): Map<string, ScriptIndex> {
  if (indexes) return indexes;
  indexes = new Map();
  for (const [script, models] of Object.entries(data)) {
    const languages = Object.keys(models);
    const pairs = new Map<number, { hash: number; pairs: number[] }>();
    languages.forEach((lang, li) => {
      const seen = new Set<number>();
      (models[lang] ?? '').split('|').forEach((trigram, rank) => {
        // every model entry is three code units; anything else could never equal a text trigram
        if (trigram.length !== 3) return;
        const [a, b, c] = [trigram.charCodeAt(0), trigram.charCodeAt(1), trigram.charCodeAt(2)];
        const code = trigramCode(a, b, c);
        if (seen.has(code)) return;
        seen.add(code);
        let entry = pairs.get(code);
        if (!entry) pairs.set(code, (entry = { hash: trigramHash(a, b, c), pairs: [] }));
        entry.pairs.push(li, rank);
      });
    });
    const ids = new TrigramTable(pairs.size);
    const start = new Int32Array(pairs.size + 1);
    const total = [...pairs.values()].reduce((n, e) => n + e.pairs.length / 2, 0);
    const langs = new Int32Array(total);
    const ranks = new Int32Array(total);
    let id = 0;
    let at = 0;
    for (const [code, entry] of pairs) {
      ids.set(code, entry.hash, id);
      start[id] = at;
      for (let k = 0; k < entry.pairs.length; k += 2) {
        langs[at] = entry.pairs[k] as number;
        ranks[at] = entry.pairs[k + 1] as number;
        at++;
      }
      id++;
    }
    start[id] = at;
    indexes.set(script, { languages, ids, start, langs, ranks });
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

/** Characters franc's cleaning turns into a space: ASCII punctuation and digits (U+0021-U+0040) and what /\s/ matches. */
const isFrancSpace = (c: number): boolean => (c >= 0x21 && c <= 0x40) || isJsWhiteSpace(c);

/** Trigrams of one text (at most 2050 characters): occurrences per model trigram id, and the distinct trigrams no model has. */
const MAX_TRIGRAMS = 4096;
let idCounts = new Int32Array(0);
const touched = new Int32Array(MAX_TRIGRAMS);
/** Trigrams outside every model, seen in this call (`unknownStamp` marks a slot used by the current call). */
const UNKNOWN_SLOTS = 2 * MAX_TRIGRAMS;
const unknownKeys = new Float64Array(UNKNOWN_SLOTS);
const unknownStamp = new Int32Array(UNKNOWN_SLOTS);
let call = 0;

/**
 * franc-min 6's answer for `value` (same models, same distance, same tie order), without its per-language scan
 * of every trigram: a language's distance starts at the penalty for all distinct trigrams missing, and each
 * trigram found in its model replaces that penalty by |count - rank - 1| (franc compares a trigram's count with
 * the model's rank). Sums are of integers, so their order does not change the result.
 */
export function francLanguage(value: string): string {
  const sample = value.slice(0, 2048);
  const { script, count } = topScript(sample);
  const index = script ? scriptIndexes().get(script) : undefined;
  if (!script || !index) return script && count > 0 ? script : 'und';
  if (idCounts.length < index.start.length) idCounts = new Int32Array(index.start.length);
  call = call === 0x7fffffff ? 1 : call + 1;
  let distinctKnown = 0;
  let distinctUnknown = 0;
  const ids = index.ids;
  const trigram = (a: number, b: number, c: number): void => {
    const code = trigramCode(a, b, c);
    const hash = trigramHash(a, b, c);
    const id = ids.get(code, hash);
    if (id >= 0) {
      if ((idCounts[id] as number) === 0) touched[distinctKnown++] = id;
      idCounts[id] = (idCounts[id] as number) + 1;
      return;
    }
    for (let slot = hash & (UNKNOWN_SLOTS - 1); ; slot = (slot + 1) & (UNKNOWN_SLOTS - 1)) {
      if (unknownStamp[slot] !== call) {
        unknownStamp[slot] = call;
        unknownKeys[slot] = code;
        distinctUnknown++;
        return;
      }
      if (unknownKeys[slot] === code) return;
    }
  };
  // franc's cleaned text, ` ${value.replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase()} `, streamed
  // through a window of three characters instead of built (lower-casing first is the same: it never makes or unmakes those characters)
  const lower = sample.toLowerCase();
  let p0 = -1;
  let p1 = 32;
  let content = false;
  let space = false;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (isFrancSpace(c)) {
      space = content;
      continue;
    }
    if (space) {
      if (p0 >= 0) trigram(p0, p1, 32);
      p0 = p1;
      p1 = 32;
      space = false;
    }
    if (p0 >= 0) trigram(p0, p1, c);
    p0 = p1;
    p1 = c;
    content = true;
  }
  if (p0 >= 0) trigram(p0, p1, 32);
  const distances = new Float64Array(index.languages.length).fill(MAX_DIFFERENCE * (distinctKnown + distinctUnknown));
  for (let t = 0; t < distinctKnown; t++) {
    const id = touched[t] as number;
    const n = idCounts[id] as number;
    idCounts[id] = 0;
    for (let k = index.start[id] as number, end = index.start[id + 1] as number; k < end; k++) {
      const lang = index.langs[k] as number;
      distances[lang] = (distances[lang] as number) + Math.abs(n - (index.ranks[k] as number) - 1) - MAX_DIFFERENCE;
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
