import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cappedLines, citeLabel, MARKDOWN_DEFAULTS, sectionCaps, wordCount, type MarkdownOptions } from './markdown.js';
import type { Report } from './schema.js';

type Line = Report['brief'][number];
const cite = { article: 'a1', start: 0, end: 4 };
const line = (text: string, score: number, outlet?: string): Line => ({ section: 'single-source', text, cites: [cite], score, ...(outlet ? { outlet } : {}) });
const options = (o: Partial<MarkdownOptions>): MarkdownOptions => ({ ...MARKDOWN_DEFAULTS, ...o });

test('a capped section keeps its highest-scored lines, shown in the section\'s own order', () => {
  const lines = [line('d1', 0.2), line('d2', 0.9), line('d3', 0.1), line('d4', 0.5)];
  assert.deepEqual(cappedLines(lines, options({ sectionLines: 2 })).map((l) => l.text), ['d2', 'd4']);
  // In the section's order, not the score's: a timeline stays chronological.
  assert.deepEqual(cappedLines([line('mon', 0.4), line('tue', 0.1), line('wed', 0.8)], options({ sectionLines: 2 })).map((l) => l.text), ['mon', 'wed']);
});

test('one outlet takes at most linesPerOutlet lines of a capped section; --full keeps every line', () => {
  const lines = [line('x1', 0.9, 'X'), line('x2', 0.8, 'X'), line('x3', 0.7, 'X'), line('y1', 0.3, 'Y'), line('z1', 0.2, 'Z')];
  assert.deepEqual(cappedLines(lines, options({ sectionLines: 4, linesPerOutlet: 2 })).map((l) => l.text), ['x1', 'x2', 'y1', 'z1']);
  assert.equal(cappedLines(lines, options({ sectionLines: 4, full: true })).length, 5);
  // A section within its cap is shown whole.
  assert.equal(cappedLines(lines.slice(0, 3), options({ sectionLines: 4, linesPerOutlet: 1 })).length, 3);
});

test('words are counted as wc -w counts them, so anyone can check the budget', () => {
  assert.equal(wordCount('| a | b-c |\n- one, two [Post a1:0-4]'), 10);
  assert.equal(wordCount('  \n '), 0);
});

test('over the word budget, sections give up lines least important first, down to the floor', () => {
  const keys = ['confirmed', 'disputed', 'single-source', 'quotes', 'timeline', 'sources'];
  // Each line is 10 words; the budget allows 6 sections x 5 lines = 300 minus what the sources and timeline give up.
  const render = (caps: ReadonlyMap<string, number>): string => keys.map((k) => 'word '.repeat(10 * (caps.get(k) ?? 0))).join('\n');
  const caps = sectionCaps(render, options({ sectionLines: 8, wordBudget: 420, minSectionLines: 3 }));
  assert.deepEqual(keys.map((k) => caps.get(k)), [8, 8, 8, 8, 7, 3]);
  assert.ok(wordCount(render(caps)) <= 420);
  // When even the floor is over budget, every section keeps its floor.
  const floor = sectionCaps(render, options({ sectionLines: 8, wordBudget: 10, minSectionLines: 3 }));
  assert.deepEqual(keys.map((k) => floor.get(k)), [3, 3, 3, 3, 3, 3]);
});

test('a cite is labelled by its outlet, but an "outlet" too long to be a name gives way to the file name', () => {
  const article = (outlet: string | null, path?: string): Parameters<typeof citeLabel>[0] => ({
    id: 'a1',
    outlet,
    source: path ? { path } : { url: 'https://news.example.org/x' },
  });
  assert.equal(citeLabel(article('Harbour Post', 'in/post.txt')), 'Harbour Post');
  const lede = 'BERLIN — The chancellor spoke with the president by phone on Tuesday as the strike on the capital began, officials said';
  assert.equal(citeLabel(article(lede, 'in/berlin-wire.txt')), 'berlin-wire.txt');
  assert.equal(citeLabel(article(null)), 'news.example.org');
});

test('escapeMarkdown keeps hostile text on one inert line: line breaks, lone CR, controls, links, tables, HTML', async () => {
  const { escapeMarkdown, renderJson } = await import('./markdown.js');
  const hostile = 'Quay\rfire\u2028| x | y |\n\x1b[31mred\x1b[0m [click](javascript:alert(1)) <img src=x onerror=y> ~~gone~~ \u202Eevil\x85end';
  const out = escapeMarkdown(hostile);
  assert.doesNotMatch(out, /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202e]/);
  assert.doesNotMatch(out, /(^|[^\\])[|[\]~]/, 'every pipe, bracket and tilde is escaped');
  assert.doesNotMatch(out, /</);
  assert.equal(out, 'Quay fire \\| x \\| y \\| \\[31mred\\[0m \\[click\\](javascript:alert(1)) &lt;img src=x onerror=y> \\~\\~gone\\~\\~ evil end');
  const json = renderJson({ title: 'a\u2028b\x9b\u202Ec' } as unknown as Report);
  assert.doesNotMatch(json, /[\x7f-\x9f\u2028\u202e]/);
  assert.deepEqual(JSON.parse(json), { title: 'a\u2028b\x9b\u202Ec' });
});
