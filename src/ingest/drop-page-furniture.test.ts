import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dropPageFurniture } from './drop-page-furniture.js';

const story = 'The district council of Sorrel Bay said on Tuesday that the river bridge would reopen next week after repairs.';

test('label lines above the story go; the same kind of line after it stays (it is often a credit)', () => {
  const r = dropPageFurniture(['Entertainment', 'Nov 19, 2019', story, 'With Post wires']);
  assert.deepEqual(r.kept, [story, 'With Post wires']);
  assert.deepEqual(r.removed, [
    { text: 'Nov 19, 2019', reason: 'timestamp' },
    { text: 'Entertainment', reason: 'page-label' },
  ]);
});

test('tweet attributions with dates and short sentences are not mistaken for furniture', () => {
  const tweet = '— Harbor Port Authority (@HarborPort) March 14, 2026';
  const r = dropPageFurniture([story, tweet, 'He said no.']);
  assert.deepEqual(r.kept, [story, tweet, 'He said no.']);
});

test('a text without any story-length paragraph is left alone apart from widget lines', () => {
  const r = dropPageFurniture(['Closed today', 'Share', 'Back on Monday']);
  assert.deepEqual(r.kept, ['Closed today', 'Back on Monday']);
});

test('a late "You may also like" marker ends the story: the teaser list after it is removed', () => {
  const teaser = 'Ferry fares to rise in spring, the operator said in a statement on its website this week.';
  const r = dropPageFurniture([story, story.replace('Tuesday', 'Monday'), 'You may also like...', 'Harbor festival returns', teaser]);
  assert.equal(r.kept.length, 2);
  assert.deepEqual(r.removed.map((x) => x.reason), ['related-link', 'related-link', 'related-link']);
});

test('a mid-story "Don\'t miss" box does not cut the rest of the story', () => {
  const r = dropPageFurniture([story, "DON'T MISS", 'Valmore mayor resigns [INSIGHT]', story.replace('Tuesday', 'Friday'), story.replace('Tuesday', 'Sunday')]);
  assert.equal(r.kept.length, 3);
});

test('a late "More ... Stories" heading ends the story; an author box after the last paragraph goes, one inside the story stays', () => {
  const bio = 'Ana Ruiz is the Harbor Courier\'s ferry reporter. Follow her on Twitter @aruiz.';
  const r = dropPageFurniture([story, bio, story.replace('Tuesday', 'Monday'), bio, 'More Great Harbor Stories', 'Valmore mayor resigns over ferry deal']);
  assert.deepEqual(r.kept, [story, bio, story.replace('Tuesday', 'Monday')]);
  assert.deepEqual(r.removed.map((x) => x.reason), ['related-link', 'related-link', 'author-bio']);
});

test('a story that is one paragraph about a reporter keeps it', () => {
  const only = 'Ana Ruiz is a reporter at the Harbor Courier who was honoured by the Valmore press club on Tuesday for her ferry series.';
  assert.deepEqual(dropPageFurniture([only]).kept, [only]);
});
