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

export interface RebuildOptions {
  /**
   * Join what the *ecbplus.xml tokenization split inside one written word: digit groups ("2 , 000" -> "2,000",
   * "5 . 4" -> "5.4", "9 : 25" -> "9:25") and hyphenated words ("36 - year - old" -> "36-year-old"). The *ecb.xml
   * files keep these as one token already, so joined text reads the same in both halves of a topic.
   */
  readonly rejoinWords?: boolean;
}

const DIGITS_END = /\d$/;
const SEPARATOR = /^[,.:]$/;
const WORDISH_END = /[\p{L}\p{N}]$/u;
const WORDISH_START = /^[\p{L}\p{N}]/u;

/** Whether token `i` continues the written word of token `i - 1` (see RebuildOptions.rejoinWords). */
function continuesWord(raw: readonly { sentence: number; text: string }[], i: number): boolean {
  const prev = raw[i - 1];
  const cur = raw[i];
  const next = raw[i + 1];
  const prev2 = raw[i - 2];
  if (!prev || !cur || prev.sentence !== cur.sentence) return false;
  const digitsAfter = (sep: string, t: string): boolean => (sep === ',' ? /^\d{3}(?!\d)/.test(t) : /^\d/.test(t));
  // The separator itself, between digits ("2 [,] 000"), and the digits after it ("2 , [000]").
  if (SEPARATOR.test(cur.text) && DIGITS_END.test(prev.text) && next?.sentence === cur.sentence && digitsAfter(cur.text, next.text)) return true;
  if (prev2?.sentence === cur.sentence && SEPARATOR.test(prev.text) && DIGITS_END.test(prev2.text) && digitsAfter(prev.text, cur.text)) return true;
  // A single hyphen between two word tokens ("year [-] old"), and the word after it; "- -" stays a dash.
  const hyphenBetween = (h: { text: string } | undefined, before: { text: string } | undefined, after: { text: string } | undefined): boolean =>
    h?.text === '-' && WORDISH_END.test(before?.text ?? '') && WORDISH_START.test(after?.text ?? '');
  if (hyphenBetween(cur, prev, next) && next?.sentence === cur.sentence) return true;
  return hyphenBetween(prev, prev2, cur) && prev2?.sentence === cur.sentence;
}

/** Rebuilds text from tokens: sentences on their own lines, words spaced like prose. */
function rebuild(
  raw: { id: number; sentence: number; text: string }[],
  dropSentence0: boolean,
  options: RebuildOptions = {},
): { text: string; tokens: EcbToken[] } {
  const out: EcbToken[] = [];
  let text = '';
  let prevSentence = -1;
  let prev = '';
  let openQuote = false;
  const kept = dropSentence0 ? raw.filter((t) => t.sentence !== 0) : raw;
  for (const [i, t] of kept.entries()) {
    if (t.sentence !== prevSentence) {
      if (text) text += '\n';
      prevSentence = t.sentence;
      prev = '';
      openQuote = false;
    } else {
      const isQuote = t.text === '"';
      const glue =
        NO_SPACE_BEFORE.test(t.text) ||
        NO_SPACE_AFTER.test(prev) ||
        (prev === '"' && openQuote) ||
        (isQuote && openQuote) ||
        (options.rejoinWords === true && continuesWord(kept, i));
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

export function parseEcbDocument(xml: string, fileName: string, topic: string, options: RebuildOptions = {}): EcbDocument {
  const name = fileName.replace(/\.xml$/, '');
  const isPlus = name.endsWith('ecbplus');
  const raw: { id: number; sentence: number; text: string }[] = [];
  for (const m of xml.matchAll(/<token t_id="(\d+)" sentence="(\d+)" number="\d+">([^<]*)<\/token>/g)) {
    raw.push({ id: Number(m[1]), sentence: Number(m[2]), text: decodeXml(m[3] ?? '') });
  }
  const { text, tokens } = rebuild(raw, isPlus, options);
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
export function loadEcbSplit(dir: string, options: RebuildOptions = {}): EcbDocument[] {
  const docs: EcbDocument[] = [];
  const topics = readdirSync(dir)
    .filter((t) => statSync(join(dir, t)).isDirectory())
    .sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
  for (const topic of topics) {
    const files = readdirSync(join(dir, topic)).filter((f) => f.endsWith('.xml')).sort();
    for (const f of files) docs.push(parseEcbDocument(readFileSync(join(dir, topic, f), 'utf8'), f, topic, options));
  }
  return docs;
}
