// Where the quotes stage loses gold attributions on the bench's train fold (models learned on the even train articles, the odd ones scored), step by step.
import { fileURLToPath } from 'node:url';
import { emptyLayers } from '../src/core/article.js';
import type { Span } from '../src/core/span.js';
import { CUE_VERBS, OBJECT_VERBS } from '../src/stages/quotes/cue-lexicon.js';
import { extractScoredQuotes, type CueDrop } from '../src/stages/quotes/extract-quotes.js';
import { QUOTES_DEFAULTS } from '../src/stages/quotes/index.js';
import { align, groupByCue, layersOf, loadDocs, matches, normalize, type Attribution, type Prediction } from '../bench/quotes.js';
import { learnCueModel } from '../bench/quotes-learn.js';
import { SHARED_BENCH } from '../bench/types.js';

/** Usage: tsx scripts/quote-losses.ts [train dir] [examples per step]. Reads train only. */
const dir = process.argv[2] || fileURLToPath(new URL('polnear/train/', SHARED_BENCH));
const show = Number(process.argv[3] ?? '0');
const all = loadDocs(dir).docs;
const learnFrom = all.filter((_, i) => i % 2 === 0);
const scored = all.filter((_, i) => i % 2 === 1);
const { model } = learnCueModel(learnFrom, layersOf(learnFrom));
const scoredLayers = layersOf(scored);

const overlaps = (a: readonly Span[], b: readonly Span[]): boolean => a.some((x) => b.some((y) => x.start < y.end && y.start < x.end));
const counts = new Map<string, number>();
const spanCounts = new Map<string, number>();
const spanExamples: string[] = [];
const examples = new Map<string, string[]>();
const cueWords = new Map<string, Map<string, number>>();
function note(step: string, text: string, g: Attribution, p?: Prediction): void {
  counts.set(step, (counts.get(step) ?? 0) + 1);
  const cue = (g.cue ?? []).map((s) => text.slice(s.start, s.end)).join(' ').toLowerCase();
  const words = cueWords.get(step) ?? new Map<string, number>();
  words.set(cue, (words.get(cue) ?? 0) + 1);
  cueWords.set(step, words);
  const list = examples.get(step) ?? [];
  if (list.length < show) {
    const spans = [...g.content, ...(g.source ?? []), ...(g.cue ?? [])];
    const a = Math.min(...spans.map((s) => s.start));
    const b = Math.max(...spans.map((s) => s.end));
    const src = (g.source ?? []).map((s) => text.slice(s.start, s.end)).join(' … ');
    list.push(`[${src}]${p ? ` pred [${p.source ? text.slice(p.source.start, p.source.end) : ''}]` : ''} <${cue}> ${text.slice(Math.max(0, a - 30), Math.min(b + 10, a + 260)).replace(/\s+/g, ' ')}`);
  }
  examples.set(step, list);
}

/** How a predicted content misses its gold one: which side of the cue each lies, and which end is off. */
function contentMiss(text: string, p: Prediction, g: Attribution): string {
  const pc = normalize(text, p.content);
  const gc = normalize(text, g.content);
  const cueAt = p.cue?.start ?? 0;
  const side = (spans: readonly Span[]): string => ((spans[0]?.start ?? 0) < cueAt ? 'before' : 'after');
  if (side(pc) !== side(gc)) return `content on the other side of the cue (gold ${side(gc)})`;
  const ps = pc[0]?.start ?? 0;
  const pe = pc[pc.length - 1]?.end ?? 0;
  const gs = gc[0]?.start ?? 0;
  const ge = gc[gc.length - 1]?.end ?? 0;
  const startOff = Math.abs(ps - gs) > 3 ? (ps < gs ? 'starts early' : 'starts late') : 'start ok';
  const endOff = Math.abs(pe - ge) > 3 ? (pe < ge ? 'ends early' : 'ends late') : 'end ok';
  return `content ${side(gc)} cue: ${startOff}, ${endOff}${gc.length > 1 ? ', gold in pieces' : ''}`;
}

const rightSpeaker = (text: string, p: Prediction | undefined, g: Attribution): boolean =>
  p?.source != null && g.source != null && matches(text, normalize(text, [p.source]), normalize(text, g.source), 'overlap');

