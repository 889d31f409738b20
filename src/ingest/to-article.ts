// Raw article -> Article: extraction chain for HTML, header/byline/dateline/credit parsing, boilerplate removal, language.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { emptyLayers, type Article, type ArticleStatus, type Removed } from '../core/article.js';
import { diagnostic, type Diagnostic } from '../core/diagnostics.js';
import type { RawArticle } from '../core/raw-article.js';
import { detectLanguage } from './detect-language.js';
import { DEFAULT_EXTRACTION_OPTIONS, extractHtml, type ExtractionOptions, type StepLap } from './extract-html.js';
import type { HtmlMetadata } from './html-metadata.js';
import { normalizeDate } from './normalize-date.js';
import { isJunkByline, parseByline } from './parse-byline.js';
import { parseDateline } from './parse-dateline.js';
import { parseTextHeader, type TextHeader } from './parse-text-header.js';
import { firstOf, pv } from './provenanced.js';
import { DEFAULT_BOILERPLATE_OPTIONS, classifyLine, removeBoilerplate, type BoilerplateOptions } from './remove-boilerplate.js';
import { creditLine, trailingCredit } from './wire-credits.js';

const STAGE = 'ingest.clean';

export interface ArticleOptions {
  readonly extraction: ExtractionOptions;
  readonly boilerplate: BoilerplateOptions;
}

export const DEFAULT_ARTICLE_OPTIONS: ArticleOptions = { extraction: DEFAULT_EXTRACTION_OPTIONS, boilerplate: DEFAULT_BOILERPLATE_OPTIONS };

/** Lines ending like this close a paragraph even without a blank line after them. */
const LINE_END = /[.!?:;"”’»)\]…]$/;

/** Normalizes line breaks and invisible characters; clean text never contains \r, tabs or zero-width marks. */
function normalizeText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\t\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u2028\u2029]/g, '\n');
}

/**
 * Paragraphs of plain text: blank lines always separate; inside a block, a line that does not end a sentence
 * and is followed by a lower-case start is a hard wrap and is joined with a space.
 */
export function textParagraphs(lines: readonly string[], isWidget: (line: string) => boolean = () => false): string[] {
  const out: string[] = [];
  let cur = '';
  for (const raw of lines) {
    const line = raw.replace(/ {2,}/g, ' ').trim();
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
}

/** Takes metadata out of the body: a leading byline, credit lines, the dateline, a trailing "— Reuters". */
function stripBodyMetadata(paragraphs: string[], removed: Removed[]): BodyMeta {
  const meta: BodyMeta = { dateline: null, byline: null, bylineOutlet: null, credits: [] };
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
  const dateline = lead ? parseDateline(lead) : null;
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
    paragraphs = textParagraphs(lines.slice(header.bodyStart), (line) => classifyLine(line, opts.boilerplate) !== null || creditLine(line) !== null);
  } else paragraphs = lines.map((l) => l.replace(/ {2,}/g, ' ').trim()).filter(Boolean);

  const cleaned = removeBoilerplate(paragraphs, opts.boilerplate);
  const removed: Removed[] = [...extractionRemoved, ...cleaned.removed];
  const kept = [...cleaned.kept];
  const bodyMeta = stripBodyMetadata(kept, removed);
  const text = kept.filter((p) => p.trim()).join('\n');
  lap?.('clean-text');

  const hintDate = hints.published ? normalizeDate(hints.published) : null;
  if (hints.published && !hintDate) diagnostics.push(diagnostic('warning', STAGE, 'unparsed-date', `${name}: could not read the date "${hints.published}"; use ISO 8601 (2026-03-14)`));
  const hintByline = hints.byline ? parseByline(hints.byline) : null;
  const domainOutlet = html?.outlet?.from === 'domain' ? html.outlet : null;

  const title = firstOf(pv(hints.title, 'container'), html?.title, pv(header?.title, 'text-header'));
  const outlet = firstOf(pv(hints.outlet, 'container'), domainOutlet ? null : html?.outlet, pv(header?.outlet, 'text-header'), pv(header?.bylineOutlet ?? bodyMeta.bylineOutlet, 'byline'), domainOutlet);
  const published = firstOf(pv(hintDate, 'container'), html?.published, pv(header?.published, 'text-header'));
  const byline = firstOf(
    pv(hintByline?.byline && !isJunkByline(hintByline.byline) ? hintByline.byline : null, 'container'),
    html?.byline,
    pv(header?.byline, 'text-header'),
    pv(bodyMeta.byline, 'body'),
  );
  const detected = detectLanguage(text);
  const language = firstOf(pv(detected, 'detected'), html?.language);
  lap?.('language');
  const credits = [...new Set([...(hintByline?.credits ?? []), ...(header?.credits ?? []), ...bodyMeta.credits])];

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
