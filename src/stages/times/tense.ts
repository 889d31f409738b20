// Whether the clause around a time expression speaks of the future, so "on Friday" can resolve forwards.
import type { Span } from '../../core/span.js';

export type Tense = 'past' | 'future' | 'unknown';

// Verb groups that point forward: modals ("will vote", "'ll sign", "would meet" in reported plans), "be to",
// plans and schedules ("plans to", "is expected to", "agreed to buy"), present progressives ("is meeting") and
// the few words news uses for dates to come ("payable Dec. 7", "the deadline", "upcoming").
const FUTURE_SOURCE = [
  "(?:will|won't|shall|would|wouldn't)(?:\\s+(?:not|also|still|soon|probably|likely|then|now))?(?:\\s+(?:be|have(?:\\s+been)?)\\s+[a-z]+)?",
  "['\\u2019]ll",
  // Possibility looks ahead too ("can win Tuesday's primary", "may decide on Friday"), unless perfect ("may have left").
  '(?:can|may|might)(?!\\s+(?:not\\s+)?have\\b)(?=\\s+(?:not\\s+)?[a-z])',
  // Obligation looks ahead ("must leave by Friday", "should decide Tuesday"), unless it is perfect ("must have left").
  '(?:must|should)(?!\\s+(?:not\\s+)?have\\b)',
  'going\\s+to',
  '(?:is|are|am|was|were)\\s+(?:not\\s+)?(?:due\\s+)?to\\s+(?!the\\b|a\\b|an\\b|his\\b|her\\b|its\\b|their\\b)[a-z]+',
  '(?:(?:is|are|am|was|were|be|been)\\s+)?(?:plans?|planning|planned|intends?|intended|aims?|hopes?|seeks?|wants?|agreed|agrees|promised|promises|vowed|vows|threatened|threatens|decided|voted|prepared|preparing|ready|likely|supposed|set|scheduled|slated|expected|expects?|due)\\s+to\\s+(?!the\\b|a\\b|an\\b|his\\b|her\\b|its\\b|their\\b|date\\b)[a-z]+',
  // Present-tense expectation looks ahead whatever follows it: "expects a loss in the first quarter".
  'expects?|anticipates?|predicts?|forecasts?',
  // Nouns of intent with an infinitive: "an agreement to acquire the bank in January".
  '(?:agreement|plan|plans|decision|proposal|offer|bid|deal|move|effort|attempt|vote|pledge|promise|intention|bill)\\s+to\\s+(?!the\\b|a\\b|an\\b|his\\b|her\\b|its\\b|their\\b)[a-z]+',
  '(?:is|are|am)\\s+(?:[a-z]+ly\\s+)?[a-z]{2,}ing\\b(?<!\\bbeing)',
  // Present passives ("the case is heard in May", "is expected Friday") are schedules in news.
  '(?:to\\s+be|is|are)\\s+(?:[a-z]+ed|heard|held|paid|made|given|taken|sent|sold|set|seen|done|brought|built)',
  'as\\s+(?:soon|early)\\s+as',
  // A deadline: "postponed until Tuesday", "has given them until 9 a.m. Tuesday". Not "Until Thursday, they had",
  // "up until" or "not until", which look back from a told time.
  '(?<![Nn]ot\\s|[Uu]p\\s)(?<=[a-z,]\\s)until',
  // "next" and "coming" as prepositions ("next to the embassy", "coming from Miami") are no future.
  'scheduled|slated|planned|planning|upcoming|next(?!\\s+to\\b)|coming(?!\\s+(?:from|to|out|back|in|up|down|off)\\b)|payable|expires?|pending',
].join('|');

// Irregular past forms news uses most; regular ones are caught by "-ed".
const IRREGULAR_PAST =
  'said|told|was|were|had|did|met|left|came|went|took|gave|made|began|held|rose|fell|won|lost|sent|got|saw|found|brought|thought|knew|became|spoke|wrote|ran|hit|shot|struck|led|fled|paid|sold|bought|built|broke|chose|drove|fought|flew|froze|grew|heard|hung|kept|laid|lay|meant|overtook|put|quit|read|rode|rang|sank|set\\s+off|shook|shut|slid|spent|split|spread|stood|stole|stuck|swore|swept|threw|tore|understood|withdrew|woke|wore|sat|cut|let|ate|drew|bit|bore|dealt|dug|fed|felt|forgot|forgave|hid|lent|lit|mistook|oversaw|sought|sprang|strove|taught|upheld|won|wound';

