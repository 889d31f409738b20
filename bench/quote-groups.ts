// `quotegroups` bench: cross-outlet same-remark pairs annotated on ECB+ sub-events, scored for Parallax's quote groups beside exact-match grouping.
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { plainTextArticle, type Article } from '../src/core/article.js';
import { createContext } from '../src/core/context.js';
import type { CorpusResult, QuoteGroup, QuoteRef } from '../src/core/corpus.js';
import { aliasesStage } from '../src/corpus/aliases/index.js';
import { groupQuotes, quoteWords, readQuote } from '../src/corpus/quote-groups/index.js';
import { runPipeline } from '../src/pipeline/index.js';
import { ARTICLE_STAGES } from '../src/pipeline/registry.js';
import { loadEcbSplit, type EcbDocument } from './data/ecbplus.js';
import { BenchDataMissing, SHARED_BENCH, type BenchResult, type BenchRun } from './types.js';

/** One remark as it appears in several outlets: "doc:sentence" occurrences (ECB+ document name, ECB+ sentence number). */
export interface GoldRemark {
  readonly label: string;
  readonly at: readonly string[];
}

export interface GoldSubEvent {
  /** tune: thresholds were chosen here; confirm: scored while working; untouched: scored once, at the end. */
  readonly split: 'train' | 'dev';
  readonly role: 'tune' | 'confirm' | 'untouched';
  readonly remarks: readonly GoldRemark[];
}

export interface Gold {
  readonly subEvents: Readonly<Record<string, GoldSubEvent>>;
}

export const GOLD_PATH = new URL('./data/quote-groups-ecbplus.json', import.meta.url);

export function loadGold(): Gold {
  return JSON.parse(readFileSync(GOLD_PATH, 'utf8')) as Gold;
}

/** An ECB+ document as an article, plus where each ECB+ sentence starts in its text. */
export interface EcbQuoteArticle {
  readonly doc: EcbDocument;
  readonly article: Article;
  readonly lineStarts: readonly number[];
  readonly lineSentence: readonly number[];
}

