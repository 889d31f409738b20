// Contexts English reserves for people: an age beside a name, a victim's or suspect's predicate, "the murder of".

/** An age in years as news writes it after a name ("Dana Reyes, 24,"). */
const AGE = /^\d{1,3}$/;
const MAX_AGE = 110;

/** The age adjective closing on the word before a name: "24-year-old", "10-month-old", "four-year-old". */
const AGE_ADJECTIVE = /(?:^|-)(?:year|month|week|day)s?-old$/;
const AGE_ADJECTIVE_HEAD = /-(?:year|month|week|day)s?$/;

/**
 * Lower-case words that may follow a name an age adjective introduces ("a 6-year-old Chicago boy" is not one:
 * "boy" is a noun, and the name is the adjective's noun only when nothing nominal follows).
 */
const AFTER_AGED_NAME: ReadonlySet<string> = new Set([
  'was', 'were', 'is', 'are', 'has', 'had', 'have', 'will', 'would', 'and', 'or', 'of', 'from', 'in', 'on', 'at', 'with',
  'who', 'whose', 'died', 'dies', 'remains', 'remained', 'said', 'says', 'told', 'to', 'for', 'as', 'after', 'before',
  'during', 'while', 'when', 'because', 'also', 'later', 'then', 'allegedly', 'reportedly', 'fatally', 'critically',
  'suffered', 'faces', 'faced', 'pleaded', 'appeared', 'got', 'by', 'into', 'that', 'but',
]);

/** A past-tense verb after the name ("four-year-old Amirra Tolbert struggled"); nouns seldom end so. */
const PAST_VERB = /^\p{Ll}{3,}ed$/u;

/** Prepositions before a name that make it a modifier or object, not a subject. */
const PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'in', 'at', 'from', 'near', 'for', 'to', 'with', 'by', 'on']);

/** Auxiliaries and adverbs between a name and its participle: "was fatally shot", "had been arrested". */
const PREDICATE_FILLERS: ReadonlySet<string> = new Set([
  'was', 'were', 'is', 'are', 'has', 'had', 'have', 'been', 'being', 'be', 'got', 'also', 'later', 'then', 'fatally',
  'critically', 'seriously', 'reportedly', 'allegedly', 'apparently', 'eventually', 'previously', 'subsequently', 'still',
  'multiple', 'twice', 'once', 'not',
]);

/** What only happens to people: being shot, killed, wounded, arrested, pronounced dead, hospitalised. */
const PERSON_PARTICIPLES: ReadonlySet<string> = new Set([
  'shot', 'killed', 'wounded', 'stabbed', 'murdered', 'slain', 'injured', 'hospitalized', 'hospitalised', 'pronounced',
  'arrested', 'booked', 'jailed', 'detained', 'handcuffed', 'gunned',
]);

/** Verbs whose subject right after a name is a person: "Dana Reyes died", "Marcus Lee survived". */
const PERSON_VERBS: ReadonlySet<string> = new Set(['died', 'dies', 'survived', 'survives']);

/** Nouns that take a person after "of" or "for": "the murder of", "a vigil for", "the family of". */
const PERSON_OF_NOUNS: ReadonlySet<string> = new Set([
  'murder', 'murders', 'killing', 'killings', 'slaying', 'slayings', 'shooting', 'stabbing', 'death', 'deaths', 'funeral',
  'vigil', 'memorial', 'family', 'relatives', 'mother', 'father', 'parents', 'widow', 'girlfriend', 'boyfriend', 'killer',
  'shooter', 'victim',
]);

/** Nouns for people that stand right before a name in apposition: "victim Dana Reyes", "her son, Marcus Lee,". */
const PERSON_NOUNS: ReadonlySet<string> = new Set([
  'victim', 'victims', 'suspect', 'suspects', 'gunman', 'shooter', 'teen', 'teenager', 'son', 'daughter', 'brother',
  'sister', 'cousin', 'nephew', 'niece', 'boyfriend', 'girlfriend', 'husband', 'wife', 'mother', 'father', 'grandmother',
  'grandfather', 'grandson', 'granddaughter', 'uncle', 'aunt', 'stepfather', 'stepmother', 'fiance', 'fiancee', 'widow',
  'widower', 'roommate', 'neighbor', 'neighbour', 'defendant',
]);

