// Article-extraction benchmark (Zyte): 4-word-shingle P/R/F1 and exact match for our chain vs Readability.js alone, and CPU speed of the whole HTML path.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Article } from '../src/core/article.js';
import { DEFAULT_EXTRACTION_OPTIONS, decodeBytes, extractHtml, toArticle, type StepLap } from '../src/ingest/index.js';
import { declaredCharset, decodeHtmlBytes } from '../src/ingest/decode-bytes.js';
import { dateFromUrl } from '../src/ingest/normalize-date.js';
import { BenchDataMissing, SHARED_BENCH, type BenchMetrics, type BenchRun } from './types.js';

interface Gold {
  readonly articleBody: string;
  readonly url: string;
}

const TOKEN_RE = /[\p{L}\p{N}_]+/gu;

function shingles(text: string): Map<string, number> {
  const tokens = text.match(TOKEN_RE) ?? [];
  const out = new Map<string, number>();
  const n = Math.max(1, tokens.length - 3);
  for (let i = 0; i < n; i++) {
    const key = tokens.slice(i, i + 4).join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Per-page precision/recall exactly as the benchmark's evaluate.py defines them. */
export function pagePrecisionRecall(expected: string, predicted: string): { precision: number; recall: number; exact: boolean } {
  const e = shingles(expected);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, c] of p) {
    const ec = e.get(k) ?? 0;
    tp += Math.min(c, ec);
    fp += Math.max(0, c - ec);
  }
  for (const [k, c] of e) fn += Math.max(0, c - (p.get(k) ?? 0));
  const exact = (expected.match(TOKEN_RE) ?? []).join(' ') === (predicted.match(TOKEN_RE) ?? []).join(' ');
  if (fp === 0 && fn === 0) return { precision: 1, recall: 1, exact };
  // An empty prediction has no false positives: precision 1, recall 0 (as evaluate.py scores it).
  return { precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1, exact };
}

export function scoreOutputs(gold: Readonly<Record<string, Gold>>, outputs: ReadonlyMap<string, string>): BenchMetrics {
  let p = 0;
  let r = 0;
  let exact = 0;
  const ids = Object.keys(gold);
  for (const id of ids) {
    const s = pagePrecisionRecall(gold[id]?.articleBody ?? '', outputs.get(id) ?? '');
    p += s.precision;
    r += s.recall;
    if (s.exact) exact++;
  }
  const precision = p / ids.length;
  const recall = r / ids.length;
  return { f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, precision, recall, exactMatch: exact / ids.length };
}

/**
 * The three-way split of a page set (pages in id order, round robin): tuning pages are the only ones whose misses are
 * read while working, confirm pages check a change, untouched pages are scored and never read.
 */
export type Slice = 'tuning' | 'confirm' | 'untouched';
const SLICES: readonly Slice[] = ['tuning', 'confirm', 'untouched'];

export function sliceOf(index: number): Slice {
  return SLICES[index % SLICES.length]!;
}

/** f1 of each slice of the scored pages, as `tuningF1`, `confirmF1`, `untouchedF1`. */
function sliceMetrics(gold: Readonly<Record<string, Gold>>, outputs: ReadonlyMap<string, string>): BenchMetrics {
  const ids = Object.keys(gold).sort();
  const out: Record<string, number> = {};
  for (const slice of SLICES) {
    const part = Object.fromEntries(ids.filter((_, i) => sliceOf(i) === slice).map((id) => [id, gold[id]!]));
    if (Object.keys(part).length) out[`${slice}F1`] = scoreOutputs(part, outputs)['f1'] ?? 0;
  }
  return out;
}

function readabilityAlone(html: string): string {
  const { document } = parseHTML(html);
  try {
    return new Readability(document).parse()?.textContent ?? '';
  } catch {
    return '';
  }
}

