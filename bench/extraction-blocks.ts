// Experiment: a logistic classifier over a page's text blocks, fitted on the extraction bench's tuning third, beside the density step on each third (`npx tsx bench/extraction-blocks.ts [DATA]`).
//
// Each visible text block of a page the density step was confident on gets general features (length, link density,
// commas, sentence end, block tag, whether the density step kept it, where it stands to the kept blocks, whether a
// near ancestor is page furniture) and its class/id words as learned weights; its label is whether most of its
// 4-word shingles are in the benchmark's gold text. The kept blocks pass the page-furniture filter as the chain's do.
// Not used by the extractor: it did not beat the density step on the confirm third (docs/benchmarks.md, `extraction` row).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { declaredCharset } from '../src/ingest/decode-bytes.js';
import { densityExtract, isFurniture } from '../src/ingest/density-extract.js';
import { dropPageFurniture } from '../src/ingest/drop-page-furniture.js';
import { BLOCK_TAGS, INVISIBLE_TAGS, collapseSpace, isElement, parseHtml, type AnyNode, type Element } from '../src/ingest/html-dom.js';
import { decodeBytes, extractHtml } from '../src/ingest/index.js';
import { stripNoise } from '../src/ingest/strip-noise.js';
import { scoreOutputs, sliceOf, type Slice } from './extraction.js';
import { SHARED_BENCH } from './types.js';

interface Gold {
  readonly articleBody: string;
  readonly url: string;
}

interface Block {
  readonly text: string;
  /** The innermost block element holding the text. */
  readonly element: Element;
  readonly linkChars: number;
}

/** Visible text blocks in reading order, each with its innermost block element and the characters inside links. */
function textBlocks(root: AnyNode): Block[] {
  const out: Block[] = [];
  const open: Element[] = [];
  let buf = '';
  let linkChars = 0;
  const flush = (): void => {
    const text = collapseSpace(buf);
    const element = open[open.length - 1];
    if (text && element) out.push({ text, element, linkChars });
    buf = '';
    linkChars = 0;
  };
  const walk = (node: AnyNode, inLink: boolean): void => {
    if (node.type === 'text') {
      buf += node.data;
      if (inLink) linkChars += collapseSpace(node.data).length;
      return;
    }
    if (!isElement(node)) {
      if (node.type === 'root') for (const c of node.children) walk(c, inLink);
      return;
    }
    if (INVISIBLE_TAGS.has(node.name)) return;
    if (node.name === 'br') return flush();
    const block = BLOCK_TAGS.has(node.name);
    if (block) {
      flush();
      open.push(node);
    }
    for (const c of node.children) walk(c, inLink || node.name === 'a');
    if (block) {
      flush();
      open.pop();
    }
  };
  walk(root, false);
  flush();
  return out;
}

const TOKEN_RE = /[\p{L}\p{N}_]+/gu;
const TAGS = new Set(['p', 'li', 'td', 'div', 'h2', 'h3', 'h4', 'blockquote', 'span', 'section', 'article', 'dd', 'figcaption', 'header', 'footer']);
/** Class/id words are read on the block and this many ancestors. */
const CLASS_LEVELS = 4;

type Features = Map<string, number>;

