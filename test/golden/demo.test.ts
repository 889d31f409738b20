// Pins what the demo must find in examples/, and a reviewed summary of the whole report (update: npm run test:golden-update).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { analyzeFolder } from '../helpers/corpus.js';
import { assertReportInvariants } from '../report-invariants.js';
import type { Report } from '../../src/report/index.js';

const examples = new URL('../../examples/', import.meta.url).pathname;
const goldenPath = new URL('./demo-summary.json', import.meta.url);
const { report } = await analyzeFolder([examples]);

const byOutlet = (name: string): Report['articles'][number] => {
  const a = report.articles.find((x) => x.outlet === name);
  assert.ok(a, `no article from ${name}; outlets: ${report.articles.map((x) => x.outlet).join(', ')}`);
  return a;
};
const outletOf = (id: string): string => report.articles.find((a) => a.id === id)?.outlet ?? id;
const conflicts = report.claims.flatMap((c) => c.conflicts.map((k) => ({ claim: c, conflict: k })));
const citedText = (c: { article: string; start: number; end: number }): string =>
  report.articles.find((a) => a.id === c.article)?.text.slice(c.start, c.end) ?? '';

test('the demo report is schema-valid and every cite slices to text', () => {
  assertReportInvariants(report);
  assert.equal(report.articles.length, 8);
});

test('the planted contradiction (Monday vs Tuesday evening) is a time conflict citing Eastline News', () => {
  const eastline = byOutlet('Eastline News').id;
  const hit = conflicts.find((x) => x.conflict.kind === 'time' && x.conflict.cites.some((c) => c.article === eastline));
  assert.ok(hit, `time conflicts: ${JSON.stringify(conflicts.filter((x) => x.conflict.kind === 'time').map((x) => x.conflict.explanation))}`);
  assert.ok(hit.conflict.cites.some((c) => c.article !== eastline), 'both passages are cited');
  assert.ok(hit.conflict.cites.some((c) => /Monday/.test(citedText(c))));
});

test('the reworded mayor quote is a variant group naming the differing words', () => {
  const group = report.quoteGroups.find((g) => g.relation === 'variant' && g.differences.some((d) => /this week|at all/.test(`${d.from} ${d.to}`)));
  assert.ok(group, `quote groups: ${JSON.stringify(report.quoteGroups)}`);
  const d = group.differences.find((x) => /this week|at all/.test(`${x.from} ${x.to}`))!;
  assert.deepEqual([d.from, d.to].sort(), ['at all', 'this week']);
});

test('Kovalsky, Kovalskiy and Kovalskyy are one entity', () => {
  const forms = (e: Report['entities'][number]): string => [e.name, ...e.aliases].join(' | ');
  const mayor = report.entities.filter((e) => /Kovalsk/.test(forms(e)));
  assert.equal(mayor.length, 1, JSON.stringify(mayor.map(forms)));
  for (const spelling of [/Kovalsky\b/, /Kovalskiy/, /Kovalskyy/]) assert.match(forms(mayor[0]!), spelling);
  assert.equal(mayor[0]!.type, 'PERSON');
});

test('compatible injury counts (at least 17 / more than a dozen / seventeen) are not flagged', () => {
  const bad = conflicts.filter((x) => x.conflict.kind === 'number' && x.conflict.cites.some((c) => /17|dozen|Seventeen/i.test(citedText(c))));
  assert.deepEqual(bad.map((x) => x.conflict.explanation), []);
});

test('the syndicated copy is a near-duplicate of the wire story and its junk is removed with reasons', () => {
  const copy = byOutlet('Coastal Daily Post');
  assert.equal(copy.duplicateOf, byOutlet('Nordwire').id);
  assert.ok(copy.removed.length >= 6, JSON.stringify(copy.removed));
  assert.doesNotMatch(copy.text, /^(Login|Share\.|Subscribe)$/m);
  assert.doesNotMatch(copy.text, /ALSO READ|newsletter|Photo:/);
  assert.ok(copy.removed.every((r) => r.reason.length > 0));
});

/** A compact, reviewable digest of the report: refreshed only by an explicit update. */
function summary(r: Report): unknown {
  return {
    articles: r.articles.map((a) => ({ outlet: a.outlet, published: a.published, dateline: a.dateline, byline: a.byline, credits: a.credits, duplicateOf: a.duplicateOf ? outletOf(a.duplicateOf) : null, removed: a.removed.map((x) => x.reason) })),
    entities: r.entities.filter((e) => e.mentions.length > 1).map((e) => `${e.type} ${e.name}${e.aliases.length ? ` = ${[...e.aliases].sort().join(' = ')}` : ''}`),
    quoteGroups: r.quoteGroups.map((g) => ({ relation: g.relation, differences: g.differences.map((d) => `${d.from} -> ${d.to}`) })),
    claims: r.claims.map((c) => `${c.status}${c.evolution ? ' (evolving)' : ''} [${c.outlets.join(', ')}] ${c.summary}`),
    conflicts: conflicts.map((x) => `${x.conflict.kind}: ${x.conflict.explanation}`),
    brief: r.brief.map((b) => `${b.section}: ${b.text}`),
  };
}

test('the report matches the reviewed golden summary (refresh: npm run test:golden-update)', () => {
  const current = summary(report);
  if (process.env.PARALLAX_UPDATE_GOLDEN === '1' || !existsSync(goldenPath)) {
    writeFileSync(goldenPath, `${JSON.stringify(current, null, 2)}\n`);
    if (process.env.PARALLAX_UPDATE_GOLDEN !== '1') assert.fail('test/golden/demo-summary.json was missing and has been written: review and commit it');
    return;
  }
  assert.deepEqual(current, JSON.parse(readFileSync(goldenPath, 'utf8')));
});
