// Event frames of a clause: what a figure or a clock time is about, as "unit class|verb lemma" keys ("people|die").
import type { QuantitySpan, TimeSpan } from '../../core/article.js';
import { spanContains, type Span } from '../../core/span.js';
import { tokenize } from '../../core/tokenize.js';
import { contentKey, isIrregularPast } from './content-words.js';
import { countKey, countsPeople, isMoney } from './intervals.js';
import type { Ordering } from './orderings.js';
import type { Superlative } from './superlatives.js';
import { classKey, synonymClass } from './synonym-class.js';
import { isAge, isMagnitude, MAGNITUDE_UNIT, MEASURE_DIMENSIONS } from '../../stages/quantities/index.js';

/** Words either side of a figure or time searched for the verb it belongs to. */
const FRAME_REACH = 5;

/** Irregular verb forms and predicative adjectives that carry an event ("dead", "sank", "missing"). */
const EVENT_WORDS = new Set([
  'dead', 'died', 'killed', 'missing', 'hurt', 'stole', 'stolen', 'sank', 'sunk', 'broke', 'fell', 'rose', 'held', 'lost',
  'won', 'met', 'began', 'fled', 'struck', 'tore', 'gave', 'caught', 'burnt', 'paid', 'sold', 'left', 'led', 'brought',
]);

/** Reporting and auxiliary forms are not the event. */
const NOT_EVENT = new Set(['said', 'reported', 'added', 'stated', 'told', 'according', 'citing', 'quoted', 'confirmed', 'announced', 'being', 'having']);

/**
 * Classes of words that say what a figure is in any form ("buy", "acquire", "snatch"; "worth", "valued at"), not
 * only as -ed or -ing verbs.
 */
const ACTION_CLASSES: ReadonlySet<string> = new Set(['steal', 'acquire', 'worth']);

function isEventVerb(word: string): boolean {
  const w = word.toLowerCase();
  if (NOT_EVENT.has(w)) return false;
  return EVENT_WORDS.has(w) || isIrregularPast(w) || /^[a-z]{3,}(?:ed|ing)$/.test(w) || ACTION_CLASSES.has(synonymClass(w) ?? '');
}

/**
 * The unit class a frame names: only counts of people ("dead", "injured", "residents") frame an event. Other units
 * ("three times", "15 seasons", "200 metres") recur across a story's background facts and would link unrelated clauses
 * (measured on ECB+ dev: they tripled false number conflicts).
 */
function frameUnit(unit: string | null): string | null {
  return countsPeople(unit) ? 'people' : null;
}

/** A clause's tokens and the first and last of them that overlap `span`; null when none does. */
function tokensAround(text: string, clause: Span, span: Span): { tokens: ReturnType<typeof tokenize>; first: number; last: number } | null {
  const tokens = tokenize(text, clause);
  const first = tokens.findIndex((t) => t.end > span.start);
  if (first < 0) return null;
  let last = first;
  while (last + 1 < tokens.length && (tokens[last + 1]?.start ?? Infinity) < span.end) last++;
  return { tokens, first, last };
}

/** Content keys of the event verbs within `FRAME_REACH` words of a span ("nine people were killed" -> die). */
export function verbsNear(text: string, clause: Span, span: Span): string[] {
  const around = tokensAround(text, clause, span);
  if (!around) return [];
  const { tokens, first, last } = around;
  const out: string[] = [];
  const window = [...tokens.slice(Math.max(0, first - FRAME_REACH), first), ...tokens.slice(last + 1, last + 1 + FRAME_REACH)];
  for (const t of window) {
    if (!isEventVerb(t.text)) continue;
    const key = contentKey(t.text);
    if (key && !out.includes(key)) out.push(key);
  }
  return out;
}

/**
 * Frames of a clause: for each figure, its unit class with each event verb near it ("killing one person" ->
 * "people|die"); for each clock time ("shortly after 5 p.m."), "clock|" with the verbs near it. Two clauses of one
 * story sharing a frame report the same figure or moment of the same event, however differently they are worded.
 */
