// TempEval-3 Task A scoring (strict/relaxed extent F1, value F1/accuracy) of the times stage beside raw chrono-node.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chrono from 'chrono-node';
import { extractTimes } from '../src/stages/times/index.js';
import type { ChoiceTable } from '../src/stages/times/timeml-choices.js';
import { learnChoices } from './times-learn.js';
import type { Span } from '../src/core/span.js';
import { BenchDataMissing, SHARED_BENCH, type BenchMetrics, type BenchRun } from './types.js';

export interface Timex {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly value: string | null;
}

export interface Doc {
  readonly path: string;
  readonly dct: string | null;
  readonly text: string;
  readonly gold: readonly Timex[];
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x?[0-9a-f]+|\w+);/gi, (all, e: string) => {
    if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    return ENTITIES[e] ?? all;
  });
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? (m[1] ?? null) : null;
}

/** The <TEXT> of a .tml file with its tags stripped, and the TIMEX3 offsets into that plain text. */
export function parseTml(xml: string, path = ''): Doc {
  const dctTag = /<DCT>\s*(<TIMEX3[^>]*>)/.exec(xml)?.[1] ?? '';
  const dct = attr(dctTag, 'value');
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
  let text = '';
  const gold: Timex[] = [];
  const open: { start: number; type: string; value: string | null }[] = [];
  const re = /<(\/?)([A-Za-z0-9]+)([^>]*?)(\/?)>|([^<]+)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[5] !== undefined) {
      text += decode(m[5]);
      continue;
    }
    if (m[2] !== 'TIMEX3') continue;
    if (m[1]) {
      const o = open.pop();
      if (o) gold.push({ start: o.start, end: text.length, type: o.type, value: o.value });
    } else if (!m[4]) open.push({ start: text.length, type: attr(m[3] ?? '', 'type') ?? 'DATE', value: attr(m[3] ?? '', 'value') });
  }
  return { path, dct, text, gold };
}

export function findTml(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || name.startsWith('._')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...findTml(p));
    else if (name.endsWith('.tml')) out.push(p);
  }
  return out;
}

export interface Counts {
  gold: number;
  system: number;
  strict: number;
  relaxed: number;
  valueCorrect: number;
  typeCorrect: number;
}

const zero = (): Counts => ({ gold: 0, system: 0, strict: 0, relaxed: 0, valueCorrect: 0, typeCorrect: 0 });

/**
 * Value equality up to ISO week padding: some gold values write week 7 as "2000-W7" where ISO 8601 (and this
 * system) writes "2000-W07"; both denote the same week, so the scorer pads before comparing. Nothing else is relaxed.
 */
export function sameValue(a: string, b: string): boolean {
  const pad = (v: string): string => v.replace(/-W(\d)(?!\d)/, '-W0$1');
  return pad(a) === pad(b);
}

/**
 * One-to-one overlap matching in text order (the TempEval-3 relaxed match), an exact extent preferred: for each
 * gold expression, the index of its system expression or -1.
 */
export function matchTimexes(gold: readonly Span[], system: readonly Span[]): number[] {
  const used = new Set<number>();
  return gold.map((g) => {
    let best = -1;
    for (const [i, s] of system.entries()) {
      if (used.has(i) || !(s.start < g.end && g.start < s.end)) continue;
      if (best < 0 || (s.start === g.start && s.end === g.end)) best = i;
    }
    if (best >= 0) used.add(best);
    return best;
  });
}

/** TempEval-3 counts of one document, strict = same extent. */
function score(gold: readonly Timex[], system: readonly Timex[], counts: Counts, errors?: string[], text?: string): void {
  counts.gold += gold.length;
  counts.system += system.length;
  const used = new Set<number>();
  const matched = matchTimexes(gold, system);
  for (const [gi, g] of gold.entries()) {
    const best = matched[gi] ?? -1;
    const s = best >= 0 ? system[best] : undefined;
    if (!s) {
      if (errors && text) errors.push(`miss  ${JSON.stringify(text.slice(g.start, g.end))} ${g.type} ${g.value} | ${text.slice(Math.max(0, g.start - 80), g.end + 50).replace(/\s+/g, ' ')}`);
      continue;
    }
    used.add(best);
    counts.relaxed++;
    if (s.start === g.start && s.end === g.end) counts.strict++;
    if (s.type === g.type) counts.typeCorrect++;
    if (s.value !== null && g.value !== null && sameValue(s.value, g.value)) counts.valueCorrect++;
    else if (errors && text) {
      const context = text.slice(Math.max(0, g.start - 80), g.end + 50).replace(/\s+/g, ' ');
      errors.push(`value ${JSON.stringify(text.slice(g.start, g.end))} gold=${g.value} sys=${s.value} ${JSON.stringify(text.slice(s.start, s.end))} | ${context}`);
    }
  }
  if (errors && text) {
    for (const [i, s] of system.entries()) if (!used.has(i)) errors.push(`extra ${JSON.stringify(text.slice(s.start, s.end))} ${s.type} ${s.value} | ${text.slice(Math.max(0, s.start - 80), s.end + 50).replace(/\s+/g, ' ')}`);
  }
}

