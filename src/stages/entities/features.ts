// Hashed feature templates for the NER tagger: word, shape, affixes, context, clusters, gazetteers, document cues.
import { GAZ_TYPES, matchGazetteer, type Gazetteer, type GazetteerMatch } from './gazetteer.js';
import { PERSON_TITLES } from './person-titles.js';
import { ORG_HEADS, OUTLET_HEADS } from './name-heads.js';

export interface FeatureResources {
  readonly gazetteer: Gazetteer;
  /** hashString(lower-case word) -> fine cluster * 1024 + coarse cluster. */
  readonly clusters: { get(wordHash: number): number | undefined };
}

/** A document as the tagger sees it: sentences of token strings. */
export type TokenDocument = readonly (readonly string[])[];

/** Which neighbour a word's role keys describe it as, relative to the token being tagged. */
export const ROLE_PREV = 0;
export const ROLE_NEXT = 1;
export const ROLE_PREV2 = 2;
export const ROLE_NEXT2 = 3;
export const ROLE_COUNT = 4;

/**
 * Everything about a word that does not depend on its neighbours, computed once per distinct word. A token's
 * static features are its word's `local` keys, the role keys of the words around it, and its own context keys.
 */
export interface WordInfo {
  readonly lower: string;
  readonly lowerHash: number;
  readonly shapeHash: number;
  readonly fine: number;
  readonly upper: boolean;
  /** Contains an ASCII lower-case letter; contains an ASCII capital (for all-caps sentences). */
  readonly hasLower: boolean;
  readonly hasUpper: boolean;
  /** A name may continue over this word: capitalised, a number, or a connector ("of", "de", "&"). */
  readonly continues: boolean;
  /** A capitalised title ("Mayor", "Sen."). */
  readonly title: boolean;
  /** 1 = organisation head ("Ferries"), 2 = outlet head ("Gazette"), 3 = both, 0 = neither. */
  readonly head: number;
  /** Hashed word-local feature keys (bias, word, lower, shapes, affixes, clusters, hyphen part, length). */
  readonly local: Int32Array;
  /** roles[ROLE_PREV] = keys this word gives the token after it ("previous word is ..."), and so on. */
  readonly roles: readonly Int32Array[];
  /** Tagging cache: summed weights of `local`, of each role, then of the dynamic features after no tag and after O, for the weight table in `scoresOf`. */
  scores: Float32Array | null;
  scoresOf: object | null;
  /** Tagging cache for the same table: bit prev + 1 set when the model has a previous-tag-with-this-word weight after tag prev. */
  lowerMask: number;
  /** Tagging cache for the same table: this word's shape's dynamic scores after every previous tag (row prev + 1). */
  shapeRows: Float32Array | null;
}

/** Static features of a document, flat over its tokens (token t of sentence s is sentenceStart[s] + t). */
export interface DocumentFeatures {
  readonly sentenceStart: Int32Array;
  readonly words: readonly WordInfo[];
  /** Context keys of token t (word pairs, sentence position, gazetteer, document cues): keys[keyStart[t] .. keyStart[t+1]). */
  readonly keys: Int32Array;
  readonly keyStart: Int32Array;
  /** Whether each token is a capitalised title right before another capitalised word ("Mayor Dmytro"): never a person. */
  readonly titles: Uint8Array;
}

/** Lower-case words found inside CoNLL names ("Bank of England", "Ruud van Nistelrooy"). */
const CONNECTORS = new Set(['of', 'and', 'de', 'the', 'van', 'for', 'der', 'in', 'on', 'et', 'al', 'da', 'den', 'du', 'la', 'le', 'von', 'y', 'bin', 'ibn', 'di', 'del', 'dos', 'das', 'do', 'e', 'at', '&', '-', "'s", '\u2019s']);

function continuesName(word: string): boolean {
  const c = word.charCodeAt(0);
  if (!(c >= 97 && c <= 122) && word[0] === word[0]?.toUpperCase()) return true;
  return CONNECTORS.has(word) || word.startsWith('al-');
}

// Template ids; keep stable, they are baked into trained models.
const T = {
  bias: 1, word: 2, lower: 3, shape: 4, shortShape: 5, prefix: 6, suffix: 7, prevLower: 8, nextLower: 9,
  prev2Lower: 10, next2Lower: 11, prevShape: 12, nextShape: 13, shapeTri: 14, bigramPrev: 15, bigramNext: 16,
  first: 17, caps: 18, capsShape: 19, fine: 20, coarse: 21, prevFine: 22, nextFine: 23, gaz: 24, docLower: 25,
  docCapMid: 26, hyphenPart: 27, prevLowerShape: 28, length: 29, nextTwo: 30, gazLen: 31, orgHead: 32, outletHead: 33,
  prevTag: 40, prevTags: 41, prevTagLower: 42, hist: 43, histOnly: 44, prevTagShape: 45, docHist: 46, docHistOnly: 47,
} as const;

