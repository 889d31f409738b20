// The readable Markdown brief: every line carries its citations; article text is escaped, never trusted.
import type { Report } from './schema.js';

export interface MarkdownOptions {
  /** Every line of every section and the detail sections (`--full`); otherwise each section is capped. */
  readonly full: boolean;
  /** Lines a brief section shows before "and N more": about one screen's worth of the section. */
  readonly sectionLines: number;
  /** Single-source lines one outlet may take, so one long article cannot fill its section. */
  readonly linesPerOutlet: number;
  /** Cites shown on one line; the others are counted (all are in the JSON). */
  readonly citesPerLine: number;
  /** Rows of the entity table. */
  readonly entityRows: number;
  /** Words the capped brief aims to stay within: two screens. */
  readonly wordBudget: number;
  /** Lines a section keeps however long the brief runs. */
  readonly minSectionLines: number;
}

export const MARKDOWN_DEFAULTS: MarkdownOptions = {
  full: false,
  sectionLines: 8,
  linesPerOutlet: 3,
  citesPerLine: 2,
  entityRows: 6,
  wordBudget: 1200,
  minSectionLines: 2,
};

type BriefLine = Report['brief'][number];

/**
 * The lines a capped section shows: the highest scores (at most `linesPerOutlet` per single-source outlet), shown in
 * the section's own order (by importance, by outlet, or by date for the timeline).
 */
export function cappedLines(lines: readonly BriefLine[], options: MarkdownOptions): BriefLine[] {
  if (options.full || lines.length <= options.sectionLines) return [...lines];
  const perOutlet = new Map<string, number>();
  const kept = new Set<number>();
  const ranked = lines.map((line, i) => ({ line, i })).sort((a, b) => (b.line.score ?? 0) - (a.line.score ?? 0) || a.i - b.i);
  for (const { line, i } of ranked) {
    if (kept.size >= options.sectionLines) break;
    const taken = line.outlet === undefined ? 0 : perOutlet.get(line.outlet) ?? 0;
    if (line.outlet !== undefined && taken >= options.linesPerOutlet) continue;
    if (line.outlet !== undefined) perOutlet.set(line.outlet, taken + 1);
    kept.add(i);
  }
  return lines.filter((_, i) => kept.has(i));
}

function more(shown: number, total: number, what = ''): string[] {
  return total > shown ? [`_…and ${total - shown} more${what} (see --full / JSON)._`] : [];
}

const SECTIONS: readonly { readonly key: Report['brief'][number]['section']; readonly title: string }[] = [
  { key: 'confirmed', title: 'Confirmed' },
  { key: 'disputed', title: 'Where accounts differ' },
  { key: 'single-source', title: 'Reported by one outlet only' },
  { key: 'quotes', title: 'Who said what' },
  { key: 'timeline', title: 'Timeline' },
  { key: 'sources', title: 'Sources and provenance' },
];

