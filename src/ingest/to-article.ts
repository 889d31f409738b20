// Raw article -> Article: extraction chain for HTML, header/byline/dateline/credit parsing, boilerplate removal, language.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { emptyLayers, type Article, type ArticleStatus, type Provenanced, type Removed } from '../core/article.js';
import { diagnostic, type Diagnostic } from '../core/diagnostics.js';
import type { RawArticle } from '../core/raw-article.js';
import { detectLanguage } from './detect-language.js';
import { DEFAULT_EXTRACTION_OPTIONS, extractHtml, type ExtractionOptions, type StepLap } from './extract-html.js';
import type { HtmlMetadata } from './html-metadata.js';
import { normalizeDate } from './normalize-date.js';
import { isJunkByline, parseByline } from './parse-byline.js';
import { parseDateline } from './parse-dateline.js';
import { MAX_OUTLET_CHARS, fileStem, hostOf, isHostName, isOutletName } from './outlet-name.js';
import { isTitleLike, parseTextHeader, type TextHeader } from './parse-text-header.js';
import { readLeadPrefix } from './read-lead-prefix.js';
import { firstOf, pv } from './provenanced.js';
import { DEFAULT_BOILERPLATE_OPTIONS, classifyLine, copyrightHolder, duplicateKey, keepsSpacing, removeBoilerplate, timestampDate, type BoilerplateOptions } from './remove-boilerplate.js';
import { canonicalAgency, creditLine, trailingCredit } from './wire-credits.js';

const STAGE = 'ingest.clean';

export interface ArticleOptions {
  readonly extraction: ExtractionOptions;
  readonly boilerplate: BoilerplateOptions;
}

export const DEFAULT_ARTICLE_OPTIONS: ArticleOptions = { extraction: DEFAULT_EXTRACTION_OPTIONS, boilerplate: DEFAULT_BOILERPLATE_OPTIONS };

/** Lines ending like this close a paragraph even without a blank line after them. */
const LINE_END = /[.!?:;"”’»)\]…]$/;

/** Control characters with no place in clean text: C0 other than tab and LF, DEL and C1 (escape sequences start here). */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;

/**
 * Normalizes line breaks and invisible characters; clean text never contains \r, tabs, zero-width marks or control
 * characters. Every Unicode line break (CR, CRLF, VT, FF, NEL, U+2028, U+2029) becomes \n.
 */
export function normalizeText(s: string): string {
  return s
    .replace(/\r\n?|[\v\f\u0085\u2028\u2029]/g, '\n')
    .replace(CONTROL, '')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\t\u00a0\u2007\u202f]/g, ' ');
}

const LINE_BREAK_OR_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** A metadata value (title, outlet, byline) on one line: line breaks and control characters become one space. */
export function oneLine(value: string): string {
  if (!LINE_BREAK_OR_CONTROL.test(value)) return value;
  return value.replace(new RegExp(LINE_BREAK_OR_CONTROL.source, 'g'), ' ').replace(/ {2,}/g, ' ').trim();
}

const oneLineField = <T extends { readonly value: string }>(field: T | null): T | null => (field ? { ...field, value: oneLine(field.value) } : null);

/**
 * Paragraphs of plain text: blank lines always separate; inside a block, a line that does not end a sentence
 * and is followed by a lower-case start is a hard wrap and is joined with a space.
 */
