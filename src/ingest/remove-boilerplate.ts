// Line classifier for text that arrives without markup: drops widget, navigation and caption lines, keeping each with a reason.
import type { Removed } from '../core/article.js';

export type BoilerplateReason =
  | 'share-widget'
  | 'login-prompt'
  | 'navigation'
  | 'photo-credit'
  | 'related-link'
  | 'newsletter-prompt'
  | 'comment-widget'
  | 'advertisement'
  | 'ticker'
  | 'tracking-token'
  | 'duplicate-paragraph'
  | 'timestamp'
  | 'cookie-notice';

export interface BoilerplateOptions {
  /** Lines longer than this are prose and never classified as widgets (duplicates still are). */
  readonly maxWidgetChars: number;
  /** Paragraphs shorter than this are not checked for duplication (short repeats are normal: "He said no."). */
  readonly minDuplicateChars: number;
}

export const DEFAULT_BOILERPLATE_OPTIONS: BoilerplateOptions = { maxWidgetChars: 160, minDuplicateChars: 40 };

const SHARE_WORD = '(?:share(?: this(?: article| story| page)?| on)?|tweet|facebook|twitter|x|whatsapp|linkedin|e-?mail|print|copy(?: link)?|reddit|telegram|pinterest|flipboard|messenger|save|gift(?: this)? article)';
const SHARE_RE = new RegExp(`^(?:${SHARE_WORD})(?:\\s*[|·•,/:]?\\s*${SHARE_WORD})*\\s*[.:!]?$`, 'i');

