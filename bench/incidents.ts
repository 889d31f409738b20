// `incidents` bench: the real analyze path over GVC local shooting coverage, scored per incident against the archive records.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzePaths, createContext, openStore, type Report } from '../src/service/index.js';
import { parseNumber } from '../src/stages/quantities/index.js';
import { unitKey } from '../src/stages/quantities/units.js';
import { adjustedRand, averageLinkMerges, bcubedF1, cut, tfidfVectors, tuneThreshold, THRESHOLD_GRID } from './clusters.js';
import { gvcReadable, gvcSlice, loadGvcSplit, type GvcIncident, type GvcSlice, type GvcSplit } from './data/gvc.js';
import { BenchDataMissing, SHARED_BENCH, type BenchRun } from './types.js';

type Role = 'killed' | 'injured';

/** A people count read from one article: its role, its point value and the interval its qualifier allows. */
export interface Figure {
  readonly doc: string;
  readonly role: Role;
  readonly value: number;
  readonly low: number | null;
  readonly high: number | null;
}

/** Everything one system says about the articles, keyed by document id (file stem). */
interface Reading {
  readonly story: ReadonlyMap<string, string>;
  readonly figures: readonly Figure[];
  /** Resolved dates (YYYY-MM-DD) per document. */
  readonly dates: ReadonlyMap<string, ReadonlySet<string>>;
}

type Quantity = Report['quantities'][number];

const PERSON_UNIT = /^(?:person|people|man|woman|child|boy|girl|teen|teenager|adult|victim|other|resident|student|officer|bystander|suspect)$/;
const KILLED_AFTER = /^[^.;!?]{0,30}?\b(?:killed|dead|died|slain|murdered|fatally)\b/i;
const INJURED_AFTER = /^[^.;!?]{0,30}?\b(?:injured|wounded|hurt|hospitalized|shot)\b/i;

/**
 * The role of a report quantity: its `role` field when the report carries one. A report without that field is
 * read as a reader would: what the unit counts ("dead", "deaths" -> killed; "wounded" -> injured), or, for people
 * ("two people"), the verb right after ("were killed", "were shot"). Tallies (`tally: true`) count nothing of the event.
 */
export function roleOf(q: Quantity, articleText: string): Role | null {
  const loose = q as Quantity & { readonly role?: unknown; readonly tally?: unknown };
  if (loose.tally === true) return null;
  if ('role' in loose) {
    if (loose.role === 'killed') return 'killed';
    if (loose.role === 'injured' || loose.role === 'wounded' || loose.role === 'hospitalized') return 'injured';
    return null;
  }
  const key = unitKey(q.unit);
  if (key === 'death') return 'killed';
  if (key === 'injured') return 'injured';
  if (!key || !PERSON_UNIT.test(key)) return null;
  const after = articleText.slice(q.end, q.end + 60);
  return KILLED_AFTER.test(after) ? 'killed' : INJURED_AFTER.test(after) ? 'injured' : null;
}

// ---------- the Parallax side: `parallax analyze DIR` ----------

async function analyzeFolder(dir: string): Promise<{ report: Report; seconds: number }> {
  const store = await openStore(':memory:');
  try {
    const t0 = performance.now();
    const { report } = await analyzePaths({ store, ctx: createContext({ now: () => new Date(0) }) }, [dir]);
    return { report, seconds: (performance.now() - t0) / 1000 };
  } finally {
    await store.close();
  }
}

function docIdOf(article: Report['articles'][number]): string {
  const path = article.source.path ?? article.id;
  return basename(path).replace(/\.txt$/, '');
}

function parallaxReading(report: Report): Reading {
  const docOf = new Map(report.articles.map((a) => [a.id, docIdOf(a)]));
  const story = new Map<string, string>();
  for (const s of report.stories) for (const a of s.articles) story.set(docOf.get(a) ?? a, s.id);
  const textOf = new Map(report.articles.map((a) => [a.id, a.text]));
  const figures: Figure[] = [];
  for (const q of report.quantities) {
    const role = roleOf(q, textOf.get(q.article) ?? '');
    if (role) figures.push({ doc: docOf.get(q.article) ?? q.article, role, value: q.value, low: q.low, high: q.high });
  }
  const dates = new Map<string, Set<string>>();
  const addDate = (doc: string, value: string | null): void => {
    if (!value || !/^\d{4}-\d\d-\d\d/.test(value)) return;
    dates.set(doc, (dates.get(doc) ?? new Set()).add(value.slice(0, 10)));
  };
  for (const t of report.times) addDate(docOf.get(t.article) ?? t.article, t.value);
  for (const s of report.stories) for (const e of s.events) for (const a of e.articles) addDate(docOf.get(a) ?? a, e.date);
  return { story, figures, dates };
}

