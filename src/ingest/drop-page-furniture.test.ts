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
