// Finds the speaker phrase beside a cue and resolves it: name, role link, pronoun or statement.
import type { EntityType, SpeakerHow } from '../../core/article.js';
import { lastSpanStartingAtOrBefore, spansOverlap, type Span } from '../../core/span.js';
import type { Token } from '../../core/tokenize.js';
import { CLAUSE_WORDS, CUE_AUXILIARIES, CUE_VERBS, NOT_NAMES, PRONOUNS, ROLE_NOUNS, STATEMENT_NOUNS } from './cue-lexicon.js';
import type { Gender, NameIndex, NameMention } from './find-name-mentions.js';

export interface ResolvedSpeaker {
  readonly span: Span | null;
  readonly name: string | null;
  readonly how: SpeakerHow;
}

/** A speaker already attributed earlier in the article: what pronouns and running quotes resolve to. */
export interface SpeakerHistoryEntry {
  readonly name: string;
  readonly span: Span | null;
  readonly at: number;
  readonly type: EntityType | 'UNKNOWN';
  readonly gender: Gender | null;
}

export interface SpeakerSettings {
  /** Longest speaker phrase, in tokens. */
  readonly maxPhraseTokens: number;
  /** How far back (characters) a pronoun may reach for its antecedent. */
  readonly pronounReach: number;
}

const BOUNDARY = /^(?:[,;:()[\]{}"“”«»„‘’'`\u2014\u2013!?]|-|--)$/;
const LEADING_NOISE = new Set(['but', 'and', 'yet', 'so', 'however', 'meanwhile', 'still', 'also', 'now', 'then', 'later', 'instead', 'indeed', 'or']);
const DETERMINERS = /^(?:the|a|an|two|three|four|five|six|several|some|many|most|other|another|one|its|his|her|their|our|senior|top|local|u\.s\.|both|all|these|those|this|that|more|few|dozens|hundreds|officials|police|sources|experts)$/i;
const STOP_AFTER = new Set(['on', 'in', 'at', 'during', 'last', 'this', 'after', 'before', 'to', 'about', 'when', 'while', 'as', 'late', 'early', 'earlier', 'yesterday', 'today', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'via', 'through', 'with', 'by']);

const lower = (t: Token | undefined): string => (t ? t.text.toLowerCase() : '');

function isPhraseStart(t: Token | undefined): boolean {
  if (!t) return false;
  return /^\p{Lu}/u.test(t.text) || /^\p{N}/u.test(t.text) || DETERMINERS.test(t.text) || lower(t) in PRONOUNS || ROLE_NOUNS.has(lower(t)) || isGroupNoun(lower(t));
}

/** Bare plural subjects that speak: "aides say", "analysts said", "critics argue". */
const GROUP_NOUNS = new Set([
  'voters', 'residents', 'critics', 'analysts', 'economists', 'experts', 'officials', 'organizers', 'organisers', 'aides',
  'advisers', 'advisors', 'lawmakers', 'activists', 'supporters', 'opponents', 'protesters', 'observers', 'investigators',
  'prosecutors', 'researchers', 'scientists', 'historians', 'polls', 'surveys', 'respondents', 'participants', 'members',
  'leaders', 'authorities', 'sources', 'people', 'strategists', 'pollsters', 'diplomats', 'insiders', 'allies', 'advocates',
  'witnesses', 'doctors', 'teachers', 'workers', 'farmers', 'students', 'parents', 'donors', 'delegates', 'negotiators',
]);

export function isGroupNoun(word: string): boolean {
  return GROUP_NOUNS.has(word) || (word.endsWith('s') && ROLE_NOUNS.has(word.slice(0, -1)));
}

/** A phrase may open with a lower-case modifier ("retired neurosurgeon Ben Carson") when a name or role follows. */
function startsSpeaker(tokens: readonly Token[], from: number, to: number): boolean {
  if (isPhraseStart(tokens[from])) return true;
  if (!/^\p{Ll}[\p{Ll}-]*$/u.test(tokens[from]?.text ?? '') || NOT_HEAD.test(lower(tokens[from]))) return false;
  return tokens.slice(from + 1, to + 1).some((t) => /^\p{Lu}/u.test(t.text) || ROLE_NOUNS.has(lower(t)) || isGroupNoun(lower(t)));
}

function spanOf(tokens: readonly Token[], from: number, to: number): Span | null {
  const a = tokens[from];
  const b = tokens[to];
  return a && b && to >= from ? { start: a.start, end: b.end } : null;
}

function openParenBefore(tokens: readonly Token[], close: number, floor: number): number {
  for (let j = close - 1; j >= Math.max(floor, close - 8); j--) if (tokens[j]?.text === '(') return j;
  return -1;
}

function isBoundary(tokens: readonly Token[], j: number): boolean {
  const t = tokens[j];
  if (!t) return true;
  // A hyphen inside a word ("43-year-old") joins; a free-standing one is a dash.
  if (t.text === '-' && tokens[j - 1]?.end === t.start && tokens[j + 1]?.start === t.end) return false;
  if (BOUNDARY.test(t.text) || CLAUSE_WORDS.has(lower(t))) return true;
  return t.text === '.' && !ABBREVIATION_BEFORE_DOT.test(tokens[j - 1]?.text ?? '');
}

const ABBREVIATION_BEFORE_DOT = /^\p{Lu}$|^(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Rev|Prof|Del|Gov)$/u;

/** Tokens before a cue back to the clause start; walks over "who ..." clauses and ", appositive," to the head. */
export function phraseBeforeCue(tokens: readonly Token[], cue: number, floor: number, settings: SpeakerSettings): Span | null {
  const k = skipAdverbials(tokens, cue - 1, floor);
  if (k < floor) return null;
  // A subject pronoun right before the cue is the whole subject: "On Monday he said", "a wall, which he said ...".
  const subjectPronoun = /^(?:he|she|they|we|it)$/.test(lower(tokens[k])) || tokens[k]?.text === 'I';
  if (subjectPronoun && !/^(?:and|or|nor)$/.test(lower(tokens[k - 1]))) return spanOf(tokens, k, k);
  // "Ruiz, who said ...": the relative pronoun is the cue's subject; relativeAntecedent finds whom it names.
  if (RELATIVE.test(tokens[k]?.text ?? '') && k > floor) return spanOf(tokens, k, k);
  const collect = (end: number): { from: number; stop: number; tooLong: boolean } => {
    let j = end;
    while (j >= floor) {
      // A short parenthetical inside the phrase ("Rep. Ann Bell (D-Ore.)") is part of it.
      const open = tokens[j]?.text === ')' ? openParenBefore(tokens, j, floor) : -1;
      if (open >= 0) j = open;
      else if (isBoundary(tokens, j)) break;
      if (end - j >= settings.maxPhraseTokens + 6) return { from: j + 1, stop: j, tooLong: true };
      j--;
    }
    return { from: j + 1, stop: j, tooLong: false };
  };
  const first = collect(k);
  const stopTok = first.stop >= floor ? tokens[first.stop] : undefined;
  if (first.from > k) {
    if (stopTok?.text !== ',') return null;
    // "Anna Kowal, the minister, said": skip the appositive back to the name.
    let c = first.stop - 1;
    while (c >= floor && first.stop - c <= settings.maxPhraseTokens * 3 && tokens[c]?.text !== ',') c--;
    if (c < floor || tokens[c]?.text !== ',') return null;
    const head = collect(c - 1);
    return head.tooLong || head.from > c - 1 ? null : trimPhrase(tokens, head.from, c - 1);
  }
  if (first.tooLong) return null;
  if (stopTok && /^(?:who|which)$/i.test(stopTok.text)) {
    // "Two officials who spoke on condition of anonymity told ...": the antecedent speaks.
    const e = tokens[first.stop - 1]?.text === ',' ? first.stop - 2 : first.stop - 1;
    const head = collect(e);
    return head.tooLong || head.from > e ? null : trimPhrase(tokens, head.from, e);
  }
  const phrase = trimPhrase(tokens, first.from, k);
  // "Jeb Bush and Chris Christie say": names joined by "and" speak together.
  if (phrase && stopTok && /^(?:and|nor)$/.test(stopTok.text) && /^\p{Lu}/u.test(tokens[first.from]?.text ?? '') && /^(?:\p{Lu}.*|\))$/u.test(tokens[first.stop - 1]?.text ?? '')) {
    const other = collect(first.stop - 1);
    const left = other.tooLong || other.from > first.stop - 1 ? null : trimPhrase(tokens, other.from, first.stop - 1);
    if (left) return { start: left.start, end: phrase.end };
  }
  return phrase;
}

const WEEKDAY = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight)$/;

