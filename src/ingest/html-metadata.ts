// Page metadata from markup (JSON-LD, meta tags, <time>, URL), each value with the source that gave it.
import type { Provenanced } from '../core/article.js';
import { collapseSpace, elements, inlineText, type Document, type Element } from './html-dom.js';
import { dateFromUrl, normalizeDate } from './normalize-date.js';
import { hostOf } from './outlet-name.js';
import { isJunkByline, parseByline } from './parse-byline.js';
import { firstOf, isJsonObject, pv, type Json, type JsonObject } from './provenanced.js';

export interface HtmlMetadata {
  readonly title: Provenanced<string> | null;
  readonly outlet: Provenanced<string> | null;
  readonly published: Provenanced<string> | null;
  readonly byline: Provenanced<string> | null;
  readonly language: Provenanced<string> | null;
  readonly url: string | null;
  /** The JSON-LD articleBody, when the page carries one (the first step of the extraction chain). */
  readonly articleBody: string | null;
}


const ARTICLE_TYPES = /^(?:NewsArticle|Article|BlogPosting|ReportageNews|AnalysisNewsArticle|OpinionNewsArticle|LiveBlogPosting|WebPage|Report|ScholarlyArticle|TechArticle|BackgroundNewsArticle|SocialMediaPosting)$/;

function typesOf(o: JsonObject): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

function flattenLd(v: Json, out: JsonObject[], depth = 0): void {
  if (depth > 4) return;
  if (Array.isArray(v)) for (const x of v) flattenLd(x, out, depth + 1);
  else if (isJsonObject(v)) {
    out.push(v);
    const graph = v['@graph'];
    if (graph !== undefined) flattenLd(graph, out, depth + 1);
    const main = v['mainEntity'];
    if (main !== undefined && isJsonObject(main)) flattenLd(main, out, depth + 1);
  }
}

/** JSON-LD objects of article types, most article-like first (NewsArticle before WebPage). */
export function jsonLdArticles(doc: Document): JsonObject[] {
  return jsonLdArticlesOf(scanPage(doc).ldScripts);
}

