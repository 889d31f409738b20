// Alias bench: BCubed of our cross-document entity clusters over ECB+ gold proper-name entity chains.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadEcbSplit, type EcbDocument } from './data/ecbplus.js';
import { findEntities } from '../src/stages/entities/entities.js';
import { mergeAliases, type AliasMention } from '../src/corpus/aliases/merge-aliases.js';
import { BenchDataMissing, SHARED_BENCH, type BenchRun } from './types.js';
import type { EntityMention } from '../src/core/article.js';
import type { Span } from '../src/core/span.js';

/** Words that open a capitalised mention that is still not a name ("The police", "His wife"). */
const NOT_NAME_START = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'this', 'that', 'these', 'those', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'our', 'my', 'one', 'two', 'three', 'some', 'all', 'both']);

/**
 * "Proper-name mention": a gold entity mention (tag not ACTION/NEG_ACTION/TIME) in a cross-document chain whose
 * text starts with a capital letter and whose first word is not a determiner or pronoun.
 */
export function isProperName(tag: string, surface: string): boolean {
  if (/^(?:ACTION|NEG_ACTION|TIME)_/.test(tag)) return false;
  const first = surface.split(/\s+/)[0] ?? '';
  return /^\p{Lu}/u.test(first) && !NOT_NAME_START.has(first.toLowerCase());
}

interface GoldMention {
  readonly doc: number;
  readonly span: Span;
  readonly chain: string;
  readonly surface: string;
}

function goldMentions(docs: readonly EcbDocument[]): GoldMention[] {
  const out: GoldMention[] = [];
  docs.forEach((d, doc) => {
    const chainOf = new Map<string, string>();
    for (const [chain, ids] of d.chains) for (const id of ids) chainOf.set(id, chain);
    for (const m of d.mentions) {
      const chain = chainOf.get(m.mId);
      const surface = d.text.slice(m.start, m.end);
      if (chain && isProperName(m.tag, surface)) out.push({ doc, span: { start: m.start, end: m.end }, chain, surface });
    }
  });
  return out;
}

