// Decides whether two mentions about the same thing disagree, and on what: quote, negation, number, sequence, time, superlative.
import type { ConflictKind, Cite, QuoteRef } from '../../core/corpus.js';
import type { PeopleRole, QuantitySpan, TimeSpan } from '../../core/article.js';
import type { Span } from '../../core/span.js';
import { alignQuotes, type WordChange } from '../quote-groups/word-diff.js';
import { speakerMatch, surnameKey, type Speaker } from '../quote-groups/speaker-match.js';
import { facetsClash } from './facets.js';
import { differentActors, differentPersons, type ClauseFacts } from './clause-facts.js';
import { countKey, countsPeople, figuresOverlap, isMoney, quantityInterval, roleGroup, rolesAgree, unitsMeet } from './intervals.js';
import { contextRoots, distanceFrom, eventWeekday, isDepth, keyRoot, mainEventKeys, ONGOING_RE, otherShock, PLANNED_RE, shareOf, verbsNear } from './event-frame.js';
import { TIME_UNIT_SECONDS, isAge, isMagnitude, roleOfUnit, singular, tallyScope } from '../../stages/quantities/index.js';
import { orderingsClash } from './orderings.js';
import { superlativesClash } from './superlatives.js';
import { deathDetailsClash, deathDetailsOf, type DeathDetail } from './death-details.js';
import { tokenize } from '../../core/tokenize.js';
import { contentKey } from './content-words.js';
import { offsetDisagreement } from './time-anchors.js';
import { yearDisagreement } from './event-years.js';

/** One clause of one article, as the comparison sees it. */
export interface ComparedMention {
  readonly cite: Cite;
  readonly text: string;
  readonly outlet: string;
  /** Publication time of the article (ISO), null when unknown. */
  readonly published: string | null;
  /** The date the article's own dateline states when it has no publication date (see `datelineDate`). */
  readonly dateline?: string | null;
  readonly facts: ClauseFacts;
  readonly quotes: readonly QuotedWords[];
  /** Content keys of the clause (see content-words). */
  readonly words: readonly string[];
}

export interface QuotedWords {
  readonly ref: QuoteRef;
  /** The quote's own span in its article. */
  readonly span: Span;
  /** Only direct quotes can be misquoted; partial and indirect ones are paraphrase. */
  readonly direct: boolean;
  /** Quote group id when the quote belongs to one. */
  readonly group: string | null;
  /** Who says it, for direct quotes (see quote-groups' speaker match); null for other quotes. */
  readonly speaker: Speaker | null;
  /** The speaker's name as the quotes stage resolved it, null when unresolved. */
  readonly speakerName: string | null;
  readonly words: readonly string[];
}

export interface Disagreement {
  readonly kind: ConflictKind;
  /** The passage of each mention that carries the disagreement (inside its clause). */
  readonly a: Span;
  readonly b: Span;
  /** For number disagreements: the two quantities, so updates can be told from contradictions. */
  readonly quantities?: { readonly a: QuantitySpan; readonly b: QuantitySpan };
  /** For quote disagreements: the changed words. */
  readonly changes?: readonly WordChange[];
}

function quoteDisagreement(a: ComparedMention, b: ComparedMention): Disagreement | null {
  for (const qa of a.quotes) {
    for (const qb of b.quotes) {
      if (qa.group === null || qa.group !== qb.group || !qa.direct || !qb.direct) continue;
      const aligned = alignQuotes(qa.words, qb.words);
      if (aligned.relation !== 'variant') continue;
      const shared = Math.min(qa.words.length, qb.words.length) * aligned.overlap;
      if (shared / Math.max(qa.words.length, qb.words.length) < QUOTE_LONG_OVERLAP) continue;
      const changes = aligned.changes.filter((c) => !trivialChange(c));
      if (changes.length) return { kind: 'quote', a: qa.span, b: qb.span, changes };
    }
  }
  return null;
}

/**
 * One remark, quoted word for word by two outlets, put in the mouths of two different named people ("..., general
 * director I.M. Varga said" / "..., club director I.M. Brandt said"): at most one outlet has the speaker right. The
 * remark must be long enough to be one utterance (`SPEAKER_MIN_WORDS`), not a stock phrase two people may both say.
 */
function speakerDisagreement(a: ComparedMention, b: ComparedMention): Disagreement | null {
  for (const qa of a.quotes) {
    if (!qa.direct || !qa.speaker || qa.words.length < SPEAKER_MIN_WORDS) continue;
    for (const qb of b.quotes) {
      if (!qb.direct || !qb.speaker || qb.words.length < SPEAKER_MIN_WORDS) continue;
      if (speakerMatch(qa.speaker, qb.speaker) !== 'different' || !differentNames(qa.speakerName, qb.speakerName)) continue;
      const aligned = alignQuotes(qa.words, qb.words);
      if (aligned.relation === null || aligned.overlap < SPEAKER_OVERLAP) continue;
      return { kind: 'other', a: qa.span, b: qb.span };
    }
  }
  return null;
}

/**
 * Two full names (given name and surname) ending in different surnames: "I.M. Varga" / "I.M. Brandt". A bare surname or
 * a title says too little to tell two people apart, and an entity match alone can land on an organisation beside the name.
 */
