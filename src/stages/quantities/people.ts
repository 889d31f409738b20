// Counts of people as readers state them: what happened to them ("were killed"), subjects with no counted noun
// ("Two are dead", "both died"), single victims ("a 6-year-old girl was killed"), and running tallies.
import type { PeopleRole, QuantitySpan } from '../../core/article.js';
import type { Span } from '../../core/span.js';
import { WORD_NUMBER_SOURCE, parseNumber } from './number-words.js';
import { singular } from './units.js';

/** A count of people read from a subject or object and its verb; the caller turns it into a quantity. */
export interface PeopleCount extends Span {
  readonly value: number;
  /** Singular lemma of the head noun ("girl", "person"). */
  readonly unit: string;
  readonly role: PeopleRole;
  /** The qualifier words before the count ("at least"), when any. */
  readonly qualifier: string | null;
}

/**
 * A regex source whose words may start with a capital ("Both", "Killed" in a title), for patterns whose other parts
 * are case-sensitive. Only first letters are freed: small alternations compile and run fast; all-caps text is missed.
 */
export function capitalizable(source: string): string {
  let out = '';
  let inClass = false;
  let prevLetter = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] ?? '';
    if (c === '\\') {
      out += c + (source[i + 1] ?? '');
      i++;
      prevLetter = false;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      prevLetter = false;
    } else if (c === '[') {
      inClass = true;
      out += c;
      prevLetter = false;
    } else if (/[a-z]/.test(c) && !prevLetter) {
      out += `[${c}${c.toUpperCase()}]`;
      prevLetter = true;
    } else {
      out += c;
      prevLetter = /[a-z]/i.test(c);
    }
  }
  return out;
}

/** Nouns that name people (singular lemmas); plurals reach them through `singular`. */
const PERSON_NOUNS = new Set(
  `person man woman child kid boy girl teen teenager toddler infant baby newborn adult victim other resident student
  officer deputy trooper bystander suspect gunman shooter father mother son daughter brother sister wife husband friend
  cousin neighbor neighbour relative youth juvenile hunter sophomore freshman junior senior customer employee worker
  clerk driver passenger patron individual male female guard motorist pedestrian grandmother grandfather uncle aunt
  nephew niece boyfriend girlfriend roommate homeowner owner teacher civilian occupant member classmate stepfather
  stepmother stepson stepdaughter grandson granddaughter preschooler kindergartner player athlete fan guest partygoer
  shopper veteran mom dad twin fiancee fiance ex-girlfriend ex-boyfriend ex-wife ex-husband girl boy co-worker coworker
  colleague`.split(/\s+/),
);

const IRREGULAR_PLURAL: Readonly<Record<string, string>> = { person: 'people|persons', man: 'men', woman: 'women', child: 'children', gunman: 'gunmen' };

