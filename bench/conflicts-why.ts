// `conflicts-why` bench: for each number discrepancy of the tuning sub-events the analyze path misses, the layer that loses it and why.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../src/core/article.js';
import { createContext } from '../src/core/context.js';
import { plainTextArticle } from '../src/core/article.js';
import { defaultPipeline } from '../src/pipeline/registry.js';
import { runPipeline } from '../src/pipeline/runner.js';
import { CLAIMS_DEFAULTS, numberVerdicts, storiesOf } from '../src/corpus/claims/index.js';
import { alignClaims, apartByMagnitude, figureFramesOf, figurePairVerdict, similarityOf } from '../src/corpus/claims/align-claims.js';
import { compareMentionsAll } from '../src/corpus/claims/compare-mentions.js';
import { corpusIndexes, extractMentions, type MentionDraft } from '../src/corpus/claims/extract-mentions.js';
import { loadEcbSplit, type EcbDocument } from './data/ecbplus.js';
import { flagMatches, loadAnnotation, sentencesOf, type AnnotatedPair, type Location } from './conflicts.js';
import { BenchDataMissing, SHARED_BENCH, type BenchRun } from './types.js';

/** The reasons a missed number discrepancy is lost, from the first layer to the last. */
export type WhyMissed =
  | 'no claim for one side'
  | 'never paired as candidates'
  | 'paired, keys differ'
  | 'paired, judged compatible'
  | 'paired, an update'
  | 'paired, kept apart by the claim pass'
  | 'story split';

/** The reason class of a figure verdict line of `numberVerdicts` or `figurePairVerdict`. */
export function reasonClass(line: string): WhyMissed {
  const verdict = line.includes(' -- ') ? line.slice(line.lastIndexOf(' -- ') + 4) : line;
  if (verdict.startsWith('update') || verdict === 'past state' || verdict === 'tally scope') return 'paired, an update';
  if (verdict.startsWith('compatible')) return 'paired, judged compatible';
  if (verdict.startsWith('key') || verdict.includes('ambiguous') || verdict === 'different quakes' || verdict === 'hypothetical') return 'paired, keys differ';
  return 'paired, kept apart by the claim pass';
}

function articleOf(doc: EcbDocument): Article {
  return plainTextArticle(doc.text, { id: doc.name, source: { path: `${doc.topic}/${doc.name}.txt` }, meta: { outlet: doc.name, language: 'en' }, encoding: null });
}

const at = (docs: ReadonlyMap<string, EcbDocument>, l: Location) => (m: MentionDraft): boolean => {
  const doc = docs.get(l[0]);
  return m.compared.cite.article === l[0] && doc !== undefined && sentencesOf(doc, m.compared.cite.start, m.compared.cite.end).includes(l[1]);
};

interface Diagnosis {
  readonly why: WhyMissed;
  readonly detail: readonly string[];
}

/** Why the pair is missed in one story's mentions (the last layer any cross pair of its sides reaches). */
function diagnose(pair: AnnotatedPair, mentions: readonly MentionDraft[], docs: ReadonlyMap<string, EcbDocument>): Diagnosis {
  const figured = (l: Location): number[] => mentions.flatMap((m, i) => (at(docs, l)(m) && m.compared.facts.quantities.some((q) => q.unit !== null) ? [i] : []));
  const sideA = pair.a.flatMap(figured);
  const sideB = pair.b.flatMap(figured);
  if (!sideA.length || !sideB.length) return { why: 'no claim for one side', detail: [`figured mentions: a ${sideA.length}, b ${sideB.length}`] };
  const { sim, pairs, figurePairs } = similarityOf(mentions, CLAIMS_DEFAULTS);
  const drafts = alignClaims(mentions, CLAIMS_DEFAULTS);
  const claimOf = new Map<MentionDraft, number>();
  drafts.forEach((d, i) => d.mentions.forEach((m) => claimOf.set(m, i)));
  const linked = new Set(pairs.map(([x, y]) => `${x}:${y}`));
  const figure = new Set(figurePairs.map(([x, y]) => `${x}:${y}`));
  const frames = figureFramesOf();
  const cross = sideA.flatMap((x) => sideB.filter((y) => mentions[x]?.compared.cite.article !== mentions[y]?.compared.cite.article).map((y) => [Math.min(x, y), Math.max(x, y)] as const));
  const candidates = cross.filter(([x, y]) => linked.has(`${x}:${y}`) || figure.has(`${x}:${y}`));
  if (!candidates.length) return { why: 'never paired as candidates', detail: cross.slice(0, 4).map(([x, y]) => `sim ${sim(x, y).toFixed(2)}`) };
  // The most advanced layer any candidate pair reaches decides the reason.
  const rank: WhyMissed[] = ['paired, keys differ', 'paired, kept apart by the claim pass', 'paired, an update', 'paired, judged compatible'];
  let best: Diagnosis | null = null;
  for (const [x, y] of candidates) {
    const a = mentions[x] as MentionDraft;
    const b = mentions[y] as MentionDraft;
    const verdicts = numberVerdicts(a.compared, b.compared);
    const disagree = compareMentionsAll(a.compared, b.compared).find((d) => d.kind === 'number');
    let d: Diagnosis;
    if (disagree) {
      const sameClaim = claimOf.get(a) === claimOf.get(b);
      const fp = figurePairVerdict(a, b, sim(x, y), CLAIMS_DEFAULTS.linkThreshold, frames);
      const gap = disagree.quantities && apartByMagnitude(disagree.quantities.a, disagree.quantities.b) ? 'too far apart to be one figure' : null;
      const evolving = drafts[claimOf.get(a) ?? -1]?.evolution || drafts[claimOf.get(b) ?? -1]?.evolution ? 'update: an evolving figure' : null;
      const reason = evolving ?? (sameClaim ? 'same claim, no conflict kept' : fp ?? gap ?? 'another conflict already links the claims');
      d = { why: reason.startsWith('update') ? 'paired, an update' : gap && !fp ? 'paired, judged compatible' : 'paired, kept apart by the claim pass', detail: [`sim ${sim(x, y).toFixed(2)}: ${reason}`] };
    } else {
      const classes = verdicts.map(reasonClass);
      const top = rank.filter((r) => classes.includes(r)).pop() ?? 'paired, keys differ';
      d = { why: top, detail: [`sim ${sim(x, y).toFixed(2)}`, ...verdicts] };
    }
    if (!best || rank.indexOf(d.why) > rank.indexOf(best.why)) best = d;
  }
  return best as Diagnosis;
}

