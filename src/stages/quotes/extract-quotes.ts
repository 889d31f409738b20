// Direct, partial and indirect quotes with cue, speaker span, canonical speaker and how the speaker was found.
import type { Layers, QuoteKind, QuoteSpan, SpeakerHow } from '../../core/article.js';
import type { Span } from '../../core/span.js';
import { lastSpanStartingAtOrBefore, trimSpan } from '../../core/span.js';
import { tokenize, type Token } from '../../core/tokenize.js';
import { CLAUSE_VERBS, CUE_AUXILIARIES, CUE_VERBS, HEARER_VERBS, LABEL_VERBS, OBJECT_VERBS, QUOTE_ONLY_VERBS } from './cue-lexicon.js';
import { attributionFeatures, attributionProbability, type FeatureContext } from './attribution-model.js';
import { CLOSED_CLASS, cueProbability, WORD_GATE, wordClusters } from './cue-classifier.js';
import { contentCuts, cutContent, type ContentCut } from './content-end.js';
import { LEARNED_CUES, type CueModel } from './cue-model.js';
import { findNameMentions, type Gender, type NameIndex, type NameMention } from './find-name-mentions.js';
import { findQuoteRegions, type QuoteRegion } from './find-quote-regions.js';
import { boundSource, sourceBounds, type SourceBound } from './source-bounds.js';
import {
  isRelative,
  phraseAfterCue,
  phraseBeforeCue,
  relativeAntecedent,
  resolvePhrase,
  type Discourse,
  type SpeakerHistoryEntry,
  type SpeakerSettings,
} from './resolve-speaker.js';

export interface QuotesConfig extends SpeakerSettings {
  /** A direct quote with no cue takes the previous quote's speaker when at most this many paragraphs lie between. */
  readonly runningParagraphs: number;
  /** Partial quotes with no cue in their sentence and at most this many words are scare quotes or titles. */
  readonly scareQuoteWords: number;
  /** Emit indirect speech ("X said that ...", "according to X"). */
  readonly indirect: boolean;
  /** How many tokens after a closing mark the cue may sit ("," he said). */
  readonly trailerCueTokens: number;
  /**
   * A direct quote with no cue and no running speaker, at most this many words and no final stop is a title, slogan
   * or sign ("Make America Great Again"), not a quotation, and is dropped, as are those of at most scareQuoteWords
   * words (PolNeAR train: 91 of 104 such were not attributions; finished sentences of 5-10 words are kept).
   */
  readonly orphanQuoteWords: number;
  /**
   * A lower-case word that was inside an annotated cue at least this share of the times it was seen (learned
   * weights, cue-model.ts) reports speech or belief with its subject as source and its object or clause as content
   * ("Ruiz endorsed the plan", "Ruiz believes the pier is doomed"); the cue precision filter (minCuePrecision) then
   * drops the cues whose attributions were mostly wrong. Above 1 turns this off.
   */
  readonly learnedCueRate: number;
  /**
   * A prose (indirect) attribution is kept only when its cue's learned precision (cue-model.ts: the share of such
   * attributions PolNeAR train found right, content and speaker) reaches this. Adding an item of precision p raises
   * an F1 of F when p > F/2, so with the speaker F1 near 0.55 the bar is about 0.3. 0 keeps all.
   */
  readonly minCuePrecision: number;
  /**
   * With a learned attribution model (cue-model.ts), a prose attribution with a speaker is kept only when the model
   * gives it at least this probability of content and speaker both right, in place of the cue precision filter. Adding
   * an item of precision p raises an F1 of F when p > F/2. 0 keeps all.
   */
  readonly minAttributionProbability: number;
  /**
   * A lower-case word and the preposition after it that ended an annotated cue at least this share of the times the
   * pair was seen (learned phrase rows, cue-model.ts: "criticism of", "support for", "referring to") report a stance
   * whose content is the preposition's object and whose source is the word's possessor or the clause subject; the
   * attribution model then judges each. Above 1 turns this off.
   */
  readonly learnedPhraseRate: number;
  /**
   * A lower-case word the learned cue proposer (cue-classifier.ts) gives at least this probability of heading a cue is
   * read as a learned cue too, however rarely its own word was seen: its subject as source, its object or clause as
   * content, judged then by the attribution model. Above 1 turns the proposer off. Chosen on the train fold
   * (scripts/tune-cue-proposer.ts: speaker F1 0.5739 off, 0.5792 at 0.5, 0.5778 at 0.35, 0.5790 at 0.25, 0.5775 at 0.15).
   */
  readonly minCueProbability: number;
  /**
   * Prose content after its cue ends at the first cut point the content-end model (content-end.ts) gives at least this
   * probability of being the content's end. Chosen on the train fold (scripts/tune-cue-proposer.ts with this setting:
   * speaker F1 0.5724 at 0.3, 0.5769 at 0.4, 0.5775 at 0.5, 0.5780 at 0.6): kept at one half.
   */
  readonly contentEndProbability: number;
}

export const QUOTES_DEFAULTS: QuotesConfig = {
  maxPhraseTokens: 9,
  pronounReach: 1500,
  runningParagraphs: 1,
  scareQuoteWords: 4,
  indirect: true,
  trailerCueTokens: 28,
  orphanQuoteWords: 10,
  learnedCueRate: 0.1,
  minCuePrecision: 0.3,
  minAttributionProbability: 0.25,
  learnedPhraseRate: 0.15,
  minCueProbability: 0.5,
  contentEndProbability: 0.5,
};


interface Candidate {
  readonly content: Span;
  readonly kind: QuoteKind;
  readonly cue: Span | null;
  readonly phrase: Span | null;
  /** Paragraph index of the content start, for running speakers. */
  readonly paragraph: number;
}

interface Doc {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly paragraphs: readonly Span[];
  readonly sentences: readonly Span[];
  readonly names: NameIndex;
  readonly cues: CueModel;
  /** Bench-only: told where a cue word that passed the cue gate was dropped before it made a candidate. */
  readonly trace: CueTrace | null;
}

/** Why a cue word that passed the gate made no prose candidate (scripts/quote-losses.ts counts these). */
export type CueDrop = 'blocked' | 'no-source' | 'no-content';
export type CueTrace = (cue: Span, drop: CueDrop) => void;

/** Index of the first token starting at or after `offset`. */
function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid]?.start ?? Infinity) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sentenceAt(doc: Doc, offset: number): Span {
  const s = doc.sentences[lastSpanStartingAtOrBefore(doc.sentences, offset)];
  if (s && offset <= s.end) return s;
  const p = doc.paragraphs[lastSpanStartingAtOrBefore(doc.paragraphs, offset)];
  return p ?? { start: 0, end: doc.text.length };
}

/** Reporting verbs are lower-case: "States" and "Reports" in names or headlines are not cues. */
const isCue = (t: Token | undefined): boolean =>
  t !== undefined && (/^\p{Ll}/u.test(t.text) ? CUE_VERBS.has(t.text) : CAPITAL_CUES.has(t.text));
const CAPITAL_CUES = new Set(['Said', 'Says', 'Added', 'Asked', 'Told', 'Wrote', 'Writes', 'Tweeted', 'Insisted']);
const isAccording = (tokens: readonly Token[], i: number): boolean =>
  tokens[i]?.text.toLowerCase() === 'according' && tokens[i + 1]?.text.toLowerCase() === 'to';

const ABBREVIATION = /^\p{Lu}$|^(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Rev|Prof|Del)$/u;

interface CueHit {
  readonly cue: Span;
  readonly phrase: Span | null;
}

const PHRASAL_CUE = /^(?:went on|goes on|shot back|shoots back|fired back|fires back|chimed in|weighed in|spoke up)$/;

/** "the report stated", "a new study found": a reporting word after a determiner is the noun, not the cue. */
function nounUse(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || !/^(?:report|reports|post|posts|statement|tweet|tweets|email|emails|claim|claims|estimate|estimates|promise|promises|answer|answers|reply|replies|charge|charges|counter|remarks|warning|warnings|note|notes|find|finds|show|shows|state|states)$/.test(t.text)) return false;
  return /^(?:the|a|an|this|that|its|his|her|their|our|new|latest|earlier|news|recent|whose)$/i.test(tokens[i - 1]?.text ?? '');
}