/** BCubed precision/recall/F1 of a predicted labelling against a gold labelling of the same items. */
export function bcubed(gold: readonly string[], predicted: readonly string[]): { precision: number; recall: number; f1: number } {
  const members = (labels: readonly string[]): Map<string, number[]> => {
    const m = new Map<string, number[]>();
    labels.forEach((l, i) => m.set(l, [...(m.get(l) ?? []), i]));
    return m;
  };
  const g = members(gold);
  const p = members(predicted);
  let precision = 0;
  let recall = 0;
  for (let i = 0; i < gold.length; i++) {
    const gs = g.get(gold[i]!)!;
    const ps = p.get(predicted[i]!)!;
    const both = ps.filter((j) => gold[j] === gold[i]).length;
    precision += both / ps.length;
    recall += both / gs.length;
  }
  const n = gold.length || 1;
  precision /= n;
  recall /= n;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** The predicted mention overlapping a gold span most, if any. */
function bestOverlap(pred: readonly (EntityMention & { cluster: string })[], span: Span): string | null {
  let best: string | null = null;
  let bestLen = 0;
  for (const p of pred) {
    const len = Math.min(p.end, span.end) - Math.max(p.start, span.start);
    if (len > bestLen) {
      bestLen = len;
      best = p.cluster;
    }
  }
  return best;
}

function analyse(gold: readonly GoldMention[], labels: readonly string[], log: string[]): void {
  const byPred = new Map<string, GoldMention[]>();
  const byGold = new Map<string, { m: GoldMention; label: string }[]>();
  gold.forEach((g, i) => {
    byPred.set(labels[i]!, [...(byPred.get(labels[i]!) ?? []), g]);
    byGold.set(g.chain, [...(byGold.get(g.chain) ?? []), { m: g, label: labels[i]! }]);
  });
  const merges = [...byPred.entries()]
    .map(([label, ms]) => ({ label, ms, chains: new Set(ms.map((m) => m.chain)).size }))
    .filter((x) => x.chains > 1)
    .sort((a, b) => b.chains - a.chains || b.ms.length - a.ms.length)
    .slice(0, 6);
  log.push('worst merges (one predicted entity over several gold chains):');
  for (const x of merges) {
    const perChain = new Map<string, Set<string>>();
    for (const m of x.ms) perChain.set(m.chain, (perChain.get(m.chain) ?? new Set()).add(m.surface));
    log.push(`  ${x.label}: ${x.chains} chains, ${x.ms.length} mentions: ${[...perChain.values()].map((s) => `{${[...s].slice(0, 3).join(' | ')}}`).join(' ')}`);
  }
  const splits = [...byGold.entries()]
    .map(([chain, ms]) => ({ chain, ms, parts: new Set(ms.map((m) => m.label)).size }))
    .filter((x) => x.parts > 1)
    .sort((a, b) => b.parts - a.parts || b.ms.length - a.ms.length)
    .slice(0, 6);
  log.push('worst splits (one gold chain over several predicted entities):');
  for (const x of splits) {
    const perLabel = new Map<string, Set<string>>();
    for (const { m, label } of x.ms) perLabel.set(label, (perLabel.get(label) ?? new Set()).add(m.surface));
    log.push(`  ${x.chain}: ${x.parts} parts, ${x.ms.length} mentions: ${[...perLabel.entries()].map(([l, s]) => `${l.startsWith('unmatched') ? 'no-NER' : l}{${[...s].slice(0, 3).join(' | ')}}`).join(' ')}`);
  }
}

export const run: BenchRun = async (options) => {
  const dir = options.data ?? fileURLToPath(new URL('ecbplus/dev', SHARED_BENCH));
  if (!existsSync(dir)) throw new BenchDataMissing(dir, 'an ECB+ split folder of <topic>/*.xml');
  const docs = loadEcbSplit(dir);
  const perDoc = docs.map((d) => {
    // The loader puts each sentence on its own line.
    const sentences: Span[] = [];
    let at = 0;
    for (const line of d.text.split('\n')) {
      if (line.trim()) sentences.push({ start: at, end: at + line.length });
      at += line.length + 1;
    }
    return findEntities(d.text, sentences);
  });
  const mentions: AliasMention[] = [];
  const owner: { doc: number; index: number }[] = [];
  perDoc.forEach((ents, doc) =>
    ents.forEach((e, index) => {
      mentions.push({ article: `d${doc}`, canonical: e.canonical, type: e.type, surface: docs[doc]!.text.slice(e.start, e.end), how: e.how });
      owner.push({ doc, index });
    }),
  );
  const label = (labels: readonly string[]): string[] => {
    const pred = perDoc.map((ents) => ents.map((e) => ({ ...e, cluster: '' })));
    labels.forEach((l, k) => {
      const o = owner[k]!;
      pred[o.doc]![o.index]!.cluster = l;
    });
    return gold.map((g, i) => bestOverlap(pred[g.doc]!, g.span) ?? `unmatched:${i}`);
  };
  const gold = goldMentions(docs);
  const clusters = mergeAliases(mentions);
  const ours = new Array<string>(mentions.length);
  clusters.forEach((c, i) => c.mentions.forEach((k) => (ours[k] = `e${i + 1}:${c.name}`)));
  const exact = mentions.map((m) => `${m.type}:${m.canonical}`);
  const goldLabels = gold.map((g) => g.chain);
  const mine = label(ours);
  const s = bcubed(goldLabels, mine);
  const b = bcubed(goldLabels, label(exact));
  const covered = mine.filter((l) => !l.startsWith('unmatched')).length;
  const notes = [
    `aliases: ${docs.length} documents, ${gold.length} gold proper-name mentions in ${new Set(goldLabels).size} chains; ${covered} overlap an NER mention`,
  ];
  analyse(gold, mine, notes);
  return {
    bench: 'aliases',
    data: options.data ?? null,
    metrics: { bcubedF1: s.f1, precision: s.precision, recall: s.recall, nerCoverage: covered / (gold.length || 1) },
    baseline: { name: 'exact-canonical', metrics: { bcubedF1: b.f1, precision: b.precision, recall: b.recall } },
    notes,
  };
};
