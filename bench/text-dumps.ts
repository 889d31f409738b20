// Text dumps as scraped (GVC dev): outlet, date and title found, and junk lines removed, with the header block kept, stripped or glued to the lead.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../src/core/article.js';
import { toArticle } from '../src/ingest/index.js';
import { MAX_OUTLET_CHARS } from '../src/ingest/outlet-name.js';
import { BenchDataMissing, SHARED_BENCH, type BenchRun } from './types.js';

interface GoldDoc {
  readonly outlet: string;
  readonly published: string;
  readonly title: string;
}

/** How a dump reaches Parallax: as crawled (with its Date/Source/title header), or with the header lost in three ways. */
const VARIANTS = ['as-crawled', 'no-date-source', 'bare', 'crawler-glued'] as const;
type Variant = (typeof VARIANTS)[number];

const HEADER = /^Date: (.*)\n\n?Source: .*\n\n?(.*)\n\n?/;
/** A title longer than this is a paragraph taken for a title. */
const MAX_SANE_TITLE_CHARS = 150;

function variantBody(text: string, variant: Variant): string {
  const m = HEADER.exec(text);
  if (!m || variant === 'as-crawled') return text;
  const afterHeader = text.slice(m[0].length);
  if (variant === 'no-date-source') return `${m[2] ?? ''}\n\n${afterHeader}`;
  if (variant === 'bare') return afterHeader;
  return ` date ${m[1] ?? ''} ${afterHeader}`;
}

const words = (s: string): Set<string> => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/**
 * A removed line shaped like a story paragraph: 15+ words ending a sentence, without the marks of a credit or contact
 * line (a closing parenthesis, an address, a handle). Junk removal should leave these alone; the count is a guard.
 */
function proseShaped(line: string): boolean {
  return (line.match(/\S+/g)?.length ?? 0) >= 15 && /[.!?]["”’]?$/.test(line) && !/\)\s*\.?$|@|\b(?:copyright|all rights reserved)\b/i.test(line);
}

/** Most of the title's words are in the page's own title. */
function titleMatches(title: string, gold: string): boolean {
  const t = words(title);
  const g = words(gold);
  let shared = 0;
  for (const w of t) if (g.has(w)) shared++;
  return t.size > 0 && shared / t.size >= 0.5;
}

export const run: BenchRun = async (options) => {
  const root = options.data ? path.resolve(options.data) : fileURLToPath(new URL('gvc/dev', SHARED_BENCH));
  const goldPath = path.join(root, 'gold.json');
  if (!existsSync(goldPath)) throw new BenchDataMissing(root, 'GVC dev: gold.json and txt/');
  const gold = (JSON.parse(readFileSync(goldPath, 'utf8')) as { docs: Record<string, GoldDoc> }).docs;
  const files = readdirSync(path.join(root, 'txt')).filter((f) => f.endsWith('.txt')).sort();
  const metrics: Record<string, number> = { docs: files.length };
  const notes: string[] = [];
  for (const variant of VARIANTS) {
    let named = 0;
    let short = 0;
    let sameHost = 0;
    let date = 0;
    let titled = 0;
    let saneTitle = 0;
    let titleMatch = 0;
    let removed = 0;
    let docsWithRemoved = 0;
    let proseRemoved = 0;
    const proseReasons = new Map<string, number>();
    const reasons = new Map<string, number>();
    for (const f of files) {
      const id = f.slice(0, -'.txt'.length);
      const g = gold[id];
      if (!g) continue;
      const body = variantBody(readFileSync(path.join(root, 'txt', f), 'utf8'), variant);
      const a: Article = toArticle({ source: { path: path.join(root, 'txt', f) }, format: 'text', body, hints: {}, encoding: 'utf-8', diagnostics: [] });
      const outlet = a.meta.outlet;
      if (outlet && a.meta.outletGuessed !== true) named++;
      if (outlet && outlet.length <= MAX_OUTLET_CHARS) short++;
      if (outlet === g.outlet) sameHost++;
      if (a.meta.published?.slice(0, 10) === g.published) date++;
      const title = a.meta.title;
      if (title) titled++;
      if (title && title.length <= MAX_SANE_TITLE_CHARS) saneTitle++;
      if (title && titleMatches(title, g.title)) titleMatch++;
      removed += a.removed.length;
      if (a.removed.length) docsWithRemoved++;
      for (const r of a.removed) {
        reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
        if (!r.reason.startsWith('duplicate') && proseShaped(r.text)) {
          proseRemoved++;
          proseReasons.set(r.reason, (proseReasons.get(r.reason) ?? 0) + 1);
        }
      }
    }
    const n = files.length || 1;
    Object.assign(metrics, {
      [`${variant}.outlet<=60`]: short / n,
      [`${variant}.outlet-named`]: named / n,
      [`${variant}.outlet=host`]: sameHost / n,
      [`${variant}.date`]: date / n,
      [`${variant}.title`]: titled / n,
      [`${variant}.title<=150`]: saneTitle / n,
      [`${variant}.title~page`]: titleMatch / n,
      [`${variant}.removed-lines`]: removed,
      [`${variant}.docs-with-removed`]: docsWithRemoved,
      [`${variant}.prose-removed`]: proseRemoved,
    });
    notes.push(`${variant}: removed by reason ${[...reasons].sort((x, y) => y[1] - x[1]).map(([r, c]) => `${r} ${c}`).join(', ')}`);
    notes.push(`${variant}: prose-shaped lines removed (15+ words, sentence end, no credit/contact marks; not duplicates): ${proseRemoved}${proseRemoved ? ` (${[...proseReasons].map(([r, c]) => `${r} ${c}`).join(', ')})` : ''}`);
  }
  return { bench: 'text-dumps', data: options.data ?? null, metrics, notes };
};
