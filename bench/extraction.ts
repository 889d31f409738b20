// Article-extraction benchmark (Zyte): 4-word-shingle P/R/F1 and exact match for our chain vs Readability.js alone.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { DEFAULT_EXTRACTION_OPTIONS, extractHtml } from '../src/ingest/index.js';
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

function readabilityAlone(html: string): string {
  const { document } = parseHTML(html);
  try {
    return new Readability(document).parse()?.textContent ?? '';
  } catch {
    return '';
  }
}

/**
 * Pages run untimed first so JIT warm-up does not count against whichever extractor runs first; a whole pass,
 * because the chain reaches its Readability fallback only on a few pages and would otherwise time it cold.
 */
const WARMUP_PAGES = Infinity;

interface Timed {
  readonly outputs: Map<string, string>;
  /** Pages per second of CPU time (process.cpuUsage), less noisy than wall time on a shared machine. */
  readonly pagesPerSecond: number;
  readonly cpuMsPerPage: number;
  readonly wallPagesPerSecond: number;
}

function timed(pages: ReadonlyMap<string, string>, extract: (html: string, id: string) => string): Timed {
  const outputs = new Map<string, string>();
  for (const [id, html] of [...pages].slice(0, WARMUP_PAGES)) extract(html, id);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const [id, html] of pages) outputs.set(id, extract(html, id));
  const c = process.cpuUsage(c0);
  const cpuMs = (c.user + c.system) / 1000;
  return { outputs, pagesPerSecond: pages.size / (cpuMs / 1000), cpuMsPerPage: cpuMs / pages.size, wallPagesPerSecond: pages.size / ((performance.now() - t0) / 1000) };
}

const speed = (t: Timed): string => `${t.pagesPerSecond.toFixed(1)} pages/s of CPU (${t.cpuMsPerPage.toFixed(2)} CPU ms/page; wall ${t.wallPagesPerSecond.toFixed(1)} pages/s)`;

export const run: BenchRun = async (options) => {
  const root = options.data ? path.resolve(options.data) : fileURLToPath(new URL('article-extraction/', SHARED_BENCH));
  const goldFile = existsSync(root) ? readdirSync(root).find((f) => /^ground-truth.*\.json$/.test(f)) : undefined;
  if (!goldFile || !existsSync(path.join(root, 'html'))) throw new BenchDataMissing(root, 'needs html/ and ground-truth.*.json');
  const gold = JSON.parse(readFileSync(path.join(root, goldFile), 'utf8')) as Record<string, Gold>;
  const only = process.env['PARALLAX_BENCH_LIMIT'] ? Number(process.env['PARALLAX_BENCH_LIMIT']) : Infinity;
  const pages = new Map<string, string>();
  for (const id of Object.keys(gold).sort().slice(0, only)) {
    const file = [`${id}.html.gz`, `${id}.html`].map((f) => path.join(root, 'html', f)).find((f) => existsSync(f));
    if (!file) continue;
    const bytes = readFileSync(file);
    pages.set(id, (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8'));
  }
  const scored: Record<string, Gold> = Object.fromEntries([...pages.keys()].map((id) => [id, gold[id] as Gold]));
  options.log(`extraction: ${pages.size} pages from ${root}`);

  const steps = new Map<string, number>();
  const meta = { title: 0, outlet: 0, published: 0, urlDated: 0, agree: 0, zoneSlack: 0, disagree: [] as string[] };
  const counted = new Set<string>();
  const ours = timed(pages, (html, id) => {
    const url = gold[id]?.url ?? null;
    const r = extractHtml(html, url);
    if (counted.has(id)) return r.text;
    counted.add(id);
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
    return r.text;
  });
  const base = timed(pages, (html) => readabilityAlone(html));
  // the chain without Readability (density step first): the throughput option, scored for comparison
  const fastOptions = { ...DEFAULT_EXTRACTION_OPTIONS, maxReadabilityChars: 0 };
  const fast = timed(pages, (html, id) => extractHtml(html, gold[id]?.url ?? null, fastOptions).text);
  const metrics = { ...scoreOutputs(scored, ours.outputs), pagesPerSecond: ours.pagesPerSecond };
  const baseline = { ...scoreOutputs(scored, base.outputs), pagesPerSecond: base.pagesPerSecond };

  const notes: string[] = [];
  const n = pages.size;
  notes.push(`speed, one core: chain ${speed(ours)}; readability.js alone ${speed(base)}; chain without Readability ${speed(fast)}`);
  notes.push(`steps that won: ${[...steps].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  const fellBack = n - (steps.get('density') ?? 0) - (steps.get('html-fragment') ?? 0);
  notes.push(`fell back past the confident density step: ${fellBack}/${n} pages (${((100 * fellBack) / n).toFixed(1)}%)`);
  const fm = scoreOutputs(scored, fast.outputs);
  notes.push(`without Readability (maxReadabilityChars: 0, density step): f1 ${(fm['f1'] ?? 0).toFixed(3)}, precision ${(fm['precision'] ?? 0).toFixed(3)}, recall ${(fm['recall'] ?? 0).toFixed(3)}, ${speed(fast)}`);
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
    for (const id of pages.keys()) {
      const s = pagePrecisionRecall(gold[id]?.articleBody ?? '', ours.outputs.get(id) ?? '');
      const b = pagePrecisionRecall(gold[id]?.articleBody ?? '', base.outputs.get(id) ?? '');
      notes.push(`  page ${id.slice(0, 8)} P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)} | readability P ${b.precision.toFixed(2)} R ${b.recall.toFixed(2)}`);
    }
  }
  return { bench: 'extraction', data: options.data ?? null, metrics, baseline: { name: 'readability.js', metrics: baseline }, notes };
};
