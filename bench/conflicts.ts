// `conflicts` bench: cross-outlet conflicts the analyze path reports on ECB+ sub-events, scored against a hand annotation, beside a number-before-noun baseline.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { plainTextArticle, type Article } from '../src/core/article.js';
import { createContext } from '../src/core/context.js';
import { unitsMeet } from '../src/corpus/claims/index.js';
import { analyzeArticles } from '../src/service/analyze.js';
import type { Report } from '../src/report/schema.js';
import { openStore } from '../src/store/index.js';
import { loadEcbSplit, type EcbDocument } from './data/ecbplus.js';
import { BenchDataMissing, SHARED_BENCH, type BenchMetrics, type BenchRun } from './types.js';

// ---------- the annotation ----------

/** [document name, ECB+ sentence number] */
export type Location = readonly [string, number];

export type Role = 'tuning' | 'dev' | 'untouched';

export interface AnnotatedPair {
  readonly kind?: string;
  readonly label: string;
  readonly a: readonly Location[];
  readonly b: readonly Location[];
}

export interface AnnotatedSubEvent {
  readonly id: string;
  readonly split: string;
  readonly role: Role;
  readonly read: string;
  readonly discrepancies: readonly AnnotatedPair[];
  readonly compatible: readonly AnnotatedPair[];
}

export const ANNOTATION_PATH = fileURLToPath(new URL('./data/ecb-discrepancies.json', import.meta.url));

export function loadAnnotation(path: string = ANNOTATION_PATH): AnnotatedSubEvent[] {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { subEvents: AnnotatedSubEvent[] };
  return raw.subEvents;
}

// ---------- flags: what a system says disagrees ----------

/** One reported disagreement: the passages on each side, as (document, sentence) locations. */
export interface Flag {
  readonly kind: string;
  readonly a: readonly Location[];
  readonly b: readonly Location[];
}

const key = (l: Location): string => `${l[0]}#${l[1]}`;

/** Whether a flag cites side a of `pair` in one document and side b in another (either way round). */
export function flagMatches(flag: Flag, pair: AnnotatedPair): boolean {
  const crosses = (x: readonly Location[], y: readonly Location[]): boolean => {
    const inA = new Set(pair.a.map(key));
    const inB = new Set(pair.b.map(key));
    return x.some((l) => inA.has(key(l)) && y.some((m) => m[0] !== l[0] && inB.has(key(m))));
  };
  return crosses(flag.a, flag.b) || crosses(flag.b, flag.a);
}

/** The sentence numbers a character range of a rebuilt document covers. */
export function sentencesOf(doc: Pick<EcbDocument, 'tokens'>, start: number, end: number): number[] {
  const out = new Set<number>();
  // Tokens are in text order: binary-search the first token ending after `start`.
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((doc.tokens[mid]?.end ?? 0) <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < doc.tokens.length; i++) {
    const t = doc.tokens[i];
    if (!t || t.start >= Math.max(end, start + 1)) break;
    out.add(t.sentence);
  }
  return [...out];
}

/** Conflicts of a report as flags, each disagreement once (a conflict is listed on both of its claims). */
export function reportFlags(report: Report, docs: ReadonlyMap<string, EcbDocument>): Flag[] {
  const seen = new Set<string>();
  const flags: Flag[] = [];
  for (const claim of report.claims) {
    for (const conflict of claim.conflicts) {
      const [x, y] = conflict.cites;
      if (!x || !y) continue;
      const id = [`${x.article}:${x.start}-${x.end}`, `${y.article}:${y.start}-${y.end}`].sort().join('|') + conflict.kind;
      if (seen.has(id)) continue;
      seen.add(id);
      const side = (c: { article: string; start: number; end: number }): Location[] => {
        const doc = docs.get(c.article);
        return doc ? sentencesOf(doc, c.start, c.end).map((s): Location => [c.article, s]) : [];
      };
      flags.push({ kind: conflict.kind, a: side(x), b: side(y) });
    }
  }
  return flags;
}

// ---------- why a discrepancy was missed ----------

export type MissCause = 'story split' | 'no figure' | 'no comparable unit' | 'not aligned' | 'aligned, judged compatible';

