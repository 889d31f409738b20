// Post-tagging name rules: titles out of person spans, surnames joined on, organisation and outlet heads typed ORG.
import { hashString } from './features.js';
import { GAZ_TYPES, type Gazetteer } from './gazetteer.js';
import { PERSON_TITLES, ROLE_TITLES } from './person-titles.js';
import { ORG_HEADS, OUTLET_HEADS } from './name-heads.js';
import { personContext } from './person-contexts.js';

// Unicode-class patterns built once (per-call literals are recompiled when the loader lowers them to new RegExp).
const CAPITALISED_WORD = /^\p{Lu}[\p{L}'\u2019-]*$/u;
const TITLE_CASE_WORD = /^\p{Lu}\p{Ll}+$/u;
const STARTS_UPPER = /^\p{Lu}/u;
const STARTS_LOWER = /^\p{Ll}/u;
const HAS_LOWER = /\p{Ll}/u;
const HAS_LETTER = /\p{L}/u;
const CLAUSE_PUNCTUATION = /^[,;:]$/;

/** Titles that only ever stand before a person: a name right after one is a person whatever the tagger said. */
const STRICT_TITLES: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'capt', 'sgt', 'adm', 'prof', 'mayor', 'president',
  'minister', 'senator', 'governor', 'chancellor', 'spokesman', 'spokeswoman', 'premier', 'ambassador', 'congressman',
  'congresswoman',
]);

/** Organisation heads that also end place or building names ("West Bank", "Soviet Union", "Russian Federation", "Earls Court"). */
const PLACE_LIKE_HEADS: ReadonlySet<string> = new Set([
  'bank', 'union', 'line', 'lines', 'court', 'hospital', 'university', 'college', 'club', 'capital', 'air', 'gas', 'oil',
  'mining', 'steel', 'energy', 'electric', 'guard', 'office', 'service', 'assembly', 'parliament', 'congress', 'senate',
  'cabinet', 'society', 'trust', 'fund', 'co', 'co.', 'board', 'council', 'authority', 'federation',
]);

/** First words of outlet names: "Radio Velmora", "TV Nova". */
const OUTLET_OPENERS: ReadonlySet<string> = new Set(['radio', 'tv', 'television', 'channel']);

/** Verbs for which a name right before is a speaker or reporter ("Nordwire reported", "the Gazette said"). */
const REPORTING_VERBS: ReadonlySet<string> = new Set(['reported', 'reports', 'said', 'says', 'quoted', 'cited', 'wrote', 'writes', 'broadcast']);

/** Surname endings that mark an unknown capitalised word after a given name as the rest of the name. */
const SURNAME_ENDING = /(?:sk(?:yy|iy|yi|y|i|a|aya)|ck(?:i|a|y)|enko|chuk|czuk|yuk|iuk|ova|eva|ev|ov|vich|vych|wicz|ovic|evic|escu|yan|dze|shvili|oglu|zadeh)$/;

/** Names of the rules below, so a measurement can switch one off (scripts/ner-rule-ablation.ts). */
export const NAME_RULES = [
  'the-strip', 'lowercase-tail', 'junk-tail', 'clause-tail', 'time-tail', 'inner-title', 'designator', 'ampersand', 'person-join',
  'particle-join', 'person-context', 'titled-person', 'title-strip', 'surname-join', 'title-before', 'org-head', 'outlet-subject',
  'vessel', 'outlet-noun', 'company-noun', 'person-outlet-noun', 'outlet-mentions', 'person-mentions', 'place-vote',
  'person-of-place',
] as const;
export type NameRule = (typeof NAME_RULES)[number];
const NO_RULES_OFF: ReadonlySet<NameRule> = new Set();

export interface NameChunk {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  /** Index into ENTITY_TYPES order: PER, ORG, LOC, MISC. */
  readonly type: number;
}

const PER = 0;
const ORG = 1;
const LOC = 2;
const MISC = 3;

export interface NameRuleResources {
  readonly gazetteer: Gazetteer;
  readonly clusters: { get(wordHash: number): number | undefined };
}

function bare(w: string): string {
  const lw = w.toLowerCase();
  return lw.endsWith('.') ? lw.slice(0, -1) : lw;
}
/** A word missing from the cluster vocabulary (rare, so likely a name). */
function unknown(res: NameRuleResources, w: string): boolean {
  return res.clusters.get(hashString(w.toLowerCase())) === undefined;
}

