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

/** Parses `TYPE<TAB>name` lines (models/ner/gazetteers.tsv). */
export function parseGazetteer(tsv: string): Gazetteer {
  const entries = new Map<string, number>();
  const firstTokens = new Map<string, number>();
  for (const line of tsv.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const bit = GAZ_TYPES.indexOf(line.slice(0, tab) as GazType);
    if (bit < 0) continue;
    const words = line.slice(tab + 1).toLowerCase().split(' ').filter(Boolean);
    const first = words[0];
    if (!first) continue;
    const key = words.join(' ');
    entries.set(key, (entries.get(key) ?? 0) | (1 << bit));
    firstTokens.set(first, Math.max(firstTokens.get(first) ?? 0, words.length));
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
