// Gazetteer: multi-word name lists matched over token sequences, case-insensitively for capitalised tokens.

export const GAZ_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type GazType = (typeof GAZ_TYPES)[number];

export interface Gazetteer {
  /** Lower-cased, space-joined entry -> bit mask over GAZ_TYPES. */
  readonly entries: ReadonlyMap<string, number>;
  /** Lower-cased first token -> longest entry length in tokens starting with it. */
  readonly firstTokens: ReadonlyMap<string, number>;
}

export interface GazetteerMatch {
  readonly start: number;
  /** Exclusive token index. */
  readonly end: number;
  readonly mask: number;
}

const TYPE_NAMES: readonly string[] = GAZ_TYPES.map((t) => t.toLowerCase());

/** Parses `TYPE<TAB>name` lines (models/ner/gazetteers.tsv); lower-cases the file once, not line by line (load time). */
export function parseGazetteer(tsv: string): Gazetteer {
  const entries = new Map<string, number>();
  const firstTokens = new Map<string, number>();
  const text = tsv.toLowerCase();
  let at = 0;
  while (at < text.length) {
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = text.length;
    const tab = text.indexOf('\t', at);
    const bit = tab > at && tab < nl ? TYPE_NAMES.indexOf(text.slice(at, tab)) : -1;
    if (bit >= 0) {
      let key = text.slice(tab + 1, nl);
      if (key.includes('  ') || key.startsWith(' ') || key.endsWith(' ')) key = key.split(' ').filter(Boolean).join(' ');
      if (key) {
        const space = key.indexOf(' ');
        const first = space < 0 ? key : key.slice(0, space);
        let length = 1;
        for (let i = space; i >= 0; i = key.indexOf(' ', i + 1)) length++;
        entries.set(key, (entries.get(key) ?? 0) | (1 << bit));
        firstTokens.set(first, Math.max(firstTokens.get(first) ?? 0, length));
      }
    }
    at = nl + 1;
  }
  return { entries, firstTokens };
}

function startsUpper(token: string): boolean {
  const c = token.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  return token[0] !== token[0]?.toLowerCase();
}

/** Every entry occurrence whose first and last tokens are capitalised (so "turkey" or "may" never match). */
export function matchGazetteer(gaz: Gazetteer, tokens: readonly string[], lower: readonly string[]): GazetteerMatch[] {
  const out: GazetteerMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (!startsUpper(tok)) continue;
    const maxLen = gaz.firstTokens.get(lower[i]!);
    if (maxLen === undefined) continue;
    let key = lower[i]!;
    for (let len = 1; len <= maxLen && i + len <= tokens.length; len++) {
      if (len > 1) key += ` ${lower[i + len - 1]!}`;
      const mask = gaz.entries.get(key);
      if (mask !== undefined && startsUpper(tokens[i + len - 1]!)) out.push({ start: i, end: i + len, mask });
    }
  }
  return out;
}