function pluralOf(noun: string): string {
  const irregular = IRREGULAR_PLURAL[noun];
  if (irregular) return irregular;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(?:s|sh|ch|x)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

const AGE = `(?:\\d{1,3}|[a-zA-Z]+(?:-[a-zA-Z]+)*)[-\\s](?:[yY]ears?|[mM]onths?|[wW]eeks?|[dD]ays?)[-\\s][oO]ld`;
/** The head of a noun phrase for people: an age ("a 16-year-old") or a person noun, singular or plural. */
const PERSON_HEAD = `(?:${AGE}|${capitalizable(
  [...PERSON_NOUNS]
    .flatMap((n) => [n, pluralOf(n)])
    .sort((a, b) => b.length - a.length)
    .join('|'),
)})`;
/** Words that may stand between a determiner and its person noun ("a 15-year-old Georgia boy", "an unidentified man"). */
const ADJECTIVE =
  'young|unidentified|unnamed|elderly|local|unarmed|innocent|teenage|teenaged|pregnant|off-duty|armed|older|younger|little|' +
  'homeless|high|school|college|middle|male|female|black|white|hispanic|latino|area|other|third|second|fourth|fifth|' +
  'family|missing|slain|injured|wounded|football|basketball|soccer|baseball|former|infant|newborn|baby|twin|alleged|' +
  'suspected|apparent|intended|fellow|best|close|longtime|beloved|star|oldest|youngest|eldest|teen|toddler|' +
  'two|three|four|five|six|seven|eight|nine|ten';
const MODIFIER = `(?:(?:${AGE}|(?!(?:An?|The|His|Her|Their)\\s)[A-Z](?=[\\w'\u2019.-]*[a-z])[\\w'\u2019.-]*|(?:${capitalizable(ADJECTIVE)}))\\s+)`;
/** A count of one to three digits that is a whole numeral, not a digit group of "31,000" or "2.5". */
const SMALL_DIGITS = '(?<!\\d[,.])\\d{1,3}(?![,.]\\d)';
const DETERMINER = capitalizable(`(?:(?:the\\s+|all\\s+)?(?:${SMALL_DIGITS}|${WORD_NUMBER_SOURCE})|both|another|the|his|her|their)`);
/** A noun phrase for people: determiner, up to four modifiers, a head (a person noun or an age). */
const NOUN_PHRASE = `(?:(?<det>${DETERMINER})\\s+)?(?<mods>${MODIFIER}{0,4})(?<head>${PERSON_HEAD})(?![\\w-])`;

/** Auxiliaries and adverbs between a subject and its role verb ("has been fatally", "were later"). */
const AUXILIARY =
  '(?:(?:is|was|were|are|be|been|being|has|have|had|got|gets|get|now|later|also|reportedly|allegedly|apparently|then|since|initially|eventually|ultimately|subsequently)\\s+)*';
const ADVERB = '(?:(?:fatally|mortally|accidentally|critically|seriously|gravely|badly|severely|reportedly|multiple\\s+times|twice|once)\\s+)*';

const ROLE_VERBS: readonly (readonly [string, PeopleRole])[] = [
  ['shot\\s+and\\s+killed|shot\\s+to\\s+death|shot\\s+dead|gunned\\s+down|killed|slain|murdered|dead|died|dies|die|lost\\s+(?:his|her|their)\\s+lives?', 'killed'],
  ['found\\s+dead|pronounced\\s+dead|declared\\s+dead|found\\s+shot\\s+to\\s+death', 'killed'],
  ['(?:suffered|sustained)\\s+(?:what\\s+(?:were|was)\\s+)?(?:fatal|mortal)\\s+(?:gunshot\\s+)?(?:injuries|injury|wounds?)', 'killed'],
  ['shot\\s+and\\s+wounded|wounded|(?:suffered|sustained)\\s+(?:an?\\s+|multiple\\s+|several\\s+)?(?:[\\w-]+\\s+){0,2}?gunshot\\s+wounds?', 'wounded'],
  ['(?:suffered|sustained)\\s+(?:an?\\s+)?(?:[\\w-]+\\s+){0,2}?(?:injuries|injury|wounds?)', 'injured'],
  ['shot\\s+and\\s+injured|injured|hurt|grazed|treated\\s+(?:and\\s+released\\s+)?for\\s+(?:an?\\s+)?(?:[\\w-]+\\s+){0,2}?(?:injuries|injury|wounds?)', 'injured'],
  ['(?:listed\\s+)?in\\s+(?:critical|serious|stable|fair|good|guarded|grave)(?:\\s+but\\s+stable)?\\s+condition', 'injured'],
  ['hospitalized|hospitalised|treated\\s+(?:at|in)\\s+(?:an?\\s+|the\\s+)?(?:[\\w.-]+\\s+){0,4}?(?:hospital|medical\\s+center|trauma\\s+center)|(?:taken|rushed|transported|flown|airlifted|sent)\\s+to\\s+(?:an?\\s+|the\\s+)?(?:[\\w.-]+\\s+){0,4}?(?:hospital|medical\\s+center|trauma\\s+center)', 'hospitalized'],
  ['shot|struck\\s+by\\s+(?:gunfire|a\\s+bullet|bullets|a\\s+stray\\s+bullet)|hit\\s+by\\s+(?:gunfire|a\\s+bullet|bullets|a\\s+stray\\s+bullet)', 'shot'],
];
const ROLE_VERB = ROLE_VERBS.map(([re]) => re).join('|');
/** Verbs that take an object in the active voice: "a man shot and killed his wife" names no victim count. */
const TRANSITIVE = /^(?:shot|killed|murdered|wounded|injured|hurt|slain|gunned)/i;
/** What follows an active verb: its object. */
const OBJECT_AFTER =
  /^\s+(?:(?:a|an|the|his|her|their|its|my|him|them|himself|herself|themselves|me|us|you|at|into|up|back)\b|\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|both|another|someone|somebody|anyone|everyone)\b|(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|On|In|At|Near|Outside|Inside|After|During|While|Over|Overnight|Early|Late|Last|This|Friday|Sunday|By|For|From|With|Was|Were|Is|Are|And|Or|But|Police|Officials|Authorities|Deputies)\b)[A-Z][a-z])/;

const PREDICATE_RE = new RegExp(`(?<![\\w-])(?<aux>${AUXILIARY})(?<adv>${ADVERB})(?<verb>${ROLE_VERB})(?![\\w-])`, 'gi');

/** Between a subject and its verb: an age (", 24,"), a place ("of Tulsa", "in Ashford"), "one of them", "who". */
const SUBJECT_GAP =
  `(?:\\s*,\\s*(?:ages?\\s+)?\\d{1,3}(?:\\s*(?:,|,?\\s*and)\\s*\\d{1,3})*\\s*,|\\s+in\\s+their\\s+(?:early\\s+|mid-?|late\\s+)?(?:teens|\\d0s)|\\s*,?\\s+(?:of|from|in|near)\\s+(?:the\\s+)?(?:[A-Z][\\w'\u2019.-]*\\s*){1,4},?|\\s+of\\s+(?:them|whom|those|the\\s+(?:victims|men|women|people|children|boys|girls|teens))|\\s*,\\s*(?:an?|the)\\s+[^,;]{1,40},|\\s*,?\\s+(?:who|that))*`;
