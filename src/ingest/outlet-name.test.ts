import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileStem, hostOf, isOutletName } from './outlet-name.js';

test('names and hosts are outlet names', () => {
  for (const name of ['Daily Ledger', 'The Times of Sorrel Bay', 'Noticias.eu', 'harbor-courier.com', 'Noticias media EU', 'KVLM 11', 'Radio Aldria', 'Valmore Media Co.']) {
    assert.equal(isOutletName(name), true, name);
  }
});

test('sentences, bylines, dates, captions and fragments are not outlet names', () => {
  for (const text of [
    'Officials in the fictional port of Sorrel Bay said on Thursday that a drone struck a grain terminal',
    'The port reopened.',
    'By Mira Tal',
    'March 10, 2026 2:18 PM',
    'Updated: Mar 21, 2026',
    'NEWSWIRE - Daily Ledger)',
    'Mira Tal (Photo: Harbor Courier)',
    'VALMORE, Aldr. -',
    'ships may dock again, the authority said',
    'x'.repeat(61),
  ]) {
    assert.equal(isOutletName(text), false, text);
  }
});

test('hosts lose their www-like prefix; file stems are used only for whole files', () => {
  assert.equal(hostOf('https://www.daily-ledger.example/a/b'), 'daily-ledger.example');
  assert.equal(hostOf('not a url'), null);
  assert.equal(fileStem({ path: 'in/daily-ledger-0704.txt' }), 'daily-ledger-0704');
  assert.equal(fileStem({ path: 'in/items.jsonl', record: 'line 3' }), null);
  assert.equal(fileStem({ path: '-' }), null);
});
