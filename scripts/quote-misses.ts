// Error analysis for the quotes bench: classifies speaker errors and content misses on a PolNeAR split (use train).
import { emptyLayers } from '../src/core/article.js';
import { createContext } from '../src/core/context.js';
import type { Span } from '../src/core/span.js';
import { runArticleStages } from '../src/pipeline/index.js';
import { entitiesStage } from '../src/stages/entities/index.js';
import { CUE_VERBS, OBJECT_VERBS } from '../src/stages/quotes/cue-lexicon.js';
import { LEARNED_CUES } from '../src/stages/quotes/cue-model.js';
import { extractQuotes } from '../src/stages/quotes/index.js';
import { sentencesStage } from '../src/stages/sentences/index.js';
import { align, articleOf, groupByCue, loadDocs, matches, normalize, type Attribution, type Doc, type Prediction } from '../bench/quotes.js';

const dir = process.argv[2] ?? '../shared/bench/polnear/train';
const show = Number(process.argv[3] ?? '3');
const only = process.argv[4] ?? '';
/** `summary` as the third argument: only the shares of missed gold attributions by category. */
const summary = only === 'summary';

const PRONOUN = /^(?:he|she|they|it|i|we|you|who|which|that)$/i;
const clip = (s: string, n = 160): string => (s.length > n ? `${s.slice(0, n)}…` : s).replace(/\s+/g, ' ');
const textOf = (text: string, spans: readonly Span[] | null): string => (spans ?? []).map((s) => text.slice(s.start, s.end)).join(' … ');

const classes = new Map<string, { n: number; examples: string[] }>();
function note(cls: string, example: string): void {
  const c = classes.get(cls) ?? { n: 0, examples: [] };
  c.n++;
  if (c.examples.length < show) c.examples.push(example);
  classes.set(cls, c);
}

/** The line of context around an attribution: from its first to its last character, sources and cue included. */
function context(text: string, g: Attribution): string {
  const all = [...g.content, ...(g.source ?? []), ...(g.cue ?? [])];
  const a = Math.min(...all.map((s) => s.start));
  const b = Math.max(...all.map((s) => s.end));
  return clip(text.slice(Math.max(0, a - 20), Math.min(text.length, b + 20)), 260);
}

function speakerClass(text: string, p: Prediction, g: Attribution): string {
  const gold = textOf(text, g.source).trim();
  const goldFirst = g.source?.[0]?.start ?? 0;
  const cueAt = g.cue?.[0]?.start ?? 0;
  const position = goldFirst < cueAt ? 'before-cue' : 'after-cue';
  const goldKind = PRONOUN.test(gold) ? 'pronoun' : /^(?:the|a|an)\s/i.test(gold) ? 'descriptive' : /^\p{Lu}/u.test(gold) ? 'name' : 'other';
  if (!p.source) return `no-speaker gold=${goldKind} ${position} how=${p.how}`;
  const overlap = p.source.start < (g.source?.[g.source.length - 1]?.end ?? 0) && p.source.end > goldFirst;
  return `wrong-speaker ${overlap ? 'boundary' : 'elsewhere'} gold=${goldKind} ${position} how=${p.how}`;
}

