// Names a speaker can resolve to: entity mentions when present, else capitalised-name heuristics; plus role links.
import type { EntityMention, EntityType } from '../../core/article.js';
import type { Span } from '../../core/span.js';
import { spansOverlap } from '../../core/span.js';
import type { Token } from '../../core/tokenize.js';
import { KNOWN_OUTLETS, NOT_NAMES, OUTLET_SUFFIX, ROLE_NOUNS, TITLES } from './cue-lexicon.js';
import { FEMALE_GIVEN_NAMES, genderOfName, MALE_GIVEN_NAMES } from './name-gender.js';

export type Gender = 'm' | 'f';

export interface NameMention extends Span {
  readonly canonical: string;
  readonly type: EntityType | 'UNKNOWN';
  readonly gender: Gender | null;
  readonly outlet: boolean;
  readonly from: 'entity' | 'heuristic';
}

/** "spokesman Dmitry Peskov" / "Dmitry Peskov, the Kremlin spokesman": a role word tied to a person. */
export interface RoleLink {
  /** Lower-cased role words, head last ("kremlin spokesman"). */
  readonly role: string;
  readonly person: string;
  readonly at: number;
}

export interface NameIndex {
  readonly mentions: readonly NameMention[];
  readonly roleLinks: readonly RoleLink[];
}

const TITLE_ABBREVIATIONS = new Set(['Mr', 'Mrs', 'Ms', 'Dr', 'Sen', 'Rep', 'Gov', 'Gen', 'Lt', 'Col', 'Capt', 'St', 'Rev', 'Prof', 'Sgt', 'Jr', 'Sr', 'Del']);
const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'al', 'bin', 'ibn', 'of', 'el', 'y']);
const ORG_WORDS =
  /^(?:Party|Ministry|Department|Committee|Council|Corp|Corporation|Inc|Company|Bank|University|Agency|Commission|Court|Office|Group|Association|Union|Institute|Foundation|Administration|House|Senate|Congress|Campaign|Police|Army|Government|Parliament|Assembly|Federation|Fund|Organization|Organisation|Authority|Service|Services|Board|Centre|Center|Club|Church|Airlines|Airways|Ltd|LLC|Kremlin|Pentagon|Navy|Force|Guard|Embassy|Cabinet|Presidency)$/;

const isCap = (t: string): boolean => /^\p{Lu}/u.test(t) && /\p{L}/u.test(t);

/** Strips titles and role words from the front of a name: "Prime Minister Anna Kowal" -> role + core. */
function splitTitle(words: readonly string[]): { titleWords: string[]; core: string[]; gender: Gender | null } {
  let k = 0;
  let gender: Gender | null = null;
  while (k < words.length - 1) {
    const w = (words[k] ?? '').toLowerCase();
    if (!(w in TITLES)) break;
    const g = TITLES[w];
    if (g) gender = g;
    k++;
  }
  // "Emergency Situations Minister Irena Tarasova": a role word before a known given name ends the title.
  const given = words.findIndex((w, i) => i > k && isGivenName(w) && !isGivenName(words[i - 1] ?? ''));
  if (given > k && given < words.length - 1 && words.slice(k, given).some((w) => PERSON_ROLE.test(w.toLowerCase()))) k = given;
  return { titleWords: words.slice(0, k), core: words.slice(k), gender };
}

const PERSON_ROLE = /^(?:minister|president|secretary|chancellor|mayor|governor|senator|ambassador|chairman|chairwoman|chair|director|commissioner|chief|ceo|executive|founder|leader|head|premier|judge|prosecutor|attorney|general|commander|spokesman|spokeswoman|spokesperson|envoy|adviser|advisor|aide|coach|manager|speaker|congressman|congresswoman|lawmaker|mp|economist|analyst|professor|captain)$/;

function isGivenName(word: string): boolean {
  const w = word.toLowerCase();
  return MALE_GIVEN_NAMES.has(w) || FEMALE_GIVEN_NAMES.has(w);
}