function f1(correct: number, system: number, gold: number): number {
  const p = system ? correct / system : 0;
  const r = gold ? correct / gold : 0;
  return p + r ? (2 * p * r) / (p + r) : 0;
}

function metrics(c: Counts, seconds: number, docs: number): BenchMetrics {
  return {
    strictF1: f1(c.strict, c.system, c.gold),
    relaxedF1: f1(c.relaxed, c.system, c.gold),
    valueF1: f1(c.valueCorrect, c.system, c.gold),
    valueAccuracy: c.relaxed ? c.valueCorrect / c.relaxed : 0,
    typeAccuracy: c.relaxed ? c.typeCorrect / c.relaxed : 0,
    precision: c.system ? c.relaxed / c.system : 0,
    recall: c.gold ? c.relaxed / c.gold : 0,
    docsPerSecond: seconds > 0 ? docs / seconds : 0,
  };
}

function add(a: Counts, b: Counts): Counts {
  return {
    gold: a.gold + b.gold,
    system: a.system + b.system,
    strict: a.strict + b.strict,
    relaxed: a.relaxed + b.relaxed,
    valueCorrect: a.valueCorrect + b.valueCorrect,
    typeCorrect: a.typeCorrect + b.typeCorrect,
  };
}

/** The tuning parts (AQUAINT + TimeBank-tune) and the held-out part pooled, when the data has them. */
function pooled(perPart: ReadonlyMap<string, Counts>): { tuning: Counts | null; heldout: Counts | null } {
  let tuning: Counts | null = null;
  let heldout: Counts | null = null;
  for (const [part, c] of perPart) {
    if (part.endsWith('-heldout')) heldout = heldout ? add(heldout, c) : c;
    else tuning = tuning ? add(tuning, c) : c;
  }
  return { tuning, heldout };
}

/** valueF1 per split as extra metrics, so --json runs carry the generalization gap too. */
function splitMetrics(perPart: ReadonlyMap<string, Counts>): BenchMetrics {
  const { tuning, heldout } = pooled(perPart);
  if (!tuning || !heldout) return {};
  return {
    valueF1Tuning: f1(tuning.valueCorrect, tuning.system, tuning.gold),
    valueF1Heldout: f1(heldout.valueCorrect, heldout.system, heldout.gold),
  };
}

