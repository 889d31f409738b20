// `brief-rank` bench: does the claim score put event sentences first? ECB+ annotators chose the sentences about each seminal event; P@8 of claims in them.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { plainTextArticle, type Article } from '../src/core/article.js';
import { createContext } from '../src/core/context.js';
import type { Claim } from '../src/core/corpus.js';
import { defaultPipeline, runPipeline } from '../src/pipeline/index.js';
import { storiesOf } from '../src/corpus/claims/index.js';
import { claimFeatures, claimScore, RANK_WEIGHTS, storyProfile, type ClaimFeatures, type RankWeights } from '../src/corpus/brief/rank-claims.js';
import { loadEcbSplit, type EcbDocument } from './data/ecbplus.js';
import { BenchDataMissing, SHARED_BENCH, type BenchMetrics, type BenchRun } from './types.js';

/** Documents per sub-event, as in the `brief` bench; lines a capped brief section shows. */
const STORY_SIZE = 5;
const TOP_K = 8;

interface Scored {
  readonly features: ClaimFeatures;
  readonly singleSource: boolean;
  /** Some mention lies in a sentence the annotators marked as about the seminal event. */
  readonly central: boolean;
  /** Position in the claims list: the order the brief used before it was ranked. */
  readonly order: number;
}

function annotatedSentences(csv: string): Set<string> {
  const out = new Set<string>();
  for (const line of csv.split('\n').slice(1)) {
    const [topic, file, sentence] = line.trim().split(',');
    if (topic && file && sentence) out.add(`${topic}_${file}#${sentence}`);
  }
  return out;
}

