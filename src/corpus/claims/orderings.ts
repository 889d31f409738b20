// How a clause orders its event against another one: "during the call", "hours after the vote", "as talks went on".
import type { Span } from '../../core/span.js';
import { tokenize, type Token } from '../../core/tokenize.js';
import { classKey, synonymClass } from './synonym-class.js';
import { isIrregularPast } from './content-words.js';

export interface Ordering extends Span {
  /** Where the clause's event falls against the anchor event. */
  readonly kind: 'before' | 'after' | 'during';
  /** The part of the anchor the ordering is taken against: its start ("after the call began"), its end, or all of it. */
  readonly point: 'start' | 'end' | 'whole';
  /** Class key of the anchor event's head word ("the phone call with Brandt" -> "call"). */
  readonly anchor: string;
  /** Keys of an anchoring clause ("while the leaders spoke by phone" -> leader, call, ...); just the head for a noun phrase. */
  readonly anchorKeys: readonly string[];
}

/** Cues that take a noun phrase, as their words, the relation they state and the part of the anchor it is taken against. */
const NOUN_CUES: readonly { readonly words: readonly string[]; readonly kind: Ordering['kind']; readonly point: Ordering['point'] }[] = [
  { words: ['before'], kind: 'before', point: 'whole' },
  { words: ['ahead', 'of'], kind: 'before', point: 'whole' },
  { words: ['prior', 'to'], kind: 'before', point: 'whole' },
  // "until the vote": up to it, neither during nor after it.
  { words: ['until'], kind: 'before', point: 'whole' },
  { words: ['after'], kind: 'after', point: 'whole' },
  { words: ['following'], kind: 'after', point: 'whole' },
  { words: ['in', 'the', 'wake', 'of'], kind: 'after', point: 'whole' },
  // "since the war": from its start on.
  { words: ['since'], kind: 'after', point: 'start' },
  { words: ['during'], kind: 'during', point: 'whole' },
  { words: ['amid'], kind: 'during', point: 'whole' },
  { words: ['amidst'], kind: 'during', point: 'whole' },
  { words: ['throughout'], kind: 'during', point: 'whole' },
  { words: ['midway', 'through'], kind: 'during', point: 'whole' },
  { words: ['in', 'the', 'middle', 'of'], kind: 'during', point: 'whole' },
  { words: ['in', 'the', 'course', 'of'], kind: 'during', point: 'whole' },
  { words: ['at', 'the', 'same', 'time', 'as'], kind: 'during', point: 'whole' },
];

/** "as talks went on", "as the call was under way", "as the leaders spoke": a clause of an event in progress. */
const AS_ONGOING_RE =
  /^\s+((?:[\p{L}'\u2019-]+\s+){0,4}?[\p{L}'\u2019-]+)\s+(?:went on|wore on|continued|progressed|unfolded|dragged on|got under ?way|spoke|talked|(?:was|were) (?:still )?(?:under ?way|going on|taking place|in progress|being held|ongoing|speaking|talking|meeting))\b/iu;

/** Words before "after" that make it no ordering of events: "named after", "day after day", "one after another". */
const NOT_TEMPORAL_BEFORE = new Set(['named', 'look', 'looks', 'looked', 'looking', 'one', 'day', 'year', 'time', 'week', 'month', 'take', 'takes', 'took', 'taken', 'sought', 'seek', 'chase', 'chased']);

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'these', 'those', 'both', 'two', 'last', 'latest', 'first', 'second', 'new', 'same']);
/** Words that end an anchor's noun phrase: prepositions, conjunctions, auxiliaries and common past forms. */
const PHRASE_END = new Set([
  'of', 'on', 'in', 'at', 'by', 'for', 'from', 'to', 'with', 'between', 'among', 'over', 'about', 'against', 'into', 'onto', 'near',
  'across', 'through', 'toward', 'towards', 'under', 'via', 'per', 'than', 'and', 'or', 'but', 'as', 'while', 'when', 'whereas',
  'which', 'that', 'who', 'whom', 'where', 'so', 'because', 'if', 'though', 'although', 'is', 'are', 'was', 'were', 'be', 'been',
  'being', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'could', 'should', 'can', 'may', 'might', 'must', 'said',
  'says', 'took', 'came', 'went', 'wore', 'broke', 'fell', 'rose', 'met', 'made', 'gave', 'left', 'ran', 'won', 'lost', 'held', 'got',
  'spoke', 'saw', 'told', 'sent', 'fought', 'flew',
]);
const START_WORDS = new Set(['began', 'begun', 'started', 'opened', 'kicked', 'resumed']);
const END_WORDS = new Set(['ended', 'finished', 'concluded', 'closed', 'wrapped', 'broke']);
/** Words before "strike" that make it a stoppage of work ("a general strike"), not an attack of the attack class. */
const LABOUR_BEFORE = new Set(['general', 'labour', 'labor', 'national', 'nationwide', 'hunger', 'rail', 'dock', 'port', 'transport', 'union', 'wildcat', 'teachers', "teachers'", 'workers', "workers'", 'doctors', 'nurses', 'pilots', 'staff']);

