// Counting, on TimeML files, which reading annotators wrote for each expression pattern the times rules find.
import { extractTimes } from '../src/stages/times/index.js';
import { choose, DERIVED_CHOICES, isFloatingValue, patternKey, type ChoiceCounts, type ChoiceTable } from '../src/stages/times/timeml-choices.js';
import { matchTimexes, sameValue, type Doc } from './times.js';

/**
 * For every expression the rules find (with no learned table), the pattern's count, and for each choice how often
 * it gives the gold value of the expression it matches. Unmatched expressions count as seen and never as correct.
 */
export function learnChoices(docs: readonly Doc[]): ChoiceTable {
  const table = new Map<string, { seen: number; correct: Map<string, number> }>();
  for (const doc of docs) {
    const system = extractTimes(doc.text, doc.dct, { style: 'timeml', choices: null });
    const matched = matchTimexes(doc.gold, system);
    const goldOf = new Map<number, string | null>();
    for (const [gi, si] of matched.entries()) if (si >= 0) goldOf.set(si, doc.gold[gi]?.value ?? null);
    for (const [si, s] of system.entries()) {
      const phrase = doc.text.slice(s.start, s.end);
      const reading = { type: s.type, value: s.value };
      const key = patternKey(phrase, reading);
      const entry = table.get(key) ?? { seen: 0, correct: new Map<string, number>() };
      entry.seen++;
      table.set(key, entry);
      const gold = goldOf.get(si);
      if (!gold) continue;
      const right = new Set<string>();
      for (const choice of DERIVED_CHOICES) {
        const r = choose(choice, phrase, reading);
        if (r?.value && sameValue(r.value, gold)) right.add(choice);
      }
      if (isFloatingValue(gold)) right.add(`=${gold}`);
      for (const choice of right) entry.correct.set(choice, (entry.correct.get(choice) ?? 0) + 1);
    }
  }
  const out: Record<string, ChoiceCounts> = {};
  for (const key of [...table.keys()].sort()) {
    const e = table.get(key);
    if (!e) continue;
    out[key] = { seen: e.seen, correct: Object.fromEntries([...e.correct].sort(([a], [b]) => a.localeCompare(b))) };
  }
  return out;
}