function features(block: Block, kept: boolean, position: number, before: boolean, after: boolean): Features {
  const f: Features = new Map();
  const words = block.text.split(' ').length;
  f.set('bias', 1);
  f.set('log-chars', Math.log1p(block.text.length) / 5);
  f.set('link-density', block.linkChars / Math.max(1, block.text.length));
  f.set('commas-per-10-words', Math.min(5, (block.text.split(',').length - 1) / Math.max(1, words / 10)) / 5);
  f.set('sentence-end', /[.!?…]["”’»)]?$/.test(block.text) ? 1 : 0);
  f.set('under-6-words', words < 6 ? 1 : 0);
  f.set('kept-by-density', kept ? 1 : 0);
  f.set('before-kept', before ? 1 : 0);
  f.set('after-kept', after ? 1 : 0);
  f.set('position', position);
  f.set(`tag:${TAGS.has(block.element.name) ? block.element.name : 'other'}`, 1);
  let furniture = 0;
  let level = 0;
  for (let el: AnyNode | null = block.element; el && isElement(el) && level < CLASS_LEVELS; el = el.parent, level++) {
    if (isFurniture(el, level < 3)) furniture = 1;
    for (const word of `${el.attribs['class'] ?? ''} ${el.attribs['id'] ?? ''}`.toLowerCase().split(/[^a-z]+/)) if (word.length >= 3) f.set(`class:${word}`, 1);
  }
  f.set('in-furniture', furniture);
  return f;
}

function shingles(text: string): { readonly set: Set<string>; readonly tokens: string[] } {
  const tokens = text.match(TOKEN_RE) ?? [];
  const set = new Set<string>();
  for (let i = 0; i + 4 <= tokens.length; i++) set.add(tokens.slice(i, i + 4).join(' '));
  return { set, tokens };
}

/** Share of a block's shingles (its tokens, when it has fewer than four) found in the gold text. */
function goldShare(text: string, gold: ReturnType<typeof shingles>, goldTokens: ReadonlySet<string>): number {
  const s = shingles(text);
  if (s.set.size) return [...s.set].filter((x) => gold.set.has(x)).length / s.set.size;
  return s.tokens.length ? s.tokens.filter((t) => goldTokens.has(t)).length / s.tokens.length : 0;
}

interface Sample {
  readonly page: string;
  readonly slice: Slice;
  readonly features: Features;
  readonly label: 0 | 1;
  readonly text: string;
  readonly kept: boolean;
}

type Weights = Map<string, number>;

/** The features that carry the density step's verdict. */
const DENSITY_FEATURES = new Set(['kept-by-density', 'before-kept', 'after-kept']);

const logit = (w: Weights, f: Features): number => {
  let z = 0;
  for (const [k, v] of f) z += (w.get(k) ?? 0) * v;
  return z;
};

/** L2-regularized logistic regression by full-batch gradient descent. */
function fit(samples: readonly Sample[], l2: number, iterations = 400, rate = 0.5): Weights {
  const w: Weights = new Map();
  for (let it = 0; it < iterations; it++) {
    const grad = new Map<string, number>();
    for (const s of samples) {
      const err = 1 / (1 + Math.exp(-logit(w, s.features))) - s.label;
      for (const [k, v] of s.features) grad.set(k, (grad.get(k) ?? 0) + err * v);
    }
    for (const [k, g] of grad) w.set(k, (w.get(k) ?? 0) - rate * (g / samples.length + l2 * (w.get(k) ?? 0)));
  }
  return w;
}

function main(): void {
  const root = process.argv[2] ? path.resolve(process.argv[2]) : fileURLToPath(new URL('article-extraction/', SHARED_BENCH));
  const goldFile = existsSync(root) ? readdirSync(root).find((f) => /^ground-truth.*\.json$/.test(f)) : undefined;
  if (!goldFile) throw new Error(`no ground-truth.*.json in ${root}`);
  const gold = JSON.parse(readFileSync(path.join(root, goldFile), 'utf8')) as Record<string, Gold>;
  const ids = Object.keys(gold).sort();
  const chain = new Map<string, string>();
  const samples: Sample[] = [];
  for (const [i, id] of ids.entries()) {
    const file = [`${id}.html.gz`, `${id}.html`].map((f) => path.join(root, 'html', f)).find((f) => existsSync(f));
    if (!file) continue;
    const raw = readFileSync(file);
    const bytes = file.endsWith('.gz') ? gunzipSync(raw) : raw;
    const decoded = decodeBytes(bytes, declaredCharset(bytes.subarray(0, 2048).toString('latin1')));
    const html = decoded.ok ? decoded.text : '';
    const r = extractHtml(html, gold[id]?.url ?? null);
    chain.set(id, r.text);
    // pages the chain sent past the density step keep their text: the classifier is a rival of the density step only
    if (r.extractedBy !== 'density') continue;
    const doc = parseHtml(stripNoise(html));
    const kept = new Set(densityExtract(doc).paragraphs);
    const blocks = textBlocks(doc);
    const g = shingles(gold[id]?.articleBody ?? '');
    const goldTokens = new Set(g.tokens);
    const first = blocks.findIndex((b) => kept.has(b.text));
    let last = -1;
    blocks.forEach((b, k) => {
      if (kept.has(b.text)) last = k;
    });
    blocks.forEach((b, k) => {
      const label = goldShare(b.text, g, goldTokens) >= 0.5 ? 1 : 0;
      samples.push({ page: id, slice: sliceOf(i), features: features(b, kept.has(b.text), k / blocks.length, k < first, k > last), label, text: b.text, kept: kept.has(b.text) });
    });
  }
  const train = samples.filter((s) => s.slice === 'tuning');
  const byPage = new Map<string, Sample[]>();
  for (const s of samples) byPage.set(s.page, [...(byPage.get(s.page) ?? []), s]);
  const fmt = (m: Record<string, number>): string => `${(m['f1'] ?? 0).toFixed(4)} (P ${(m['precision'] ?? 0).toFixed(4)} R ${(m['recall'] ?? 0).toFixed(4)})`;
  // with the density step's verdict as a feature (the classifier may overrule it), and without (it replaces the step)
  const runs = [{ l2: 0.001, density: true }, { l2: 0.01, density: true }, { l2: 0.1, density: true }, { l2: 0.01, density: false }];
  for (const { l2, density } of runs) {
    const withoutDensity = (s: Sample): Sample => ({ ...s, features: new Map([...s.features].filter(([k]) => !DENSITY_FEATURES.has(k))) });
    const w = fit(density ? train : train.map(withoutDensity), l2);
    const top = [...w].sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, 12);
    console.log(`L2 ${l2}, ${density ? 'with' : 'without'} the density step's verdict: largest weights ${top.map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`);
    for (const slice of ['tuning', 'confirm', 'untouched'] as const) {
      const part = Object.fromEntries(ids.filter((_, i) => sliceOf(i) === slice).map((id) => [id, gold[id] as Gold]));
      const mine = new Map(chain);
      let flipped = 0;
      for (const [id, blocks] of byPage) {
        if (!(id in part)) continue;
        const keep = blocks.filter((s) => logit(w, s.features) >= 0);
        flipped += blocks.filter((s) => logit(w, s.features) >= 0 !== s.kept).length;
        mine.set(id, dropPageFurniture(keep.map((s) => s.text)).kept.join('\n'));
      }
      console.log(`  ${slice.padEnd(9)} chain ${fmt(scoreOutputs(part, chain))}, classifier ${fmt(scoreOutputs(part, mine))}; blocks decided otherwise than the density step: ${flipped}`);
    }
  }
}

main();
