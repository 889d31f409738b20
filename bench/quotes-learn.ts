// Learns the quotes stage's cue weights, cue precision and prose-attribution model from annotated PolNeAR articles.
import type { Layers } from '../src/core/article.js';
import type { Span } from '../src/core/span.js';
import { lastSpanStartingAtOrBefore } from '../src/core/span.js';
import { cueModelOf, type CueModel } from '../src/stages/quotes/cue-model.js';
import { extractQuotes, QUOTES_DEFAULTS, type QuotesConfig } from '../src/stages/quotes/index.js';
import { extractScoredQuotes, joinBracketSplits } from '../src/stages/quotes/extract-quotes.js';
import { cueTokenFeatures, proposable, wordClusters } from '../src/stages/quotes/cue-classifier.js';
import { tokenize } from '../src/core/tokenize.js';
import { trainAttributionModel, TRAINING_DEFAULTS, type AttributionModel, type TrainingExample } from '../src/stages/quotes/attribution-model.js';
import { align, groupByCue, matches, normalize, type Doc } from './quotes.js';

/** A word must sit inside a gold Cue at least this often to get a weight (rarer words are noise). */
export const MIN_CUE_COUNT = 4;

export interface CueWeight {
  readonly word: string;
  /** Occurrences inside a gold Cue span. */
  readonly cue: number;
  /** Occurrences in the texts, in lower case. */
  readonly seen: number;
}

