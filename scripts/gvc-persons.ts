// GVC persons: share of archive participants whose name appears in their incident's articles that NER finds as PERSON.
// Usage: tsx scripts/gvc-persons.ts [DIR=../shared/bench/gvc/dev] [--misses N] [--part tune|confirm]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Article, EntityMention } from '../src/core/article.js';
import { createContext } from '../src/core/context.js';
import { readInputs, toArticle } from '../src/ingest/index.js';
import { runArticleStages } from '../src/pipeline/index.js';
import { entitiesStage } from '../src/stages/entities/index.js';
import { hashString } from '../src/stages/entities/features.js';
import { sentencesStage } from '../src/stages/sentences/index.js';

interface Participant {
  readonly name: string;
  readonly type: string;
}
interface Incident {
  readonly participants: readonly Participant[];
  readonly docs: readonly string[];
}
interface Gold {
  readonly incidents: Record<string, Incident>;
}

/** Fixed halves: an incident's part is a hash of its id, so tuning never sees the confirm half. */
export function partOf(incidentId: string): 'tune' | 'confirm' {
  return hashString(`gvc-part:${incidentId}`) % 2 === 0 ? 'tune' : 'confirm';
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every occurrence of a name in a text: case-insensitive, any white space between its words, whole words only. */
export function occurrences(text: string, name: string): { start: number; end: number }[] {
  const words = name.trim().split(/\s+/).map(escape);
  if (!words.length || !words[0]) return [];
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
  return [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Found: one occurrence lies wholly inside a PERSON mention (strict), or shares characters with one (loose). */
export function foundAs(mentions: readonly EntityMention[], occ: { start: number; end: number }): 'strict' | 'loose' | 'no' {
  let loose = false;
  for (const m of mentions) {
    if (m.type !== 'PERSON' || m.end <= occ.start || m.start >= occ.end) continue;
    if (m.start <= occ.start && m.end >= occ.end) return 'strict';
    loose = true;
  }
  return loose ? 'loose' : 'no';
}

interface Score {
  appear: number;
  strict: number;
  loose: number;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const showMisses = Number(flag('--misses') ?? '0');
  const missPart = flag('--part') ?? 'tune';
  const dir = args[0] ?? '../shared/bench/gvc/dev';
  const gold = JSON.parse(readFileSync(path.join(dir, 'gold.json'), 'utf8')) as Gold;
  const ctx = createContext();
  const articles = new Map<string, Article>();
  const t0 = process.cpuUsage();
  let tokens = 0;
  for await (const item of readInputs([path.join(dir, 'txt')])) {
    if (!item.ok) continue;
    const id = path.basename(item.raw.source.path ?? '', '.txt');
    const article = runArticleStages(toArticle(item.raw), [sentencesStage, entitiesStage], ctx);
    tokens += article.text.split(/\s+/).length;
    articles.set(id, article);
  }
  const cpu = process.cpuUsage(t0);
  const scores: Record<'tune' | 'confirm', Score> = { tune: { appear: 0, strict: 0, loose: 0 }, confirm: { appear: 0, strict: 0, loose: 0 } };
  const misses: string[] = [];
  for (const [incidentId, incident] of Object.entries(gold.incidents).sort(([a], [b]) => a.localeCompare(b))) {
    const part = partOf(incidentId);
    for (const p of incident.participants) {
      if (!p.name.trim()) continue;
      let appears = false;
      let best: 'strict' | 'loose' | 'no' = 'no';
      let where = '';
      for (const docId of incident.docs) {
        const article = articles.get(docId);
        if (!article) continue;
        for (const occ of occurrences(article.text, p.name)) {
          appears = true;
          const f = foundAs(article.layers.entities, occ);
          if (f === 'strict' || (f === 'loose' && best === 'no')) best = f;
          if (!where) where = `${docId}@${occ.start}`;
          if (best === 'strict') break;
        }
        if (best === 'strict') break;
      }
      if (!appears) continue;
      const s = scores[part];
      s.appear++;
      if (best === 'strict') s.strict++;
      if (best !== 'no') s.loose++;
      if (best !== 'strict' && part === missPart && misses.length < showMisses) {
        const [docId, at] = where.split('@');
        const text = articles.get(docId ?? '')?.text ?? '';
        const a = Number(at);
        const around = articles.get(docId ?? '')?.layers.entities.filter((m) => m.end > a - 80 && m.start < a + 80).map((m) => `${text.slice(m.start, m.end)}/${m.type}`);
        misses.push(`${best} ${p.name} (${p.type}) ${docId}: …${text.slice(Math.max(0, a - 80), a + 80).replace(/\s+/g, ' ')}…\n    ${around?.join(' | ')}`);
      }
    }
  }
  const line = (name: string, s: Score): string =>
    `${name.padEnd(8)} participants in text ${String(s.appear).padStart(4)}  found as PERSON strict ${(s.strict / s.appear).toFixed(3)}  loose ${(s.loose / s.appear).toFixed(3)}`;
  const all: Score = { appear: scores.tune.appear + scores.confirm.appear, strict: scores.tune.strict + scores.confirm.strict, loose: scores.tune.loose + scores.confirm.loose };
  const seconds = (cpu.user + cpu.system) / 1e6;
  process.stdout.write(`${line('tune', scores.tune)}\n${line('confirm', scores.confirm)}\n${line('all', all)}\n`);
  process.stdout.write(`${articles.size} articles, ${tokens} words, sentences + entities ${seconds.toFixed(1)} s CPU\n`);
  for (const m of misses) process.stdout.write(`${m}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
