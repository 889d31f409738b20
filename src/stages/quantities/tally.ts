// Running tallies: figures summed over a period, a place or many events ("so far this year", "in its five operations"), never one event's figure.
import type { Span } from '../../core/span.js';

/**
 * Phrases that make a figure a tally rather than the event's own figure: a period ("this year", "since January",
 * "in 2014", "per year", "over the past decade"), a whole place ("citywide", "the city's"), a set of events ("in their
 * five operations", "across all raids"), or a perfect tense over "a total of" ("has, thus far, seized a total of").
 * A bare "so far" is not one: "the blaze has burned 2,500 hectares so far" is the fire's own running figure (see
 * `frontedTally` for when "so far" does make a tally).
 */
const TALLY_RE = new RegExp(
  [
    String.raw`\b(?:this|last|the\s+past|the\s+previous)\s+(?:year|season|month)\b`,
    String.raw`\byear[-\s]to[-\s]date\b`,
    String.raw`\bsince\s+(?:the\s+(?:start|beginning)|january|february|march|april|may|june|july|august|september|october|november|december|(?:19|20)\d\d)\b`,
    String.raw`\bin\s+(?:19|20)\d\d\b`,
    String.raw`\b(?:per|a|each|every)\s+year\b|\bannually\b`,
    String.raw`\b(?:city|state|nation|county|country)[-\s]?wide\b`,
    String.raw`\b(?:in|over)\s+the\s+(?:past|last)\s+(?:[\w-]+\s+)?(?:years?|months?|decades?)\b`,
    String.raw`\b(?:in|during|over|across)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|all\s+)?(?:\w+\s+)?(?:operations|attacks|raids|incidents|missions|shootings|games|matches|seasons|patrols)\b`,
    String.raw`\b(?:has|have)\b[^.;]{0,30}\ba\s+total\s+of\b`,
  ].join('|'),
  'i',
);

/**
 * "the city's 40th homicide", "the state's toll": a place's or a year's figure. Read only right beside a figure (see
 * `isTally`): across a whole clause it would take "..., the city's emergency services said" for a tally.
 */
const POSSESSIVE_TALLY_RE = /\b(?:city|county|state|nation|year)['\u2019]s\b/i;

/**
 * "So far, the navy has seized 14 rifles": a fronted "so far", "thus far" or "to date" before a perfect tense sums
 * what an actor has done over the story, not one event's figure. When the subject is the event itself ("So far, the
 * blaze has burned 2,500 hectares", "the attacks have killed") the figure is that event's own running figure.
 */
const FRONTED_TALLY_RE = /^\W*(?:so far|thus far|to date)\s*,\s*([^,;]{1,60}?)\s+(?:has|have)\s+(\w+(?:\s+\w+)?)/i;

/** Subjects that are an event running its course rather than an actor tallying what it did. */
const EVENT_SUBJECT_RE =
  /\b(?:fire|blaze|wildfire|storm|hurricane|typhoon|cyclone|flood|flooding|quake|earthquake|eruption|outbreak|epidemic|pandemic|virus|disease|drought|heatwave|war|conflict|fighting|violence|unrest|attack|assault|strike|airstrike|raid|bombardment|bombing|barrage|shelling|onslaught)s?\b/i;

/** Past participles not ending in -ed/-en that tell what an actor has done ("has found", "have caught"). */
const IRREGULAR_PARTICIPLE = /^(?:found|caught|made|held|brought|bought|sold|shot|hit|put|kept|sent|sought|swept|paid|led|met|won|lost|dealt|seen|done|run|flown|taken|given|driven)$/i;

function frontedTally(clause: string): boolean {
  const m = FRONTED_TALLY_RE.exec(clause);
  if (!m) return false;
  const [, subject = '', verbs = ''] = m;
  if (EVENT_SUBJECT_RE.test(subject)) return false;
  // "has confiscated", "have also seized": a past participle within the first two words after the auxiliary.
  return verbs.split(/\s+/).some((w) => /^[a-z]{3,}(?:ed|en)$/i.test(w) || IRREGULAR_PARTICIPLE.test(w));
}

/** Whether a clause (or any stretch of text read as one) states a tally: a tally phrase anywhere, or a fronted "so far" of an actor. */
export function isTallyClause(clause: string): boolean {
  return TALLY_RE.test(clause) || frontedTally(clause);
}

/**
 * The period, place or set a clause's tally sums over, as the words that say so lower-cased ("this season", "in his
 * last two games"), "so far" for a fronted "so far"; null for a clause that states no tally. Two tallies over different
 * scopes are two figures.
 */
export function tallyScope(clause: string): string | null {
  const m = TALLY_RE.exec(clause);
  if (m) return m[0].toLowerCase().replace(/\b(?:its|their|his|her|the|all)\s+/g, '').replace(/\s+/g, ' ');
  return frontedTally(clause) ? 'so far' : null;
}

/** How far from a figure, within its sentence, a tally phrase still governs it. */
const TALLY_REACH = 60;

/**
 * Whether one figure of a sentence is a tally: the same test as `isTallyClause`, over the figure's own clause only
 * (left back to the sentence start, a semicolon or a dash; right up to the next comma), within `TALLY_REACH`
 * characters, so "Three people were wounded; so far this year 80 were shot" makes only the 80 a tally.
 */
export function isTally(text: string, q: Span, sentence: Span): boolean {
  const leftFrom = Math.max(sentence.start, q.start - TALLY_REACH);
  let left = text.slice(leftFrom, q.start);
  const cut = Math.max(left.lastIndexOf(';'), left.lastIndexOf('\u2014'), left.lastIndexOf(' - '));
  if (cut >= 0) left = left.slice(cut + 1);
  let right = text.slice(q.end, Math.min(sentence.end, q.end + TALLY_REACH));
  const stop = right.search(/[,;\u2014]| - /);
  if (stop >= 0) right = right.slice(0, stop);
  // The fronted rule reads the clause from its start, so it sees the left side only when that reaches the sentence start.
  const fronted = leftFrom === sentence.start && cut < 0 ? frontedTally(left + text.slice(q.start, q.end) + right) : false;
  return TALLY_RE.test(left) || TALLY_RE.test(right) || POSSESSIVE_TALLY_RE.test(left) || POSSESSIVE_TALLY_RE.test(right) || fronted;
}
