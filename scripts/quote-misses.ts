// Error analysis for the quotes bench: classifies speaker errors and content misses on a PolNeAR split (use train).
import { emptyLayers } from '../src/core/article.js';
import { createContext } from '../src/core/context.js';
import type { Span } from '../src/core/span.js';
import { runArticleStages } from '../src/pipeline/index.js';
import { entitiesStage } from '../src/stages/entities/index.js';
import { extractQuotes } from '../src/stages/quotes/index.js';
import { sentencesStage } from '../src/stages/sentences/index.js';
import { align, articleOf, groupByCue, loadDocs, matches, normalize, type Attribution, type Doc, type Prediction } from '../bench/quotes.js';

const dir = process.argv[2] ?? '../shared/bench/polnear/train';
const show = Number(process.argv[3] ?? '3');
const only = process.argv[4] ?? '';

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

function analyse(doc: Doc, preds: readonly Prediction[]): void {
  const { text } = doc;
  const link = align(text, preds, doc.gold, 'overlap');
  const matchedGold = new Set(link.values());
  for (const [pi, gi] of link) {
    const p = preds[pi];
    const g = doc.gold[gi];
    if (!p || !g?.source) continue;
    if (p.source && matches(text, normalize(text, [p.source]), normalize(text, g.source), 'overlap')) continue;
    const cls = `${g.quoted ? 'Q' : 'U'} ${speakerClass(text, p, g)}`;
    note(cls, `gold=[${textOf(text, g.source)}] pred=[${p.source ? text.slice(p.source.start, p.source.end) : ''}] :: ${context(text, g)}`);
  }
  doc.gold.forEach((g, gi) => {
    if (matchedGold.has(gi)) return;
    const cue = textOf(text, g.cue).toLowerCase().trim();
    const near = preds.some((p) => normalize(text, p.content).some((a) => normalize(text, g.content).some((b) => a.start < b.end && b.start < a.end)));
    const overlapping = preds.filter((p) => p.content.some((a) => g.content.some((b) => a.start < b.end && b.start < a.end)));
    const detail = `gold=[${g.content.map((s) => clip(text.slice(s.start, s.end), 70)).join(' ‖ ')}] pred=${overlapping.map((p) => `[${p.content.map((s) => clip(text.slice(s.start, s.end), 70)).join(' ‖ ')}]`).join(' ')}`;
    note(`${g.quoted ? 'Q' : 'U'} missed-content ${near ? 'boundary' : 'none'} cue=${cue}`, near ? detail : context(text, g));
  });
  preds.forEach((p, pi) => {
    const words = p.content.reduce((n, s) => n + text.slice(s.start, s.end).split(/\s+/).length, 0);
    note(`${p.quoted ? 'Q' : 'U'} outcome cue=${p.cue ? 'yes' : 'no'} how=${p.how} words${words <= 4 ? '<=4' : words <= 10 ? '<=10' : '>10'} ${/[.!?]\s*$/.test(text.slice(0, p.content[p.content.length - 1]?.end ?? 0)) ? 'final' : 'open'} ${link.has(pi) ? 'TP' : 'FP'}`, '');
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
const sorted = [...classes.entries()].filter(([k]) => k.includes(only)).sort((a, b) => b[1].n - a[1].n);
for (const [cls, { n, examples }] of sorted.slice(0, 120)) {
  console.log(`${String(n).padStart(5)}  ${cls}`);
  for (const e of examples) console.log(`         ${e}`);
}