export function eventFrames(text: string, clause: Span, quantities: readonly QuantitySpan[], times: readonly TimeSpan[]): string[] {
  const out = new Set<string>();
  for (const q of quantities) {
    for (const root of activityRoots(text, clause, q)) out.add(`${TIME_ON}${root}`);
    const unit = frameUnit(q.unit);
    if (unit === null) continue;
    for (const verb of verbsNear(text, clause, q)) out.add(`${unit}|${verb}`);
  }
  for (const t of times) {
    if (t.type === 'DURATION' || !/T\d{2}:\d{2}/.test(t.value ?? '')) continue;
    for (const verb of verbsNear(text, clause, t)) out.add(`clock|${verb}`);
  }
  // An undated weekday ("foiled the attack on Friday") frames with the clause's main verbs: the day is when they
  // happened, so two clauses with one main verb on a weekday say when that event happened.
  if (times.some((t) => eventWeekday(text, t) !== null)) for (const key of mainEventKeys(text, clause)) out.add(`${WEEKDAY_FRAME}${key}`);
  return [...out];
}

/** The frame prefix of how long an activity took ("time-on|delib"). */
const TIME_ON = 'time-on|';

/** "30 hours of deliberation", "two weeks of talks": the activity a duration measures, named after "of". */
const ACTIVITY_AFTER_RE = /^\s+of\s+(?:(?:the|their|his|her|its)\s+)?([a-z]{4,})\b/i;

/**
 * Word families of the activity a duration measures ("deliberated for 40 hours" and "30 hours of deliberation" ->
 * delib): the noun after "of", else the event verbs near it. Two clauses giving how long the same activity took say
 * the same kind of thing, however few words they share. Empty for figures that are not durations.
 */
function activityRoots(text: string, clause: Span, q: QuantitySpan): string[] {
  if (countKey(q.unit) !== 'duration') return [];
  const noun = ACTIVITY_AFTER_RE.exec(text.slice(q.end, Math.min(clause.end, q.end + 40)))?.[1];
  const keys = noun ? [contentKey(noun)] : verbsNear(text, clause, q);
  return [...new Set(keys.filter((k): k is string => k !== null && k.length >= ROOT_LENGTH).map(keyRoot))];
}

/** Words opening a relative clause or an attribution: verbs past them are not the clause's own event. */
const SUBORDINATE_RE = /^(?:who|whom|whose|which|that|according)$/i;

/**
 * "the riots, sparked by the killing": a past participle with "by" after it and no form of "be" before it modifies a
 * noun (a reduced passive relative clause); it is not the clause's main verb ("the riots were sparked by" is).
 */
function reducedPassive(tokens: readonly { text: string }[], i: number): boolean {
  if (tokens[i + 1]?.text.toLowerCase() !== 'by') return false;
  return !/^(?:was|were|is|are|be|been|being|got|get|gets)$/i.test(tokens[i - 1]?.text ?? '');
}

/** "who", "which" right after a comma open a relative clause set off by commas, told in passing about the subject. */
const NONRESTRICTIVE_RE = /^(?:who|whom|whose|which)$/i;

/**
 * Keys of the clause's main event verbs: finite past forms ("foiled", "sank") before any relative clause or
 * attribution, so "filed charges Friday against the man who killed" is about filing, not killing. A relative clause
 * set off by commas ("Reyn, who was known as the Fox, died on Friday") is skipped to its closing comma and the main
 * clause read on after it. A participle in "-ing" ("patrolling the gulf") is background to the main verb and left out.
 */
export function mainEventKeys(text: string, clause: Span): string[] {
  const out: string[] = [];
  const tokens = tokenize(text, clause);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as (typeof tokens)[number];
    if (NONRESTRICTIVE_RE.test(t.text) && tokens[i - 1]?.text === ',') {
      const close = tokens.findIndex((u, j) => j > i && u.text === ',');
      if (close < 0) break;
      i = close;
      continue;
    }
    if (SUBORDINATE_RE.test(t.text)) break;
    if (/ing$/i.test(t.text) || !isEventVerb(t.text) || reducedPassive(tokens, i)) continue;
    const key = classKey(t.text);
    if (key && !out.includes(key)) out.push(key);
  }
  return out;
}

