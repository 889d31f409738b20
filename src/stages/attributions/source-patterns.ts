// Regular-expression building blocks for sourcing: outlet names, anonymous and official source phrases, reporting verbs.
import type { SourceKind } from '../../core/article.js';

/** Outlets and agencies by their usual written form (case-sensitive: "AP", not "ap"). */
const KNOWN_OUTLETS = [
  'Associated Press', 'AP', 'Reuters', 'Agence France-Presse', 'AFP', 'Bloomberg News', 'Bloomberg', 'Le Monde',
  'Le Figaro', 'Der Spiegel', 'El País', 'BBC', 'CNN', 'NBC News', 'NBC', 'ABC News', 'CBS News', 'Fox News',
  'Al Jazeera', 'DPA', 'dpa', 'EFE', 'ANSA', 'TASS', 'Tass', 'Interfax', 'Xinhua', 'Kyodo', 'Yonhap', 'Axios',
  'Politico', 'NPR', 'Nikkei', 'RIA Novosti', 'Ukrinform', 'Anadolu', 'PTI', 'Bernama', 'Antara', 'Guardian',
  'Economist', 'Financial Times', 'MSNBC', 'CNBC', 'NYT', 'WSJ', 'Breitbart', 'HuffPost', 'Huffington Post', 'Slate',
  'Vox', 'BuzzFeed', 'Bild', 'Kommersant', 'Haaretz', 'Asahi', 'Yomiuri', 'Nikkei Asia', 'Semafor', 'ProPublica',
];

const OUTLET_HEADS =
  'Times|Post|Courier|Herald|Gazette|Daily|News|Journal|Tribune|Chronicle|Observer|Telegraph|Express|Mirror|Independent|Standard|Globe|Examiner|Dispatch|Ledger|Register|Inquirer|Bulletin|Monitor|Wire|Press|Radio|Television|TV|Newswire|Magazine|Weekly|Review|Record';

/** An outlet: a known name, or capitalised words ending in a newspaper word ("the Norvik Gazette"). */
export const OUTLET = `(?:[Tt]he\\s+)?(?:(?:${KNOWN_OUTLETS.map((o) => o.replace(/[.]/g, '\\.')).join('|')})(?![\\p{L}])|(?:[\\p{Lu}][\\p{L}'’&.-]*\\s+){1,3}(?:${OUTLET_HEADS})\\b|(?:${OUTLET_HEADS})(?=\\s+(?:reported|said|reports|says|wrote|writes|learned|has|had)\\b))`;

/** Verbs an outlet or source reports with. */
export const REPORT_VERB =
  '(?:(?:has|had|have|first|also|earlier|previously|exclusively)\\s+)*(?:reported|reports|report|said|says|say|wrote|writes|learned|learnt|revealed|reveals|disclosed|confirmed|confirms|announced|announces|told|added|stated|noted|warned|quoted)\\b';

/** People standing for an unnamed source, with what marks them as anonymous. */
export const ANONYMOUS_SOURCE =
  '(?<![\\p{L}])(?:(?:[Aa]|[Aa]n|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]everal|[Ss]ome|[Mm]any|[Mm]ultiple|[Oo]ther|[Ss]enior|\\d+)\\s+)?(?:(?:senior|top|high-ranking|unnamed|anonymous|western|european|u\\.s\\.|U\\.S\\.|american|diplomatic|military|intelligence|security|government|administration|industry|party|police|[\\p{L}-]+)\\s+){0,3}(?:sources?|officials?|people|persons?|insiders?|diplomats?|aides?|executives?|officers?|individuals)(?:\\s+(?:familiar with|close to|with (?:direct )?knowledge of|briefed on|involved in|knowledgeable about|aware of|in|at|from)\\s+[^,;:.]+?)?(?:,?\\s+(?:who|speaking)\\s+[^,;:]*?(?:anonymity|named|identified|authori[sz]ed)[^,;:]*?(?=,|\\s+(?:said|told|say|says)\\b))?';

/** Institutions speaking on the record ("the ministry", "police", "a spokesman for the army"). */
export const OFFICIAL_SOURCE =
  '(?<![\\p{L}])(?:[Tt]he\\s+)?(?:(?:[\\p{Lu}][\\p{L}\'’.-]*|foreign|interior|defen[cs]e|health|finance|justice|economy|regional|local|state|city|federal|national|county|district)\\s+){0,3}(?:[Mm]inistry|[Gg]overnment|[Pp]olice|[Aa]rmy|[Mm]ilitary|[Pp]residency|Kremlin|White House|Pentagon|[Dd]epartment|[Oo]ffice|[Ee]mbassy|[Aa]gency|[Cc]ommission|[Cc]ouncil|[Aa]uthorities|[Pp]rosecutors?|[Aa]dministration|[Cc]ompany|[Cc]oroner|[Ff]ire (?:service|department)|[Cc]oast [Gg]uard|[Aa]ir [Ff]orce|[Nn]avy|(?:a\\s+)?[Ss]pokes(?:man|woman|person)(?:\\s+for\\s+(?:the\\s+)?[^,;:.]+?)?)';

const ANONYMITY_MARKER =
  /\b(?:sources?|insiders?|familiar with|close to|knowledge of|briefed on|anonymity|not (?:authori[sz]ed|named|identified)|unnamed|anonymous|people|persons?|individuals)\b/i;
const INSTITUTION = /\b(?:ministry|government|police|army|military|presidency|kremlin|white house|pentagon|department|office|embassy|agency|commission|council|authorities|prosecutors?|administration|company|coroner|fire service|fire department|coast guard|air force|navy|spokes(?:man|woman|person))\b/i;
const UNNAMED_PEOPLE = /\b(?:officials?|diplomats?|aides?|executives?|officers?)\b/i;

/** What kind of source a phrase names. Unnamed individuals are anonymous; institutions are official. */
export function classifySource(phrase: string, isOutlet: boolean): SourceKind {
  if (isOutlet) return 'outlet';
  if (ANONYMITY_MARKER.test(phrase)) return 'anonymous';
  // "a Kestrel Harbour Authority official": an unnamed person of an institution.
  if (UNNAMED_PEOPLE.test(phrase.trim().split(/\s+/).pop() ?? '')) return 'anonymous';
  if (INSTITUTION.test(phrase)) return 'official';
  return 'named';
}

const OUTLET_ONLY = new RegExp(`^${OUTLET}$`, 'u');

export function isOutlet(phrase: string): boolean {
  return OUTLET_ONLY.test(phrase.trim());
}

/** "the Associated Press" -> "Associated Press": claimants are compared without the article. */
export function outletName(phrase: string): string {
  return phrase.trim().replace(/^[Tt]he\s+/, '');
}