function gazMask(res: NameRuleResources, w: string): number {
  return res.gazetteer.entries.get(w.toLowerCase()) ?? 0;
}

/** An unknown title-case word ("Velmora"). */
function oneWord(res: NameRuleResources, w: string): boolean {
  return unknown(res, w) && TITLE_CASE_WORD.test(w);
}

function chunkText(doc: readonly (readonly string[])[], s: number, c: NameChunk): string {
  return doc[s]!.slice(c.start, c.end).join(' ');
}

const capitalised = (w: string | undefined): boolean => w !== undefined && CAPITALISED_WORD.test(w) && HAS_LOWER.test(w);

function endsWithOutletHead(lower: string): boolean {
  return OUTLET_HEADS.some((h) => lower.endsWith(h) && lower.length > h.length + 2);
}

/** Weekdays and months: never the last word of an organisation or place ("CNBC Friday", "Purchasing Managers August"). "May" is also a surname. */
const TIME_WORDS: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);

/** Company designators after an organisation's name ("Inc", "Corp.", "S.A.", "AB"). */
const DESIGNATORS: ReadonlySet<string> = new Set([
  'inc', 'inc.', 'corp', 'corp.', 'co', 'co.', 'ltd', 'ltd.', 'plc', 'llc', 'ag', 'sa', 's.a.', 'nv', 'n.v.', 'bv', 'b.v.',
  'ab', 'spa', 's.p.a.', 'gmbh', 'bhd', 'oyj', 'asa', 'lp', 'l.p.', 'pte', 'limited', 'corporation', 'incorporated',
]);

function isDesignator(w: string | undefined): boolean {
  return w !== undefined && STARTS_UPPER.test(w) && DESIGNATORS.has(w.toLowerCase());
}

/** Lower-case particles inside surnames: "Joaquin del Orvel", "Pieter van der Berg". */
const SURNAME_PARTICLES: ReadonlySet<string> = new Set(['de', 'del', 'der', 'van', 'von', 'da', 'di', 'du', 'dos', 'das', 'la', 'le', 'bin', 'ibn', 'ben']);

/** Role words that, inside a tagged organisation or place before a capitalised name, start a person ("Reserve Governor Lena Ostrova"). */
const INNER_TITLES: ReadonlySet<string> = new Set([...STRICT_TITLES, 'director', 'chairman', 'chairwoman', 'secretary', 'commissioner', 'ceo', 'spokesperson']);

/**
 * Boundary repairs before the rules below (each keeps the chunk when it would leave nothing):
 * a. the-strip: an organisation opening with "The" drops it unless it ends in an outlet head ("The Commerce Department"
 *    -> "Commerce Department"; "The Times" stays);
 * b. time-tail: an organisation or place ending in a weekday or month loses it ("Nordbank Friday");
 * c. inner-title: an organisation or place running over a title and a capitalised name splits there, the name a person
 *    ("Velmora Port Authority Director Ivo Marek" -> ORG "Velmora Port Authority", PER "Ivo Marek");
 * d. ampersand: two names joined by "&", not both places, are one organisation ("Hollis & Varga");
 * e. junk-tail: a person loses trailing tokens without letters ("Ivo Marek 4-70 )") and a trailing "'s" (organisations
 *    keep theirs: "Brennock 's" may be the bank's own name);
 * f. person-join: a person directly followed by another person, or by a one-word name after a surname particle
 *    ("Joaquin" + "del" + "Orvel"), is one person (greedy decoding closes names too early);
 * g. designator: an organisation takes the company designators right after it, with "& Co" ("Brennock Holdings Inc",
 *    "Vell & Co"), and a name never ends on a lower-case connector ("Minsk Group of");
 */