/** Verbs of people speaking with each other: the event a clause of them names is their conversation. */
const SPEECH_VERBS = new Set(['spoke', 'spoken', 'talked', 'conferred', 'chatted']);
/**
 * The class key of a conversation (see synonym-class): a call. Not talks or a meeting ("meet"), which are negotiations
 * of their own: "after the leaders spoke" is no ordering against "as the ceasefire talks went on".
 */
const CONVERSATION_KEY = 'call';
/** Longest anchor noun phrase read, in words. */
const PHRASE_WORDS = 5;
/** Longest anchoring clause read after "while", in words. */
const CLAUSE_WORDS = 10;

/** "hours after", "shortly after", "a day before": the offset belongs to the ordering's passage. */
const OFFSET_RE =
  /(?:\b(?:just|only|barely|some|about|around|nearly|almost|within|less than|more than)\s+)?\b(?:shortly|soon|immediately|moments?|minutes|hours|days|weeks|months|years|long|well|even|just|right|(?:a|an|one|two|three|four|five|six|several|a few|\d+)\s+(?:minutes?|hours?|days?|weeks?|months?|years?))\s+$/i;

function lower(t: Token | undefined): string {
  return (t?.text ?? '').toLowerCase();
}

function isWord(t: Token | undefined): boolean {
  return t !== undefined && /^\p{L}/u.test(t.text);
}

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);
const AUXILIARIES = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being', 'had', 'has', 'have', 'would', 'will', 'could', 'did', 'got', 'finally', 'first']);

/** Stretches of time, not events: "after one season", "in the middle of his term" order nothing against another event. */
const PERIODS = new Set(['season', 'term', 'tenure', 'career', 'period', 'era', 'stint', 'spell', 'life', 'lifetime', 'reign', 'decade', 'century', 'half', 'quarter']);
/** A count right after the cue makes a duration ("after two years", "after one season"), not an event. */
const COUNTS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'several', 'few', 'many', 'some', 'dozens', 'hundreds']);