/**
 * The first layer of the report that loses a missed discrepancy, read from the report alone:
 * (1) no story holds a document of each side; (2) number kinds: a side's sentences carry no figure;
 * (3) no pair of figures across the sides has comparable units; (4) no claim holds a mention of each side;
 * (5) some claim holds both sides and the comparison called them compatible.
 */
export function missCause(pair: AnnotatedPair, report: Report, docs: ReadonlyMap<string, EcbDocument>): MissCause {
  const storyOf = new Map<string, string>();
  for (const s of report.stories) for (const a of s.articles) storyOf.set(a, s.id);
  const crossPairs = pair.a.flatMap((x) => pair.b.filter((y) => y[0] !== x[0]).map((y) => ({ x, y })));
  const together = crossPairs.filter(({ x, y }) => storyOf.get(x[0]) !== undefined && storyOf.get(x[0]) === storyOf.get(y[0]));
  if (!together.length) return 'story split';
  const at = (l: Location) => (span: { article: string; start: number; end: number }): boolean => {
    const doc = docs.get(l[0]);
    return span.article === l[0] && doc !== undefined && sentencesOf(doc, span.start, span.end).includes(l[1]);
  };
  if (pair.kind === 'number') {
    const unitsAt = (l: Location): (string | null)[] => report.quantities.filter(at(l)).map((q) => q.unit);
    const figured = together.filter(({ x, y }) => unitsAt(x).length && unitsAt(y).length);
    if (!figured.length) return 'no figure';
    if (!figured.some(({ x, y }) => unitsAt(x).some((u) => u !== null && unitsAt(y).some((v) => v !== null && unitsMeet(u, v))))) return 'no comparable unit';
  }
  const aligned = report.claims.some((c) => together.some(({ x, y }) => c.mentions.some(at(x)) && c.mentions.some(at(y))));
  return aligned ? 'aligned, judged compatible' : 'not aligned';
}

/** Why a time, sequence or other non-numeric discrepancy was missed, finer than `missCause` for times. */
export type TimeMissCause =
  | 'story split'
  | 'time not resolved on one side'
  | 'the two claims never paired'
  | 'paired but the event frames differ'
  | 'compared and judged compatible';

const WEEKDAY_RE = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;

/**
 * The layer that loses a missed time discrepancy, read from the report: (1) no story holds a document of each side;
 * (2) a side's sentences carry no time with a resolved value or a weekday; (3) no claim holds a mention of each side;
 * (4) a claim holds both, but the times said differ in day or weekday, so the comparison did not take them as the
 * event's times (a statement's date, another event's day); (5) a claim holds both and the times agree as said.
 */
export function timeMissCause(pair: AnnotatedPair, report: Report, docs: ReadonlyMap<string, EcbDocument>): TimeMissCause {
  if (missCause(pair, report, docs) === 'story split') return 'story split';
  const at = (l: Location) => (span: { article: string; start: number; end: number }): boolean => {
    const doc = docs.get(l[0]);
    return span.article === l[0] && doc !== undefined && sentencesOf(doc, span.start, span.end).includes(l[1]);
  };
  const timesAt = (l: Location): string[] =>
    report.times.filter((t) => t.type !== 'DURATION' && t.type !== 'SET' && at(l)(t) && (t.value !== null || WEEKDAY_RE.test(t.text))).map((t) => (t.value ?? t.text).toLowerCase());
  if (!pair.a.some((l) => timesAt(l).length) || !pair.b.some((l) => timesAt(l).length)) return 'time not resolved on one side';
  const crossPairs = pair.a.flatMap((x) => pair.b.filter((y) => y[0] !== x[0]).map((y) => ({ x, y })));
  const paired = crossPairs.filter(({ x, y }) => report.claims.some((c) => c.mentions.some(at(x)) && c.mentions.some(at(y))));
  if (!paired.length) return 'the two claims never paired';
  const differ = paired.some(({ x, y }) => timesAt(x).some((u) => timesAt(y).some((v) => u !== v)));
  return differ ? 'paired but the event frames differ' : 'compared and judged compatible';
}

// ---------- the baseline: different numbers before the same noun ----------

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, dozen: 12,
  hundred: 100, thousand: 1000,
};