export function repairBoundaries(tokens: readonly string[], chunks: readonly NameChunk[], off: ReadonlySet<NameRule> = NO_RULES_OFF): NameChunk[] {
  const out: NameChunk[] = [];
  for (const chunk of chunks) {
    let { start, end } = chunk;
    const { type } = chunk;
    if (!off.has('the-strip') && type === ORG && end - start > 1 && tokens[start] === 'The' && !OUTLET_HEADS.includes(bare(tokens[end - 1]!))) start++;
    if (!off.has('lowercase-tail')) while (end - start > 1 && STARTS_LOWER.test(tokens[end - 1]!) && !/^al-/.test(tokens[end - 1]!)) end--;
    if (type === PER) {
      if (!off.has('junk-tail')) while (end - start > 1 && (!HAS_LETTER.test(tokens[end - 1]!) || tokens[end - 1] === "'s" || tokens[end - 1] === '\u2019s')) end--;
    } else if (!off.has('clause-tail')) {
      // "Justice Burroughs ," tagged as a place: no name ends on a comma, semicolon or colon (a closing ")" or "." may be its own: "Rad ( B )", "Bros .").
      while (end - start > 1 && CLAUSE_PUNCTUATION.test(tokens[end - 1]!)) end--;
    }
    if (!off.has('time-tail') && (type === ORG || type === LOC)) while (end - start > 1 && TIME_WORDS.has(tokens[end - 1]!.toLowerCase()) && capitalised(tokens[end - 1])) end--;
    let split = false;
    if (!off.has('inner-title') && (type === ORG || type === LOC)) {
      for (let i = start + 1; i + 1 < end; i++) {
        if (!INNER_TITLES.has(bare(tokens[i]!)) || !STARTS_UPPER.test(tokens[i]!) || !capitalised(tokens[i + 1])) continue;
        out.push({ start, end: i, type }, { start: i + 1, end, type: PER });
        split = true;
        break;
      }
    }
    if (!split) out.push({ start, end, type });
  }
  for (let k = 0; k < out.length; k++) {
    const c = out[k]!;
    if (c.type !== ORG || off.has('designator')) continue;
    let j = c.end;
    if (tokens[j] === '&' && isDesignator(tokens[j + 1])) j += 2;
    while (isDesignator(tokens[j])) j++;
    if (j === c.end) continue;
    out[k] = { ...c, end: j };
    while (k + 1 < out.length && out[k + 1]!.start < j) out.splice(k + 1, 1);
  }
  const merged: NameChunk[] = [];
  for (const c of out) {
    const last = merged.at(-1);
    if (last && !off.has('ampersand') && tokens[last.end] === '&' && c.start === last.end + 1 && !(last.type === LOC && c.type === LOC)) {
      merged[merged.length - 1] = { start: last.start, end: c.end, type: ORG };
    } else if (last && !off.has('person-join') && last.type === PER && c.type === PER && c.start === last.end) {
      merged[merged.length - 1] = { start: last.start, end: c.end, type: PER };
    } else if (last && !off.has('particle-join') && last.type === PER && c.start === last.end + 1 && c.end - c.start === 1 && SURNAME_PARTICLES.has(tokens[last.end]!)) {
      merged[merged.length - 1] = { start: last.start, end: c.end, type: PER };
    } else merged.push(c);
  }
  return merged;
}

/** Longest name the person-context rule retypes, in tokens. */
const MAX_CONTEXT_NAME = 4;

/**
 * A name in a context English keeps for people (person-contexts.ts), that is not a known place, organisation or
 * nationality ("the 38-year-old Norlandian"), nor headed like an organisation, and whose words are all capitalised ("Dana Reyes, 24," but not "Ohio, 18,").
 */
function inPersonContext(tokens: readonly string[], start: number, end: number, res: NameRuleResources): boolean {
  if (end - start > MAX_CONTEXT_NAME) return false;
  for (let i = start; i < end; i++) if (!capitalised(tokens[i]) && !/^\p{Lu}\.$/u.test(tokens[i]!)) return false;
  const last = bare(tokens[end - 1]!);
  if (ORG_HEADS.has(last) || OUTLET_HEADS.includes(last)) return false;
  const known = (1 << GAZ_TYPES.indexOf('LOC')) | (1 << GAZ_TYPES.indexOf('ORG')) | (1 << GAZ_TYPES.indexOf('MISC'));
  if ((gazMask(res, tokens.slice(start, end).join(' ')) & known) !== 0) return false;
  // "Iraqi Kurds were killed": a name opening with a nationality is a group.
  if ((gazMask(res, tokens[start]!) & (1 << GAZ_TYPES.indexOf('MISC'))) !== 0) return false;
  return personContext(tokens, start, end) !== null;
}

/**
 * "identified as Dana Reyes of Carlton", "Dana Reyes of Carlton, 24,": a non-person name read as one span over "of", in
 * a person context, is a person (two or three capitalised words, no organisation head) followed by her home place (one
 * or two capitalised words). Returns the index of "of", or -1.
 */
