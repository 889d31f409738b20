// The per-article memos of story analysis are keyed on every input they read: a story re-analyzed through warm memos, in changing company, reports what a cold analysis reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../core/article.js';
import { createContext } from '../core/context.js';
import { defaultPipeline } from '../pipeline/registry.js';
import { analyzeFolder, analyzeTexts } from '../../test/helpers/corpus.js';
import { seededRandom } from '../../test/helpers/seeded-random.js';
import { analyzeStory } from './story-analysis.js';

const examples = new URL('../../examples/', import.meta.url).pathname;
const { corpus } = await analyzeFolder([examples]);

/**
 * Invented follow-ups of the demo's ferry fire: one captain named three ways ("Varga", "Ilse Varga", "Ilse Marta
 * Varga"), so her entity's canonical name depends on which of them the story holds; one remark quoted by three
 * outlets, once with other words, so quote groups and misquotes come and go; tolls that differ.
 */
const followUps = analyzeTexts([
  {
    path: 'bay-courier.txt',
    text: 'date 2026-03-12 09:00 Invented Bay Courier\nCaptain recalls ferry fire\n\nCaptain Ilse Varga of the Saint Brendan said the crew acted fast. "We got every passenger off the car deck within minutes," Varga said. Officials said 19 people were injured in the fire at the Velmora terminal on Tuesday.\n',
  },
  {
    path: 'tidewater-radio.txt',
    text: 'date 2026-03-12 13:30 Invented Tidewater Radio\nFerry captain speaks\n\nVarga, the ferry\'s captain, told reporters: "We got every passenger off the car deck within minutes." The Velmora Port Authority said 17 people were hurt in Tuesday\'s fire.\n',
  },
  {
    path: 'gull-point-times.txt',
    text: 'date 2026-03-13 08:15 Invented Gull Point Times\nInquiry into Saint Brendan fire\n\nIlse Marta Varga, captain of the Saint Brendan, said on Wednesday: "We got all the passengers off the deck within minutes." At least 21 people were injured, the port authority said.\n',
  },
]).articles;

/**
 * A wire copy of a demo article under another outlet, crediting no agency: with its original in the story it counts
 * as the original's outlet (the duplicates stage), alone as its own, so the source a mention counts as changes with
 * the company it keeps. Its quotes are left unread, so that source is the only input of its claim mentions that the
 * original's presence changes (with quotes, their groups would change too and hide a key missing the source).
 */
const original = corpus.articles.find((a) => !a.meta.credits.length)!;
const copy: Article = {
  ...original,
  id: `${original.id}-copy`,
  contentHash: `${original.contentHash}-copy`,
  meta: { ...original.meta, outlet: 'Invented Relay Wire' },
  layers: { ...original.layers, quotes: [], attributions: [] },
};
const articles: readonly Article[] = [copy, ...followUps, ...corpus.articles];

/**
 * The story memberships a growing story passes through, and more: every prefix and suffix in corpus order, and seeded
 * random subsets. Each changes what the rest of the story says about an article (its entities' canonical names and
 * ids, its quotes' groups and speakers, the source it counts as, the story's term counts), which the memo keys must
 * name.
 */
function memberships(): Article[][] {
  const out: Article[][] = [];
  for (let n = 1; n <= articles.length; n++) out.push(articles.slice(0, n));
  for (let n = articles.length - 1; n >= 1; n--) out.push(articles.slice(n));
  const random = seededRandom(14);
  for (let i = 0; i < 24; i++) {
    const picked = articles.filter(() => random() < 0.5);
    if (picked.length) out.push(picked);
  }
  out.push([...articles]);
  return out;
}

test('a story re-analyzed through warm per-article memos reports exactly what a cold analysis of the same members reports', () => {
  const pipeline = defaultPipeline();
  const ctx = createContext();
  const seen = new Set<string>();
  for (const members of memberships()) {
    // Warm: the same article objects every time, so each memo entry made in earlier company is offered again.
    const warm = JSON.stringify(analyzeStory('s1', members, pipeline, ctx));
    // Cold: fresh objects with the same content, so no memo entry exists for them.
    const cold = JSON.stringify(analyzeStory('s1', members.map((a) => ({ ...a })), pipeline, ctx));
    assert.equal(warm, cold, `story of ${members.map((a) => a.id).join(', ')}`);
    seen.add(warm);
  }
  // The memberships really differ in what they report (so the memos were offered changed inputs).
  assert.ok(seen.size >= 20, `only ${seen.size} distinct reports`);
});
