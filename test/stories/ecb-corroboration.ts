// ECB+ read-out: per gold sub-topic, the share of claims corroborated by two or more documents, and a sample to read by hand.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { plainTextArticle, type Article } from '../../src/core/article.js';
import { createContext } from '../../src/core/context.js';
import { emptyCorpus, type Claim, type CorpusResult, type Story } from '../../src/core/corpus.js';
import { ARTICLE_STAGES, runArticleStages } from '../../src/pipeline/index.js';
import { duplicatesStage } from '../../src/corpus/duplicates/index.js';
import { aliasesStage } from '../../src/corpus/aliases/index.js';
import { quoteGroupsStage } from '../../src/corpus/quote-groups/index.js';
import { claimsStage } from '../../src/corpus/claims/index.js';
import { loadEcbSplit, type EcbDocument } from '../../bench/data/ecbplus.js';

export interface SubtopicShare {
  readonly subtopic: string;
  readonly documents: number;
  readonly claims: number;
  readonly corroborated: number;
  readonly share: number;
}

function articleOf(doc: EcbDocument): Article {
  return plainTextArticle(doc.text, {
    id: doc.name,
    source: { path: `${doc.topic}/${doc.name}.xml` },
    meta: { outlet: doc.name, language: 'en' },
    encoding: null,
  });
}

/** Runs the article stages, then duplicates, aliases, quote groups and claims over gold sub-topic stories. */
export function analyzeEcb(dir: string): { corpus: CorpusResult; shares: SubtopicShare[] } {
  const ctx = createContext();
  const docs = loadEcbSplit(dir);
  const articles = docs.map((d) => runArticleStages(articleOf(d), ARTICLE_STAGES, ctx));
  const subtopics = [...new Set(docs.map((d) => d.subtopic))];
  const stories: Story[] = subtopics.map((s) => ({ id: s, title: s, articles: docs.filter((d) => d.subtopic === s).map((d) => d.name), events: [] }));
  let corpus: CorpusResult = emptyCorpus(articles);
  for (const stage of [duplicatesStage, aliasesStage]) corpus = { ...corpus, ...stage.run(corpus, ctx, stage.defaults as never) };
  corpus = { ...corpus, stories };
  corpus = { ...corpus, ...quoteGroupsStage.run(corpus, ctx, quoteGroupsStage.defaults) };
  corpus = { ...corpus, ...claimsStage.run(corpus, ctx, claimsStage.defaults) };
  const shares = stories.map((s) => {
    const claims = corpus.claims.filter((c) => c.story === s.id);
    const corroborated = claims.filter((c) => c.status === 'corroborated').length;
    return { subtopic: s.id, documents: s.articles.length, claims: claims.length, corroborated, share: claims.length ? corroborated / claims.length : 0 };
  });
  return { corpus, shares };
}

/** Every k-th corroborated claim across sub-topics, so the sample spreads over the split. */
export function sampleCorroborated(claims: readonly Claim[], count: number): Claim[] {
  const pool = claims.filter((c) => c.status === 'corroborated');
  const step = Math.max(1, Math.floor(pool.length / count));
  return pool.filter((_, i) => i % step === 0).slice(0, count);
}

if (process.argv[1]?.endsWith('ecb-corroboration.ts')) {
  const dir = process.argv[2] ?? resolve(process.cwd(), '../shared/bench/ecbplus/dev');
  if (!existsSync(dir)) {
    process.stderr.write(`ECB+ not found at ${dir}; pass the dev folder as the first argument\n`);
    process.exit(1);
  }
  const { corpus, shares } = analyzeEcb(dir);
  const out = (s: string): void => void process.stdout.write(`${s}\n`);
  out('subtopic       docs  claims  corroborated  share');
  for (const s of shares) out(`${s.subtopic.padEnd(14)} ${String(s.documents).padStart(4)} ${String(s.claims).padStart(7)} ${String(s.corroborated).padStart(13)}  ${s.share.toFixed(3)}`);
  const total = shares.reduce((a, s) => ({ c: a.c + s.claims, k: a.k + s.corroborated }), { c: 0, k: 0 });
  out(`all: ${total.c} claims, ${total.k} corroborated (${(total.k / (total.c || 1)).toFixed(3)})`);
  const texts = new Map(corpus.articles.map((a) => [a.id, a.text]));
  for (const c of sampleCorroborated(corpus.claims, 20)) {
    out(`\n${c.id} [${c.story}] ${c.independentSources} sources`);
    for (const m of c.mentions.slice(0, 4)) out(`   ${m.article}: ${(texts.get(m.article) ?? '').slice(m.start, m.end).replace(/\s+/g, ' ')}`);
  }
}