/** Walks back from `k` over auxiliaries and time adverbials ("has also", "on Saturday night", "at the time", "last week"). */
/** "Trump isn't saying", "she didn't say": a negated auxiliary sits in the verb chain. */
const NEGATED_AUXILIARY = /^(?:is|are|was|were|do|does|did|has|have|had|would|could|should|wo|ca)n['’]t$/;

function skipAdverbials(tokens: readonly Token[], k: number, floor: number): number {
  for (;;) {
    const w = lower(tokens[k]);
    if (k < floor) return k;
    if (CUE_AUXILIARIES.has(w) || NEGATED_AUXILIARY.test(w)) k--;
    else if (WEEKDAY.test(w)) k -= lower(tokens[k - 1]) === 'on' ? 2 : 1;
    else if (/^(?:night|morning|afternoon|evening)$/.test(w) && WEEKDAY.test(lower(tokens[k - 1]))) k--;
    else if (w === 'time' && lower(tokens[k - 1]) === 'the' && lower(tokens[k - 2]) === 'at') k -= 3;
    else if (/^(?:week|month|year|weekend)$/.test(w) && /^(?:last|this|that)$/.test(lower(tokens[k - 1]))) k -= 2;
    else return k;
  }
}

const RELATIVE = /^(?:who|which|that)$/;

/** Whether a speaker phrase is a relative pronoun standing for the phrase before it. */
export function isRelative(word: string): boolean {
  return RELATIVE.test(word);
}

/** The noun phrase a relative pronoun at token `at` stands for: "Ana Ruiz, the mayor, who" -> "Ana Ruiz, the mayor". */
export function relativeAntecedent(tokens: readonly Token[], at: number, floor: number, settings: SpeakerSettings): Span | null {
  const end = tokens[at - 1]?.text === ',' ? at - 1 : at;
  return phraseBeforeCue(tokens, end, floor, settings);
}

/** Lower-case words that may sit inside a speaker noun phrase before its head. */
const NP_WORDS = new Set([
  'of', 'for', 'at', 'from', 'and', '&', 'in', 'by', 'to', 'former', 'senior', 'top', 'chief', 'deputy', 'state', 'federal', 'local', 'national',
  'foreign', 'new', 'current', 'longtime', 'then', 'acting', 'interim', 'assistant', 'associate', 'executive', 'general',
  'public', 'white', 'black', 'young', 'old', 'republican', 'democratic', 'conservative', 'liberal', 'independent',
  'political', 'presidential', 'campaign', 'party', 'press', 'news', 'health', 'police', 'military', 'government',
  'city', 'county', 'district', 'regional', 'economic', 'legal', 'civil', 'rights', 'group', 'committee', 'house',
  'senate', 'prominent', 'leading', 'key', 'fellow', 'retired', 'elected', 'appointed', 'vice', 'first', 'second',
  'other', 'many', 'some', 'most', 'both', 'all', 'few', 'several', 'such', 'u.s.', 'american', 'british', 'western',
  'european', 'russian', 'chinese', 'israeli', 'palestinian', 'ukrainian', 'iranian', 'french', 'german', 'union',
  'industry', 'company', 'business', 'family', 'white house', 'administration', 'defense', 'defence', 'finance',
  'justice', 'interior', 'energy', 'trade', 'education', 'labor', 'labour', 'transport', 'environment', 'security',
  'intelligence', 'security', 'staff', 'team', 'board', 'council', 'commission', 'agency', 'department', 'ministry',
]);
const NOT_HEAD = /^(?:of|to|for|the|a|an|and|or|in|on|at|with|by|from|that|this|is|was|are|were|be|been|it's|its|not|no|as|than|so|very|too|more|most|less|up|out|about|into|over|after|before)$/;

const NOT_MODIFIER = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'does', 'do', 'did', 'who', 'which', 'what', 'when', 'where', 'how', 'why', 'if', 'then', 'there', 'here', 'now', 'also', 'just', 'even', 'still', 'only', 'yet', 'again', 'never', 'always', 'get', 'gets', 'got', 'make', 'makes', 'made', 'take', 'takes', 'took', 'give', 'gives', 'gave', 'see', 'sees', 'saw', 'go', 'goes', 'went', 'come', 'came', 'know', 'knew', 'want', 'wants', 'need', 'needs', 'like', 'likes', 'let', 'lets', 'put', 'puts', 'set', 'keep', 'kept', 'seem', 'seems', 'become', 'became', 'while', 'because', 'but', 'or', 'nor', 'so', 'he', 'she', 'they', 'we', 'i', 'you', 'it', 'him', 'them', 'us', 'me', 'his', 'her', 'their', 'our', 'my', 'your']);