/** The figure a token states, or null: digits (with thousands separators or decimals) or a number word. */
function figureOf(token: string): number | null {
  const t = token.toLowerCase();
  if (/^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
  return NUMBER_WORDS[t] ?? null;
}

/**
 * Flags every two sentences of different documents that put different figures before the same noun (the next word
 * made of letters, plural "s" dropped). What a reader with a regex would try first.
 */
export function baselineFlags(docs: readonly EcbDocument[]): Flag[] {
  const byNoun = new Map<string, { loc: Location; value: number }[]>();
  for (const doc of docs) {
    const seen = new Set<string>();
    const tokens = doc.tokens;
    tokens.forEach((t, i) => {
      const value = figureOf(t.text);
      if (value === null) return;
      // Skip joined digit groups the tokenizer split ("2 , 000") and hyphens ("32 - year - old" -> "year").
      let j = i + 1;
      while (j < tokens.length && tokens[j]?.sentence === t.sentence && /^[-,]$|^\d+$/.test(tokens[j]?.text ?? '')) j++;
      const next = tokens[j];
      if (!next || next.sentence !== t.sentence || !/^\p{L}+$/u.test(next.text)) return;
      const noun = next.text.toLowerCase().replace(/s$/, '');
      const id = `${noun}|${value}|${t.sentence}`;
      if (seen.has(id)) return;
      seen.add(id);
      (byNoun.get(noun) ?? byNoun.set(noun, []).get(noun))?.push({ loc: [doc.name, t.sentence], value });
    });
  }
  const flags: Flag[] = [];
  for (const list of byNoun.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const x = list[i];
        const y = list[j];
        if (!x || !y || x.loc[0] === y.loc[0] || x.value === y.value) continue;
        flags.push({ kind: 'number', a: [x.loc], b: [y.loc] });
      }
    }
  }
  return flags;
}

// ---------- scoring ----------

export interface SubEventScore {
  readonly id: string;
  readonly role: Role;
  readonly gold: number;
  readonly found: number;
  readonly goldNumber: number;
  readonly foundNumber: number;
  readonly flags: number;
  /** Flags the annotation cannot judge (see `judged`), left out of `flags`. */
  readonly unjudged: number;
  readonly correctFlags: number;
  readonly numberFlags: number;
  readonly correctNumberFlags: number;
  /** Flags that cite a pair annotated as compatible (and no discrepancy). */
  readonly compatibleFlagged: number;
  readonly byKind: ReadonlyMap<string, { gold: number; found: number }>;
  readonly missed: readonly AnnotatedPair[];
  readonly wrong: readonly Flag[];
  /** Why each missed discrepancy was lost (system runs only). */
  readonly causes?: ReadonlyMap<AnnotatedPair, MissCause>;
}

/**
 * Kinds a sub-event read for numbers only ("read": "numbers") may hold unannotated: the reader read every sentence with
 * a figure, an ordinal or a superlative (so number, time and superlative flags are judged) but not every quote,
 * negation, ordering or other fact. Such a flag that cites no annotated discrepancy can be neither right nor wrong.
 */
const UNREAD_IN_NUMBERS: ReadonlySet<string> = new Set(['quote', 'negation', 'sequence', 'other']);

/**
 * The kind a sub-event read for everything but numbers ("read": "kinds") may hold unannotated: the reader read every
 * sentence about the event for times, orderings, rankings, quotes, negations and other facts, but did not check every
 * figure. A number flag that cites no annotated discrepancy there can be neither right nor wrong.
 */
const UNREAD_IN_KINDS: ReadonlySet<string> = new Set(['number']);

/** Whether the annotation of `sub` can judge a flag that cites none of its discrepancies. */
export function judged(sub: Pick<AnnotatedSubEvent, 'read'>, flag: Flag): boolean {
  if (sub.read === 'numbers') return !UNREAD_IN_NUMBERS.has(flag.kind);
  if (sub.read === 'kinds') return !UNREAD_IN_KINDS.has(flag.kind);
  return true;
}