function personOfPlace(tokens: readonly string[], start: number, end: number, res: NameRuleResources): number {
  const known = (1 << GAZ_TYPES.indexOf('ORG')) | (1 << GAZ_TYPES.indexOf('MISC'));
  for (let k = start + 2; k <= start + 3 && k < end - 1; k++) {
    if (tokens[k] !== 'of' || end - k - 1 > 2) continue;
    for (let i = start; i < end; i++) if (i !== k && !capitalised(tokens[i])) return -1;
    const last = bare(tokens[k - 1]!);
    if (ORG_HEADS.has(last) || OUTLET_HEADS.includes(last) || PERSON_TITLES.has(bare(tokens[start]!))) return -1;
    if ((gazMask(res, tokens.slice(start, k).join(' ')) & known) !== 0 || (gazMask(res, tokens[start]!) & known) !== 0) return -1;
    return personContext(tokens, start, end) !== null ? k : -1;
  }
  return -1;
}

/**
 * Rewrites one sentence's chunks. Order (after repairBoundaries):
 * -1. person-of-place: "identified as Dana Reyes of Carlton" read as one ORG is a person and a place (personOfPlace);
 * 0. person-context: a non-person name beside an age, a victim's or suspect's predicate or after "the murder of" is a
 *    person ("Dana Reyes, 24,", "the murder of Deontae Rush"; person-contexts.ts);
 * 1. title-strip (after 3 for non-person spans): a person span loses everything up to its last title word ("Mayor Dmytro" -> "Dmytro");
 * 2. surname-join: an untagged unknown (or surname-shaped) capitalised word right after a person name joins it
 *    ("Dmytro" + "Kovalskyy");
 * 3. titled-person: a non-person name right after or opening with a strict title ("Sen. Rand Paul" tagged LOC,
 *    "Mayor Dmytro Kovalsky" tagged ORG) is a person, without the title;
 * 4. org-head / outlet: a name ending in an organisation or outlet head, or opening with "Radio"/"TV", is an ORG;
 * 5. outlet-subject: an untagged or one-word unknown name ending in an outlet head ("Nordwire") that reports or is
 *    cited ("Nordwire reported", "according to Nordwire", "(Nordwire)") is an ORG.
 */