/** Every line break a renderer or terminal honours: CRLF, lone CR, LF, VT, FF, NEL, U+2028, U+2029. */
const LINE_BREAKS = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;
/** Control characters (C0, DEL, C1) and bidirectional overrides/isolates: dropped, they only ever hide or reorder text. */
const INVISIBLE_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Escapes untrusted text for one Markdown line or table cell: no HTML tag can open (no raw "<"), no Markdown
 * syntax acts (emphasis, code, links, tables, headings, strikethrough), no line break splits a row (a lone CR
 * included), and no control character reaches a terminal that shows the file.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(LINE_BREAKS, ' ')
    .replace(INVISIBLE_CONTROLS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/([\\`*_[\]|#~])/g, '\\$1');
}

/** "1 story", "3 stories". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The longest outlet name a cite shows: past it, the "outlet" is a misread sentence of the article, not a name. */
const MAX_LABEL = 60;

/** A cite's label: the outlet, else (or when it is too long to be a name) the file name, the URL's host, the id. */
export function citeLabel(a: Pick<Report['articles'][number], 'id' | 'outlet' | 'source'>): string {
  if (a.outlet && a.outlet.length <= MAX_LABEL) return a.outlet;
  const file = a.source.path?.split(/[\\/]/).pop();
  const host = a.source.url ? /^[a-z]+:\/\/([^/]+)/i.exec(a.source.url)?.[1] : undefined;
  return file ?? host ?? a.id;
}

/** Words as `wc -w` counts them (runs of non-space characters, table pipes included): the budget anyone can check. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * Lines per brief section for the capped brief: each section starts at `sectionLines`; while the whole brief is over
 * `wordBudget`, sections give up lines down to `minSectionLines`, least important first: sources, timeline, quotes,
 * single-source, then disputed and confirmed (what the cross-check is for goes last).
 */
export function sectionCaps(render: (caps: ReadonlyMap<string, number>) => string, options: MarkdownOptions): Map<string, number> {
  const caps = new Map(SECTIONS.map((s) => [s.key as string, options.sectionLines]));
  let words = wordCount(render(caps));
  for (const key of [...SECTIONS].reverse().map((s) => s.key as string)) {
    while (words > options.wordBudget && (caps.get(key) ?? 0) > options.minSectionLines) {
      caps.set(key, (caps.get(key) ?? 0) - 1);
      words = wordCount(render(caps));
    }
  }
  return caps;
}

export function renderMarkdown(report: Report, overrides: Partial<MarkdownOptions> = {}): string {
  const options: MarkdownOptions = { ...MARKDOWN_DEFAULTS, ...overrides };
  const label = new Map(report.articles.map((a) => [a.id, citeLabel(a)]));
  const cite = (c: { article: string; start: number; end: number }): string => `[${escapeMarkdown(label.get(c.article) ?? c.article)} ${c.article}:${c.start}-${c.end}]`;
  const cites = (cs: readonly { article: string; start: number; end: number }[]): string => {
    const shown = options.full ? cs : cs.slice(0, options.citesPerLine);
    return [...shown.map(cite), ...(cs.length > shown.length ? [`(+${cs.length - shown.length} more)`] : [])].join(' ');
  };

  const head: string[] = [];
  const titles = report.stories.map((s) => escapeMarkdown(s.title)).join('; ');
  head.push(`# Parallax brief${titles ? `: ${titles}` : ''}`, '');
  const outlets = new Set(report.articles.map((a) => a.outlet ?? a.id)).size;
  head.push(`${count(report.articles.length, 'article')} from ${count(outlets, 'outlet')}, ${count(report.stories.length, 'story', 'stories')}, ${count(report.claims.length, 'claim')}.`, '');

  const sections = (caps: ReadonlyMap<string, number>): string[] => {
    const out: string[] = [];
    for (const section of SECTIONS) {
      const lines = report.brief.filter((b) => b.section === section.key);
      const shown = cappedLines(lines, { ...options, sectionLines: caps.get(section.key) ?? options.sectionLines });
      out.push(`## ${section.title}`, '');
      if (!lines.length) out.push('_Nothing in this section._');
      for (const b of shown) out.push(`- ${escapeMarkdown(b.text)} ${cites(b.cites)}`);
      out.push(...more(shown.length, lines.length), '');
    }
    return out;
  };

  if (!options.full) {
    const tail = [...coverageTable(report, options), ...entityTable(report, options), ...articleTable(report, options), fullNote(report)];
    const render = (caps: ReadonlyMap<string, number>): string => `${[...head, ...sections(caps), ...tail].join('\n')}\n`;
    return render(sectionCaps(render, options));
  }

  const out = [...head, ...sections(new Map())];
  const conflicts = report.claims.flatMap((c) => c.conflicts.filter((k) => c.id < k.claim).map((k) => ({ c, k })));
  if (conflicts.length) {
    out.push('## Conflicts in detail', '');
    for (const { c, k } of conflicts) out.push(`- **${k.kind}** (${c.id} vs ${k.claim}): ${escapeMarkdown(k.explanation)} ${cites(k.cites)}`);
    out.push('');
  }

  const variants = report.quoteGroups.filter((g) => g.relation !== 'identical');
  if (variants.length) {
    out.push('## Quote variants', '');
    const quote = new Map(report.quotes.map((q) => [q.id, q]));
    for (const g of variants) {
      const speaker = report.entities.find((e) => e.id === g.speaker)?.name ?? 'unknown speaker';
      out.push(`- ${escapeMarkdown(speaker)}, ${g.relation}: ${g.quotes.map((id) => `"${escapeMarkdown(quote.get(id)?.text ?? id)}" ${quote.get(id) ? cite(quote.get(id)!) : ''}`).join(' / ')}`);
      for (const d of g.differences) out.push(`  - ${d.quote}: "${escapeMarkdown(d.from)}" → "${escapeMarkdown(d.to)}"`);
    }
    out.push('');
  }

  out.push(...coverageTable(report, options));

  const anonymous = report.claims.filter((c) => c.anonymousOnly);
  if (anonymous.length) {
    out.push('## Resting only on anonymous sources', '');
    for (const c of anonymous) out.push(`- ${c.id}: ${escapeMarkdown(c.summary)} ${cites(c.mentions)}`);
    out.push('');
  }

  out.push(...entityTable(report, options), ...articleTable(report, options));
  return `${out.join('\n')}\n`;
}

/** Capped: one line per story ("of 28 claims: Nordwire 11, ... (misses 1 confirmed)"); full: the table with claim ids. */
function coverageTable(report: Report, options: MarkdownOptions): string[] {
  if (!report.coverage.some((c) => c.outlets.length > 1)) return [];
  if (!options.full) {
    const lines = report.coverage.map((c) => {
      const total = report.claims.filter((k) => k.story === c.story).length;
      const outlets = c.outlets.map((o) => `${escapeMarkdown(o.outlet)} ${o.carries.length}${o.omitsCorroborated.length ? ` (misses ${o.omitsCorroborated.length} confirmed)` : ''}`);
      return `Claims each outlet carries, of ${total} in ${c.story}: ${outlets.join(', ')}.`;
    });
    return ['## Coverage by outlet', '', ...lines, ''];
  }
  const out = ['## Coverage by outlet', '', '| story | outlet | carries | omits | omits, though corroborated |', '|---|---|---|---|---|'];
  for (const c of report.coverage) {
    const total = report.claims.filter((k) => k.story === c.story).length;
    for (const o of c.outlets) {
      out.push(`| ${c.story} | ${escapeMarkdown(o.outlet)} | ${o.carries.length} of ${total} | ${o.omits.length} | ${o.omitsCorroborated.join(', ')} |`);
    }
  }
  return [...out, ''];
}

/** The most mentioned entities (the report lists them by mentions): 40 rows in full, `entityRows` otherwise. */
function entityTable(report: Report, options: MarkdownOptions): string[] {
  const rows = report.entities.slice(0, options.full ? 40 : options.entityRows);
  const out = ['## Entities', '', '| entity | type | also written | mentions |', '|---|---|---|---|'];
  for (const e of rows) out.push(`| ${escapeMarkdown(e.name)} | ${e.type} | ${escapeMarkdown(e.aliases.join(', '))} | ${e.mentions.length} |`);
  if (!options.full) out.push(...more(rows.length, report.entities.length, ' entities').map((l) => `\n${l}`));
  return [...out, ''];
}

/** Every article (cites name them), its notes in full or, capped, its warnings counted. */
function articleTable(report: Report, options: MarkdownOptions): string[] {
  const out = ['## Articles', '', '| id | outlet | published | title | removed | notes |', '|---|---|---|---|---|---|'];
  for (const a of report.articles) {
    const problems = a.diagnostics.filter((d) => d.severity !== 'info');
    const notes = [
      a.duplicateOf ? `near-copy of ${a.duplicateOf}` : '',
      a.credits.length ? `credits ${a.credits.join(', ')}` : '',
      ...(options.full ? problems.map((d) => `${d.severity}: ${d.message}`) : problems.length ? [count(problems.length, 'warning')] : []),
    ].filter(Boolean);
    out.push(
      `| ${a.id} | ${escapeMarkdown(options.full ? a.outlet ?? '?' : citeLabel(a))} | ${escapeMarkdown(a.published ?? '?')} | ${escapeMarkdown(a.title ?? '')} | ${a.removed.length} | ${escapeMarkdown(notes.join('; '))} |`,
    );
  }
  return [...out, ''];
}

/** Where the capped brief sends a reader for everything it leaves out. */
function fullNote(report: Report): string {
  const conflicts = report.claims.reduce((n, c) => n + c.conflicts.filter((k) => c.id < k.claim).length, 0);
  return `_Capped brief. Every claim (${report.claims.length}), conflict in detail (${conflicts}), quote variant and warning: \`parallax report --full\` or \`--format json\`._\n`;
}

/** Characters JSON.stringify leaves raw that a terminal may act on (DEL, C1, separators, bidi controls). */
const JSON_INERT = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The report as JSON; the characters above are written as \uXXXX escapes (the same value), so printing it is safe. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2).replace(JSON_INERT, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
