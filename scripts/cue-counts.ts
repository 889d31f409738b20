// Counts PolNeAR Cue words on a split (use train) and marks which the quotes cue lexicon knows: input for cue-lexicon.ts.
import { CUE_VERBS, OBJECT_VERBS, QUOTE_ONLY_VERBS } from '../src/stages/quotes/cue-lexicon.js';
import { loadDocs } from '../bench/quotes.js';

const dir = process.argv[2] ?? '../shared/bench/polnear/train';
const min = Number(process.argv[3] ?? '15');
const counts = new Map<string, { quoted: number; unquoted: number }>();
const { docs } = loadDocs(dir);
for (const doc of docs) {
  for (const g of doc.gold) {
    // The cue's last word is its verb in most multi-word cues ("has repeatedly said", "went on to say").
    const words = (g.cue ?? []).map((s) => doc.text.slice(s.start, s.end)).join(' ').toLowerCase().split(/\s+/).filter(Boolean);
    const verb = words[words.length - 1];
    if (!verb) continue;
    const c = counts.get(verb) ?? { quoted: 0, unquoted: 0 };
    if (g.quoted) c.quoted++;
    else c.unquoted++;
    counts.set(verb, c);
  }
}
const rows = [...counts.entries()].filter(([, c]) => c.quoted + c.unquoted >= min).sort((a, b) => b[1].quoted + b[1].unquoted - (a[1].quoted + a[1].unquoted));
for (const [verb, c] of rows) {
  const known = QUOTE_ONLY_VERBS.has(verb) ? 'quote-only' : OBJECT_VERBS.has(verb) ? 'object' : CUE_VERBS.has(verb) ? 'cue' : '-';
  console.log(`${String(c.quoted + c.unquoted).padStart(6)} ${String(c.quoted).padStart(5)} ${verb.padEnd(16)} ${known}`);
}
