import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTextHeader } from './parse-text-header.js';

const lines = (s: string): string[] => s.split('\n');

test('date, time and outlet on one line, then title and byline', () => {
  const h = parseTextHeader(lines('date 2026-03-14 07:40 The Harbor Courier\nFerry strike halts crossings\n\nBy Jane Doe | Harbor Courier\n\nVALMORE, March 14 – Crews walked out.'));
  assert.equal(h.published, '2026-03-14T07:40');
  assert.equal(h.outlet, 'The Harbor Courier');
  assert.equal(h.title, 'Ferry strike halts crossings');
  assert.equal(h.byline, 'Jane Doe');
  assert.equal(h.bylineOutlet, 'Harbor Courier');
  assert.equal(h.bodyStart, 4);
});

test('month-precision date with the outlet on the next line', () => {
  const h = parseTextHeader(lines('date 2026-03\nLantern Gazette\n\nKYIV (AP) — Officials said.\n\nMore text.'));
  assert.equal(h.published, '2026-03');
  assert.equal(h.outlet, 'Lantern Gazette');
  assert.equal(h.title, null);
  assert.equal(h.bodyStart, 2);
});

test('a first line ending in a period is body, not a title', () => {
  const h = parseTextHeader(lines('The council voted on Tuesday.\n\nMayor Ilse Varga said it was overdue.'));
  assert.equal(h.title, null);
  assert.equal(h.bodyStart, 0);
});

test('a junk byline line is consumed but not kept as a byline', () => {
  const h = parseTextHeader(lines('Bridge reopens\n\nBy Staff\n\nThe bridge reopened.'));
  assert.equal(h.title, 'Bridge reopens');
  assert.equal(h.byline, null);
});

test('a lead glued after the date is body, not the outlet', () => {
  const h = parseTextHeader(lines(' date 2025-07-04 Officials in Sorrel Bay said on Thursday that the port would reopen.\n\nMore text.'));
  assert.equal(h.published, '2025-07-04');
  assert.equal(h.outlet, null);
  assert.equal(h.lead, 'Officials in Sorrel Bay said on Thursday that the port would reopen.');
  assert.equal(h.bodyStart, 1);
});

test('a masthead line is not a title, and a photo credit under the date is not an outlet', () => {
  const m = parseTextHeader(lines('Noticias media EU Noticias.eu\n\nBERLIN — Ministers met.\n\nMore text.'));
  assert.equal(m.title, null);
  assert.equal(m.bodyStart, 0);
  const c = parseTextHeader(lines('date 2026-03-14\nPhoto: Mira Tal\n\nCrews walked out.'));
  assert.equal(c.outlet, null);
});

test('a title may end in an abbreviation or an ellipsis, but not in a sentence period', () => {
  assert.equal(parseTextHeader(lines('Ferry crew hurt in Sorrel Bay, Fla.\n\nThe crew was hurt.\n\nMore.')).title, 'Ferry crew hurt in Sorrel Bay, Fla.');
  assert.equal(parseTextHeader(lines('Mayor says ferry levy will stay...\n\nThe mayor spoke.\n\nMore.')).title, 'Mayor says ferry levy will stay...');
  assert.equal(parseTextHeader(lines('The crew returned to Rome.\n\nThe mayor spoke.\n\nMore.')).title, null);
});