/** Timed passes over all pages; the median pass is reported (this shared machine's speed drifts by ±15% within seconds). */
const PASSES = Math.max(1, Number(process.env['PARALLAX_BENCH_PASSES'] ?? 9));
/** Readability.js alone is timed over fewer passes: each takes seconds, and it is only the comparison figure. */
const BASELINE_PASSES = Math.max(1, Math.min(PASSES, 3));
/**
 * Untimed passes first: the first pass runs cold code, and during the second the optimizing compiler is still busy
 * on its own threads (process CPU time counts them), so one warm-up pass left the first measured path slowest.
 */
const WARMUP_PASSES = 2;

interface Page {
  readonly id: string;
  /** The file's bytes (gunzipped), decoded inside the timed HTML path as a reader would. */
  readonly bytes: Buffer;
  readonly url: string | null;
}

interface Timed<T> {
  readonly outputs: Map<string, T>;
  /** Pages per second of CPU time (process.cpuUsage, median pass), less noisy than wall time on a shared machine. */
  readonly pagesPerSecond: number;
  readonly cpuMsPerPage: number;
  readonly wallPagesPerSecond: number;
}

const cpuMs = (c: NodeJS.CpuUsage): number => (c.user + c.system) / 1000;
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function timed<T>(pages: readonly Page[], work: (page: Page) => T, passes = PASSES): Timed<T> {
  const outputs = new Map<string, T>();
  for (const p of pages) outputs.set(p.id, work(p));
  for (let pass = 1; pass < WARMUP_PASSES; pass++) for (const p of pages) work(p);
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const p of pages) work(p);
    cpu.push(cpuMs(process.cpuUsage(c0)));
    wall.push(performance.now() - t0);
  }
  const c = median(cpu);
  return { outputs, pagesPerSecond: pages.length / (c / 1000), cpuMsPerPage: c / pages.length, wallPagesPerSecond: pages.length / (median(wall) / 1000) };
}

const speed = (t: Timed<unknown>): string => `${t.pagesPerSecond.toFixed(1)} pages/s of CPU (${t.cpuMsPerPage.toFixed(2)} CPU ms/page; wall ${t.wallPagesPerSecond.toFixed(1)} pages/s)`;

function decodePage(bytes: Buffer): string {
  const decoded = decodeBytes(bytes, declaredCharset(bytes.subarray(0, 2048).toString('latin1')));
  return decoded.ok ? decoded.text : '';
}

/** The whole HTML path a user gets, as the HTML readers run it: bytes -> decode (with the noise strip) -> extraction chain -> metadata -> boilerplate -> language -> Article. */
function pageToArticle(page: Page, lap?: StepLap): Article {
  const decoded = decodeHtmlBytes(page.bytes, declaredCharset(page.bytes.subarray(0, 2048).toString('latin1')));
  const body = decoded.ok ? decoded.text : '';
  lap?.('decode+strip-noise');
  const hints = page.url ? { url: page.url } : {};
  return toArticle({ source: page.url ? { url: page.url } : { path: page.id }, format: 'html', body, noiseStripped: true, hints, encoding: 'utf-8', diagnostics: [] }, {}, lap);
}

/** CPU time per step of the whole HTML path, summed over one pass of every page (an extra pass: laps cost a little). */
function stepShares(pages: readonly Page[]): Map<string, number> {
  const total = new Map<string, number>();
  for (const page of pages) {
    let last = process.cpuUsage();
    pageToArticle(page, (step) => {
      const now = process.cpuUsage();
      total.set(step, (total.get(step) ?? 0) + (now.user - last.user + now.system - last.system) / 1000);
      last = now;
    });
  }
  return total;
}

const pageF1 = (expected: string, predicted: string): number => {
  const s = pagePrecisionRecall(expected, predicted);
  return s.precision + s.recall ? (2 * s.precision * s.recall) / (s.precision + s.recall) : 0;
};

const signed = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;

/**
 * When the Readability fallback pays: on every page whose density result was doubtful, the chain's page F1 against
 * the same chain without Readability, by slice and by the reason for doubt (a page can have several). Counts and
 * F1 only, so the confirm and untouched slices are scored without being read.
 */
