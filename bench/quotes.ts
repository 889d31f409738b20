// Quotes bench: PolNeAR Source/Cue/Content scored as content and speaker span F1 against a quote-marks regex baseline.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyLayers, plainTextArticle, type Article, type Layers, type QuoteSpan } from '../src/core/article.js';
import { createContext } from '../src/core/context.js';
import type { Span } from '../src/core/span.js';
import { runArticleStages } from '../src/pipeline/index.js';
import { entitiesStage } from '../src/stages/entities/index.js';
import { extractQuotes, QUOTES_DEFAULTS } from '../src/stages/quotes/index.js';
import type { CueModel } from '../src/stages/quotes/cue-model.js';
import { learnCueModel } from './quotes-learn.js';
import { sentencesStage } from '../src/stages/sentences/index.js';
import { BenchDataMissing, SHARED_BENCH, type BenchMetrics, type BenchRun } from './types.js';

/** One attribution: content and source may be discontinuous (several fragments). */
export interface Attribution {
  readonly content: readonly Span[];
  readonly source: readonly Span[] | null;
  readonly cue: readonly Span[] | null;
  readonly quoted: boolean;
}

export interface Doc {
  readonly name: string;
  readonly text: string;
  readonly gold: readonly Attribution[];
}

const QUOTE_START = /^[\s]*["\u201c\u2018\u00ab'\u201e`]/;

/** brat standoff: T lines carry spans, E lines tie Content/Cue/Source together. */
export function parseAnn(ann: string, text: string): Attribution[] {
  const spans = new Map<string, Span[]>();
  const events: string[] = [];
  for (const line of ann.split('\n')) {
    const t = /^(T\d+)\t\S+ ([\d ;]+)\t/.exec(line);
    if (t) {
      spans.set(t[1] ?? '', (t[2] ?? '').split(';').map((r) => {
        const [a, b] = r.trim().split(' ').map(Number);
        return { start: a ?? 0, end: b ?? 0 };
      }));
    } else if (/^E\d+\t/.test(line)) events.push(line.split('\t')[1] ?? '');
  }
  const out: Attribution[] = [];
  for (const e of events) {
    const roles = new Map(e.split(' ').map((kv) => kv.split(':') as [string, string]));
    // A second content fragment may come as its own role (Content2) rather than as a discontinuous span.
    const contentIds = [...roles.keys()].filter((k) => /^Content\d*$/.test(k)).sort();
    const content = contentIds.flatMap((k) => spans.get(roles.get(k) ?? '') ?? []).sort((a, b) => a.start - b.start);
    if (!content.length) continue;
    const sourceId = roles.get('Source');
    const source = sourceId ? spans.get(sourceId) ?? null : null;
    const cueId = roles.get('Cue');
    const cue = cueId ? spans.get(cueId) ?? null : null;
    const first = content[0];
    out.push({ content, source, cue, quoted: first !== undefined && QUOTE_START.test(text.slice(first.start, first.end)) });
  }
  return out;
}

/** A plain-text Article for one document, as the ingest of a .txt file would give. */
export function articleOf(doc: Doc): Article {
  return plainTextArticle(doc.text, { source: { path: `${doc.name}.txt` } });
}

export function loadDocs(dir: string): { docs: Doc[]; multiAnnotated: number } {
  const textDir = path.join(dir, 'text');
  const annDir = path.join(dir, 'attributions');
  if (!existsSync(textDir) || !existsSync(annDir)) throw new BenchDataMissing(dir, 'PolNeAR split with text/ and attributions/');
  const anns = readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort();
  const docs: Doc[] = [];
  let multiAnnotated = 0;
  for (const file of readdirSync(textDir).filter((f) => f.endsWith('.txt')).sort()) {
    const stem = file.slice(0, -4);
    // Several annotators may exist: score against the first .ann by sorted name.
    const mine = anns.filter((a) => a.startsWith(`${stem}_`));
    const first = mine[0];
    if (!first) continue;
    if (mine.length > 1) multiAnnotated++;
    const text = readFileSync(path.join(textDir, file), 'utf8');
    docs.push({ name: stem, text, gold: parseAnn(readFileSync(path.join(annDir, first), 'utf8'), text) });
  }
  return { docs, multiAnnotated };
}

const TRIM_EDGE = /[\s"\u201c\u201d\u2018\u2019\u00ab\u00bb'\u201e`.,;:!?\u2014\u2013-]/;

/**
 * Spans compared after trimming white space, quote marks and edge punctuation, and a leading "that":
 * PolNeAR keeps the marks and the complementizer inside Content; the quotes layer keeps neither.
 */
export function normalize(text: string, spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    let { start, end } = s;
    while (start < end && TRIM_EDGE.test(text[start] ?? '')) start++;
    while (end > start && TRIM_EDGE.test(text[end - 1] ?? '')) end--;
    if (/^that\s/i.test(text.slice(start, end))) start += 5;
    if (end > start) out.push({ start, end });
  }
  return out.sort((a, b) => a.start - b.start);
}

const size = (spans: readonly Span[]): number => spans.reduce((n, s) => n + s.end - s.start, 0);

function intersection(a: readonly Span[], b: readonly Span[]): number {
  let n = 0;
  for (const x of a) for (const y of b) n += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
  return n;
}

export type Match = 'exact' | 'overlap';

/** Letter and digit offsets a span set covers: fragment seams and marks between them do not count. */
function wordChars(text: string, spans: readonly Span[]): string {
  const out: number[] = [];
  for (const s of spans) for (let i = s.start; i < s.end; i++) if (/[\p{L}\p{N}]/u.test(text[i] ?? '')) out.push(i);
  return out.sort((x, y) => x - y).join(',');
}

/**
 * Exact: the same letters and digits (so a gold quote annotated as one fragment per sentence equals the
 * same quote predicted whole). Overlap: shared characters >= 50% of the longer span.
 */
export function matches(text: string, a: readonly Span[], b: readonly Span[], how: Match): boolean {
  if (how === 'exact') return wordChars(text, a) === wordChars(text, b);
  const longer = Math.max(size(a), size(b));
  return longer > 0 && intersection(a, b) >= 0.5 * longer;
}

export interface Prediction {
  readonly content: Span[];
  readonly source: Span | null;
  readonly quoted: boolean;
  readonly cue: Span | null;
  readonly how: string;
}

/** PolNeAR has one attribution per cue: fragments sharing a cue ("A," he said, "B.") form one prediction. */
export function groupByCue(quotes: readonly QuoteSpan[]): Prediction[] {
  const groups = new Map<string, { content: Span[]; source: Span | null; quoted: boolean; cue: Span | null; how: string }>();
  let previousKey = '';
  quotes.forEach((q, i) => {
    // A running quote (no cue of its own) continues the attribution of the quote before it.
    const key = q.speakerHow === 'running' && previousKey ? previousKey : q.cue ? `${q.cue.start}:${q.cue.end}` : `solo${i}`;
    previousKey = key;
    const g = groups.get(key) ?? { content: [], source: null, quoted: false, cue: q.cue, how: q.speakerHow };
    g.content.push({ start: q.start, end: q.end });
    g.source ??= q.speaker;
    g.quoted ||= q.kind === 'direct';
    groups.set(key, g);
  });
  return [...groups.values()];
}

interface Counts {
  pred: number;
  gold: number;
  tpPred: number;
  tpGold: number;
}

const zero = (): Counts => ({ pred: 0, gold: 0, tpPred: 0, tpGold: 0 });

function f1(c: Counts): number {
  const p = c.pred ? c.tpPred / c.pred : 0;
  const r = c.gold ? c.tpGold / c.gold : 0;
  return p + r ? (2 * p * r) / (p + r) : 0;
}

const prec = (c: Counts): number => (c.pred ? c.tpPred / c.pred : 0);
const rec = (c: Counts): number => (c.gold ? c.tpGold / c.gold : 0);

/** Speaker accuracy on found content: gold attributions with a Source whose content was matched. */
interface Accuracy {
  found: number;
  correct: number;
}

interface Tally {
  quoted: Counts;
  unquoted: Counts;
  speaker: Counts;
  speakerQuoted: Counts;
  accuracyQuoted: Accuracy;
  accuracyUnquoted: Accuracy;
}

/** Greedy one-to-one matching of predictions to gold, best overlap first. */
export function align(text: string, preds: readonly Prediction[], gold: readonly Attribution[], how: Match): Map<number, number> {
  const np = preds.map((p) => normalize(text, p.content));
  const ng = gold.map((g) => normalize(text, g.content));
  const pairs: { p: number; g: number; score: number }[] = [];
  np.forEach((a, p) =>
    ng.forEach((b, g) => {
      if (matches(text, a, b, how)) pairs.push({ p, g, score: intersection(a, b) / Math.max(size(a), size(b), 1) });
    }),
  );
  pairs.sort((x, y) => y.score - x.score);
  const byPred = new Map<number, number>();
  const usedGold = new Set<number>();
  for (const { p, g } of pairs) {
    if (byPred.has(p) || usedGold.has(g)) continue;
    byPred.set(p, g);
    usedGold.add(g);
  }
  return byPred;
}

function score(text: string, preds: readonly Prediction[], gold: readonly Attribution[], how: Match, t: Tally): void {
  const link = align(text, preds, gold, how);
  const matchedGold = new Set(link.values());
  preds.forEach((p, i) => {
    const c = p.quoted ? t.quoted : t.unquoted;
    c.pred++;
    if (link.has(i)) c.tpPred++;
    if (p.source) {
      t.speaker.pred++;
      if (p.quoted) t.speakerQuoted.pred++;
    }
  });
  gold.forEach((g, j) => {
    const c = g.quoted ? t.quoted : t.unquoted;
    c.gold++;
    if (matchedGold.has(j)) c.tpGold++;
    if (g.source) {
      t.speaker.gold++;
      if (g.quoted) t.speakerQuoted.gold++;
    }
  });
  for (const [pi, gi] of link) {
    const p = preds[pi];
    const g = gold[gi];
    if (!g?.source) continue;
    const accuracy = g.quoted ? t.accuracyQuoted : t.accuracyUnquoted;
    accuracy.found++;
    if (!p?.source) continue;
    if (!matches(text, normalize(text, [p.source]), normalize(text, g.source), how)) continue;
    accuracy.correct++;
    t.speaker.tpPred++;
    t.speaker.tpGold++;
    if (p.quoted && g.quoted) {
      t.speakerQuoted.tpPred++;
      t.speakerQuoted.tpGold++;
    } else if (p.quoted) t.speakerQuoted.tpPred++;
    else if (g.quoted) t.speakerQuoted.tpGold++;
  }
}

const NAME_RE = /\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*/g;

/** The baseline a user would write: text between double quote marks, speaker = nearest capitalised name. */
export function quoteMarksRegex(text: string): QuoteSpan[] {
  const names = [...text.matchAll(NAME_RE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const out: QuoteSpan[] = [];
  for (const m of text.matchAll(/["\u201c]([^"\u201c\u201d]+)["\u201d]/g)) {
    const start = m.index + 1;
    const end = start + (m[1]?.length ?? 0);
    let best: Span | null = null;
    let bestDistance = Infinity;
    for (const n of names) {
      if (n.end > start - 1 && n.start < end + 1) continue;
      const d = n.start >= end ? n.start - end : start - n.end;
      if (d < bestDistance) {
        bestDistance = d;
        best = n;
      }
    }
    out.push({ start, end, kind: 'direct', speaker: best, speakerName: best ? text.slice(best.start, best.end) : null, speakerHow: best ? 'named' : 'none', cue: null });
  }
  return out;
}

const tally = (): Tally => ({
  quoted: zero(),
  unquoted: zero(),
  speaker: zero(),
  speakerQuoted: zero(),
  accuracyQuoted: { found: 0, correct: 0 },
  accuracyUnquoted: { found: 0, correct: 0 },
});

const ratio = (a: Accuracy): number => (a.found ? a.correct / a.found : 0);

export function evaluate(docs: readonly Doc[], extract: (doc: Doc) => QuoteSpan[]): { metrics: BenchMetrics; tallies: Record<Match, Tally> } {
  const tallies: Record<Match, Tally> = {
    exact: tally(),
    overlap: tally(),
  };
  let seconds = 0;
  for (const doc of docs) {
    const t0 = process.hrtime.bigint();
    const quotes = extract(doc);
    seconds += Number(process.hrtime.bigint() - t0) / 1e9;
    const preds = groupByCue(quotes);
    score(doc.text, preds, doc.gold, 'exact', tallies.exact);
    score(doc.text, preds, doc.gold, 'overlap', tallies.overlap);
  }
  const { exact, overlap } = tallies;
  return {
    tallies,
    metrics: {
      contentExactF1Quoted: f1(exact.quoted),
      contentOverlapF1Quoted: f1(overlap.quoted),
      contentOverlapF1Unquoted: f1(overlap.unquoted),
      contentExactF1Unquoted: f1(exact.unquoted),
      speakerF1: f1(overlap.speaker),
      speakerExactF1: f1(exact.speaker),
      speakerF1Quoted: f1(overlap.speakerQuoted),
      speakerExactF1Quoted: f1(exact.speakerQuoted),
      speakerAccuracyFoundQuoted: ratio(overlap.accuracyQuoted),
      speakerAccuracyFoundUnquoted: ratio(overlap.accuracyUnquoted),
      speakerAccuracyFound: ratio({
        found: overlap.accuracyQuoted.found + overlap.accuracyUnquoted.found,
        correct: overlap.accuracyQuoted.correct + overlap.accuracyUnquoted.correct,
      }),
      contentOverlapPrecisionQuoted: prec(overlap.quoted),
      contentOverlapRecallQuoted: rec(overlap.quoted),
      contentOverlapPrecisionUnquoted: prec(overlap.unquoted),
      contentOverlapRecallUnquoted: rec(overlap.unquoted),
      docsPerSecond: seconds > 0 ? docs.length / seconds : 0,
    },
  };
}

/** Stable slice of a document by name: about a third of every split is kept untouched (never read while tuning). */
export function sliceOf(name: string): 'confirm' | 'untouched' {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619) >>> 0;
  return h % 3 === 0 ? 'untouched' : 'confirm';
}

/** The layers the product gives the quotes stage: sentences and entities (NER). */
export function layersOf(docs: readonly Doc[]): Map<string, Layers> {
  const ctx = createContext();
  return new Map(docs.map((d) => [d.name, runArticleStages(articleOf(d), [sentencesStage, entitiesStage], ctx).layers] as const));
}

/**
 * The tuning figure: PolNeAR train's odd-indexed articles, scored with cue weights, cue precision, the content-end model
 * and the attribution model learned from the even-indexed ones only (the fold the thresholds were chosen on). Null when
 * no train split sits beside the data.
 */
function tuningFold(dir: string): { docs: Doc[]; model: CueModel } | null {
  const train = path.resolve(dir, '..', 'train');
  if (path.resolve(dir) === train || !existsSync(path.join(train, 'attributions'))) return null;
  const all = loadDocs(train).docs;
  const learnFrom = all.filter((_, i) => i % 2 === 0);
  return { docs: all.filter((_, i) => i % 2 === 1), model: learnCueModel(learnFrom, layersOf(learnFrom)).model };
}

const SLICE_METRICS = ['speakerF1', 'speakerF1Quoted', 'contentOverlapF1Quoted', 'contentOverlapF1Unquoted', 'contentOverlapRecallUnquoted'] as const;

function sliceMetrics(suffix: string, m: BenchMetrics): Record<string, number> {
  return Object.fromEntries(SLICE_METRICS.map((k) => [`${k}${suffix}`, m[k] ?? 0]));
}

export const run: BenchRun = async (options) => {
  const dir = options.data ?? fileURLToPath(new URL('polnear/dev/', SHARED_BENCH));
  const { docs, multiAnnotated } = loadDocs(dir);
  if (!docs.length) throw new BenchDataMissing(dir, 'no article with an .ann file');
  options.log(`quotes: ${docs.length} articles (${multiAnnotated} with several annotators: first .ann by sorted name scored)`);
  // The product's layers: the quotes stage runs after the sentences and entities (NER) stages.
  const t0 = process.cpuUsage();
  const layers = layersOf(docs);
  const upstream = process.cpuUsage(t0);
  options.log(`quotes: sentences + entities stages took ${((upstream.user + upstream.system) / 1e6).toFixed(1)} s CPU (not in docsPerSecond)`);
  const ours = evaluate(docs, (d) => extractQuotes(d.text, layers.get(d.name) ?? emptyLayers()));
  const base = evaluate(docs, (d) => quoteMarksRegex(d.text));
  // Tuning fold (train), then the data given cut in two: a confirm slice and an untouched slice.
  const fold = tuningFold(dir);
  const foldLayers = fold ? layersOf(fold.docs) : null;
  const tuning = fold && foldLayers ? evaluate(fold.docs, (d) => extractQuotes(d.text, foldLayers.get(d.name) ?? emptyLayers(), QUOTES_DEFAULTS, fold.model)) : null;
  const tuningBase = fold ? evaluate(fold.docs, (d) => quoteMarksRegex(d.text)) : null;
  const part = (slice: 'confirm' | 'untouched') => docs.filter((d) => sliceOf(d.name) === slice);
  const confirmDocs = part('confirm');
  const untouchedDocs = part('untouched');
  const confirm = evaluate(confirmDocs, (d) => extractQuotes(d.text, layers.get(d.name) ?? emptyLayers()));
  const untouched = evaluate(untouchedDocs, (d) => extractQuotes(d.text, layers.get(d.name) ?? emptyLayers()));
  const confirmBase = evaluate(confirmDocs, (d) => quoteMarksRegex(d.text));
  const untouchedBase = evaluate(untouchedDocs, (d) => quoteMarksRegex(d.text));
  options.log(`quotes: tuning fold ${fold ? `${fold.docs.length} train articles` : 'absent (no train split beside the data)'}, confirm ${confirmDocs.length}, untouched ${untouchedDocs.length}`);
  const o = ours.tallies.overlap;
  return {
    bench: 'quotes',
    data: options.data ?? null,
    metrics: {
      ...ours.metrics,
      ...(tuning ? sliceMetrics('Tuning', tuning.metrics) : {}),
      ...sliceMetrics('Confirm', confirm.metrics),
      ...sliceMetrics('Untouched', untouched.metrics),
    },
    baseline: {
      name: 'quote-marks-regex',
      metrics: {
        ...base.metrics,
        ...(tuningBase ? sliceMetrics('Tuning', tuningBase.metrics) : {}),
        ...sliceMetrics('Confirm', confirmBase.metrics),
        ...sliceMetrics('Untouched', untouchedBase.metrics),
      },
    },
    notes: [
      'match: spans trimmed of white space, quote marks, edge punctuation and a leading "that"; exact = same letters and digits,',
      '  overlap = shared characters >= 50% of the longer (discontinuous spans as character sets); one-to-one greedy matching.',
      '  predictions sharing a cue, and running quotes with the quote before, are merged (PolNeAR: one attribution per cue). quoted gold = Content starting with a quote mark;',
      '  quoted prediction = contains a direct quote. speaker: matched content pair whose speaker span matches the gold Source;',
      '  precision over predictions with a speaker span, recall over gold with a Source. layers from the sentences + entities stages (as the product).',
      'speakerF1: end to end over all gold attributions with a Source; speakerF1Quoted: the same restricted to quoted content (either side).',
      'speakerAccuracyFound[Quoted|Unquoted] (README metric): among gold attributions with a Source whose content was matched',
      '  (overlap >= 50%), the share whose predicted speaker overlaps the gold Source >= 50% (no predicted speaker = wrong).',
      `speaker accuracy counts: quoted ${o.accuracyQuoted.correct}/${o.accuracyQuoted.found} | unquoted ${o.accuracyUnquoted.correct}/${o.accuracyUnquoted.found}`,
      'slices: *Tuning = PolNeAR train odd-indexed articles with cue weights, cue precision and the content-end and attribution models',
      '  learned on the even-indexed ones (where the thresholds were chosen);',
      '  *Confirm / *Untouched = the data given cut by a hash of the article name (about 2/3 and 1/3); the headline figures cover all of it.',
      '  contentOverlapRecallUnquoted is the indirect-speech recall.',
      `overlap counts quoted: pred ${o.quoted.pred} gold ${o.quoted.gold} | unquoted: pred ${o.unquoted.pred} gold ${o.unquoted.gold} | speaker: pred ${o.speaker.pred} gold ${o.speaker.gold}`,
    ],
  };
};
