// Cleans extracted page paragraphs: widget lines anywhere, teaser lists after a late "Related" marker, label lines before the story.
import type { Removed } from '../core/article.js';
import { normalizeDate } from './normalize-date.js';
import { classifyLine, DEFAULT_BOILERPLATE_OPTIONS, isAuthorBio, RELATED_HEADING, type BoilerplateOptions } from './remove-boilerplate.js';

/** A paragraph with at least this many words is story text; the head is trimmed only up to the first one. */
const STORY_WORDS = 12;
/** Head lines this short that do not end a sentence are labels, kickers or dates. */
const MAX_EDGE_LABEL_WORDS = 6;

const words = (p: string): number => p.split(/\s+/).filter(Boolean).length;
const endsSentence = (p: string): boolean => /[.!?…]["”’»)]?$/.test(p);

function edgeLabel(p: string): boolean {
  return words(p) <= MAX_EDGE_LABEL_WORDS && !endsSentence(p);
}

/** A line that is only a date or time ("Nov 19, 2019 6:55 AM"). */
function onlyDate(p: string): boolean {
  return p.length <= 60 && !/[@—–]/.test(p) && normalizeDate(p) !== null && words(p.replace(/[\d:,./-]+/g, '')) <= 4;
}

/** Author boxes looked for at the end of an article: a bio and a "follow her" line at most. */
const MAX_TAIL_BIOS = 2;

/** A related-stories marker after this share of the story's characters ends it: what follows is teasers. */
const TEASER_TAIL_AFTER = 0.5;
/** Markers that end an article page (unlike "Don't miss", which sites also put mid-story). */
const TAIL_MARKER = /^(?:want more stories|you (?:may|might) (?:also )?like|recommended(?: for you| stories)?|more stories|related (?:stories|articles|coverage|content)|read next|most (?:popular|read|viewed)|trending now)\b/i;

export interface FurnitureResult {
  readonly kept: string[];
  readonly removed: Removed[];
}

/** Removes widget lines and the label lines above an extracted story; every removal keeps its reason. */
export function dropPageFurniture(paragraphs: readonly string[], options: BoilerplateOptions = DEFAULT_BOILERPLATE_OPTIONS): FurnitureResult {
  const kept: string[] = [];
  const removed: Removed[] = [];
  const total = paragraphs.reduce((n, p) => n + p.length, 0);
  let seen = 0;
  let teasers = false;
  for (const p of paragraphs) {
    seen += p.length;
    const reason = teasers ? 'related-link' : classifyLine(p, options) ?? (onlyDate(p) ? 'timestamp' : null);
    if (reason === 'related-link' && (TAIL_MARKER.test(p) || RELATED_HEADING.test(p)) && seen > TEASER_TAIL_AFTER * total) teasers = true;
    if (reason) removed.push({ text: p, reason });
    else kept.push(p);
  }
  const firstStory = kept.findIndex((p) => words(p) >= STORY_WORDS);
  if (firstStory < 0) return { kept, removed };
  // author boxes after the story's last paragraph (at most MAX_TAIL_BIOS of them, never the only story paragraph)
  let tail = kept.length;
  while (tail > firstStory + 1 && kept.length - tail < MAX_TAIL_BIOS && isAuthorBio(kept[tail - 1] ?? '')) tail--;
  for (const p of kept.splice(tail)) removed.push({ text: p, reason: 'author-bio' });
  let head = 0;
  while (head < firstStory && edgeLabel(kept[head] ?? '')) head++;
  // only the head is trimmed: short lines after a story are often its credits ("With Post wires"), which stay
  for (const p of kept.slice(0, head)) removed.push({ text: p, reason: 'page-label' });
  return { kept: kept.slice(head), removed };
}