/** `,” he said` / `,” said Anna Kowal` / `,” according to the ministry`: the cue right after a closing mark. */
function cueAfter(doc: Doc, from: number, limit: number, config: QuotesConfig): CueHit | null {
  const { tokens } = doc;
  let i = tokenAt(tokens, from);
  const ceiling = tokenAt(tokens, limit);
  while (i < ceiling && /^[,\u2014\u2013-]$/.test(tokens[i]?.text ?? '')) i++;
  const first = i;
  for (let n = 0; i < ceiling && n < config.trailerCueTokens; i++, n++) {
    const t = tokens[i];
    if (t?.text === '(') {
      // Skip a short parenthetical: "Rep. Ann Bell (D-Ore.) said".
      const close = tokens.slice(i, i + 8).findIndex((x) => x.text === ')');
      if (close > 0) {
        i += close;
        continue;
      }
    }
    if (!t || /^[;!?"“”«»]$/.test(t.text)) return null;
    if (t.text === '.' && !ABBREVIATION.test(tokens[i - 1]?.text ?? '')) return null;
    if (isAccording(tokens, i)) {
      const phrase = phraseAfterCue(tokens, i + 1, ceiling, config);
      return { cue: { start: t.start, end: tokens[i + 1]?.end ?? t.end }, phrase };
    }
    // `," he went on.` / `," she shot back.`: these report speech only right after a quotation.
    if ((isCue(t) && !nounUse(tokens, i)) || PHRASAL_CUE.test(`${t.text} ${tokens[i + 1]?.text ?? ''}`)) {
      const before = i > first ? phraseBeforeCue(tokens, i, first, config) : null;
      const phrase = before ?? phraseAfterCue(tokens, i, ceiling, config);
      return { cue: { start: t.start, end: t.end }, phrase };
    }
  }
  return null;
}

/** `Anna Kowal said:` / `according to the ministry,` / `called the plan`: the last cue before an opening mark. */
function cueBefore(doc: Doc, floor: number, to: number, config: QuotesConfig, verbs: (t: Token) => boolean): CueHit | null {
  const { tokens } = doc;
  const lo = tokenAt(tokens, floor);
  for (let i = tokenAt(tokens, to) - 1; i >= lo; i--) {
    const t = tokens[i];
    if (!t) continue;
    if (t.text.toLowerCase() === 'to' && tokens[i - 1]?.text.toLowerCase() === 'according') {
      const ceiling = tokenAt(tokens, to);
      return { cue: { start: tokens[i - 1]?.start ?? t.start, end: t.end }, phrase: phraseAfterCue(tokens, i, ceiling, config) };
    }
    if (verbs(t) && !nounUse(tokens, i)) {
      // ", saying ...": the participle's subject opens the sentence; what follows it is content, not a speaker.
      const participle = /ing$/.test(t.text) && followsComma(tokens, i);
      // The participle's subject may sit before an earlier quotation in the same sentence (`X told Y that "...", adding, "..."`).
      const sentenceStart = Math.min(lo, tokenAt(tokens, sentenceAt(doc, t.start).start));
      const phrase = participle
        ? participleSubject(doc, i, sentenceStart) ?? phraseBeforeCue(tokens, i, lo, config)
        : phraseBeforeCue(tokens, i, lo, config) ?? phraseAfterCue(tokens, i, tokenAt(tokens, to), config) ?? participleSubject(doc, i, lo);
      return { cue: { start: t.start, end: t.end }, phrase };
    }
  }
  return null;
}

/** `.” ― Ana Ruiz`: a dash and a name after the closing mark sign the quote (readers' letters, social posts). */
function dashAfter(doc: Doc, from: number, config: QuotesConfig): CueHit | null {
  const { tokens } = doc;
  const i = tokenAt(tokens, from);
  const dash = tokens[i];
  if (!dash || !/^[\u2015\u2014\u2013-]$/.test(dash.text) || /\S/.test(doc.text.slice(from, dash.start).replace(/[,.]/g, ''))) return null;
  if (!/^\p{Lu}/u.test(tokens[i + 1]?.text ?? '')) return null;
  const para = doc.paragraphs[lastSpanStartingAtOrBefore(doc.paragraphs, dash.start)];
  const phrase = phraseAfterCue(tokens, i, tokenAt(tokens, para?.end ?? doc.text.length), config);
  return phrase ? { cue: { start: dash.start, end: dash.end }, phrase } : null;
}

/**
 * `The Norvik Gazette reports:` or `Ana Ruiz, in her letter:` right before the quote, in its sentence or
 * ending the paragraph before: the cue verb there, else the colon itself with the sentence's first name.
 */
function colonLead(doc: Doc, floor: number, open: number, config: QuotesConfig): CueHit | null {
  const lead = doc.text.slice(floor, open).trimEnd();
  let colonAt: number;
  if (lead.endsWith(':')) colonAt = floor + lead.length - 1;
  else {
    if (lead.length) return null;
    const p = lastSpanStartingAtOrBefore(doc.paragraphs, open);
    const para = doc.paragraphs[p];
    const prev = doc.paragraphs[p - 1];
    if (!para || !prev || para.start < open - 1 || !doc.text.slice(prev.start, prev.end).trimEnd().endsWith(':')) return null;
    colonAt = doc.text.lastIndexOf(':', prev.end);
  }
  const sentence = sentenceAt(doc, colonAt);
  const hit = cueBefore(doc, sentence.start, colonAt, config, isCue);
  if (hit?.phrase) return hit;
  // A headline in capitals is not a name; "Continued Stone:" opens with a reporting verb, not a first name.
  const inLead = doc.names.mentions.filter((m) => m.start >= sentence.start && m.end <= colonAt && !/^[^\p{Ll}]*\p{Lu}{2,}[^\p{Ll}]*\s[^\p{Ll}]*$/u.test(doc.text.slice(m.start, m.end)));
  const name = inLead.find((m) => m.type === 'PERSON') ?? inLead[0];
  if (!name) return null;
  const verb = /^(\p{Lu}\p{Ll}+)\s+/u.exec(doc.text.slice(name.start, name.end));
  const start = verb && CUE_VERBS.has((verb[1] ?? '').toLowerCase()) ? name.start + verb[0].length : name.start;
  return { cue: { start: colonAt, end: colonAt + 1 }, phrase: { start, end: name.end } };
}

/** A comma right before token i, also inside a closing quotation mark (`maniacal,” adding`). */
function followsComma(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1]?.text;
  return prev === ',' || (/^["”’']$/.test(prev ?? '') && tokens[i - 2]?.text === ',');
}

/** "Ruiz claimed victory in a post, saying: ...": a participle cue takes the subject that opens the sentence. */
function participleSubject(doc: Doc, cue: number, floor: number): Span | null {
  const { tokens } = doc;
  if (!/ing$/.test(tokens[cue]?.text ?? '') || !followsComma(tokens, cue)) return null;
  // "..., the Norvik Herald reported, citing two officials": the participle hangs on the reporting clause right
  // before it, whose subject is the channel that cites.
  const verb = cue - 2;
  if (tokens[cue - 1]?.text === ',' && isCue(tokens[verb]) && tokens[verb - 1]?.text !== ',') {
    const reporter = phraseBeforeCue(tokens, verb, floor, QUOTES_DEFAULTS);
    if (reporter && /^,$/.test(tokens[tokenAt(tokens, reporter.start) - 1]?.text ?? '')) return reporter;
  }
  return sentenceSubject(doc, cue, floor);
}

/** "Ruiz disputed the figures but says ...": a cue coordinated after "and"/"but"/"then" shares the sentence subject. */
function coordinatedSubject(doc: Doc, cue: number, floor: number): Span | null {
  const { tokens } = doc;
  let k = cue - 1;
  while (k > floor && CUE_AUXILIARIES.has(tokens[k]?.text.toLowerCase() ?? '')) k--;
  if (!/^(?:and|but|then|yet)$/i.test(tokens[k]?.text ?? '')) return null;
  return sentenceSubject(doc, cue, floor);
}

/** Words between a subject and its cue that the auxiliary list does not hold ("is continuing to insist", "are more likely to say"). */
const VERB_CHAIN = /^(?:to|been|being|likely|unlikely|more|less|able|ready|quick|quicker|eager|trying|continuing|going|beginning|starting|seeking|expected|set|about|certain|sure|willing|careful)$/;

/** A lower-case adverb in a verb chain ("eventually learned", "partly blamed"). */
const ADVERB = /^\p{Ll}{3,}ly$/u;
const CONTRACTED_PRONOUN = /^(he|she|they|we|i|it|you)[’'](?:s|re|ll|ve|d|m)$/i;

/**
 * The subject of a cue that the phrase rules could not read ("Six in 10 say", "A court document filed Thursday says",
 * "He’s been hoping"): the words from the clause start (sentence start, comma, semicolon, dash or clause word) to the
 * verb chain before the cue, when they are few and open like a noun phrase.
 */
function clauseSubject(doc: Doc, cue: number, lo: number): Span | null {
  const { tokens } = doc;
  let k = cue - 1;
  for (let n = 0; k >= lo && n < 6 && (CUE_AUXILIARIES.has(tokens[k]?.text.toLowerCase() ?? '') || VERB_CHAIN.test(tokens[k]?.text.toLowerCase() ?? '') || ADVERB.test(tokens[k]?.text ?? '')); n++) k--;
  const last = tokens[k];
  if (k < lo || !last) return null;
  const contracted = CONTRACTED_PRONOUN.exec(last.text);
  if (contracted) return { start: last.start, end: last.start + (contracted[1]?.length ?? 0) };
  // A noun phrase does not end in a preposition or determiner ("a flurry of tweets": "tweets" is a noun there).
  if (/^(?:of|a|an|the|in|on|at|for|with|by|from|into|his|her|their|its|our|my|your|this|these|those)$/i.test(last.text)) return null;
  let j = k;
  while (j - 1 >= lo && k - j < 12) {
    const w = tokens[j - 1]?.text ?? '';
    if (/^[,;:"“”()[\]!?]$/.test(w) || (w === '.' && !ABBREVIATION.test(tokens[j - 2]?.text ?? '')) || /^(?:that|and|but|because|while|when|if|although|though|since|so|or|where|which|who|than)$/.test(w)) break;
    j--;
  }
  if (k - j >= 12) return null;
  const first = tokens[j];
  if (!first || !/^(?:\p{Lu}|\p{N}|(?:more|most|half|majorities|nearly|about|almost|many|some|several|few|both|all)$)/u.test(first.text)) return null;
  // The lead-in of a quotation or an opening adverbial ("On Monday") is not a subject.
  if (/^(?:On|In|At|After|Before|During|Since|For|With|By|From|To|As|If|When|While|Asked|According)$/.test(first.text)) return null;
  // "Trump has raised questions about", "Clinton avoided all mention of": a phrase cue's subject ends before its verb.
  // After a determiner an "-ed" word is a participle modifier ("A council filing released Tuesday says").
  const npEnd = subjectPhraseEnd(tokens, j, k + 1);
  const stop = tokens[npEnd + 1]?.text ?? '';
  if (npEnd >= k || (/^(?:a|an|the|this|that|these|those)$/i.test(first.text) && /ed$/.test(stop))) return { start: first.start, end: last.end };
  return { start: first.start, end: tokens[npEnd]?.end ?? last.end };
}

/** Words opening an adverbial or participle clause before the subject: prepositions, time phrases, "-ing" forms. */
const OPENING_ADVERBIAL =
  /^(?:on|in|at|after|before|during|earlier|last|this|since|with|for|from|while|when|following|despite|amid|hours|days|weeks|months|moments|minutes|shortly|\p{Lu}\p{Ll}{3,}ing)$/iu;

/** Whether an offset falls inside a typed name mention ("Manning", "King" are names, not participles). */
function insideName(doc: Doc, offset: number): boolean {
  const m = doc.names.mentions[lastSpanStartingAtOrBefore(doc.names.mentions, offset)];
  return m !== undefined && offset >= m.start && offset < m.end && m.type !== 'UNKNOWN';
}

/**
 * "VELMORA (Nordwire) — Ruiz ...", "Velmora, Norvik — Ruiz ...": a dateline of capitalised words (and an agency in
 * brackets) ending in a dash opens the sentence; the subject comes after the dash.
 */
function afterDateline(tokens: readonly Token[], at: number, cue: number): number {
  for (let j = at; j < Math.min(cue, at + 9); j++) {
    const w = tokens[j]?.text ?? '';
    if (/^(?:\u2014|\u2013|--|-)$/.test(w)) return j > at ? j + 1 : at;
    if (!/^(?:\p{Lu}|[(),.])/u.test(w)) return at;
  }
  return at;
}

/** The subject opening the sentence: a pronoun, or a name with the capitalised titles before it. */
function sentenceSubject(doc: Doc, cue: number, floor: number): Span | null {
  const { tokens } = doc;
  let at = floor;
  while (at < cue && /^(?:but|and|so|yet|still|instead|then|later|meanwhile|also)$/i.test(tokens[at]?.text ?? '')) at++;
  // `"It is over," Ruiz said, adding ...`: a quotation opening the sentence is not its subject.
  if (OPENING_MARK.test(tokens[at]?.text ?? '')) {
    const pair = tokens[at]?.text === "'" && tokens[at + 1]?.text === "'";
    let j = at + (pair ? 2 : 1);
    while (j < cue && !(CLOSING_MARK.test(tokens[j]?.text ?? '') && (!pair || tokens[j + 1]?.text === "'"))) j++;
    if (j < cue) at = j + (pair ? 2 : 1);
    while (at < cue && /^[,\u2014\u2013-]$/.test(tokens[at]?.text ?? '')) at++;
  }
  at = afterDateline(tokens, at, cue);
  // "On Monday, Ruiz ...", "Hours later, Ruiz ...", "Speaking in Velmora, Ruiz ...": an opening adverbial or
  // participle clause up to its comma is not the subject.
  const opener = tokens[at]?.text ?? '';
  if (OPENING_ADVERBIAL.test(opener) && !(/ing$/.test(opener) && insideName(doc, tokens[at]?.start ?? 0))) {
    const comma = tokens.slice(at, Math.min(cue, at + 20)).findIndex((t) => t.text === ',');
    if (comma > 0) at += comma + 1;
  }
  const first = tokens[at];
  if (!first) return null;
  if (/^(?:he|she|they|it|we|i)$/i.test(first.text)) return { start: first.start, end: first.end };
  // "Republican front-runner Donald Trump is insisting", "Trump at the time said": the subject noun phrase runs to
  // the first verb-like word, and its last person name ends it.
  const npEnd = tokens[subjectPhraseEnd(tokens, at, cue)]?.end ?? first.end;
  const person = doc.names.mentions.filter((m) => m.start >= first.start && m.end <= npEnd && m.type === 'PERSON').pop();
  if (person) return { start: first.start, end: person.end };
  // The name may follow a run of capitalised titles ("Former Secretary of State Madeleine Albright").
  let titles = at;
  while (titles < cue && titles - at < 8 && /^(?:\p{Lu}|of$|the$|\.$)/u.test(tokens[titles + 1]?.text ?? '')) titles++;
  const reach = tokens[Math.max(at + 3, titles)]?.start ?? first.start;
  const name = doc.names.mentions.find((m) => m.start >= first.start && m.start <= reach);
  if (!name || name.end > (tokens[cue]?.start ?? 0)) return determinerSubject(tokens, at, cue);
  // A subject in capitals from the sentence start ("Harbour Police Chief Arvid Soll") is taken whole.
  let run = at;
  while (run + 1 < cue && /^(?:\p{Lu}|\.$|of$)/u.test(tokens[run + 1]?.text ?? '')) run++;
  const runEnd = tokens[run]?.end ?? name.end;
  if (/^\p{Lu}/u.test(first.text) && runEnd >= name.end) return { start: first.start, end: runEnd };
  return { start: name.start, end: name.end };
}

const OPENING_MARK = /^["“'‘«]$/;
const CLOSING_MARK = /^["”'’»]$/;

/** Last token of the noun phrase opening at `at`: stops before punctuation, a verb-like word or a clause word. */
function subjectPhraseEnd(tokens: readonly Token[], at: number, cue: number): number {
  let end = at;
  while (end + 1 < cue && end - at < 12) {
    const w = tokens[end + 1]?.text ?? '';
    const lw = w.toLowerCase();
    if (/^[,;:()"“”!?]$/.test(w) || (w === '.' && !ABBREVIATION.test(tokens[end]?.text ?? ''))) break;
    // "Jeb Bush and Chris Christie say": "and" joins names.
    if (lw === 'and' && /^\p{Lu}/u.test(tokens[end + 2]?.text ?? '')) {
      end++;
      continue;
    }
    const verbLike = (/(?:ed|ly)$/.test(lw) && !lw.includes('-')) || PAST_VERBS.test(lw) || CUE_VERBS.has(lw) || CUE_AUXILIARIES.has(lw);
    if (/^\p{Ll}/u.test(w) && (verbLike || /^(?:and|or|nor|who|which|that|but|whose)$/.test(lw))) break;
    end++;
  }
  return end;
}

/**
 * "Ruiz asked workers if they would strike", "Asked by Ruiz whether ...": the question from its wh-word to the
 * clause end; the asker is the subject before the cue, or the "by" phrase after it.
 */
function askedCandidate(doc: Doc, i: number, lo: number, hi: number, sentence: Span, config: QuotesConfig): Omit<Candidate, 'paragraph'> | null {
  const { tokens, text } = doc;
  const t = tokens[i];
  if (!t) return null;
  let j = i + 1;
  let by: Span | null = null;
  if (tokens[j]?.text === 'by') {
    by = phraseAfterCue(tokens, j, hi, config);
    if (by) j = tokenAt(tokens, by.end);
  }
  const limit = Math.min(hi, j + 10);
  while (j < limit && !/^(?:if|whether|how|why|what|who|whom|when|where|about)$/i.test(tokens[j]?.text ?? '')) {
    if (/^[,;:.!?"“”]$/.test(tokens[j]?.text ?? '')) return null;
    j++;
  }
  const wh = tokens[j];
  if (j >= limit || !wh) return null;
  // "Asked if ..., Ruiz said": an opening "asked" clause ends at its comma.
  const opening = i - lo <= 1;
  const stop = (opening ? /,/ : CLAUSE_STOP).exec(text.slice(wh.start, sentence.end));
  const end = stop ? wh.start + stop.index : stripFinal(text, sentence);
  const content = trimSpan(text, { start: wh.start, end });
  if (content.end - content.start < 8) return null;
  const phrase = by ?? phraseBeforeCue(tokens, i, lo, config);
  return { content, kind: 'indirect', cue: { start: t.start, end: t.end }, phrase };
}

const PAST_VERBS = /^(?:began|took|made|gave|said|told|went|came|met|put|set|ran|won|lost|held|sent|left|kept|brought|thought|sought|wrote|spoke|became|got|saw|knew|found|paid|has|have|had|is|are|was|were|will|would|could|can|also|again|then|later)$/;

/** "Several Democrats warned ..., saying": a determiner-led subject runs to its verb. */
function determinerSubject(tokens: readonly Token[], at: number, cue: number): Span | null {
  const first = tokens[at];
  if (!first || !/^(?:the|a|an|other|several|many|some|most|two|three|four|both|all|few|these|those|critics|officials|analysts|experts)$/i.test(first.text)) return null;
  let j = at + 1;
  while (j < cue && j - at < 7) {
    const w = tokens[j]?.text ?? '';
    if (!/^[\p{L}\p{N}'’-]+$/u.test(w) || /(?:ed|ing|ly)$/.test(w) || PAST_VERBS.test(w.toLowerCase()) || CUE_VERBS.has(w.toLowerCase())) break;
    j++;
  }
  const last = tokens[j - 1];
  return j - at >= 2 && j < cue && last ? { start: first.start, end: last.end } : null;
}

function classify(doc: Doc, region: QuoteRegion, floor: number): QuoteKind {
  const before = doc.text.slice(floor, region.open.start).trimEnd();
  const startsUpper = /^\s*[^\p{Ll}]/u.test(doc.text.slice(region.content.start, region.content.end));
  if (!before || /[:(]$/.test(before)) return 'direct';
  // After a comma or dash a lower-case start continues the reporter's sentence: a partial quote.
  if (/[,;\u2014\u2013-]$/.test(before)) return startsUpper ? 'direct' : 'partial';
  const lastWord = /([\p{L}]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
  if (CUE_VERBS.has(lastWord) && startsUpper) return 'direct';
  if (/[.!?]$/.test(before)) return 'direct';
  return 'partial';
}

/** `"We will stay,"`: the comma belongs to the reporting sentence, not to the words quoted. */
function withoutTrailingComma(text: string, span: Span): Span {
  return /[,;:]$/.test(text.slice(span.end - 1, span.end)) ? trimSpan(text, { start: span.start, end: span.end - 1 }) : span;
}

function directCandidates(doc: Doc, regions: readonly QuoteRegion[], config: QuotesConfig): Candidate[] {
  const out: Candidate[] = [];
  regions.forEach((region, r) => {
    const prev = regions[r - 1];
    const next = regions[r + 1];
    const sOpen = sentenceAt(doc, region.open.start);
    const floor = Math.max(sOpen.start, prev?.close?.end ?? prev?.content.end ?? 0);
    const kind = classify(doc, region, floor);
    const content = withoutTrailingComma(doc.text, trimSpan(doc.text, region.content));
    if (content.end <= content.start) return;
    const paragraph = lastSpanStartingAtOrBefore(doc.paragraphs, content.start);
    const closeEnd = region.close?.end ?? region.content.end;
    const sClose = sentenceAt(doc, Math.max(closeEnd - 1, 0));
    // The trailer may run past a sentence break the splitter put inside "(D-S.C.)"; cueAfter stops at real ends.
    const paraEnd = doc.paragraphs[lastSpanStartingAtOrBefore(doc.paragraphs, Math.max(closeEnd - 1, 0))]?.end ?? doc.text.length;
    const trailerEnd = Math.min(next ? next.open.start : Infinity, Math.max(sClose.end, paraEnd));
    const words = wordsIn(doc.text, content);
    if (kind === 'direct') {
      // `Ruiz said: "We stay." He added ...`: a quote that ends its sentence after a lead ending in "," or ":"
      // belongs to the cue before it; a cue after it would be in the next sentence.
      const lead = doc.text.slice(floor, region.open.start);
      // `..., saying, "A," but he denied ...`: a cue word right before the mark introduces this quote.
      const cueRightBefore = CUE_VERBS.has((/(\p{Ll}+)\s*[,:]\s*$/u.exec(lead)?.[1] ?? ''));
      const leadFirst = (/[.!?]$/.test(doc.text.slice(content.start, content.end)) && /[,:]\s*$/.test(lead)) || cueRightBefore;
      const hit =
        (leadFirst ? cueBefore(doc, floor, region.open.start, config, isCue) : null) ??
        cueAfter(doc, closeEnd, trailerEnd, config) ??
        cueBefore(doc, floor, region.open.start, config, isCue) ??
        dashAfter(doc, closeEnd, config) ??
        colonLead(doc, floor, region.open.start, config);
      out.push({ content, kind, cue: hit?.cue ?? null, phrase: hit?.phrase ?? null, paragraph });
      return;
    }
    const labelOrCue = (t: Token): boolean => isCue(t) || LABEL_VERBS.has(t.text.toLowerCase());
    const hit = cueBefore(doc, sOpen.start, region.open.start, config, labelOrCue) ?? cueAfter(doc, closeEnd, trailerEnd, config);
    if (!hit && words <= config.scareQuoteWords) return;
    out.push({ content, kind, cue: hit?.cue ?? null, phrase: hit?.phrase ?? null, paragraph });
  });
  return out;
}

const ADVERBIAL =
  /^(?:\s*(?:,\s*)?(?:on|last|this|late|early|earlier|in|at|during|via|to|through)\b[^,.;:"“”]{0,40}?(?=\s+that\b|,)|\s*(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight)\b|\s*(?:in a|in an)\s+(?:statement|interview|email|letter|post|tweet|speech|briefing)\b[^,.;:"“”]{0,30}?(?=\s+that\b|[,.]|\s)|\s*,)*\s*/i;

const EVIDENCE_VERBS = /^(?:show|shows|showed|shown|find|finds|found|suggest|suggests|suggested)$/;
const EVIDENCE_SUBJECT = /\b(?:polls?|polling|surveys?|study|studies|data|report|analysis|research|numbers|figures|records|results|census|count|tally|review|audit)$/i;

/**
 * Where reported content ends inside its sentence: a new clause of the reporter's ("; ", ", adding", ", but", ", and the
 * board ...", "and she added").
 */
const CLAUSE_STOP =
  /;|,\s+(?:and|so)\s+(?:he|she|they|we|i|the|his|her|their|its|\p{Lu}\p{Ll}+)\b|\s+and\s+(?:he|she|they|we)\s+\p{Ll}+(?:ed|s)\b|,["”’]?\s+(?:but|although|though|whereas|adding|noting|saying|according to|however|telling|referring|citing|calling|arguing|insisting|explaining|prompting)\b|\s+but\s+(?:also|then)\b|,?\s+and\s+(?:also\s+)?(?:said|says|added|noted|suggested|argued|warned|railed|called|urged|vowed|pledged|promised)\b|,["”’]?\s+(?:and\s+)?(?:[\p{L}\d-]+\s+){1,6}(?:said|says|say|yelled|added|noted)\b|,["”’]?\s+(?:which|compared|including|even as|while|whereas|something|a move|a swipe|a reference|a nod)\b|,["”’]?\s+(?!(?:during|according|including|something|nothing|anything|everything|bring|thing|spring|evening|morning|king|wing)\b)\p{Ll}{3,}ing\b|\s+and\s+(?:then\s+)?(?!during\b|according\b|bring\b|nothing\b|something\b)\p{Ll}{3,}ing\b/u;

/** A preposition's phrase with no punctuation, up to the "that" of a reported clause (101 characters at most). */
const LONG_SETTING = /^\s*(?:in|at|on|during|after|before|while|when|to|via|through|over|from|with|since|last|this|earlier)\s[^,;:"“”.!?()]{1,100}?\s(?=that\s)/i;

/** The content of indirect speech after its cue: optional hearer ("told reporters"), adverbials, "that", then the clause. */
function contentAfterCue(doc: Doc, cueIdx: number, sentence: Span, verb: string, evidence = false, learned = false): Span | null {
  const { tokens, text } = doc;
  const cueTok = tokens[cueIdx];
  if (!cueTok) return null;
  let at = cueTok.end;
  if (HEARER_VERBS.has(verb)) {
    // "told reporters", "told the Daily Courier", "told Reuters": the hearer is a short phrase.
    const m =
      /^\s+(?:(?:the|a|an|local|foreign|state|reporters|journalists|[\p{Lu}][\p{L}.'’-]*)(?:\s+(?:[\p{Lu}][\p{L}.'’-]*|reporters|journalists|media|television|radio|newspaper|news agency|agency|broadcaster|lawmakers|supporters|parliament)){0,4})/u.exec(text.slice(at, sentence.end));
    // "told the crowd he ...", "tells his audience the plan ...": a determiner and one lower-case noun.
    const common = /^\s+(?:the|a|an|his|her|their|its|our|my|your)\s+\p{Ll}[\p{Ll}-]*(?=[\s,])/u.exec(text.slice(at, sentence.end));
    // A longer hearer ("told members of the executive council that ..."): up to "that" with no comma or quote before it.
    const long = /^\s+[^,;:"“”.]{1,80}?\s(?=that\s)/.exec(text.slice(at, sentence.end));
    if (long) at += long[0].length;
    else if (common && (!m || common[0].length > m[0].length)) at += common[0].length;
    else if (m) at += m[0].length;
    else return null;
  }
  const adv = ADVERBIAL.exec(text.slice(at, sentence.end));
  if (adv) at += adv[0].length;
  // "reported, citing a ministry memo, that ...": the cited source sits between the cue and its clause.
  const cited = /^,?\s*(?:citing|quoting)\s+[^,;:"“”]{1,80},\s*(?=that\b)/.exec(text.slice(at, sentence.end));
  if (cited) at += cited[0].length;
  // "said in an interview taped before the attacks that ...": a longer setting opened by a preposition, up to "that".
  const setting = CLAUSE_VERBS.has(verb) && !OBJECT_VERBS.has(verb) ? LONG_SETTING.exec(text.slice(at, sentence.end)) : null;
  if (setting) at += setting[0].length;
  const rest = text.slice(at, sentence.end);
  const hasThat = /^that\b/i.test(rest);
  const objectVerb = OBJECT_VERBS.has(verb) || learned;
  // "a new poll shows Ruiz leading": evidence verbs take their finding as object when a poll or study speaks.
  const finding = evidence && EVIDENCE_VERBS.test(verb);
  if (!hasThat && !CLAUSE_VERBS.has(verb) && !objectVerb && !finding) return null;
  if (!hasThat && objectVerb && /^(?:[.,;:!?]|of\b|about\b|in\b|on\b|with\b|so\b|it\b\s*[.,])/i.test(rest)) return null;
  if (!hasThat && !objectVerb && /^(?:[.,;:!?]|to\b|of\b|for\b|about\b|in\b|on\b|with\b|so\b|nothing\b|it\b\s*[.,])/i.test(rest)) return null;
  const bodyStart = hasThat ? at + 4 : at;
  const rest2 = text.slice(bodyStart, sentence.end);
  // What is cited is a noun phrase: it ends at the first comma ("citing a memo, that the pier would close").
  const stop = /^(?:citing|quoting|cited|quoted)$/.test(verb) ? /,|;/.exec(rest2) : CLAUSE_STOP.exec(rest2);
  const body = trimSpan(text, { start: bodyStart, end: stop ? bodyStart + stop.index : sentence.end });
  const end = /[.!?]["”’]?$/.test(text.slice(body.start, body.end)) ? body.end - (/["”’]$/.test(text.slice(body.end - 1, body.end)) ? 2 : 1) : body.end;
  const span = trimSpan(text, { start: body.start, end });
  return span.end - span.start >= 8 ? span : null;
}

/** Whether the learned cue proposer puts the word at token i of a sentence (tokens lo..hi-1) over its threshold. */
function proposed(doc: Doc, i: number, lo: number, hi: number, config: QuotesConfig): boolean {
  const model = doc.cues.proposer;
  return model !== null && config.minCueProbability <= 1 && cueProbability(model, doc.tokens, i, lo, hi, wordClusters(), WORD_GATE) >= config.minCueProbability;
}

function indirectCandidates(doc: Doc, direct: readonly Candidate[], config: QuotesConfig): Candidate[] {
  const { tokens, text } = doc;
  // A cue that only introduced a partial quote ('said leaders face a "day of reckoning"') still reports the whole clause.
  const usedCues = new Set(direct.flatMap((c) => (c.cue && c.kind === 'direct' ? [c.cue.start] : [])));
  // A reporting verb inside a quotation (direct or partial) is the quoted speaker's, not the reporter's.
  const insideDirect = (offset: number): boolean => direct.some((c) => offset >= c.content.start && offset < c.content.end);
  const out: Candidate[] = [];
  for (const sentence of doc.sentences) {
    const lo = tokenAt(tokens, sentence.start);
    const hi = tokenAt(tokens, sentence.end);
    for (let i = lo; i < hi; i++) {
      const t = tokens[i];
      if (!t || usedCues.has(t.start) || insideDirect(t.start)) continue;
      const verb = t.text.toLowerCase();
      const paragraph = lastSpanStartingAtOrBefore(doc.paragraphs, t.start);
      if (isAccording(tokens, i)) {
        const cue = { start: t.start, end: tokens[i + 1]?.end ?? t.end };
        const phrase = phraseAfterCue(tokens, i + 1, hi, config) ?? sourceUpToPunctuation(tokens, i + 2, hi);
        if (!phrase) continue;
        const leading = text.slice(sentence.start, t.start).trim().replace(/[,\s]+$/, '');
        // "Other divides, according to the poll, include age": content on both sides of the source.
        const resumes = /^\s*,\s*(?=\p{Ll})/u.exec(text.slice(phrase.end, sentence.end));
        if (leading.length >= 8 && resumes && /,\s*$/.test(text.slice(sentence.start, t.start))) {
          const head = trimSpan(text, { start: sentence.start, end: sentence.start + text.slice(sentence.start, t.start).replace(/[,\s]+$/, '').length });
          const rest = trimSpan(text, { start: phrase.end + resumes[0].length, end: stripFinal(text, sentence) });
          if (rest.end - rest.start >= 8) {
            out.push({ content: head, kind: 'indirect', cue, phrase, paragraph });
            out.push({ content: rest, kind: 'indirect', cue, phrase, paragraph });
            continue;
          }
        }
        const content = leading.length >= 8
          ? trimSpan(text, { start: sentence.start, end: sentence.start + text.slice(sentence.start, t.start).replace(/[,\s]+$/, '').length })
          : trimSpan(text, { start: afterComma(text, phrase.end, sentence.end), end: stripFinal(text, sentence) });
        if (content.end - content.start >= 8) out.push({ content, kind: 'indirect', cue, phrase, paragraph });
        continue;
      }
      const phraseCue = phraseCueCandidate(doc, i, lo, sentence, config);
      if (phraseCue) {
        out.push({ ...phraseCue, paragraph });
        continue;
      }
      if (/^ask(?:s|ed|ing)?$/.test(verb)) {
        const asked = askedCandidate(doc, i, lo, hi, sentence, config);
        if (asked) out.push({ ...asked, paragraph });
        continue;
      }
      // The head of a cue is its verb: adverbs and auxiliaries inside annotated cues ("has repeatedly said") are not.
      // "found" reports a finding only for a poll or study (EVIDENCE_SUBJECT) or with "that": "Police found the boat" is no attribution.
      // Closed-class words inside annotated cues ("to" of "vowed to", "also") do not head one.
      // A word the lexicon rates too low, or never saw, may still be proposed by the learned cue proposer.
      const open = t.text === verb && !/ly$/.test(verb) && !CUE_AUXILIARIES.has(verb) && !CLOSED_CLASS.test(verb) && !/^(?:find|finds|found)$/.test(verb);
      const learned = open && (doc.cues.rate(verb) >= config.learnedCueRate || proposed(doc, i, lo, hi, config));
      if (!(isCue(t) || OBJECT_VERBS.has(t.text) || learned) || (QUOTE_ONLY_VERBS.has(verb) && !learned)) continue;
      const prev = tokens[i - 1]?.text.toLowerCase() ?? '';
      const cueSpan = { start: t.start, end: t.end };
      const blocked =
        // "was criticized" is passive; "is criticizing" is the subject speaking now.
        /^(?:the|to)$/.test(prev) ||
        (/^(?:was|were|is|are|be|been|being)$/.test(prev) && !/ing$/.test(verb)) ||
        // "a news report said", "an earlier report", "six states": the cue word is a noun here.
        // A number before a verb form is a count of its subjects ("Six in 10 say"), before a noun form a count of things ("six reports").
        NOUN_BEFORE.test(prev) ||
        (/^\p{N}/u.test(prev) && !/^(?:say|said|think|believe|want|wanted|expect|expected|agree|agreed|oppose|opposed|support|supported|see|saw|feel|felt|prefer|preferred)$/.test(verb)) ||
        (/^states?$/.test(verb) && tokens[i + 1]?.text.toLowerCase() !== 'that');
      if (blocked) {
        doc.trace?.(cueSpan, 'blocked');
        continue;
      }
      const participle = participleSubject(doc, i, lo);
      if (participle) {
        // "Ruiz rejected the audit, saying the figures were old": the sentence subject speaks, the clause is content.
        const content = contentAfterCue(doc, i, sentence, verb, false, learned);
        if (content) out.push({ content, kind: 'indirect', cue: { start: t.start, end: t.end }, phrase: participle, paragraph });
        else doc.trace?.(cueSpan, 'no-content');
        continue;
      }
      const before = phraseBeforeCue(tokens, i, lo, config);
      // "..., the minister said." / "..., said the minister.": content is what precedes the comma.
      const commaBefore = before ? tokens[tokenAt(tokens, before.start) - 1] : tokens[i - 1];
      if (commaBefore?.text === ',' && tokenAt(tokens, commaBefore.start) > lo + 2) {
        const after = before ? null : phraseAfterCue(tokens, i, hi, config);
        const phrase = before ?? after;
        const tail = text.slice(Math.max(phrase?.end ?? 0, t.end), sentence.end).trim();
        // "..., an airport official told Nordwire.": a short hearer may close the sentence.
        const hearerTail = HEARER_VERBS.has(verb) && /^(?:[^\s,;:"“”]+\s+){0,6}[^\s,;:"“”]+[.!?]?$/.test(tail) && !/\bthat\b/.test(tail);
        // "..., the airline said on Thursday." / "..., she said in an interview.": a closing time or setting.
        const settingTail = TRAILING_SETTING.test(tail);
        // "..., the Herald reported, citing two officials.": a participle clause of the reporter may close it.
        const participleTail = /^,\s*(?:citing|quoting|adding|noting|saying)\b/.test(tail);
        if (phrase && (/^[.!?]?["”’]?$/.test(tail) || hearerTail || settingTail || participleTail)) {
          const content = trimSpan(text, { start: sentence.start, end: commaBefore.start });
          if (content.end - content.start >= 8) out.push({ content, kind: 'indirect', cue: { start: t.start, end: t.end }, phrase, paragraph });
          continue;
        }
        // "Many of the courses, he said, have closed.": the cue sits inside the content, which is both sides.
        const lastCueEnd = Math.max(phrase?.end ?? 0, t.end);
        const inner = /^\s*(?:(?:on|last|this|in|at)\s+[^,]{1,30}\s*)?,\s*/.exec(text.slice(lastCueEnd, sentence.end));
        // After the comma, a participle ("citing", "adding") opens the reporter's own clause, not the rest of the content.
        const resumed = text.slice(lastCueEnd + (inner?.[0].length ?? 0), sentence.end);
        if (phrase && inner && /^\p{Ll}/u.test(resumed) && !/^\p{Ll}+ing\b/u.test(resumed)) {
          const cue = { start: t.start, end: t.end };
          const head = trimSpan(text, { start: sentence.start, end: commaBefore.start });
          const rest = trimSpan(text, { start: lastCueEnd + inner[0].length, end: stripFinal(text, sentence) });
          if (head.end - head.start >= 8 && rest.end - rest.start >= 8 && !/["“”]/.test(text.slice(head.start, rest.end))) {
            out.push({ content: head, kind: 'indirect', cue, phrase, paragraph });
            out.push({ content: rest, kind: 'indirect', cue, phrase, paragraph });
            continue;
          }
        }
      }
      const subject = before ?? coordinatedSubject(doc, i, lo) ?? clauseSubject(doc, i, lo);
      if (!subject) {
        doc.trace?.(cueSpan, 'no-source');
        continue;
      }
      const evidence = EVIDENCE_SUBJECT.test(text.slice(subject.start, subject.end));
      const content = contentAfterCue(doc, i, sentence, verb, evidence, learned);
      if (content) out.push({ content, kind: 'indirect', cue: { start: t.start, end: t.end }, phrase: subject, paragraph });
      else doc.trace?.(cueSpan, 'no-content');
    }
  }
  return out;
}

const POSSESSIVE = /^(?:his|her|their|its|our|my|your)$/i;

/**
 * The owner of a noun cue ("his criticism of", "Ruiz's strong support for", "the mayor's call for"): a possessive
 * pronoun, or a capitalised phrase ending in 's, at most two modifier words before the cue word.
 */
function possessorOf(doc: Doc, cue: number, lo: number): Span | null {
  const { tokens } = doc;
  let k = cue - 1;
  while (k > lo && cue - k <= 2 && /^\p{Ll}+(?:-\p{Ll}+)*$/u.test(tokens[k]?.text ?? '') && !POSSESSIVE.test(tokens[k]?.text ?? '') && !NOUN_BEFORE.test(tokens[k]?.text ?? '')) k--;
  const t = tokens[k];
  if (!t || k < lo) return null;
  if (POSSESSIVE.test(t.text)) return { start: t.start, end: t.end };
  const owner = /^(\p{Lu}[\p{L}.-]*)['’]s$/u.exec(t.text) ?? /^(\p{Lu}[\p{L}.-]*s)['’]$/u.exec(t.text);
  if (!owner) return null;
  let j = k;
  while (j - 1 >= lo && k - j < 4 && /^(?:\p{Lu}[\p{L}.'’-]*)$/u.test(tokens[j - 1]?.text ?? '')) j--;
  return { start: tokens[j]?.start ?? t.start, end: t.start + (owner[1]?.length ?? 0) };
}

/**
 * "his criticism of the plan", "Ruiz pointed to the figures", "voters' support for Ruiz": a lower-case word and the
 * preposition after it that the learned phrase rows call a cue; the content is the preposition's object as the verb
 * path reads an object, the source the word's possessor or the clause subject.
 */
function phraseCueCandidate(doc: Doc, i: number, lo: number, sentence: Span, config: QuotesConfig): Omit<Candidate, 'paragraph'> | null {
  const { tokens } = doc;
  const t = tokens[i];
  const p = tokens[i + 1];
  if (!t || !p || !/^\p{Ll}/u.test(t.text) || !/^\p{Ll}+$/u.test(p.text) || p.start > t.end + 3) return null;
  const key = `${t.text} ${p.text}`;
  if (doc.cues.rate(key) < config.learnedPhraseRate) return null;
  const content = contentAfterCue(doc, i + 1, sentence, key, false, true);
  if (!content) return null;
  const phrase =
    possessorOf(doc, i, lo) ??
    participleSubject(doc, i, lo) ??
    phraseBeforeCue(tokens, i, lo, config) ??
    coordinatedSubject(doc, i, lo) ??
    clauseSubject(doc, i, lo);
  if (!phrase) return null;
  return { content, kind: 'indirect', cue: { start: t.start, end: p.end }, phrase };
}

const TRAILING_SETTING =
  /^(?:(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight)(?:\s+(?:morning|afternoon|evening|night))?|(?:last|this|earlier this|late last)\s+(?:week|month|year|weekend)|at the time|in (?:a|an) (?:statement|interview|email|e-mail|letter|post|tweet|speech|briefing|news conference|press conference))[.!?]?["”’]?$/i;

const NOUN_BEFORE = /^(?:a|an|its|his|her|their|our|news|media|press|earlier|recent|new|multiple|local|initial|separate|published|latest|first|final|preliminary|internal|annual|detailed|confidential)$/;

const LINE_LABEL = /^(?:update|updated|note|editor['’]s note|related|watch|read|read more|photo|photos|video|source|correction|clarification|warning|breaking|exclusive|analysis|opinion|live|listen|see also|more|follow|contact|email|twitter|caption|credit|tags?|topics?|share|subscribe|advertisement|sign up|disclaimer|transcript|full transcript|partial transcript|by|posted|published|filed under|category|categories|location|date|time|when|where|what|why|how|who|question|answer|bottom line|the bottom line|ps|p\.s\.|q)$/i;

/**
 * "Ruiz: the pier will reopen in May" as a whole line (headlines, interview transcripts "A: ...", "CLINTON: ...").
 * The label before the colon is the speaker; the rest of the line is what is attributed to it.
 */
function colonLineCandidates(doc: Doc, direct: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  doc.paragraphs.forEach((para, paragraph) => {
    const line = doc.text.slice(para.start, para.end);
    const m = /^(\s*)(\p{Lu}[\p{L}.'’&/-]*(?:\s+[\p{L}.'’&/-]+){0,5}):\s+(?=[\p{L}\p{N}‘'])/u.exec(line);
    if (!m) return;
    const label = m[2] ?? '';
    if (LINE_LABEL.test(label) || !label.split(/\s+/).every((w, i) => i === 0 || /^\p{Lu}/u.test(w) || /^(?:at|to|of|the|and|on|for|in|about|from)$/.test(w))) return;
    const speaker = { start: para.start + (m[1]?.length ?? 0), end: para.start + (m[1]?.length ?? 0) + label.length };
    const content = trimSpan(doc.text, { start: para.start + m[0].length, end: para.end });
    if (content.end - content.start < 12 || direct.some((c) => c.content.start < content.end && c.content.end > content.start && c.kind === 'direct')) return;
    out.push({ content, kind: 'indirect', cue: { start: speaker.end, end: speaker.end + 1 }, phrase: speaker, paragraph });
  });
  return out;
}

/** "according to early results of exit polls conducted by Edison Research for ...": the source runs to punctuation. */
function sourceUpToPunctuation(tokens: readonly Token[], from: number, ceiling: number): Span | null {
  let j = from;
  while (j < ceiling && j - from < 30 && !/^[,;:.!?"“”()\u2014\u2013]$/.test(tokens[j]?.text ?? '')) j++;
  const a = tokens[from];
  const b = tokens[j - 1];
  return a && b && j > from && j - from < 30 ? { start: a.start, end: b.end } : null;
}

function afterComma(text: string, from: number, limit: number): number {
  const at = text.indexOf(',', from);
  return at >= 0 && at < limit ? at + 1 : from;
}

function stripFinal(text: string, sentence: Span): number {
  const s = trimSpan(text, sentence);
  return /[.!?]$/.test(text.slice(s.end - 1, s.end)) ? s.end - 1 : s.end;
}

const APPOSITIVE_START =
  /^\s*,\s+(?:(?:Democrat|Republican|Independent|Labour|Conservative)s?\s+(?:of|from)\s|(?:the|a|an|his|her|its|their|who|whose|one|both|also|now|then|former|senior|deputy|another|longtime|chief|co-founder|founder|president|director|head|chairman|chairwoman|CEO|executive|professor|author|editor|spokesman|spokeswoman|spokesperson|leader|member|manager|adviser|advisor|aide|analyst|economist|pollster|strategist|(?:\p{Lu}[\p{L}.-]*\s+){0,3}[\p{L}.-]+['’]s?)\s|(?!\p{Ll}+ing\s)[\p{Ll}-]+(?:\s+[\p{Ll}-]+){0,3}\s+(?:of|for|at|in)\s|\d{2},)/u;
/**
 * The speaker mention with its appositive ("Ilse Brandt, the harbour master,"): up to the cue when the
 * speaker comes first, else to the end of the sentence; never across a quotation mark.
 */
function withAppositive(doc: Doc, span: Span, cue: Span | null): Span {
  const after = doc.text.slice(span.end, span.end + 200);
  if (!APPOSITIVE_START.test(after)) return span;
  const before = cue !== null && span.end <= cue.start;
  // The sentence where the name ends: a splitter may have cut inside "(D-S.C.)".
  const sentenceEnd = Math.max(sentenceAt(doc, span.end - 1).end, span.end);
  let limit = before ? (cue?.start ?? span.end) : sentenceEnd;
  const mark = /["“”«»]|''/.exec(doc.text.slice(span.end, limit));
  if (mark && before) return span;
  // After the cue, a quotation the splitter glued to the sentence ends the appositive.
  if (mark) limit = span.end + mark.index;
  const stretch = doc.text.slice(span.end, limit);
  // After the cue the appositive ends where the reporter's sentence goes on (", after ...", ", and ...").
  const goesOn = before ? null : /,\s+(?:after|while|when|as|before|during|and|but|in a|in an|on|at|\p{Ll}+ing|asked)\s|[()\u2014\u2013]|\s--?\s/u.exec(stretch.slice(1));
  const end = goesOn ? span.end + 1 + goesOn.index : limit;
  // "..., said in a statement": the setting of the statement is not part of the speaker.
  const setting = /,?\s+(?:in|on|at|during)\s+(?:a|an|the)\s+[^,]*$/.exec(doc.text.slice(span.end, end));
  const trimmed = trimSpan(doc.text, { start: span.start, end: setting && before ? span.end + setting.index : end });
  const text = doc.text.slice(trimmed.start, trimmed.end);
  const cut = /[,.]$/.test(text) && !/\b\p{Lu}\.$|\b(?:Jr|Sr|Inc|Co|Corp)\.$/u.test(text) ? 1 : 0;
  return { start: trimmed.start, end: trimmed.end - cut };
}

/** Words of a span, separated by white space. */
function wordsIn(text: string, span: Span): number {
  return text.slice(span.start, span.end).split(/\s+/).filter(Boolean).length;
}

/** A cue-less quotation that reads as a title or slogan: very short, or short and not a finished sentence. */
function orphanTitle(text: string, span: Span, config: QuotesConfig): boolean {
  const words = wordsIn(text, span);
  return words <= config.scareQuoteWords || (words <= config.orphanQuoteWords && !/[.!?]$/.test(text.slice(span.end - 1, span.end)));
}

/**
 * Whether a quotation is its whole paragraph, opening mark included: only white space, marks and final punctuation
 * around it (a paragraph that only closes a mark ends a quotation opened before it).
 */
function fillsParagraph(doc: Doc, c: Candidate): boolean {
  const paragraph = doc.paragraphs[c.paragraph];
  if (!paragraph) return false;
  return /^\s*["“«„]\s*$/.test(doc.text.slice(paragraph.start, c.content.start)) && /^[\s"'”’».,!?…]*$/.test(doc.text.slice(c.content.end, paragraph.end));
}

/** A line in capitals or title case: most of its words capitalised (a sentence capitalises its first word and names). */
function isHeadline(line: string): boolean {
  const words = line.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return !/\p{Ll}{2}/u.test(line) || (words.length >= 4 && capitalised >= 0.7 * words.length);
}

/** Words before a subject that end its noun phrase: a preposition, verb or participle ("the fire aboard the X"). */
const NOT_BEFORE_SUBJECT = /^(?:aboard|about|after|against|among|at|before|between|by|during|for|from|in|into|near|of|on|over|through|to|under|with|without|said|says|told|asked|\p{Ll}+ed|\p{Ll}+ing)$/u;

/** Whether a name stands where a subject does: only its noun phrase ("The presidential aide", "Police Chief") before it in its sentence. */
function opensClause(doc: Doc, m: Span): boolean {
  const before = doc.text.slice(sentenceAt(doc, m.start).start, m.start);
  return !before.split(/[\s,]+/).some((w) => NOT_BEFORE_SUBJECT.test(w));
}

/**
 * The one person a paragraph names outside quotation marks ("Mayor Ilse Drummond thanked the volunteers."), as the
 * last mention of them there in a subject's place; null when it names none, several, quotes anyone or is a headline in capitals.
 */
function soleNamedPerson(doc: Doc, paragraphIndex: number): { span: Span; name: string } | null {
  const paragraph = doc.paragraphs[paragraphIndex];
  const body = paragraph ? doc.text.slice(paragraph.start, paragraph.end) : '';
  // A headline ("FERRY TALKS COLLAPSE:", "Ten Voters Share Their Views On Ilse Drummond") names no speaker.
  if (!paragraph || /["“”«»„]/.test(body) || isHeadline(body)) return null;
  let found: NameMention | null = null;
  const { mentions } = doc.names;
  // With an entities layer, capitalised words it did not take for a person ("the ferry Saint Brendan") are none.
  const tagged = mentions.some((m) => m.from === 'entity');
  // Mentions are sorted by start: walk back from the paragraph's end.
  for (let i = lastSpanStartingAtOrBefore(mentions, paragraph.end); i >= 0; i--) {
    const m = mentions[i]!;
    if (m.start < paragraph.start) break;
    if (m.end > paragraph.end || m.type !== 'PERSON' || (tagged && m.from !== 'entity') || !/\p{Ll}/u.test(doc.text.slice(m.start, m.end))) continue;
    if (!opensClause(doc, m)) continue;
    if (found && found.canonical !== m.canonical) return null;
    found ??= m;
  }
  return found ? { span: { start: found.start, end: found.end }, name: found.canonical } : null;
}

/**
 * Resolves speakers in reading order so pronouns and running quotes see what came before. Each quote is judged as
 * soon as its speaker is known: one the judge drops leaves no trace for the quotes after it.
 */
function resolveAll(doc: Doc, candidates: readonly Candidate[], config: QuotesConfig, judge: (q: QuoteSpan) => ScoredQuote | null): ScoredQuote[] {
  const discourse: Discourse = { sentences: doc.sentences, quoted: candidates.filter((c) => c.kind !== 'indirect').map((c) => c.content) };
  const history: SpeakerHistoryEntry[] = [];
  const learned = new Map<string, Gender>();
  const quotes: ScoredQuote[] = [];
  let lastDirect: { paragraph: number; span: Span | null; name: string | null } | null = null;
  let lastSpoken: { paragraph: number; span: Span | null; name: string } | null = null;
  for (const c of candidates) {
    let span: Span | null = null;
    let name: string | null = null;
    let how: SpeakerHow = 'none';
    // Whether the speaker resolved to a person, whom a quotation paragraph after this one may continue.
    let person = false;
    // What this quote teaches the resolver (a history entry, a pronoun's gender), applied only when it is kept.
    let entry: SpeakerHistoryEntry | null = null;
    let gender: Gender | null = null;
    const relative = c.phrase && isRelative(doc.text.slice(c.phrase.start, c.phrase.end)) ? c.phrase : null;
    if (relative) {
      // "who" is the speaker span (as a pronoun would be); the name is that of the phrase it stands for.
      const at = tokenAt(doc.tokens, relative.start);
      const antecedent = relativeAntecedent(doc.tokens, at, tokenAt(doc.tokens, sentenceAt(doc, relative.start).start), config);
      const r = antecedent ? resolvePhrase(doc.text, antecedent, doc.names, history, learned, discourse, config) : null;
      span = relative;
      name = r?.name ?? null;
      how = 'pronoun';
      person = r?.type === 'PERSON';
      if (r && name) entry = { name, span, at: relative.start, type: r.type, gender: r.gender };
    } else if (c.phrase) {
      const r = resolvePhrase(doc.text, c.phrase, doc.names, history, learned, discourse, config);
      ({ span, name, how } = r);
      person = r.type === 'PERSON' && (how === 'named' || how === 'pronoun' || how === 'role');
      if (name) {
        entry = { name, span, at: c.phrase.start, type: r.type, gender: r.gender };
        const pronoun = doc.text.slice(c.phrase.start, c.phrase.end).toLowerCase();
        if (pronoun === 'he' || pronoun === 'she') gender = pronoun === 'he' ? 'm' : 'f';
      }
    } else if (c.kind === 'direct' && lastDirect && c.paragraph - lastDirect.paragraph <= config.runningParagraphs && (lastDirect.name ?? lastDirect.span)) {
      // A quote with no cue in a run of quotes belongs to the running speaker.
      ({ span, name } = lastDirect);
      how = 'running';
    } else if (c.kind === 'direct' && !c.cue && fillsParagraph(doc, c)) {
      // A quotation paragraph after one that reported or named its speaker continues that speaker.
      const previous: { span: Span | null; name: string } | null = lastSpoken && lastSpoken.paragraph === c.paragraph - 1 ? lastSpoken : soleNamedPerson(doc, c.paragraph - 1);
      if (previous) {
        ({ span, name } = previous);
        how = 'context';
      }
    }
    if (c.kind === 'direct' && !c.cue && (how === 'none' || how === 'context') && orphanTitle(doc.text, c.content, config)) continue;
    if (span && c.phrase && span === c.phrase && !relative) span = withAppositive(doc, span, c.cue);
    const judged = judge({ start: c.content.start, end: c.content.end, kind: c.kind, speaker: span, speakerName: name, speakerHow: how, cue: c.cue });
    if (!judged) continue;
    quotes.push(judged);
    if (entry) history.push(entry);
    if (name && gender && !learned.has(name)) learned.set(name, gender);
    // A running quote or quotation paragraph after this one takes the speaker span as the judge bounded it.
    const kept = judged.quote.speaker;
    if (c.kind === 'direct') lastDirect = { paragraph: lastSpanStartingAtOrBefore(doc.paragraphs, c.content.end), span: kept, name };
    if (name && person) lastSpoken = { paragraph: lastSpanStartingAtOrBefore(doc.paragraphs, c.content.end), span: kept, name };
  }
  return quotes;
}

/** A quote with the features the attribution model reads; null for quotes the model does not judge. */
export interface ScoredQuote {
  readonly quote: QuoteSpan;
  readonly features: readonly string[] | null;
  /** Unfiltered runs only: the cut points of the content as the rules found it (the content-end model's examples). */
  readonly cuts: readonly ContentCut[] | null;
  /** Unfiltered runs only: the candidate speaker spans around the rules' one (the source-bounds model's examples). */
  readonly bounds: readonly SourceBound[] | null;
}

/** Speakers whose span the rules read beside the cue (not a pronoun, nor one carried over from an earlier quote). */
const BOUNDED = new Set(['named', 'role', 'statement', 'outlet', 'none']);

/** Partial quotations by the start of their cue ('called the plan "racially toxic"'). */
function partialsByCue(direct: readonly Candidate[]): Map<number, Span[]> {
  const out = new Map<number, Span[]>();
  for (const c of direct) if (c.kind === 'partial' && c.cue) out.set(c.cue.start, [...(out.get(c.cue.start) ?? []), c.content]);
  return out;
}

/**
 * Whether a prose attribution holds a partial quotation its own cue introduced ('Ruiz called the plan "racially toxic"'):
 * the marked words show the cue reports speech, so the clause is kept as the partial quotation is.
 */
function vouchedFor(vouched: ReadonlyMap<number, readonly Span[]>, quote: QuoteSpan): boolean {
  const partials = quote.cue ? vouched.get(quote.cue.start) : undefined;
  return partials !== undefined && partials.some((p) => p.start >= quote.start && p.end <= quote.end);
}

/** Whether the attribution model judges a quote: prose attributions with a cue and a speaker. */
const judgedByModel = (q: QuoteSpan): boolean => q.kind === 'indirect' && q.cue !== null && q.speaker !== null;

/**
 * The quotes of one article's text, each prose attribution with its model features; prose content after its cue ends
 * where the content-end model cuts it. With `filter`, a prose
 * attribution is kept only when the attribution model (or, without one, the cue precision) passes it; without, every
 * quote the rules find is returned (the model's training examples).
 */
export function extractScoredQuotes(
  text: string,
  layers: Pick<Layers, 'paragraphs' | 'sentences' | 'entities'>,
  config: QuotesConfig = QUOTES_DEFAULTS,
  cues: CueModel = LEARNED_CUES,
  filter = true,
  trace: CueTrace | null = null,
): ScoredQuote[] {
  const tokens = tokenize(text);
  const paragraphs = layers.paragraphs.length ? layers.paragraphs : [{ start: 0, end: text.length }];
  const sentences = layers.sentences.length ? joinBracketSplits(text, layers.sentences) : paragraphs;
  const doc: Doc = { text, tokens, paragraphs, sentences, names: findNameMentions(text, tokens, layers.entities), cues, trace };
  const regions = findQuoteRegions(text, paragraphs);
  const direct = directCandidates(doc, regions, config);
  const indirect = config.indirect ? [...indirectCandidates(doc, direct, config), ...colonLineCandidates(doc, direct)] : [];
  const all = [...direct, ...indirect].sort((a, b) => a.content.start - b.content.start || a.content.end - b.content.end);
  const vouched = partialsByCue(direct);
  const ctx: FeatureContext = {
    text,
    tokens,
    tokenAt: (offset) => tokenAt(tokens, offset),
    sentenceAt: (offset) => sentenceAt(doc, offset),
    firstParagraph: (offset) => offset < (paragraphs[0]?.end ?? 0),
    rate: cues.rate,
    precision: cues.precision,
    proposed: (offset) => {
      const proposer = cues.proposer;
      if (!proposer) return null;
      const i = tokenAt(tokens, offset);
      const sentence = sentenceAt(doc, offset);
      return cueProbability(proposer, tokens, i, tokenAt(tokens, sentence.start), tokenAt(tokens, sentence.end), wordClusters());
    },
    nameType: (span) => {
      const m = doc.names.mentions[lastSpanStartingAtOrBefore(doc.names.mentions, span.end - 1)];
      return m && m.start >= span.start && m.end <= span.end ? m.type : null;
    },
  };
  const model = filter && config.minAttributionProbability > 0 ? cues.attribution : null;
  const byPrecision = filter && !model && config.minCuePrecision > 0;
  const contentEnd = cues.contentEnd;
  const sourceModel = cues.sourceBounds;
  return resolveAll(doc, all, config, (found) => {
    const cuts = filter ? null : contentCuts(ctx, found);
    const bounded = found.speaker && BOUNDED.has(found.speakerHow) ? found.speaker : null;
    const bounds = filter || !bounded ? null : sourceBounds(ctx, bounded, found.cue, found.speakerHow);
    const speaker = sourceModel && bounded ? boundSource(ctx, sourceModel, bounded, found.cue, found.speakerHow, bounds ?? undefined) : found.speaker;
    const end = contentEnd ? cutContent(ctx, contentEnd, found, config.contentEndProbability) : found.end;
    const quote = end === found.end && speaker === found.speaker ? found : { ...found, end, speaker };
    const features = judgedByModel(quote) ? attributionFeatures(ctx, quote) : null;
    if (model && features && !vouchedFor(vouched, quote) && attributionProbability(model, features) < config.minAttributionProbability) return null;
    if (byPrecision && quote.kind === 'indirect' && quote.cue && cues.precision(text.slice(quote.cue.start, quote.cue.end).toLowerCase()) < config.minCuePrecision) return null;
    return { quote, features, cuts, bounds };
  });
}

/**
 * Sentences joined again where the splitter cut inside brackets ("Rep. Ana Ruiz (D-N. | Y.) said"): a sentence that
 * leaves a bracket open, followed by one that closes it within a few characters with white space between.
 */
export function joinBracketSplits(text: string, sentences: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of sentences) {
    const prev = out[out.length - 1];
    const before = prev ? text.slice(prev.start, prev.end) : '';
    if (prev && before.lastIndexOf('(') > before.lastIndexOf(')') && /^\s*$/.test(text.slice(prev.end, s.start)) && /^[^()\n]{0,12}\)/.test(text.slice(s.start, s.end))) {
      out[out.length - 1] = { start: prev.start, end: s.end };
    } else out.push(s);
  }
  return out;
}

/** Quotes of one article's text; entities may be empty (names then come from capitalisation). */
export function extractQuotes(
  text: string,
  layers: Pick<Layers, 'paragraphs' | 'sentences' | 'entities'>,
  config: QuotesConfig = QUOTES_DEFAULTS,
  cues: CueModel = LEARNED_CUES,
): QuoteSpan[] {
  return extractScoredQuotes(text, layers, config, cues).map((s) => s.quote);
}