export function fallbackNotes(gold: Readonly<Record<string, Gold>>, chain: ReadonlyMap<string, { readonly text: string; readonly extractedBy: string; readonly doubts: readonly string[] }>, without: ReadonlyMap<string, string>): string[] {
  const order = Object.keys(gold).sort();
  interface Tally { calls: number; kept: number; won: number; lost: number; gain: number }
  const tallies = new Map<string, Tally>();
  const add = (key: string, kept: boolean, delta: number): void => {
    const t = tallies.get(key) ?? { calls: 0, kept: 0, won: 0, lost: 0, gain: 0 };
    t.calls++;
    if (kept) t.kept++;
    if (delta > 0.005) t.won++;
    else if (delta < -0.005) t.lost++;
    t.gain += delta;
    tallies.set(key, t);
  };
  for (const [i, id] of order.entries()) {
    const r = chain.get(id);
    if (!r || !r.doubts.length) continue;
    const expected = gold[id]?.articleBody ?? '';
    const delta = pageF1(expected, r.text) - pageF1(expected, without.get(id) ?? '');
    const kept = r.extractedBy === 'readability';
    for (const key of [`all pages`, `${sliceOf(i)} slice`, ...r.doubts.map((d) => `doubt ${d}`)]) add(key, kept, delta);
  }
  if (!tallies.size) return ['Readability fallback: no doubtful density result, never called'];
  const lines = ['Readability fallback, page F1 with it minus without it (win/loss: beyond ±0.005), by slice and by reason for doubt:'];
  const rank = (key: string): number => (key === 'all pages' ? 0 : key.endsWith(' slice') ? 1 + SLICES.indexOf(key.split(' ')[0] as Slice) : 9);
  for (const [key, t] of [...tallies].sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]))) {
    lines.push(`  ${key.padEnd(24)} doubtful ${t.calls}, Readability's text kept ${t.kept}, won ${t.won}, lost ${t.lost}, tied ${t.calls - t.won - t.lost}; page F1 changes summed ${signed(t.gain)} (mean ${signed(t.gain / t.calls)} per call)`);
  }
  return lines;
}

