// The HTML extraction fallback chain: which step produced the text is recorded on the result.
import type { Provenanced, Removed } from '../core/article.js';
import { normalizeDate } from './normalize-date.js';
import { densityExtract } from './density-extract.js';
import { dropPageFurniture, type FurnitureResult } from './drop-page-furniture.js';
import { blockTexts, collapseSpace, elements, parseHtml, type Document } from './html-dom.js';
import { htmlMetadata, type HtmlMetadata } from './html-metadata.js';
import { pruneForReadability } from './prune-for-readability.js';
import { readabilityExtract } from './readability-extract.js';
import { stripNoise } from './strip-noise.js';

export type ExtractionStep = 'structured-data' | 'readability' | 'density' | 'density-doubtful' | 'html-fragment' | 'whole-text' | 'none';

export interface ExtractionOptions {
  /** JSON-LD articleBody shorter than this is a teaser, not the article. */
  readonly minStructuredChars: number;
  /**
   * Readability's own threshold (characters of article text it must find before it stops retrying with looser
   * rules; every retry re-parses the page). Kept at `minArticleChars`: the chain rejects shorter results anyway.
   */
  readonly readabilityCharThreshold: number;
  /** Results of readability/density shorter than this fall through to the next step. */
  readonly minArticleChars: number;
  /** Markup without <html>/<body>/<head> and, once scripts and styles are dropped, shorter than this is a fragment (feed content), taken whole. */
  readonly maxFragmentChars: number;
  /** Pages whose markup, once stripped of noise, is longer than this skip Readability (slow on huge DOMs) even when the density result is doubtful. */
  readonly maxReadabilityChars: number;
  /** Pages with more elements than this skip Readability too: its passes grow faster than the element count (20,000 empty nested divs take 25 s). */
  readonly maxReadabilityElements: number;
  /** A density result shorter than this (after the furniture filter) is doubtful: Readability is asked. */
  readonly minConfidentChars: number;
  /** A density result whose best rival container scores above this share of the winner is doubtful (split story or wrong pick). */
  readonly maxRivalShare: number;
  /**
   * A density result holding less than this share of the distinct words of the page's JSON-LD articleBody (when it
   * has one of at least `minStructuredChars`) is doubtful: the page says its article is elsewhere.
   */
  readonly minStructuredWordShare: number;
}

export const DEFAULT_EXTRACTION_OPTIONS: ExtractionOptions = {
  minStructuredChars: 400,
  readabilityCharThreshold: 200,
  minArticleChars: 200,
  maxFragmentChars: 200_000,
  maxReadabilityChars: 4_000_000,
  // the largest page of the Zyte dev half has 1,596 elements
  maxReadabilityElements: 20_000,
  minConfidentChars: 500,
  maxRivalShare: 2 / 3,
  minStructuredWordShare: 0.5,
};

/**
 * Called as each step of the HTML path ends, with the step's name; the time since the previous call is that
 * step's cost. Only the extraction bench passes one (to print where the time goes); absent, nothing is measured.
 */
export type StepLap = (step: string) => void;

/**
 * Why the density step's result was not taken at once (the chain then asks Readability): too little text, a rival
 * block nearly as dense, the page's itemprop="articleBody" element elsewhere, or a JSON-LD articleBody whose words it
 * mostly lacks.
 */
export type DensityDoubt = 'short' | 'rival' | 'declared-body' | 'structured-words';

export interface HtmlExtraction {
  /** Paragraphs joined by single newlines. */
  readonly text: string;
  /** Lines the page-furniture filter took out of the extracted block, with reasons. */
  readonly removed: readonly Removed[];
  readonly extractedBy: ExtractionStep;
  readonly metadata: HtmlMetadata;
  /** Why the density step was doubtful, when it ran and was (empty when it was taken, or did not run). */
  readonly doubts: readonly DensityDoubt[];
}

/** Last resort for the date: a "Posted/Published ..." line the furniture filter took out of the story block. */
function timestampDate(removed: readonly Removed[]): Provenanced<string> | null {
  const stamps = removed.filter((r) => r.reason === 'timestamp');
  const ordered = [...stamps.filter((r) => /published|posted/i.test(r.text)), ...stamps.filter((r) => !/updated|modified/i.test(r.text))];
  for (const r of ordered) {
    const value = normalizeDate(r.text.replace(/^[|\s]*(?:first |last )?(?:published|posted|updated)(?: on| at)?:?\s*/i, ''));
    if (value) return { value, from: 'page-timestamp' };
  }
  return null;
}

/** A "Posted: ..." line is read anywhere on the page only when it is this short (a stamp, not a sentence). */
const MAX_STAMP_CHARS = 80;

/** Date of last resort when the story block had none: the first "Posted/Published ..." line anywhere on the page. */
function pageTimestampDate(doc: Document): Provenanced<string> | null {
  const stamps = blockTexts(doc).filter((p) => p.length <= MAX_STAMP_CHARS && /^[|\s]*(?:first )?(?:published|posted)\b/i.test(p));
  return timestampDate(stamps.map((text) => ({ text, reason: 'timestamp' })));
}

const wordSet = (text: string): Set<string> => new Set(text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []);