/** The noun phrase ending at `to`: a head that is not a verb, adverb or function word, and NP-ish words before it. */
function nounPhraseStart(tokens: readonly Token[], from: number, to: number): number {
  let last = to;
  if (tokens[to]?.text === ')') last = Math.max(from, openParenBefore(tokens, to, from) - 1);
  const head = tokens[last];
  if (!head) return -1;
  const h = head.text.toLowerCase();
  const headIsLower = /^\p{Ll}/u.test(head.text);
  // "the report stated": a reporting word after a determiner heads a noun phrase.
  const cueNoun = CUE_VERBS.has(h) && DETERMINERS.test(tokens[last - 1]?.text ?? '') && !/(?:ed|ing)$/.test(h);
  if (headIsLower && !(h in PRONOUNS) && (NOT_HEAD.test(h) || /(?:ed|ing|ly)$/.test(h) || (CUE_VERBS.has(h) && !cueNoun))) return -1;
  let j = last - 1;
  while (j >= from) {
    const t = tokens[j];
    if (!t) break;
    if (t.text === ')' || t.text === '(') {
      const open = t.text === ')' ? openParenBefore(tokens, j, from) : j;
      if (open >= 0) {
        j = open - 1;
        continue;
      }
    }
    const w = t.text.toLowerCase();
    const known = /^[\p{Lu}\p{N}]/u.test(t.text) || /^[.\-’'&]$/.test(t.text) || DETERMINERS.test(w) || ROLE_NOUNS.has(w.replace(/['’]s$/, '')) || NP_WORDS.has(w) || /['’]s$/.test(w);
    // Unknown lower-case words pass as modifiers ("veteran analyst") unless they look like verbs, adverbs or function words.
    const ok = known || (/^\p{Ll}[\p{Ll}-]*$/u.test(t.text) && !NOT_HEAD.test(w) && (w.includes('-') || !/(?:ed|ing|ly)$/.test(w)) && !CUE_VERBS.has(w) && !NOT_MODIFIER.has(w));
    if (!ok) break;
    j--;
  }
  let a = j + 1;
  while (a < to && /^(?:of|for|at|and|&|in|by|to)$/.test(lower(tokens[a]))) a++;
  return mediaOwnerStart(tokens, a, last);
}