// Present perfect ("has resigned", "have met") and the adverbs of time past are past too.
// "had until Friday" tells a deadline of the past; "has until Friday" one to come (the "until" cue above).
const PAST_SOURCE = `had\\s+(?:until|till)|(?:has|have|had)\\s+(?:not\\s+|also\\s+|already\\s+|since\\s+)?(?:been\\s+)?(?!to\\b|until\\b|till\\b|scheduled\\b|planned\\b|set\\b|agreed\\b|promised\\b|vowed\\b|decided\\b)[a-z]+|${IRREGULAR_PAST}|ago|last|earlier|yesterday|[a-z]{2,}ed`;

// News tells a timetable in the simple present ("The talks resume Thursday", "Voters go to the polls on Sunday",
// "Ohio holds its primary on Tuesday", "the court hears the case Monday"): verbs of scheduled events, in forms that
// are seldom nouns, count as future in a sentence of running text.
const SCHEDULED_PRESENT_SOURCE =
  '(?:continue|continues|resume|resumes|reconvene|reconvenes|convene|convenes|meet|meets|begin|begins|arrive|arrives|travel|travels|go|goes|fly|flies|depart|departs|kick\\s+off|kicks\\s+off|testify|testifies|compete|competes|take\\s+effect|takes\\s+effect|get\\s+under\\s+way|gets\\s+under\\s+way|' +
  'hold|holds|hosts|opens|closes|faces|heads|visits|hears|wraps\\s+up|takes\\s+office|takes\\s+over|goes\\s+on\\s+trial|stands\\s+trial|tees\\s+off|opens\\s+(?:up\\s+)?to|debuts|premieres|airs)';

const CUE_RE = new RegExp(`\\b(?:(${FUTURE_SOURCE})|(${PAST_SOURCE}))\\b`, 'gi');
// Not an infinitive or a verb after an auxiliary ("for Sun to meet demand", "did not meet"), which carry no tense.
const SCHEDULED_RE = new RegExp(`(?<!\\b(?:to|not|did|does|do|can|could|may|might|must|should|would|will|and|or)\\s)\\b${SCHEDULED_PRESENT_SOURCE}\\b`, 'gi');
// A headline's "X to do Y" is its future ("Minister to Visit Ankara Friday").
const HEADLINE_TO_RE = /(?<=[A-Za-z]\s)to\s+(?!the\b|a\b|an\b|be\b)[A-Za-z]+/gi;

