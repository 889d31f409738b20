// The choice table is counted from gold TimeML files, and the committed table is what the script learns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TIMEML_CHOICES } from '../src/stages/times/timeml-table.js';
import { learnChoices } from './times-learn.js';
import { findTml, parseTml, partsOf, tuningHalves, type Doc } from './times.js';

test('each found expression counts once as seen, and once for every choice giving its gold value', () => {
  const text = 'Rebels shelled the port on Friday night. Talks lasted two days, and the mayor spoke now.';
  const at = (phrase: string): { start: number; end: number } => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });
  const doc: Doc = {
    path: 'invented.tml',
    dct: '2025-03-10',
    text,
    gold: [
      { ...at('Friday night'), type: 'DATE', value: '2025-03-07' },
      { ...at('two days'), type: 'DURATION', value: 'P2D' },
    ],
  };
  const table = learnChoices([doc]);
  assert.deepEqual(table['<day> <part>|daypart'], { seen: 1, correct: { day: 1 } });
  assert.deepEqual(table['# days|duration'], { seen: 1, correct: { '=P2D': 1, keep: 1 } });
  // Found but not marked by the annotators: seen, never correct.
  assert.deepEqual(table['now|PRESENT_REF'], { seen: 1, correct: {} });
});

const DATA = fileURLToPath(new URL('../../shared/bench/tempeval3/', import.meta.url));

test('the committed table is the one learned on the tuning files (patterns seen 3+ times)', (t) => {
  if (!existsSync(DATA)) {
    t.skip(`TempEval-3 data not found at ${DATA}`);
    return;
  }
  const docs = findTml(DATA).map((f) => parseTml(readFileSync(f, 'utf8'), f));
  const halves = tuningHalves(partsOf(DATA, docs));
  const learned = Object.fromEntries(Object.entries(learnChoices(docs.filter((_, i) => halves[i] !== null))).filter(([, c]) => c.seen >= 3));
  assert.deepEqual(learned, TIMEML_CHOICES);
});
