// The online index in a corpus of a few articles (a served UI's first hours): a shared day and shared harbour words do not join two events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plainTextArticle, type Article } from '../core/article.js';
import { createContext } from '../core/context.js';
import { runArticleStages } from '../pipeline/runner.js';
import type { ArticleStage } from '../pipeline/stage.js';
import { entitiesStage } from '../stages/entities/index.js';
import { sentencesStage } from '../stages/sentences/index.js';
import { timesStage } from '../stages/times/index.js';
import { StoryIndex, STORY_INDEX_DEFAULTS, type StoryIndexConfig } from './story-index.js';

/** The stages whose layers story features read: weekdays become dates only through the time layer. */
const STAGES = [sentencesStage, entitiesStage, timesStage] as ArticleStage<unknown>[];

function analyzed(id: string, outlet: string, published: string, title: string, text: string): Article {
  return runArticleStages(plainTextArticle(text, { id, meta: { outlet, title, published } }), STAGES, createContext());
}

// One event, six outlets: a fire in a grain silo at the port of Alvik on a Tuesday.
const SILO = [
  analyzed('silo1', 'Alvik Courier', '2027-05-11T21:40', 'Fire breaks out in grain silo at Alvik port',
    'A fire broke out in a grain silo at the port of Alvik on Tuesday evening, the Alvik fire service said. Four firefighters were treated for smoke inhalation. Harbour traffic was halted while crews fought the blaze.'),
  analyzed('silo2', 'Tidewater Radio', '2027-05-12T07:15', 'Alvik silo fire burns through the night',
    'Firefighters battled a fire in a grain silo in Alvik port through the night, the fire service said on Wednesday. Chief fire officer Margit Halvorsen said four firefighters had been treated for smoke inhalation.'),
  analyzed('silo3', 'Northmere Post', '2027-05-12T09:00', 'Grain silo fire at Alvik: harbour closed',
    'The port of Alvik stayed closed on Wednesday after Tuesday\'s fire in a grain silo. Margit Halvorsen, the chief fire officer, said the silo held 3,000 tonnes of barley when the fire started.'),
  analyzed('silo4', 'Baltic Freight Review', '2027-05-12T10:30', 'Alvik silo fire halts grain shipments',
    'Grain shipments from Alvik were suspended on Wednesday after fire gutted a silo holding 3,000 tonnes of barley, the port authority said. Shipping agents said vessels were waiting outside the harbour.'),
  analyzed('silo5', 'Alvik Courier', '2027-05-12T14:00', 'Dust explosion suspected in Alvik silo fire',
    'Investigators suspect a dust explosion caused Tuesday\'s fire in the Alvik grain silo, chief fire officer Margit Halvorsen said on Wednesday. The fire service said the blaze was under control but the silo would burn for days.'),
  analyzed('silo6', 'Eastmark Daily', '2027-05-12T16:20', 'Alvik port reopens partly after silo fire',
    'Part of the port of Alvik reopened on Wednesday afternoon as firefighters kept cooling the burnt grain silo, the port authority said. Four firefighters treated for smoke inhalation had left hospital.'),
];

/** A later report of the same fire, and an unrelated harbour accident on the same day elsewhere. */
const SILO_UPDATE = analyzed('silo7', 'Northmere Post', '2027-05-13T08:00', 'Alvik silo fire: inquiry opens',
  'An inquiry opened on Thursday into the fire in the grain silo at the port of Alvik, the port authority said. Chief fire officer Margit Halvorsen said investigators would examine the silo once it had cooled.');
const CRANE = analyzed('crane', 'Brennick Evening News', '2027-05-13T11:00', 'Harbour crane topples in Brennick, two dock workers hurt',
  'A harbour crane toppled onto the quay in Brennick on Thursday, injuring two dock workers, the Brennick port director said. Work on the east quay was halted while engineers inspected the crane.');

function assignAll(config: StoryIndexConfig): { first: string[]; update: string; crane: string; silo: string } {
  const index = new StoryIndex(config);
  for (const a of SILO) index.assign(a);
  const silo = index.storyOfArticle('silo1') ?? '';
  const update = index.assign(SILO_UPDATE).story;
  const crane = index.assign(CRANE).story;
  return { first: SILO.map((a) => index.storyOfArticle(a.id) ?? ''), silo, update, crane };
}

test('in a corpus of eight articles, an unrelated harbour accident reported on the day of a story\'s update opens its own story', () => {
  const { first, silo, update, crane } = assignAll(STORY_INDEX_DEFAULTS);
  assert.deepEqual(first, SILO.map(() => silo), 'the six reports of the fire are one story');
  assert.equal(update, silo, 'the update joins the silo fire');
  assert.notEqual(crane, silo, 'the crane accident stays apart');
});

test('the same corpus with dates and years weighed at the names\' floor joins the harbour accident to the fire (the floor is what the first test guards)', () => {
  const floors = { ...STORY_INDEX_DEFAULTS.idfMinDocuments, time: STORY_INDEX_DEFAULTS.idfMinDocuments.instance };
  const { silo, crane } = assignAll({ ...STORY_INDEX_DEFAULTS, idfMinDocuments: floors });
  assert.equal(crane, silo);
});