function guessType(core: readonly string[]): { type: EntityType | 'UNKNOWN'; outlet: boolean } {
  const name = core.join(' ');
  const last = core[core.length - 1] ?? '';
  if (KNOWN_OUTLETS.has(name.toLowerCase()) || (core.length > 1 && OUTLET_SUFFIX.test(name))) return { type: 'ORG', outlet: true };
  if (ORG_WORDS.test(last) || (core.length === 1 && /^[A-Z]{2,6}$/.test(last))) return { type: 'ORG', outlet: false };
  return { type: core.length > 1 ? 'PERSON' : 'UNKNOWN', outlet: false };
}

interface RawName extends Span {
  readonly core: string;
  readonly titleWords: readonly string[];
  readonly gender: Gender | null;
  readonly type: EntityType | 'UNKNOWN';
  readonly outlet: boolean;
}

/** Runs of capitalised tokens on one line, sentence-initial function words dropped. */
function heuristicNames(text: string, tokens: readonly Token[]): RawName[] {
  const out: RawName[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!t || !isCap(t.text) || NOT_NAMES.has(t.text) || /^[\p{Lu}]+$/u.test(t.text) && t.text.length > 6) {
      i++;
      continue;
    }
    const words: string[] = [];
    let start = t.start;
    let end = t.end;
    let j = i;
    while (j < tokens.length) {
      const w = tokens[j];
      if (!w) break;
      if (j > i && (w.start - end !== 1 || /\n/.test(text.slice(end, w.start)))) break;
      if (isCap(w.text) && !(j > i && NOT_NAMES.has(w.text) && !TITLES[w.text.toLowerCase()])) {
        let word = w.text;
        end = w.end;
        const dot = tokens[j + 1];
        if (dot && dot.text === '.' && dot.start === w.end && (TITLE_ABBREVIATIONS.has(w.text) || /^\p{Lu}$/u.test(w.text))) {
          word += '.';
          end = dot.end;
          j++;
        }
        words.push(word);
        j++;
        continue;
      }
      const after = tokens[j + 1];
      if (PARTICLES.has(w.text) && after && isCap(after.text) && after.start === w.end + 1 && words.length > 0) {
        words.push(w.text);
        end = w.end;
        j++;
        continue;
      }
      break;
    }
    // A trailing particle ("Bank of") is not part of the name.
    while (words.length && PARTICLES.has(words[words.length - 1] ?? '')) words.pop();
    if (words.length) {
      const { titleWords, core, gender } = splitTitle(words);
      const coreLower = core.join(' ').toLowerCase();
      const onlyTitle = core.length === 1 && coreLower in TITLES && !KNOWN_OUTLETS.has(coreLower);
      if (!onlyTitle && core.length) {
        const { type, outlet } = guessType(core);
        // Keep the offsets of the core name only: titles are context, not the name.
        const coreStart = titleWords.length ? text.indexOf(core[0] ?? '', start) : start;
        out.push({ start: coreStart, end, core: core.join(' '), titleWords, gender, type, outlet });
      }
      start = end;
    }
    i = Math.max(j, i + 1);
  }
  return out;
}

function stripTitles(name: string): string {
  return splitTitle(name.split(/\s+/)).core.join(' ');
}

/**
 * Mentions (entities first, heuristics where no entity covers), each with the fullest name of the
 * same person in the article as canonical ("Peskov" -> "Dmitry Peskov"), and the role links.
 */
/** "WASHINGTON —", "ORLANDO, Fla. (AP) —": a place in capitals opening a paragraph before a dash is a dateline, never a speaker. */
function isDateline(text: string, m: { start: number; end: number }): boolean {
  if (/\p{Ll}/u.test(text.slice(m.start, m.end)) || !/(?:^|\n)[ \t]*$/.test(text.slice(Math.max(0, m.start - 40), m.start))) return false;
  return /^(?:,\s*[\p{L}.\s]{2,20})?\s*(?:\([^)]{1,20}\)\s*)?[\u2014\u2013_-]/u.test(text.slice(m.end, m.end + 60));
}