// ---------- baselines: a regex count, TF-IDF agglomerative stories, the publication date ----------

const SMALL_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const REGEX_COUNT = new RegExp(
  `\\b(\\d+|${SMALL_WORDS.join('|')})\\s+(?:(?:people|persons|men|women|others|victims)\\s+)?(?:(?:were|are|was|have been|had been)\\s+)?(killed|dead|died|injured|wounded|hurt)\\b`,
  'gi',
);

/** The regex a user would write first: "<number> (people) (were) killed|dead|injured|wounded". */
export function regexFigures(doc: string, text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(REGEX_COUNT)) {
    const value = parseNumber(m[1] ?? '');
    if (value === null) continue;
    const role: Role = /^(?:killed|dead|died)$/i.test(m[2] ?? '') ? 'killed' : 'injured';
    out.push({ doc, role, value, low: value, high: value });
  }
  return out;
}

// ---------- scoring ----------

interface Scores {
  readonly storyBcubedF1: number;
  readonly storyAri: number;
  readonly killedRecall: number;
  readonly injuredRecall: number;
  readonly killedPrecision: number;
  readonly injuredPrecision: number;
  readonly killedRecallStated: number;
  readonly injuredRecallStated: number;
  readonly dateRecall: number;
  readonly personRecall: number;
  readonly falseNumberConflicts: number;
  readonly numberConflictIncidentRate: number;
}

const NUMBER_WORD = ['zero', ...SMALL_WORDS];
const ROLE_WORDS: Readonly<Record<Role, string>> = {
  killed: 'kill|killed|killing|dead|died|dies|death|deaths|fatal|fatally|slain|murder|murdered|homicide|lost (?:his|her|their) li',
  injured: 'injur|wound|hurt|hospital|shot|struck|grazed',
};

/**
 * Whether a text states the count in words a reader could count from: the number (digits or word) within a few
 * words of a role word. A yardstick for "where the text states a number", not a system.
 */