/** Nouns for recordings and texts whose "of X" names the one speaking in them: "footage of Ana Ruiz saying". */
const MEDIA_NOUNS = new Set(['footage', 'video', 'videos', 'clip', 'clips', 'recording', 'recordings', 'audio', 'tape', 'tapes', 'transcript', 'image', 'images', 'photo', 'photos']);

/** "The ad uses footage of Ana Ruiz" -> "Ana Ruiz": a capitalised name after "media noun of" heads the speaker. */
function mediaOwnerStart(tokens: readonly Token[], from: number, last: number): number {
  for (let k = last; k > from + 1; k--) {
    if (!/^\p{Lu}/u.test(tokens[k]?.text ?? '')) return from;
    if (lower(tokens[k - 1]) === 'of' && MEDIA_NOUNS.has(lower(tokens[k - 2]))) return k;
  }
  return from;
}

function trimPhrase(tokens: readonly Token[], from: number, to: number): Span | null {
  let a = from;
  while (a <= to && LEADING_NOISE.has(lower(tokens[a]))) a++;
  if (a > to) return null;
  const np = nounPhraseStart(tokens, a, to);
  if (np < 0 || !startsSpeaker(tokens, np, to)) return null;
  return spanOf(tokens, np, to);
}

/** Tokens after a cue ("said Anna Kowal, the minister") up to punctuation, a clause word or a time adverbial. */
export function phraseAfterCue(tokens: readonly Token[], cue: number, ceiling: number, settings: SpeakerSettings): Span | null {
  let j = cue + 1;
  const first = j;
  while (j < ceiling && j - first < settings.maxPhraseTokens) {
    const t = tokens[j];
    if (t?.text === '(' && j > first) {
      const close = tokens.slice(j, j + 8).findIndex((x) => x.text === ')');
      if (close > 0) {
        j += close + 1;
        continue;
      }
    }
    if (isBoundary(tokens, j)) break;
    if (j > first && STOP_AFTER.has(lower(t)) && !postModifier(tokens, first, j)) break;
    j++;
  }
  if (j === first || !startsSpeaker(tokens, first, j - 1)) return null;
  return spanOf(tokens, first, j - 1);
}