const WORD = /\p{L}+(?:['’-]\p{L}+)*/gu;

/** Stretches between an opening and a closing double quotation mark, within one paragraph. */
export function quotedStretches(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') open = -1;
    else if (c === '\u201c' || (c === '"' && open < 0)) open = i;
    else if ((c === '\u201d' || c === '"') && open >= 0) {
      out.push({ start: open, end: i + 1 });
      open = -1;
    }
  }
  return out;
}

/** Whether an offset of `text` lies inside a quoted stretch. */
function insideQuotes(text: string): (at: number) => boolean {
  const quoted = quotedStretches(text);
  return (at) => {
    const q = quoted[lastSpanStartingAtOrBefore(quoted, at)];
    return q !== undefined && at >= q.start && at < q.end;
  };
}

/** Per-word cue counts over documents (the word's lower-case form; function words come out with low rates). */
export function learnCueWeights(docs: readonly Doc[], minCount = MIN_CUE_COUNT, minPhrase = MIN_PHRASE_COUNT): CueWeight[] {
  const seen = new Map<string, number>();
  const inCue = new Map<string, number>();
  for (const doc of docs) {
    // Words inside quotation marks are the quoted speaker's, whose own reporting is not annotated: not counted.
    const inQuote = insideQuotes(doc.text);
    // Only words written in lower case: reporting verbs are, names and headline words are not.
    for (const m of doc.text.matchAll(WORD)) if (/^\p{Ll}/u.test(m[0]) && !inQuote(m.index ?? 0)) seen.set(m[0], (seen.get(m[0]) ?? 0) + 1);
    const counted = new Set<number>();
    for (const g of doc.gold) {
      for (const c of g.cue ?? []) {
        for (const m of doc.text.slice(c.start, c.end).matchAll(WORD)) {
          const at = c.start + (m.index ?? 0);
          if (counted.has(at) || !/^\p{Ll}/u.test(m[0]) || inQuote(at)) continue;
          counted.add(at);
          inCue.set(m[0], (inCue.get(m[0]) ?? 0) + 1);
        }
      }
    }
  }
  const words = [...inCue].filter(([, n]) => n >= minCount).map(([word, cue]) => ({ word, cue, seen: Math.max(cue, seen.get(word) ?? cue) }));
  return [...words, ...learnPhraseCues(docs, minPhrase)].sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
}

/** A word and the preposition after it must end a gold Cue at least this often to get a weight ("criticism of"). */
export const MIN_PHRASE_COUNT = 4;

/**
 * Per-phrase cue counts for a lower-case word followed by a preposition ("support for", "referring to", "criticism of"):
 * times the pair ends a gold Cue, and times the pair is seen outside quotation marks. The pair's rate is read where the
 * single word's is not enough (nouns and verbs whose content is the preposition's object).
 */
export function learnPhraseCues(docs: readonly Doc[], minCount = MIN_PHRASE_COUNT): CueWeight[] {
  const seen = new Map<string, number>();
  const inCue = new Map<string, number>();
  for (const doc of docs) {
    const inQuote = insideQuotes(doc.text);
    for (const m of doc.text.matchAll(PHRASE)) if (!inQuote(m.index ?? 0)) seen.set(phraseKey(m), (seen.get(phraseKey(m)) ?? 0) + 1);
    for (const g of doc.gold) {
      const last = g.cue?.[g.cue.length - 1];
      if (!last) continue;
      // The cue's last two words, when they are a lower-case word and a preposition.
      const tail = new RegExp(`${PHRASE.source}$`, 'u').exec(doc.text.slice(Math.max(g.cue?.[0]?.start ?? last.start, last.end - 60), last.end));
      if (!tail || inQuote(last.end - tail[0].length)) continue;
      inCue.set(phraseKey(tail), (inCue.get(phraseKey(tail)) ?? 0) + 1);
    }
  }
  return [...inCue].filter(([, n]) => n >= minCount).map(([word, cue]) => ({ word, cue, seen: Math.max(cue, seen.get(word) ?? cue) }));
}

/** A lower-case word, white space and a preposition that may open a cue's object. */
const PHRASE = /(?<![\p{L}'’-])(\p{Ll}+(?:['’-]\p{L}+)*)\s+(of|for|to|on|about|in|with|by|from|against|over|at|behind|toward|towards|into|like|as)(?![\p{L}'’-])/gu;
const phraseKey = (m: RegExpExecArray | RegExpMatchArray): string => `${m[1] ?? ''} ${m[2] ?? ''}`;

/** A cue must have opened at least this many prose attributions to get a precision row (rarer ones take the mean). */
export const MIN_PRECISION_COUNT = 3;

export interface CuePrecision {
  /** The cue as written, in lower case ("said", "according to"). */
  readonly cue: string;
  /** Prose attributions with this cue whose content matched gold and whose speaker matched its Source. */
  readonly right: number;
  /** Prose attributions with this cue that named a speaker. */
  readonly total: number;
}

/**
 * Runs the quotes stage with every prose attribution kept over documents and counts, per cue, how many of those
 * with a speaker were right (the bench's overlap rule): the precision the stage's cue filter reads.
 */
export function learnCuePrecision(
  docs: readonly Doc[],
  layers: ReadonlyMap<string, Pick<Layers, 'paragraphs' | 'sentences' | 'entities'>>,
  cues: CueModel | ((doc: Doc) => CueModel),
  minCount = MIN_PRECISION_COUNT,
  config: QuotesConfig = QUOTES_DEFAULTS,
): CuePrecision[] {
  const counts = new Map<string, { right: number; total: number }>();
  for (const doc of docs) {
    const docLayers = layers.get(doc.name);
    if (!docLayers) continue;
    const preds = groupByCue(extractQuotes(doc.text, docLayers, { ...config, minCuePrecision: 0, minAttributionProbability: 0 }, cuesOf(cues, doc)));
    const link = align(doc.text, preds, doc.gold, 'overlap');
    preds.forEach((p, i) => {
      if (!p.source || p.quoted || !p.cue) return;
      const gi = link.get(i);
      const g = gi === undefined ? undefined : doc.gold[gi];
      const right = g?.source ? matches(doc.text, normalize(doc.text, [p.source]), normalize(doc.text, g.source), 'overlap') : false;
      const key = doc.text.slice(p.cue.start, p.cue.end).toLowerCase();
      const c = counts.get(key) ?? { right: 0, total: 0 };
      c.total++;
      if (right) c.right++;
      counts.set(key, c);
    });
  }
  return [...counts]
    .filter(([, c]) => c.total >= minCount)
    .map(([cue, c]) => ({ cue, ...c }))
    .sort((a, b) => (a.cue < b.cue ? -1 : a.cue > b.cue ? 1 : 0));
}

/**
 * Runs the quotes stage with no filter over documents and labels each prose attribution the attribution model judges:
 * right when its cue group (as the bench groups predictions) matched a gold attribution and its speaker that Source.
 */
export function attributionExamples(docs: readonly Doc[], layers: ReadonlyMap<string, Pick<Layers, 'paragraphs' | 'sentences' | 'entities'>>, cues: CueModel | ((doc: Doc) => CueModel), config: QuotesConfig = QUOTES_DEFAULTS): TrainingExample[] {
  const out: TrainingExample[] = [];
  const open = { ...config, minCuePrecision: 0, minAttributionProbability: 0 };
  for (const doc of docs) {
    const docLayers = layers.get(doc.name);
    if (!docLayers) continue;
    const scored = extractScoredQuotes(doc.text, docLayers, open, cuesOf(cues, doc), false);
    const preds = groupByCue(scored.map((s) => s.quote));
    const link = align(doc.text, preds, doc.gold, 'overlap');
    const rightByCue = new Map<string, boolean>();
    preds.forEach((p, i) => {
      if (!p.cue || !p.source) return;
      const gi = link.get(i);
      const g = gi === undefined ? undefined : doc.gold[gi];
      const right = g?.source ? matches(doc.text, normalize(doc.text, [p.source]), normalize(doc.text, g.source), 'overlap') : false;
      rightByCue.set(`${p.cue.start}:${p.cue.end}`, right);
    });
    for (const s of scored) {
      const cue = s.quote.cue;
      if (!s.features || !cue) continue;
      out.push({ features: s.features, right: rightByCue.get(`${cue.start}:${cue.end}`) ?? false });
    }
  }
  return out;
}

/**
 * Runs the quotes stage with no filter over documents and labels the cut points of each prose content after its cue
 * whose cue overlaps a gold Cue, in reading order: the cut at the gold content's end (within 2 characters, both
 * trimmed as the bench trims) is right, the ones before it wrong, the ones after it are not read (the stage takes the
 * first cut its model accepts).
 */
export function contentEndExamples(docs: readonly Doc[], layers: ReadonlyMap<string, Pick<Layers, 'paragraphs' | 'sentences' | 'entities'>>, cues: CueModel | ((doc: Doc) => CueModel), config: QuotesConfig = QUOTES_DEFAULTS): TrainingExample[] {
  const out: TrainingExample[] = [];
  for (const { doc, s, cue } of unfilteredCueQuotes(docs, layers, cues, config)) {
    const { quote, cuts } = s;
    if (!cuts?.length) continue;
    const gold = doc.gold.find((g) => g.cue?.some((c) => c.start < cue.end && cue.start < c.end));
    const content = gold ? normalize(doc.text, gold.content) : [];
    const goldStart = content[0]?.start;
    const goldEnd = content[content.length - 1]?.end;
    if (goldStart === undefined || goldEnd === undefined || goldStart >= quote.end || goldEnd <= quote.start) continue;
    for (const cut of cuts) {
      const end = normalize(doc.text, [{ start: quote.start, end: cut.end }]).pop()?.end ?? cut.end;
      if (end > goldEnd + 2) break;
      const right = Math.abs(end - goldEnd) <= 2;
      out.push({ features: cut.features, right });
      if (right) break;
    }
  }
  return out;
}

/**
 * Runs the quotes stage with no filter over documents and labels the candidate speaker spans (source-bounds.ts) of each
 * quote whose cue overlaps a gold Cue with a Source: right when the candidate matches that Source by the bench's rule
 * (trimmed, shared characters at least half of the longer). Quotes none of whose candidates is right teach nothing and
 * are left out.
 */
export function sourceBoundsExamples(docs: readonly Doc[], layers: ReadonlyMap<string, Pick<Layers, 'paragraphs' | 'sentences' | 'entities'>>, cues: CueModel | ((doc: Doc) => CueModel), config: QuotesConfig = QUOTES_DEFAULTS): TrainingExample[] {
  const out: TrainingExample[] = [];
  for (const { doc, s, cue } of unfilteredCueQuotes(docs, layers, cues, config)) {
    if (!s.bounds?.length) continue;
    const gold = doc.gold.find((g) => g.source && g.cue?.some((c) => c.start < cue.end && cue.start < c.end));
    const source = gold?.source ? normalize(doc.text, gold.source) : [];
    if (!source.length) continue;
    const labelled = s.bounds.map((b) => ({ features: b.features, right: matches(doc.text, normalize(doc.text, [b.span]), source, 'overlap') }));
    if (labelled.some((e) => e.right)) out.push(...labelled);
  }
  return out;
}

const cuesOf = (cues: CueModel | ((doc: Doc) => CueModel), doc: Doc): CueModel => (typeof cues === 'function' ? cues(doc) : cues);

/** Every quote with a cue that the quotes stage finds in each document with no cue-precision or attribution filter. */
function* unfilteredCueQuotes(docs: readonly Doc[], layers: ReadonlyMap<string, Pick<Layers, 'paragraphs' | 'sentences' | 'entities'>>, cues: CueModel | ((doc: Doc) => CueModel), config: QuotesConfig) {
  const open = { ...config, minCuePrecision: 0, minAttributionProbability: 0 };
  for (const doc of docs) {
    const docLayers = layers.get(doc.name);
    if (!docLayers) continue;
    for (const s of extractScoredQuotes(doc.text, docLayers, open, cuesOf(cues, doc), false)) {
      const cue = s.quote.cue;
      if (cue) yield { doc, s, cue };
    }
  }
}

/** Training settings of the cue proposer: fewer passes than the attribution model (ten times the examples). */
export const PROPOSER_TRAINING = { ...TRAINING_DEFAULTS, epochs: 6, minCount: 3 } as const;

/**
 * The cue proposer's examples: every word it judges (cue-classifier.ts: open-class, lower case, outside quotation
 * marks), right when it is the first such word of a gold Cue span (its head: "said" of "said in a statement",
 * "criticism" of "his criticism of"); the other words inside a Cue are left out, neither right nor wrong.
 */
export function proposerExamples(docs: readonly Doc[], layers: ReadonlyMap<string, Pick<Layers, 'sentences'>>): TrainingExample[] {
  const out: TrainingExample[] = [];
  const clusters = wordClusters();
  for (const doc of docs) {
    const tokens = tokenize(doc.text);
    const inQuote = insideQuotes(doc.text);
    const cueSpans = doc.gold.flatMap((g) => g.cue ?? []).sort((a, b) => a.start - b.start);
    const cueOf = (start: number, end: number): Span | null => {
      const c = cueSpans[lastSpanStartingAtOrBefore(cueSpans, end - 1)];
      return c !== undefined && c.end > start ? c : null;
    };
    // The cue spans whose head has been read (each span's first judged word).
    const headed = new Set<Span>();
    const given = layers.get(doc.name)?.sentences ?? [];
    const sentences = given.length ? joinBracketSplits(doc.text, given) : [{ start: 0, end: doc.text.length }];
    let k = 0;
    for (const s of sentences) {
      while (k < tokens.length && (tokens[k]?.start ?? 0) < s.start) k++;
      const lo = k;
      let hi = lo;
      while (hi < tokens.length && (tokens[hi]?.start ?? 0) < s.end) hi++;
      for (let i = lo; i < hi; i++) {
        const t = tokens[i];
        if (!t || !proposable(t.text) || inQuote(t.start)) continue;
        const cue = cueOf(t.start, t.end);
        if (cue && headed.has(cue)) continue;
        if (cue) headed.add(cue);
        out.push({ features: cueTokenFeatures(tokens, i, lo, hi, clusters), right: cue !== null });
      }
      k = hi;
    }
  }
  return out;
}

/**
 * Cue weights, cue precision, the cue proposer, the content-end model and the attribution model learned from the same
 * documents (the precision runs the stage with those weights; the models read both). The proposer the later steps run
 * with is cross-fitted: each half of the documents is read with a proposer learned on the other half, so the
 * attribution model learns how far to trust it on words it never saw.
 */
export function learnCueModel(
  docs: readonly Doc[],
  layers: ReadonlyMap<string, Pick<Layers, 'paragraphs' | 'sentences' | 'entities'>>,
  config: QuotesConfig = QUOTES_DEFAULTS,
): {
  weights: CueWeight[];
  precision: CuePrecision[];
  proposer: AttributionModel;
  words: number;
  contentEnd: AttributionModel;
  cuts: number;
  sourceBounds: AttributionModel;
  spans: number;
  attribution: AttributionModel;
  examples: number;
  model: CueModel;
} {
  const weights = learnCueWeights(docs);
  const rows = weights.map((w) => [w.word, w.cue, w.seen] as const);
  const words = proposerExamples(docs, layers);
  const proposer = trainAttributionModel(words, PROPOSER_TRAINING);
  const half = new Set(docs.filter((_, i) => i % 2 === 0).map((d) => d.name));
  const proposerA = trainAttributionModel(proposerExamples(docs.filter((d) => half.has(d.name)), layers), PROPOSER_TRAINING);
  const proposerB = trainAttributionModel(proposerExamples(docs.filter((d) => !half.has(d.name)), layers), PROPOSER_TRAINING);
  const crossFitted = (doc: Doc): AttributionModel => (half.has(doc.name) ? proposerB : proposerA);
  const precision = learnCuePrecision(docs, layers, (d) => cueModelOf(rows, [], null, null, crossFitted(d)), MIN_PRECISION_COUNT, config);
  const precisionRows = precision.map((p) => [p.cue, p.right, p.total] as const);
  const cutExamples = contentEndExamples(docs, layers, (d) => cueModelOf(rows, precisionRows, null, null, crossFitted(d)), config);
  const contentEnd = trainAttributionModel(cutExamples, TRAINING_DEFAULTS);
  const spanExamples = sourceBoundsExamples(docs, layers, (d) => cueModelOf(rows, precisionRows, null, contentEnd, crossFitted(d)), config);
  const sourceBounds = trainAttributionModel(spanExamples, TRAINING_DEFAULTS);
  // The attribution model learns from contents as the content-end model cuts them and speakers as the source-bounds model bounds them.
  const examples = attributionExamples(docs, layers, (d) => cueModelOf(rows, precisionRows, null, contentEnd, crossFitted(d), sourceBounds), config);
  const attribution = trainAttributionModel(examples, TRAINING_DEFAULTS);
  return {
    weights,
    precision,
    proposer,
    words: words.length,
    contentEnd,
    cuts: cutExamples.length,
    sourceBounds,
    spans: spanExamples.length,
    attribution,
    examples: examples.length,
    model: cueModelOf(rows, precisionRows, attribution, contentEnd, proposer, sourceBounds),
  };
}

/** The generated precision module: one [cue, right, total] row per cue. */
export function precisionModule(rows: readonly CuePrecision[], docs: number): string {
  const lines = rows.map((r) => `  [${JSON.stringify(r.cue)}, ${r.right}, ${r.total}],`).join('\n');
  return [
    `// Generated by scripts/train-quotes.ts from PolNeAR train (${docs} articles): [cue, prose attributions right, prose attributions with a speaker].`,
    'export const LEARNED_CUE_PRECISION: readonly (readonly [string, number, number])[] = [',
    lines,
    '];',
    '',
  ].join('\n');
}

/** The generated module: one [word, cue, seen] row per word, rates computed where used. */
export function weightsModule(weights: readonly CueWeight[], docs: number): string {
  const rows = weights.map((w) => `  [${JSON.stringify(w.word)}, ${w.cue}, ${w.seen}],`).join('\n');
  return [
    `// Generated by scripts/train-quotes.ts from PolNeAR train (${docs} articles): [word, times inside a gold Cue, times seen]; a word and a preposition ("support for"): times ending a gold Cue, times seen.`,
    'export const LEARNED_CUE_COUNTS: readonly (readonly [string, number, number])[] = [',
    rows,
    '];',
    '',
  ].join('\n');
}
