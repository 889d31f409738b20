// The day a clause gives its event, tied to the event words and people beside it, so two outlets' days can be compared across claims that never grouped.
import type { TimeSpan } from '../../core/article.js';
import type { Span } from '../../core/span.js';
import { parseNumber, TIME_UNIT_SECONDS, singular } from '../../stages/quantities/index.js';
import { tokenize } from '../../core/tokenize.js';
import type { ClaimDraft } from './align-claims.js';
import { differentPersons } from './clause-facts.js';
import type { ComparedMention, Disagreement } from './compare-mentions.js';
import { contentKey, isIrregularPast } from './content-words.js';
import type { MentionDraft } from './extract-mentions.js';
import { eventWeekday, ONGOING_RE, PLANNED_RE } from './event-frame.js';
import { countKey, quantityInterval } from './intervals.js';
import { synonymClass } from './synonym-class.js';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** The day a clause's event fell on: a resolved calendar date, or a weekday name when no date was resolved. */
export interface EventDay {
  readonly span: TimeSpan;
  /** YYYY-MM-DD when the time resolved to a day of a known year, else null. */
  readonly date: string | null;
  /** Lower-case weekday name: the one said, or the one the date falls on. */
  readonly weekday: string;
  /** "Saturday night", "late Saturday": the event fell late in its day. */
  readonly late: boolean;
  /** "early Sunday", "Sunday morning", "overnight": the event fell early in its day. */
  readonly early: boolean;
}

const FULL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})/;
const LATE_RE = /\b(?:night|evening|late|midnight)\b/i;
const EARLY_RE = /\b(?:early|morning|overnight|dawn|pre-dawn|small hours)\b/i;
/** A time that names its day: a weekday, a month, a numeric date, "yesterday", "today", "last night". */
const NAMES_DAY_RE = /\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|yesterday|today|tonight|last night)\b|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/i;

/** Weekday of a calendar date (proleptic Gregorian, UTC). */
function weekdayOf(date: string): string | null {
  const m = FULL_DATE_RE.exec(date);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? null : (WEEKDAYS[d.getUTCDay()] ?? null);
}

/**
 * The one day a clause gives its event: each of its event times that is a weekday of the event (see `eventWeekday`) or a
 * date resolved to a day of a known year. Null when it gives none, or two different days (a sequence of events), or
 * when the clause plans something to come or tells of one day of an event that ran over several (see `ONGOING_RE`).
 */
export function eventDayOf(m: ComparedMention): EventDay | null {
  if (PLANNED_RE.test(m.text) || ONGOING_RE.test(m.text)) return null;
  const days: EventDay[] = [];
  for (const t of m.facts.eventTimes) {
    if (t.type === 'DURATION' || t.type === 'SET') continue;
    const said = m.text.slice(t.start - m.cite.start, t.end - m.cite.start);
    const around = `${m.text.slice(Math.max(0, t.start - m.cite.start - 8), t.start - m.cite.start)} ${said} ${m.text.slice(t.end - m.cite.start, t.end - m.cite.start + 10)}`;
    const named = eventWeekday(m.text, t, m.cite.start);
    // A clock time alone ("at 8 a.m.") takes its day from the publication date, a guess: only a day said is one.
    const date = NAMES_DAY_RE.test(said) ? (FULL_DATE_RE.exec(t.value ?? '')?.[0] ?? null) : null;
    const weekday = named ?? (date ? weekdayOf(date) : null);
    if (!weekday) continue;
    days.push({ span: t, date, weekday, late: LATE_RE.test(around), early: EARLY_RE.test(around) });
  }
  const [first] = days;
  if (!first || days.some((d) => d.weekday !== first.weekday || (d.date && first.date && d.date !== first.date))) return null;
  return days.find((d) => d.date) ?? first;
}

/** Days apart of two weekdays, forward from `a` to `b` (0..6). */
function forward(a: string, b: string): number {
  return (WEEKDAYS.indexOf(b) - WEEKDAYS.indexOf(a) + 7) % 7;
}

/**
 * Whether two outlets' days for one event cannot both hold. Two dates differ; a date and a weekday differ when the date
 * falls on another weekday; two weekdays differ. Near midnight an event belongs to both days: "Saturday night" and
 * "early Sunday" are one time, told at two granularities, and so is any late day against an early next one.
 */