const RULES: ReadonlyArray<readonly [BoilerplateReason, RegExp]> = [
  ['share-widget', SHARE_RE],
  ['share-widget', /^(?:share|click to share|share (?:this|via)|follow us on)\b.{0,60}$/i],
  ['newsletter-prompt', /(?:sign up|subscribe|register|get|receive|join)\b.{0,60}newsletter|newsletter.{0,60}(?:sign up|subscribe|inbox|delivered)|^[^.]{0,40}newsletters?[^.]{0,40}$|(?:sign up|subscribe)\b.{0,40}(?:inbox|briefing)|delivered (?:straight |directly )?(?:to|through) your (?:inbox|letterbox|door)/i],
  ['login-prompt', /^(?:sign in|log ?in|sign up|register|subscribe(?: now| today)?|already (?:a )?(?:subscriber|registered|have an account)|create (?:a |an |your )?(?:free )?account|to continue reading|subscribe to (?:continue|read)|this (?:article|content) is (?:for|available to) (?:subscribers|members))\b/i],
  ['related-link', /^(?:also read|read (?:more|also|next)|related(?: (?:articles?|stories|coverage|news|content|reading))?|see also|more (?:on|from|about) (?:this|the)\b|recommended(?: for you)?|you (?:may|might) (?:also )?like|most (?:read|popular|viewed)|trending(?: now)?|more stories|watch:|listen:|latest news)\b/i],
  ['photo-credit', /^(?:\(?(?:photo|image|picture|file photo|photograph|illustration|video|graphic)s?(?: credit)?\s*(?::|by\b)|credit:|caption:)/i],
  ['photo-credit', /(?:^|[.)]\s)(?:photo|image|picture|photograph)s?(?: credit)?\s*:\s*[^.]{2,60}$/i],
  ['photo-credit', /\((?:image|photo|picture|credit|source)s?:\s*[^)]{1,60}\)\s*$/i],
  ['photo-credit', /^(?:image|photo|slide) \d+ of \d+$|^this slideshow requires javascript\.?$|^(?:caption|close|enlarge this image|hide caption|toggle caption|expand)$/i],
  ['photo-credit', /\((?:AP|AFP|Reuters|Getty|EPA)?\s*Photos?\s*\/[^)]*\)\s*\.?$/i],
  ['photo-credit', /(?:getty images|shutterstock|ap photo|afp via getty|reuters\/[\p{Lu}]|epa-efe|\/ ?afp|\(photo:[^)]*\))\s*\)?\.?$/iu],
  ['comment-widget', /^(?:\d+\s+)?comments?$|^(?:leave|post|add|write|view|show|read) (?:a |all |the )?(?:\d+ )?comments?\b|^join the (?:conversation|discussion)\b|^comments? (?:are )?closed\b/i],
  ['advertisement', /^(?:advertisement|advertising|advert|sponsored(?: content)?|ad|paid (?:post|content)|story continues below(?: advertisement)?|continue reading (?:below|the main story))\.?$/i],
  ['timestamp', /^(?:(?:first |last )?(?:published|updated|posted|modified)(?: on| at)?:?\s.{0,60}|\|?\s*updated:?\s.{0,50})$/i],
  ['cookie-notice', /(?:this (?:web)?site uses cookies|we use cookies|by continuing to (?:use|browse) (?:this|our) site|accept (?:all )?cookies)/i],
  ['related-link', /\[(?:insight|video|reaction|pictures|photos|poll|latest|revealed|analysis|watch)\]\s*\|?$|^want more stories\b/i],
  ['related-link', /^(?:see more|don'?t miss|more from|more stories from|tell us what you think|post comment)\b.{0,100}$|by clicking here\.?$|^continue reading(?: below)?\.?$/i],
  ['navigation', /^(?:skip to (?:main )?content|skip navigation|menu|home|search|back to top|top of page|next article|previous article|close|open menu|toggle navigation|main menu|sections?)\.?$/i],
  ['navigation', /^[^.!?]{1,40}(?:\s*(?:\||›|»|>|\/|·|•)\s*[^.!?|›»>/·•]{1,40}){2,}$/],
];

/** Index tickers: two or more "NAME 1,234.5 +0.4%" groups, or a line of numbers and arrows. */
const TICKER_GROUP = /[\p{Lu}&][\p{Lu}\p{N}&. ]{1,20}\s+[\d,]+(?:\.\d+)?\s*[▲▼↑↓+\-−]?\s*[\d.,]+%?/gu;
/** Trailing tracking tokens: query strings, hashes, pixel markers. */
const TRACKING_RE = /^(?:[?&]?(?:utm_[a-z]+|ref|fbclid|gclid|mc_cid|mc_eid|cmpid|icid)=\S+|(?=[^ ]*\d)(?=[^ ]*[A-Za-z])[A-Za-z0-9+/_-]{24,}={0,2}|\[(?:tracking|pixel)[^\]]*\]|#[A-Za-z0-9_-]{8,})$/;

/** The reason a single line is boilerplate, or null for body text. */
export function classifyLine(line: string, options: BoilerplateOptions = DEFAULT_BOILERPLATE_OPTIONS): BoilerplateReason | null {
  const t = line.trim();
  if (!t) return null;
  if (TRACKING_RE.test(t)) return 'tracking-token';
  if (t.length > options.maxWidgetChars) return null;
  // the cheap test first: most lines have no percent sign or arrow, and then no ticker groups are counted
  if (/%|▲|▼/.test(t) && (t.match(TICKER_GROUP)?.length ?? 0) >= 2 && !/\b(?:said|says|was|were|is|are)\b/.test(t)) return 'ticker';
  for (const [reason, re] of RULES) {
    if (!re.test(t)) continue;
    // Prose that merely mentions a newsletter or a photo ends like a sentence and is long: keep it.
    if ((reason === 'newsletter-prompt' || reason === 'photo-credit') && t.length > 100 && /[.!?]["”’]?$/.test(t) && /\b(?:said|says|told)\b/.test(t)) return null;
    return reason;
  }
  return null;
}

export interface BoilerplateResult {
  readonly kept: readonly string[];
  readonly removed: readonly Removed[];
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
/** Per BMP code point: 0 not looked up yet, 1 letter or number, 2 other. */
const bmpClass = new Uint8Array(65536);

function isLetterOrNumber(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90);
  if (cp > 0xffff) return LETTER_OR_NUMBER.test(String.fromCodePoint(cp));
  let k = bmpClass[cp] ?? 0;
  if (k === 0) {
    k = LETTER_OR_NUMBER.test(String.fromCharCode(cp)) ? 1 : 2;
    bmpClass[cp] = k;
  }
  return k === 1;
}

/**
 * The paragraph's letter/number runs, lower-cased and joined by single spaces: the same string as
 * `toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()`, built from slices (a single space between runs
 * needs no cut) instead of one replacement per gap, several times faster.
 */
export function duplicateKey(paragraph: string): string {
  const l = paragraph.toLowerCase();
  const n = l.length;
  let out = '';
  let runStart = -1;
  let gap = -1;
  for (let i = 0; i < n; ) {
    const cp = l.codePointAt(i) ?? 0;
    if (isLetterOrNumber(cp)) {
      if (runStart < 0) runStart = i;
      else if (gap >= 0 && (gap !== i - 1 || l.charCodeAt(gap) !== 32)) {
        out += (out ? ' ' : '') + l.slice(runStart, gap);
        runStart = i;
      }
      gap = -1;
    } else if (runStart >= 0 && gap < 0) gap = i;
    i += cp > 0xffff ? 2 : 1;
  }
  if (runStart >= 0) out += (out ? ' ' : '') + l.slice(runStart, gap < 0 ? n : gap);
  return out;
}

/** Removes boilerplate paragraphs and second copies of repeated paragraphs (pull quotes); order is kept. */
export function removeBoilerplate(paragraphs: readonly string[], options: BoilerplateOptions = DEFAULT_BOILERPLATE_OPTIONS): BoilerplateResult {
  const kept: string[] = [];
  const removed: Removed[] = [];
  const seen = new Set<string>();
  for (const p of paragraphs) {
    const reason = classifyLine(p, options);
    if (reason) {
      removed.push({ text: p, reason });
      continue;
    }
    if (p.length >= options.minDuplicateChars) {
      const key = duplicateKey(p);
      if (seen.has(key)) {
        removed.push({ text: p, reason: 'duplicate-paragraph' });
        continue;
      }
      seen.add(key);
    }
    kept.push(p);
  }
  return { kept, removed };
}