/** The ECB+ sentence number at a character offset of a rebuilt document (its tokens are in text order). */
function sentenceAt(doc: EcbDocument, offset: number): number {
  let lo = 0;
  let hi = doc.tokens.length - 1;
  let best = doc.tokens[0]?.sentence ?? -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = doc.tokens[mid]!;
    if (t.start <= offset) {
      best = t.sentence;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** Every claim of every sub-event (its first STORY_SIZE documents through the whole pipeline), with its features. */
function scoredClaims(dir: string, annotated: ReadonlySet<string>): Scored[][] {
  const docs = loadEcbSplit(dir);
  const out: Scored[][] = [];
  for (const subtopic of [...new Set(docs.map((d) => d.subtopic))]) {
    const members = docs.filter((d) => d.subtopic === subtopic).slice(0, STORY_SIZE);
    if (members.length < 3) continue;
    const byName = new Map(members.map((d) => [d.name, d]));
    const articles = members.map((d) => plainTextArticle(d.text, { id: d.name, source: { path: `${d.name}.txt` }, meta: { outlet: d.name, language: 'en' }, encoding: null }));
    const corpus = runPipeline(defaultPipeline(), articles, createContext());
    const byId = new Map<string, Article>(corpus.articles.map((a) => [a.id, a]));
    const duplicateOf = new Map(corpus.duplicates.map((d) => [d.article, d.duplicateOf]));
    for (const story of storiesOf(corpus)) {
      const claims = corpus.claims.filter((c) => c.story === story.id);
      if (claims.length < TOP_K) continue;
      const profile = storyProfile(story.articles.map((id) => byId.get(id)).filter((a): a is Article => a !== undefined), story.title, duplicateOf);
      const central = (c: Claim): boolean => c.mentions.some((m) => {
        const doc = byName.get(m.article);
        return doc !== undefined && annotated.has(`${doc.name}#${sentenceAt(doc, m.start)}`);
      });
      out.push(claims.map((c, order) => ({ features: claimFeatures(c, profile, byId), singleSource: c.status === 'single-source', central: central(c), order })));
    }
  }
  return out;
}

/** Mean over stories of the share of central claims among the first TOP_K of an order. */
function precisionAtK(stories: readonly Scored[][], rank: (s: Scored) => number, filter: (s: Scored) => boolean = () => true): number {
  const values = stories
    .map((claims) => claims.filter(filter))
    .filter((claims) => claims.length >= TOP_K)
    .map((claims) => {
      const top = [...claims].sort((a, b) => rank(b) - rank(a) || a.order - b.order).slice(0, TOP_K);
      return top.filter((s) => s.central).length / TOP_K;
    });
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : 0;
}

/** A small grid around the chosen weights: which mix best puts event sentences first on the tuning split. */
function grid(): RankWeights[] {
  const out: RankWeights[] = [];
  for (const spread of [0.2, 0.35, 0.5])
    for (const centrality of [0, 0.1, 0.2, 0.25, 0.4])
      for (const lede of [0, 0.1, 0.25, 0.35, 0.4, 0.5])
        for (const specifics of [0, 0.05, 0.1, 0.2]) out.push({ spread, outlets: 0.05, centrality, lede, specifics });
  return out;
}

const ONLY = (key: keyof ClaimFeatures): RankWeights => ({ spread: 0, outlets: 0, centrality: 0, lede: 0, specifics: 0, [key]: 1 });

export const run: BenchRun = async ({ data, log }) => {
  const root = data ? resolve(data) : join(fileURLToPath(SHARED_BENCH), 'ecbplus');
  const csv = join(root, 'ECBplus_coreference_sentences.train_dev.csv');
  if (!existsSync(csv)) throw new BenchDataMissing(root, 'ecbplus with its sentence list');
  const annotated = annotatedSentences(readFileSync(csv, 'utf8'));
  const splits = { train: scoredClaims(join(root, 'train'), annotated), dev: scoredClaims(join(root, 'dev'), annotated) };
  const metrics: Record<string, number> = {};
  const single = (s: Scored): boolean => s.singleSource;
  for (const [name, stories] of Object.entries(splits)) {
    const all = stories.flat();
    metrics[`${name}.stories`] = stories.length;
    metrics[`${name}.centralShare`] = all.filter((s) => s.central).length / (all.length || 1);
    metrics[`${name}.p@8.score`] = precisionAtK(stories, (s) => claimScore(s.features));
    metrics[`${name}.p@8.claimOrder`] = precisionAtK(stories, (s) => -s.order);
    metrics[`${name}.single.p@8.score`] = precisionAtK(stories, (s) => claimScore(s.features), single);
    metrics[`${name}.single.p@8.claimOrder`] = precisionAtK(stories, (s) => -s.order, single);
    for (const key of Object.keys(RANK_WEIGHTS) as (keyof ClaimFeatures)[]) {
      metrics[`${name}.p@8.only.${key}`] = precisionAtK(stories, (s) => claimScore(s.features, ONLY(key)));
    }
  }
  // Tuned on train only; dev is read once for the weights train prefers and once for the chosen ones.
  const ranked = grid()
    .map((w) => ({ w, p: precisionAtK(splits.train, (s) => claimScore(s.features, w)) }))
    .sort((a, b) => b.p - a.p);
  const best = ranked[0];
  if (best) {
    metrics['train.p@8.bestOfGrid'] = best.p;
    metrics['dev.p@8.bestOfGrid'] = precisionAtK(splits.dev, (s) => claimScore(s.features, best.w));
    log(`best train weights of ${ranked.length}: ${JSON.stringify(best.w)}`);
    for (const r of ranked.slice(0, 5)) log(`  train p@8 ${r.p.toFixed(3)} ${JSON.stringify(r.w)}`);
    // Corroboration is what the brief is for and this proxy cannot see it: the best mix at each spread weight.
    for (const spread of [...new Set(ranked.map((r) => r.w.spread))].sort()) {
      const top = ranked.find((r) => r.w.spread === spread);
      if (top) log(`  spread ${spread}: train p@8 ${top.p.toFixed(3)} ${JSON.stringify(top.w)}`);
    }
  }
  return {
    bench: 'brief-rank',
    data: data ?? null,
    metrics: metrics as BenchMetrics,
    notes: [`central = a mention in a sentence ECB+ annotators marked as about the seminal event; stories = first ${STORY_SIZE} documents of a sub-event with >= ${TOP_K} claims`],
  };
};