export function findNameMentions(text: string, tokens: readonly Token[], entities: readonly EntityMention[]): NameIndex {
  const raw = heuristicNames(text, tokens);
  const fromEntities: RawName[] = entities
    .filter((e) => e.type !== 'MISC')
    .map((e) => {
      const words = text.slice(e.start, e.end).split(/\s+/);
      const { titleWords, gender } = splitTitle(words);
      return { start: e.start, end: e.end, core: stripTitles(e.canonical), titleWords, gender, type: e.type, outlet: guessType(e.canonical.split(/\s+/)).outlet };
    });
  const merged = [...fromEntities, ...raw.filter((r) => !fromEntities.some((e) => spansOverlap(e, r)))]
    .filter((m) => !isDateline(text, m))
    .sort((a, b) => a.start - b.start);
  const fullNames = merged.filter((m) => m.core.includes(' ') && m.type !== 'ORG');
  const genderOf = new Map<string, Gender>();
  const mentions: NameMention[] = merged.map((m) => {
    let canonical = m.core;
    let type = m.type;
    if (!m.core.includes(' ')) {
      // A surname alone takes the fullest earlier (else later) name ending with it.
      const surname = m.core;
      const match = [...fullNames].reverse().find((f) => f.start < m.start && f.core.endsWith(` ${surname}`)) ?? fullNames.find((f) => f.core.endsWith(` ${surname}`));
      if (match) {
        canonical = match.core;
        if (type === 'UNKNOWN') type = 'PERSON';
      }
    }
    // Titles first ("Mrs"), then the given name or surname ending of the fullest name.
    const gender = m.gender ?? (canonical.includes(' ') && type !== 'ORG' && type !== 'LOC' ? genderOfName(canonical) : null);
    if (gender && !genderOf.has(canonical)) genderOf.set(canonical, gender);
    const isEntity = fromEntities.includes(m);
    return { start: m.start, end: m.end, canonical, type, gender, outlet: m.outlet, from: isEntity ? 'entity' : 'heuristic' };
  });
  const withGender = mentions.map((m) => (m.gender || !genderOf.has(m.canonical) ? m : { ...m, gender: genderOf.get(m.canonical) ?? null }));
  return { mentions: withGender, roleLinks: findRoleLinks(text, withGender, merged) };
}

const ROLE_BEFORE = /(?:^|[\s(])((?:[\p{L}'’.-]+\s){0,3}?)([\p{L}'’-]+)\s*,?\s*$/u;

/** Role words sitting right before a name ("Kremlin spokesman"), in its titles, or in an appositive after it. */
function findRoleLinks(text: string, mentions: readonly NameMention[], raw: readonly RawName[]): RoleLink[] {
  const links: RoleLink[] = [];
  mentions.forEach((m, idx) => {
    if (m.type === 'ORG' || m.type === 'LOC') return;
    const r = raw[idx];
    const titleRole = (r?.titleWords ?? []).map((w) => w.toLowerCase()).filter((w) => !/^(?:mr|mrs|ms|dr)\.?$/.test(w));
    if (titleRole.some((w) => ROLE_NOUNS.has(w))) links.push({ role: titleRole.join(' '), person: m.canonical, at: m.start });
    const bm = ROLE_BEFORE.exec(text.slice(Math.max(0, m.start - 60), m.start));
    if (bm) {
      const head = (bm[2] ?? '').toLowerCase();
      if (ROLE_NOUNS.has(head)) links.push({ role: `${(bm[1] ?? '').toLowerCase()}${head}`.trim(), person: m.canonical, at: m.start });
    }
    // Appositive: "Dmitry Peskov, the Kremlin's spokesman," / "Anna Kowal, a spokeswoman for the ministry".
    const after = text.slice(m.end, m.end + 80);
    const am = /^,\s+(?:the|a|an|its|his|her|their)?\s*((?:[\p{L}'’.-]+\s){0,4}?)([\p{L}-]+)(?=[,.;]|\s+(?:for|of|at|to|in|who|said|told)\b)/u.exec(after);
    if (am) {
      const head = (am[2] ?? '').toLowerCase();
      if (ROLE_NOUNS.has(head)) links.push({ role: `${(am[1] ?? '').toLowerCase()}${head}`.trim(), person: m.canonical, at: m.start });
    }
  });
  return links;
}