const POST_PREPOSITIONS = new Set(['in', 'with', 'to', 'at', 'on', 'for', 'from', 'about']);
const SETTING_NOUNS =
  /^(?:statement|interview|conference|briefing|speech|letter|e-?mail|tweet|post|call|video|message|op-ed|rally|event|hearing|meeting|appearance|radio|television|tv|show|program|programme|broadcast|press|news|phone|telephone|morning|afternoon|evening|night|week|weekend|day|year|month|time|moment|end|start|interviews|statements|remarks|comments|recent|separate|written|joint|brief|new|televised|recorded|following|later)$/;

/**
 * "said a person close to the family", "a 2013 study in the journal": a descriptive speaker (no name in it)
 * keeps its prepositional modifier unless the preposition opens a time or setting ("in a statement", "on Monday").
 */
function postModifier(tokens: readonly Token[], first: number, at: number): boolean {
  if (!POST_PREPOSITIONS.has(lower(tokens[at]))) return false;
  if (!DETERMINERS.test(tokens[first]?.text ?? '') || /^(?:his|her|their|its|our)$/i.test(tokens[first]?.text ?? '')) return false;
  for (let k = first + 1; k < at; k++) if (/^\p{Lu}/u.test(tokens[k]?.text ?? '')) return false;
  const next = tokens[at + 1];
  if (!next || /^[\p{N}]/u.test(next.text) || NOT_POST_OBJECT.has(next.text)) return false;
  const object = /^(?:a|an|the|his|her|their|its)$/i.test(next.text) ? tokens[at + 2] : next;
  return object !== undefined && !SETTING_NOUNS.test(object.text.toLowerCase()) && !STOP_AFTER.has(object.text.toLowerCase());
}