/** Where a gold attribution the stage missed falls: quoted, boundary, or by the kind of its cue. */
function missCategory(text: string, g: Attribution, preds: readonly Prediction[]): string {
  if (g.quoted) return 'quoted';
  const gc = normalize(text, g.content);
  const over = preds.find((p) => normalize(text, p.content).some((a) => gc.some((b) => a.start < b.end && b.start < a.end)));
  if (over) {
    const pc = normalize(text, over.content);
    const pSize = pc.reduce((n, s) => n + s.end - s.start, 0);
    const gSize = gc.reduce((n, s) => n + s.end - s.start, 0);
    const sentences = (spans: readonly Span[]): number => spans.reduce((n, s) => n + (text.slice(s.start, s.end).match(/[.!?]["”’]?\s+\p{Lu}/gu)?.length ?? 0), 0);
    const gEnd = gc[gc.length - 1]?.end ?? 0;
    const pEnd = pc[pc.length - 1]?.end ?? 0;
    if (pEnd > gEnd + 1 && (pc[0]?.start ?? 0) <= (gc[0]?.start ?? 0) + 5) {
      const after = text.slice(gEnd, Math.min(pEnd, gEnd + 30)).replace(/\s+/g, ' ');
      const k = after.match(/^\W*\w+/)?.[0]?.toLowerCase() ?? after;
      stopAfter.set(k, (stopAfter.get(k) ?? 0) + 1);
      if (stopExamples.length < show) stopExamples.push(`${clip(text.slice(gc[0]?.start ?? 0, gEnd), 100)} ⟦${clip(text.slice(gEnd, pEnd), 100)}⟧`);
    }
    return `prose boundary: prediction ${pSize > gSize ? 'longer' : 'shorter'}${sentences(gc) > 0 ? ', gold spans sentences' : ''}${sentences(pc) > 0 ? ', pred spans sentences' : ''}`;
  }
  if (!g.cue) return 'prose no-cue';
  const words = g.cue.map((s) => text.slice(s.start, s.end)).join(' ').split(/\s+/).filter(Boolean);
  const lower = words.map((w) => w.toLowerCase());
  if (lower.join(' ').includes('according to')) return 'prose cue=according to';
  const contentFirst = (g.content[0]?.start ?? 0) < (g.cue[0]?.start ?? 0);
  const where = contentFirst ? 'content before cue' : 'content after cue';
  const head = lower.some((w) => CUE_VERBS.has(w) || OBJECT_VERBS.has(w));
  if (head) return `prose known cue verb, ${where}`;
  const best = Math.max(0, ...lower.map((w) => LEARNED_CUES.rate(w)));
  if (best >= 0.5) return `prose learned cue >= 0.5, ${where}`;
  if (best >= 0.25) return `prose learned cue 0.25-0.5, ${where}`;
  return `prose weak/unseen cue < 0.25 (${words.length > 1 ? 'multi-word' : 'one word'}), ${where}`;
}

const missShares = new Map<string, number>();
let goldTotal = 0;
const missCues = new Map<string, number>();
const falseShares = new Map<string, number>();
const stopAfter = new Map<string, number>();
const stopExamples: string[] = [];

function analyse(doc: Doc, preds: readonly Prediction[]): void {
  const { text } = doc;
  const link = align(text, preds, doc.gold, 'overlap');
  const matchedGold = new Set(link.values());
  for (const [pi, gi] of link) {
    const p = preds[pi];
    const g = doc.gold[gi];
    if (!p || !g?.source) continue;
    if (p.source && matches(text, normalize(text, [p.source]), normalize(text, g.source), 'overlap')) continue;
    const k = `content matched, ${p.source ? 'wrong speaker (FP and FN)' : 'no speaker (FN)'}: ${g.quoted ? 'quoted' : 'prose'}`;
    falseShares.set(k, (falseShares.get(k) ?? 0) + 1);
    const cls = `${g.quoted ? 'Q' : 'U'} ${speakerClass(text, p, g)}`;
    note(cls, `gold=[${textOf(text, g.source)}] pred=[${p.source ? text.slice(p.source.start, p.source.end) : ''}] :: ${context(text, g)}`);
  }
  doc.gold.forEach((g, gi) => {
    goldTotal++;
    if (matchedGold.has(gi)) return;
    const category = missCategory(text, g, preds);
    missShares.set(category, (missShares.get(category) ?? 0) + 1);
    const cueText = `${category.slice(0, 24)} | ${textOf(text, g.cue).toLowerCase().replace(/\s+/g, ' ')}`;
    missCues.set(cueText, (missCues.get(cueText) ?? 0) + 1);
    const cue = textOf(text, g.cue).toLowerCase().trim();
    const near = preds.some((p) => normalize(text, p.content).some((a) => normalize(text, g.content).some((b) => a.start < b.end && b.start < a.end)));
    const overlapping = preds.filter((p) => p.content.some((a) => g.content.some((b) => a.start < b.end && b.start < a.end)));
    const detail = `gold=[${g.content.map((s) => clip(text.slice(s.start, s.end), 70)).join(' ‖ ')}] pred=${overlapping.map((p) => `[${p.content.map((s) => clip(text.slice(s.start, s.end), 70)).join(' ‖ ')}]`).join(' ')}`;
    note(`${g.quoted ? 'Q' : 'U'} missed-content ${near ? 'boundary' : 'none'} cue=${cue}`, near ? detail : context(text, g));
  });
  preds.forEach((p, pi) => {
    const words = p.content.reduce((n, s) => n + text.slice(s.start, s.end).split(/\s+/).length, 0);
    note(`${p.quoted ? 'Q' : 'U'} outcome cue=${p.cue ? 'yes' : 'no'} how=${p.how} words${words <= 4 ? '<=4' : words <= 10 ? '<=10' : '>10'} ${/[.!?]\s*$/.test(text.slice(0, p.content[p.content.length - 1]?.end ?? 0)) ? 'final' : 'open'} ${link.has(pi) ? 'TP' : 'FP'}`, '');
    if (p.source && !link.has(pi)) {
      const overlaps = doc.gold.some((g) => normalize(text, g.content).some((b) => normalize(text, p.content).some((a) => a.start < b.end && b.start < a.end)));
      const k = `speaker FP, content unmatched: ${p.quoted ? 'quoted' : 'prose'} ${overlaps ? 'boundary (gold overlaps < 50%)' : 'no gold content there'}`;
      falseShares.set(k, (falseShares.get(k) ?? 0) + 1);
    }
    if (link.has(pi)) return;
    const cue = p.cue ? text.slice(p.cue.start, p.cue.end).toLowerCase() : '-';
    const inGold = doc.gold.some((g) => normalize(text, g.content).some((b) => p.content.some((a) => a.start < b.end && b.start < a.end)));
    const golds = doc.gold.filter((g) => g.content.some((b) => p.content.some((a) => a.start < b.end && b.start < a.end)));
    const goldText = golds.map((g) => `[${g.content.map((s) => clip(text.slice(s.start, s.end), 90)).join(' ‖ ')}]`).join(' ');
    note(`${p.quoted ? 'Q' : 'U'} false-content ${inGold ? 'boundary' : 'none'} cue=${cue}`, `pred=[${clip(text.slice(p.content[0]?.start ?? 0, p.content[p.content.length - 1]?.end ?? 0), 120)}] gold=${goldText}`);
  });
}

const { docs } = loadDocs(dir);
const ctx = createContext();
for (const doc of docs) {
  const layers = runArticleStages(articleOf(doc), [sentencesStage, entitiesStage], ctx).layers;
  analyse(doc, groupByCue(extractQuotes(doc.text, layers ?? emptyLayers())));
}
if (summary) {
  const missed = [...missShares.values()].reduce((a, b) => a + b, 0);
  console.log(`gold attributions ${goldTotal}, content missed ${missed} (${((100 * missed) / goldTotal).toFixed(1)}%)`);
  for (const [category, n] of [...missShares].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(6)} ${((100 * n) / missed).toFixed(1).padStart(5)}%  ${category}`);
  for (const [category, n] of [...falseShares].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(6)}  ${category}`);
  console.log('where a longer prediction runs past the gold content end (first word after it):');
  console.log([...stopAfter].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, n]) => `${n} [${k}]`).join('  '));
  for (const e of stopExamples) console.log(`   ${e}`);
  if (show > 0) for (const [cue, n] of [...missCues].sort((a, b) => b[1] - a[1]).slice(0, show)) console.log(`${String(n).padStart(6)}  ${cue}`);
  process.exit(0);
}
const sorted = [...classes.entries()].filter(([k]) => k.includes(only)).sort((a, b) => b[1].n - a[1].n);
for (const [cls, { n, examples }] of sorted.slice(0, 120)) {
  console.log(`${String(n).padStart(5)}  ${cls}`);
  for (const e of examples) console.log(`         ${e}`);
}
