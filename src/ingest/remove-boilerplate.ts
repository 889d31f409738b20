// Line classifier for text that arrives without markup: drops widget, navigation and caption lines, keeping each with a reason.
import type { Removed } from '../core/article.js';
import { normalizeDate } from './normalize-date.js';

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
  | 'cookie-notice'
  | 'copyright'
  | 'separator'
  | 'media-widget'
  | 'app-promo'
  | 'contact-line'
  | 'published-by'
  | 'tags'
  | 'headline-list'
  | 'author-bio';

export interface BoilerplateOptions {
  /** Lines longer than this are prose and never classified as widgets (duplicates still are). */
  readonly maxWidgetChars: number;
  /** Paragraphs shorter than this are not checked for duplication (short repeats are normal: "He said no."). */
  readonly minDuplicateChars: number;
}

export const DEFAULT_BOILERPLATE_OPTIONS: BoilerplateOptions = { maxWidgetChars: 160, minDuplicateChars: 40 };

const SHARE_WORD = '(?:share(?: this(?: article| story| page)?| on)?|tweet|facebook|twitter|x|whatsapp|linkedin|e-?mail|print|copy(?: link)?|reddit|telegram|pinterest|flipboard|messenger|save|gift(?: this)? article)';
const SHARE_RE = new RegExp(`^(?:${SHARE_WORD})(?:\\s*[|·•,/:]?\\s*${SHARE_WORD})*\\s*[.:!]?$`, 'i');

