// Reads ECB+ CAT XML: rebuilds each document's text from its tokens, with mention offsets and coreference chains.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface EcbToken {
  readonly id: number;
  readonly sentence: number;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface EcbMention {
  readonly mId: string;
  /** Markable tag, e.g. HUMAN_PART_PER, LOC_GEO, ACTION_OCCURRENCE. */
  readonly tag: string;
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
}

export interface EcbDocument {
  /** "2_1ecbplus" */
  readonly name: string;
  readonly topic: string;
  /** "2_ecb" or "2_ecbplus": the seminal event within the topic. */
  readonly subtopic: string;
  readonly text: string;
  readonly tokens: readonly EcbToken[];
  readonly mentions: readonly EcbMention[];
  /** Cross-document instance id (e.g. HUM1625...) -> mention ids in this document. */
  readonly chains: ReadonlyMap<string, readonly string[]>;
}

const NO_SPACE_BEFORE = /^(?:[.,;:!?%)\]}]|'s|'re|'ve|'ll|'d|'m|n't|'|’s)$/i;
const NO_SPACE_AFTER = /^[([{$]$/;

/** Rebuilds text from tokens: sentences on their own lines, words spaced like prose. */
function rebuild(raw: { id: number; sentence: number; text: string }[], dropSentence0: boolean): { text: string; tokens: EcbToken[] } {
  const out: EcbToken[] = [];
  let text = '';
  let prevSentence = -1;
  let prev = '';
  let openQuote = false;
  for (const t of raw) {
    if (dropSentence0 && t.sentence === 0) continue;
    if (t.sentence !== prevSentence) {
      if (text) text += '\n';
      prevSentence = t.sentence;
      prev = '';
      openQuote = false;
    } else {
      const isQuote = t.text === '"';
      const glue =
        NO_SPACE_BEFORE.test(t.text) || NO_SPACE_AFTER.test(prev) || (prev === '"' && openQuote) || (isQuote && openQuote);
      if (!glue) text += ' ';
    }
    if (t.text === '"') openQuote = !openQuote;
    const start = text.length;
    text += t.text;
    out.push({ id: t.id, sentence: t.sentence, text: t.text, start, end: text.length });
    prev = t.text;
  }
  return { text, tokens: out };
}

export function parseEcbDocument(xml: string, fileName: string, topic: string): EcbDocument {
  const name = fileName.replace(/\.xml$/, '');
  const isPlus = name.endsWith('ecbplus');
  const raw: { id: number; sentence: number; text: string }[] = [];
  for (const m of xml.matchAll(/<token t_id="(\d+)" sentence="(\d+)" number="\d+">([^<]*)<\/token>/g)) {
    raw.push({ id: Number(m[1]), sentence: Number(m[2]), text: decodeXml(m[3] ?? '') });
  }
  const { text, tokens } = rebuild(raw, isPlus);
  const byId = new Map(tokens.map((t) => [t.id, t]));
  const mentions: EcbMention[] = [];
  const markables = xml.slice(xml.indexOf('<Markables>'), xml.indexOf('</Markables>'));
  for (const m of markables.matchAll(/<([A-Z_]+) m_id="(\d+)"[^>]*?(?<!\/)>([\s\S]*?)<\/\1>/g)) {
    const anchors = [...(m[3] ?? '').matchAll(/t_id="(\d+)"/g)].map((a) => byId.get(Number(a[1]))).filter((t) => t !== undefined);
    if (!anchors.length) continue;
    const first = anchors[0]!;
    const last = anchors[anchors.length - 1]!;
    mentions.push({ mId: m[2]!, tag: m[1]!, start: first.start, end: last.end, sentence: first.sentence });
  }
  const chains = new Map<string, string[]>();
  for (const r of xml.matchAll(/<CROSS_DOC_COREF r_id="\d+" note="([^"]+)"\s*>([\s\S]*?)<\/CROSS_DOC_COREF>/g)) {
    const ids = [...(r[2] ?? '').matchAll(/<source m_id="(\d+)"/g)].map((s) => s[1]!);
    chains.set(r[1]!, [...(chains.get(r[1]!) ?? []), ...ids]);
  }
  return { name, topic, subtopic: `${topic}_${isPlus ? 'ecbplus' : 'ecb'}`, text, tokens, mentions, chains };
}

function decodeXml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Loads every `<topic>/*.xml` under a split folder, sorted by topic then file for determinism. */
export function loadEcbSplit(dir: string): EcbDocument[] {
  const docs: EcbDocument[] = [];
  const topics = readdirSync(dir)
    .filter((t) => statSync(join(dir, t)).isDirectory())
    .sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
  for (const topic of topics) {
    const files = readdirSync(join(dir, topic)).filter((f) => f.endsWith('.xml')).sort();
    for (const f of files) docs.push(parseEcbDocument(readFileSync(join(dir, topic, f), 'utf8'), f, topic));
  }
  return docs;
}