export function refineSentence(tokens: readonly string[], chunks: readonly NameChunk[], res: NameRuleResources, off: ReadonlySet<NameRule> = NO_RULES_OFF): NameChunk[] {
  const out: NameChunk[] = [];
  const tagged = new Uint8Array(tokens.length);
  const repaired = repairBoundaries(tokens, chunks, off);
  for (const c of repaired) for (let i = c.start; i < c.end; i++) tagged[i] = 1;
  const placeOrOrg = (1 << GAZ_TYPES.indexOf('LOC')) | (1 << GAZ_TYPES.indexOf('ORG'));
  for (const chunk of repaired) {
    let { start, end, type } = chunk;
    const of = !off.has('person-of-place') && type !== PER ? personOfPlace(tokens, start, end, res) : -1;
    if (of > 0) {
      out.push({ start: of + 1, end, type: LOC });
      for (let i = of; i < end; i++) tagged[i] = 0;
      end = of;
      type = PER;
    }
    if (!off.has('person-context') && type !== PER && inPersonContext(tokens, start, end, res)) type = PER;
    if (!off.has('titled-person') && type !== PER && end - start > 1 && STRICT_TITLES.has(bare(tokens[start]!)) && capitalised(tokens[start + 1])) {
      // "Mayor Dmytro Kovalsky" tagged as one ORG after a quotation: the title marks a person.
      tagged[start] = 0;
      start++;
      type = PER;
    }
    if (type === PER) {
      let cut = -1;
      if (!off.has('title-strip')) for (let i = start; i < end - 1; i++) if (ROLE_TITLES.has(bare(tokens[i]!))) cut = i;
      if (cut >= 0) {
        for (let i = start; i <= cut; i++) tagged[i] = 0;
        start = cut + 1;
      }
      const next = tokens[end];
      if (
        !off.has('surname-join') &&
        end - start <= 2 &&
        next !== undefined &&
        !tagged[end] &&
        capitalised(next) &&
        !PERSON_TITLES.has(bare(next)) &&
        (gazMask(res, next) & placeOrOrg) === 0 &&
        (unknown(res, next) || SURNAME_ENDING.test(next.toLowerCase()))
      ) {
        tagged[end] = 1;
        end++;
      }
    } else {
      const before = tokens[start - 1];
      if (!off.has('title-before') && before !== undefined && STRICT_TITLES.has(bare(before)) && STARTS_UPPER.test(before) && type !== ORG) type = PER;
    }
    const first = bare(tokens[start]!);
    const last = bare(tokens[end - 1]!);
    if (!off.has('org-head') && type !== ORG && end - start > 1 && (ORG_HEADS.has(last) || OUTLET_HEADS.includes(last) || OUTLET_OPENERS.has(first))) {
      // "West Bank" and "Soviet Union" stay places: a LOC becomes an ORG only by a head no place ends in, an outlet head or opener.
      if (type !== LOC || !PLACE_LIKE_HEADS.has(last) || OUTLET_HEADS.includes(last) || OUTLET_OPENERS.has(first)) type = ORG;
    }
    out.push({ start, end, type });
  }
  for (let i = 0; i < tokens.length && !off.has('outlet-subject'); i++) {
    const w = tokens[i]!;
    const next = tokens[i + 1] ?? '';
    const prev = tokens[i - 1] ?? '';
    const cited = REPORTING_VERBS.has(next) || (prev === 'to' && tokens[i - 2]?.toLowerCase() === 'according') || (prev === '(' && next === ')');
    if (!cited || !capitalised(w) || !endsWithOutletHead(w.toLowerCase()) || !unknown(res, w)) continue;
    const alone = out.findIndex((x) => x.start === i && x.end === i + 1);
    if (alone >= 0) out[alone] = { start: i, end: i + 1, type: ORG };
    else if (!tagged[i]) out.push({ start: i, end: i + 1, type: ORG });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Lower-case nouns naming a vessel right before its name: "the ferry Saint Brendan". */
const VESSEL_NOUNS: ReadonlySet<string> = new Set([
  'ferry', 'ship', 'vessel', 'tanker', 'liner', 'freighter', 'frigate', 'destroyer', 'cruiser', 'carrier', 'submarine',
  'yacht', 'boat', 'trawler', 'warship', 'icebreaker', 'barge', 'tug', 'schooner', 'steamer', 'catamaran', 'corvette',
]);

/** Lower-case nouns naming a news outlet right before its name: "the official newspaper Vestnik". */
const OUTLET_NOUNS: ReadonlySet<string> = new Set(['newspaper', 'daily', 'weekly', 'magazine', 'broadcaster', 'tabloid', 'newsweekly']);

/** Lower-case nouns naming a company right before its name: "mineral water firm Oskova", "the publisher Halden". */
const COMPANY_NOUNS: ReadonlySet<string> = new Set([
  'firm', 'company', 'conglomerate', 'insurer', 'retailer', 'automaker', 'carmaker', 'airline', 'brokerage', 'lender',
  'manufacturer', 'publisher', 'distributor',
]);

/** Prepositions after which a one-word name is a place: "in Velmora", "between Velmora and Skerrin". */
const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'near', 'between', 'outside', 'across', 'around']);


/**
 * Document-level rules after `refineSentence`:
 * 6. vessel: a name right after a vessel noun ("the ferry Saint Brendan") is MISC, as is every other mention of it;
 *    likewise a name (not a person) right after an outlet noun ("the newspaper Vestnik"), a person or ORG name right
 *    after a company noun ("the firm Oskova"), and a "person" right before an outlet noun ("Zorya Halychyny daily said")
 *    are ORGs;
 * 7. outlet mentions: an ORG found by the outlet rules also tags its untagged or differently typed mentions elsewhere
 *    ("(Nordwire)", "according to Nordwire");
 * 7b. person mentions: a full name in a person context ("Dana Reyes, 24,") is a person in its other mentions too
 *    ("Dana Reyes is in a hospital bed");
 * 8. place vote: an unknown one-word name tagged LOC after a place preposition ("in Velmora") is a place in its
 *    other one-word mentions too, unless it is part of a full person name in the document.
 */