function statesCount(text: string, count: number, role: Role): boolean {
  const forms = [String(count), NUMBER_WORD[count]].filter((f): f is string => f !== undefined);
  const n = `(?:${forms.join('|')})`;
  const r = `(?:${ROLE_WORDS[role]})`;
  return new RegExp(`\\b${n}\\b[^.!?\\n]{0,60}\\b${r}|\\b${r}[^.!?\\n]{0,40}\\b${n}\\b`, 'i').test(text);
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Corpus {
  readonly split: GvcSplit;
  /** Readable text per document (title + body, as the files hold it). */
  readonly fileText: ReadonlyMap<string, string>;
  readonly incidentOf: ReadonlyMap<string, string>;
}

function score(
  corpus: Corpus,
  reading: Reading,
  incidents: readonly GvcIncident[],
  report: Report | null,
): { scores: Scores; misses: string[] } {
  const misses: string[] = [];
  const docs = incidents.flatMap((i) => i.docs);
  const gold = docs.map((d) => corpus.incidentOf.get(d) ?? d);
  const pred = docs.map((d) => reading.story.get(d) ?? `missing-${d}`);
  const figuresOf = new Map<string, Figure[]>();
  for (const f of reading.figures) figuresOf.set(f.doc, [...(figuresOf.get(f.doc) ?? []), f]);

  const recall = { killed: [0, 0], injured: [0, 0] };
  const stated = { killed: [0, 0], injured: [0, 0] };
  const precision = { killed: [0, 0], injured: [0, 0] };
  let dateHit = 0;
  let personHit = 0;
  let personTotal = 0;
  for (const inc of incidents) {
    const figures = inc.docs.flatMap((d) => figuresOf.get(d) ?? []);
    for (const role of ['killed', 'injured'] as const) {
      const count = inc[role];
      const mine = figures.filter((f) => f.role === role);
      for (const f of mine) {
        precision[role][1]!++;
        const low = f.low ?? -Infinity;
        const high = f.high ?? Infinity;
        if (f.value === count || (low <= count && count <= high)) precision[role][0]!++;
      }
      if (count === 0) continue;
      const hit = mine.some((f) => f.value === count);
      recall[role][1]!++;
      if (hit) recall[role][0]!++;
      const texts = inc.docs.map((d) => corpus.fileText.get(d) ?? '');
      if (texts.some((t) => statesCount(t, count, role))) {
        stated[role][1]!++;
        if (hit) stated[role][0]!++;
        else misses.push(`${role} ${inc.id}: record ${count}, found [${mine.map((f) => f.value).join(', ')}]`);
      }
    }
    if (inc.docs.some((d) => reading.dates.get(d)?.has(inc.date))) dateHit++;
    else misses.push(`date ${inc.id}: record ${inc.date}`);
    if (report) {
      const articles = report.articles.filter((a) => inc.docs.includes(docIdOf(a)));
      const persons = report.entities.filter((e) => e.type === 'PERSON');
      for (const p of inc.participants) {
        if (!p.name.trim()) continue;
        const re = new RegExp(`(?<![\\p{L}])${escapeRegex(p.name.trim())}(?![\\p{L}])`, 'giu');
        const occurrences = articles.flatMap((a) => [...a.text.matchAll(re)].map((m) => ({ article: a.id, start: m.index, end: m.index + m[0].length })));
        if (!occurrences.length) continue;
        personTotal++;
        const found = occurrences.some((o) =>
          persons.some((e) => e.mentions.some((m) => m.article === o.article && m.start <= o.start && m.end >= o.end)),
        );
        if (found) personHit++;
        else misses.push(`person ${inc.id}: ${p.name}`);
      }
    }
  }
  let falseNumberConflicts = 0;
  const conflicted = new Set<string>();
  if (report) {
    const docOf = new Map(report.articles.map((a) => [a.id, docIdOf(a)]));
    const incidentOf = corpus.incidentOf;
    const wanted = new Set(incidents.map((i) => i.id));
    for (const claim of report.claims) {
      for (const c of claim.conflicts) {
        if (c.kind !== 'number') continue;
        const incs = new Set(c.cites.map((x) => incidentOf.get(docOf.get(x.article) ?? '') ?? '?'));
        const [only] = incs;
        if (incs.size !== 1 || !only || !wanted.has(only)) continue;
        falseNumberConflicts++;
        conflicted.add(only);
        misses.push(`number conflict ${only}: ${c.explanation.slice(0, 160)}`);
      }
    }
  }
  const frac = ([a, b]: number[]): number => (b ? (a ?? 0) / b : 0);
  return {
    scores: {
      storyBcubedF1: bcubedF1(pred, gold),
      storyAri: adjustedRand(pred, gold),
      killedRecall: frac(recall.killed),
      injuredRecall: frac(recall.injured),
      killedPrecision: frac(precision.killed),
      injuredPrecision: frac(precision.injured),
      killedRecallStated: frac(stated.killed),
      injuredRecallStated: frac(stated.injured),
      dateRecall: incidents.length ? dateHit / incidents.length : 0,
      personRecall: personTotal ? personHit / personTotal : 0,
      falseNumberConflicts,
      numberConflictIncidentRate: incidents.length ? conflicted.size / incidents.length : 0,
    },
    misses,
  };
}

// ---------- run ----------

const SLICES: readonly GvcSlice[] = ['tune', 'confirm', 'untouched'];

export const run: BenchRun = async (options) => {
  const dir = options.data ? resolve(options.data) : fileURLToPath(new URL('gvc/dev', SHARED_BENCH));
  if (!existsSync(join(dir, 'gold.json')) || !existsSync(join(dir, 'txt'))) throw new BenchDataMissing(dir, 'a GVC split folder with gold.json and txt/');
  const split = loadGvcSplit(dir);
  const fileText = new Map(split.docs.map((d) => [d.id, gvcReadable(readFileSync(d.path, 'utf8'))]));
  const corpus: Corpus = { split, fileText, incidentOf: new Map(split.docs.map((d) => [d.id, d.incident])) };
  const incidents = [...split.incidents.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const sliceOf = (i: GvcIncident): GvcSlice => gvcSlice(i.id);

  options.log(`incidents: analyzing ${split.docs.length} articles of ${incidents.length} incidents as one corpus`);
  const { report, seconds } = await analyzeFolder(join(dir, 'txt'));
  const ours = parallaxReading(report);

  // Baselines: regex counts, TF-IDF agglomerative stories (threshold tuned on the tuning slice), publication dates.
  const docIds = split.docs.map((d) => d.id);
  const texts = docIds.map((d) => fileText.get(d) ?? '');
  const tuneIdx = split.docs.map((d, i) => ({ d, i })).filter(({ d }) => gvcSlice(d.incident) === 'tune');
  const tuneMerges = averageLinkMerges(tfidfVectors(tuneIdx.map(({ i }) => texts[i] ?? '')), THRESHOLD_GRID[0] ?? 0);
  const threshold = tuneThreshold(tuneIdx.length, tuneMerges, tuneIdx.map(({ d }) => d.incident));
  const labels = cut(docIds.length, averageLinkMerges(tfidfVectors(texts), threshold), threshold);
  const baseline: Reading = {
    story: new Map(docIds.map((d, i) => [d, labels[i] ?? d])),
    figures: split.docs.flatMap((d) => regexFigures(d.id, fileText.get(d.id) ?? '')),
    dates: new Map(split.docs.map((d) => [d.id, new Set([d.published])])),
  };

  const all = score(corpus, ours, incidents, report);
  const base = score(corpus, baseline, incidents, null);
  const metrics: Record<string, number> = { ...all.scores, articlesPerSecond: split.docs.length / seconds };
  const baseMetrics: Record<string, number> = { ...base.scores };
  delete baseMetrics.personRecall;
  delete baseMetrics.falseNumberConflicts;
  delete baseMetrics.numberConflictIncidentRate;

  const notes: string[] = [
    `${split.docs.length} articles, ${incidents.length} incidents; parallax found ${report.stories.length} stories in ${seconds.toFixed(1)} s`,
    `baseline: regex counts, tfidf-agglomerative stories (threshold ${threshold.toFixed(2)} tuned on the tuning slice), publication date as the event date`,
    'recall: incidents whose record count (>= 1) equals a killed/injured figure of one of its articles; precision: figures whose interval holds the record;',
    '"stated": only incidents where some article has the count (digits or word) near a role word; false number conflicts: number conflicts citing articles of one incident only',
    '',
    `${'slice'.padEnd(11)}${'incid.'.padStart(7)}${['B3F1', 'ARI', 'killR', 'injR', 'killP', 'injP', 'killSt', 'injSt', 'date', 'person', 'numConf'].map((h) => h.padStart(8)).join('')}`,
  ];
  const row = (name: string, s: Scores, n: number): string =>
    `${name.padEnd(11)}${String(n).padStart(7)}${[
      s.storyBcubedF1, s.storyAri, s.killedRecall, s.injuredRecall, s.killedPrecision, s.injuredPrecision,
      s.killedRecallStated, s.injuredRecallStated, s.dateRecall, s.personRecall,
    ].map((v) => v.toFixed(3).padStart(8)).join('')}${String(s.falseNumberConflicts).padStart(8)}`;
  for (const slice of SLICES) {
    const members = incidents.filter((i) => sliceOf(i) === slice);
    const mine = score(corpus, ours, members, report);
    const theirs = score(corpus, baseline, members, null);
    for (const [k, v] of Object.entries(mine.scores)) metrics[`${k}_${slice}`] = v;
    for (const [k, v] of Object.entries(theirs.scores)) if (k in baseMetrics) baseMetrics[`${k}_${slice}`] = v;
    notes.push(row(slice, mine.scores, members.length), row(`  baseline`, theirs.scores, members.length));
  }
  notes.push(row('all', all.scores, incidents.length), row('  baseline', base.scores, incidents.length));
  // Error analysis on the tuning slice only: the other slices stay unread.
  const tuneMisses = score(corpus, ours, incidents.filter((i) => sliceOf(i) === 'tune'), report).misses;
  if (process.env.PARALLAX_BENCH_MISSES) notes.push('', 'tuning-slice misses:', ...tuneMisses.map((m) => `  ${m}`));
  return {
    bench: 'incidents',
    data: options.data ?? null,
    metrics,
    baseline: { name: 'regex-count + tfidf-agglomerative + published-date', metrics: baseMetrics },
    notes,
  };
};
