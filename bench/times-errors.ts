// Lists the times stage's wrong values on the TempEval-3 tuning files, grouped by gold type and value shape against ours.
// Usage: tsx bench/times-errors.ts [data dir] [--half A|B] [--context]   (never reads the held-out TimeBank half)
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { extractTimes } from '../src/stages/times/index.js';
import { valueShape } from '../src/stages/times/timeml-choices.js';
import { findTml, matchTimexes, parseTml, partsOf, sameValue, tuningHalves } from './times.js';

/** A value's shape, finer than the table's for durations: a counted unit (P3Y) apart from an unknown count (PXY). */
export function errorShape(value: string | null): string {
  const shape = valueShape(value);
  if (shape !== 'duration' || value === null) return shape;
  const m = /^PT?([\dX.]+)([A-Z])$/.exec(value);
  return m ? `P${m[1] === 'X' ? 'X' : '#'}${value.startsWith('PT') ? 'T' : ''}${m[2]}` : 'duration';
}

/** How a wrong value of the same shape differs: the year, the month, the day, or the count. */
export function sameShapeDifference(gold: string, ours: string): string {
  const g = /^(\d{4})(?:-(\d\d|W\d\d|Q\d|[A-Z]{2}))?(?:-(\d\d))?/.exec(gold);
  const o = /^(\d{4})(?:-(\d\d|W\d\d|Q\d|[A-Z]{2}))?(?:-(\d\d))?/.exec(ours);
  if (!g || !o) return 'other';
  if (g[1] !== o[1]) return 'year differs';
  if (g[2] !== o[2]) return 'month/week/quarter differs';
  return 'day differs';
}

function main(): void {
  const args = process.argv.slice(2);
  const dataPath = resolve(args.find((a) => !a.startsWith('--') && !/^[AB]$/.test(a)) ?? '../shared/bench/tempeval3');
  const only = args.includes('--half') ? args[args.indexOf('--half') + 1] : null;
  const withContext = args.includes('--context');
  const docs = findTml(dataPath).map((f) => parseTml(readFileSync(f, 'utf8'), f));
  const halves = tuningHalves(partsOf(dataPath, docs));
  const groups = new Map<string, string[]>();
  for (const [i, doc] of docs.entries()) {
    const half = halves[i];
    if (!half || (only && half !== only)) continue;
    const found = extractTimes(doc.text, doc.dct, { style: 'timeml' });
    for (const [gi, si] of matchTimexes(doc.gold, found).entries()) {
      const g = doc.gold[gi];
      const s = si >= 0 ? found[si] : undefined;
      if (!g || !s || (s.value !== null && g.value !== null && sameValue(s.value, g.value))) continue;
      const gs = errorShape(g.value);
      const ss = errorShape(s.value);
      const key = `${g.type} ${gs} vs ${ss}${gs === ss && g.value && s.value ? ` (${sameShapeDifference(g.value, s.value)})` : ''}`;
      const phrase = doc.text.slice(s.start, s.end).replace(/\s+/g, ' ');
      const context = withContext ? ` | ${doc.text.slice(Math.max(0, g.start - 70), g.end + 40).replace(/\s+/g, ' ')}` : '';
      const line = `  ${half} ${doc.path.replace(/^.*\//, '')} dct=${doc.dct} ${JSON.stringify(phrase)} gold=${g.value} ours=${s.value}${context}`;
      groups.set(key, [...(groups.get(key) ?? []), line]);
    }
  }
  const total = [...groups.values()].reduce((n, l) => n + l.length, 0);
  console.log(`${total} wrong values on matched extents${only ? ` (half ${only})` : ''}`);
  for (const [key, lines] of [...groups].sort(([, a], [, b]) => b.length - a.length)) {
    const a = lines.filter((l) => l.startsWith('  A')).length;
    console.log(`${key}: ${lines.length} (A ${a} / B ${lines.length - a})`);
    for (const l of lines) console.log(l);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