for (const doc of scored) {
  const layers = scoredLayers.get(doc.name) ?? emptyLayers();
  const { text, gold } = doc;
  const final = groupByCue(extractScoredQuotes(text, layers, QUOTES_DEFAULTS, model).map((s) => s.quote));
  const drops: { cue: Span; drop: CueDrop }[] = [];
  const open = { ...QUOTES_DEFAULTS, minCuePrecision: 0, minAttributionProbability: 0 };
  const unfiltered = extractScoredQuotes(text, layers, open, model, false, (cue, drop) => drops.push({ cue, drop }));
  const every = groupByCue(unfiltered.map((s) => s.quote));
  // The speaker spans offered around the rules' one: the rules' own, the one the source-bounds model keeps, the best offered.
  for (const s of unfiltered) {
    const cue = s.quote.cue;
    const g = cue ? gold.find((x) => x.source && x.cue?.some((c) => c.start < cue.end && cue.start < c.end)) : undefined;
    if (!g?.source || !s.bounds?.length || !s.quote.speaker) continue;
    const right = (span: Span): boolean => matches(text, normalize(text, [span]), normalize(text, g.source ?? []), 'overlap');
    const rule = right(s.bounds[0]?.span ?? s.quote.speaker);
    const kept = right(s.quote.speaker);
    const offered = s.bounds.some((b) => right(b.span));
    const key = `rules ${rule ? 'right' : 'wrong'}, kept ${kept ? 'right' : 'wrong'}, ${offered ? 'a right one offered' : 'none right offered'}`;
    spanCounts.set(key, (spanCounts.get(key) ?? 0) + 1);
    const best = s.bounds.find((b) => right(b.span));
    if (!rule && !kept && best && spanExamples.length < show * 4) {
      const cut = (x: Span): string => text.slice(x.start, x.end).replace(/\s+/g, ' ');
      spanExamples.push(`rules [${cut(s.bounds[0]?.span ?? s.quote.speaker)}] kept [${cut(s.quote.speaker)}] offered [${cut(best.span)}] gold [${g.source.map(cut).join(' … ')}]`);
    }
  }
  const byGold = (preds: readonly Prediction[]): Map<number, Prediction> => {
    const out = new Map<number, Prediction>();
    for (const [p, g] of align(text, preds, gold, 'overlap')) out.set(g, preds[p] as Prediction);
    return out;
  };
  const finalOf = byGold(final);
  const everyOf = byGold(every);
  gold.forEach((g, j) => {
    if (!g.source) return;
    const kind = g.quoted ? 'quoted' : 'prose';
    const f = finalOf.get(j);
    if (f) {
      if (rightSpeaker(text, f, g)) note(`${kind} 0 right`, text, g);
      else if (!f.source) note(`${kind} 1 content found, no speaker`, text, g, f);
      else note(`${kind} 2 content found, ${overlaps([f.source], g.source) ? 'speaker span off' : 'wrong speaker'}`, text, g, f);
      return;
    }
    const e = everyOf.get(j);
    if (e) {
      note(`${kind} 3 filtered: ${rightSpeaker(text, e, g) ? 'right one dropped' : 'speaker wrong too'}`, text, g, e);
      return;
    }
    const cue = g.cue ?? [];
    const sameCue = every.find((p) => p.cue && overlaps([p.cue], cue));
    if (sameCue) {
      note(`${kind} 4 cue found, content wrong (speaker ${rightSpeaker(text, sameCue, g) ? 'right' : 'wrong'})`, text, g, sameCue);
      note(`${kind} 4x ${contentMiss(text, sameCue, g)}`, text, g);
      return;
    }
    const drop = drops.find((d) => overlaps([d.cue], cue));
    if (drop) {
      note(`${kind} 5 cue passed, ${drop.drop}`, text, g);
      return;
    }
    if (!cue.length) {
      note(`${kind} 6 no cue in gold`, text, g);
      return;
    }
    const words = cue.flatMap((s) => text.slice(s.start, s.end).split(/\s+/)).filter(Boolean);
    const known = words.some((w) => CUE_VERBS.has(w) || OBJECT_VERBS.has(w) || model.rate(w.toLowerCase()) >= QUOTES_DEFAULTS.learnedCueRate);
    note(`${kind} 7 no candidate cue (${known ? 'cue word known' : 'cue word unknown'})`, text, g);
  });
}

const total = (kind: string): number => [...counts].filter(([k]) => k.startsWith(kind) && !k.startsWith(`${kind} 4x`)).reduce((n, [, c]) => n + c, 0);
for (const kind of ['prose', 'quoted']) {
  const n = total(kind);
  process.stdout.write(`\n${kind}: ${n} gold attributions with a Source (train fold, odd articles)\n`);
  for (const [step, c] of [...counts].filter(([k]) => k.startsWith(kind)).sort()) {
    const top = [...(cueWords.get(step) ?? [])].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([w, k]) => `${w} ${k}`).join(', ');
    process.stdout.write(`  ${step.slice(kind.length + 1).padEnd(44)} ${String(c).padStart(5)} ${((100 * c) / n).toFixed(1).padStart(5)}%  ${top}\n`);
    for (const ex of examples.get(step) ?? []) process.stdout.write(`      ${ex}\n`);
  }
}
process.stdout.write('\nspeaker spans of unfiltered quotes whose cue overlaps a gold Cue with a Source (overlap rule):\n');
for (const [k, c] of [...spanCounts].sort()) process.stdout.write(`  ${k.padEnd(60)} ${c}\n`);
for (const ex of spanExamples) process.stdout.write(`      ${ex}\n`);