export const run: BenchRun = async (options) => {
  const root = options.data ? path.resolve(options.data) : fileURLToPath(new URL('article-extraction/', SHARED_BENCH));
  const goldFile = existsSync(root) ? readdirSync(root).find((f) => /^ground-truth.*\.json$/.test(f)) : undefined;
  if (!goldFile || !existsSync(path.join(root, 'html'))) throw new BenchDataMissing(root, 'needs html/ and ground-truth.*.json');
  const gold = JSON.parse(readFileSync(path.join(root, goldFile), 'utf8')) as Record<string, Gold>;
  const only = process.env['PARALLAX_BENCH_LIMIT'] ? Number(process.env['PARALLAX_BENCH_LIMIT']) : Infinity;
  const pages: Page[] = [];
  for (const id of Object.keys(gold).sort().slice(0, only)) {
    const file = [`${id}.html.gz`, `${id}.html`].map((f) => path.join(root, 'html', f)).find((f) => existsSync(f));
    if (!file) continue;
    const bytes = readFileSync(file);
    pages.push({ id, bytes: file.endsWith('.gz') ? gunzipSync(bytes) : bytes, url: gold[id]?.url ?? null });
  }
  const scored: Record<string, Gold> = Object.fromEntries(pages.map((p) => [p.id, gold[p.id] as Gold]));
  options.log(`extraction: ${pages.length} pages from ${root}; ${PASSES} timed passes after ${WARMUP_PASSES} warm-up passes`);

  // extraction only: decoded markup -> extraction chain (text scored by the benchmark's metric)
  const html = new Map(pages.map((p) => [p.id, decodePage(p.bytes)]));
  const ours = timed(pages, (p) => extractHtml(html.get(p.id) ?? '', p.url));
  // the whole HTML path (what the speed goal is about): bytes -> Article
  const whole = timed(pages, (p) => pageToArticle(p));
  const base = timed(pages, (p) => readabilityAlone(html.get(p.id) ?? ''), BASELINE_PASSES);
  // the chain without Readability (density step first): the throughput option, scored for comparison
  const fastOptions = { ...DEFAULT_EXTRACTION_OPTIONS, maxReadabilityChars: 0 };
  const fast = timed(pages, (p) => extractHtml(html.get(p.id) ?? '', p.url, fastOptions).text);
  const shares = stepShares(pages);

  const steps = new Map<string, number>();
  const meta = { title: 0, outlet: 0, published: 0, urlDated: 0, agree: 0, zoneSlack: 0, disagree: [] as string[] };
  for (const [id, r] of ours.outputs) {
    const url = gold[id]?.url ?? null;
    steps.set(r.extractedBy, (steps.get(r.extractedBy) ?? 0) + 1);
    const m = r.metadata;
    if (m.title) meta.title++;
    if (m.outlet && m.outlet.from !== 'domain') meta.outlet++;
    if (m.published) meta.published++;
    const urlDate = url ? dateFromUrl(url) : null;
    if (urlDate && m.published && m.published.from !== 'url') {
      meta.urlDated++;
      const ok = m.published.value.startsWith(urlDate) || urlDate.startsWith(m.published.value.slice(0, 10));
      // a UTC timestamp may fall on the next or previous day of the local date in the URL
      const slack = /(?:Z|[+-]\d{2}:\d{2})$/.test(m.published.value) && Math.abs(Date.parse(m.published.value.slice(0, 10)) - Date.parse(urlDate)) <= 86_400_000;
      if (ok) meta.agree++;
      else if (slack) meta.zoneSlack++;
      if (!ok) meta.disagree.push(`${id.slice(0, 8)}: url ${urlDate} vs ${m.published.value} (${m.published.from})`);
    }
  }
  const texts = new Map([...ours.outputs].map(([id, r]) => [id, r.text]));
  const shareTotal = [...shares.values()].reduce((a, b) => a + b, 0);
  const readabilityShare = shareTotal ? (shares.get('readability') ?? 0) / shareTotal : 0;
  const metrics: BenchMetrics = { ...scoreOutputs(scored, texts), pagesPerSecond: whole.pagesPerSecond, ...sliceMetrics(scored, texts), readabilityCostShare: readabilityShare };
  const baseline: BenchMetrics = { ...scoreOutputs(scored, base.outputs), pagesPerSecond: base.pagesPerSecond, ...sliceMetrics(scored, base.outputs) };

  const notes: string[] = [];
  const n = pages.length;
  notes.push(`speed, one core, median of ${PASSES} passes (${BASELINE_PASSES} for Readability.js alone; pagesPerSecond above = whole HTML path):`);
  notes.push(`  whole HTML path (bytes -> decode + noise strip -> chain -> metadata -> boilerplate -> language -> Article): ${speed(whole)}`);
  notes.push(`  extraction only (decoded markup -> extractHtml): ${speed(ours)}`);
  notes.push(`  readability.js alone (decoded markup -> linkedom -> Readability): ${speed(base)}`);
  notes.push(`  chain without Readability (extraction only): ${speed(fast)}`);
  notes.push(`share of CPU per step of the whole path (one lapped pass, ${(shareTotal / n).toFixed(2)} ms/page): ${[...shares].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${((100 * v) / shareTotal).toFixed(1)}% (${(v / n).toFixed(2)} ms)`).join(', ')}`);
  const readabilityRuns = [...ours.outputs.values()].filter((r) => r.extractedBy === 'readability').length;
  notes.push(`Readability fallback: ${(100 * readabilityShare).toFixed(1)}% of the whole path's CPU (${((shares.get('readability') ?? 0) / n).toFixed(2)} ms/page averaged over all pages); its text won on ${readabilityRuns}/${n} pages`);
  notes.push(`f1 by slice (pages in id order, round robin; only tuning pages are read for misses), ours / readability.js: ${SLICES.map((sl) => `${sl} ${(metrics[`${sl}F1`] ?? 0).toFixed(3)} / ${(baseline[`${sl}F1`] ?? 0).toFixed(3)}`).join(', ')}`);
  notes.push(`steps that won: ${[...steps].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  const fellBack = n - (steps.get('density') ?? 0) - (steps.get('html-fragment') ?? 0);
  notes.push(`fell back past the confident density step: ${fellBack}/${n} pages (${((100 * fellBack) / n).toFixed(1)}%)`);
  notes.push(...fallbackNotes(scored, ours.outputs, fast.outputs));
  const fm = scoreOutputs(scored, fast.outputs);
  notes.push(`without Readability (maxReadabilityChars: 0, density step): f1 ${(fm['f1'] ?? 0).toFixed(3)}, precision ${(fm['precision'] ?? 0).toFixed(3)}, recall ${(fm['recall'] ?? 0).toFixed(3)}`);
  const wm = scoreOutputs(scored, new Map([...whole.outputs].map(([id, a]) => [id, a.text])));
  notes.push(`Article text after boilerplate and body-metadata removal: f1 ${(wm['f1'] ?? 0).toFixed(3)}, precision ${(wm['precision'] ?? 0).toFixed(3)}, recall ${(wm['recall'] ?? 0).toFixed(3)}`);
  notes.push(`metadata found: title ${(meta.title / n).toFixed(3)}, outlet (not from domain) ${(meta.outlet / n).toFixed(3)}, published ${(meta.published / n).toFixed(3)}`);
  notes.push(`published date vs date in URL (pages with both, date not taken from the URL): ${meta.agree}/${meta.urlDated} same day, ${meta.zoneSlack} more one day apart with a stated zone (UTC vs local)`);
  for (const d of meta.disagree) notes.push(`  date mismatch ${d}`);
  const refDir = path.join(root, 'reference-outputs');
  if (existsSync(refDir)) {
    notes.push('reference extractors on the same pages (f1 / precision / recall / exact):');
    const rows: [string, BenchMetrics][] = [];
    for (const f of readdirSync(refDir).filter((x) => x.endsWith('.json')).sort()) {
      const ref = JSON.parse(readFileSync(path.join(refDir, f), 'utf8')) as { output: Record<string, { articleBody?: string }> };
      const outs = new Map(Object.entries(ref.output).map(([id, v]) => [id, v.articleBody ?? '']));
      rows.push([f.replace(/\.dev\.json$|\.json$/, ''), scoreOutputs(scored, outs)]);
    }
    rows.sort((a, b) => (b[1]['f1'] ?? 0) - (a[1]['f1'] ?? 0));
    for (const [name, m] of rows) notes.push(`  ${name.padEnd(18)} ${[m['f1'], m['precision'], m['recall'], m['exactMatch']].map((v) => (v ?? 0).toFixed(3)).join(' / ')}`);
  }
  if (process.env['PARALLAX_BENCH_PAGES']) {
    // Tuning pages only: the confirm and untouched slices are scored, never read.
    const order = Object.keys(scored).sort();
    for (const { id } of pages.filter((p) => sliceOf(order.indexOf(p.id)) === 'tuning')) {
      const s = pagePrecisionRecall(gold[id]?.articleBody ?? '', texts.get(id) ?? '');
      const b = pagePrecisionRecall(gold[id]?.articleBody ?? '', base.outputs.get(id) ?? '');
      const r = ours.outputs.get(id);
      notes.push(`  page ${id.slice(0, 8)} P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)} (${r?.extractedBy ?? '-'}${r?.doubts.length ? `, doubt: ${r.doubts.join('+')}` : ''}) | readability P ${b.precision.toFixed(2)} R ${b.recall.toFixed(2)}`);
    }
  }
  return { bench: 'extraction', data: options.data ?? null, metrics, baseline: { name: 'readability.js', metrics: baseline }, notes };
};