export function eventDaysClash(a: EventDay, b: EventDay): boolean {
  let ahead: number;
  if (a.date && b.date) ahead = Math.round((Date.parse(b.date) - Date.parse(a.date)) / 86_400_000);
  else {
    ahead = forward(a.weekday, b.weekday);
    if (ahead === 6) ahead = -1;
  }
  if (ahead === 0) return false;
  if (ahead === 1) return !(a.late || b.early);
  if (ahead === -1) return !(b.late || a.early);
  return true;
}

/** Words before and after a day searched for the event it dates. */
const BEFORE_REACH = 10;
const AFTER_REACH = 4;

/** Words that open another clause: an event word past them is not what the day dates ("shook on Monday as the toll rose"). */
const BOUNDARY_RE = /^(?:;|:|as|while|when|after|before|because|since|until|and|but|which|who|whose|that|where|then)$/i;

const keyOf = (w: string): string | null => synonymClass(w) ?? contentKey(w);

/**
 * Keys of the event a clause's day dates (synonym class first: "foiled" and "thwarted" are one): the nearest event word
 * before the day in its own clause, with an event word right before that one ("the fatal shooting of X, 15, on
 * Saturday" -> shoot, die; "police killed X on Sunday" -> die); when none comes before, the first event word after the
 * day before a comma ("On Friday, pirates attacked" -> attack). Empty when the day dates no event word.
 */
export function dayEventKeys(m: ComparedMention, day: { readonly span: Span }): string[] {
  const tokens = tokenize(m.text, { start: 0, end: m.text.length });
  const start = day.span.start - m.cite.start;
  const end = day.span.end - m.cite.start;
  const first = tokens.findIndex((t) => t.end > start);
  if (first < 0) return [];
  let last = first;
  while (last + 1 < tokens.length && (tokens[last + 1]?.start ?? Infinity) < end) last++;
  for (let i = first - 1; i >= Math.max(0, first - BEFORE_REACH); i--) {
    const w = tokens[i]?.text ?? '';
    if (BOUNDARY_RE.test(w)) break;
    if (!isEventWord(w)) continue;
    const out = [keyOf(w), isEventWord(tokens[i - 1]?.text ?? '') ? keyOf(tokens[i - 1]?.text ?? '') : null];
    return [...new Set(out.filter((k): k is string => k !== null))];
  }
  for (let i = last + 1; i <= Math.min(tokens.length - 1, last + AFTER_REACH); i++) {
    const w = tokens[i]?.text ?? '';
    if (BOUNDARY_RE.test(w) || w === ',') break;
    const key = isEventWord(w) ? keyOf(w) : null;
    if (key) return [key];
  }
  return [];
}

/** Content keys of nouns and adjectives that name an event ("death", "fatal", "blast", "heist"). */
const EVENT_NOUN_KEYS: ReadonlySet<string> = new Set([
  'die', 'injure', 'detain', 'earthquake', 'fire', 'explosion', 'steal', 'murder', 'shoot', 'crash', 'sink', 'collapse',
  'resign', 'meet', 'deal', 'vote', 'evacuate', 'rescue', 'fire-job', 'approve', 'start', 'end', 'sign', 'riot', 'clash',
]);

/** Whether a word names an event: a verb form ("killed", "sank", "patrolling"), a word of a synonym class, an event noun. */
function isEventWord(word: string): boolean {
  const w = word.toLowerCase();
  if (/^(?:said|says|reported|added|stated|told|according|quoted|confirmed|announced|being|having)$/.test(w)) return false;
  const key = contentKey(w);
  return key !== null && (/^[a-z]{3,}(?:ed|ing)$/.test(w) || isIrregularPast(w) || synonymClass(w) !== null || EVENT_NOUN_KEYS.has(key));
}

/** Share of a story's articles whose opening clauses must name an event word for it to be the story's lead event. */
const LEAD_SHARE = 0.4;
/** Opening clauses of each article read for the lead event. */
const LEAD_CLAUSES = 2;

/**
 * The story's lead event: keys of the event words in the opening clauses (headline and lede) of at least `LEAD_SHARE`
 * of its articles, and of two at least ("police shot a boy" / "the killing of a boy" -> die, shoot). A day given to
 * such an event is the day of the event the story is about, whoever the clause names.
 */