export const run: BenchRun = async (options) => {
  const data = resolve(options.data ?? fileURLToPath(new URL('ecbplus/train', SHARED_BENCH)));
  if (!existsSync(data)) throw new BenchDataMissing(data, 'the ECB+ train split');
  const tuning = loadAnnotation().filter((s) => s.role === 'tuning');
  const wanted = new Set(tuning.map((s) => s.id.split('_')[0]));
  const bySub = new Map<string, EcbDocument[]>();
  for (const doc of loadEcbSplit(data, { rejoinWords: true })) {
    if (wanted.has(doc.topic)) (bySub.get(doc.subtopic) ?? bySub.set(doc.subtopic, []).get(doc.subtopic))?.push(doc);
  }
  const notes: string[] = [];
  const counts = new Map<WhyMissed, number>();
  for (const sub of tuning) {
    const list = bySub.get(sub.id) ?? [];
    const missing = sub.discrepancies.filter((d) => d.kind === 'number');
    if (!list.length || !missing.length) continue;
    options.log(`conflicts-why: ${sub.id}`);
    const docs = new Map(list.map((d) => [d.name, d]));
    const corpus = runPipeline(defaultPipeline(), list.map(articleOf), createContext());
    const idx = corpusIndexes(corpus, corpus.quoteGroups);
    const flagsFound = new Set<AnnotatedPair>();
    const stories = storiesOf(corpus).map((s) => s.articles.map((id) => idx.byId.get(id)).filter((a): a is Article => a !== undefined));
    const byStory = stories.map((articles) => extractMentions(articles, idx, CLAIMS_DEFAULTS));
    for (const claim of corpus.claims) {
      for (const c of claim.conflicts) {
        const [x, y] = c.cites;
        if (!x || !y) continue;
        const side = (cite: typeof x): Location[] => sentencesOf(docs.get(cite.article) ?? { tokens: [] }, cite.start, cite.end).map((s): Location => [cite.article, s]);
        for (const d of missing) if (flagMatches({ kind: c.kind, a: side(x), b: side(y) }, d)) flagsFound.add(d);
      }
    }
    for (const d of missing) {
      if (flagsFound.has(d)) continue;
      const together = byStory.filter((ms) => d.a.some((l) => ms.some(at(docs, l))) && d.b.some((l) => ms.some(at(docs, l))));
      const diagnosis: Diagnosis = together.length ? diagnose(d, together[0] as MentionDraft[], docs) : { why: 'story split', detail: [] };
      counts.set(diagnosis.why, (counts.get(diagnosis.why) ?? 0) + 1);
      notes.push(`${sub.id} [${d.label}] -- ${diagnosis.why}`, ...diagnosis.detail.map((x) => `    ${x}`));
    }
  }
  const metrics = Object.fromEntries([...counts].map(([k, v]) => [k.replace(/[^a-z]+/gi, '_'), v]));
  return { bench: 'conflicts-why', data: options.data ?? null, metrics, notes: ['missed number discrepancies of the tuning sub-events (one pipeline run per sub-event):', ...notes] };
};
