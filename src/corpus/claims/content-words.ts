// The words a clause's meaning rests on: stop words, figures, negation and reporting verbs dropped, synonyms folded.
import type { Span } from '../../core/span.js';
import { tokenize } from '../../core/tokenize.js';
import { NON_CONTENT_WORDS } from '../../core/text/content-words.js';
import { stem } from '../../core/text/stem.js';

const STOP = NON_CONTENT_WORDS;

/** Paraphrases folded to one key; stems on the left are after `stem()`. */
const SYNONYM: Readonly<Record<string, string>> = {
  kill: 'die', killed: 'die', dead: 'die', died: 'die', death: 'die', di: 'die', fatality: 'die', fatal: 'die', toll: 'die',
  injur: 'injure', injury: 'injure', wound: 'injure', hurt: 'injure',
  arrest: 'detain', detain: 'detain', custody: 'detain',
  meet: 'meet', met: 'meet', meeting: 'meet', talk: 'meet', summit: 'meet',
  quak: 'earthquake', earthquake: 'earthquake', tremor: 'earthquake',
  blaze: 'fire', fire: 'fire', wildfire: 'fire',
  ship: 'vessel', boat: 'vessel', vessel: 'vessel', ferry: 'vessel',
  sign: 'sign', signature: 'sign',
  agreement: 'deal', deal: 'deal', accord: 'deal', pact: 'deal', treaty: 'deal',
  resign: 'resign', resignation: 'resign', quit: 'resign', step: 'step',
  sack: 'fire-job', dismiss: 'fire-job', oust: 'fire-job',
  vote: 'vote', ballot: 'vote',
  collapse: 'collapse', collaps: 'collapse',
  evacuat: 'evacuate', evacuate: 'evacuate', evacuation: 'evacuate',
  rescu: 'rescue', rescue: 'rescue', rescuer: 'rescue', sav: 'rescue', save: 'rescue',
  blast: 'explosion', explosion: 'explosion', explod: 'explosion', explode: 'explosion',
  sank: 'sink', sunk: 'sink', sink: 'sink',
  eliminat: 'cut', eliminate: 'cut', cut: 'cut', slash: 'cut',
  approv: 'approve', approve: 'approve', pass: 'approve', passed: 'approve', adopt: 'approve',
  steal: 'steal', stole: 'steal', stolen: 'steal', theft: 'steal', heist: 'steal',
  negotiation: 'meet', negotiat: 'meet',
  worth: 'value', valu: 'value', value: 'value',
  lawmaker: 'parliament', parliament: 'parliament', legislator: 'parliament',
  broke: 'collapse', break: 'collapse',
  resident: 'people', people: 'people', person: 'people',
  begin: 'start', began: 'start', start: 'start', launch: 'start',
  end: 'end', ended: 'end', conclud: 'end', finish: 'end',
};

/**
 * Irregular past forms of event verbs, folded to the form their "-ing" stems to: "fell about 200 metres" and "falling
 * about 150 metres" tell one fall. Only forms with no common second reading ("left", "led", "shot" are kept apart).
 */
const IRREGULAR_PAST: Readonly<Record<string, string>> = {
  fell: 'fall', fallen: 'fall', rose: 'rise', risen: 'rise', fled: 'flee', tore: 'tear', torn: 'tear', caught: 'catch',
  sold: 'sell', paid: 'pay', brought: 'bring', drove: 'drive', driven: 'drive', threw: 'throw', thrown: 'throw',
  slid: 'slide', swept: 'sweep', sought: 'seek', froze: 'freeze', frozen: 'freeze', ran: 'run', flew: 'fly', flown: 'fly',
};

/** Whether a word is an irregular past form of an event verb ("fell", "fled"). */
export function isIrregularPast(word: string): boolean {
  return Object.hasOwn(IRREGULAR_PAST, word.toLowerCase());
}

/** A trailing reporting frame: ", according to Brightwater Lines." / ", the coast guard said." / ", residents said." */
const TRAILING_FRAME_RE =
  /,\s*(?:according to [^,;"]{1,80}|[^,;"]{0,80}\b(?:said|says|told [a-z]+|reported|added|announced|confirmed)(?:\s+on\s+\w+)?)\s*[.!?]?\s*$/i;

/** The part of a clause that carries its content: a trailing "X said" frame is who said it, not what. */
export function contentSpan(text: string, span: Span): Span {
  const slice = text.slice(span.start, span.end);
  const m = TRAILING_FRAME_RE.exec(slice);
  if (!m || m.index < 12) return span;
  return { start: span.start, end: span.start + m.index };
}

/**
 * Keys of the words seen so far: a clause's words are keyed again by every stage of claim building (content words,
 * negation, frames, comparisons), and news repeats its vocabulary. Emptied when full, so a long stream's memory stays
 * bounded (the key is a function of the word alone: emptying it changes nothing but speed).
 */
const KEYS = new Map<string, string | null>();
const MAX_KEYS = 65_536;
/**
 * Longer words are keyed afresh: a word sliced from an article's text may be a view into that whole text (V8 copies
 * slices shorter than 13 characters), and a cache entry holding it would keep the article's text alive.
 */
const MAX_CACHED_LENGTH = 12;

/** The content key of one lower-cased word, or null for stop words, figures and negation. */
export function contentKey(word: string): string | null {
  if (word.length > MAX_CACHED_LENGTH) return keyOf(word);
  const known = KEYS.get(word);
  if (known !== undefined) return known;
  if (KEYS.size >= MAX_KEYS) KEYS.clear();
  const key = keyOf(word);
  KEYS.set(word, key);
  return key;
}

function keyOf(word: string): string | null {
  const w = word.toLowerCase().replace(/\u2019/g, "'");
  if (!/^\p{L}/u.test(w) || STOP.has(w) || /n't$/.test(w) || w.length < 2) return null;
  const s = IRREGULAR_PAST[w] ?? stem(w);
  if (STOP.has(s)) return null;
  return SYNONYM[s] ?? SYNONYM[w] ?? s;
}

/** Content keys of a span, in order, duplicates kept out. */
export function contentWords(text: string, span: Span): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const t of tokenize(text, contentSpan(text, span))) {
    const key = contentKey(t.text);
    if (key === null) continue;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(key);
    }
  }
  return out;
}