export function leadEventKeys(mentions: readonly MentionDraft[]): Set<string> {
  const byArticle = new Map<string, MentionDraft[]>();
  for (const m of mentions) (byArticle.get(m.compared.cite.article) ?? byArticle.set(m.compared.cite.article, []).get(m.compared.cite.article))?.push(m);
  const count = new Map<string, number>();
  for (const list of byArticle.values()) {
    const opening = [...list].sort((x, y) => x.compared.cite.start - y.compared.cite.start).slice(0, LEAD_CLAUSES);
    const keys = new Set<string>();
    for (const m of opening) {
      for (const t of tokenize(m.compared.text, { start: 0, end: m.compared.text.length })) {
        if (!isEventWord(t.text)) continue;
        const key = synonymClass(t.text) ?? contentKey(t.text);
        if (key) keys.add(key);
      }
    }
    for (const k of keys) count.set(k, (count.get(k) ?? 0) + 1);
  }
  const floor = Math.max(2, Math.ceil(byArticle.size * LEAD_SHARE));
  return new Set([...count].filter(([, n]) => n >= floor).map(([k]) => k));
}

/**
 * Links a conflict between the claims of two mentions from claims that did not group: at most one conflict per pair of
 * claims (pairs already in conflict are skipped), and `disagree` is asked only for a pair not yet linked.
 */
export function claimLinker(drafts: ClaimDraft[]): (a: MentionDraft, b: MentionDraft, disagree: () => Disagreement | null) => void {
  const claimOf = new Map<MentionDraft, number>();
  drafts.forEach((d, i) => d.mentions.forEach((m) => claimOf.set(m, i)));
  const linked = new Set<string>();
  drafts.forEach((d, i) => d.conflicts.forEach((c) => linked.add(`${Math.min(i, c.other)}:${Math.max(i, c.other)}`)));
  return (a, b, disagree) => {
    const p = claimOf.get(a);
    const q = claimOf.get(b);
    if (p === undefined || q === undefined || p === q) return;
    const pair = `${Math.min(p, q)}:${Math.max(p, q)}`;
    if (linked.has(pair)) return;
    const d = disagree();
    const dp = drafts[p];
    const dq = drafts[q];
    if (!d || !dp || !dq) return;
    linked.add(pair);
    dp.conflicts.push({ other: q, mine: a, theirs: b, disagreement: d });
    dq.conflicts.push({ other: p, mine: b, theirs: a, disagreement: { ...d, a: d.b, b: d.a } });
  };
}

/** A time conflict between two passages when `clash` holds. */
export function timeClash(spanA: Span, spanB: Span, clash: () => boolean): () => Disagreement | null {
  return () => (clash() ? { kind: 'time', a: spanA, b: spanB } : null);
}

/**
 * Time conflicts between claims that did not group, at most one per pair of claims: outlets word one event so
 * differently ("the fatal shooting of X on Saturday" / "an officer killed X on Sunday") that their clauses never align,
 * yet a reader sets their days side by side. Candidates come from an index of the event keys beside each clause's day,
 * each mention checked against at most `candidates` earlier mentions of its key, and a pair counts when:
 * (1) the mentions come from different articles and sit in different claims with no conflict between them yet;
 * (2) the day dates the same event in both: an event key beside both days that is the story's lead event (see
 * `leadEventKeys`), or any key beside both days when the clauses name a person in common; clauses naming people of
 * whom they share none tell of two people;
 * (3) the days clash (see `eventDaysClash`).
 */
export function addDayConflicts(drafts: ClaimDraft[], mentions: readonly MentionDraft[], candidates: number): void {
  linkAnchoredTimes(drafts, mentions, candidates, eventDayOf, (a, b) => eventDaysClash(a.time, b.time));
}

/** A mention with the time it gives its event and the people it names (surname keys). */
export interface AnchoredTime<T> {
  readonly mention: MentionDraft;
  readonly time: T;
  readonly persons: readonly string[];
}

/**
 * Time conflicts between claims that did not group, over an index of the event keys beside the time each mention gives
 * its event (`timeOf`: a day, a span of years): the rules of `addDayConflicts`, with `clash` telling whether the two
 * times cannot both hold.
 */
export function linkAnchoredTimes<T extends { readonly span: Span }>(
  drafts: ClaimDraft[],
  mentions: readonly MentionDraft[],
  candidates: number,
  timeOf: (m: ComparedMention) => T | null,
  clash: (a: AnchoredTime<T>, b: AnchoredTime<T>) => boolean,
): void {
  const link = claimLinker(drafts);
  const byKey = new Map<string, AnchoredTime<T>[]>();
  for (const mention of mentions) {
    const time = timeOf(mention.compared);
    if (!time) continue;
    const entry: AnchoredTime<T> = { mention, time, persons: mention.compared.facts.persons.map((p) => p.key) };
    for (const key of dayEventKeys(mention.compared, time)) (byKey.get(key) ?? byKey.set(key, []).get(key))?.push(entry);
  }
  if (!byKey.size) return;
  const lead = leadEventKeys(mentions);
  for (const [key, list] of byKey) {
    list.forEach((b, n) => {
      for (const a of list.slice(Math.max(0, n - candidates), n)) {
        if (a.mention.compared.cite.article === b.mention.compared.cite.article) continue;
        const shared = a.persons.some((k) => b.persons.includes(k));
        if (a.persons.length && b.persons.length && !shared) continue;
        if (!shared && !lead.has(key)) continue;
        link(a.mention, b.mention, timeClash(a.time.span, b.time.span, () => clash(a, b)));
      }
    });
  }
}