const NOT_POST_OBJECT = new Set(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Twitter', 'Facebook', 'CNN', 'Fox', 'MSNBC', 'NBC', 'ABC', 'CBS', 'Instagram', 'reporters', 'me', 'us', 'him', 'her', 'them', 'it', 'this', 'that', 'be', 'have']);

/** Names inside the phrase, not those in a parenthetical ("Rep. Ann Bell (D-S.C.)": not "C."). */
function mentionsIn(text: string, index: NameIndex, span: Span): NameMention[] {
  return index.mentions.filter((m) => {
    if (m.start < span.start || m.end > span.end) return false;
    const before = text.slice(span.start, m.start);
    return before.lastIndexOf('(') <= before.lastIndexOf(')');
  });
}

/** The person a role was tied to: nearest link before `at` with the same head (and modifiers when given), else any. */
export function linkRole(index: NameIndex, roleWords: readonly string[], at: number): string | null {
  const head = roleWords[roleWords.length - 1];
  if (!head) return null;
  const candidates = index.roleLinks.filter((l) => l.role.split(/\s+/).pop() === head || l.role.endsWith(head));
  if (!candidates.length) return null;
  const modifiers = roleWords.slice(0, -1).filter((w) => !DETERMINERS.test(w));
  const fits = candidates.filter((l) => modifiers.every((w) => l.role.includes(w.replace(/['’]s$/, ''))));
  const pool = fits.length ? fits : candidates;
  const before = pool.filter((l) => l.at <= at);
  const pick = before.length ? before[before.length - 1] : pool[0];
  return pick ? pick.person : null;
}

/** What pronoun binding needs beyond names: sentence bounds, and the quoted stretches whose names do not count. */
export interface Discourse {
  readonly sentences: readonly Span[];
  readonly quoted: readonly Span[];
}

/**
 * "he"/"she": walking back sentence by sentence from the pronoun, the first person mention outside quotation
 * marks whose gender is not the other one; inside a sentence the first such (the subject, usually). A name
 * of the other gender is never taken. "they"/"it": the nearest earlier speaker
 * or organisation.
 */
export function resolvePronoun(
  pronoun: string,
  at: number,
  index: NameIndex,
  history: readonly SpeakerHistoryEntry[],
  learned: ReadonlyMap<string, Gender>,
  discourse: Discourse,
  settings: SpeakerSettings,
): { name: string; gender: Gender | null } | null {
  const g = PRONOUNS[pronoun.toLowerCase()] ?? null;
  if (!g || g === 'self') return null;
  const genderOf = (name: string, own: Gender | null): Gender | null => own ?? learned.get(name) ?? null;
  if (g === 'm' || g === 'f') {
    const quotedAt = (m: Span): boolean => {
      const q = discourse.quoted[lastSpanStartingAtOrBefore(discourse.quoted, m.start)];
      return q !== undefined && m.start >= q.start && m.start < q.end;
    };
    const fits = (m: NameMention): boolean => {
      const known = genderOf(m.canonical, m.gender);
      const person = m.type === 'PERSON' || (m.type === 'UNKNOWN' && known !== null);
      return person && (known === null || known === g) && !quotedAt(m);
    };
    for (let s = lastSpanStartingAtOrBefore(discourse.sentences, at); s >= 0; s--) {
      const sentence = discourse.sentences[s];
      if (!sentence || at - sentence.end > settings.pronounReach) break;
      const limit = Math.min(sentence.end, at);
      // A person who spoke in the sentence is its most salient one ("Harbour master Tomas Berg said ... He added"),
      // ahead of other names there, which may be stray words the tagger took for names.
      const speaker = history.find((e) => e.at >= sentence.start && e.at < limit && (e.type === 'PERSON' || e.type === 'UNKNOWN') && !quotedAt({ start: e.at, end: e.at + 1 }) && [null, g].includes(genderOf(e.name, e.gender)));
      if (speaker && speaker.type === 'PERSON') return { name: speaker.name, gender: genderOf(speaker.name, speaker.gender) };
      const inSentence = index.mentions.filter((m) => m.start >= sentence.start && m.end <= limit && fits(m));
      // Speakers found through a role or pronoun ("the spokesman said") are people mentioned there too.
      const spoke = history
        .filter((e) => e.span && e.at >= sentence.start && e.at < limit && !inSentence.some((m) => spansOverlap(m, { start: e.at, end: e.at + 1 })))
        .map((e) => ({ start: e.at, end: e.at, canonical: e.name, type: e.type, gender: e.gender, outlet: false, from: 'heuristic' as const }))
        .filter(fits);
      const all = spoke.length ? [...inSentence, ...spoke].sort((a, b) => a.start - b.start) : inSentence;
      const pick = all[0];
      if (pick) return { name: pick.canonical, gender: genderOf(pick.canonical, pick.gender) };
    }
    for (let h = history.length - 1; h >= 0; h--) {
      const e = history[h];
      if (!e || at - e.at > settings.pronounReach) break;
      const known = genderOf(e.name, e.gender);
      if (e.at <= at && (e.type === 'PERSON' || e.type === 'UNKNOWN') && (known === null || known === g)) return { name: e.name, gender: known };
    }
    return null;
  }
  const typeFits = (type: EntityType | 'UNKNOWN'): boolean => type === 'ORG' || type === 'LOC' || type === 'UNKNOWN';
  for (let h = history.length - 1; h >= 0; h--) {
    const e = history[h];
    if (!e || at - e.at > settings.pronounReach) break;
    if (e.at <= at && typeFits(e.type)) return { name: e.name, gender: e.gender };
  }
  for (let m = index.mentions.length - 1; m >= 0; m--) {
    const c = index.mentions[m];
    if (!c || c.end > at) continue;
    if (at - c.end > settings.pronounReach) break;
    if (typeFits(c.type)) return { name: c.canonical, gender: c.gender };
  }
  return null;
}

export interface PhraseResolution extends ResolvedSpeaker {
  readonly type: EntityType | 'UNKNOWN';
  readonly gender: Gender | null;
}

/**
 * Resolves a speaker phrase. Order:
 * 1. a pronoun -> nearest compatible earlier speaker or name;
 * 2. "a statement from X" -> statement, X's name (or the person its role links to);
 * 3. a name mention heading the phrase -> named (outlet when it is a news outlet);
 * 4. a role noun -> the person that role is tied to elsewhere in the article;
 * 5. anything else ("experts", "a source") -> kept as span, name null.
 */
export function resolvePhrase(
  text: string,
  phrase: Span,
  index: NameIndex,
  history: readonly SpeakerHistoryEntry[],
  learned: ReadonlyMap<string, Gender>,
  discourse: Discourse,
  settings: SpeakerSettings,
): PhraseResolution {
  const words = text.slice(phrase.start, phrase.end).split(/\s+/).filter(Boolean);
  const lowerWords = words.map((w) => w.toLowerCase().replace(/[.,]$/, ''));
  const only = lowerWords.length === 1 ? lowerWords[0] ?? '' : '';
  if (only in PRONOUNS) {
    const r = resolvePronoun(only, phrase.start, index, history, learned, discourse, settings);
    return { span: phrase, name: r?.name ?? null, how: 'pronoun', type: only === 'they' || only === 'it' ? 'ORG' : 'PERSON', gender: r?.gender ?? null };
  }
  const inside = mentionsIn(text, index, phrase);
  const statementAt = lowerWords.findIndex((w) => STATEMENT_NOUNS.has(w));
  if (statementAt >= 0 && statementAt <= 2) {
    const owner = inside[inside.length - 1];
    // "the prime minister's office": the possessor's role names the person behind the statement.
    const ownerWords = lowerWords.slice(statementAt + 1);
    const possessive = ownerWords.findIndex((w) => /['’]s$/.test(w));
    const roleWords = roleWordsOf((possessive >= 0 ? ownerWords.slice(0, possessive + 1) : ownerWords).map((w) => w.replace(/['’]s$/, '')));
    const roleName = owner ? null : linkRole(index, roleWords, phrase.start);
    return { span: phrase, name: owner?.canonical ?? roleName, how: 'statement', type: 'ORG', gender: null };
  }
  // "the spokesman for Foo Corp": the role heads the phrase, the name only qualifies it.
  const prep = lowerWords.findIndex((w, i) => i > 0 && (w === 'for' || w === 'of' || w === 'at' || w === 'from'));
  const headPart = prep > 0 ? lowerWords.slice(0, prep) : lowerWords;
  const headIsRole = ROLE_NOUNS.has(headPart[headPart.length - 1]?.replace(/['’]s$/, '') ?? '');
  const headMention = inside.filter((m) => prep < 0 || m.end <= phrase.start + words.slice(0, prep).join(' ').length + 1);
  const named = headMention[headMention.length - 1];
  const lastWord = lowerWords[lowerWords.length - 1] ?? '';
  // "Secretary of State Madeleine Albright": a person's name closing a run of capitalised titles is the speaker.
  const closing = inside[inside.length - 1];
  if (closing && closing.type === 'PERSON' && closing.end === phrase.end && /\p{Lu}[\p{L}.]*\s+$/u.test(text.slice(phrase.start, closing.start))) {
    return { span: phrase, name: closing.canonical, how: 'named', type: closing.type, gender: closing.gender };
  }
  if (named && !(headIsRole && prep > 0) && !(ROLE_NOUNS.has(lastWord) && named.end < phrase.end - lastWord.length)) {
    return { span: phrase, name: named.canonical, how: named.outlet ? 'outlet' : 'named', type: named.type, gender: named.gender };
  }
  const roleWords = roleWordsOf(headPart);
  if (roleWords.length) {
    const person = linkRole(index, roleWords, phrase.start);
    return { span: phrase, name: person, how: 'role', type: 'PERSON', gender: null };
  }
  if (named) return { span: phrase, name: named.canonical, how: named.outlet ? 'outlet' : 'named', type: named.type, gender: named.gender };
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w) && !NOT_NAMES.has(w));
  if (capitalised.length && capitalised.length === words.length) {
    return { span: phrase, name: capitalised.join(' '), how: 'named', type: 'UNKNOWN', gender: null };
  }
  return { span: phrase, name: null, how: 'none', type: 'UNKNOWN', gender: null };
}

/** The role words of a phrase, head last: "the kremlin's chief spokesman" -> [kremlin's, chief, spokesman]. */
function roleWordsOf(words: readonly string[]): string[] {
  let headAt = -1;
  for (let i = words.length - 1; i >= 0; i--) {
    if (ROLE_NOUNS.has((words[i] ?? '').replace(/['’]s$/, ''))) {
      headAt = i;
      break;
    }
  }
  if (headAt < 0) return [];
  return words.slice(0, headAt + 1).filter((w) => !DETERMINERS.test(w)).slice(-4);
}