/** Words between "identified" and "as" when it names a person: "identified the victim as", "identified him as". */
const IDENTIFIED_OBJECTS: ReadonlySet<string> = new Set([
  'the', 'a', 'victim', 'victims', 'suspect', 'suspects', 'man', 'woman', 'men', 'women', 'boy', 'girl', 'teen', 'teenager',
  'shooter', 'gunman', 'driver', 'dead', 'deceased', 'him', 'her', 'them', 'both', 'two', 'three', 'slain', 'wounded',
  'injured', 'second', 'other', 'first', 'third', 'officer', 'child', 'baby', 'toddler', 'student', 'resident',
]);

function isAge(word: string | undefined): boolean {
  return word !== undefined && AGE.test(word) && Number(word) > 0 && Number(word) <= MAX_AGE;
}

function lower(word: string | undefined): string {
  return word === undefined ? '' : word.toLowerCase();
}

/** "Name, 24," / "Name, 24 ." / "Name, 24, and" / "Name (24)". */
function ageAfter(tokens: readonly string[], end: number): boolean {
  if (tokens[end] === '(') return isAge(tokens[end + 1]) && tokens[end + 2] === ')';
  if (tokens[end] !== ',' || !isAge(tokens[end + 1])) return false;
  const next = tokens[end + 2];
  return next === undefined || next === ',' || next === '.' || next === ';' || next === 'and' || next === 'of';
}

/** "24-year-old Name" / "four-year old Name", and the name is the adjective's noun (nothing nominal follows it). */
function ageBefore(tokens: readonly string[], start: number, end: number): boolean {
  const prev = lower(tokens[start - 1]);
  const aged = AGE_ADJECTIVE.test(prev) || (prev === 'old' && AGE_ADJECTIVE_HEAD.test(lower(tokens[start - 2])));
  if (!aged) return false;
  const next = tokens[end];
  return next === undefined || !/^\p{Ll}/u.test(next) || AFTER_AGED_NAME.has(next) || PAST_VERB.test(next);
}

/** "Name was fatally shot", "Name had been arrested", "Name died". */
function personPredicate(tokens: readonly string[], start: number, end: number): boolean {
  // "the province of Yunnan were arrested": a name after a preposition is not the subject.
  if (PREPOSITIONS.has(lower(tokens[start - 1]))) return false;
  const first = lower(tokens[end]);
  if (PERSON_VERBS.has(first)) return true;
  let j = end;
  while (j < end + 4 && PREDICATE_FILLERS.has(lower(tokens[j]))) j++;
  return j > end && PERSON_PARTICIPLES.has(lower(tokens[j]));
}

/** "the murder of Name", "a vigil for Name", "identified the victim as Name", "victim Name", "her son, Name". */
function personObject(tokens: readonly string[], start: number): boolean {
  const prep = lower(tokens[start - 1]);
  if (PERSON_NOUNS.has(prep) || (prep === ',' && PERSON_NOUNS.has(lower(tokens[start - 2])))) return true;
  if ((prep === 'of' || prep === 'for') && PERSON_OF_NOUNS.has(lower(tokens[start - 2]))) return true;
  if (prep !== 'as') return false;
  for (let j = start - 2; j >= Math.max(0, start - 5); j--) {
    const w = lower(tokens[j]);
    if (w === 'identified' || w === 'named') return true;
    if (!IDENTIFIED_OBJECTS.has(w)) return false;
  }
  return false;
}

/**
 * Which context marks the name at tokens [start, end) as a person, or null. Checked in order:
 * 1. age-after: an age apposition or parenthesis ("Dana Reyes, 24, of Tulsa", "Tia Brown (28)");
 * 2. age-before: an age adjective with the name as its noun ("20-year-old Travon Bixby was");
 * 3. predicate: a victim's or suspect's predicate ("was fatally shot", "was arrested", "died");
 * 4. object: the person after "the murder of", "a vigil for", "identified the victim as", or a noun for a person
 *    ("victim Dana Reyes", "her son, Marcus Lee").
 * Callers exclude known places, organisations and nationalities ("Ohio, 18," can be a tally; "the 38-year-old
 * Palestinian" a nationality) and organisation heads.
 */
export function personContext(tokens: readonly string[], start: number, end: number): string | null {
  if (ageAfter(tokens, end)) return 'age-after';
  if (ageBefore(tokens, start, end)) return 'age-before';
  if (personPredicate(tokens, start, end)) return 'predicate';
  if (personObject(tokens, start)) return 'object';
  return null;
}