function jsonLdArticlesOf(scripts: readonly Element[]): JsonObject[] {
  const all: JsonObject[] = [];
  for (const el of scripts) {
    const raw = el.children.map((c) => (c.type === 'text' ? c.data : '')).join('');
    try {
      flattenLd(JSON.parse(raw.replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')) as Json, all);
    } catch {
      // malformed JSON-LD is common; other sources still apply
    }
  }
  const articles = all.filter((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t)));
  const rank = (o: JsonObject): number => (typesOf(o).some((t) => t === 'WebPage') ? 1 : 0);
  return articles.sort((a, b) => rank(a) - rank(b));
}

function str(v: Json | undefined): string | null {
  if (typeof v === 'string') return collapseSpace(v) || null;
  if (Array.isArray(v)) return str(v[0]);
  if (isJsonObject(v)) return str(v['name']);
  return null;
}

function names(v: Json | undefined): string[] {
  if (Array.isArray(v)) return v.flatMap((x) => names(x));
  const s = str(v);
  return s ? [s] : [];
}

function metaIndex(metas: readonly Element[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const el of metas) {
    const key = (el.attribs['property'] ?? el.attribs['name'] ?? el.attribs['itemprop'] ?? '').toLowerCase();
    const content = el.attribs['content'];
    if (key && content && !m.has(key)) m.set(key, collapseSpace(content));
  }
  return m;
}

function fromMeta(meta: Map<string, string>, keys: readonly string[], normalize: (s: string) => string | null): Provenanced<string> | null {
  for (const k of keys) {
    const v = meta.get(k);
    const n = v ? normalize(v) : null;
    if (n) return { value: n, from: `meta:${k}` };
  }
  return null;
}

const DATE_META = ['article:published_time', 'og:article:published_time', 'datepublished', 'pubdate', 'publishdate', 'publish-date', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'sailthru.date', 'parsely-pub-date', 'article.published', 'publication_date', 'cxenseparse:recs:publishtime', 'og:pubdate', 'datecreated', 'article:published', 'pub_date', 'rnews:datepublished'];
const OUTLET_META = ['og:site_name', 'application-name', 'al:ios:app_name', 'twitter:app:name:iphone', 'publisher', 'dc.publisher'];
const TITLE_META = ['og:title', 'twitter:title', 'headline', 'dc.title', 'sailthru.title'];
const AUTHOR_META = ['author', 'article:author', 'byl', 'parsely-author', 'sailthru.author', 'dc.creator', 'cxenseparse:author'];

function firstTimeElement(times: readonly Element[]): Provenanced<string> | null {
  for (const el of times) {
    const v = normalizeDate(el.attribs['datetime'] ?? '') ?? normalizeDate(inlineText(el));
    if (v) return { value: v, from: 'time-element' };
  }
  return null;
}

function domainOutlet(url: string | null): Provenanced<string> | null {
  const host = hostOf(url);
  return host ? { value: host, from: 'domain' } : null;
}

function bylineFromMarkup(doc: Document): Provenanced<string> | null {
  for (const el of elements(doc)) {
    const rel = el.attribs['rel'] ?? '';
    const itemprop = el.attribs['itemprop'] ?? '';
    const cls = `${el.attribs['class'] ?? ''} ${el.attribs['id'] ?? ''}`;
    let from: string | null = null;
    if (/\bauthor\b/.test(rel)) from = 'rel-author';
    else if (itemprop === 'author') from = 'itemprop-author';
    else if (/\bbyline\b|\bauthor-name\b|\bbyline__name\b/i.test(cls)) from = 'byline-class';
    if (!from) continue;
    const text = inlineText(el);
    if (text.length > 120) continue;
    const parsed = parseByline(text);
    if (parsed.byline) return { value: parsed.byline, from };
  }
  return null;
}

/** The outlet's name as a title suffix ("Headline | Outlet") and prefix ("Outlet: Headline"), compiled once per outlet name. */
const outletAffixes = new Map<string, readonly [RegExp, RegExp]>();
/** Outlet names remembered (a batch rarely has more outlets than this; past it, patterns are compiled per call). */
const MAX_OUTLET_AFFIXES = 1000;

function outletAffixRes(outlet: string): readonly [RegExp, RegExp] {
  let res = outletAffixes.get(outlet);
  if (!res) {
    const escaped = outlet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    res = [new RegExp(`\\s*[|–—:-]\\s*${escaped}\\s*$`, 'i'), new RegExp(`^${escaped}\\s*[|–—:-]\\s*`, 'i')];
    if (outletAffixes.size < MAX_OUTLET_AFFIXES) outletAffixes.set(outlet, res);
  }
  return res;
}

function cleanTitle(title: string, outlet: string | null): string {
  let t = title;
  if (outlet) {
    const [suffix, prefix] = outletAffixRes(outlet);
    t = t.replace(suffix, '').replace(prefix, '');
  }
  // "Headline | Site" with an unknown site: drop the shortest trailing segment after a bar.
  const bar = /^(.{20,}?)\s+[|–—]\s+[^|–—]{2,40}$/.exec(t);
  return collapseSpace(bar?.[1] ?? t);
}

/** The elements metadata is read from, gathered in one walk of the tree (document order kept). */
interface PageScan {
  readonly metas: Element[];
  readonly ldScripts: Element[];
  readonly times: Element[];
  title: Element | null;
  h1: Element | null;
  html: Element | null;
  canonical: string | null;
}

function scanPage(doc: Document): PageScan {
  const scan: PageScan = { metas: [], ldScripts: [], times: [], title: null, h1: null, html: null, canonical: null };
  for (const el of elements(doc)) {
    const a = el.attribs;
    switch (el.name) {
      case 'meta':
        scan.metas.push(el);
        break;
      case 'script':
        if (/ld\+json/i.test(a['type'] ?? '')) scan.ldScripts.push(el);
        break;
      case 'time':
        scan.times.push(el);
        break;
      case 'title':
        scan.title ??= el;
        break;
      case 'h1':
        scan.h1 ??= el;
        break;
      case 'html':
        scan.html ??= el;
        break;
      case 'link':
        if (!scan.canonical && a['rel'] === 'canonical' && a['href']?.startsWith('http')) scan.canonical = a['href'];
        break;
    }
  }
  return scan;
}

function canonicalUrl(scan: PageScan, meta: Map<string, string>): string | null {
  if (scan.canonical) return scan.canonical;
  const og = meta.get('og:url');
  return og?.startsWith('http') ? og : null;
}

/** Reads title, outlet, date, byline and declared language; `pageUrl` is where the page was fetched from. */
export function htmlMetadata(doc: Document, pageUrl: string | null): HtmlMetadata {
  const scan = scanPage(doc);
  const meta = metaIndex(scan.metas);
  const ld = jsonLdArticlesOf(scan.ldScripts);
  const art = ld[0];
  const url = pageUrl ?? canonicalUrl(scan, meta);
  const ldPublisher = art ? str(art['publisher']) ?? str(art['sourceOrganization']) : null;
  const outlet = firstOf(pv(meta.get('og:site_name'), 'meta:og:site_name'), pv(ldPublisher, 'json-ld'), fromMeta(meta, OUTLET_META.slice(1), (s) => s), domainOutlet(url));
  const { title: titleEl, h1, html: htmlEl } = scan;
  const titleTag = titleEl ? inlineText(titleEl) || null : null;
  const title = firstOf(
    pv(art ? str(art['headline']) : null, 'json-ld'),
    fromMeta(meta, TITLE_META, (s) => cleanTitle(s, outlet?.value ?? null)),
    pv(h1 ? inlineText(h1) : null, 'h1'),
    pv(titleTag ? cleanTitle(titleTag, outlet?.value ?? null) : null, 'title-tag'),
  );
  const published = firstOf(
    pv(art ? normalizeDate(str(art['datePublished']) ?? '') : null, 'json-ld'),
    fromMeta(meta, DATE_META, normalizeDate),
    firstTimeElement(scan.times),
    pv(url ? dateFromUrl(url) : null, 'url'),
    pv(art ? normalizeDate(str(art['dateCreated']) ?? str(art['dateModified']) ?? '') : null, 'json-ld:modified'),
  );
  const ldAuthors = art ? names(art['author']).filter((n) => !isJunkByline(n)) : [];
  // the markup search walks the whole page, so it runs only when JSON-LD and meta tags name no author
  const byline =
    firstOf(pv(ldAuthors.length ? ldAuthors.join(', ') : null, 'json-ld'), fromMeta(meta, AUTHOR_META, (s) => (/^https?:/.test(s) ? null : parseByline(s).byline))) ??
    bylineFromMarkup(doc);
  const lang = htmlEl?.attribs['lang'] ?? meta.get('og:locale') ?? meta.get('content-language') ?? null;
  const body = art ? art['articleBody'] : undefined;
  return {
    title,
    outlet,
    published,
    byline,
    language: pv(lang ? lang.toLowerCase().split(/[-_]/)[0] : null, 'html-lang'),
    url,
    articleBody: typeof body === 'string' ? body : null,
  };
}