/** Prefix of the frames of an undated weekday: their days differ by design, so they skip the same-day test. */
export const WEEKDAY_FRAME = 'weekday|';

const BARE_WEEKDAY_RE = /^(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?$/i;

/** "Sunday's game": a weekday naming a thing, not when the clause's event happened. */
const POSSESSIVE_AFTER_RE = /^\s?['’]s\b/;
/** "On Friday, police said": a weekday dating a statement that follows it. */
const REPORT_AFTER_RE = /^\s*,?\s*(?:\S+\s+){0,3}?(?:said|says|told|reported|announced|confirmed|stated)\b/i;
/** "according to charges filed Friday": a weekday inside an attribution dates the source. */
const ATTRIBUTION_BEFORE_RE = /\baccording to\b[^,;]{0,40}$/i;

/**
 * The weekday a time names when it is only a weekday with no date resolved ("on Friday", "Thursday morning") and is
 * the time of the clause's event, as a lower-case name; null for dated times, other times, weekdays resolved against a
 * publication date and weekdays that date a statement or name a thing. `offset` is where `text` starts in the article.
 */
export function eventWeekday(text: string, time: TimeSpan, offset = 0): string | null {
  if (time.type === 'DURATION' || time.type === 'SET' || /^\d{4}-\d{2}-\d{2}/.test(time.value ?? '')) return null;
  const day = BARE_WEEKDAY_RE.exec(text.slice(time.start - offset, time.end - offset).trim())?.[1]?.toLowerCase() ?? null;
  if (day === null) return null;
  const before = text.slice(Math.max(0, time.start - offset - 60), time.start - offset);
  const after = text.slice(time.end - offset, time.end - offset + 60);
  if (POSSESSIVE_AFTER_RE.test(after) || REPORT_AFTER_RE.test(after) || ATTRIBUTION_BEFORE_RE.test(before)) return null;
  return day;
}

/** Prefixes of the frames of a clause's rankings and of its orderings (see `rankAndSequenceFrames`). */
export const RANK_FRAME = 'rank|';
export const SEQUENCE_FRAME = 'seq|';

/**
 * Frames of a clause's rankings and orderings: "rank|largest|attack" for "the largest drone attack", and
 * "seq|call|attack" for "drones struck ... during the call" (the anchor, then each event word of the clause outside
 * the ordering). Two outlets ranking or ordering the same event in other words ("one of the biggest air assaults",
 * "hours after the phone conversation") share the frame, so their clauses are compared.
 */
export function rankAndSequenceFrames(text: string, clause: Span, superlatives: readonly Superlative[], orderings: readonly Ordering[]): string[] {
  const out = new Set<string>();
  for (const s of superlatives) if (s.head !== null) out.add(`${RANK_FRAME}${s.rank}|${s.head}`);
  if (!orderings.length) return [...out];
  const events: string[] = [];
  for (const t of tokenize(text, clause)) {
    if (orderings.some((o) => spanContains(o, t))) continue;
    const cls = synonymClass(t.text);
    const key = cls === 'attack' ? cls : isEventVerb(t.text) ? classKey(t.text) : null;
    if (key && !events.includes(key)) events.push(key);
  }
  // A "while" clause names its anchor anywhere in it ("while the presidents spoke by phone"): each of its keys frames.
  for (const o of orderings) for (const k of new Set([o.anchor, ...o.anchorKeys])) for (const e of events) out.add(`${SEQUENCE_FRAME}${k}|${e}`);
  return [...out];
}

/**
 * Figure frames of a clause for any unit: "unit key|event verb" for each figure with a unit ("fell about 150 metres"
 * -> "metre|fall"). Too broad to propose candidates (see frameUnit); used only to confirm that two clauses already
 * judged alike give figures of the same measure of the same event.
 */
export function figureFrames(text: string, clause: Span, quantities: readonly QuantitySpan[]): string[] {
  const out = new Set<string>();
  let previous: { q: QuantitySpan; verbs: string[] } | null = null;
  for (const q of quantities) {
    const unit = countKey(q.unit);
    if (unit === null) continue;
    // A person's age ("age:ferrin") is one fact of that person, whatever verb stands near it; a quake's magnitude
    // one fact of that quake (the main shock, or one of the others: an aftershock, a second quake).
    if (isAge(q.unit) || isMagnitude(q.unit)) {
      out.add(`${unit}|${isMagnitude(q.unit) && otherShock(text, clause, q) ? OTHER_SHOCK : ''}`);
      continue;
    }
    // "1,500 kilometres south of Tehran", "35 miles (56 km) southwest of the port of Ardan": how far a place lies from
    // another, whatever verb the clause uses, keyed by the place measured from.
    const from = unit === 'length' ? distanceFrom(text, clause, q) : null;
    if (from !== null) out.add(`${unit}|${DISTANCE_FROM}${from}`);
    // "at a depth of 10 km", "6 miles deep", "33 km below the surface": how deep a quake or a well lies.
    if (unit === 'length' && isDepth(text, clause, q)) out.add(`${unit}|${DEPTH}`);
    // "52 percent in Egypt", "65% of traffic to India": a share of a named place, whatever verb the clause uses.
    const at = unit === 'percent' ? shareOf(text, clause, q) : null;
    if (at !== null) out.add(`${unit}|${SHARE_AT}${at}`);
    // "turnout reached 93.87 percent", "turnout was almost 90%": what the share measures, named as its subject.
    const measured = unit === 'percent' ? shareSubject(text, clause, q) : null;
    if (measured !== null) out.add(`${unit}|${SHARE_OF}${measured}`);
    // Verbs of one class ("stole", "snatched") frame one figure; a crowd's words its size.
    const verbs = verbsNear(text, clause, q).map((v) => synonymClass(v) ?? v);
    if (TAKEN_BEFORE_RE.test(text.slice(Math.max(clause.start, q.start - 40), q.start)) && !verbs.includes(STEAL)) verbs.push(STEAL);
    // "85 million euros ($108 million)": a conversion in brackets restates the figure before it, of the same event.
    if (previous && CONVERSION_BETWEEN_RE.test(text.slice(previous.q.end, q.start))) for (const v of previous.verbs) if (!verbs.includes(v)) verbs.push(v);
    previous = { q, verbs };
    for (const verb of verbs) out.add(`${unit}|${CROWD_WORDS.has(verb) ? CROWD : verb}`);
    if (!verbs.length && countsPeople(q.unit) && namesCrowd(text, clause)) out.add(`${unit}|${CROWD}`);
    const populated = countsPeople(q.unit) ? populationOf(text, clause, q) : null;
    if (populated !== null) out.add(`${unit}|${POPULATION}${populated}`);
    if (isObjectCount(unit) && q.unit !== null) {
      for (const word of contextRoots(text, clause, q)) out.add(`${unit}|${CONTEXT}${word}`);
      for (const word of modifierRoots(q.unit)) out.add(`${unit}|${MODIFIER}${word}`);
    }
    // "200 million euros of damage" / "property damage is an estimated $2 million": what a sum is of, in any currency.
    const of = isMoney(q.unit) ? moneyOf(text, clause, q) : null;
    if (of !== null) out.add(`${MONEY_FRAME}${MONEY_OF}${of}`);
  }
  return [...out];
}

/** The frame prefix of a sum of money in any currency ("money|of:damag", "money|by:harbours"). */
export const MONEY_FRAME = 'money|';
/** The frame infix of what a sum is of ("money|of:damag"). */
const MONEY_OF = 'of:';
/** The frame prefix of what a sum is of. */
export const MONEY_OF_FRAME = `${MONEY_FRAME}${MONEY_OF}`;

/** Right after a sum, maybe past its conversion in brackets: what it is of or in ("of damage", "($2.6 million) in aid"). */
const MONEY_OF_AFTER_RE = /^\s*(?:\([^()]{1,40}\)\s*)?(?:of|in)\s+([a-z]{4,})\b/;

/** Earlier in the clause, the thing a cost or value is of: "the cost of damage to shops ... was estimated at". */
const COST_OF_BEFORE_RE = /\b(?:cost|costs|value|bill)\s+of\s+(?:the\s+)?([a-z]{4,})\b/;

/**
 * What a sum of money is of: (1) the noun after "of" or "in" right after it ("200 million euros of damage", "$5 million
 * in compensation"); (2) the subject of a verb of being right before it ("property damage is an estimated $2 million");
 * (3) the noun after "the cost of" earlier in its clause ("the cost of damage ... was estimated at 200 million euros");
 * as its word-family root, null otherwise. Two outlets giving the sum of one thing give one figure, in any currency.
 */
function moneyOf(text: string, clause: Span, q: Span): string | null {
  const root = (word: string | undefined): string | null => {
    const key = word ? contentKey(word) : null;
    return key !== null && key.length >= 4 ? keyRoot(key) : null;
  };
  const after = root(MONEY_OF_AFTER_RE.exec(text.slice(q.end, Math.min(clause.end, q.end + 60)))?.[1]);
  return after ?? shareSubject(text, clause, q) ?? root(COST_OF_BEFORE_RE.exec(text.slice(clause.start, q.start))?.[1]);
}
/** The frame infix of the organisation a clause giving a sum tells of ("money|by:harbours": its offer, its budget). */
export const MONEY_BY = 'by:';

/** The frame infix of how many people live in a named place ("person|population:velmar"). */
const POPULATION = 'population:';

/** Right before a count of people: "home to", "a city of", "a population of" (with a rounding word). */
const POPULATION_BEFORE_RE = /\b(?:home\s+to|(?:city|town|island|village|country|nation)\s+of|population\s+of)\s+(?:about|some|around|roughly|nearly|almost|over|more\s+than|an\s+estimated)?\s*$/i;
/** A name right before a population: "Velmar island, home to", "Brenna, a city of" (its first word, lower-cased). */
const PLACE_BEFORE_RE = /\b([A-Z][\p{L}'-]+)(?:\s+[A-Z][\p{L}'-]+)*(?:\s+(?:island|city|town|province|county|district|state))?\s*,\s*(?:(?:a|an|the)\s+(?:\w+\s+){0,2}?)?$/u;

/**
 * The place a count of people is the population of ("Velmar island, home to 120,000 people", "Brenna, a city of
 * 500,000 people"), as the first word of its name, lower-cased; null for other counts and for populations of no named
 * place. Two outlets giving one place's population are one figure; another place's population is another.
 */
function populationOf(text: string, clause: Span, q: Span): string | null {
  const before = text.slice(Math.max(clause.start, q.start - 80), q.start);
  const hit = POPULATION_BEFORE_RE.exec(before);
  if (!hit) return null;
  const place = PLACE_BEFORE_RE.exec(before.slice(0, hit.index));
  return place?.[1]?.toLowerCase() ?? null;
}

/** The class of taking something ("stole", "snatched", "made off with"). */
const STEAL = 'steal';

/** "made off with $137 million", "got away with jewels worth ...": a phrasal verb of taking right before a figure. */
const TAKEN_BEFORE_RE = /\b(?:made|make|makes|making|got|get|gets|getting)\s+(?:off|away)\s+with\b[^.;]{0,25}$/i;

/** Between a figure and its conversion: an opening bracket, maybe "or" / "about" ("85 million euros ($108 million)"). */
const CONVERSION_BETWEEN_RE = /^\s*[([]\s*(?:or\s+|about\s+|some\s+|roughly\s+)?$/;

/** The frame infix of a word beside a count of things ("shop|~damag"). */
const CONTEXT = '~';
/** The frame infix of a modifier of a count's own unit ("damaged shops" -> "shop|^damag"). */
const MODIFIER = '^';

/**
 * Whether two clauses' figure frames tie counts of things to one fact: the frames share a word beside the figures that
 * one of them states as its unit's modifier ("355 damaged shops" / "565 shops suffered serious damage"; "three strong
 * aftershocks" / "four strong aftershocks"), or two words beside them. One shared word beside two counts ("four shops"
 * and "565 shops" both near "attacked") is a topic, not the same figure.
 */
export function sameObjectCount(a: readonly string[], b: readonly string[]): boolean {
  const context = (f: readonly string[]): Set<string> => new Set(f.filter((x) => x.includes(`|${CONTEXT}`)));
  const ca = context(a);
  const shared = [...context(b)].filter((x) => ca.has(x));
  if (shared.length >= 2) return true;
  const modifier = (x: string): string => x.replace(`|${CONTEXT}`, `|${MODIFIER}`);
  return shared.some((x) => a.includes(modifier(x)) || b.includes(modifier(x)));
}

/** Whether a figure frame is a word beside a count of things (see `sameObjectCount`), not an event or a measure. */
export function isContextFrame(frame: string): boolean {
  return frame.includes(`|${CONTEXT}`) || frame.includes(`|${MODIFIER}`);
}

/** Roots of the modifiers of a unit ("strong aftershock" -> stron), `ROOT_LENGTH` letters or more. */
function modifierRoots(unit: string): string[] {
  return unit
    .toLowerCase()
    .split(/\s+/)
    .slice(0, -1)
    .map((w) => contentKey(w))
    .filter((k): k is string => k !== null && k.length >= ROOT_LENGTH)
    .map(keyRoot);
}

/** Unit keys that are not a count of things: amounts of money, shares, durations and other scales. */
const NOT_OBJECTS = new Set(['usd', 'eur', 'gbp', 'percent', 'point', 'duration']);

/**
 * Whether a unit key counts things ("shop", "bank", "house"): not people, a measure, a duration, money, an age, a rank
 * or a magnitude. A count of things is about what is said beside it ("565 shops suffered serious damage", "355
 * damaged shops"; "attacked four shops"), so its frame is the words beside it, not only an event verb.
 */
function isObjectCount(unit: string): boolean {
  return !NOT_OBJECTS.has(unit) && !unit.startsWith('nth ') && !unit.includes(':') && unit !== 'person' && unit !== 'death' && unit !== 'injured' && unit !== 'arrest' && !MEASURE_DIMENSIONS.has(unit) && unit !== MAGNITUDE_UNIT;
}

/** Letters of a content key that stand for its word family: "damage" / "damaged", "deliberated" / "deliberation". */
const ROOT_LENGTH = 5;

/** The word-family root of a content key (its first `ROOT_LENGTH` letters). */
export function keyRoot(key: string): string {
  return key.slice(0, ROOT_LENGTH);
}

/**
 * Roots of the content words within `FRAME_REACH` words of a figure, its unit's head noun and places aside:
 * "in Athens, 565 shops suffering serious damage" -> suffe, serio, damag; "four shops and two banks" beside "attacked
 * a government building" -> attac, gover, build.
 */
export function contextRoots(text: string, clause: Span, q: Span): string[] {
  const around = tokensAround(text, clause, q);
  if (!around) return [];
  const { tokens, first, last } = around;
  const window = [...tokens.slice(Math.max(0, first - FRAME_REACH), first), ...tokens.slice(first, last + 1).slice(0, -1), ...tokens.slice(last + 1, last + 1 + FRAME_REACH)];
  const out: string[] = [];
  for (const t of window) {
    if (/^\p{Lu}/u.test(t.text) || NOT_EVENT.has(t.text.toLowerCase())) continue;
    const key = contentKey(t.text);
    if (key === null || key.length < 3) continue;
    const root = keyRoot(key);
    if (!out.includes(root)) out.push(root);
  }
  return out;
}

/** The frame of a crowd's size: "30,000 people marched", "20,000 took to the streets", "a rally of 5,000". */
const CROWD = 'crowd';

/** Whether a figure frame is a crowd's size ("person|crowd"). */
export function isCrowdFrame(frame: string): boolean {
  return frame.endsWith(`|${CROWD}`);
}

/** Content keys of the words that make a count of people the size of a crowd. */
const CROWD_WORDS = new Set(['march', 'rally', 'protest', 'protester', 'demonstrat', 'demonstration', 'demonstrator', 'street', 'gather', 'attend', 'turnout', 'crowd']);

/**
 * Whether a clause names a crowd ("police put the march ... at 30,000 people", "20,000 took to the streets"): asked of a
 * count of people with no event verb near it, which a verb such as "injured" would otherwise frame.
 */
function namesCrowd(text: string, clause: Span): boolean {
  return tokenize(text, clause).some((t) => CROWD_WORDS.has(contentKey(t.text) ?? ''));
}

/** The frame suffix of a magnitude told of another shock than the story's main one. */
const OTHER_SHOCK = 'other-shock';

/** Words that tell of a shock other than the main one: "aftershocks of around 4.0", "a second quake of 5.2". */
const OTHER_SHOCK_RE = /\b(?:aftershocks?|after-shocks?|foreshocks?|(?:second|another|smaller|earlier|previous|weaker|later|last|new)\s+(?:(?:strong|powerful|major|moderate|big|large)\s+)?(?:earth)?(?:quakes?|temblors?|tremors?|shocks?))\b/i;

/** Characters either side of a magnitude searched for words naming its shock. */
const SHOCK_REACH = 60;

/** Whether a magnitude is told of a shock other than the main one (an aftershock, a second or earlier quake). */
export function otherShock(text: string, clause: Span, q: Span): boolean {
  const around = text.slice(Math.max(clause.start, q.start - SHOCK_REACH), Math.min(clause.end, q.end + SHOCK_REACH));
  return OTHER_SHOCK_RE.test(around);
}

/** The frame infix of a distance from a named place ("length|from:tehran"). */
const DISTANCE_FROM = 'from:';

/**
 * After a length: an optional conversion in brackets, an optional direction, then "of" or "from" and a capitalised
 * name ("(700 miles) southeast of Tehran", "north of the port of Ardan" names the port, "from Ardan").
 */
const DISTANCE_FROM_RE =
  /^\s*(?:\([^()]{1,30}\)\s*)?(?:(?:to\s+the\s+)?(?:(?:north|south|east|west)(?:[\s-]*(?:north|south|east|west))?(?:ern)?|northeast|northwest|southeast|southwest|away|outside|off)\s+)?(?:of|from)\s+(?:the\s+(?:[a-z]+\s+){0,2}?(?:of\s+)?)?(?<name>[A-Z][\p{L}'-]+(?:\s+[A-Z][\p{L}'-]+)*)/u;

/** The lower-cased name of the place a length is measured from, or null when the clause names none right after it. */
export function distanceFrom(text: string, clause: Span, q: Span): string | null {
  const name = DISTANCE_FROM_RE.exec(text.slice(q.end, Math.min(clause.end, q.end + 90)))?.groups?.name;
  return name ? name.toLowerCase() : null;
}

/** The frame suffix of a depth ("length|depth"). */
const DEPTH = 'depth';

const DEPTH_BEFORE_RE = /\b(?:depths?\s+of|deep)\s+(?:about\s+|around\s+|some\s+|roughly\s+|approximately\s+)?$/i;
const DEPTH_AFTER_RE = /^\s*(?:\([^()]{1,30}\)\s*)?(?:deep|underground|below\s+(?:the\s+)?(?:surface|ground|sea|seabed|sea\s+floor|earth))\b/i;

/** Whether a length is a depth: "a depth of 10 km", "10 km (6 miles) deep", "33 km below the surface". */
export function isDepth(text: string, clause: Span, q: Span): boolean {
  return DEPTH_BEFORE_RE.test(text.slice(Math.max(clause.start, q.start - 30), q.start)) || DEPTH_AFTER_RE.test(text.slice(q.end, Math.min(clause.end, q.end + 50)));
}

/** The frame infix of the place a share is of ("percent|at:egypt"). */
const SHARE_AT = 'at:';

/** The frame infix of what a share measures, named as its subject ("percent|of:turno"). */
const SHARE_OF = 'of:';

/** A subject noun and a verb of being or reaching right before a share: "turnout was almost", "the jobless rate rose to". */
const SHARE_SUBJECT_RE = /\b([a-z]{4,})\s+(?:was|were|is|are|stood\s+at|reached|hit|rose\s+to|fell\s+to|dropped\s+to|climbed\s+to)\s+(?:(?:almost|nearly|about|around|some|roughly|approximately|over|more\s+than|just|only|a\s+record)\s+)?$/;

/**
 * What a share measures when the clause names it as the subject of a verb of being or reaching right before it
 * ("turnout reached 93.87 percent" / "turnout was almost 90%" -> turno), as its word-family root; null otherwise.
 */
function shareSubject(text: string, clause: Span, q: Span): string | null {
  const hit = SHARE_SUBJECT_RE.exec(text.slice(Math.max(clause.start, q.start - 50), q.start));
  const key = hit?.[1] ? contentKey(hit[1]) : null;
  return key === null || key.length < 4 ? null : keyRoot(key);
}

/** A place after a share: "of traffic in Egypt", "52 percent in Egypt", "44% with Malaysia", "of India's traffic". */
const SHARE_PLACE_AFTER_RE =
  /^\s*(?:of\s+(?<owner>[A-Z][\p{L}-]+)['\u2019]s?\s|(?:of\s+(?:[\p{L}'-]+\s+){0,5}?)?(?:in|to|with|for|from|across|throughout)\s+(?:the\s+)?(?<place>[A-Z][\p{L}-]+(?:\s+[A-Z][\p{L}-]+)?))/u;
/** A place before a share: "services in Egypt were down by 80 percent", "in India by 65 percent". */
const SHARE_PLACE_BEFORE_RE = /\b(?:in|to|with|for)\s+(?:the\s+)?(?<place>[A-Z][\p{L}-]+(?:\s+[A-Z][\p{L}-]+)?)\s+(?:(?:was|were|is|are|has|have|had|been|fell|rose|dropped|jumped|grew|down|up|cut)\s+){0,3}by\s+(?:about\s+|some\s+|around\s+|nearly\s+|almost\s+|over\s+)?$/u;
/** Capitalised words that are times, not places ("in January", "on Friday"). */
const NOT_A_PLACE_RE = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|This|That|These|Those|All|Some|Most)\b/;