/** How long before or after another moment a clause puts an event: "a heart attack suffered almost three weeks ago". */
export interface EventOffset {
  /** The duration with its direction word ("nine days earlier"), in article offsets. */
  readonly span: Span;
  /** The range of days the duration can mean, as its qualifier reads it ("almost three weeks": 14 to 21). */
  readonly low: number;
  readonly high: number;
  /** Content keys of the words beside it: what the offset is of ("heart", "attack", "suffer"). */
  readonly keys: readonly string[];
}

/** The direction word after a duration that makes it an offset in time, not a length. */
const OFFSET_AFTER_RE = /^\s*[-,]?\s*(ago|earlier|before|after|later|prior|previously)\b/i;
/** Words either side of an offset read for what it is of. */
const OFFSET_REACH = 6;
const DAY_SECONDS = 86_400;

/**
 * Offsets a clause gives its events: each figure of time ("nine days", "almost three weeks") followed by "ago",
 * "earlier", "before", "after" or "later", with the range of days it can mean and the content keys of the words
 * beside it. Offsets of less than a day say hours, which two anchors ("ago" from the article, "earlier" from the event)
 * blur, and are left out.
 */
export function offsetsOf(m: ComparedMention): readonly EventOffset[] {
  let done = OFFSETS.get(m);
  if (done === undefined) OFFSETS.set(m, (done = readOffsets(m)));
  return done;
}

/**
 * One reading per mention object (mentions are immutable): offsetDisagreement asks for each compared pair, and
 * addOffsetConflicts for every mention of the story.
 */
const OFFSETS = new WeakMap<ComparedMention, readonly EventOffset[]>();

function readOffsets(m: ComparedMention): EventOffset[] {
  const out: EventOffset[] = [];
  const tokens = tokenize(m.text, { start: 0, end: m.text.length });
  for (const q of m.facts.quantities) {
    if (countKey(q.unit) !== 'duration' || q.unit === null) continue;
    const seconds = TIME_UNIT_SECONDS[singular(q.unit.split(/\s+/).pop() ?? q.unit)];
    if (seconds === undefined || seconds < DAY_SECONDS) continue;
    const local = { start: q.start - m.cite.start, end: q.end - m.cite.start };
    const direction = OFFSET_AFTER_RE.exec(m.text.slice(local.end, local.end + 20));
    if (!direction) continue;
    const interval = quantityInterval(q);
    const low = ((interval.low ?? interval.high ?? q.value) * seconds) / DAY_SECONDS;
    const high = ((interval.high ?? interval.low ?? q.value) * seconds) / DAY_SECONDS;
    out.push({ span: { start: q.start, end: q.end + direction[0].length }, low: Math.min(low, high), high: Math.max(low, high), keys: offsetKeys(tokens, local.start, local.end + direction[0].length) });
  }
  // "almost three weeks ago" is a date to the times stage, so no figure of the clause: read the offset from its words.
  for (const t of m.facts.times) {
    const said = m.text.slice(t.start - m.cite.start, t.end - m.cite.start);
    const hit = OFFSET_TIME_RE.exec(said);
    if (!hit || out.some((o) => o.span.start < t.end && t.start < o.span.end)) continue;
    const value = parseNumber(hit[2] ?? '') ?? Number.NaN;
    const unit = UNIT_DAYS[hit[3]?.toLowerCase() ?? ''];
    if (!Number.isFinite(value) || unit === undefined) continue;
    const [lowShare, highShare] = QUALIFIER_RANGE[(hit[1] ?? '').toLowerCase().replace(/\s+/g, ' ')] ?? [1, 1];
    const local = { start: t.start - m.cite.start, end: t.end - m.cite.start };
    out.push({ span: { start: t.start, end: t.end }, low: value * unit * lowShare, high: value * unit * highShare, keys: offsetKeys(tokens, local.start, local.end) });
  }
  return out;
}