/** One line per part, then the tuning parts pooled and all: ours and chrono-node side by side. */
function splitTable(
  perPart: ReadonlyMap<string, Counts>,
  all: Counts,
  basePerPart: ReadonlyMap<string, Counts>,
  baseAll: Counts,
): string[] {
  if (perPart.size < 2) return [];
  const rows: [string, Counts, Counts | undefined][] = [...perPart]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([part, c]) => [part.replace(/^.*\//, ''), c, basePerPart.get(part)]);
  const ours = pooled(perPart);
  const theirs = pooled(basePerPart);
  if (ours.tuning && ours.heldout) rows.push(['tuning (all but held-out)', ours.tuning, theirs.tuning ?? undefined]);
  rows.push(['all', all, baseAll]);
  const head = `${'split'.padEnd(26)}${'strictF1'.padStart(9)}${'relaxedF1'.padStart(10)}${'valueF1'.padStart(9)}${'gold'.padStart(6)}${'system'.padStart(7)}  chrono valueF1`;
  return [
    head,
    ...rows.map(([name, c, b]) => {
      const m = metrics(c, 0, 0);
      const bv = b ? f1(b.valueCorrect, b.system, b.gold).toFixed(3) : '-';
      return `${name.padEnd(26)}${(m.strictF1 ?? 0).toFixed(3).padStart(9)}${(m.relaxedF1 ?? 0).toFixed(3).padStart(10)}${(m.valueF1 ?? 0).toFixed(3).padStart(9)}${String(c.gold).padStart(6)}${String(c.system).padStart(7)}  ${bv}`;
    }),
  ];
}

/**
 * Where value F1 is lost: (a) gold expressions not found, (b) finds no annotation covers, (c) matched extents with a
 * wrong value, each with the value F1 the counts would give were that class alone put right.
 */
export function lossSplit(c: Counts): string {
  const missed = c.gold - c.relaxed;
  const unannotated = c.system - c.relaxed;
  const wrongValue = c.relaxed - c.valueCorrect;
  const at = (correct: number, system: number): string => f1(correct, system, c.gold).toFixed(3);
  return (
    `value F1 ${at(c.valueCorrect, c.system)}: (a) missed ${missed} (${at(c.valueCorrect + missed, c.system + missed)} if found right), ` +
    `(b) unannotated finds ${unannotated} (${at(c.valueCorrect, c.system - unannotated)} if not emitted), ` +
    `(c) wrong values on matched extents ${wrongValue} (${at(c.valueCorrect + wrongValue, c.system)} if right)`
  );
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Raw chrono-node with the DCT as reference, its components written as TimeML the obvious way. */
export function chronoTimex(text: string, dct: string | null): Timex[] {
  const ref = dct ? new Date(`${dct.slice(0, 10)}T12:00:00Z`) : undefined;
  return chrono.parse(text, ref).map((r) => {
    const s = r.start;
    const date = `${String(s.get('year')).padStart(4, '0')}-${pad2(s.get('month') ?? 1)}-${pad2(s.get('day') ?? 1)}`;
    const certainDay = s.isCertain('day') || s.isCertain('weekday');
    const hasTime = s.isCertain('hour');
    let value: string;
    if (hasTime) value = `${date}T${pad2(s.get('hour') ?? 0)}:${pad2(s.get('minute') ?? 0)}`;
    else if (certainDay) value = date;
    else if (s.isCertain('month')) value = date.slice(0, 7);
    else if (s.isCertain('year')) value = date.slice(0, 4);
    else value = date;
    return { start: r.index, end: r.index + r.text.length, type: hasTime ? 'TIME' : 'DATE', value };
  });
}

/**
 * The report part of each document: its folder, with TimeBank cut in two. Rules were tuned on AQUAINT and on the
 * TimeBank files at EVEN indices (0, 2, 4, ...) of the TimeBank .tml list sorted by file name ("TimeBank-tune");
 * the files at ODD indices ("TimeBank-heldout") were not looked at while tuning and are the held-out figure.
 */
export function partsOf(dataPath: string, docs: readonly Doc[]): string[] {
  const seen = new Map<string, number>();
  return docs.map((d) => {
    const folder = relative(dataPath, d.path).split(/[\\/]/).slice(0, -1).join('/') || '.';
    if (!/TimeBank$/.test(folder)) return folder;
    const index = seen.get(folder) ?? 0;
    seen.set(folder, index + 1);
    return `${folder}-${index % 2 === 0 ? 'tune' : 'heldout'}`;
  });
}

/**
 * The tuning files cut in two halves for checking a change on files not studied: AQUAINT by index parity, the
 * TimeBank-tune files by the parity of their rank among the tune files. Errors were studied on half A (and on B
 * in a second round, checked on A); the held-out TimeBank half is in neither.
 */
export function tuningHalves(parts: readonly string[]): (string | null)[] {
  const seen = new Map<string, number>();
  return parts.map((part) => {
    if (part.endsWith('-heldout')) return null;
    const index = seen.get(part) ?? 0;
    seen.set(part, index + 1);
    return index % 2 === 0 ? 'A' : 'B';
  });
}

/** Value F1 of the 'timeml' style over some documents with a given choice table (null: the rules alone). */
function valueF1With(docs: readonly Doc[], choices: ChoiceTable | null): number {
  const c = zero();
  for (const d of docs) score(d.gold, extractTimes(d.text, d.dct, { style: 'timeml', choices }), c);
  return f1(c.valueCorrect, c.system, c.gold);
}

/** The learned choice table checked on files it was not counted on: learned on one tuning half, scored on the other. */
function twoFold(docs: readonly Doc[], halves: readonly (string | null)[]): string {
  const a = docs.filter((_, i) => halves[i] === 'A');
  const b = docs.filter((_, i) => halves[i] === 'B');
  const onA = valueF1With(a, learnChoices(b));
  const onB = valueF1With(b, learnChoices(a));
  return `choice table two-fold, valueF1: A ${onA.toFixed(3)} (learned on B), B ${onB.toFixed(3)} (learned on A); rules alone A ${valueF1With(a, null).toFixed(3)}, B ${valueF1With(b, null).toFixed(3)}`;
}

export const run: BenchRun = async (options) => {
  const dataPath = options.data ? resolve(options.data) : fileURLToPath(new URL('tempeval3/', SHARED_BENCH));
  let files: string[];
  try {
    files = findTml(dataPath);
  } catch {
    throw new BenchDataMissing(dataPath, 'TempEval-3 TimeML .tml files');
  }
  if (files.length === 0) throw new BenchDataMissing(dataPath, 'no .tml files found');
  const docs = files.map((f) => parseTml(readFileSync(f, 'utf8'), f));
  // Error listings cover the tuning parts only, so the held-out half stays unexamined.
  const verbose = process.env.PARALLAX_BENCH_ERRORS === '1';
  const errors: string[] = [];
  const ours = zero();
  const perPart = new Map<string, Counts>();
  const parts = partsOf(dataPath, docs);
  const halves = tuningHalves(parts);
  let t0 = performance.now();
  const systems = docs.map((d) =>
    extractTimes(d.text, d.dct, { style: 'timeml' }).map((t) => ({ start: t.start, end: t.end, type: t.type, value: t.value })),
  );
  const oursSeconds = (performance.now() - t0) / 1000;
  for (const [i, d] of docs.entries()) {
    const system = systems[i] ?? [];
    const listed = verbose && !(parts[i] ?? '').endsWith('-heldout');
    if (listed) errors.push(`# ${relative(dataPath, d.path)} dct=${d.dct} half=${halves[i] ?? '-'}`);
    score(d.gold, system, ours, listed ? errors : undefined, d.text);
    const part = parts[i] ?? '.';
    const counts = perPart.get(part) ?? zero();
    score(d.gold, system, counts);
    perPart.set(part, counts);
  }
  const base = zero();
  t0 = performance.now();
  const chronoSystems = docs.map((d) => chronoTimex(d.text, d.dct));
  const chronoSeconds = (performance.now() - t0) / 1000;
  const basePerPart = new Map<string, Counts>();
  for (const [i, d] of docs.entries()) {
    score(d.gold, chronoSystems[i] ?? [], base);
    const part = parts[i] ?? '.';
    const counts = basePerPart.get(part) ?? zero();
    score(d.gold, chronoSystems[i] ?? [], counts);
    basePerPart.set(part, counts);
  }
  const perHalf = new Map<string, Counts>();
  for (const [i, d] of docs.entries()) {
    const half = halves[i];
    if (!half) continue;
    const counts = perHalf.get(half) ?? zero();
    score(d.gold, systems[i] ?? [], counts);
    perHalf.set(half, counts);
  }
  const halfLine = [...perHalf]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([half, c]) => `${half} ${f1(c.valueCorrect, c.system, c.gold).toFixed(3)} (${c.gold} gold)`)
    .join(', ');
  // The loss split is printed for the tuning parts only, so the held-out half stays unexamined.
  const losses = [...perHalf].sort(([a], [b]) => a.localeCompare(b)).map(([half, c]) => `tuning half ${half} ${lossSplit(c)}`);
  const tuningCounts = pooled(perPart).tuning;
  if (tuningCounts && losses.length > 0) losses.unshift(`tuning ${lossSplit(tuningCounts)}`);
  const notes = [...splitTable(perPart, ours, basePerPart, base), ...(halfLine ? [`tuning halves, valueF1: ${halfLine}`, twoFold(docs, halves), ...losses] : [])];
  if (verbose) for (const e of errors) options.log(e);
  return {
    bench: 'times',
    data: options.data ?? null,
    metrics: { ...metrics(ours, oursSeconds, docs.length), ...splitMetrics(perPart) },
    baseline: { name: 'chrono-node', metrics: metrics(base, chronoSeconds, docs.length) },
    notes,
  };
};