export function differentNames(a: string | null, b: string | null): boolean {
  const full = (n: string | null): n is string => n !== null && n.trim().split(/\s+/).length >= 2;
  if (!full(a) || !full(b) || surnameKey(a) === surnameKey(b)) return false;
  // "Oregon State Police Lt. Gregg Hastings" and "Gregg Hastings": a name holding the other's surname is that person
  // with an organisation or a title beside it.
  const words = (n: string): (string | null)[] => n.split(/[^\p{L}]+/u).filter(Boolean).map(surnameKey);
  return !words(a).includes(surnameKey(b)) && !words(b).includes(surnameKey(a));
}

/** Words a remark needs before two speakers of it disagree, and the share of the shorter wording the other must hold. */
const SPEAKER_MIN_WORDS = 6;
const SPEAKER_OVERLAP = 0.9;

/**
 * Two facets of one person or state that cannot both hold: the home town ("Krey, of Dunmore" / "Krey, of
 * Eastbrook"), a state and its opposite ("well equipped" / "insufficiently equipped").
 */
export function facetDisagreement(a: ComparedMention, b: ComparedMention): Disagreement | null {
  for (const fa of a.facts.facets) {
    const fb = b.facts.facets.find((f) => facetsClash(fa, f));
    if (fb) return { kind: 'other', a: fa, b: fb };
  }
  return null;
}

const DEATH_DETAILS = new WeakMap<ComparedMention, readonly DeathDetail[]>();

/** deathDetailsOf a mention's text, read once per mention object (mentions are immutable). */
export function mentionDeathDetails(m: ComparedMention): readonly DeathDetail[] {
  let d = DEATH_DETAILS.get(m);
  if (d === undefined) {
    d = deathDetailsOf(m.text);
    DEATH_DETAILS.set(m, d);
  }
  return d;
}

/**
 * Two clauses giving one death different causes ("died of pneumonia" / "succumbed to a kidney infection") or places
 * ("in his apartment" / "in a hospice"). Clauses naming people of whom they share none tell of two deaths.
 */
export function deathDisagreement(a: ComparedMention, b: ComparedMention, only?: 'cause' | 'place'): Disagreement | null {
  if (differentPersons(a.facts, b.facts)) return null;
  const db = mentionDeathDetails(b);
  if (!db.length) return null;
  for (const x of mentionDeathDetails(a)) {
    if (only !== undefined && x.kind !== only) continue;
    const y = db.find((d) => deathDetailsClash(x, d));
    if (y) return { kind: 'other', a: { start: a.cite.start + x.start, end: a.cite.start + x.end }, b: { start: b.cite.start + y.start, end: b.cite.start + y.end } };
  }
  return null;
}

/** Share of the longer quote two wordings must share to be one utterance misquoted (not two quotes overlapping). */
const QUOTE_LONG_OVERLAP = 0.6;