export function scoreSubEvent(sub: AnnotatedSubEvent, all: readonly Flag[]): SubEventScore {
  const found = sub.discrepancies.filter((d) => all.some((f) => flagMatches(f, d)));
  const flags = all.filter((f) => judged(sub, f) || sub.discrepancies.some((d) => flagMatches(f, d)));
  const correct = flags.filter((f) => sub.discrepancies.some((d) => flagMatches(f, d)));
  const wrong = flags.filter((f) => !correct.includes(f));
  const byKind = new Map<string, { gold: number; found: number }>();
  for (const d of sub.discrepancies) {
    const k = d.kind ?? 'other';
    const row = byKind.get(k) ?? { gold: 0, found: 0 };
    byKind.set(k, { gold: row.gold + 1, found: row.found + (found.includes(d) ? 1 : 0) });
  }
  const numberGold = sub.discrepancies.filter((d) => d.kind === 'number');
  const numberFlags = flags.filter((f) => f.kind === 'number');
  return {
    id: sub.id,
    role: sub.role,
    gold: sub.discrepancies.length,
    found: found.length,
    goldNumber: numberGold.length,
    foundNumber: numberGold.filter((d) => found.includes(d)).length,
    flags: flags.length,
    unjudged: all.length - flags.length,
    correctFlags: correct.length,
    numberFlags: numberFlags.length,
    correctNumberFlags: numberFlags.filter((f) => numberGold.some((d) => flagMatches(f, d))).length,
    compatibleFlagged: wrong.filter((f) => sub.compatible.some((c) => flagMatches(f, c))).length,
    byKind,
    missed: sub.discrepancies.filter((d) => !found.includes(d)),
    wrong,
  };
}

const ratio = (a: number, b: number, empty = 1): number => (b ? a / b : empty);

/** Recall, precision and their number-only versions summed over sub-events (micro-averaged). */
export function summarize(scores: readonly SubEventScore[]): BenchMetrics {
  const sum = (f: (s: SubEventScore) => number): number => scores.reduce((t, s) => t + f(s), 0);
  const perSubNumeric = scores.filter((s) => s.goldNumber > 0).map((s) => s.foundNumber / s.goldNumber);
  return {
    conflictRecall: ratio(sum((s) => s.found), sum((s) => s.gold)),
    conflictPrecision: ratio(sum((s) => s.correctFlags), sum((s) => s.flags)),
    numericRecall: ratio(sum((s) => s.foundNumber), sum((s) => s.goldNumber)),
    numericPrecision: ratio(sum((s) => s.correctNumberFlags), sum((s) => s.numberFlags)),
    minSubEventNumericRecall: perSubNumeric.length ? Math.min(...perSubNumeric) : 1,
    compatibleFlagged: sum((s) => s.compatibleFlagged),
    flags: sum((s) => s.flags),
    unjudgedFlags: sum((s) => s.unjudged),
    discrepancies: sum((s) => s.gold),
  };
}

// ---------- running the analyze path ----------

function articleOf(doc: EcbDocument): Article {
  // Each ECB+ document is one outlet; its name stands in for the outlet and the file it came from.
  return plainTextArticle(doc.text, {
    id: doc.name,
    source: { path: `${doc.topic}/${doc.name}.txt` },
    meta: { outlet: doc.name, language: 'en' },
    encoding: null,
  });
}

/** The report of the full pipeline over one sub-event's documents as a corpus, through the analyze use-case. */
async function analyzeSubEvent(docs: readonly EcbDocument[]): Promise<Report> {
  const store = await openStore(':memory:');
  try {
    return await analyzeArticles({ store, ctx: createContext() }, docs.map(articleOf));
  } finally {
    await store.close();
  }
}

/** Split folders to search for annotated sub-events: the one given, then its siblings (train holds the tuning set). */
function splitFolders(data: string): string[] {
  const parent = dirname(data);
  const siblings = ['train', 'dev'].map((s) => join(parent, s)).filter((d) => d !== data && existsSync(d));
  return [data, ...siblings];
}

function fmt(x: number): string {
  return x.toFixed(2);
}

function roleMetrics(prefix: string, scores: readonly SubEventScore[]): BenchMetrics {
  if (!scores.length) return {};
  const m = summarize(scores);
  return {
    [`${prefix}ConflictRecall`]: m.conflictRecall ?? 0,
    [`${prefix}ConflictPrecision`]: m.conflictPrecision ?? 0,
    [`${prefix}NumericRecall`]: m.numericRecall ?? 0,
    [`${prefix}UnjudgedFlags`]: m.unjudgedFlags ?? 0,
  };
}

