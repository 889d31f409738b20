// Near-synonym classes of English news wording: words outlets use interchangeably for one event, means or rank.
import { contentKey } from './content-words.js';
import { stem } from '../../core/text/stem.js';

/**
 * Each class lists words a reader takes as naming the same thing when two outlets describe one event: "an air
 * assault" and "a drone attack", "the call" and "the phone conversation", "the largest" and "the biggest". Kept apart
 * from the general content-word synonyms, where "strike" must stay a labour strike as often as an attack.
 */
const CLASSES: Readonly<Record<string, readonly string[]>> = {
  attack: ['attack', 'assault', 'strike', 'airstrike', 'raid', 'bombardment', 'bombing', 'barrage', 'shelling', 'onslaught', 'struck', 'hit', 'pound', 'shell', 'bomb'],
  air: ['air', 'aerial', 'drone', 'missile', 'rocket', 'airborne'],
  call: ['call', 'phone', 'telephone', 'conversation', 'phonecall'],
  largest: ['largest', 'biggest', 'heaviest', 'most massive', 'most extensive', 'most intense', 'greatest'],
  deadliest: ['deadliest', 'most lethal', 'bloodiest'],
  foil: ['foil', 'thwart', 'repel', 'repulse'],
  // What a figure of money was taken or paid in: "stole $108 million" / "snatched $137 million"; "buy X for $5.4
  // billion" / "acquire X for $5.4 billion".
  steal: ['steal', 'stole', 'stolen', 'snatch', 'rob', 'robb', 'loot', 'grab', 'grabb', 'swipe', 'pilfer', 'nab', 'nabb'],
  acquire: ['acquire', 'acquir', 'buy', 'bought', 'purchase', 'purchas', 'takeover', 'take over'],
  worth: ['worth', 'value', 'valued', 'valu'],
};

const CLASS_OF: ReadonlyMap<string, string> = new Map(
  Object.entries(CLASSES).flatMap(([key, words]) => words.flatMap((w) => [[w, key] as const, [stem(w), key] as const])),
);

/** The class of a word ("drone" -> "air", "assaults" -> "attack"), null when it belongs to none. */
export function synonymClass(word: string): string | null {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  return CLASS_OF.get(w) ?? CLASS_OF.get(stem(w)) ?? null;
}

/** A word's comparison key: its synonym class, else its content key (null for stop words and figures). */
export function classKey(word: string): string | null {
  return synonymClass(word) ?? contentKey(word);
}
