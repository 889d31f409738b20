import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDateline } from './parse-dateline.js';

function strip(p: string): { dateline: string | null; credit: string | null; rest: string } {
  const d = parseDateline(p);
  return { dateline: d?.text ?? null, credit: d?.credit ?? null, rest: d ? p.slice(d.length) : p };
}

test('wire datelines give place, date and the canonical credit', () => {
  assert.deepEqual(strip('BERLIN, May 2 (Reuters) - Talks resumed.'), { dateline: 'BERLIN, May 2', credit: 'Reuters', rest: 'Talks resumed.' });
  assert.deepEqual(strip('KYIV (AP) — Sirens sounded.'), { dateline: 'KYIV', credit: 'AP', rest: 'Sirens sounded.' });
  assert.deepEqual(strip('PARIS/LONDON — Ministers met.'), { dateline: 'PARIS/LONDON', credit: null, rest: 'Ministers met.' });
  assert.deepEqual(strip('VALMORE, March 14 – Crews walked out.'), { dateline: 'VALMORE, March 14', credit: null, rest: 'Crews walked out.' });
  assert.deepEqual(strip('NEW DELHI, Nov 19 (IANS) -- Markets fell.'), { dateline: 'NEW DELHI, Nov 19', credit: 'IANS', rest: 'Markets fell.' });
});

test('mixed-case places count only with a date or a credit', () => {
  assert.deepEqual(strip('Berlin, May 2 (Reuters) - Talks resumed.').dateline, 'Berlin, May 2');
  assert.equal(strip('Berlin - the city of bears - hosted it.').dateline, null);
});

test('upper-case lead-ins that are labels are not datelines', () => {
  assert.equal(strip('UPDATE — The figure was revised.').dateline, null);
  assert.equal(strip('NOTE: figures are provisional.').dateline, null);
  assert.equal(strip('NATO said on Monday it would meet.').dateline, null);
  assert.equal(strip('WASHINGTON (the capital) — odd remark').dateline, null);
});

test('after a credit in parentheses the lead may follow without a dash; a dash glued to the lead also ends it', () => {
  assert.deepEqual(strip('Lagos, May 2 (AFP) The governor spoke.'), { dateline: 'Lagos, May 2', credit: 'AFP', rest: 'The governor spoke.' });
  assert.deepEqual(strip('SORREL BAY (KVLM 11) - Crews left.'), { dateline: 'SORREL BAY', credit: 'KVLM 11', rest: 'Crews left.' });
  assert.deepEqual(strip('VALMORE, Aldr. (KVLM.com) –The crews left.'), { dateline: 'VALMORE, Aldr.', credit: 'KVLM.com', rest: 'The crews left.' });
  assert.equal(strip('Berlin (the capital) said no.').dateline, null);
});
