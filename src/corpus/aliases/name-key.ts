// Matching keys for names across outlets: diacritics, transliteration variants, exonyms and organisation synonyms.
import type { EntityType } from '../../core/article.js';
import { normalizeName, translitWord } from '../../stages/entities/name-forms.js';

export { normalizeName, translitWord };

/** Which rule made two differently written names share a key. */
export type KeyRule = 'exact' | 'normalized' | 'translit-key' | 'exonym' | 'org-synonym';

export interface NameKey {
  readonly key: string;
  readonly rule: KeyRule;
}

/** Older or Russian-derived spellings -> the form used now. Keys and values are normalized. */
const EXONYMS: Readonly<Record<string, string>> = {
  kiev: 'kyiv', kharkov: 'kharkiv', odessa: 'odesa', lvov: 'lviv', nikolaev: 'mykolaiv', nikolayev: 'mykolaiv',
  lugansk: 'luhansk', artemovsk: 'bakhmut', artyomovsk: 'bakhmut', avdeyevka: 'avdiivka', avdeevka: 'avdiivka',
  zaporozhye: 'zaporizhzhia', zaporizhia: 'zaporizhzhia', zaporozhzhia: 'zaporizhzhia', severodonetsk: 'sievierodonetsk',
  dnepr: 'dnipro', dnipropetrovsk: 'dnipro', chernigov: 'chernihiv', rovno: 'rivne', donbass: 'donbas', kupyansk: 'kupiansk',
  slovyansk: 'sloviansk', slavyansk: 'sloviansk', izyum: 'izium', vugledar: 'vuhledar', ugledar: 'vuhledar',
  bombay: 'mumbai', calcutta: 'kolkata', madras: 'chennai', bangalore: 'bengaluru', peking: 'beijing', canton: 'guangzhou',
  burma: 'myanmar', rangoon: 'yangon', turkiye: 'turkey', czechia: 'czech republic', swaziland: 'eswatini',
  'ivory coast': 'cote d ivoire', 'east timor': 'timor leste', 'cape verde': 'cabo verde', 'russian federation': 'russia',
  us: 'united states', usa: 'united states', 'united states of america': 'united states', uk: 'united kingdom',
  britain: 'united kingdom', 'great britain': 'united kingdom', 'republic of korea': 'south korea',
  'democratic people s republic of korea': 'north korea', 'gaza strip': 'gaza', 'new york city': 'new york',
};

/** Names of the same organisation; the first of each group is the key. Normalized, without a leading "us". */
const ORG_SYNONYMS: readonly (readonly string[])[] = [
  ['department of defense', 'pentagon', 'defense department', 'defence department', 'dod', 'department of war', 'war department'],
  ['elysee', 'elysee palace', 'french presidency'],
  ['kremlin', 'russian presidency'],
  ['white house', 'us administration'],
  ['department of state', 'state department'],
  ['downing street', 'no 10', 'number 10', 'number ten'],
  ['nato', 'north atlantic treaty organization', 'north atlantic treaty organisation', 'north atlantic alliance'],
  ['united nations', 'un', 'u n'],
  ['european union', 'eu'],
  ['world health organization', 'who', 'world health organisation'],
  ['international monetary fund', 'imf'],
  ['israel defense forces', 'idf', 'israel defence forces', 'israeli defense forces', 'israeli military', 'israeli army'],
  ['federal reserve', 'fed'],
  ['european central bank', 'ecb'],
  ['international criminal court', 'icc'],
  ['international atomic energy agency', 'iaea'],
  ['federal bureau of investigation', 'fbi'],
  ['central intelligence agency', 'cia'],
  ['associated press', 'ap'],
  ['agence france presse', 'afp'],
  ['british broadcasting corporation', 'bbc'],
  ['department of justice', 'justice department', 'doj'],
  ['department of homeland security', 'homeland security', 'dhs'],
  ['security service of ukraine', 'sbu'],
  ['republican party', 'gop'],
  ['islamic revolutionary guard corps', 'irgc', 'revolutionary guards', 'revolutionary guard'],
  ['islamic state', 'isis', 'isil', 'daesh'],
  ['un security council', 'security council', 'united nations security council'],
  ['ministry of defence', 'mod', 'uk ministry of defence'],
];

const GENERATIONAL = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

const ORG_KEY = new Map<string, string>();
for (const group of ORG_SYNONYMS) for (const name of group) ORG_KEY.set(name, group[0]!);

/** The key two mentions must share (with the same type) to be one entity. */
export function nameKey(name: string, type: EntityType): NameKey {
  const norm = normalizeName(name);
  const rule: KeyRule = norm === name ? 'exact' : 'normalized';
  if (type === 'ORG' || type === 'MISC') {
    const bare = norm.replace(/^(?:us|u s|united states) /, '');
    const org = ORG_KEY.get(norm) ?? ORG_KEY.get(bare);
    if (org) return { key: org, rule: org === norm ? rule : 'org-synonym' };
  }
  if (type === 'LOC') {
    const exo = EXONYMS[norm];
    if (exo) return { key: exo, rule: 'exonym' };
  }
  if (type === 'PERSON') {
    // Initials and generational suffixes drop out: "Donald J. Trump" ~ "Donald Trump", "Anthony LaCalamita III".
    const words = norm.split(' ').filter((w) => w.length > 1 && !GENERATIONAL.has(w));
    const key = words.map(translitWord).join(' ');
    return { key, rule: key === words.join(' ') ? rule : 'translit-key' };
  }
  return { key: norm, rule };
}