/** Words whose presence or absence does not change what was said (negations are deliberately absent). */
const FUNCTION_WORDS = new Set(['a', 'an', 'the', 'that', 'was', 'were', 'is', 'are', 'be', 'been', 'of', 'and', 'so', 'just', 'well', 'uh', 'um']);

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** "I'm" is "I am", "we've" is "we have": outlets spell a remark's contractions out or not. */
function expandContractions(s: string): string {
  return s
    .replace(/['\u2019]m\b/g, ' am')
    .replace(/['\u2019]re\b/g, ' are')
    .replace(/['\u2019]ve\b/g, ' have')
    .replace(/['\u2019]ll\b/g, ' will')
    .replace(/['\u2019]d\b/g, ' would');
}

/**
 * "4:15pm", "16:15" and "4:15pm PST" are one clock time: minutes after midnight, null for anything else. A time zone
 * after the clock ("PST", "GMT", "UTC") names where the clock hangs, which an outlet may leave out.
 */
function clockMinutes(s: string): number | null {
  const m = /^\s*(\d{1,2})[:.]?(\d{2})\s*([ap])?\.?\s*m?\.?\s*(?:[a-z]{1,3}t|utc)?\s*$/i.exec(s);
  if (!m) return null;
  const hour = Number(m[1]) % 12 + (m[3]?.toLowerCase() === 'p' ? 12 : m[3] ? 0 : Number(m[1]) >= 12 ? 12 : 0);
  return hour * 60 + Number(m[2]);
}

/** Spelling ("neighbourhood"), formatting ("6 00" / "6:00") and abbreviation ("lt" / "lieutenant") are not misquotes. */
function trivialChange(c: WordChange): boolean {
  const squash = (s: string): string => expandContractions(s).replace(/[^\p{L}\p{N}]/gu, '');
  const from = squash(c.from);
  const to = squash(c.to);
  if (from === to) return true;
  const ca = clockMinutes(c.from);
  if (ca !== null && ca === clockMinutes(c.to)) return true;
  if (/^\d*$/.test(from) && /^\d*$/.test(to) && Number(from || 0) === Number(to || 0)) return true;
  const functionOnly = (x: string): boolean => x.split(' ').every((w) => w === '' || FUNCTION_WORDS.has(w));
  if (functionOnly(c.from) && functionOnly(c.to)) return true;
  if (from.length >= 5 && to.length >= 5 && levenshtein(from, to) <= 2) return true;
  const [short, long] = from.length <= to.length ? [from, to] : [to, from];
  if (short.length >= 2 && short.length <= 4 && long.startsWith(short[0] ?? '') && !c.from.includes(' ') && !c.to.includes(' ')) {
    let k = 0;
    for (const ch of long) if (ch === short[k]) k++;
    return k === short.length;
  }
  return false;
}

/** What the number comparison reads from one mention alone, whatever it is compared with. */
interface NumberReading {
  readonly tally: string | null;
  readonly hypothetical: boolean;
  readonly pastState: boolean;
  readonly figures: readonly QuantitySpan[];
  /** Main-shock magnitudes (see differentQuakes) and ages (see differentPeople). */
  readonly magnitudes: readonly number[];
  readonly ages: readonly number[];
}

/**
 * One reading per mention object: a mention is compared with many others, and re-compared with new ones each time its
 * story is re-analyzed (mentions are immutable; see the claims stage's memo).
 */
const NUMBER_READINGS = new WeakMap<ComparedMention, NumberReading>();

function numberReading(m: ComparedMention): NumberReading {
  let r = NUMBER_READINGS.get(m);
  if (r === undefined) {
    r = {
      tally: tallyScope(m.text),
      hypothetical: HYPOTHETICAL_RE.test(m.text),
      pastState: PAST_STATE_RE.test(m.text),
      figures: unambiguousFigures(m),
      magnitudes: magnitudesOf(m),
      ages: agesOf(m),
    };
    NUMBER_READINGS.set(m, r);
  }
  return r;
}

/**
 * Pairs quantities of comparable units; a unit class present several times in one clause with the same role is
 * ambiguous and skipped ("killed six people and injured almost 50" is one count of the dead and one of the injured).
 */
function numberDisagreement(a: ComparedMention, b: ComparedMention): Disagreement | null {
  if (clauseVerdict(a, b) !== null) return null;
  const apart = differentPeople(numberReading(a).ages, numberReading(b).ages);
  const ofB = numberReading(b).figures;
  for (const qa of numberReading(a).figures) {
    for (const qb of ofB) {
      if (figureVerdict(a, qa, b, qb, apart) === null) return { kind: 'number', a: qa, b: qb, quantities: { a: qa, b: qb } };
    }
  }
  return null;
}

/** A figure's class: two figures of one clause in one class cannot be told apart, so neither is compared. */
function classOf(m: ComparedMention, q: QuantitySpan): string {
  return `${countKey(q.unit) ?? ''}|${roleGroup(peopleRole(m, q))}|${rateOf(m, q)}|${lengthRole(m, q)}|${sharePlace(m, q)}|${durationScale(q)}`;
}

/** The clause's own figures (not a restatement in other units) whose class no other of them shares. */
function unambiguousFigures(m: ComparedMention): QuantitySpan[] {
  const classes = m.facts.quantities.map((q) => (isConversion(m, q) ? null : classOf(m, q)));
  const count = new Map<string, number>();
  for (const c of classes) if (c !== null) count.set(c, (count.get(c) ?? 0) + 1);
  return m.facts.quantities.filter((_, i) => classes[i] != null && count.get(classes[i] as string) === 1);
}

/** Why two clauses' figures are never compared (a running total against one event's, two quakes, ...), null when they are. */
function clauseVerdict(a: ComparedMention, b: ComparedMention): string | null {
  // A running total ("has seized 14 rifles so far") and one event's figure ("six rifles were seized") never compare.
  // Two tallies compare only over the same period or set ("this season" is not "in his last two games").
  const ra = numberReading(a);
  const rb = numberReading(b);
  if (ra.tally !== rb.tally) return 'tally scope';
  if (differentQuakes(ra.magnitudes, rb.magnitudes)) return 'different quakes';
  if (ra.hypothetical || rb.hypothetical) return 'hypothetical';
  if (ra.pastState !== rb.pastState) return 'past state';
  return null;
}

/**
 * Why two figures of two clauses are not a number disagreement, as the first check that holds them apart: keys that
 * differ (what is counted, whose, per what) or a comparison that finds them compatible; null when they disagree.
 */
function figureVerdict(a: ComparedMention, qa: QuantitySpan, b: ComparedMention, qb: QuantitySpan, apart: boolean): string | null {
  if (isPart(a, qa) || isPart(b, qb)) return 'key: a part';
  if (apart && !isAge(qa.unit)) return 'key: different people';
  // Only the main shocks' magnitudes are one figure: aftershocks and earlier quakes are many.
  if (isMagnitude(qa.unit) && (mainShockMagnitude(a, qa) === null || mainShockMagnitude(b, qb) === null)) return 'key: another shock';
  if (rateOf(a, qa) !== rateOf(b, qb) || runningDuration(a, qa) || runningDuration(b, qb)) return 'key: rate or running duration';
  if (sharePlace(a, qa) !== sharePlace(b, qb) || durationScale(qa) !== durationScale(qb)) return 'key: place of a share or scale of a duration';
  const la = lengthRole(a, qa);
  const lb = lengthRole(b, qb);
  if (la && lb && la !== lb) return 'key: what a length measures';
  if (!isAge(qa.unit) && differentSubjects(a, qa, b, qb)) return 'key: different subjects';
  // Counts of people and quake magnitudes are one event's, whichever body gives them; other figures (an offer, a
  // budget, a fee) are each actor's own.
  if (!countsPeople(qa.unit) && !isMagnitude(qa.unit) && !isAge(qa.unit) && differentActors(a.facts, b.facts)) return 'key: different actors';
  const ra = peopleRole(a, qa);
  const rb = peopleRole(b, qb);
  if (!rolesAgree(ra, rb)) return 'key: role';
  if (individual(a, qa) || individual(b, qb)) return 'key: one individual';
  // "found four people in the room" / "the three victims": people no role ties to the event are not its victims.
  if (!ra && !rb && countKey(qa.unit) !== countKey(qb.unit) && !(isMoney(qa.unit) && isMoney(qb.unit))) return 'key: unit';
  if (qa.unit === null || qb.unit === null || !unitsMeet(qa.unit, qb.unit)) return 'key: unit';
  if (!sameModifiers(a, qa, b, qb)) return 'key: noun modifiers';
  if (figuresOverlap(qa, qb)) return 'compatible: intervals overlap';
  if (qa.qualifier !== 'exact' && qb.qualifier !== 'exact' && sameFigure(qa, qb)) return 'compatible: one rounded figure';
  if (roundedAlike(qa, qb)) return 'compatible: rounded alike';
  return null;
}

/**
 * Why the figures of two clauses are not a number disagreement, for a reader diagnosing a miss: the clause-level
 * reason, else one line per pair of figures ("20 shops / 30 banks -- key: noun modifiers"); empty when they disagree.
 */
export function numberVerdicts(a: ComparedMention, b: ComparedMention): string[] {
  const clause = clauseVerdict(a, b);
  if (clause !== null) return [clause];
  const apart = differentPeople(numberReading(a).ages, numberReading(b).ages);
  const ofA = numberReading(a).figures;
  const ofB = numberReading(b).figures;
  const ambiguous = (m: ComparedMention, own: readonly QuantitySpan[]): string[] =>
    m.facts.quantities.filter((q) => !own.includes(q)).map((q) => `${spanText(m, q)} -- ambiguous in its clause or a conversion`);
  const out = [...ambiguous(a, ofA), ...ambiguous(b, ofB)];
  for (const qa of ofA) for (const qb of ofB) out.push(`${spanText(a, qa)} / ${spanText(b, qb)} -- ${figureVerdict(a, qa, b, qb, apart) ?? 'disagree'}`);
  return out;
}

/** What a length measures when the clause says: a depth ("depth"), a distance from a named place ("from:tarno"), else ''. */
function lengthRole(m: ComparedMention, q: QuantitySpan): string {
  if (countKey(q.unit) !== 'length') return '';
  const clause = { start: 0, end: m.text.length };
  const local = { start: q.start - m.cite.start, end: q.end - m.cite.start };
  if (isDepth(m.text, clause, local)) return 'depth';
  const from = distanceFrom(m.text, clause, local);
  return from === null ? '' : `from:${from}`;
}

/**
 * A duration's scale: 'days' for days and longer (how long on the calendar), 'hours' for hours and shorter (time spent
 * on it), '' for other figures. "deliberated for 40 hours over four days" gives two figures, and "four days" of talks
 * is no contradiction of "30 hours" of them.
 */
function durationScale(q: QuantitySpan): string {
  if (countKey(q.unit) !== 'duration' || q.unit === null) return '';
  const seconds = TIME_UNIT_SECONDS[singular(q.unit.split(/\s+/).pop() ?? q.unit)];
  return seconds === undefined ? '' : seconds >= TIME_UNIT_SECONDS.day! ? 'days' : 'hours';
}

/** The named place a share is of ("52 percent in Egypt" -> egypt, see `shareOf`), '' for other figures and shares of no place. */
function sharePlace(m: ComparedMention, q: QuantitySpan): string {
  if (countKey(q.unit) !== 'percent') return '';
  return shareOf(m.text, { start: 0, end: m.text.length }, { start: q.start - m.cite.start, end: q.end - m.cite.start }) ?? '';
}

/**
 * "1,150 kilometres (700 miles)", "28 degrees Celsius (82 degrees Fahrenheit)": a figure in brackets right after one
 * of the same measure restates it in other units, so the clause gives one figure, not two.
 */
function isConversion(m: ComparedMention, q: QuantitySpan): boolean {
  const before = m.facts.quantities.filter((p) => p.end <= q.start).pop();
  if (!before) return false;
  const between = m.text.slice(before.end - m.cite.start, q.start - m.cite.start);
  return /^\s*[([]\s*(?:or\s+|about\s+|some\s+)?$/.test(between) && countKey(before.unit) === countKey(q.unit);
}

/** "$9 million per season", "80 km an hour", "$25 a share": the period or thing a figure is counted per, '' for none. */
const RATE_AFTER_RE = /^\s*(?:per|a|an|each|every)\s+(season|year|game|match|month|week|day|night|hour|minute|head|person|capita|share|barrel|unit|ton|tonne)\b/i;

function rateOf(m: ComparedMention, q: QuantitySpan): string {
  return RATE_AFTER_RE.exec(m.text.slice(q.end - m.cite.start, q.end - m.cite.start + 20))?.[1]?.toLowerCase() ?? '';
}

/**
 * "four days of riots", "the seventh straight day of protests": how long an ongoing event has run so far. Reports
 * written on different days give different values of it, so two of them are an update, never a contradiction.
 */
const RUNNING_DURATION_RE = /^\s*(?:straight\s+|consecutive\s+)?(?:days?|weeks?|months?)\s+(?:of|in a row)\b/i;
const ORDINAL_DAY_RE = /\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+(?:straight\s+|consecutive\s+)?(?:day|week|month)\b/i;

function runningDuration(m: ComparedMention, q: QuantitySpan): boolean {
  const own = spanText(m, q);
  if (ORDINAL_DAY_RE.test(own)) return true;
  const after = m.text.slice(q.end - m.cite.start, q.end - m.cite.start + 30);
  const before = m.text.slice(Math.max(0, q.start - m.cite.start - 12), q.start - m.cite.start);
  return RUNNING_DURATION_RE.test(after) || (/^\s*(?:days?|weeks?|months?)\s*$/i.test(own.replace(/^\S+\s*/, '')) && /^\s*of\b/i.test(after)) || /\b(?:straight|consecutive)\s*$/i.test(before);
}

/**
 * The person a figure is told of: the last person named before it in its clause who is not the clause's source
 * ("Halden has been at the plant for 31 years"; not "police spokesman Ivo Sand said"). Two figures told of two
 * different people ("Halden ... 31 years" / "Varga ... 12 years", "Holm missed four games" / "Lund missed three
 * games") are two facts.
 */
function differentSubjects(a: ComparedMention, qa: QuantitySpan, b: ComparedMention, qb: QuantitySpan): boolean {
  const x = personBefore(a, qa);
  const y = personBefore(b, qb);
  return x !== null && y !== null && x !== y;
}

function personBefore(m: ComparedMention, q: QuantitySpan): string | null {
  let out: string | null = null;
  for (const p of m.facts.persons) if (p.end <= q.start) out = p.key;
  return out;
}

/**
 * "A magnitude-6.0 quake can cause severe damage", "he could face up to 10 years": a figure under a modal is what may
 * be, not what an outlet reports happened.
 */
const HYPOTHETICAL_RE = /\b(?:can|could|may|might)\s+(?:\w+\s+)?(?:cause|be|face|get|reach|kill|destroy|damage|lead|result|trigger|spark|produce)\b/i;

/**
 * "at one point as much as 82 percent ... was out of service", "82 percent early on, although that has since improved":
 * a peak or a state since passed, not the level another outlet reports; the two are an update, not a dispute.
 */
const PAST_STATE_RE = /\bat\s+(?:one\s+point|one\s+stage|(?:its|the|their)\s+(?:peak|height|worst))\b|\bpeaked\s+at\b|\b(?:has|have)\s+(?:now\s+|since\s+)?(?:improved|eased|recovered|been\s+restored)\b/i;

/** The magnitude of the main shock a quantity states, null when it is no magnitude or that of another shock. */
function mainShockMagnitude(m: ComparedMention, q: QuantitySpan): number | null {
  if (!isMagnitude(q.unit) || q.qualifier === 'range') return null;
  return otherShock(m.text, { start: 0, end: m.text.length }, { start: q.start - m.cite.start, end: q.end - m.cite.start }) ? null : q.value;
}

/**
 * Magnitudes two reports of one quake may differ by: agencies' estimates of one shock differ by a few tenths (6.1
 * against 5.9), while a shock half a point or more apart is another one (the next day's weaker quake).
 */
const QUAKE_SLACK = 0.3;

/**
 * Two clauses each giving the magnitude of the quake they tell of, none within `QUAKE_SLACK` of the other's ("a 5.6
 * magnitude earthquake ... injuring five" / "a magnitude-5.2 quake has injured three"), tell of two quakes: their
 * other figures are two facts, not one misreported.
 */
function differentQuakes(x: readonly number[], y: readonly number[]): boolean {
  return x.length > 0 && y.length > 0 && !x.some((u) => y.some((v) => Math.abs(u - v) <= QUAKE_SLACK + 1e-9));
}

/** The main-shock magnitudes a clause gives (see mainShockMagnitude). */
function magnitudesOf(m: ComparedMention): number[] {
  return m.facts.quantities.map((q) => mainShockMagnitude(m, q)).filter((v): v is number => v !== null);
}

/** Ages stated in a clause: "a 45-year-old man", "Tomas Reyn, 28," (the quantities stage's named ages). */
const YEARS_OLD_RE = /(?<![\d.])(\d{1,3})\s*-?\s*years?\s*-?\s*old\b/gi;

function agesOf(m: ComparedMention): number[] {
  const out = m.facts.quantities.filter((q) => isAge(q.unit)).map((q) => q.value);
  for (const hit of m.text.matchAll(YEARS_OLD_RE)) out.push(Number(hit[1]));
  return out;
}

/** Years two reports of one person's age may differ by (a birthday between them, or one outlet off by one). */
const AGE_SLACK = 2;

/**
 * Two clauses that each give an age, none within `AGE_SLACK` of the other's ("a 45-year-old man fell 90 m" / "Reyn,
 * 28, fell 1,000 ft"), tell of two people: their other figures (how far each fell) are two facts, not one misreported.
 */
function differentPeople(x: readonly number[], y: readonly number[]): boolean {
  return x.length > 0 && y.length > 0 && !x.some((u) => y.some((v) => Math.abs(u - v) <= AGE_SLACK));
}

/**
 * "a man was shot and killed", "the 12-year-old died": one victim named by an article or a name, who may be one of
 * several. Only a count written as a number ("one person was killed") is a total to compare.
 */
function individual(m: ComparedMention, q: QuantitySpan): boolean {
  return q.role !== undefined && q.value === 1 && q.qualifier === 'exact' && !/^(?:one|1)\b/i.test(spanText(m, q)) && !nextOfList(m, q);
}

/** "another", "a third", "two others": a count set against people counted before it. */
const NEXT_RE = /^(?:another|an?\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b|\S+\s+(?:others?|other\s+\S+)$)/i;

/**
 * "killing two and wounding another", "two dead and a third employee wounded", "killing two workers and wounding two
 * others": after a count of people of one role, "another", "a third" or "others" of another role are not a part of a
 * larger figure or one victim among several: they are all the people of that role, set apart from those counted before.
 */
function nextOfList(m: ComparedMention, q: QuantitySpan): boolean {
  if (q.role === undefined || !NEXT_RE.test(spanText(m, q).trim())) return false;
  const group = roleGroup(q.role);
  return m.facts.quantities.some((p) => p.end <= q.start && p.role !== undefined && roleGroup(p.role) !== group);
}

/** Verbs that say what happened to the people a count right after them counts ("shot three co-workers", "shot and killed two"). */
const GOVERNING_ROLES: Readonly<Record<string, PeopleRole>> = {
  killed: 'killed', killing: 'killed', kill: 'killed', kills: 'killed',
  shot: 'shot', shooting: 'shot', shoot: 'shot', shoots: 'shot',
  injured: 'injured', injuring: 'injured', wounded: 'injured', wounding: 'injured', hurt: 'injured', hurting: 'injured',
};

/**
 * The role the verb governing a count gives it: the nearest of the few words before the count that is such a verb
 * ("shot and killed two co-workers" -> killed; "shooting three co-workers" -> shot), for any noun of people the
 * quantities stage does not know as one ("co-workers", "villagers").
 */
function governingRole(m: ComparedMention, q: QuantitySpan): PeopleRole | undefined {
  const before = m.text.slice(Math.max(0, q.start - m.cite.start - 40), q.start - m.cite.start);
  const words = before.toLowerCase().match(/[a-z]+/g) ?? [];
  for (const w of words.slice(-3).reverse()) {
    const role = GOVERNING_ROLES[w];
    if (role) return role;
  }
  return undefined;
}

/** Roles of people counts by the content key of an event verb beside them (see `peopleRole`). */
const VERB_ROLES: Readonly<Record<string, PeopleRole>> = { die: 'killed', injure: 'injured' };

/**
 * The role of a count of people, on the quantities stage's one scale (killed, injured, wounded, shot, hospitalized):
 * (1) the role the quantities stage gave it ("two people were killed"); (2) the role its unit carries ("17 dead",
 * the stage's `roleOfUnit`); (3) else, for a bare count of people, the role of the one event verb within reach in the
 * clause ("killing nine people", "nine people ... died"); with no such verb, or with verbs of two roles ("nine people
 * were killed and 31 injured"), none.
 */
function peopleRole(m: ComparedMention, q: QuantitySpan): PeopleRole | undefined {
  const stated = q.role ?? roleOfUnit(q.unit) ?? governingRole(m, q);
  if (stated) return stated;
  if (countKey(q.unit) !== 'person') return undefined;
  const roles = new Set(
    verbsNear(m.text, { start: 0, end: m.text.length }, { start: q.start - m.cite.start, end: q.end - m.cite.start })
      .map((k) => VERB_ROLES[k])
      .filter((r): r is PeopleRole => r !== undefined),
  );
  const [only] = roles;
  return roles.size === 1 ? only : undefined;
}

/** "two other victims", "another 40 people": a part or an addition, not the total. */
const PART_RE = /\b(?:other|another|additional|further|extra)\b|\bmore\b(?!\s+than)/i;
/** "one of them", "15 of whom", "two of the victims": a partitive names a part of a count given beside it. */
const PARTITIVE_AFTER_RE = /^\s+of\s+(?:them|whom|those|these|the\s+\w+)\b/i;

function isPart(m: ComparedMention, q: QuantitySpan): boolean {
  if (nextOfList(m, q)) return false;
  return PART_RE.test(spanText(m, q)) || PARTITIVE_AFTER_RE.test(m.text.slice(q.end - m.cite.start, q.end - m.cite.start + 24));
}

function spanText(m: ComparedMention, q: QuantitySpan): string {
  return m.text.slice(q.start - m.cite.start, q.end - m.cite.start);
}

/**
 * "Yemeni pirates" is a subset of "pirates", "two other rifles" not all rifles: only equal modifiers compare, except a
 * participle the other clause says in other words beside its own figure ("355 damaged shops" / "565 shops suffering
 * serious damage": the same word family, `keyRoot`, within reach of the other figure).
 */
function sameModifiers(a: ComparedMention, qa: QuantitySpan, b: ComparedMention, qb: QuantitySpan): boolean {
  const mods = (u: string | null): string[] => (u ?? '').toLowerCase().split(/\s+/).slice(0, -1);
  const ma = mods(qa.unit);
  const mb = mods(qb.unit);
  if (ma.join(' ') === mb.join(' ')) return true;
  const saidBy = (m: ComparedMention, q: QuantitySpan, extra: readonly string[]): boolean => {
    if (!extra.length) return true;
    const roots = new Set(contextRoots(m.text, { start: 0, end: m.text.length }, { start: q.start - m.cite.start, end: q.end - m.cite.start }));
    return extra.every((w) => {
      const key = contentKey(w);
      return PARTICIPLE_RE.test(w) && key !== null && key.length >= ROOT_MIN && roots.has(keyRoot(key));
    });
  };
  return saidBy(b, qb, ma.filter((w) => !mb.includes(w))) && saidBy(a, qa, mb.filter((w) => !ma.includes(w)));
}

/** A past participle used as a modifier ("damaged", "destroyed", "stolen"): a state the counted things are in. */
const PARTICIPLE_RE = /^[a-z]{3,}(?:ed|en)$/;

/** A modifier shorter than this ("new", "big") says too little to be matched by its word family. */
const ROOT_MIN = 5;

/** "30 hours" and "more than 30 hours", "nearly 50" and "50": one figure, once rounded and once bounded by its round value. */
function roundedAlike(a: QuantitySpan, b: QuantitySpan): boolean {
  const bound = (q: QuantitySpan): boolean => q.qualifier === 'more-than' || q.qualifier === 'nearly';
  return a.value === b.value && ((a.qualifier === 'exact' && bound(b)) || (b.qualifier === 'exact' && bound(a)));
}

/** "nearly $100 billion" and "over a hundred billion": two roundings of one figure. */
function sameFigure(a: QuantitySpan, b: QuantitySpan): boolean {
  const ia = quantityInterval({ ...a, qualifier: 'exact', value: a.value });
  const ib = quantityInterval({ ...b, qualifier: 'exact', value: b.value });
  return ia.low === ib.low;
}

const DATE_RE = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2}))?/;

function dated(times: readonly TimeSpan[]): { span: TimeSpan; day: string; minutes: number | null }[] {
  const out: { span: TimeSpan; day: string; minutes: number | null }[] = [];
  for (const t of times) {
    const m = t.value ? DATE_RE.exec(t.value) : null;
    if (!m || t.type === 'DURATION' || t.type === 'SET') continue;
    out.push({ span: t, day: m[1] ?? '', minutes: m[2] ? Number(m[2]) * 60 + Number(m[3]) : null });
  }
  return out;
}

/** Minimum gap between two clock times of the same day to call them incompatible. */
const CLOCK_TOLERANCE_MINUTES = 60;

/** The two mentions order their event against the same anchor event in ways that cannot both hold. */
export function sequenceDisagreement(a: ComparedMention, b: ComparedMention): Disagreement | null {
  for (const oa of a.facts.orderings) {
    const ob = b.facts.orderings.find((o) => orderingsClash(oa, o));
    if (ob) return { kind: 'sequence', a: oa, b: ob };
  }
  return null;
}

function timeDisagreement(a: ComparedMention, b: ComparedMention): Disagreement | null {
  // "continued for the second day on Wednesday": one day of an event that ran over several, not the event's day.
  if (ONGOING_RE.test(a.text) || ONGOING_RE.test(b.text)) return null;
  const da = dated(a.facts.eventTimes);
  const db = dated(b.facts.eventTimes);
  if (!da.length && !db.length) return weekdayDisagreement(a, b);
  if (!da.length || !db.length) return null;
  const shared = da.filter((x) => db.some((y) => y.day === x.day));
  const [firstA] = da;
  const [firstB] = db;
  if (!shared.length && firstA && firstB) return { kind: 'time', a: firstA.span, b: firstB.span };
  for (const x of da) {
    for (const y of db) {
      if (x.day !== y.day || x.minutes === null || y.minutes === null) continue;
      if (Math.abs(x.minutes - y.minutes) >= CLOCK_TOLERANCE_MINUTES) return { kind: 'time', a: x.span, b: y.span };
    }
  }
  return null;
}

/**
 * Two undated clauses each giving one weekday as the event's time ("foiled on Friday" / "thwarted on Thursday"): with
 * no publication dates the days cannot be resolved, but two different weekdays for one event cannot both hold. A
 * weekday that dates a statement ("On Friday, police said") is not the event's and is left out, and the clauses must
 * share a main verb, so "the attack was foiled on Friday" is not set against "charges were filed on Thursday".
 */
function weekdayDisagreement(a: ComparedMention, b: ComparedMention): Disagreement | null {
  // "A rally is expected on Friday", "the trial starts Monday": a day planned for something to come dates no event told.
  if (PLANNED_RE.test(a.text) || PLANNED_RE.test(b.text)) return null;
  const wa = weekdaysOf(a);
  const wb = weekdaysOf(b);
  if (wa.size !== 1 || wb.size !== 1 || differentPersons(a.facts, b.facts)) return null;
  const keysB = mainEventKeys(b.text, { start: 0, end: b.text.length });
  if (!mainEventKeys(a.text, { start: 0, end: a.text.length }).some((k) => keysB.includes(k))) return null;
  const [first] = wa;
  const [second] = wb;
  return first && second && first[0] !== second[0] ? { kind: 'time', a: first[1], b: second[1] } : null;
}

function weekdaysOf(m: ComparedMention): Map<string, TimeSpan> {
  const out = new Map<string, TimeSpan>();
  for (const t of m.facts.eventTimes) {
    const day = eventWeekday(m.text, t, m.cite.start);
    if (day === null) continue;
    if (!out.has(day)) out.set(day, t);
  }
  return out;
}

export function superlativeDisagreement(a: ComparedMention, b: ComparedMention): Disagreement | null {
  for (const sa of a.facts.superlatives) {
    const sb = b.facts.superlatives.find((s) => superlativesClash(sa, s));
    if (sb) return { kind: 'superlative', a: sa, b: sb };
  }
  return null;
}

/**
 * A clause that states no fact: a condition or a counterfactual ("he wouldn't be on the list if ..."), or a party's claim
 * ("she claimed the shootings didn't happen"). Its negation denies nothing another outlet states.
 */
const NOT_FACTUAL_RE = /\b(?:if|unless|would|could|might|should|wouldn['\u2019]?t|couldn['\u2019]?t|shouldn['\u2019]?t|claimed|claims|insisted|insists|alleged|alleges|denied|denies)\b/i;

/** Words that make the next verb an intention or a possibility, not an act: "to sign", "close to signing", "will sign". */
const UNREAL_BEFORE = new Set(['to', 'would', 'could', 'might', 'may', 'will', 'should', 'can', 'must', 'shall']);

/** Words that open a noun phrase: "to the store" is a place, "to identify suspects" an infinitive. */
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'this', 'that', 'these', 'those', 'our', 'my', 'your']);

/** Whether a clause states `key` as a plain fact: some word of that key not right after "to", a modal or "close to". */
function statesPlainly(m: ComparedMention, key: string): boolean {
  const tokens = tokenize(m.text);
  return tokens.some((t, i) => {
    if (contentKey(t.text) !== key) return false;
    const before = (tokens[i - 1]?.text ?? '').toLowerCase();
    // "has begun to identify suspects": the object of an infinitive is sought, not had.
    const infinitive = (tokens[i - 2]?.text ?? '').toLowerCase() === 'to' && !DETERMINERS.has(before);
    return !UNREAL_BEFORE.has(before) && !infinitive && !/^close$/i.test(tokens[i - 2]?.text ?? '');
  });
}

/** One side negates a word the other states plainly ("was not on the agenda" / "was on the agenda"). */
function negationDisagreement(a: ComparedMention, b: ComparedMention): Disagreement | null {
  // Two clauses negating one word say the same thing ("no gun has been recovered" / "the gun has not been recovered").
  if (a.facts.negatedKeys.some((k) => b.facts.negatedKeys.includes(k))) return null;
  const flips = (x: ComparedMention, y: ComparedMention): boolean =>
    !NOT_FACTUAL_RE.test(x.text) && x.facts.negatedKeys.some((k) => y.words.includes(k) && !y.facts.negatedKeys.includes(k) && statesPlainly(y, k));
  if (!flips(a, b) && !flips(b, a)) return null;
  return { kind: 'negation', a: a.facts.negation ?? a.cite, b: b.facts.negation ?? b.cite };
}

/** Kinds that are facets of an event beside what the clause says of it: where it falls in time against another, how it ranks. */
const FACETS: ReadonlySet<Disagreement['kind']> = new Set(['sequence', 'superlative']);

/**
 * How two mentions of the same thing disagree, most telling first; empty when compatible. After the first, only an
 * ordering or a ranking is added: they are separate facts about the event ("during the call", "the largest"), while a
 * second disagreement on the content (a negation inside a misquote, a figure beside a negation) restates the first.
 */
export function compareMentionsAll(a: ComparedMention, b: ComparedMention): Disagreement[] {
  const found = [
    quoteDisagreement(a, b),
    speakerDisagreement(a, b),
    negationDisagreement(a, b),
    facetDisagreement(a, b),
    deathDisagreement(a, b),
    numberDisagreement(a, b),
    sequenceDisagreement(a, b),
    timeDisagreement(a, b) ?? offsetDisagreement(a, b) ?? yearDisagreement(a, b),
    superlativeDisagreement(a, b),
  ].filter((d): d is Disagreement => d !== null);
  const [first, ...rest] = found;
  return first ? [first, ...rest.filter((d) => FACETS.has(d.kind) && d.kind !== first.kind)] : [];
}

/** The first way two mentions of the same thing disagree, or null when they are compatible. */
export function compareMentions(a: ComparedMention, b: ComparedMention): Disagreement | null {
  return compareMentionsAll(a, b)[0] ?? null;
}
