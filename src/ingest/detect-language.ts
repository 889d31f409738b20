// Language of the clean text (franc-min trigrams), as an ISO 639-1 code where one exists.
import { franc } from 'franc-min';

/** ISO 639-3 -> 639-1 for the languages franc-min knows that news commonly uses. */
const ISO1: Readonly<Record<string, string>> = {
  eng: 'en', fra: 'fr', deu: 'de', spa: 'es', por: 'pt', ita: 'it', nld: 'nl', rus: 'ru', ukr: 'uk', pol: 'pl',
  ces: 'cs', slk: 'sk', ron: 'ro', hun: 'hu', swe: 'sv', dan: 'da', nob: 'no', fin: 'fi', tur: 'tr', ell: 'el',
  bul: 'bg', srp: 'sr', hrv: 'hr', bos: 'bs', slv: 'sl', lit: 'lt', lav: 'lv', est: 'et', arb: 'ar', pes: 'fa',
  heb: 'he', hin: 'hi', ben: 'bn', urd: 'ur', ind: 'id', zlm: 'ms', vie: 'vi', tha: 'th', cmn: 'zh', jpn: 'ja',
  kor: 'ko', swh: 'sw', hau: 'ha', yor: 'yo', amh: 'am', tam: 'ta', tel: 'te', mar: 'mr', guj: 'gu', kan: 'kn',
  mal: 'ml', pan: 'pa', tgl: 'tl', azj: 'az', uzn: 'uz', kaz: 'kk', bel: 'be', cat: 'ca', glg: 'gl', som: 'so',
};

/** Texts shorter than this are too short for trigram statistics. */
const MIN_CHARS = 40;
/** Characters of text examined: the start of an article is enough and keeps this fast. */
const SAMPLE_CHARS = 2000;

/** ISO 639-1 code (or 639-3 when there is none), or null when the text is too short or undetermined. */
export function detectLanguage(text: string): string | null {
  if (text.length < MIN_CHARS) return null;
  const code = franc(text.slice(0, SAMPLE_CHARS), { minLength: MIN_CHARS });
  if (code === 'und') return null;
  return ISO1[code] ?? code;
}
