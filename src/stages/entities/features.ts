// Hashed feature templates for the NER tagger: word, shape, affixes, context, clusters, gazetteers, document cues.
import { GAZ_TYPES, matchGazetteer, type Gazetteer } from './gazetteer.js';
import { PERSON_TITLES } from './person-titles.js';
import { ORG_HEADS, OUTLET_HEADS } from './name-heads.js';

export interface FeatureResources {
  readonly gazetteer: Gazetteer;
  /** hashString(lower-case word) -> fine cluster * 1024 + coarse cluster. */
  readonly clusters: { get(wordHash: number): number | undefined };
}

/** A document as the tagger sees it: sentences of token strings. */
export type TokenDocument = readonly (readonly string[])[];

/** Per-token static features, computed once per document before decoding. */
export interface DocumentFeatures {
  /** sentences[s][i] = hashed context feature keys of token i (neighbours, gazetteer, document cues). */
  readonly sentences: readonly (readonly Int32Array[])[];
  /** locals[s][i] = the word's own feature keys; one shared array per distinct word, so scores can be cached. */
  readonly locals: readonly (readonly Int32Array[])[];
  /** Hash of each token's lower-case form, for the prediction-history features. */
  readonly lowerHashes: readonly Int32Array[];
  /** Hash of each token's long shape, for the tag-by-shape features. */
  readonly shapeHashes: readonly Int32Array[];
  /** Whether each token starts with a capital letter. */
  readonly capitalised: readonly Uint8Array[];
  /** Whether a name may continue over each token: capitalised, a number, or a connector ("of", "de", "&"). */
  readonly continues: readonly Uint8Array[];
  /** Whether each token is a capitalised title right before another capitalised word ("Mayor Dmytro"): never a person. */
  readonly titles: readonly Uint8Array[];
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

function isAllCapsSentence(tokens: readonly string[]): boolean {
  let upper = 0;
  let lower = 0;
  for (const t of tokens) {
    if (/[a-z]/.test(t)) lower++;
    else if (/[A-Z]/.test(t)) upper++;
  }
  return upper >= 2 && lower === 0;
}

/** Everything about a word that does not depend on its neighbours, computed once per distinct word. */
interface WordInfo {
  readonly lowerHash: number;
  readonly shapeHash: number;
  readonly fine: number;
  readonly upper: boolean;
  /** A capitalised title ("Mayor", "Sen."). */
  readonly title: boolean;
  /** 1 = organisation head ("Ferries"), 2 = outlet head ("Gazette"), 3 = both, 0 = neither. */
  readonly head: number;
  /** Hashed word-local feature keys (word, lower, shapes, affixes, clusters, hyphen part, length). */
  readonly local: Int32Array;
}

/** Per-resources cache of word infos; bounded so long-running services do not grow without limit. */
const WORD_CACHE = new WeakMap<FeatureResources, Map<string, WordInfo>>();
const WORD_CACHE_LIMIT = 200_000;

function clusterOf(res: FeatureResources, lower: string): number {
  return res.clusters.get(hashString(lower)) ?? (/\d/.test(lower) ? res.clusters.get(hashString(lower.replace(/\d/g, '0'))) : undefined) ?? -1;
}

function wordInfo(res: FeatureResources, w: string): WordInfo {
  let cache = WORD_CACHE.get(res);
  if (!cache) WORD_CACHE.set(res, (cache = new Map()));
  const hit = cache.get(w);
  if (hit) return hit;
  const lw = w.toLowerCase();
  const lowerHash = hashString(lw);
  const shapes = wordShapes(w);
  const shapeHash = hashString(shapes.long);
  const c = clusterOf(res, lw);
  const f: number[] = [
    featureKey(T.word, hashString(w)),
    featureKey(T.lower, lowerHash),
    featureKey(T.shape, shapeHash),
    featureKey(T.shortShape, hashString(shapes.short)),
    featureKey(T.length, Math.min(w.length, 12)),
  ];
  for (let k = 1; k <= 4 && k <= lw.length; k++) {
    f.push(featureKey(T.prefix, k, hashString(lw.slice(0, k))), featureKey(T.suffix, k, hashString(lw.slice(-k))));
  }
  if (c >= 0) f.push(featureKey(T.fine, c >> 10), featureKey(T.coarse, c & 1023));
  else f.push(featureKey(T.fine, -1));
  const dash = w.indexOf('-');
  if (dash > 0) f.push(featureKey(T.hyphenPart, hashString(lw.slice(0, dash))));
  const info: WordInfo = {
    lowerHash,
    shapeHash,
    fine: c >= 0 ? c >> 10 : -1,
    upper: startsUpper(w),
    title: startsUpper(w) && PERSON_TITLES.has(lw.replace(/\.$/, '')),
    head: (ORG_HEADS.has(lw) ? 1 : 0) | (OUTLET_HEADS.includes(lw) ? 2 : 0),
    local: Int32Array.from(f),
  };
  if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
  cache.set(w, info);
  return info;
}

const BOS = hashString('<s>');
const EOS = hashString('</s>');

/** Static features of every token in a document. */
export function documentFeatures(doc: TokenDocument, res: FeatureResources): DocumentFeatures {
  // Document cues: a capitalised word that also appears in lower case is probably a common noun;
  // a sentence-initial word also seen capitalised mid-sentence is probably a name.
  const lowerSeen = new Set<string>();
  const capMidSeen = new Set<string>();
  const capsFlags = doc.map(isAllCapsSentence);
  doc.forEach((sent, s) => {
    if (capsFlags[s]) return;
    sent.forEach((t, i) => {
      if (!startsUpper(t)) lowerSeen.add(t);
      else if (i > 0) capMidSeen.add(t.toLowerCase());
    });
  });
  const sentences: Int32Array[][] = [];
  const locals: Int32Array[][] = [];
  const lowerHashes: Int32Array[] = [];
  const shapeHashes: Int32Array[] = [];
  const capitalised: Uint8Array[] = [];
  const continues: Uint8Array[] = [];
  const titles: Uint8Array[] = [];
  doc.forEach((sent, s) => {
    const n = sent.length;
    const infos = sent.map((w) => wordInfo(res, w));
    const lh = Int32Array.from(infos, (x) => x.lowerHash);
    const sh = Int32Array.from(infos, (x) => x.shapeHash);
    const caps = capsFlags[s]!;
    let gazFeats: number[][] | null = null;
    const lower = (): string[] => sent.map((t) => t.toLowerCase());
    if (infos.some((x) => x.upper)) {
      for (const m of matchGazetteer(res.gazetteer, sent, lower())) {
        gazFeats ??= Array.from({ length: n }, () => []);
        for (let b = 0; b < GAZ_TYPES.length; b++) {
          if (!(m.mask & (1 << b))) continue;
          for (let i = m.start; i < m.end; i++) {
            const pos = m.end - m.start === 1 ? 0 : i === m.start ? 1 : i === m.end - 1 ? 3 : 2;
            gazFeats[i]!.push(featureKey(T.gaz, b * 8 + pos), featureKey(T.gazLen, b, Math.min(m.end - m.start, 4)));
          }
        }
      }
    }
    const keys: Int32Array[] = [];
    for (let i = 0; i < n; i++) {
      const info = infos[i]!;
      const prevL = i > 0 ? lh[i - 1]! : BOS;
      const nextL = i + 1 < n ? lh[i + 1]! : EOS;
      const prevS = i > 0 ? sh[i - 1]! : BOS;
      const nextS = i + 1 < n ? sh[i + 1]! : EOS;
      const f: number[] = [
        featureKey(T.bias, 0),
        featureKey(T.prevLower, prevL),
        featureKey(T.nextLower, nextL),
        featureKey(T.prev2Lower, i > 1 ? lh[i - 2]! : BOS),
        featureKey(T.next2Lower, i + 2 < n ? lh[i + 2]! : EOS),
        featureKey(T.prevShape, prevS),
        featureKey(T.nextShape, nextS),
        featureKey(T.shapeTri, sh[i]!, featureKey(0, prevS, nextS)),
        featureKey(T.bigramPrev, lh[i]!, prevL),
        featureKey(T.bigramNext, lh[i]!, nextL),
        featureKey(T.prevLowerShape, prevL, sh[i]!),
        featureKey(T.nextTwo, nextL, i + 2 < n ? lh[i + 2]! : EOS),
      ];
      if (i === 0) f.push(featureKey(T.first, sh[i]!));
      if (caps) f.push(featureKey(T.caps, 1), featureKey(T.capsShape, lh[i]!));
      if (i > 0) f.push(featureKey(T.prevFine, infos[i - 1]!.fine));
      if (i + 1 < n) f.push(featureKey(T.nextFine, infos[i + 1]!.fine));
      if (info.upper && !caps) headFeatures(f, infos, i);
      const g = gazFeats?.[i];
      if (g) for (const k of g) f.push(k);
      if (info.upper && !caps) {
        const lw = sent[i]!.toLowerCase();
        if (lowerSeen.has(lw)) f.push(featureKey(T.docLower, 1));
        if (i === 0 && capMidSeen.has(lw)) f.push(featureKey(T.docCapMid, 1));
      }
      keys.push(Int32Array.from(f));
    }
    sentences.push(keys);
    locals.push(infos.map((x) => x.local));
    lowerHashes.push(lh);
    shapeHashes.push(sh);
    capitalised.push(Uint8Array.from(infos, (x) => (x.upper ? 1 : 0)));
    continues.push(Uint8Array.from(sent, (w) => (continuesName(w) ? 1 : 0)));
    // "Mayor Dmytro": a capitalised title right before another capitalised word.
    titles.push(Uint8Array.from(infos, (x, i) => (x.title && infos[i + 1]?.upper ? 1 : 0)));
  });
  return { sentences, locals, lowerHashes, shapeHashes, capitalised, continues, titles };
}

/** Features that depend on earlier decisions: previous tags and the document's prediction history. */
export function dynamicFeatures(
  out: number[],
  prevTag: number,
  prev2Tag: number,
  lowerHash: number,
  shapeHash: number,
  history: Int32Array | undefined,
): void {
  out.push(
    featureKey(T.prevTag, prevTag),
    featureKey(T.prevTags, prevTag, prev2Tag),
    featureKey(T.prevTagLower, prevTag, lowerHash),
    featureKey(T.prevTagShape, prevTag, shapeHash),
  );
  if (history) historyFeatures(out, history, T.hist, T.histOnly);
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
function headFeatures(out: number[], infos: readonly WordInfo[], i: number): void {
  for (let j = i, d = 0; j < infos.length && d < 4; j++, d++) {
    if (!infos[j]!.upper) return;
    if (j + 1 < infos.length && infos[j + 1]!.upper) continue;
    const head = infos[j]!.head;
    if (head & 1) out.push(featureKey(T.orgHead, d));
    if (head & 2) out.push(featureKey(T.outletHead, d));
    return;
  }
}