/** The noun phrase from token `from`: its head key, where it ends, and which end of the anchor a following verb names. */
function anchorPhrase(tokens: readonly Token[], from: number): { head: string; end: number; point: Ordering['point'] } | null {
  const first = tokens[from];
  if (!first || COUNTS.has(lower(first)) || /^\p{N}/u.test(first.text)) return null;
  // "after entering the party": the anchor is the subject's own act of entering, not the party.
  if (/[a-z]{3}ing$/.test(lower(first)) && DETERMINERS.has(lower(tokens[from + 1]))) {
    const key = classKey(first.text);
    return key ? { head: key, end: first.end, point: 'whole' } : null;
  }
  // "before he was arrested": a pronoun's clause is anchored by its verb.
  if (PRONOUNS.has(lower(first))) {
    let k = from + 1;
    while (AUXILIARIES.has(lower(tokens[k]))) k++;
    const verb = tokens[k];
    const key = verb && isWord(verb) ? classKey(verb.text) : null;
    return verb && key ? { head: key, end: verb.end, point: 'whole' } : null;
  }
  let i = from;
  while (DETERMINERS.has(lower(tokens[i]))) i++;
  const words: Token[] = [];
  for (; i < tokens.length && words.length < PHRASE_WORDS; i++) {
    const t = tokens[i];
    const w = lower(t);
    // "the leaders' call", "Marrow's call": a possessor names whose the anchor is, not what it is; the head follows.
    if (t && words.length && /^['’]s?$/.test(t.text)) {
      words.length = 0;
      continue;
    }
    if (t && /^\p{L}+['’]s$/u.test(t.text)) continue;
    if (!t || !isWord(t) || PHRASE_END.has(w) || START_WORDS.has(w) || END_WORDS.has(w) || cueAt(tokens, i)) break;
    // "the hastily arranged call": adverbs are skipped; a past form after a noun ends it ("the vote passed").
    if (/ly$/.test(w) && w.length > 4) continue;
    // "a protester threw a petrol bomb": an irregular past ends it too; the anchor is the protester's act, not the bomb.
    if (words.length && (/ed$/.test(w) || isIrregularPast(w))) break;
    words.push(t);
  }
  const phase = phaseVerb(tokens, i);
  const point: Ordering['point'] = phase === null ? 'whole' : START_WORDS.has(lower(phase)) ? 'start' : 'end';
  for (let k = words.length - 1; k >= 0; k--) {
    const word = words[k]?.text ?? '';
    // "a general strike", "the rail strike": a walkout, not an attack.
    const key = /^strikes?$/i.test(word) && LABOUR_BEFORE.has(lower(words[k - 1])) ? 'walkout' : classKey(word);
    if (!key) continue;
    return PERIODS.has(word.toLowerCase().replace(/s$/, '')) ? null : { head: key, end: phase?.end ?? words[words.length - 1]?.end ?? 0, point };
  }
  return null;
}

/** Prepositions of a place or party after an anchor, read through to a verb of its start or end. */
const THROUGH_TO_PHASE = new Set(['in', 'at', 'on', 'with', 'between', 'among', 'over', 'about']);
/** Longest phrase read through between an anchor and the verb of its start or end ("the talks in Lindau ended"). */
const PHASE_REACH = 4;

/**
 * The verb of the anchor's start or end right after its noun phrase ("the call began"), or after a short phrase of
 * place or party ("the talks in Lindau ended", "the call with Brandt began"); null when none follows.
 */
function phaseVerb(tokens: readonly Token[], from: number): Token | null {
  const isPhase = (t: Token | undefined): boolean => START_WORDS.has(lower(t)) || END_WORDS.has(lower(t));
  if (isPhase(tokens[from])) return tokens[from] ?? null;
  if (!THROUGH_TO_PHASE.has(lower(tokens[from]))) return null;
  for (let j = from + 1; j < tokens.length && j <= from + PHASE_REACH; j++) {
    const t = tokens[j];
    if (!isWord(t)) return null;
    if (isPhase(t)) return t ?? null;
    if (PHRASE_END.has(lower(t)) && !DETERMINERS.has(lower(t))) return null;
  }
  return null;
}

/** The cues by their first word, in NOUN_CUES order: every token is tried as a cue, and most tokens start none. */
const CUES_BY_FIRST_WORD: ReadonlyMap<string, readonly (typeof NOUN_CUES)[number][]> = (() => {
  const out = new Map<string, (typeof NOUN_CUES)[number][]>();
  for (const cue of NOUN_CUES) {
    const first = cue.words[0] ?? '';
    out.set(first, [...(out.get(first) ?? []), cue]);
  }
  return out;
})();

function cueAt(tokens: readonly Token[], i: number): (typeof NOUN_CUES)[number] | null {
  const candidates = CUES_BY_FIRST_WORD.get(lower(tokens[i]));
  if (!candidates) return null;
  for (const cue of candidates) if (cue.words.every((w, k) => k === 0 || lower(tokens[i + k]) === w)) return cue;
  return null;
}

function offsetStart(text: string, clause: Span, cueStart: number): number {
  const m = OFFSET_RE.exec(text.slice(clause.start, cueStart));
  return m ? clause.start + m.index : cueStart;
}

/** Keys of the clause after "while", up to punctuation; with `classesOnly`, only words of a near-synonym class ("phone"). */
function clauseKeys(tokens: readonly Token[], from: number, classesOnly = false): { keys: string[]; end: number } {
  const keys: string[] = [];
  let end = tokens[from]?.end ?? 0;
  for (let i = from; i < tokens.length && i < from + CLAUSE_WORDS; i++) {
    const t = tokens[i];
    if (!t || !isWord(t)) break;
    end = t.end;
    const key = classesOnly ? synonymClass(t.text) : classKey(t.text);
    if (key && !keys.includes(key)) keys.push(key);
  }
  return { keys, end };
}

/** The orderings a clause states, each against the anchor event it names. */
export function orderingsOf(text: string, clause: Span): Ordering[] {
  const tokens = tokenize(text, clause);
  const out: Ordering[] = [];
  const add = (o: Ordering): void => {
    if (!out.some((x) => x.anchor === o.anchor && x.kind === o.kind)) out.push(o);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    const w = lower(t);
    if (w === 'while') {
      const phrase = anchorPhrase(tokens, i + 1);
      const rest = clauseKeys(tokens, i + 1);
      if (phrase) add({ start: t.start, end: rest.end, kind: 'during', point: 'whole', anchor: phrase.head, anchorKeys: rest.keys });
      continue;
    }
    if (w === 'as') {
      const m = AS_ONGOING_RE.exec(text.slice(t.end, clause.end));
      const phrase = m ? anchorPhrase(tokenize(text, { start: t.end, end: t.end + m[0].length }), 0) : null;
      // "as the two leaders spoke by phone": like "while", the whole clause names the anchor.
      const rest = m ? clauseKeys(tokens, i + 1) : null;
      if (m && phrase && rest) add({ start: t.start, end: Math.max(t.end + m[0].length, rest.end), kind: 'during', point: 'whole', anchor: phrase.head, anchorKeys: [...new Set([phrase.head, ...rest.keys])] });
      continue;
    }
    const cue = cueAt(tokens, i);
    if (!cue) continue;
    // "until after he dies" is an ordering after, read from its second cue.
    if (cueAt(tokens, i + cue.words.length)) continue;
    if (cue.words[0] === 'after' && (NOT_TEMPORAL_BEFORE.has(lower(tokens[i - 1])) || lower(tokens[i + 1]) === 'all')) continue;
    const phrase = anchorPhrase(tokens, i + cue.words.length);
    if (!phrase) continue;
    // "after the call began" is taken against the call's start, which "during the call" also follows.
    const point = phrase.point === 'whole' ? cue.point : phrase.point;
    // "after Marrow and Kade spoke by phone": an actor opens a clause, whose words of a near-synonym class ("phone")
    // name the anchor event. Any content word would be too loose: "after it was sent on patrol" is no patrol.
    const from = tokens[i + cue.words.length];
    const actor = from !== undefined && (PRONOUNS.has(lower(from)) || /^\p{Lu}/u.test(from.text));
    const rest = actor ? clauseKeys(tokens, i + cue.words.length, true) : null;
    // "hours after the leaders spoke", "after they talked": people speaking is the anchor, their conversation.
    const verb = tokens.find((u) => u.start >= phrase.end);
    const spoke = verb !== undefined && SPEECH_VERBS.has(lower(verb)) ? verb : null;
    const end = Math.max(rest ? Math.max(phrase.end, rest.end) : phrase.end, spoke?.end ?? 0);
    const anchorKeys = [...new Set([phrase.head, ...(rest?.keys ?? []), ...(spoke ? [CONVERSATION_KEY] : [])])];
    add({ start: offsetStart(text, clause, t.start), end, kind: cue.kind, point, anchor: phrase.head, anchorKeys });
    i += cue.words.length - 1;
  }
  return out;
}

/** Relations to the anchor's interval an ordering allows: "after the start" is during or after it. */
function allowed(o: Ordering): readonly Ordering['kind'][] {
  if (o.kind === 'after' && o.point === 'start') return ['during', 'after'];
  if (o.kind === 'before' && o.point === 'end') return ['before', 'during'];
  return [o.kind];
}

/** Two orderings take the same anchor: same head, or one's head named in the other's anchoring clause. */
export function sameAnchor(a: Ordering, b: Ordering): boolean {
  return a.anchor === b.anchor || a.anchorKeys.includes(b.anchor) || b.anchorKeys.includes(a.anchor);
}

/** Orderings of one event against one anchor that cannot both hold ("during the call" / "hours after the call"). */
export function orderingsClash(a: Ordering, b: Ordering): boolean {
  if (!sameAnchor(a, b)) return false;
  const kinds = allowed(b);
  return !allowed(a).some((k) => kinds.includes(k));
}