/** Share of the distinct words (3+ letters or digits) of `declared` that `paragraphs` hold too. */
function wordShare(declared: string, paragraphs: readonly string[]): number {
  const want = wordSet(declared);
  if (!want.size) return 1;
  const have = wordSet(paragraphs.join(' '));
  let shared = 0;
  for (const w of want) if (have.has(w)) shared++;
  return shared / want.size;
}

function chars(paragraphs: readonly string[]): number {
  return paragraphs.reduce((n, p) => n + p.length, 0);
}

function isFragment(lean: string, options: ExtractionOptions): boolean {
  return lean.length <= options.maxFragmentChars && !/<(?:html|body|head)\b/i.test(lean);
}

/** Splits a JSON-LD articleBody (plain text, sometimes with markup inside) into paragraphs. */
function structuredParagraphs(body: string): string[] {
  const text = /<\/?(?:p|br|div)\b/i.test(body) ? blockTexts(parseHtml(body)).join('\n') : body;
  return text.split(/\n+/).map(collapseSpace).filter(Boolean);
}

/**
 * Extraction chain over the page stripped of noise (stripNoise, unless the reader did it while decoding:
 * `noiseStripped`), first acceptable result wins:
 * 0. html-fragment: markup without a page around it (feed item content) is taken whole;
 * 1. density: own container-density extractor over the parsed tree, when confident: at least
 *    `minConfidentChars` after the furniture filter, no rival block above `maxRivalShare` of its score, and no
 *    contradiction from the page's own body markers (an itemprop="articleBody" element elsewhere, or a JSON-LD
 *    articleBody whose words it mostly lacks: `minStructuredWordShare`); as good as Readability on those pages at a
 *    fraction of the cost;
 * 2. readability: Readability.js over linkedom, at least `minArticleChars`, skipped for pages over `maxReadabilityChars`
 *    or `maxReadabilityElements`;
 * 3. structured-data: JSON-LD articleBody of at least `minStructuredChars` (often a teaser or truncated, so late);
 * 4. density-doubtful: the density result of step 1 after all, at least `minArticleChars`;
 * 5. whole-text: every visible paragraph of the page;
 * 6. none: the page has no visible text.
 * Every step's paragraphs pass the page-furniture filter (widget lines, labels above the story).
 */
export function extractHtml(html: string, url: string | null = null, options: ExtractionOptions = DEFAULT_EXTRACTION_OPTIONS, lap?: StepLap, noiseStripped = false): HtmlExtraction {
  const lean = noiseStripped ? html : stripNoise(html);
  if (!noiseStripped) lap?.('strip-noise');
  const doc = parseHtml(lean);
  lap?.('parse');
  const metadata = htmlMetadata(doc, url);
  lap?.('metadata');
  const doubts: DensityDoubt[] = [];
  const finish = (clean: FurnitureResult, extractedBy: ExtractionStep): HtmlExtraction => {
    const published = metadata.published ?? timestampDate(clean.removed) ?? pageTimestampDate(doc);
    lap?.('furniture');
    return { text: clean.kept.join('\n'), removed: clean.removed, extractedBy, metadata: published === metadata.published ? metadata : { ...metadata, published }, doubts };
  };
  const done = (paragraphs: readonly string[], extractedBy: ExtractionStep): HtmlExtraction => finish(dropPageFurniture(paragraphs), extractedBy);
  if (isFragment(lean, options)) {
    const whole = blockTexts(doc);
    return done(whole, whole.length ? 'html-fragment' : 'none');
  }
  const density = densityExtract(doc);
  lap?.('density');
  const furnished = dropPageFurniture(density.paragraphs);
  const dense: FurnitureResult = density.captions.length ? { kept: furnished.kept, removed: [...density.captions.map((text) => ({ text, reason: 'image-caption' })), ...furnished.removed] } : furnished;
  const denseChars = chars(dense.kept);
  if (denseChars < options.minConfidentChars) doubts.push('short');
  if (density.rivalShare > options.maxRivalShare) doubts.push('rival');
  // the page's own statements of where its article is (microdata marker, JSON-LD text) must not contradict the pick
  if (density.declaredBody === 'disjoint') doubts.push('declared-body');
  if (metadata.articleBody && metadata.articleBody.length >= options.minStructuredChars && wordShare(metadata.articleBody, dense.kept) < options.minStructuredWordShare) doubts.push('structured-words');
  if (!doubts.length) return finish(dense, 'density');
  const readable = lean.length <= options.maxReadabilityChars && elements(doc).length <= options.maxReadabilityElements ? readabilityExtract(pruneForReadability(doc), options.readabilityCharThreshold) : null;
  lap?.('readability');
  if (readable && chars(readable.paragraphs) >= options.minArticleChars) return done(readable.paragraphs, 'readability');
  if (metadata.articleBody) {
    const structured = structuredParagraphs(metadata.articleBody);
    if (chars(structured) >= options.minStructuredChars) return done(structured, 'structured-data');
  }
  if (denseChars >= options.minArticleChars) return finish(dense, 'density-doubtful');
  const whole = blockTexts(doc);
  return done(whole, whole.length ? 'whole-text' : 'none');
}