const SUBJECT_RE = new RegExp(`(?<![\\w-])${NOUN_PHRASE}(?<gap>${SUBJECT_GAP})(?<tail>\\s*)$`);
/** A capitalised name as subject, with its age or two words at least ("Dana Reyes, 24, of Tulsa"). */
const NAME_SUBJECT_RE = new RegExp(
  `(?<![\\w-])(?<name>[A-Z][a-z'\u2019-]+(?:\\s+[A-Z][a-z'\u2019.-]+){0,3})(?<age>\\s*,\\s*\\d{1,3}\\s*,)?(?<gap>\\s*,?\\s+(?:of|from)\\s+(?:[A-Z][\\w'\u2019.-]*\\s*){1,3},?|\\s*,?\\s+who)?\\s*,?\\s*$`,
);
/** Words that end names of bodies and places, not of people ("Tacoma Police", "Harbor Hospital"). */
const NOT_PERSON_NAME =
  /\b(?:Police|Department|Office|County|Sheriff|Hospital|School|University|College|City|State|Center|Centre|Patrol|News|Officials?|Authorities|Investigators|Deputies|Troopers|Detectives|Officers|Court|Street|Road|Avenue|Park|Service|Services|Coroner|Examiner|Prosecutors?|Attorney|Lt|Sgt|Capt|Chief|Mayor|Governor|Neighbors|Witnesses|Family|Friends|Relatives|Residents|He|She|They|It|We|I|Nobody|Everyone|Someone|Anyone|None|Each|Neither|Either|This|That|There|One|Both|All|Many|Several|Some|Officer|Deputy|Trooper|Detective|Sgt|Lt|Capt|Cpl|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Today|Tonight|Yesterday)$/;

const DEATH_NOUN = 'bod(?:y|ies)\\s+of|shooting\\s+deaths?\\s+of|deaths?\\s+of|killings?\\s+of|murders?\\s+of|slayings?\\s+of|fatal\\s+shootings?\\s+of|homicides?\\s+of';
/** A qualifier between a role verb and its object ("killing at least seven people", "injured almost 50"); `push` reads it back. */
const OBJECT_QUALIFIER = '(?:(?:at\\s+least|more\\s+than|as\\s+many\\s+as|up\\s+to|nearly|almost|about|around|approximately|roughly|over)\\s+)?';
const OBJECT_RE = new RegExp(
  `(?<![\\w-])(?<verb>${capitalizable(`${DEATH_NOUN}|killing|killed|kills|kill|wounding|wounded|wounds|injuring|injured|injures|left|leaves|leaving|leave|claimed\\s+the\\s+lives?\\s+of`)})\\s+${OBJECT_QUALIFIER}${NOUN_PHRASE}(?<after>\\s+(?:${capitalizable('dead|injured|wounded|hurt')}))?(?![\\w-])`,
  'g',
);

/**
 * A bare number as the object of a role verb: "killing two and wounding three", "wounds 2, including a baby", "wounding
 * other 70" (wire copy's word order for "70 others"); or "a" and an ordinal, one more after the ones counted before ("killed two and critically wounded a third").
 */
const BARE_OBJECT_RE = new RegExp(
  `(?<![\\w-])(?<verb>${capitalizable('killing|killed|kills|kill|wounding|wounded|wounds|injuring|injured|injures')})\\s+${OBJECT_QUALIFIER}(?:other\\s+)?(?:(?<num>${SMALL_DIGITS}|${capitalizable(WORD_NUMBER_SOURCE)})|(?<next>an?\\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)))(?=\\s*(?:[,.;:!?)]|$)|\\s+(?:and|in|at|on|before|after|when|during|including|inside|outside|near)\\b)`,
  'g',
);

/** "sent four people to the hospital", "put two in the hospital". */
const SENT_TO_HOSPITAL_RE = new RegExp(
  `(?<![\\w-])${capitalizable('(?:sent|sending|sends|put|putting|puts|landed|landing)')}\\s+(?:${NOUN_PHRASE}|(?<bare>(?:${SMALL_DIGITS}|${capitalizable(WORD_NUMBER_SOURCE)})))\\s+(?:to|in|into)\\s+(?:an?\\s+|the\\s+)?(?:[\\w.-]+\\s+){0,3}?${capitalizable('(?:hospitals?|medical\\s+centers?)')}`,
  'g',
);

