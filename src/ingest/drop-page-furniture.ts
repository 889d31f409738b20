// Cleans extracted page paragraphs: widget lines anywhere, and short non-sentence label lines before the story.
import type { Removed } from '../core/article.js';
import { normalizeDate } from './normalize-date.js';
import { classifyLine, DEFAULT_BOILERPLATE_OPTIONS, type BoilerplateOptions } from './remove-boilerplate.js';

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

export interface FurnitureResult {
  readonly kept: string[];
  readonly removed: Removed[];
}

/** Removes widget lines and the label lines above an extracted story; every removal keeps its reason. */
export function dropPageFurniture(paragraphs: readonly string[], options: BoilerplateOptions = DEFAULT_BOILERPLATE_OPTIONS): FurnitureResult {
  const kept: string[] = [];
  const removed: Removed[] = [];
  for (const p of paragraphs) {
    const reason = classifyLine(p, options) ?? (onlyDate(p) ? 'timestamp' : null);
    if (reason) removed.push({ text: p, reason });
    else kept.push(p);
  }
  const firstStory = kept.findIndex((p) => words(p) >= STORY_WORDS);
  if (firstStory < 0) return { kept, removed };
  let head = 0;
  while (head < firstStory && edgeLabel(kept[head] ?? '')) head++;
  // only the head is trimmed: short lines after a story are often its credits ("With Post wires"), which stay
  for (const p of kept.slice(0, head)) removed.push({ text: p, reason: 'page-label' });
  return { kept: kept.slice(head), removed };
}
