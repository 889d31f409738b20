import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyCorpus } from '../../core/corpus.js';
import { createContext } from '../../core/context.js';
import { fixtureArticle } from '../stories/fixture-article.js';
import { DUPLICATES_DEFAULTS, duplicatesStage, findDuplicates } from './duplicates.js';
import { estimatedJaccard, hashSeeds, minhash, shingleHashes } from './minhash.js';

const WIRE = [
  'MARENVALE, Oct 14 (Northwire) - A ferry carrying 212 passengers ran aground off the Kestrel Islands early on Tuesday, the Marenvale coast guard said, and at least 17 people were taken to hospital with minor injuries.',
  'The vessel, the Aurora Pell, left the port of Dunmore at 5:40 a.m. and struck a sandbank about 40 minutes later in heavy fog, coast guard spokeswoman Ilse Varga told reporters.',
  '"Visibility was close to zero and the crew reported a sudden loss of steering," Varga said, adding that an investigation had been opened into the ship\'s maintenance records.',
  'Operator Bluewake Lines said in a statement that all passengers had been brought ashore by lifeboats and fishing vessels by midday and that it was cooperating fully with investigators.',
  'The Kestrel route carries about 3,000 travellers a week in summer. It was suspended until Friday while divers inspect the hull, the ministry of transport said.',
];

const original = WIRE.join('\n');
// Another site: its own navigation and promo junk, and the last paragraph cut.
const syndicated = [
  'Home | World | Regional | Subscribe now and get 3 months free',
  ...WIRE.slice(0, 4),
  'Read more: Ten things to do on the Kestrel Islands this autumn',
  '© 2031 The Dunmore Courier. All rights reserved. Share on social',
].join('\n');
const otherStory = [
  'VELLORAN, Oct 14 (Northwire) - Lawmakers in Velloran approved a budget that raises the minimum pension by 4 percent, after a late-night session in which the opposition walked out twice.',
  'Finance minister Oskar Brandl said the increase would be paid from January and funded by a new levy on short-term rentals.',
  'The opposition Green Alliance called the levy "a tax on families" and said it would challenge the law in the constitutional court.',
].join('\n');

test('a syndicated copy with other site junk and a trimmed last paragraph is a duplicate of the earlier original', () => {
  const a = fixtureArticle({ id: 'wire', text: original, meta: { published: '2031-10-14T07:10' } });
  const b = fixtureArticle({ id: 'courier', text: syndicated, meta: { published: '2031-10-14T09:00' } });
  const c = fixtureArticle({ id: 'budget', text: otherStory, meta: { published: '2031-10-14T06:00' } });
  const links = findDuplicates([b, c, a]);
  assert.equal(links.length, 1);
  assert.equal(links[0]?.article, 'courier');
  assert.equal(links[0]?.duplicateOf, 'wire');
  assert.ok((links[0]?.similarity ?? 0) >= DUPLICATES_DEFAULTS.minContainment);
});

test('the earliest published copy is the original, and ties fall to the smallest id', () => {
  const early = fixtureArticle({ id: 'z-early', text: syndicated, meta: { published: '2031-10-14T06:00' } });
  const late = fixtureArticle({ id: 'a-late', text: original, meta: { published: '2031-10-14T08:00' } });
  assert.equal(findDuplicates([late, early])[0]?.duplicateOf, 'z-early');
  const x = fixtureArticle({ id: 'm', text: original });
  const y = fixtureArticle({ id: 'k', text: syndicated });
  assert.deepEqual(findDuplicates([x, y]).map((l) => [l.article, l.duplicateOf]), [['m', 'k']]);
});

test('articles that share one quoted sentence on the same event are not near-copies', () => {
  const rewrite = [
    'Passengers described panic and confusion after the Aurora Pell hit a sandbank near the Kestrel Islands, in what locals called the worst ferry accident in a decade.',
    '"Visibility was close to zero and the crew reported a sudden loss of steering," Varga said, adding that an investigation had been opened into the ship\'s maintenance records.',
    'Fishermen from Dunmore said they had warned for years that the channel was silting up, and the harbour master promised a new survey of the seabed before the winter season.',
  ].join('\n');
  const links = findDuplicates([fixtureArticle({ id: 'a', text: original }), fixtureArticle({ id: 'b', text: rewrite })]);
  assert.deepEqual(links, []);
});

test('min-hash estimates track the true Jaccard and are the same on every run', () => {
  const seeds = hashSeeds(120);
  const sa = shingleHashes(original, 5);
  const sb = shingleHashes(syndicated, 5);
  const sigA = minhash(sa, seeds);
  assert.deepEqual(sigA, minhash(sa, hashSeeds(120)));
  const shared = [...sa].filter((s) => sb.has(s)).length;
  const trueJ = shared / (sa.size + sb.size - shared);
  assert.ok(Math.abs(estimatedJaccard(sigA, minhash(sb, seeds)) - trueJ) < 0.15);
});

test('the stage output does not depend on input order', () => {
  const arts = [
    fixtureArticle({ id: 'wire', text: original }),
    fixtureArticle({ id: 'courier', text: syndicated }),
    fixtureArticle({ id: 'copy2', text: `${original}\nMore on this story later.` }),
    fixtureArticle({ id: 'budget', text: otherStory }),
  ];
  const ctx = createContext();
  const forward = duplicatesStage.run(emptyCorpus(arts), ctx, duplicatesStage.defaults);
  const backward = duplicatesStage.run(emptyCorpus([...arts].reverse()), ctx, duplicatesStage.defaults);
  assert.deepEqual(forward, backward);
  // No dates: the smallest id of the three copies is the original.
  assert.deepEqual(forward.duplicates?.map((l) => [l.article, l.duplicateOf]), [['courier', 'copy2'], ['wire', 'copy2']]);
});

test('shingles kept per article follow the shingle settings: a run with other settings equals a fresh one', () => {
  const make = () => [
    fixtureArticle({ id: 'wire', text: original, meta: { published: '2031-10-14T07:10' } }),
    fixtureArticle({ id: 'courier', text: syndicated, meta: { published: '2031-10-14T09:00' } }),
    fixtureArticle({ id: 'budget', text: otherStory, meta: { published: '2031-10-14T06:00' } }),
  ];
  const kept = make();
  const short = { ...DUPLICATES_DEFAULTS, shingleSize: 2, bands: 20, rows: 2 };
  const defaults = findDuplicates(kept);
  const other = findDuplicates(kept, short);
  // The settings matter here, so a stale memo would show.
  assert.notDeepEqual(other, defaults);
  assert.deepEqual(other, findDuplicates(make(), short));
  assert.deepEqual(findDuplicates(kept), findDuplicates(make()));
});
