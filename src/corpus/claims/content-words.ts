// The words a clause's meaning rests on: stop words, figures, negation and reporting verbs dropped, synonyms folded.
import type { Span } from '../../core/span.js';
import { tokenize } from '../../core/tokenize.js';
import { stem } from './stem.js';

const STOP = new Set(
  (
    'a an the and or but if of to in on at by for with from into onto over under about as than then that this these those ' +
    'is are was were be been being am has have had having do does did will would shall should can could may might must ' +
    'it its it\'s he she they we you i him her them us me his their our your my who whom whose which what when where why how ' +
    'not no never nor none nobody nothing neither cannot there here also just only very more most less least so such up down out off ' +
    'said says say told tell telling according reported reports report added adding stated statement spokesperson spokesman spokeswoman ' +
    'mr mrs ms dr one two three four five six seven eight nine ten dozen hundred thousand million billion ' +
    'monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow morning evening night afternoon ' +
    'week weeks month months year years day days hour hours minute minutes time times ' +
    'least almost nearly around roughly some several many few all any each every other another same own ' +
    'after before since until while during ahead prior following later earlier again still yet already now ' +
    'largest biggest worst best first second third a.m. p.m. am pm gmt utc'
  ).split(/\s+/),
);

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

/** The content key of one lower-cased word, or null for stop words, figures and negation. */
export function contentKey(word: string): string | null {
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