export function refineDocument(doc: readonly (readonly string[])[], sentences: readonly NameChunk[][], res: NameRuleResources, off: ReadonlySet<NameRule> = NO_RULES_OFF): NameChunk[][] {
  const forced = new Map<string, number>();
  sentences.forEach((chunks, s) => {
    for (const c of chunks) {
      const before = doc[s]![c.start - 1];
      if (!off.has('vessel') && before !== undefined && VESSEL_NOUNS.has(before)) forced.set(chunkText(doc, s, c), MISC);
      else if (!off.has('outlet-noun') && before !== undefined && OUTLET_NOUNS.has(before) && c.type !== PER) forced.set(chunkText(doc, s, c), ORG);
      else if (!off.has('company-noun') && before !== undefined && COMPANY_NOUNS.has(before) && c.type !== LOC && c.type !== MISC) forced.set(chunkText(doc, s, c), ORG);
      else if (!off.has('person-outlet-noun') && c.type === PER && OUTLET_NOUNS.has(doc[s]![c.end] ?? '')) forced.set(chunkText(doc, s, c), ORG);
      else if (!off.has('outlet-mentions') && c.type === ORG && isOutletName(doc[s]![c.start]!, doc[s]![c.end - 1]!, c.end - c.start)) forced.set(chunkText(doc, s, c), ORG);
      else if (!off.has('person-mentions') && c.type === PER && c.end - c.start > 1 && !forced.has(chunkText(doc, s, c)) && inPersonContext(doc[s]!, c.start, c.end, res)) {
        forced.set(chunkText(doc, s, c), PER);
      }
    }
  });
  const placed = new Set<string>();
  sentences.forEach((chunks, s) => {
    for (const c of chunks) {
      if (off.has('place-vote') || c.type !== LOC || c.end - c.start !== 1 || !PLACE_PREPOSITIONS.has(doc[s]![c.start - 1] ?? '')) continue;
      const next = doc[s]![c.end] ?? '';
      if (next !== "'s" && next !== '\u2019s' && oneWord(res, doc[s]![c.start]!)) placed.add(doc[s]![c.start]!);
    }
  });
  if (placed.size) {
    const otherwise = new Set<string>();
    sentences.forEach((chunks, s) => {
      for (const c of chunks) if (c.end - c.start === 1 && c.type !== LOC && placed.has(doc[s]![c.start]!)) otherwise.add(doc[s]![c.start]!);
    });
    // A word inside a full person name ("confidence in Kovalskyy" after "Dmytro Kovalskyy") is a surname, not a place.
    const inPersonName = new Set<string>();
    sentences.forEach((chunks, s) => {
      for (const c of chunks) if (c.type === PER && c.end - c.start > 1) for (let i = c.start; i < c.end; i++) inPersonName.add(doc[s]![i]!);
    });
    for (const w of placed) if (otherwise.has(w) && !forced.has(w) && !inPersonName.has(w)) forced.set(w, LOC);
  }
  if (!forced.size) return sentences.map((chunks) => [...chunks]);
  const longest = Math.max(...[...forced.keys()].map((k) => k.split(' ').length));
  const firstWords = new Set([...forced.keys()].map((k) => k.split(' ')[0]!));
  return sentences.map((chunks, s) => {
    const tokens = doc[s]!;
    const out = chunks.map((c) => {
      const type = firstWords.has(tokens[c.start]!) ? forced.get(chunkText(doc, s, c)) : undefined;
      return type === undefined ? c : { ...c, type };
    });
    // Untagged mentions of a forced name (capitalised words only).
    const taken = new Uint8Array(tokens.length);
    for (const c of out) for (let i = c.start; i < c.end; i++) taken[i] = 1;
    for (let i = 0; i < tokens.length; i++) {
      if (taken[i] || !firstWords.has(tokens[i]!) || !STARTS_UPPER.test(tokens[i]!)) continue;
      for (let len = Math.min(longest, tokens.length - i); len >= 1; len--) {
        const name = tokens.slice(i, i + len).join(' ');
        const type = forced.get(name);
        if (type === undefined || type === LOC || taken.subarray(i, i + len).some((x) => x === 1)) continue;
        out.push({ start: i, end: i + len, type });
        taken.fill(1, i, i + len);
        break;
      }
    }
    return out.sort((a, b) => a.start - b.start);
  });
}

function isOutletName(firstWord: string, lastWord: string, length: number): boolean {
  const first = bare(firstWord);
  const last = bare(lastWord);
  return OUTLET_OPENERS.has(first) || OUTLET_HEADS.includes(last) || (length === 1 && endsWithOutletHead(last));
}