/** The next part of a coordinated object: ", her father", "and 6-year-old daughter". */
const OBJECT_LINK_RE = new RegExp(`(?:\\s*,\\s*(?:and\\s+)?|\\s+and\\s+)(?:(?:then\\s+)?(?<self>himself|herself)|${NOUN_PHRASE})`, 'y');
/** "the death of Dana Reyes", "the shooting death of 17-year-old Dana Reyes": one person killed. */
const DEATH_OF_NAME_RE = new RegExp(
  `(?<![\\w-])(?:${capitalizable(DEATH_NOUN)})\\s+(?:(?:the\\s+|an?\\s+)?${AGE}\\s+)?(?<name>[A-Z][a-z'\u2019-]+(?:\\s+[A-Z][a-z'\u2019.-]+){0,2})`,
  'g',
);
/** A plural subject taken up again by "they" in a clause joined to its own ("... were alive when they"). */
const LINKED_SUBJECT_RE = new RegExp(
  `(?<![\\w-])${NOUN_PHRASE}(?<rest>\\s+(?:were|are|had\\s+been|have\\s+been)\\s+[^,.;!?]{1,60}?\\s+(?:(?:when|as|after|before|until|because|while|and)\\s+they|(?<joined>and))\\s*)$`,
);
/** A group joined to the subject after its verb: "..., along with their father". */
const ALONG_WITH_RE = new RegExp(`^\\s*,?\\s+(?:along|together)\\s+with\\s+${NOUN_PHRASE}`);
/** A reflexive object: the doer is the victim ("shot himself"). */
const REFLEXIVE_AFTER = /^\s+(?:himself|herself|themselves)\b/i;
/** "he was pronounced dead", "she died": one person. */
const PRONOUN_SUBJECT_RE = /(?:^|[\s,;:(])(?<who>[Hh]e|[Ss]he)(?:\s*,?\s+who)?\s*$/;
/** A death later in the clause: "..., where he died", "and later died", "has died". */
const LATER_DEATH_RE = /^(?<between>[^.;!?]{0,140}?)\b(?:died|dies|has\s+died|have\s+died|(?:(?:was|were|been)\s+)?(?:later\s+)?(?:pronounced|declared)\s+dead|passed\s+away|succumbed)\b/i;

/** A new subject with a determiner ("a woman", "the gunman"): a later death may be theirs. */
const NEW_SUBJECT_RE = new RegExp(`(?<![\\w-])${DETERMINER}\\s+${MODIFIER}{0,4}${PERSON_HEAD}(?![\\w-])`);

/** Whether the rest of a clause tells of a death, with no other person named before it. */
function laterDeath(after: string): boolean {
  const m = LATER_DEATH_RE.exec(after);
  if (!m) return false;
  return !NEW_SUBJECT_RE.test(m.groups?.between ?? '') && !/\b(?:police|officers?|deputies)\b/i.test(m.groups?.between ?? '');
}

/**
 * "the death toll rose to 17", "a death toll of at least 40", "the number of dead stood at 9": the figure a toll
 * reaches is a count of the killed (a percentage or another unit after it is not).
 */
const TOLL_RE = new RegExp(
  `(?<![\\w-])${capitalizable('(?:death\\s+toll|toll\\s+of\\s+(?:the\\s+)?dead|number\\s+of\\s+(?:the\\s+)?dead)')}\\s+(?:(?:has|have|had|was|is|now|later|officially|then|further|sharply)\\s+){0,3}(?:rose|risen|climbed|jumped|reached|stood|stands|hit|increased|grew|was|is|of|at|to)\\s+(?:at\\s+|to\\s+)?(?:(?:at\\s+least|more\\s+than|nearly|almost|about|around|over)\\s+)?(?<num>\\d{1,3}(?:,\\d{3})+|\\d+|${WORD_NUMBER_SOURCE})(?![\\w,.]?\\d)(?!\\s*(?:%|per\\s*cent|percent)|\\s+(?!(?:people|persons|dead|killed|deaths|on|in|at|by|after|as|and|with|from|,)\\b)[a-z])`,
  'g',
);

/** "Three were shot, one fatally": the part that died. */
const FATALLY_RE = new RegExp(`(?<![\\w-])(?<num>${SMALL_DIGITS}|${WORD_NUMBER_SOURCE})(?:\\s+of\\s+(?:them|whom|the\\s+\\w+))?\\s+(?<how>fatally|mortally)(?![\\w-])`, 'gi');

/** Between a count of the shot and its fatal part: the verb and a comma, no other number ("were shot, "). */
const SHOT_THEN_FATALLY = /^[^.;!?\d]{0,40},\s*(?:and\s+)?$/;

const QUALIFIER_BEFORE = /(?:^|\s)(?<q>at\s+least|more\s+than|as\s+many\s+as|up\s+to|nearly|almost|about|around|approximately|roughly|over)\s+(?:of\s+)?$/i;

const ROLE_VERB_TESTS = ROLE_VERBS.map(([re, role]) => [new RegExp(`^(?:${re})$`, 'i'), role] as const);
const AGE_RE = new RegExp(`^${AGE}$`, 'i');

function roleOfVerb(verb: string, adverbs: string): PeopleRole {
  if (/\b(?:fatally|mortally)\b/i.test(adverbs)) return 'killed';
  for (const [re, role] of ROLE_VERB_TESTS) if (re.test(verb.trim())) return role;
  return 'shot';
}

/** The value a determiner gives: "a" 1, "both" 2, "the three" 3; null for a bare plural ("the victims"). */
function determinerValue(det: string | undefined, head: string): number | null {
  const plural = singular(head) !== head.toLowerCase() && !/year/i.test(head);
  if (!det) return plural ? null : 1;
  const d = det.toLowerCase().replace(/^(?:the|all)\s+/, '').trim();
  if (/^(?:an?|another|the|his|her|their)$/.test(d)) return plural ? null : 1;
  if (d === 'both') return 2;
  const n = parseNumber(d);
  return n !== null && Number.isInteger(n) && n >= 0 && n < 1000 ? n : null;
}

function isPersonHead(head: string): boolean {
  if (AGE_RE.test(head)) return true;
  return PERSON_NOUNS.has(singular(head.toLowerCase()));
}

function unitOf(head: string): string {
  return AGE_RE.test(head) ? 'person' : singular(head.toLowerCase());
}

/** The people count of a noun phrase match, or null when it does not name a countable group of people. */
function countOf(groups: Record<string, string | undefined>): { value: number; unit: string } | null {
  const head = groups.head ?? '';
  if (!isPersonHead(head)) return null;
  const value = determinerValue(groups.det, head);
  return value === null ? null : { value, unit: unitOf(head) };
}

const BARE_SUBJECT_RE = new RegExp(`(?<![\\w-])(?<det>(?:the\\s+|all\\s+)?(?:${SMALL_DIGITS}|${WORD_NUMBER_SOURCE})|both|another)(?<gap>${SUBJECT_GAP})\\s*$`, 'i');

/** A cheap test that a sentence may hold a people count at all: every pattern below needs one of these. */
const ANY_ROLE_WORD = /kill|dead|die|slain|murder|shot|wound|injur|hurt|grazed|condition|hospital|medical|trauma|struck|hit\s+by|gunned|death|slay|homicide|fatal|mortal|suffer|sustain|lives|bod(?:y|ies)\s+of/i;

/** People counts in one sentence, each with the role its verb gives. */
export function peopleCounts(text: string, sentence: Span): PeopleCount[] {
  const out: PeopleCount[] = [];
  const s = text.slice(sentence.start, sentence.end);
  if (!ANY_ROLE_WORD.test(s)) return out;
  // All-caps text ("TWO DEAD IN SHOOTING") reads as its lower case: the patterns free only first letters.
  const lower = s.toLowerCase();
  if (/[A-Z]{2}/.test(s) && !/[a-z]/.test(s) && lower.length === s.length) {
    return peopleCounts(lower, { start: 0, end: lower.length }).map((c) => ({ ...c, start: c.start + sentence.start, end: c.end + sentence.start }));
  }
  const push = (start: number, end: number, value: number, unit: string, role: PeopleRole): void => {
    const before = s.slice(Math.max(0, start - 24), start);
    const q = QUALIFIER_BEFORE.exec(before);
    const from = q ? start - before.length + q.index + (q[0].length - q[0].trimStart().length) : start;
    out.push({ start: sentence.start + from, end: sentence.start + end, value, unit, role, qualifier: q?.groups?.q ?? null });
  };
  PREDICATE_RE.lastIndex = 0;
  for (let m = PREDICATE_RE.exec(s); m; m = PREDICATE_RE.exec(s)) {
    if (m[0].length === 0) {
      PREDICATE_RE.lastIndex++;
      continue;
    }
    const g = m.groups ?? {};
    const aux = g.aux ?? '';
    const verb = g.verb ?? '';
    let role = roleOfVerb(verb, g.adv ?? '');
    const before = s.slice(Math.max(0, m.index - 120), m.index);
    const offset = m.index - before.length;
    let passive = /\b(?:is|was|were|are|be|been|being|got|gets|get)\s/i.test(aux);
    const after = s.slice(m.index + m[0].length);
    if (!passive && TRANSITIVE.test(verb) && REFLEXIVE_AFTER.test(after)) {
      // "a 3-year-old shot and killed himself": the doer is the victim.
      passive = true;
      role = /killed|death|dead/i.test(verb) || role === 'killed' ? 'killed' : 'shot';
    }
    // Active voice ("the gunman shot his wife", "a man who killed two") counts the doer, not a victim.
    if (!passive && TRANSITIVE.test(verb) && !/^shot\s+(?:to\s+death|dead)$/i.test(verb) && OBJECT_AFTER.test(after)) continue;
    // A later death in the same clause is the victim's fate: "was taken to a hospital, where he died".
    const fate = role === 'killed' ? role : laterDeath(after) ? 'killed' : role;
    const subject = SUBJECT_RE.exec(before);
    if (subject && !(/\b(?:who|that)\b/i.test(subject.groups?.gap ?? '') && !passive && TRANSITIVE.test(verb))) {
      const count = countOf(subject.groups ?? {});
      if (count) {
        const chain = coordinated(before.slice(0, subject.index), count.value);
        const start = offset + (chain?.start ?? subject.index);
        const end = offset + subject.index + subject[0].length - (subject.groups?.gap?.length ?? 0) - (subject.groups?.tail?.length ?? 0);
        push(start, end, chain ? chain.value : count.value, chain ? 'person' : count.unit, fate);
        // "two boys are dead along with their father": the people joined after the verb share its fate.
        const along = ALONG_WITH_RE.exec(after);
        const more = along ? countOf(along.groups ?? {}) : null;
        if (along && more) push(start, m.index + m[0].length + along[0].length, (chain ? chain.value : count.value) + more.value, 'person', fate);
        continue;
      }
    }
    const bare = BARE_SUBJECT_RE.exec(before);
    if (bare) {
      // "one man was killed and another injured": "another" is one more.
      const value = /^another$/i.test(bare.groups?.det ?? '') ? 1 : determinerValue(bare.groups?.det, 'people');
      const det = bare.groups?.det ?? '';
      // A bare number is a subject only at the start of its clause ("Two are dead", "..., and both died").
      const lead = before.slice(0, bare.index).replace(QUALIFIER_BEFORE, '');
      // "Dana Reyes, 24, of Tulsa": a number after a name and a comma is an age.
      const age = /[A-Z][\w'\u2019-]*\s*,\s*$/.test(lead) && /^\d/.test(det);
      if (value !== null && !age && /(?:^|[.!?,;:\u2014]|\band|\bbut|\b(?:said|say|says|told|reported|that|where|when|after))\s*$/i.test(lead) && !/^an?$/i.test(det.trim())) {
        push(offset + bare.index, offset + bare.index + det.length, value, 'person', fate);
        continue;
      }
    }
    // "three victims were alive when they were taken to a hospital": "they" is the clause's subject.
    const linked = passive ? LINKED_SUBJECT_RE.exec(before) : null;
    const group = linked ? countOf(linked.groups ?? {}) : null;
    if (linked && group && (group.value > 1 || linked.groups?.joined)) {
      const npStart = linked.index + linked[0].indexOf(linked.groups?.det || linked.groups?.mods || linked.groups?.head || '');
      const npEnd = linked.index + linked[0].length - (linked.groups?.rest ?? '').length;
      push(offset + npStart, offset + npEnd, group.value, group.unit, fate);
      continue;
    }
    const singularVerb = /\b(?:is|was|has)\s/i.test(aux) || /^(?:died|dies|suffered|sustained)\b/i.test(verb);
    // "he shot" is always active ("the people he shot"); only "he was shot", "he died" count him.
    const pronoun = passive || !TRANSITIVE.test(verb) ? PRONOUN_SUBJECT_RE.exec(before) : null;
    if (pronoun) {
      // "he was pronounced dead": one person, whoever the article named before.
      const at = offset + pronoun.index + (pronoun[0].length - pronoun[0].trimStart().length);
      push(at, at + (pronoun.groups?.who ?? '').length, 1, 'person', fate);
      continue;
    }
    const name = aux || /^(?:died|dies|dead|suffered|sustained)\b/i.test(verb) ? NAME_SUBJECT_RE.exec(before) : null;
    const nameText = name?.groups?.name ?? '';
    if (name && (name.groups?.age || /\s/.test(nameText) || singularVerb) && !NOT_PERSON_NAME.test(nameText) && !NOT_PERSON_NAME.test(nameText.split(/\s+/)[0] ?? '')) {
      const leadIn = before.slice(0, name.index);
      // A name that starts its clause: not the tail of a longer capitalised run ("Sheriff Dana Reyes").
      if (!/[A-Z][\w.]*\s+$/.test(leadIn) && !/\b(?:on|in|at|of|from|to|by|near|since|until|for|with)\s+$/i.test(leadIn)) {
        const nameStart = offset + name.index;
        push(nameStart, nameStart + nameText.length, 1, 'person', fate);
      }
    }
  }
  OBJECT_RE.lastIndex = 0;
  const objects = /kill|wound|injur|left|leav|death|murder|slay|homicide|claimed|bod(?:y|ies)\s+of/i.test(s);
  for (let m = objects ? OBJECT_RE.exec(s) : null; m; m = OBJECT_RE.exec(s)) {
    const g = m.groups ?? {};
    const verb = (g.verb ?? '').toLowerCase();
    const leaves = /^(?:left|leaves|leaving|leave)$/.test(verb);
    if (leaves && !g.after) continue;
    const count = countOf(g);
    if (!count) continue;
    // "wounding other 70": the count is the number after "other" (read as a bare object below).
    if (!g.det && /^others?$/i.test(g.head ?? '') && /^\s+\d/.test(s.slice(m.index + m[0].length))) continue;
    // "the death of 17-year-old Dana Reyes": the age belongs to the name that follows.
    if (AGE_RE.test(g.head ?? '') && /^\s+[A-Z]/.test(s.slice(m.index + m[0].length))) continue;
    const role: PeopleRole = leaves
      ? roleOfVerb(g.after ?? '', '')
      : /^wound/.test(verb)
        ? 'wounded'
        : /^injur/.test(verb)
          ? 'injured'
          : 'killed';
    const npStart = m.index + m[0].indexOf(g.det || g.mods || g.head || '', (g.verb ?? '').length);
    let npEnd = m.index + m[0].length - (g.after?.length ?? 0);
    let value = count.value;
    // "killed her father and daughter": a coordinated object, summed while every part counts people.
    for (let i = 0; i < 3 && !g.after; i++) {
      OBJECT_LINK_RE.lastIndex = npEnd;
      const link = OBJECT_LINK_RE.exec(s);
      // "killed his wife and himself": the doer is one more.
      const more = link?.groups?.self ? { value: 1, unit: 'person' } : link ? countOf(link.groups ?? {}) : null;
      if (!link || !more) break;
      value += more.value;
      npEnd = link.index + link[0].length;
    }
    push(npStart, npEnd, value, value === count.value ? count.unit : 'person', role);
  }
  BARE_OBJECT_RE.lastIndex = 0;
  for (let m = objects ? BARE_OBJECT_RE.exec(s) : null; m; m = BARE_OBJECT_RE.exec(s)) {
    const num = m.groups?.num ?? m.groups?.next ?? '';
    const value = m.groups?.next ? 1 : parseNumber(num);
    if (value === null || !Number.isInteger(value) || value < 1 || value >= 1000) continue;
    const verb = (m.groups?.verb ?? '').toLowerCase();
    const role: PeopleRole = /^wound/.test(verb) ? 'wounded' : /^injur/.test(verb) ? 'injured' : 'killed';
    const at = m.index + m[0].length - num.length;
    push(at, at + num.length, value, 'person', role);
  }
  SENT_TO_HOSPITAL_RE.lastIndex = 0;
  for (let m = /hospital|medical/i.test(s) ? SENT_TO_HOSPITAL_RE.exec(s) : null; m; m = SENT_TO_HOSPITAL_RE.exec(s)) {
    const g = m.groups ?? {};
    const bare = g.bare && !/^an?$/i.test(g.bare) ? parseNumber(g.bare) : null;
    const count = bare !== null ? { value: bare, unit: 'person' } : countOf(g);
    if (!count) continue;
    const np = g.bare ?? `${g.det ? `${g.det} ` : ''}${g.mods ?? ''}${g.head ?? ''}`;
    const start = m.index + m[0].indexOf(g.bare ?? (g.det || g.mods || g.head || ''), 1);
    push(start, start + np.length, count.value, count.unit, 'hospitalized');
  }
  DEATH_OF_NAME_RE.lastIndex = 0;
  for (let m = /death|killing|murder|slaying|homicide|bod(?:y|ies)\s+of/i.test(s) ? DEATH_OF_NAME_RE.exec(s) : null; m; m = DEATH_OF_NAME_RE.exec(s)) {
    const name = (m.groups?.name ?? '').replace(/\.$/, '');
    if (NOT_PERSON_NAME.test(name) || NOT_PERSON_NAME.test(name.split(/\s+/)[0] ?? '')) continue;
    const end = m.index + m[0].length - ((m.groups?.name ?? '').length - name.length);
    push(end - name.length, end, 1, 'person', 'killed');
  }
  TOLL_RE.lastIndex = 0;
  for (let m = /toll|number\s+of\s+(?:the\s+)?dead/i.test(s) ? TOLL_RE.exec(s) : null; m; m = TOLL_RE.exec(s)) {
    const num = m.groups?.num ?? '';
    const value = parseNumber(num);
    if (value === null || !Number.isInteger(value) || value < 1) continue;
    const at = m.index + m[0].length - num.length;
    push(at, at + num.length, value, 'person', 'killed');
  }
  FATALLY_RE.lastIndex = 0;
  for (let m = /fatally|mortally/i.test(s) ? FATALLY_RE.exec(s) : null; m; m = FATALLY_RE.exec(s)) {
    const num = m.groups?.num ?? '';
    const value = /^an?$/i.test(num) ? null : parseNumber(num);
    // "one fatally" after a count of the shot: the part that died.
    if (value === null || !/,\s*$|\band\s+$/.test(s.slice(Math.max(0, m.index - 3), m.index))) continue;
    push(m.index, m.index + m[0].length, value, 'person', 'killed');
    // "four shot, one fatally", "five people were shot, two of them fatally": the rest of the shot lived.
    const at = sentence.start + m.index;
    const shot = out
      .filter((c) => c.role === 'shot' && c.end <= at && SHOT_THEN_FATALLY.test(text.slice(c.end, at)))
      .sort((a, b) => b.end - a.end)[0];
    if (shot && shot.value > value) {
      out.push({ start: shot.start, end: sentence.start + m.index + m[0].length, value: shot.value - value, unit: 'person', role: 'injured', qualifier: shot.qualifier });
    }
  }
  return dedupe(out);
}


const CHAIN_LINK_RE = new RegExp(`(?<![\\w-])${NOUN_PHRASE}\\s*(?:,\\s*and|,|and)\\s*$`);

/** "Three children and two adults were found dead": the sum of a coordinated subject, when every part counts people. */
function coordinated(before: string, last: number): { start: number; value: number } | null {
  let value = last;
  let end = before.length;
  let start: number | null = null;
  for (let i = 0; i < 4; i++) {
    const m = CHAIN_LINK_RE.exec(before.slice(0, end));
    if (!m) break;
    const head = m.groups?.head ?? '';
    if (!isPersonHead(head)) break;
    // "a man and woman": an article-less singular after "and" still counts one.
    const v = determinerValue(m.groups?.det, head);
    if (v === null) break;
    value += v;
    start = m.index;
    end = m.index;
  }
  return start === null ? null : { start, value };
}

function dedupe(counts: PeopleCount[]): PeopleCount[] {
  const seen = new Set<string>();
  return counts
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .filter((c) => {
      const key = `${c.start}:${c.end}:${c.role}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The role a counted unit carries by itself: "17 dead", "a dozen wounded", "two fatalities". */
export function roleOfUnit(unit: string | null): PeopleRole | null {
  if (!unit) return null;
  const head = unit.toLowerCase().split(/\s+/).pop() ?? '';
  if (/^(?:dead|death|fatality|killed|body)$/.test(head)) return 'killed';
  if (head === 'wounded') return 'wounded';
  if (/^(?:injured|injury|hurt)$/.test(head)) return 'injured';
  return null;
}

/** Whether a unit counts people, so a verb after it gives the count a role ("two people were killed"). */
export function countsPersons(unit: string | null): boolean {
  if (!unit) return false;
  const head = unit.toLowerCase().split(/\s+/).pop() ?? '';
  return PERSON_NOUNS.has(singular(head)) || roleOfUnit(unit) !== null;
}

const ROLE_AFTER_RE = new RegExp(`^(?:\\s*,\\s*\\d{1,3}\\s*,)?(?:\\s+(?:involved|caught|injured|wounded|hurt|shot)\\s+(?:in|during|at)\\s+[^,.;]{1,60}?)?\\s+(?<aux>${AUXILIARY})(?<adv>${ADVERB})(?<verb>${ROLE_VERB})(?![\\w-])`, 'i');

/** The role a verb gives a count of people just before it ("two people were killed", "three others wounded"). */
export function roleAfter(text: string, q: Span, sentence: Span): PeopleRole | null {
  const after = text.slice(q.end, Math.min(sentence.end, q.end + 80));
  const m = ROLE_AFTER_RE.exec(after);
  if (!m) return null;
  const verb = m.groups?.verb ?? '';
  const passive = /\b(?:is|was|were|are|be|been|being|got|gets|get)\s/i.test(m.groups?.aux ?? '');
  if (!passive && TRANSITIVE.test(verb) && OBJECT_AFTER.test(after.slice(m[0].length))) return null;
  return roleOfVerb(verb, m.groups?.adv ?? '');
}

/** Words that tell of a death anywhere in an article; "attempted murder" is no death. */
const DEATH_WORDS = /\b(?:died|dies|dead|killed|killing|fatal(?:ly)?|deaths?|(?<!attempted\s)murder(?:ed)?|homicide|slain|succumbed)\b/i;
/** How a shot person is doing: alive. */
const ALIVE_RE =
  /\b(?:non-?\s?life[- ]threatening|(?:stable|critical|serious|fair|good|guarded)\s+condition|expected\s+to\s+(?:survive|recover|be\s+(?:ok|okay|fine))|treated\s+and\s+released|survived|(?:is|are)\s+recovering|(?:was|were)\s+treated|minor\s+injuries)\b/i;

/**
 * Counts of the shot who lived are counts of the wounded: the rest of the sentence or the next one tells how they
 * are doing ("in stable condition") with no death; or the whole article tells of no death at all.
 */
export function readShotAsWounded(text: string, quantities: readonly QuantitySpan[]): QuantitySpan[] {
  const shot = quantities.filter((q) => q.role === 'shot' && !q.tally);
  if (!shot.length) return [...quantities];
  const deathless = !quantities.some((q) => q.role === 'killed' && !q.tally) && !DEATH_WORDS.test(text);
  return quantities.map((q) => {
    if (q.role !== 'shot' || q.tally) return q;
    if (deathless) return { ...q, role: 'wounded' };
    const window = nextSentences(text, q.end, 2);
    return ALIVE_RE.test(window) && !DEATH_WORDS.test(window) ? { ...q, role: 'wounded' } : q;
  });
}

/** The text from `from` to the end of the n-th sentence end after it (a rough cut at ". "), at most 400 characters. */
function nextSentences(text: string, from: number, n: number): string {
  const re = /[.!?]["\u201d\u2019]?\s+(?=[A-Z"\u201c])/g;
  re.lastIndex = from;
  let end = Math.min(text.length, from + 400);
  for (let i = 0; i < n; i++) {
    const m = re.exec(text);
    if (!m || m.index > from + 400) break;
    end = m.index + 1;
  }
  return text.slice(from, end);
}