const MONTH_NAME = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s/i;
/** A line that is nothing but a date and maybe a clock time ("March 10, 2014 2:18 PM", "2016-03-21"). */
const DATE_ONLY_LINE = /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+[a-z]{3,9}\.?\s+\d{4}|\d{4}-\d{2}-\d{2})(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?$/i;

/** The date a timestamp line states ("Posted: March 29th 2015 at 9:17pm"); `updated` when the line dates an update, not the publication. */
export function timestampDate(line: string): { readonly value: string; readonly updated: boolean } | null {
  const t = line.trim();
  const updated = /^\|?\s*(?:last )?updated\b/i.test(t);
  const body = t.replace(/^\|?\s*(?:(?:first |last )?(?:published|posted|updated)(?: on| at)?:?\s*)/i, '').split(/\s+[|–—-]\s+(?![\d:]+\s*[ap]\.?m)|\s+updated\b/i)[0] ?? '';
  if (!DATE_ONLY_LINE.test(t) && body === t) return null;
  const value = MONTH_NAME.test(`${body} `) || /\d{4}-\d{2}-\d{2}/.test(body) ? normalizeDate(body) : null;
  return value ? { value, updated } : null;
}

/** Menu items (one to three words each, capitalized, no sentence marks) set apart by two or more spaces. */
const MENU_BY_SPACES = /^[\p{Lu}\p{N}][^.!?\s]*(?: [^.!?\s]+){0,2}(?: {2,}[\p{Lu}\p{N}][^.!?\s]*(?: [^.!?\s]+){0,2})+$/u;

/** Whether a raw line's runs of spaces carry meaning (menu items) and must survive until it is classified. */
export function keepsSpacing(line: string): boolean {
  return MENU_BY_SPACES.test(line.trim());
}

/** A person's name, a slash, then an agency or outlet: the credit under a photo ("Jane Doe / Reuters", "Ana Ruiz/KHOU 11"). */
const NAME_SLASH_CREDIT = /^\p{Lu}[\p{L}.'’-]+(?:\s\p{Lu}[\p{L}.'’-]+){1,3}\s*\/\s*\p{Lu}[\p{L}\p{N}&.'’ -]{1,40}$/u;

/** A short heading over a list of other stories ("More Great Harbor Stories", "Other news", "Top reads:"). */
export const RELATED_HEADING = /^(?:more|other|related|recommended|popular|latest|top|further)\b(?:\s+[^\s.!?]+){0,4}?\s+(?:stories|articles|news|reads|reading|coverage|posts|headlines|videos)\s*:?$/i;

/** What a date or time starts with: a digit, a month or weekday name, or a relative day. */
const DATE_START = String.raw`(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|today|yesterday|just now)`;

const RULES: ReadonlyArray<readonly [BoilerplateReason, RegExp]> = [
  ['copyright', /^\(?\s*(?:©|\(c\)\s*\d{4}|copyright\b)|^all rights reserved\.?$/i],
  ['published-by', /^(?:published|posted|written|edited|produced|compiled) by\b.{1,80}$/i],
  ['media-widget', /^(?:please enable javascript\b.{0,60}|(?:watch|listen to)(?: (?:the|this|a))? (?:video|story|report|clip|live stream|broadcast)\b.{0,60}|watch (?:mobile )?video|(?:hide|show) transcript\b.{0,40}|(?:photo|video|image) gallery|more (?:video|photos)\b.{0,100}|skip ad\b.{0,120}|view image on \w+.{0,60}|enlarge(?: image| photo)?)$/i],
  ['photo-credit', NAME_SLASH_CREDIT],
  ['photo-credit', /^\[?\(?(?:images?|photos?|pictures?|video)(?: (?:via|courtesy(?: of)?|from|credit))\b.{1,60}$|^\(?(?:file )?(?:photo|image)\)?\.?$|^(?:getty images(?:\/istockphoto)?|shutterstock|istock(?:photo)?|ap images)\.?$/i],
  ['share-widget', /^read or share this story\b|^like this:?(?:\s*like(?:\s*loading\W*)?)?$|^follow\s+[^.!?]{1,40}:(?:\s*(?:facebook|twitter|instagram|youtube|tiktok)\s*\|?)*$|^follow$/i],
  ['share-widget', /^[^.!?]{0,60}\bfollow (?:us|@?\p{Lu}[\p{L}\p{N}.]*(?:\s\p{Lu}[\p{L}\p{N}.]*){0,3}) on (?:twitter|facebook|instagram|x|tiktok|youtube)\b[^.!?]{0,60}$/iu],
  ['app-promo', /^[^.!?]{0,60}\b(?:download|get|install|update)\b[^.!?]{0,40}\bapps?\b[^.!?]{0,60}$/i],
  ['tags', /^(?:tagged|tags|filed under|categories|topics)\b\s*:?\s[^.!?]{1,150}$/i],
  ['advertisement', /made possible by:?$|^advertisement\s*\|/i],
  ['related-link', /^(?:×|x)\s+\S.{0,140}$|^\[?(?:previous (?:story|article|coverage)|other news|what others are clicking on|you may also be interested in)\b.{0,140}$/iu],
  ['share-widget', SHARE_RE],
  ['share-widget', /^(?:share|click to share|share (?:this|via)|follow us on)\b.{0,60}$/i],
  ['newsletter-prompt', /^get (?:breaking )?news alerts\b|^get our (?:hottest|top|latest|best) stories\b/i],
  ['newsletter-prompt', /(?:sign up|subscribe|register|get|receive|join)\b.{0,60}newsletter|newsletter.{0,60}(?:sign up|subscribe|inbox|delivered)|^[^.]{0,40}newsletters?[^.]{0,40}$|(?:sign up|subscribe)\b.{0,40}(?:inbox|briefing)|delivered (?:straight |directly )?(?:to|through) your (?:inbox|letterbox|door)/i],
  // a promise of mail: "your inbox" beside news, stories or a schedule ("Let our news meet your inbox.")
  ['newsletter-prompt', /^(?=[^"“”]*\byour inbox\b)(?=.*\b(?:news|stories|newsletters?|briefings?|headlines|daily|weekly|weekday|every (?:morning|day|week)|delivered)\b)(?!.*\b(?:said|says|told)\b)/i],
  ['login-prompt', /^(?:sign in|log ?in|sign up|register|subscribe(?: now| today)?|already (?:a )?(?:subscriber|registered|have an account)|create (?:a |an |your )?(?:free )?account|to continue reading|subscribe to (?:continue|read)|this (?:article|content) is (?:for|available to) (?:subscribers|members))\b/i],
  ['related-link', RELATED_HEADING],
  ['related-link', /^(?:also read|read (?:more|also|next)|see also)\b/i],
  // a marker then a headline (after a separator, or with no sentence end) or nothing; "More stories of ... came in, police said." is prose
  ['related-link', /^(?:related(?: (?:articles?|stories|coverage|news|content|reading))?|more (?:on|from|about) (?:this|the)\b|recommended(?: for you)?|you (?:may|might) (?:also )?like|most (?:read|popular|viewed)|trending(?: now)?|more stories|watch:|listen:|latest news)\b(?:\s*[:|–—»›>]|(?![\s\S]*[^.][.!?]["”’]?$)(?![\s\S]*\b(?:said|says|told)\b))/i],
  ['photo-credit', /^(?:\(?(?:photo|image|picture|file photo|photograph|illustration|video|graphic)s?(?: credit)?\s*(?::|by\b)|credit:|caption:)/i],
  ['photo-credit', /(?:^|[.)]\s)(?:photo|image|picture|photograph)s?(?: credit)?\s*:\s*[^.]{2,60}$/i],
  ['photo-credit', /\((?:image|photo|picture|credit|source)s?:\s*[^)]{1,60}\)\s*$/i],
  ['photo-credit', /^(?:image|photo|slide) \d+ of \d+$|^this slideshow requires javascript\.?$|^(?:caption|close|enlarge this image|hide caption|toggle caption|expand)$/i],
  ['photo-credit', /\((?:AP|AFP|Reuters|Getty|EPA)?\s*Photos?\s*\/[^)]*\)\s*\.?$/i],
  ['photo-credit', /(?:getty images|shutterstock|ap photo|afp via getty|reuters\/[\p{Lu}]|epa-efe|\/ ?afp|\(photo:[^)]*\))\s*\)?\.?$/iu],
  ['comment-widget', /^(?:\d+\s+)?comments?$|^(?:leave|post|add|write|view|show|read) (?:a |all |the )?(?:\d+ )?comments?\b|^join the (?:conversation|discussion)\b|^comments? (?:are )?closed\b/i],
  ['advertisement', /^(?:advertisement|advertising|advert|sponsored(?: content)?|ad|paid (?:post|content)|story continues below(?: advertisement)?|continue reading (?:below|the main story))\.?$/i],
  // the stamp's word, then a date or time ("Updated: Apr 27, 2016", "Posted 3 hours ago"); "Updated figures show ..." is prose
  ['timestamp', new RegExp(`^(?:(?:first |last )?(?:published|updated|posted|modified)(?: on| at)?:?\\s(?=${DATE_START})(?:.{0,60})|\\|?\\s*updated:?\\s(?=${DATE_START}).{0,50}|(?:published|updated|posted)(?: on| at)?:?)$`, 'i')],
  ['cookie-notice', /(?:this (?:web)?site uses cookies|we use cookies|by continuing to (?:use|browse) (?:this|our) site|accept (?:all )?cookies)/i],
  ['related-link', /\[(?:insight|video|reaction|pictures|photos|poll|latest|revealed|analysis|watch)\]\s*\|?$|^want more stories\b/i],
  ['related-link', /^(?:see more|don'?t miss|more from|more stories from|tell us what you think|post comment)\b.{0,100}$|by clicking here\.?$|^continue reading(?: below)?\.?$/i],
  ['navigation', /^(?:skip to (?:main )?content|skip navigation|menu|home|search|back to top|top of page|next article|previous article|close|open menu|toggle navigation|main menu|sections?)\.?$/i],
  ['navigation', /^[^.!?]{1,40}(?:\s*(?:\||›|»|>|\/|·|•)\s*[^.!?|›»>/·•]{1,40}){2,}$/],
  // a menu whose items are set apart by runs of spaces ("Stocks  Bonds  Commodities"); see `keepsSpacing`
  ['navigation', MENU_BY_SPACES],
  ['separator', /^[\p{P}\p{S}\s]{2,}$/u],
  ['timestamp', DATE_ONLY_LINE],
];

/** Jobs a byline's owner holds ("Ana Ruiz is the Courier's ferry reporter"). */
const BIO_ROLE = /\b(?:reporter|writer|editor|correspondent|columnist|contributor|curator|journalist|producer|author|intern|analyst|blogger|critic|photographer|anchor|host)s?\b/i;
/** A person (one to four capitalized words) described as the subject: "Ana Ruiz is", "Ana Ruiz's book ...", "Ana Ruiz covers". */
const BIO_SUBJECT = /^(?:\p{Lu}[\p{L}.'’-]*\s){0,3}\p{Lu}[\p{L}.'’-]*(?:\s(?:is|was|has been|covers|writes|reports)\b|['’]s\s)/u;
/** "Follow him on Twitter", "follow her @handle": the reader is sent to a person's account. */
const FOLLOW_PERSON = /\bfollow (?:him|her|them|me) (?:on|at|@)|\bon (?:twitter|x|instagram) (?:at )?@\w+\.?$/i;
/** A bio runs longer than a widget line, but not past this. */
const MAX_BIO_CHARS = 400;

/**
 * An author box set after a story: a short paragraph about a named person's job ("Ana Ruiz is the Courier's ferry
 * reporter.") or one that sends the reader to the person's account ("... Follow her on Twitter @aruiz.").
 * Only meaningful at the end of an article (a story may well be about a reporter); see dropPageFurniture.
 */
export function isAuthorBio(line: string): boolean {
  const t = line.trim();
  if (t.length > MAX_BIO_CHARS) return false;
  if (FOLLOW_PERSON.test(t)) return true;
  return BIO_SUBJECT.test(t) && BIO_ROLE.test(t.slice(0, 120)) && !/\b(?:said|says|told)\b/.test(t);
}

/** Contact tokens: e-mail addresses, @handles, phone numbers, profile links. */
const CONTACT_TOKEN = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:^|\s)@\w{2,}|\(?\b\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b|\btwitter\.com\/\S+/g;
/** The tokens that reach a reporter (an address or a number); a handle alone can be a credit a story lists. */
const REACH_TOKEN = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b/;
/** Words that open a contact line ("Contact Jane Doe: ...", "To reach ...", "Send it to ..."). */
const CONTACT_OPENER = /^(?:to reach|contact|reach|e-?mail|follow|send (?:it|them|tips?|us)|have a (?:question|comment|news tip))\b/i;
/** A contact line says little besides its contacts: at most this many other words. */
const MAX_CONTACT_LINE_WORDS = 6;

/** "Contact Jane Doe: jdoe@harbor-courier.com", "jdoe@example.com", "Twitter: @JaneDoe": a line of contacts, not a sentence. */
function isContactLine(t: string): boolean {
  const tokens = t.match(CONTACT_TOKEN);
  if (!tokens) return false;
  const rest = t.replace(CONTACT_TOKEN, ' ');
  const words = rest.match(/\p{L}+/gu)?.length ?? 0;
  if (!REACH_TOKEN.test(t) && !CONTACT_OPENER.test(t)) return false;
  if (words <= MAX_CONTACT_LINE_WORDS && !/[.!?]["”’]?$/.test(rest.trim())) return true;
  return CONTACT_OPENER.test(t);
}

/** Index tickers: two or more "NAME 1,234.5 +0.4%" groups, or a line of numbers and arrows. */
const TICKER_GROUP = /[\p{Lu}&][\p{Lu}\p{N}&. ]{1,20}\s+[\d,]+(?:\.\d+)?\s*[▲▼↑↓+\-−]?\s*[\d.,]+%?/gu;
/** Trailing tracking tokens: query strings, hashes, pixel markers. */
const TRACKING_RE = /^(?:[?&]?(?:utm_[a-z]+|ref|fbclid|gclid|mc_cid|mc_eid|cmpid|icid)=\S+|(?=[^ ]*\d)(?=[^ ]*[A-Za-z])[A-Za-z0-9+/_-]{24,}={0,2}|\[(?:tracking|pixel)[^\]]*\]|#[A-Za-z0-9_-]{8,})$/;

/** Widgets report nothing: a line of 8+ words that ends a sentence and has a reporting verb is prose, whatever it starts with. */
function reportedSentence(t: string): boolean {
  return /[^.][.!?]["”’]?$/.test(t) && /\b(?:said|says|told|urged|added|according to)\b/.test(t) && (t.match(/\S+/g)?.length ?? 0) >= 8;
}

/** The reason a single line is boilerplate, or null for body text. */
export function classifyLine(line: string, options: BoilerplateOptions = DEFAULT_BOILERPLATE_OPTIONS): BoilerplateReason | null {
  const t = line.trim();
  if (!t) return null;
  if (TRACKING_RE.test(t)) return 'tracking-token';
  if (t.length > options.maxWidgetChars) return null;
  // the cheap test first: most lines have no percent sign or arrow, and then no ticker groups are counted
  if (/%|▲|▼/.test(t) && (t.match(TICKER_GROUP)?.length ?? 0) >= 2 && !/\b(?:said|says|was|were|is|are)\b/.test(t)) return 'ticker';
  // bullets and close marks in front of teaser lines ("►Related: ...", "» More")
  const u = t.replace(/^[►▶▸•·»›]\s*/u, '');
  for (const [reason, re] of RULES) {
    if (!re.test(u)) continue;
    // Prose that merely mentions a newsletter or a photo ends like a sentence and is long: keep it.
    if (reportedSentence(t)) return null;
    return reason;
  }
  return isContactLine(t) ? 'contact-line' : null;
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

/** A run of this many headline-shaped paragraphs in a row is a list of other stories' headlines. */
const MIN_HEADLINE_RUN = 3;
const HEADLINE_WORDS = { min: 3, max: 16 } as const;
const MAX_HEADLINE_CHARS = 120;
/** Share of the longer words (4+ letters) that are capitalized for a line to count as title case. */
const MIN_TITLE_CASE_SHARE = 0.6;

/** A short title-case line without sentence punctuation ("Drone Carrying Parts Crashes Near Port"); "Key – value" rows are data, not headlines. */
export function isHeadlineShaped(p: string): boolean {
  if (p.length > MAX_HEADLINE_CHARS || /[.!?:;,"”’)]$/.test(p) || !/^[\p{Lu}\p{N}"“‘]/u.test(p)) return false;
  const words = p.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  if (words.length < HEADLINE_WORDS.min || words.length > HEADLINE_WORDS.max) return false;
  if (/^[^–—-]{1,40}\s[–—-]\s/.test(p) && words.length <= 6) return false;
  // two sentences, or a person introduced by an apposition ("Ana Ruiz, the county clerk"), are prose or a list of people
  if (/[.!?]\s+\p{Lu}/u.test(p) || /^(?:\p{Lu}[\p{L}.'’-]+\s){1,3}\p{Lu}[\p{L}.'’-]+,\s/u.test(p)) return false;
  const long = words.filter((w) => w.length >= 4);
  const capitalized = long.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
  return long.length > 0 && capitalized / long.length >= MIN_TITLE_CASE_SHARE;
}

/** Indexes (into `paragraphs`) of the paragraphs in runs of at least MIN_HEADLINE_RUN headline-shaped ones among `candidates`; widget lines between them do not break a run. */
function headlineRuns(paragraphs: readonly string[], candidates: readonly number[]): Set<number> {
  const out = new Set<number>();
  let run: number[] = [];
  const close = (): void => {
    if (run.length >= MIN_HEADLINE_RUN) for (const k of run) out.add(k);
    run = [];
  };
  for (const i of candidates) {
    if (isHeadlineShaped(paragraphs[i] ?? '')) run.push(i);
    else close();
  }
  close();
  return out;
}

/**
 * Removes boilerplate paragraphs, runs of other stories' headlines and second copies of repeated paragraphs
 * (pull quotes); order is kept.
 */
export function removeBoilerplate(paragraphs: readonly string[], options: BoilerplateOptions = DEFAULT_BOILERPLATE_OPTIONS): BoilerplateResult {
  const kept: string[] = [];
  const removed: Removed[] = [];
  const seen = new Set<string>();
  const reasons = paragraphs.map((p) => classifyLine(p, options));
  const headlines = headlineRuns(paragraphs, reasons.flatMap((r, i) => (r ? [] : [i])));
  paragraphs.forEach((p, i) => {
    const reason = reasons[i] ?? (headlines.has(i) ? 'headline-list' : null);
    if (reason) {
      removed.push({ text: p, reason });
      return;
    }
    if (p.length >= options.minDuplicateChars) {
      const key = duplicateKey(p);
      if (seen.has(key)) {
        removed.push({ text: p, reason: 'duplicate-paragraph' });
        return;
      }
      seen.add(key);
    }
    kept.push(p);
  });
  return { kept, removed };
}

/** "Copyright 2026 Harbor Courier. All rights reserved." -> "Harbor Courier": the holder a copyright line names, or null. */
export function copyrightHolder(line: string): string | null {
  const m = /^\(?\s*(?:copyright\s*(?:©|\(c\))?|©|\(c\))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?:by\s+)?([^()|]+?)(?:\s*\(|\.\s|\.?\)?$|\s+[-–|]\s|,\s)/i.exec(line.trim());
  const holder = m?.[1]?.trim() ?? '';
  return holder && !/^all rights/i.test(holder) ? holder : null;
}
