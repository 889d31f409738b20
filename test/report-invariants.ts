// Checks every report must pass: schema-valid, every cite and span slices to non-empty text of its article.
import assert from 'node:assert/strict';
import { reportSchema, type Report } from '../src/report/index.js';

export function assertReportInvariants(report: Report): void {
  const parsed = reportSchema.safeParse(report);
  assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 5), null, 2));
  const text = new Map(report.articles.map((a) => [a.id, a.text]));
  const check = (where: string, c: { article: string; start: number; end: number }): void => {
    const t = text.get(c.article);
    assert.ok(t !== undefined, `${where} cites unknown article ${c.article}`);
    assert.ok(c.start >= 0 && c.end <= t.length && c.start < c.end, `${where} has an empty or out-of-range span ${c.start}-${c.end}`);
    assert.ok(t.slice(c.start, c.end).trim().length > 0, `${where} slices to blank text`);
  };
  report.brief.forEach((b, i) => {
    assert.ok(b.cites.length > 0, `brief[${i}] has no citation: ${b.text}`);
    b.cites.forEach((c) => check(`brief[${i}]`, c));
  });
  for (const e of report.entities) e.mentions.forEach((m) => check(`entity ${e.id}`, m));
  for (const q of report.quotes) {
    check(`quote ${q.id}`, q);
    assert.equal(text.get(q.article)?.slice(q.start, q.end), q.text, `quote ${q.id} text differs from its slice`);
  }
  for (const x of [...report.times, ...report.quantities, ...report.attributions]) check(`span in ${x.article}`, x);
  for (const c of report.claims) {
    c.mentions.forEach((m) => check(`claim ${c.id}`, m));
    for (const k of c.conflicts) k.cites.forEach((m) => check(`conflict ${c.id}/${k.claim}`, m));
  }
  for (const t of report.timeline) t.cites.forEach((m) => check(`timeline ${t.date}`, m));
}