/** Recall of each kind of discrepancy over some sub-events, as "kind found/gold" lines (system beside baseline). */
export function kindRecall(system: readonly SubEventScore[], baseline: readonly SubEventScore[]): string[] {
  const kinds = new Map<string, { gold: number; found: number; baseFound: number }>();
  for (const s of system) {
    const base = baseline.find((b) => b.id === s.id);
    for (const [k, v] of s.byKind) {
      const row = kinds.get(k) ?? { gold: 0, found: 0, baseFound: 0 };
      kinds.set(k, { gold: row.gold + v.gold, found: row.found + v.found, baseFound: row.baseFound + (base?.byKind.get(k)?.found ?? 0) });
    }
  }
  return [...kinds].map(([k, v]) => `  ${k.padEnd(12)} ${v.found}/${v.gold} (${fmt(ratio(v.found, v.gold))})  baseline ${v.baseFound}/${v.gold}`);
}

export const run: BenchRun = async (options) => {
  const data = resolve(options.data ?? fileURLToPath(new URL('ecbplus/dev', SHARED_BENCH)));
  if (!existsSync(data)) throw new BenchDataMissing(data, 'an ECB+ split folder of <topic>/*.xml');
  const annotation = loadAnnotation();
  const given = basename(data);
  const docsBySub = new Map<string, EcbDocument[]>();
  for (const folder of splitFolders(data)) {
    const wanted = new Set(annotation.filter((s) => !docsBySub.has(s.id)).map((s) => s.id.split('_')[0]));
    if (!wanted.size) break;
    for (const doc of loadEcbSplit(folder, { rejoinWords: true })) {
      if (!wanted.has(doc.topic)) continue;
      (docsBySub.get(doc.subtopic) ?? docsBySub.set(doc.subtopic, []).get(doc.subtopic))?.push(doc);
    }
  }
  const system: SubEventScore[] = [];
  const baseline: SubEventScore[] = [];
  const notes: string[] = [];
  const table: string[] = ['sub-event      role       read     gold found  num  flags ok  compat unjudged | baseline found flags ok'];
  const falseKinds = new Map<string, number>();
  for (const sub of annotation) {
    const docs = docsBySub.get(sub.id);
    if (!docs?.length) {
      notes.push(`${sub.id}: not found under ${data} or its sibling splits; skipped`);
      continue;
    }
    const byName = new Map(docs.map((d) => [d.name, d]));
    const unknown = [...sub.discrepancies, ...sub.compatible].flatMap((p) => [...p.a, ...p.b]).filter((l) => !byName.get(l[0])?.tokens.some((t) => t.sentence === l[1]));
    if (unknown.length) notes.push(`${sub.id}: annotated locations missing from the data: ${unknown.map((l) => key(l)).join(', ')}`);
    options.log(`conflicts: analyzing ${sub.id} (${docs.length} documents)`);
    const report = await analyzeSubEvent(docs);
    const scored = scoreSubEvent(sub, reportFlags(report, byName));
    const mine: SubEventScore = { ...scored, causes: new Map(scored.missed.map((d) => [d, missCause(d, report, byName)])) };
    const base = scoreSubEvent(sub, baselineFlags(docs));
    system.push(mine);
    baseline.push(base);
    for (const f of mine.wrong) falseKinds.set(`${sub.role} ${f.kind}`, (falseKinds.get(`${sub.role} ${f.kind}`) ?? 0) + 1);
    table.push(
      `${sub.id.padEnd(14)} ${sub.role.padEnd(10)} ${sub.read.padEnd(8)} ${String(mine.gold).padStart(4)} ${String(mine.found).padStart(5)} ${`${mine.foundNumber}/${mine.goldNumber}`.padStart(4)} ${String(mine.flags).padStart(6)} ${String(mine.correctFlags).padStart(2)} ${String(mine.compatibleFlagged).padStart(6)} ${String(mine.unjudged).padStart(8)} | ${String(base.found).padStart(14)} ${String(base.flags).padStart(5)} ${String(base.correctFlags).padStart(2)}`,
    );
    // Only tuning sub-events show their misses and false flags: dev sub-events confirm what tuning found and untouched
    // ones are reported apart, so neither is read while tuning (PARALLAX_CONFLICTS_SHOW_DEV=1 prints dev details after the fact).
    if (sub.role === 'tuning' || (sub.role === 'dev' && process.env.PARALLAX_CONFLICTS_SHOW_DEV === '1')) {
      for (const d of mine.missed) notes.push(`  ${sub.id} missed [${d.kind ?? 'other'}] ${d.label} -- ${d.kind === 'time' ? timeMissCause(d, report, byName) : (mine.causes?.get(d) ?? '')}`);
      for (const f of mine.wrong) {
        const compatible = sub.compatible.find((c) => flagMatches(f, c));
        notes.push(`  ${sub.id} false flag [${f.kind}] ${f.a.map(key).join(',')} vs ${f.b.map(key).join(',')}${compatible ? ` (annotated compatible: ${compatible.label})` : ''}`);
      }
    }
  }
  if (!system.length) throw new BenchDataMissing(data, 'none of the annotated ECB+ sub-events');
  // Headline figures cover the sub-events of the split given; tuning/dev/untouched figures follow.
  const inGiven = (s: SubEventScore): boolean => annotation.find((a) => a.id === s.id)?.split === given;
  const headline = system.some(inGiven) ? system.filter(inGiven) : system;
  const headlineBase = baseline.filter((b) => headline.some((s) => s.id === b.id));
  const byRole = (list: readonly SubEventScore[], role: Role): SubEventScore[] => list.filter((s) => s.role === role);
  const metrics: BenchMetrics = {
    ...summarize(headline),
    ...roleMetrics('tuning', byRole(system, 'tuning')),
    ...roleMetrics('dev', byRole(system, 'dev')),
    ...roleMetrics('untouched', byRole(system, 'untouched')),
    ...roleMetrics('whole', system),
  };
  const baselineMetrics: BenchMetrics = {
    ...summarize(headlineBase),
    ...roleMetrics('tuning', byRole(baseline, 'tuning')),
    ...roleMetrics('dev', byRole(baseline, 'dev')),
    ...roleMetrics('untouched', byRole(baseline, 'untouched')),
  };
  const kinds = new Map<string, { gold: number; found: number; baseFound: number }>();
  headline.forEach((s, i) => {
    for (const [k, v] of s.byKind) {
      const row = kinds.get(k) ?? { gold: 0, found: 0, baseFound: 0 };
      kinds.set(k, { gold: row.gold + v.gold, found: row.found + v.found, baseFound: row.baseFound + (headlineBase[i]?.byKind.get(k)?.found ?? 0) });
    }
  });
  // Miss causes over every sub-event (counts only, so untouched ones add no reading of their output).
  const causeCounts = new Map<string, number>();
  for (const s of system) for (const [d, c] of s.causes ?? []) causeCounts.set(`${d.kind === 'number' ? 'number' : 'other kinds'}: ${c}`, (causeCounts.get(`${d.kind === 'number' ? 'number' : 'other kinds'}: ${c}`) ?? 0) + 1);
  const causeLines = [...causeCounts].sort((x, y) => x[0].localeCompare(y[0])).map(([c, n]) => `  ${c}: ${n}`);
  const kindLines = [...kinds].map(([k, v]) => `  ${k.padEnd(12)} ${v.found}/${v.gold} (${fmt(ratio(v.found, v.gold))})  baseline ${v.baseFound}/${v.gold}`);
  return {
    bench: 'conflicts',
    data: options.data ?? null,
    metrics,
    baseline: { name: 'different numbers before the same noun', metrics: baselineMetrics },
    notes: [
      `headline metrics: sub-events of the '${given}' split (${headline.map((s) => s.id).join(', ')}); flags of kinds a 'numbers' reading did not cover (${[...UNREAD_IN_NUMBERS].join(', ')}) that cite no annotated discrepancy, and number flags of a 'kinds' reading that cite none, are unjudged, outside precision`,
      ...table,
      'recall by kind (headline sub-events):',
      ...kindLines,
      'recall by kind (tuning sub-events):',
      ...kindRecall(byRole(system, 'tuning'), byRole(baseline, 'tuning')),
      'misses by cause (all sub-events):',
      ...causeLines,
      'false flags by role and kind (counts only):',
      ...[...falseKinds].sort((x, y) => x[0].localeCompare(y[0])).map(([k, n]) => `  ${k}: ${n}`),
      ...notes,
    ],
  };
};