/** "almost three weeks ago", "nine days earlier": a qualifier, a figure, a unit of a day or longer, a direction word. */
const OFFSET_TIME_RE = /^(?:(about|almost|nearly|some|around|roughly|more than|over|just over|less than|under)\s+)?(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(days?|weeks?|months?|years?)\s+(?:ago|earlier|before|after|later|prior)\b/i;
const UNIT_DAYS: Readonly<Record<string, number>> = { day: 1, days: 1, week: 7, weeks: 7, month: 30, months: 30, year: 365, years: 365 };
/** Shares of the figure a qualifier lets the offset span: "almost three weeks" is 15 to 21 days. */
const QUALIFIER_RANGE: Readonly<Record<string, readonly [number, number]>> = {
  about: [0.8, 1.2], around: [0.8, 1.2], roughly: [0.8, 1.2], some: [0.8, 1.2],
  almost: [0.7, 1], nearly: [0.7, 1], 'less than': [0.5, 1], under: [0.5, 1],
  'more than': [1, 1.5], over: [1, 1.5], 'just over': [1, 1.3],
};

/** Content keys of the words within `OFFSET_REACH` of an offset, its own words and capitalised names left out. */
function offsetKeys(tokens: readonly { text: string; start: number; end: number }[], start: number, end: number): string[] {
  const first = tokens.findIndex((t) => t.end > start);
  if (first < 0) return [];
  let last = tokens.findIndex((t) => t.start >= end);
  if (last < 0) last = tokens.length;
  const keys = new Set<string>();
  for (let i = Math.max(0, first - OFFSET_REACH); i < Math.min(tokens.length, last + OFFSET_REACH); i++) {
    const t = tokens[i];
    if (!t || (i >= first && i < last) || /^\p{Lu}/u.test(t.text)) continue;
    const key = keyOf(t.text);
    if (key) keys.add(key);
  }
  return [...keys];
}

/** Days two offsets of one event may differ by: "ago" counts from the article, "earlier" from the event before it. */
const OFFSET_SLACK_DAYS = 2;
/** Content keys two offsets must share to be of one event ("heart" and "attack"). */
const OFFSET_SHARED_KEYS = 2;

/** Whether two offsets cannot both hold: their day ranges, widened by `OFFSET_SLACK_DAYS`, do not meet. */
export function offsetsClash(a: EventOffset, b: EventOffset): boolean {
  return a.high + OFFSET_SLACK_DAYS < b.low || b.high + OFFSET_SLACK_DAYS < a.low;
}

/** Two clauses putting one event different spans of days before or after ("three weeks ago" / "nine days earlier"). */
export function offsetDisagreement(a: ComparedMention, b: ComparedMention): Disagreement | null {
  if (differentPersons(a.facts, b.facts)) return null;
  const ob = offsetsOf(b);
  if (!ob.length) return null;
  for (const x of offsetsOf(a)) {
    const y = ob.find((o) => o.keys.filter((k) => x.keys.includes(k)).length >= OFFSET_SHARED_KEYS && offsetsClash(x, o));
    if (y) return { kind: 'time', a: x.span, b: y.span };
  }
  return null;
}

/**
 * Offset conflicts between claims that did not group: "a heart attack suffered almost three weeks ago" / "she suffered
 * a heart attack nine days earlier". Candidates come from an index of the keys beside each offset, each checked against
 * at most `candidates` earlier offsets of its key; a pair counts when the mentions come from different articles and sit
 * in different claims with no conflict between them yet, the offsets share `OFFSET_SHARED_KEYS` keys, the clauses name
 * no two different people, and the day ranges clash.
 */
export function addOffsetConflicts(drafts: ClaimDraft[], mentions: readonly MentionDraft[], candidates: number): void {
  const link = claimLinker(drafts);
  const byKey = new Map<string, { mention: MentionDraft; offset: EventOffset }[]>();
  for (const mention of mentions) {
    for (const offset of offsetsOf(mention.compared)) {
      for (const key of offset.keys) (byKey.get(key) ?? byKey.set(key, []).get(key))?.push({ mention, offset });
    }
  }
  for (const list of byKey.values()) {
    list.forEach((b, n) => {
      for (const a of list.slice(Math.max(0, n - candidates), n)) {
        if (a.mention.compared.cite.article === b.mention.compared.cite.article) continue;
        if (a.offset.keys.filter((k) => b.offset.keys.includes(k)).length < OFFSET_SHARED_KEYS) continue;
        if (differentPersons(a.mention.compared.facts, b.mention.compared.facts)) continue;
        link(a.mention, b.mention, timeClash(a.offset.span, b.offset.span, () => offsetsClash(a.offset, b.offset)));
      }
    });
  }
}
