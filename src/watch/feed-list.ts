// The feeds to watch: URLs given directly, or the xmlUrl outlines of OPML lists (files or URLs).
import { readFile } from 'node:fs/promises';
import { parseDocument, DomUtils } from 'htmlparser2';
import { ParallaxError } from '../core/errors.js';

/** Feed URLs of an OPML document (every outline with an http(s) xmlUrl, nested groups included), in order, once each. */
export function parseOpml(xml: string): string[] {
  const doc = parseDocument(xml, { xmlMode: true });
  const outlines = DomUtils.getElementsByTagName('outline', doc.children, true);
  const urls = outlines.map((o) => (o.attribs['xmlUrl'] ?? o.attribs['xmlurl'] ?? '').trim()).filter((u) => /^https?:\/\//i.test(u));
  return [...new Set(urls)];
}

function isOpml(text: string): boolean {
  return /<opml[\s>]/i.test(text.slice(0, 4096));
}

/** Expands the command's arguments into feed URLs; an OPML list may be a file or a URL ending in .opml. */
export async function resolveFeeds(args: readonly string[], fetchText: (url: string) => Promise<string> = defaultFetchText): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    if (/^https?:\/\//i.test(arg)) {
      if (/\.opml(?:$|[?#])/i.test(arg)) out.push(...parseOpml(await fetchText(arg)));
      else out.push(arg);
      continue;
    }
    let text: string;
    try {
      text = await readFile(arg, 'utf8');
    } catch (err) {
      throw new ParallaxError('PX101', `${arg}: not an http(s) URL and not a readable OPML file (${(err as Error).message})`);
    }
    if (!isOpml(text)) throw new ParallaxError('PX100', `${arg}: not an OPML list (no <opml> element); pass feed URLs or an OPML file`);
    const urls = parseOpml(text);
    if (!urls.length) throw new ParallaxError('PX100', `${arg}: the OPML list has no outline with an http(s) xmlUrl`);
    out.push(...urls);
  }
  return [...new Set(out)];
}

async function defaultFetchText(url: string): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  if (!res.ok) throw new ParallaxError('PX102', `${url}: HTTP ${res.status} while reading the OPML list`);
  return res.text();
}