export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Combines a template id with one or two values into one 32-bit key (murmur3 finaliser). */
export function featureKey(template: number, a: number, b = 0): number {
  let h = Math.imul(template, 0x9e3779b1) ^ a;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h ^= b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

function charClass(c: number): string {
  if (c >= 65 && c <= 90) return 'X';
  if (c >= 97 && c <= 122) return 'x';
  if (c >= 48 && c <= 57) return 'd';
  if (c > 127) {
    const ch = String.fromCharCode(c);
    if (ch !== ch.toLowerCase()) return 'X';
    if (ch !== ch.toUpperCase()) return 'x';
  }
  return String.fromCharCode(c);
}

/** Word shape: "Kyiv" -> long "Xxxx" (runs capped at 4), short "Xx". */
export function wordShapes(word: string): { long: string; short: string } {
  let long = '';
  let short = '';
  let run = 0;
  let last = '';
  for (let i = 0; i < word.length; i++) {
    const c = charClass(word.charCodeAt(i));
    if (c === last) run++;
    else {
      run = 1;
      short += c;
    }
    if (run <= 4) long += c;
    last = c;
  }
  return { long, short };
}

function startsUpper(token: string): boolean {
  const ch = token[0] ?? '';
  return ch !== ch.toLowerCase();
}

/** Per-resources cache of word infos; bounded so long-running services do not grow without limit. */
const WORD_CACHE = new WeakMap<FeatureResources, Map<string, WordInfo>>();
const WORD_CACHE_LIMIT = 100_000;

function clusterOf(res: FeatureResources, lower: string): number {
  return res.clusters.get(hashString(lower)) ?? (/\d/.test(lower) ? res.clusters.get(hashString(lower.replace(/\d/g, '0'))) : undefined) ?? -1;
}

const NO_MATCHES: readonly GazetteerMatch[] = [];
const BOS = hashString('<s>');
const EOS = hashString('</s>');

/** Stands in for the missing neighbours before the first and after the last token of a sentence. */
export const BOUNDARY: WordInfo = {
  lower: '',
  lowerHash: 0,
  shapeHash: 0,
  fine: -1,
  upper: false,
  hasLower: false,
  hasUpper: false,
  continues: false,
  title: false,
  head: 0,
  local: new Int32Array(0),
  roles: [
    Int32Array.of(featureKey(T.prevLower, BOS), featureKey(T.prevShape, BOS)),
    Int32Array.of(featureKey(T.nextLower, EOS), featureKey(T.nextShape, EOS)),
    Int32Array.of(featureKey(T.prev2Lower, BOS)),
    Int32Array.of(featureKey(T.next2Lower, EOS)),
  ],
  scores: null,
  scoresOf: null,
  lowerMask: 0,
  shapeRows: null,
};

function makeWordInfo(res: FeatureResources, w: string): WordInfo {
  const lw = w.toLowerCase();
  const lowerHash = hashString(lw);
  const shapes = wordShapes(w);
  const shapeHash = hashString(shapes.long);
  const c = clusterOf(res, lw);
  const fine = c >= 0 ? c >> 10 : -1;
  const f: number[] = [
    featureKey(T.bias, 0),
    featureKey(T.word, hashString(w)),
    featureKey(T.lower, lowerHash),
    featureKey(T.shape, shapeHash),
    featureKey(T.shortShape, hashString(shapes.short)),
    featureKey(T.length, Math.min(w.length, 12)),
  ];
  for (let k = 1; k <= 4 && k <= lw.length; k++) {
    f.push(featureKey(T.prefix, k, hashString(lw.slice(0, k))), featureKey(T.suffix, k, hashString(lw.slice(-k))));
  }
  if (c >= 0) f.push(featureKey(T.fine, fine), featureKey(T.coarse, c & 1023));
  else f.push(featureKey(T.fine, -1));
  const dash = w.indexOf('-');
  if (dash > 0) f.push(featureKey(T.hyphenPart, hashString(lw.slice(0, dash))));
  const upper = startsUpper(w);
  return {
    lower: lw,
    lowerHash,
    shapeHash,
    fine,
    upper,
    hasLower: /[a-z]/.test(w),
    hasUpper: /[A-Z]/.test(w),
    continues: continuesName(w),
    title: upper && PERSON_TITLES.has(lw.replace(/\.$/, '')),
    head: (ORG_HEADS.has(lw) ? 1 : 0) | (OUTLET_HEADS.includes(lw) ? 2 : 0),
    local: Int32Array.from(f),
    roles: [
      Int32Array.of(featureKey(T.prevLower, lowerHash), featureKey(T.prevShape, shapeHash), featureKey(T.prevFine, fine)),
      Int32Array.of(featureKey(T.nextLower, lowerHash), featureKey(T.nextShape, shapeHash), featureKey(T.nextFine, fine)),
      Int32Array.of(featureKey(T.prev2Lower, lowerHash)),
      Int32Array.of(featureKey(T.next2Lower, lowerHash)),
    ],
    scores: null,
    scoresOf: null,
    lowerMask: 0,
    shapeRows: null,
  };
}

/** The word-info cache of these resources (one lookup per document, not per token). */
function wordCache(res: FeatureResources): Map<string, WordInfo> {
  let cache = WORD_CACHE.get(res);
  if (!cache) WORD_CACHE.set(res, (cache = new Map()));
  return cache;
}

/** The cached word info of `w` under these resources. */
export function wordInfo(res: FeatureResources, w: string, cache = wordCache(res)): WordInfo {
  const hit = cache.get(w);
  if (hit) return hit;
  const info = makeWordInfo(res, w);
  if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
  cache.set(w, info);
  return info;
}

/** A growable key buffer reused across documents (tagging is synchronous), filled up to `scratchLength`. */
let scratch = new Int32Array(1 << 14);
let scratchLength = 0;

function pushKey(key: number): void {
  if (scratchLength === scratch.length) {
    const grown = new Int32Array(scratch.length * 2);
    grown.set(scratch);
    scratch = grown;
  }
  scratch[scratchLength++] = key;
}

function isAllCaps(words: readonly WordInfo[], from: number, to: number): boolean {
  let upper = 0;
  for (let i = from; i < to; i++) {
    const w = words[i]!;
    if (w.hasLower) return false;
    if (w.hasUpper) upper++;
  }
  return upper >= 2;
}

/** Static features of every token in a document. */
export function documentFeatures(doc: TokenDocument, res: FeatureResources): DocumentFeatures {
  const sentenceStart = new Int32Array(doc.length + 1);
  const words: WordInfo[] = [];
  const cache = wordCache(res);
  doc.forEach((sent, s) => {
    for (const w of sent) words.push(wordInfo(res, w, cache));
    sentenceStart[s + 1] = words.length;
  });
  const total = words.length;
  // Document cues: a capitalised word that also appears in lower case is probably a common noun;
  // a sentence-initial word also seen capitalised mid-sentence is probably a name.
  const lowerSeen = new Set<string>();
  const capMidSeen = new Set<string>();
  const capsFlags = new Uint8Array(doc.length);
  for (let s = 0; s < doc.length; s++) {
    const a = sentenceStart[s]!;
    const b = sentenceStart[s + 1]!;
    if (isAllCaps(words, a, b)) {
      capsFlags[s] = 1;
      continue;
    }
    for (let t = a; t < b; t++) {
      const w = words[t]!;
      if (!w.upper) lowerSeen.add(doc[s]![t - a]!);
      else if (t > a) capMidSeen.add(w.lower);
    }
  }
  const keyStart = new Int32Array(total + 1);
  const titles = new Uint8Array(total);
  scratchLength = 0;
  for (let s = 0; s < doc.length; s++) {
    const a = sentenceStart[s]!;
    const n = sentenceStart[s + 1]! - a;
    const caps = capsFlags[s] === 1;
    let matches: readonly GazetteerMatch[] = NO_MATCHES;
    let anyUpper = false;
    for (let i = 0; i < n && !anyUpper; i++) anyUpper = words[a + i]!.upper;
    if (anyUpper) {
      const sent = doc[s]!;
      const lower: string[] = [];
      for (let i = 0; i < n; i++) lower.push(words[a + i]!.lower);
      matches = matchGazetteer(res.gazetteer, sent, lower);
    }
    for (let i = 0; i < n; i++) {
      const t = a + i;
      keyStart[t] = scratchLength;
      const info = words[t]!;
      const lh = info.lowerHash;
      const sh = info.shapeHash;
      const prevL = i > 0 ? words[t - 1]!.lowerHash : BOS;
      const nextL = i + 1 < n ? words[t + 1]!.lowerHash : EOS;
      const prevS = i > 0 ? words[t - 1]!.shapeHash : BOS;
      const nextS = i + 1 < n ? words[t + 1]!.shapeHash : EOS;
      pushKey(featureKey(T.shapeTri, sh, featureKey(0, prevS, nextS)));
      pushKey(featureKey(T.bigramPrev, lh, prevL));
      pushKey(featureKey(T.bigramNext, lh, nextL));
      pushKey(featureKey(T.prevLowerShape, prevL, sh));
      pushKey(featureKey(T.nextTwo, nextL, i + 2 < n ? words[t + 2]!.lowerHash : EOS));
      if (i === 0) pushKey(featureKey(T.first, sh));
      if (caps) {
        pushKey(featureKey(T.caps, 1));
        pushKey(featureKey(T.capsShape, lh));
      }
      if (info.upper && !caps) {
        headFeatures(words, t, a + n);
        if (lowerSeen.has(info.lower)) pushKey(featureKey(T.docLower, 1));
        if (i === 0 && capMidSeen.has(info.lower)) pushKey(featureKey(T.docCapMid, 1));
      }
      // Gazetteer keys in match order, then type order (as the model was trained).
      for (const m of matches) {
        if (i < m.start || i >= m.end) continue;
        const len = m.end - m.start;
        const pos = len === 1 ? 0 : i === m.start ? 1 : i === m.end - 1 ? 3 : 2;
        for (let b = 0; b < GAZ_TYPES.length; b++) {
          if ((m.mask & (1 << b)) === 0) continue;
          pushKey(featureKey(T.gaz, b * 8 + pos));
          pushKey(featureKey(T.gazLen, b, Math.min(len, 4)));
        }
      }
      // "Mayor Dmytro": a capitalised title right before another capitalised word.
      titles[t] = info.title && i + 1 < n && words[t + 1]!.upper ? 1 : 0;
    }
  }
  keyStart[total] = scratchLength;
  return { sentenceStart, words, keys: scratch.slice(0, scratchLength), keyStart, titles };
}

/** The role keys of the neighbours of token t in [from, to): previous, next, two back, two ahead. */
export function neighbour(words: readonly WordInfo[], t: number, from: number, to: number, role: number): WordInfo {
  const at = role === ROLE_PREV ? t - 1 : role === ROLE_NEXT ? t + 1 : role === ROLE_PREV2 ? t - 2 : t + 2;
  return at >= from && at < to ? words[at]! : BOUNDARY;
}

/** Features of the previous tag alone (first order, so Viterbi decoding is exact; the same for every word, so taggers cache their scores). */
export function transitionFeatures(out: number[], prevTag: number): void {
  out.push(featureKey(T.prevTag, prevTag));
}

/** Features of the previous tag with this word and its shape (taggers may cache them per word for common tags). */
export function dynamicFeatures(out: number[], prevTag: number, lowerHash: number, shapeHash: number): void {
  out.push(dynamicLowerKey(prevTag, lowerHash), dynamicShapeKey(prevTag, shapeHash));
}

/** The previous tag with this word (one of the two dynamic features). */
export function dynamicLowerKey(prevTag: number, lowerHash: number): number {
  return featureKey(T.prevTagLower, prevTag, lowerHash);
}

/** The previous tag with this word's shape (the other dynamic feature). */
export function dynamicShapeKey(prevTag: number, shapeHash: number): number {
  return featureKey(T.prevTagShape, prevTag, shapeHash);
}

/** First pass: how earlier sentences of the document labelled the same word. */
export function predictionHistoryFeatures(out: number[], history: Int32Array): void {
  historyFeatures(out, history, T.hist, T.histOnly);
}

/** Second pass: what the first pass said about the same word everywhere else in the document. */
export function documentHistoryFeatures(out: number[], others: Int32Array): void {
  historyFeatures(out, others, T.docHist, T.docHistOnly);
}

function historyFeatures(out: number[], history: Int32Array, some: number, only: number): void {
  let total = 0;
  let best = -1;
  for (let t = 0; t < history.length; t++) {
    const c = history[t]!;
    if (c > 0) out.push(featureKey(some, t));
    total += c;
    if (best < 0 || c > history[best]!) best = t;
  }
  if (total > 0 && history[best] === total) out.push(featureKey(only, best));
}

/** "Arcline Ferries", "Northern Gazette": each word of a capitalised run ending in an organisation or outlet head. */
function headFeatures(words: readonly WordInfo[], t: number, end: number): void {
  for (let j = t, d = 0; j < end && d < 4; j++, d++) {
    if (!words[j]!.upper) return;
    if (j + 1 < end && words[j + 1]!.upper) continue;
    const head = words[j]!.head;
    if (head & 1) pushKey(featureKey(T.orgHead, d));
    if (head & 2) pushKey(featureKey(T.outletHead, d));
    return;
  }
}
