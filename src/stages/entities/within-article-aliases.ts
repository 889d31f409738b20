// Within-article aliasing: surnames and titled forms to the full name, acronyms to their expansion, role nouns to their anchor.
import type { EntityMention, EntityType } from '../../core/article.js';
import { wordKey } from './name-forms.js';
import { PERSON_TITLES } from './person-titles.js';
import { ORG_HEADS } from './name-heads.js';

export interface RawMention {
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
}

const TITLES = PERSON_TITLES;

/** Role nouns that can stand in for a named person later in the article ("the spokesman"). */
const ROLE_NOUNS = [
  'prime minister', 'foreign minister', 'defence minister', 'defense minister', 'defense secretary', 'secretary of state',
  'president', 'spokesman', 'spokeswoman', 'spokesperson', 'chancellor', 'minister', 'secretary', 'senator', 'governor',
  'mayor', 'general', 'commander', 'ambassador', 'envoy', 'chairman', 'chairwoman', 'ceo', 'chief executive', 'premier',
  'pope', 'king', 'queen', 'judge', 'prosecutor', 'coach', 'manager', 'leader', 'speaker', 'congressman', 'congresswoman',
] as const;

const ACRONYM_STOP = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'de', 'du', 'des', 'la', 'le', '&']);

function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}

/** The name as written, whitespace collapsed, titles and a trailing possessive dropped. */
export function cleanName(surface: string, type: EntityType): string {
  let w = words(surface.replace(/['\u2019]s$/u, ''));
  if (type === 'PERSON') {
    while (w.length > 1 && TITLES.has(w[0]!.toLowerCase().replace(/\.$/, ''))) w = w.slice(1);
  }
  // "The Pentagon" at a sentence start is the Pentagon; "The Hague" is kept by the place type.
  if (type === 'ORG' && w.length > 1 && w[0] === 'The') w = w.slice(1);
  return w.join(' ');
}

/** Initials of the content words: "North Atlantic Treaty Organization" -> "NATO". */
export function initials(name: string): string {
  return words(name)
    .filter((w) => !ACRONYM_STOP.has(w.toLowerCase()))
    .map((w) => w[0] ?? '')
    .join('')
    .toUpperCase();
}

/**
 * Whether a one-word name is a short form of a longer one: its last word when no connector precedes it ("the
 * Authority", but not "Velmora" of "Port of Velmora"), or its first
 * when that word is the head ("Academy" of "Academy of ... Sciences") or only designators follow ("Arcline" of
 * "Arcline Ferries"). A place-like modifier is not a short form: "Velmora" of "Velmora Port Authority".
 */
function isShortForm(short: string, long: string): boolean {
  const all = words(long);
  const content = all.filter((x) => !ACRONYM_STOP.has(x.toLowerCase()));
  if (content.length < 2) return false;
  // "Velmora" closes "Port of Velmora" as its complement, not as its short form.
  if (content.at(-1) === short) return content.length === all.length;
  if (all[0] !== short) return false;
  const rest = all.slice(1);
  return ACRONYM_STOP.has(rest[0]!.toLowerCase()) || ORG_HEADS.has(short.toLowerCase()) || rest.every((x) => ORG_HEADS.has(x.toLowerCase()));
}

function isAcronym(name: string): boolean {
  return /^[A-Z][A-Z.&]{1,7}$/.test(name) && name.replace(/[.&]/g, '').length >= 2;
}

/** The title word right before a mention, if any ("President Trump" -> "President"). */
function titleBefore(text: string, start: number): string | null {
  const m = /([A-Za-z]+)\.?\s+$/.exec(text.slice(Math.max(0, start - 24), start));
  return m && TITLES.has(m[1]!.toLowerCase()) ? m[1]! : null;
}

interface Anchor {
  readonly role: string;
  readonly name: string;
  readonly at: number;
}

/** Per role noun: the role right before a name ("spokesman Dmitry Peskov"), and after it ("Peskov, the Kremlin spokesman"). */
const ROLE_BEFORE = ROLE_NOUNS.map((role) => new RegExp(`\\b${role}\\s+$`));
const ROLE_AFTER = ROLE_NOUNS.map((role) => new RegExp(`^(?:['\u2019]s)?,\\s+(?:the|a|an)\\s+(?:[\\w.-]+\\s+){0,3}?${role}\\b`));

/** Roles the text explicitly attaches to a person: "presidential spokesman Dmitry Peskov", "Peskov, the Kremlin spokesman". */
function roleAnchors(text: string, mention: RawMention, name: string): Anchor[] {
  const out: Anchor[] = [];
  const before = text.slice(Math.max(0, mention.start - 40), mention.start).toLowerCase();
  const after = text.slice(mention.end, mention.end + 60).toLowerCase();
  // Every ROLE_BEFORE pattern ends in white space and every ROLE_AFTER one starts with a comma or "'s,": most names have neither.
  const spaceBefore = /\s$/.test(before);
  const commaAfter = /^(?:['\u2019]s)?,/.test(after);
  if (!spaceBefore && !commaAfter) return out;
  for (const [i, role] of ROLE_NOUNS.entries()) {
    if (spaceBefore && ROLE_BEFORE[i]!.test(before)) out.push({ role, name, at: mention.start });
    else if (commaAfter && ROLE_AFTER[i]!.test(after)) out.push({ role, name, at: mention.end });
  }
  // Keep the longest role phrase per position: "prime minister", not also "minister".
  return out.filter((a) => !out.some((b) => b !== a && b.at === a.at && b.role.length > a.role.length && b.role.endsWith(a.role)));
}

/**
 * Resolves each mention's canonical name in its article. Fallback order:
 * 1. acronym: an ORG/MISC acronym whose letters are the initials of a longer name in the article;
 *    short-form: a one-word ORG/MISC that is the short form (see isShortForm) of exactly one longer name of that type;
 * 2. surname / title: a one-word PERSON (or ORG/MISC/unknown-place LOC, then retyped) matching, spelling-insensitively, the last
 *    word of a fuller PERSON name (unique in the article, else the nearest preceding one: "surname-nearest");
 *    given-name: failing that, the first word of exactly one fuller PERSON name;
 * 3. self: the cleaned surface.
 * Then role nouns ("the spokesman") anchored to exactly one person become extra mentions (how "role").
 */
export function resolveWithinArticle(
  text: string,
  raw: readonly RawMention[],
  knownPlace: (name: string) => boolean = () => true,
): EntityMention[] {
  const names = raw.map((m) => cleanName(text.slice(m.start, m.end), m.type));
  const fullPersons = raw
    .map((m, i) => ({ m, name: names[i]! }))
    .filter((p) => p.m.type === 'PERSON' && words(p.name).length > 1);
  const longForms = raw
    .map((m, i) => ({ m, name: names[i]! }))
    .filter((p) => (p.m.type === 'ORG' || p.m.type === 'MISC') && words(p.name).length > 1);
  const out: EntityMention[] = raw.map((m, i) => {
    const name = names[i]!;
    const base = { start: m.start, end: m.end, type: m.type };
    if ((m.type === 'ORG' || m.type === 'MISC') && isAcronym(name)) {
      const letters = name.replace(/[.&]/g, '');
      const expansions = [...new Set(longForms.filter((l) => initials(l.name) === letters).map((l) => l.name))];
      if (expansions.length === 1) return { ...base, canonical: expansions[0]!, how: 'acronym' };
    }
    if ((m.type === 'ORG' || m.type === 'MISC') && words(name).length === 1 && !isAcronym(name)) {
      // "the Academy" after "Academy of Motion Picture Arts and Sciences": first or last content word of one longer name.
      const longer = [...new Set(longForms.filter((l) => l.m.type === m.type && isShortForm(name, l.name)).map((l) => l.name))];
      if (longer.length === 1) return { ...base, canonical: longer[0]!, how: 'short-form' };
    }
    // A LOC is retyped only when it is no known place: "Obama" yes, "Washington" never.
    if ((m.type !== 'LOC' || !knownPlace(name)) && words(name).length === 1) {
      const key = wordKey(name);
      const candidates = fullPersons.filter((p) => wordKey(words(p.name).at(-1)!) === key);
      const distinct = [...new Set(candidates.map((p) => p.name))];
      // A surname the tagger typed ORG/MISC ("Zelenskyy, speaking in Kyiv") is retyped to the person it names.
      const how = `${titleBefore(text, m.start) ? 'title' : 'surname'}${m.type === 'PERSON' ? '' : '-retyped'}`;
      const person = { ...base, type: 'PERSON' as const };
      if (distinct.length === 1) return { ...person, canonical: distinct[0]!, how };
      if (distinct.length > 1) {
        const preceding = candidates.filter((p) => p.m.start < m.start).at(-1);
        if (preceding) return { ...person, canonical: preceding.name, how: `${how}-nearest` };
      }
      if (m.type !== 'PERSON') return { ...base, canonical: name, how: 'self' };
      // "Ellen" after "Ellen DeGeneres": only when exactly one full name starts with it.
      const given = [...new Set(fullPersons.filter((p) => words(p.name)[0] === name).map((p) => p.name))];
      if (!distinct.length && given.length === 1) return { ...base, canonical: given[0]!, how: 'given-name' };
    }
    return { ...base, canonical: name, how: 'self' };
  });
  return [...out, ...roleMentions(text, raw, out)].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** "the spokesman" after an explicit anchor, when exactly one person in the article holds that role. */
function roleMentions(text: string, raw: readonly RawMention[], resolved: readonly EntityMention[]): EntityMention[] {
  const anchors = resolved.flatMap((m, i) => (m.type === 'PERSON' ? roleAnchors(text, raw[i]!, m.canonical) : []));
  const out: EntityMention[] = [];
  const taken = (s: number, e: number): boolean => resolved.some((m) => m.start < e && s < m.end) || out.some((m) => m.start < e && s < m.end);
  for (const role of new Set(anchors.map((a) => a.role))) {
    const holders = new Set(anchors.filter((a) => a.role === role).map((a) => a.name));
    if (holders.size !== 1) continue;
    const name = [...holders][0]!;
    const first = Math.min(...anchors.filter((a) => a.role === role).map((a) => a.at));
    // Case-sensitive on purpose: a capitalised word after the role ("the president Donald ...") is a new name.
    const re = new RegExp(`\\b[Tt]he\\s+((?:[A-Za-z.-]+\\s+){0,2}?)(${role})\\b(?!\\s+(?:of\\b|[A-Z]))`, 'g');
    for (const m of text.slice(first).matchAll(re)) {
      const start = first + m.index + m[0].length - m[2]!.length;
      const end = start + m[2]!.length;
      if (!taken(start, end)) out.push({ start, end, type: 'PERSON', canonical: name, how: 'role' });
    }
  }
  return out;
}