/** A headline: a line of text with no sentence-final punctuation, standing alone. */
function isHeadline(text: string, sentence: Span): boolean {
  const s = text.slice(sentence.start, sentence.end).trim();
  return s.length > 0 && s.length < 160 && !/[.!?:"'\u201d)]$/.test(s) && !s.includes('\n');
}

// Words in -ed that are not past verbs.
const NOT_PAST = /^(?:need|indeed|hundred|speed|feed|seed|breed|proceed|exceed|succeed|bed|red|shed|embed|hatred|sacred|naked|wicked|kindred|creed|greed|weed|steed|deed|reed|sled|shred|wed|fled)$/i;

// Clause edges the expression's verb does not cross: semicolons, dashes, colons, quotation marks, a comma that
// opens a new clause ("..., but", "..., while", "..., officials said").
// A conjunction before a new verb group ("met him on Monday and will see her Sunday") opens the next conjunct.
const BOUNDARY_RE =
  /[;:]|\s--\s|\s_\s|["\u201c\u201d]|``|''|,\s+(?:but|while|although|though|because|whereas|and\s+then|which|who|whose|where|when|after|before|since|as)\b|\s(?:and|but|or)\s+(?=(?:will|would|shall|is|are|was|were|has|have|had|plans?|expects?)\b)/gi;

/** The part of the sentence around [start, end) not separated from it by a clause boundary. */
function clauseAround(text: string, sentence: Span, start: number, end: number): Span {
  let from = Math.max(sentence.start, start - 90);
  // A fronted time ("On Tuesday, the league of ... plans to") waits for a verb after a long subject.
  const fronted = /^\s*(?:(?:on|by|until|since|early|late|last|next|this)\s+)?$/i.test(text.slice(sentence.start, start));
  let to = Math.min(sentence.end, end + (fronted ? 140 : 60));
  BOUNDARY_RE.lastIndex = 0;
  const back = text.slice(from, start);
  let cut = 0;
  let relative = false;
  for (let m = BOUNDARY_RE.exec(back); m; m = BOUNDARY_RE.exec(back)) {
    cut = m.index + m[0].length;
    relative = /^,\s+(?:which|who|whose|where)$/i.test(m[0]);
  }
  from += cut;
  BOUNDARY_RE.lastIndex = 0;
  const m = BOUNDARY_RE.exec(text.slice(end, to));
  if (m) to = end + m.index;
  // A relative clause set off by commas ("Ohio, which votes Tuesday, ...") ends at its closing comma: the verb after
  // it belongs to the main clause.
  const comma = relative ? text.slice(end, to).indexOf(',') : -1;
  if (comma >= 0) to = end + comma;
  return { start: from, end: to };
}

// A date something is set or moved to lies ahead, whatever the tense of the setting ("the hearing was moved to
// Friday", "extended the offer to Nov. 20", a headline's "Marathon Set for Sunday"): nobody sets a meeting or a
// deadline on a day that has passed.
const SET_FOR_RE =
  /\b(?:set|reset|rescheduled|moved|pushed\s+back|brought\s+forward|postponed|delayed|put\s+off|extended|adjourned|deferred)(?:\s+(?:the|a|an|its|their|his|her|this)(?:\s+[a-z'-]+){1,3}?)?\s+(?:until|till|to|for)\s+(?:(?:next|this|the\s+coming|coming)\s+)?$/i;

/**
 * Tense of the verb nearest the expression inside its clause: "said Tuesday that it will ..." is past because
 * "said" is closer than "will"; "The council will vote on Tuesday, officials said" is future because the comma
 * clause "officials said" comes after. A verb after the expression counts as a little further than one before,
 * since English puts the verb first ("resigned on Monday").
 */
export function tenseAround(text: string, sentence: Span, start: number, end: number): Tense {
  if (SET_FOR_RE.test(text.slice(Math.max(sentence.start, start - 60), start))) return 'future';
  const clause = clauseAround(text, sentence, start, end);
  let best: Tense = 'unknown';
  let bestDistance = Infinity;
  const scan = (from: number, to: number, after: boolean): void => {
    const slice = text.slice(from, to);
    CUE_RE.lastIndex = 0;
    for (let m = CUE_RE.exec(slice); m; m = CUE_RE.exec(slice)) {
      const word = m[0];
      if (m[2]) {
        // Capitalised "-ed" words are names ("United", "Ahmed"), not past verbs.
        if (/^[A-Z]/.test(word) && /ed$/.test(word) && !/^(?:Said|Announced|Reported|Declared)$/.test(word)) continue;
        if (NOT_PAST.test(word)) continue;
        // A participle inside a noun phrase is an adjective: "a still unspecified date", "the proposed merger".
        if (/ed$/i.test(word) && /\b(?:a|an|the|its|their|his|her|this|that|these|those|our|your)\s+(?:[a-z]+ly\s+|still\s+|newly\s+|so-)?$/i.test(slice.slice(Math.max(0, m.index - 30), m.index))) continue;
      }
      // Capitalised, "May" is the month ("in May and June"), not the modal.
      if (m[1] && /^May\b/.test(word)) continue;
      const mStart = from + m.index;
      const mEnd = mStart + word.length;
      // "planned a rally on Saturday" looks forward; "On Friday, officials planned to" dates the planning.
      if (m[1] && after && /^(?:plann|next|coming)/i.test(word)) continue;
      const distance = after ? mStart - end + 10 : start - mEnd;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = m[1] ? 'future' : 'past';
      }
    }
  };
  scan(clause.start, start, false);
  scan(end, clause.end, true);
  // Present-tense schedules read as future only in running text: a headline's present tells what happened too.
  const headline = isHeadline(text, sentence);
  const extra = (re: RegExp, from: number, to: number, after: boolean): void => {
    const slice = text.slice(from, to);
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      const mStart = from + m.index;
      const distance = after ? mStart - end + 10 : start - (mStart + m[0].length);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = 'future';
      }
    }
  };
  const lists = headline ? [HEADLINE_TO_RE] : [SCHEDULED_RE];
  for (const re of lists) {
    extra(re, clause.start, start, false);
    extra(re, end, clause.end, true);
  }
  return best;
}
