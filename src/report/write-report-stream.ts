// Writes a report-v1 assembled from per-story reports as streaming JSON: the whole report is never one string.
import type { Writable } from 'node:stream';
import type { Report } from './schema.js';

/** The report's array sections in report-v1 key order (the keys around them are written by the writer). */
export const REPORT_SECTIONS = [
  'articles',
  'entities',
  'quotes',
  'quoteGroups',
  'times',
  'quantities',
  'attributions',
  'stories',
  'claims',
  'timeline',
  'brief',
  'provenance',
  'coverage',
] as const satisfies readonly (keyof Report)[];

export type ReportSection = (typeof REPORT_SECTIONS)[number];

export interface ReportHead {
  readonly generatedBy: Report['generatedBy'];
  readonly pipeline: Report['pipeline'];
}

/** Bytes buffered before a write to the stream. */
const CHUNK = 1 << 16;

/** A small buffered writer that waits for 'drain' when the stream asks it to. */
class ChunkWriter {
  private buffer = '';
  constructor(private readonly out: Writable) {}

  async write(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length >= CHUNK) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.buffer) return;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.out.write(chunk)) await new Promise<void>((resolve) => this.out.once('drain', resolve));
  }
}

/** `JSON.stringify(value, null, 2)` as it reads nested `depth` levels deep (JSON strings never hold a raw newline). */
function pretty(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/**
 * Writes the report whose every section is the concatenation, story by story, of the stories' sections; byte for byte
 * what `renderJson` writes for that assembled report. `stories` is called once per section and must yield the same
 * reports in the same order each time (e.g. read back one at a time from the store), so at most one story's report
 * is held at once. Returns how many items each section got; `onItem` sees each item as it is written.
 */
export async function writeReportStream(
  out: Writable,
  head: ReportHead,
  stories: () => AsyncIterable<Report> | Iterable<Report>,
  onItem?: (section: ReportSection, item: unknown) => void,
): Promise<Record<ReportSection, number>> {
  const w = new ChunkWriter(out);
  const counts = Object.fromEntries(REPORT_SECTIONS.map((s) => [s, 0])) as Record<ReportSection, number>;
  await w.write(`{\n  "schema": "parallax.report/1",\n  "generatedBy": ${pretty(head.generatedBy, 1)},\n`);
  for (const section of REPORT_SECTIONS) {
    await w.write(`  ${JSON.stringify(section)}: [`);
    let first = true;
    for await (const report of stories()) {
      for (const item of report[section] as readonly unknown[]) {
        await w.write(`${first ? '' : ','}\n    ${pretty(item, 2)}`);
        first = false;
        counts[section]++;
        onItem?.(section, item);
      }
    }
    await w.write(first ? '],\n' : '\n  ],\n');
  }
  await w.write(`  "pipeline": ${pretty(head.pipeline, 1)}\n}\n`);
  await w.flush();
  return counts;
}

/** The same concatenation held in memory, for small corpora and tests (`renderJson` of it equals the stream). */
export function assembleReport(head: ReportHead, stories: Iterable<Report>): Report {
  const list = [...stories];
  const section = <K extends ReportSection>(key: K): Report[K] => list.flatMap((r) => r[key] as readonly unknown[]) as Report[K];
  return {
    schema: 'parallax.report/1',
    generatedBy: head.generatedBy,
    articles: section('articles'),
    entities: section('entities'),
    quotes: section('quotes'),
    quoteGroups: section('quoteGroups'),
    times: section('times'),
    quantities: section('quantities'),
    attributions: section('attributions'),
    stories: section('stories'),
    claims: section('claims'),
    timeline: section('timeline'),
    brief: section('brief'),
    provenance: section('provenance'),
    coverage: section('coverage'),
    pipeline: head.pipeline,
  };
}
