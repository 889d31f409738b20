// The Markdown brief of a five-article story fits on two screens, every line cited; --full and the JSON keep everything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeTexts, type TextDoc } from './helpers/corpus.js';
import { longStory } from './helpers/long-story.js';
import { BRIEF_DEFAULTS } from '../src/corpus/brief/index.js';
import { buildReport, MARKDOWN_DEFAULTS, renderMarkdown, wordCount, type Report } from '../src/report/index.js';
import { assertReportInvariants } from './report-invariants.js';

const examples = new URL('../examples/', import.meta.url).pathname;
const CITE_RE = /\[[^\]]* [\w-]+:\d+-\d+\]/;

function exampleStory(count: number): TextDoc[] {
  return readdirSync(examples)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .slice(0, count)
    .map((f) => ({ path: f, text: readFileSync(join(examples, f), 'utf8') }));
}

function reportOf(docs: readonly TextDoc[]): Report {
  return buildReport(analyzeTexts(docs), { pipeline: [] });
}

/** Bullet lines of the brief's own sections (the ones that must cite). */
function briefBullets(markdown: string): string[] {
  const sections = ['Confirmed', 'Where accounts differ', 'Reported by one outlet only', 'Who said what', 'Timeline', 'Sources and provenance'];
  let inBrief = false;
  return markdown.split('\n').filter((l) => {
    if (l.startsWith('## ')) inBrief = sections.includes(l.slice(3));
    return inBrief && l.startsWith('- ');
  });
}

for (const [name, docs] of [
  ['five example articles', exampleStory(5)],
  ['five long invented articles', longStory()],
] as const) {
  test(`${name}: the Markdown brief is at most ${MARKDOWN_DEFAULTS.wordBudget} words and every line cites its source`, () => {
    const report = reportOf(docs);
    assert.equal(report.articles.length, 5);
    assertReportInvariants(report);
    const md = renderMarkdown(report);
    assert.ok(wordCount(md) <= 1200, `${wordCount(md)} words`);
    const bullets = briefBullets(md);
    assert.ok(bullets.length >= 6, md);
    for (const b of bullets) assert.match(b, CITE_RE, b);
  });
}

test('long coverage: capped sections say how many lines they leave out; --full and the JSON keep every one', () => {
  const report = reportOf(longStory());
  const md = renderMarkdown(report);
  const full = renderMarkdown(report, { full: true });
  assert.ok(report.brief.filter((b) => b.section === 'single-source').length > 40, 'the story has many single-source claims');
  assert.match(md, /_…and \d+ more \(see --full \/ JSON\)\._/);
  assert.ok(wordCount(full) > 3 * wordCount(md), `${wordCount(full)} vs ${wordCount(md)}`);
  assert.equal(briefBullets(full).length, report.brief.length);
  assert.doesNotMatch(full, /more \(see --full/);
  // The most important single-source lines lead their section, grouped by outlet.
  const single = report.brief.filter((b) => b.section === 'single-source');
  const outlets = single.map((b) => b.outlet);
  const firstSeen = outlets.filter((o, i) => outlets.indexOf(o) === i);
  assert.deepEqual(outlets, firstSeen.flatMap((o) => outlets.filter((x) => x === o)), 'lines of one outlet are together');
  assert.ok(single.every((b) => typeof b.score === 'number'));
});

test('every cite of a claim line is at most one sentence and maxCite characters, and slices to the words it shows', () => {
  for (const report of [reportOf(exampleStory(8)), reportOf(longStory())]) {
    const text = new Map(report.articles.map((a) => [a.id, a.text]));
    for (const b of report.brief.filter((x) => x.section === 'confirmed' || x.section === 'single-source')) {
      for (const c of b.cites) assert.ok(c.end - c.start <= BRIEF_DEFAULTS.maxCite, `${c.end - c.start} chars: ${b.text}`);
      const first = b.cites[0]!;
      const words = (text.get(first.article) ?? '').slice(first.start, first.end).replace(/\s+/g, ' ').trim();
      assert.ok(b.text.endsWith(words), `${b.text} / ${words}`);
    }
  }
});