export function textParagraphs(lines: readonly string[], isWidget: (line: string) => boolean = () => false): string[] {
  const out: string[] = [];
  let cur = '';
  for (const raw of lines) {
    const line = keepsSpacing(raw) ? raw.trim() : raw.replace(/ {2,}/g, ' ').trim();
    if (!line) {
      if (cur) out.push(cur);
      cur = '';
      continue;
    }
    if (cur && !LINE_END.test(cur) && /^[\p{Ll}\d(“"‘']/u.test(line) && !isWidget(cur) && !isWidget(line)) cur += ` ${line}`;
    else {
      if (cur) out.push(cur);
      cur = line;
    }
  }
  if (cur) out.push(cur);
  return out;
}

interface BodyMeta {
  dateline: string | null;
  byline: string | null;
  bylineOutlet: string | null;
  credits: string[];
  /** Read from furniture glued to the lead (crawler date, aggregator fragment, masthead). */
  published: string | null;
  outlet: string | null;
  outletFrom: string | null;
  aggregator: string | null;
}

/** Paragraphs of furniture read off the top of a body at most: a date stamp line, a masthead line, then the lead. */
const MAX_FURNITURE_PARAGRAPHS = 3;

/** Reads crawler dates, aggregator fragments, mastheads and a dateline off the first paragraphs (see `readLeadPrefix`). */
function stripLeadFurniture(paragraphs: string[], meta: BodyMeta): void {
  for (let k = 0; k < MAX_FURNITURE_PARAGRAPHS && paragraphs.length > 1; k++) {
    const p = paragraphs[0] ?? '';
    const prefix = readLeadPrefix(p);
    if (prefix.length === 0) return;
    meta.published ??= prefix.published;
    if (prefix.outlet && !meta.outlet) {
      meta.outlet = prefix.outlet;
      meta.outletFrom = prefix.outletFrom;
    }
    meta.aggregator ??= prefix.aggregator;
    meta.dateline ??= prefix.dateline;
    if (prefix.credit) meta.credits.push(prefix.credit);
    const rest = p.slice(prefix.length).trim();
    if (rest) {
      paragraphs[0] = rest;
      return;
    }
    paragraphs.shift();
  }
}

/** Takes metadata out of the body: lead furniture, a leading byline, credit lines, the dateline, a trailing "— Reuters". */
function stripBodyMetadata(paragraphs: string[], removed: Removed[], format: RawArticle['format']): BodyMeta {
  const meta: BodyMeta = { dateline: null, byline: null, bylineOutlet: null, credits: [], published: null, outlet: null, outletFrom: null, aggregator: null };
  // a page's markup already set its masthead apart; the glued furniture is a text dump's
  if (format === 'text') stripLeadFurniture(paragraphs, meta);
  const first = paragraphs[0];
  if (first && /^(?:by|By|BY)\s+\p{Lu}/u.test(first) && first.length <= 120) {
    const parts = parseByline(first);
    if (parts.byline || parts.credits.length) {
      meta.byline = parts.byline;
      meta.bylineOutlet = parts.outlet;
      meta.credits.push(...parts.credits);
      paragraphs.shift();
    }
  }
  // credit lines at either end ("Additional reporting by the Associated Press")
  for (const end of ['head', 'tail'] as const) {
    for (;;) {
      const p = end === 'head' ? paragraphs[0] : paragraphs[paragraphs.length - 1];
      const credits = p !== undefined ? creditLine(p) : null;
      if (p === undefined || credits === null || paragraphs.length < 2) break;
      meta.credits.push(...credits);
      removed.push({ text: p, reason: 'credit-line' });
      if (end === 'head') paragraphs.shift();
      else paragraphs.pop();
    }
  }
  const lead = paragraphs[0];
  const dateline = lead && !meta.dateline ? parseDateline(lead) : null;
  if (lead && dateline && dateline.length < lead.length) {
    meta.dateline = dateline.text;
    if (dateline.credit) meta.credits.push(dateline.credit);
    paragraphs[0] = lead.slice(dateline.length);
  }
  const lastIndex = paragraphs.length - 1;
  const last = paragraphs[lastIndex];
  const tail = last ? trailingCredit(last) : null;
  if (last && tail && tail.at > 0) {
    meta.credits.push(tail.agency);
    paragraphs[lastIndex] = last.slice(0, tail.at).trimEnd();
  }
  return meta;
}

/** A title read from the body is at most this long; a longer first sentence is cut at a word. */
const MAX_BODY_TITLE_CHARS = 120;
const MIN_TITLE_WORDS = 3;

/**
 * A title for a body whose input named none:
 * 1. a short first paragraph shaped like a title (no sentence end) with more text after it, taken out of the body;
 * 2. the lead's first sentence, cut at a word when long (the body keeps it);
 * 3. null when the lead is too short to say anything.
 */
function titleFromBody(paragraphs: string[], format: RawArticle['format']): Provenanced<string> | null {
  const first = paragraphs[0];
  if (!first) return null;
  const words = first.split(/\s+/).length;
  if (format === 'text' && paragraphs.length > 1 && first.length <= MAX_BODY_TITLE_CHARS && words >= MIN_TITLE_WORDS && isTitleLike(first) && !/[!?"”]$/.test(first)) {
    paragraphs.shift();
    return { value: first, from: 'first-line' };
  }
  const sentence = /^.{20,}?[.!?](?=["”’]?\s+["“‘]?\p{Lu})/u.exec(first)?.[0] ?? first;
  if (sentence.split(/\s+/).length < MIN_TITLE_WORDS) return null;
  if (sentence.length <= MAX_BODY_TITLE_CHARS) return { value: sentence.replace(/\.$/, ''), from: 'lead-sentence' };
  const cut = sentence.slice(0, MAX_BODY_TITLE_CHARS);
  return { value: `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_BODY_TITLE_CHARS / 2)).replace(/[\s,;:–—-]+$/, '')}…`, from: 'lead-sentence' };
}

const TITLE_SEPARATOR = /\s+[|–—-]\s+/g;

/**
 * "Boy hurt in crash - Harbor-Courier.com | Valmore | News, Weather": a page title's site part starts at the
 * first segment that is a host name or the outlet's name; it is cut off, and a host found there is the site.
 */
function splitSiteSuffix(title: string, outlet: string | null): { title: string; site: string | null } {
  const own = outlet?.toLowerCase().replace(/^www\./, '') ?? null;
  for (const sep of title.matchAll(TITLE_SEPARATOR)) {
    const at = sep.index;
    const next = title.slice(at + sep[0].length).split(TITLE_SEPARATOR)[0]?.trim() ?? '';
    const host = isHostName(next);
    if (at > 0 && (host || (own !== null && next.toLowerCase() === own))) return { title: title.slice(0, at).trim(), site: host ? next : null };
  }
  return { title, site: null };
}

/** Paragraphs that repeat the title (scraped pages print the headline again above the lead) are not body text. */
function removeTitleRepeats(paragraphs: string[], title: string, removed: Removed[]): void {
  const key = duplicateKey(title);
  if (!key) return;
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const p = paragraphs[i] ?? '';
    if (duplicateKey(p) !== key || paragraphs.length < 2) continue;
    removed.push({ text: p, reason: 'duplicate-title' });
    paragraphs.splice(i, 1);
  }
}

interface RemovedLineMeta {
  /** Holder of the copyright line ("Copyright 2026 Harbor Courier"), unless it is a wire agency. */
  readonly copyrightOutlet: string | null;
  readonly agencies: readonly string[];
  /** Date of the first "Posted: ..." / bare date line, and of an "Updated: ..." line as a last resort. */
  readonly posted: string | null;
  readonly updated: string | null;
}

const OWNER_COMPANY = /\b(?:group|corp|corporation|inc|incorporated|llc|ltd|holdings|broadcasting|communications|media|company|co)\.?$/i;

/** Metadata the removed furniture still states: the copyright holder and the posted/updated dates. */
function metaFromRemoved(removed: readonly Removed[]): RemovedLineMeta {
  let copyrightOutlet: string | null = null;
  const agencies: string[] = [];
  let posted: string | null = null;
  let updated: string | null = null;
  for (const r of removed) {
    if (r.reason === 'copyright') {
      const holder = copyrightHolder(r.text);
      const agency = holder ? canonicalAgency(holder) : null;
      if (agency) agencies.push(agency);
      // the group that owns a station ("Harbor Media Group", "Valmore Broadcasting Inc.") is not the outlet
      else if (holder && isOutletName(holder) && !OWNER_COMPANY.test(holder)) copyrightOutlet ??= holder;
    } else if (r.reason === 'timestamp') {
      const d = timestampDate(r.text);
      if (d?.updated) updated ??= d.value;
      else if (d) posted ??= d.value;
    }
  }
  return { copyrightOutlet, agencies, posted, updated };
}

function displayName(raw: RawArticle): string {
  const p = raw.source.path;
  const base = p ? (p === '-' ? '<stdin>' : path.basename(p)) : raw.source.url ?? 'input';
  return raw.source.record ? `${base} ${raw.source.record}` : base;
}

/** Cleans one raw article into an Article with empty layers; pure and deterministic. `lap` times the steps (bench only). */
export function toArticle(raw: RawArticle, options: Partial<ArticleOptions> = {}, lap?: StepLap): Article {
  const opts = { ...DEFAULT_ARTICLE_OPTIONS, ...options };
  const name = displayName(raw);
  const diagnostics: Diagnostic[] = [...raw.diagnostics];
  const hints = raw.hints;
  const url = hints.url ?? raw.source.url ?? null;

  let html: HtmlMetadata | null = null;
  let extractedBy = 'plain-text';
  let body: string;
  const extractionRemoved: Removed[] = [];
  if (raw.format === 'html') {
    const ex = extractHtml(raw.body, url, opts.extraction, lap, raw.noiseStripped === true);
    html = ex.metadata;
    extractedBy = ex.extractedBy;
    body = ex.text;
    extractionRemoved.push(...ex.removed);
    if (ex.extractedBy === 'whole-text') diagnostics.push(diagnostic('warning', STAGE, 'no-article-found', `${name}: no article block found; kept all visible text of the page, which may include menus`));
  } else body = raw.body;

  const lines = normalizeText(body).split('\n');
  let header: TextHeader | null = null;
  let paragraphs: string[];
  if (raw.format === 'text') {
    header = parseTextHeader(lines);
    const bodyLines = header.lead === null ? lines.slice(header.bodyStart) : [header.lead, ...lines.slice(header.bodyStart)];
    paragraphs = textParagraphs(bodyLines, (line) => classifyLine(line, opts.boilerplate) !== null || creditLine(line) !== null);
  } else paragraphs = lines.map((l) => l.replace(/ {2,}/g, ' ').trim()).filter(Boolean);

  const cleaned = removeBoilerplate(paragraphs, opts.boilerplate);
  const removed: Removed[] = [...extractionRemoved, ...cleaned.removed];
  const kept = [...cleaned.kept];
  const bodyMeta = stripBodyMetadata(kept, removed, raw.format);
  const headerTitle = header?.title ? splitSiteSuffix(header.title, header.outlet) : null;
  const named = firstOf(pv(hints.title, 'container'), html?.title, pv(headerTitle?.title, 'text-header'));
  const title = oneLineField(named ?? titleFromBody(kept, raw.format));
  // a title cut from the lead's first sentence is still body text; only a title stated apart from the body repeats it
  if (title && title.from !== 'lead-sentence' && raw.format === 'text') removeTitleRepeats(kept, title.value, removed);
  const text = kept.filter((p) => p.trim()).join('\n');
  const fromRemoved = metaFromRemoved(cleaned.removed);
  lap?.('clean-text');

  const hintDate = hints.published ? normalizeDate(hints.published) : null;
  if (hints.published && !hintDate) diagnostics.push(diagnostic('warning', STAGE, 'unparsed-date', `${name}: could not read the date "${hints.published}"; use ISO 8601 (2026-03-14)`));
  const hintByline = hints.byline ? parseByline(hints.byline) : null;
  const domainOutlet = html?.outlet?.from === 'domain' ? html.outlet : null;

  const outletCandidates = [
    pv(hints.outlet, 'container'),
    domainOutlet ? null : html?.outlet,
    pv(header?.outlet, 'text-header'),
    pv(bodyMeta.outlet, bodyMeta.outletFrom ?? 'lead'),
    pv(header?.bylineOutlet ?? bodyMeta.bylineOutlet, 'byline'),
    pv(headerTitle?.site, 'title-suffix'),
    pv(fromRemoved.copyrightOutlet, 'copyright-line'),
  ];
  for (const c of outletCandidates) {
    if (c && !isOutletName(c.value)) diagnostics.push(diagnostic('info', STAGE, 'outlet-not-a-name', `${name}: "${c.value.slice(0, 80)}" (${c.from}) is not shaped like an outlet name (at most ${MAX_OUTLET_CHARS} characters, not a sentence); not used as the outlet`));
  }
  const statedOutlet = firstOf(...outletCandidates.map((c) => (c && isOutletName(c.value) ? c : null)));
  // 1. the outlet the input names; 2. the page's host (from markup's URL, the container or a header line); 3. the file's stem
  const outlet = oneLineField(statedOutlet ?? firstOf(domainOutlet, pv(hostOf(url ?? html?.url ?? header?.url), 'host'), pv(fileStem(raw.source), 'file-stem')));
  const outletGuessed = outlet !== null && statedOutlet === null;
  if (bodyMeta.aggregator) diagnostics.push(diagnostic('info', STAGE, 'relayed-by-aggregator', `${name}: relayed by "${bodyMeta.aggregator}"; the outlet is the one it names`));
  if (outlet && outletGuessed) diagnostics.push(diagnostic('info', STAGE, 'outlet-guessed', `${name}: no outlet named in the input; using "${outlet.value}" (${outlet.from}) as a guess. Pass the outlet (a "date YYYY-MM-DD Outlet" first line, feed or JSONL field) to replace it`));
  const published = firstOf(pv(hintDate, 'container'), html?.published, pv(header?.published, 'text-header'),
    pv(bodyMeta.published, 'crawler-date'),
    pv(fromRemoved.posted, 'timestamp-line'),
    pv(fromRemoved.updated, 'updated-line'),
  );
  const byline = oneLineField(firstOf(
    pv(hintByline?.byline && !isJunkByline(hintByline.byline) ? hintByline.byline : null, 'container'),
    html?.byline,
    pv(header?.byline, 'text-header'),
    pv(bodyMeta.byline, 'body'),
  ));
  const detected = detectLanguage(text);
  const language = firstOf(pv(detected, 'detected'), html?.language);
  lap?.('language');
  const credits = [...new Set([...(hintByline?.credits ?? []), ...(header?.credits ?? []), ...bodyMeta.credits, ...fromRemoved.agencies])];

  const provenance: Record<string, string> = {};
  const fields = { title, outlet, published, byline, language } as const;
  for (const [k, v] of Object.entries(fields)) if (v) provenance[k] = v.from;
  if (bodyMeta.dateline) provenance['dateline'] = 'dateline';
  if (credits.length) provenance['credits'] = 'text';

  let status: ArticleStatus = diagnostics.some((d) => d.severity === 'warning') ? 'partial' : 'ok';
  if (!text) {
    status = 'failed';
    diagnostics.push(diagnostic('error', STAGE, 'no-text', `${name}: no article text remains after extraction and cleaning; check that the file holds an article (see removed lines)`));
  }
  // The same body relayed verbatim by two outlets is two articles; the same file read twice is one.
  const identity = [outlet?.value ?? '', published?.value ?? '', title?.value ?? '', text].join('\u0000');
  const contentHash = createHash('sha256').update(identity).digest('hex');
  lap?.('identity');
  return {
    id: `a${contentHash.slice(0, 12)}`,
    contentHash,
    source: raw.source,
    text,
    removed,
    meta: {
      title: title?.value ?? null,
      outlet: outlet?.value ?? null,
      ...(outletGuessed ? { outletGuessed: true } : {}),
      published: published?.value ?? null,
      dateline: bodyMeta.dateline,
      byline: byline?.value ?? null,
      credits,
      language: language?.value ?? null,
      url: url ?? html?.url ?? header?.url ?? null,
      provenance,
    },
    layers: emptyLayers(),
    diagnostics,
    status,
    extractedBy,
    encoding: raw.encoding,
  };
}
