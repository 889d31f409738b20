import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readLeadPrefix } from './read-lead-prefix.js';

function read(p: string): Record<string, string | null> {
  const r = readLeadPrefix(p);
  return { published: r.published, outlet: r.outlet, aggregator: r.aggregator, dateline: r.dateline, credit: r.credit, rest: p.slice(r.length) };
}

test('a crawler date, an aggregator fragment and a dateline glued to the lead are read in turn', () => {
  assert.deepEqual(read(' date 2025-07-04 NEWSWIRE - Daily Ledger) KYIV — Drones struck the port.'), {
    published: '2025-07-04', outlet: 'Daily Ledger', aggregator: 'NEWSWIRE', dateline: 'KYIV', credit: null, rest: 'Drones struck the port.',
  });
});

test('a masthead gives its host as the outlet, then a slash dateline', () => {
  const r = read('Noticias media EU Noticias.eu BERLIN/PARIS — Ministers met.');
  assert.equal(r['outlet'], 'Noticias.eu');
  assert.equal(r['dateline'], 'BERLIN/PARIS');
  assert.equal(r['rest'], 'Ministers met.');
  assert.equal(read('Noticias media EU Noticias.eu')['rest'], '');
});

test('a wire dateline needs no dash after its credit', () => {
  const r = read('Lagos, May 2 (AFP) The governor spoke.');
  assert.equal(r['dateline'], 'Lagos, May 2');
  assert.equal(r['credit'], 'AFP');
  assert.equal(r['rest'], 'The governor spoke.');
});

test('an outlet name glued before an upper-case dateline is the outlet', () => {
  const r = read('Daily Ledger BERLIN — Ministers met.');
  assert.equal(r['outlet'], 'Daily Ledger');
  assert.equal(r['dateline'], 'BERLIN');
});

test('plain leads, and hosts inside a sentence, are left alone', () => {
  for (const p of ['The council voted on Tuesday.', 'Valmore.com Inc said on Monday it would sell the ferry line.', 'Harbor-news.com reported the closure first.', 'Date night at the port drew crowds.']) {
    assert.equal(readLeadPrefix(p).length, 0, p);
  }
});