/**
 * The place a share is of, lower-cased ("55 percent of voice traffic in Saudi Arabia, 52 percent in Egypt" -> "saudi
 * arabia", "egypt"), null for a share of no named place. Shares of different places are different figures, even in one
 * clause, and one place's share is one figure across outlets.
 */
export function shareOf(text: string, clause: Span, q: Span): string | null {
  const after = SHARE_PLACE_AFTER_RE.exec(text.slice(q.end, Math.min(clause.end, q.end + 80)))?.groups;
  const place = after?.owner ?? after?.place ?? SHARE_PLACE_BEFORE_RE.exec(text.slice(Math.max(clause.start, q.start - 80), q.start))?.groups?.place ?? null;
  return place === null || NOT_A_PLACE_RE.test(place) ? null : place.toLowerCase();
}

/** Words that put a clause's event in the future: planned, expected, scheduled, or a present tense of a schedule. */
export const PLANNED_RE = /\b(?:expected|planned|scheduled|due to|will|set to|is to|are to|starts|begins|opens)\b/i;

/**
 * Words that make a clause's day one of several its event ran over ("testimony continued for the second day on
 * Wednesday", "rioting resumed on Sunday"): another outlet's other day for it is another day of the same event.
 */
export const ONGOING_RE =
  /\b(?:continued|continues|continuing|resumed|resumes|for\s+(?:the|a)\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+(?:straight\s+|consecutive\s+)?day|day\s+(?:two|three|four|five|six|seven|\d+)\s+of)\b/i;