const NO_SPACE_BEFORE = /^(?:[.,;:!?%)\]}\u201d]|'s|'re|'ve|'ll|'d|'m|n't|\u2019s)$/i;
const NO_SPACE_AFTER = /^[([{$\u201c]$/;

/**
 * ECB+ stores quotation marks as Penn Treebank tokens (`` and '') or as bare " tokens; the outlets printed them as
 * opening and closing marks, so the text is rebuilt with “ and ” (a bare " opens or closes by turns through the
 * document, since a quotation may run over several sentences). Each ECB+ sentence becomes one line; sentence 0 of an
 * ecbplus document (its source URL) is left out, as the shared reader does. ECB+ keeps no paragraph breaks, so the
 * sentences are joined by spaces as in one paragraph: a quotation that runs over several sentences stays one span.
 */
export function ecbQuoteArticle(doc: EcbDocument): EcbQuoteArticle {
  let text = '';
  let open = false;
  let prev = '';
  let sentence = -1;
  const lineStarts: number[] = [];
  const lineSentence: number[] = [];
  for (const t of doc.tokens) {
    if (t.sentence !== sentence) {
      if (text) text += ' ';
      sentence = t.sentence;
      lineStarts.push(text.length);
      lineSentence.push(sentence);
      prev = '';
    }
    // Some documents glue a bare " to the word it opens or closes ("Yes): it is split off as a mark of its own.
    const glued = /^(")?(.*?)(")?$/.exec(t.text);
    const pieces = t.text.length > 1 && glued ? [glued[1], glued[2], glued[3]].filter((p): p is string => Boolean(p)) : [t.text];
    for (const piece of pieces) {
      let word = piece;
      if (word === '``') word = '\u201c';
      else if (word === "''") word = '\u201d';
      else if (word === '"') word = open ? '\u201d' : '\u201c';
      if (word === '\u201c') open = true;
      if (word === '\u201d') open = false;
      if (prev && !NO_SPACE_BEFORE.test(word) && !NO_SPACE_AFTER.test(prev)) text += ' ';
      text += word;
      prev = word;
    }
  }
  const article = plainTextArticle(text, { id: doc.name, encoding: null, meta: {} });
  return { doc, article, lineStarts, lineSentence };
}

/** ECB+ sentence numbers a character range covers. */
export function sentencesOf(a: EcbQuoteArticle, start: number, end: number): number[] {
  const out: number[] = [];
  a.lineStarts.forEach((s, i) => {
    const e = a.lineStarts[i + 1] ?? Number.POSITIVE_INFINITY;
    if (s < end && e > start) out.push(a.lineSentence[i] ?? -1);
  });
  return out;
}

/** The article stages and the alias stage over one sub-event's documents, as `parallax analyze` would run them. */
export function analyseSubEvent(docs: readonly EcbDocument[]): { corpus: CorpusResult; byId: Map<string, EcbQuoteArticle> } {
  const items = docs.map(ecbQuoteArticle);
  const corpus = runPipeline({ articleStages: ARTICLE_STAGES, corpusStages: [aliasesStage] }, items.map((i) => i.article), createContext());
  const byId = new Map(items.map((i) => [i.article.id, { ...i, article: corpus.articles.find((a) => a.id === i.article.id) ?? i.article }]));
  return { corpus, byId };
}

/** The baseline: quotes whose words are exactly the same (case and punctuation aside) form one group. */
export function exactMatchGroups(corpus: CorpusResult): QuoteGroup[] {
  const byWords = new Map<string, QuoteRef[]>();
  for (const a of corpus.articles) {
    a.layers.quotes.forEach((q, index) => {
      const key = quoteWords(a.text.slice(q.start, q.end)).join(' ');
      if (key) byWords.set(key, [...(byWords.get(key) ?? []), { article: a.id, index }]);
    });
  }
  return [...byWords.values()]
    .filter((refs) => new Set(refs.map((r) => r.article)).size > 1)
    .map((quotes, i) => ({ id: `x${i + 1}`, speaker: null, quotes, relation: 'identical' as const, differences: [] }));
}

interface Score {
  readonly goldPairs: number;
  readonly found: number;
  readonly predicted: number;
  readonly correct: number;
  readonly reachable: number;
}

const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);
const docOf = (occurrence: string): string => occurrence.slice(0, occurrence.lastIndexOf(':'));

/** Cross-document occurrence pairs of every remark. */
export function goldPairs(remarks: readonly GoldRemark[]): Set<string> {
  const out = new Set<string>();
  for (const r of remarks) {
    for (let i = 0; i < r.at.length; i++) {
      for (let j = i + 1; j < r.at.length; j++) {
        const a = r.at[i] ?? '';
        const b = r.at[j] ?? '';
        if (docOf(a) !== docOf(b)) out.add(pairKey(a, b));
      }
    }
  }
  return out;
}

/** A quotation in marks (direct, partial, or indirect speech with quoted words): what the annotation covers. */
function isQuotation(byId: ReadonlyMap<string, EcbQuoteArticle>, ref: QuoteRef): boolean {
  const article = byId.get(ref.article)?.article;
  const q = article?.layers.quotes[ref.index];
  return article !== undefined && q !== undefined && readQuote(article.text.slice(q.start, q.end), q.kind).verbatim;
}

/**
 * Pairs of grouped quotations from different documents (paraphrase without quotation marks is outside the
 * annotation, so it is left out on both sides). A predicted pair is right when some sentence of one quote and some
 * sentence of the other form a gold pair; a gold pair is found when some predicted pair covers it.
 */
export function scoreGroups(allGroups: readonly QuoteGroup[], byId: ReadonlyMap<string, EcbQuoteArticle>, gold: ReadonlySet<string>): Score {
  const groups = allGroups.map((g) => ({ ...g, quotes: g.quotes.filter((r) => isQuotation(byId, r)) }));
  const occurrencesOf = (ref: QuoteRef): string[] => {
    const item = byId.get(ref.article);
    const q = item?.article.layers.quotes[ref.index];
    return item && q ? sentencesOf(item, q.start, q.end).map((s) => `${ref.article}:${s}`) : [];
  };
  const found = new Set<string>();
  const predicted = new Set<string>();
  let correct = 0;
  for (const g of groups) {
    const occ = g.quotes.map(occurrencesOf);
    for (let i = 0; i < g.quotes.length; i++) {
      for (let j = i + 1; j < g.quotes.length; j++) {
        if (g.quotes[i]?.article === g.quotes[j]?.article) continue;
        const key = pairKey((occ[i] ?? []).join(','), (occ[j] ?? []).join(','));
        if (predicted.has(key)) continue;
        predicted.add(key);
        let hit = false;
        for (const a of occ[i] ?? []) for (const b of occ[j] ?? []) if (gold.has(pairKey(a, b))) { hit = true; found.add(pairKey(a, b)); }
        if (hit) correct++;
      }
    }
  }
  // A gold pair is reachable when the quote stage found a quote over both sentences: the ceiling for any grouping.
  const quoted = new Set<string>();
  for (const item of byId.values()) for (const q of item.article.layers.quotes) for (const s of sentencesOf(item, q.start, q.end)) quoted.add(`${item.article.id}:${s}`);
  const reachable = [...gold].filter((p) => p.split('|').every((o) => quoted.has(o))).length;
  return { goldPairs: gold.size, found: found.size, predicted: predicted.size, correct, reachable };
}

function add(a: Score, b: Score): Score {
  return { goldPairs: a.goldPairs + b.goldPairs, found: a.found + b.found, predicted: a.predicted + b.predicted, correct: a.correct + b.correct, reachable: a.reachable + b.reachable };
}

const ZERO: Score = { goldPairs: 0, found: 0, predicted: 0, correct: 0, reachable: 0 };
const ratio = (n: number, d: number): number => (d === 0 ? 1 : n / d);

export const run: BenchRun = async (options): Promise<BenchResult> => {
  const dataDirs = options.data
    ? [resolve(options.data)]
    : ['train', 'dev'].map((s) => fileURLToPath(new URL(`ecbplus/${s}`, SHARED_BENCH)));
  for (const d of dataDirs) if (!existsSync(d)) throw new BenchDataMissing(d, 'an ECB+ split folder of <topic>/*.xml');
  const gold = loadGold();
  const metrics: Record<string, number> = {};
  const baseMetrics: Record<string, number> = {};
  const notes: string[] = [];
  const byRole = new Map<string, { ours: Score; base: Score }>();
  for (const dir of dataDirs) {
    const docs = loadEcbSplit(dir);
    const subEvents = [...new Set(docs.map((d) => d.subtopic))].filter((s) => gold.subEvents[s]);
    for (const sub of subEvents) {
      const g = gold.subEvents[sub];
      if (!g) continue;
      const { corpus, byId } = analyseSubEvent(docs.filter((d) => d.subtopic === sub));
      const pairs = goldPairs(g.remarks);
      const ours = scoreGroups(groupQuotes(corpus), byId, pairs);
      const base = scoreGroups(exactMatchGroups(corpus), byId, pairs);
      const acc = byRole.get(g.role) ?? { ours: ZERO, base: ZERO };
      byRole.set(g.role, { ours: add(acc.ours, ours), base: add(acc.base, base) });
      notes.push(
        `${basename(dir)} ${sub.padEnd(11)} ${g.role.padEnd(9)} gold pairs ${String(ours.goldPairs).padStart(3)} (quoted ${String(ours.reachable).padStart(3)})  ` +
          `recall ${ratio(ours.found, ours.goldPairs).toFixed(2)} precision ${ratio(ours.correct, ours.predicted).toFixed(2)} (${ours.predicted} pairs)  ` +
          `exact-match recall ${ratio(base.found, base.goldPairs).toFixed(2)} precision ${ratio(base.correct, base.predicted).toFixed(2)} (${base.predicted} pairs)`,
      );
    }
  }
  for (const [role, { ours, base }] of [...byRole].sort()) {
    metrics[`${role}Recall`] = ratio(ours.found, ours.goldPairs);
    metrics[`${role}Precision`] = ratio(ours.correct, ours.predicted);
    metrics[`${role}GoldPairs`] = ours.goldPairs;
    metrics[`${role}QuotedCeiling`] = ratio(ours.reachable, ours.goldPairs);
    baseMetrics[`${role}Recall`] = ratio(base.found, base.goldPairs);
    baseMetrics[`${role}Precision`] = ratio(base.correct, base.predicted);
  }
  return { bench: 'quotegroups', data: options.data ?? null, metrics, baseline: { name: 'exact-match', metrics: baseMetrics }, notes };
};
