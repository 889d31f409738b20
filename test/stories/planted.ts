// Planted answers of the seven fictional multi-outlet stories: the conflicts and claim statuses a reader should see.
import type { PlantedStory } from './score.js';

export const FERRY: PlantedStory = {
  name: 'ferry',
  conflicts: [
    { kind: 'number', a: '212 passengers', b: 'about 90 passengers' },
    { kind: 'time', a: 'sank at 6:15 a.m.', b: 'sank shortly before 9 a.m.' },
  ],
  statuses: [
    { text: 'One person was killed', status: 'evolving' },
    { text: '24 people were killed', status: 'evolving' },
    { text: '212 passengers', status: 'disputed' },
    { text: 'about 90 passengers', status: 'disputed' },
    // "at least 17" and "more than a dozen": compatible counts at different precision.
    { text: 'at least 17 survivors', status: 'corroborated' },
    { text: 'operated by Brightwater Lines', status: 'corroborated' },
    { text: 'suspended all sailings', status: 'single-source' },
    // Two outlets relaying one AFP copy are one source.
    { text: 'Relatives gathered at the harbour', status: 'single-source' },
  ],
};

export const PORT_STRIKE: PlantedStory = {
  name: 'port-strike',
  conflicts: [
    { kind: 'number', a: 'lasted 30 minutes', b: 'lasted almost two hours' },
    { kind: 'quote', a: 'We will not sign it this week', b: 'We will not sign it at all' },
    { kind: 'negation', a: 'was not on the agenda', b: 'Wage indexation was on the agenda' },
  ],
  statuses: [
    { text: 'lasted 30 minutes', status: 'disputed' },
    { text: 'lasted almost two hours', status: 'disputed' },
    { text: 'was not on the agenda', status: 'disputed' },
    { text: 'broke down on Thursday', status: 'corroborated' },
    { text: 'collapsed on Thursday', status: 'corroborated' },
    { text: 'halted cargo traffic', status: 'corroborated' },
    { text: 'Our offer of a 4 percent raise stands', status: 'corroborated' },
    { text: 'Some 1,800 dockworkers', status: 'corroborated' },
    { text: 'offer remained on the table', status: 'single-source' },
  ],
};

export const BUDGET_VOTE: PlantedStory = {
  name: 'budget-vote',
  conflicts: [
    // Two orderings of one event against another (issue 11 made them their own kind, `sequence`).
    { kind: 'sequence', a: 'resigned before the vote', b: 'resigned hours after the vote' },
    // 1,200 and "about 1,240" jobs are compatible; the superlative is not.
    { kind: 'superlative', a: 'the largest cut', b: 'one of the largest cuts' },
  ],
  statuses: [
    { text: 'resigned hours after the vote', status: 'disputed' },
    { text: 'by 81 votes to 64', status: 'corroborated' },
    { text: 'a betrayal of every nurse and teacher', status: 'corroborated' },
    { text: 'Kell will be replaced by his deputy', status: 'single-source' },
  ],
};

export const WILDFIRE: PlantedStory = {
  name: 'wildfire',
  conflicts: [
    { kind: 'time', a: 'broke out on Saturday afternoon', b: 'started on Sunday' },
    { kind: 'number', a: 'more than 3,000 hectares', b: '2,500 hectares' },
    { kind: 'negation', a: 'No homes were destroyed', b: 'Several homes were destroyed' },
  ],
  statuses: [
    { text: 'started on Sunday', status: 'disputed' },
    { text: '2,500 hectares', status: 'disputed' },
    { text: 'Several homes were destroyed', status: 'disputed' },
    // "About", "nearly" and "some" 4,000: one figure at different precision.
    { text: 'About 4,000 residents', status: 'corroborated' },
    { text: 'Firefighters from three neighbouring regions', status: 'corroborated' },
    { text: 'under control but not contained', status: 'corroborated' },
  ],
};

export const MUSEUM_THEFT: PlantedStory = {
  name: 'museum-theft',
  conflicts: [
    { kind: 'number', a: 'stole three paintings', b: 'Five paintings were stolen' },
    { kind: 'superlative', a: 'the largest art theft', b: 'one of the largest art thefts' },
    { kind: 'sequence', a: 'after the alarm had been switched off', b: 'before the alarm was switched off' },
  ],
  statuses: [
    { text: 'Five paintings were stolen', status: 'disputed' },
    // "$40 million" and "about $45 million" overlap.
    { text: 'worth an estimated $40 million', status: 'corroborated' },
    // A trimmed quote is the same words, not a conflict.
    { text: 'We are devastated, but we will get them back', status: 'corroborated' },
    { text: 'A security guard was questioned', status: 'single-source' },
  ],
};

/**
 * Held out: written after the code was tuned on the five stories above, scored once, and not tuned on since
 * (first score: conflicts P 1.00 R 0.75, status accuracy 0.71).
 */
export const BRIDGE_COLLAPSE: PlantedStory = {
  name: 'bridge-collapse',
  conflicts: [
    // Different days once "8 a.m." resolves against the next morning's report; either way the accounts clash.
    { kind: 'time', a: 'shortly after 5 p.m.', b: 'at around 8 a.m.' },
    { kind: 'quote', a: 'inspected last year', b: 'inspected last month' },
    { kind: 'negation', a: 'had been closed to heavy trucks', b: 'had not been closed to heavy trucks' },
    { kind: 'superlative', a: 'It was the deadliest', b: 'one of the deadliest' },
  ],
  statuses: [
    // "officials said on Wednesday": the toll rose from two to seven overnight.
    { text: 'Two people died', status: 'evolving' },
    { text: 'Seven people were killed', status: 'evolving' },
    // "At least 30" and "dozens" are compatible.
    { text: 'At least 30 people were injured', status: 'corroborated' },
    // Active and passive paraphrase.
    { text: 'Engineer Tomas Ruud led', status: 'corroborated' },
    { text: 'Divers were still searching', status: 'single-source' },
    { text: 'had not been closed', status: 'disputed' },
    { text: 'shortly after 5 p.m.', status: 'disputed' },
  ],
};

/**
 * Issue 11's two missed kinds on a story written for them: a strike placed during a phone call by one outlet and hours
 * after it by another, and one attack ranked "one of the largest" and "the largest" in near-synonyms. Its decoys must
 * stay quiet: "after" / "hours after" the cabinet meeting, "as the debate went on" / "during the debate", "the
 * heaviest ... this month" (a narrower ranking), two sole rankings in other words, and "late on Thursday" /
 * "yesterday" / "Thursday night" said on Friday and Saturday, which resolve to one day. Written after the sequence and
 * superlative code; first score: conflicts P 0.67 R 1.00, the false one "nine people were killed" compared with "31
 * injured", fixed in general (a people count takes the role of its verb), not on this story's sentences.
 */
export const CAPITAL_STRIKE: PlantedStory = {
  name: 'capital-strike',
  conflicts: [
    { kind: 'sequence', a: 'during a phone call', b: 'hours after the phone call' },
    { kind: 'superlative', a: 'one of the largest air assaults', b: 'the largest drone attack' },
    { kind: 'quote', a: 'with every means we have', b: 'with all the force we have' },
    { kind: 'quote', a: 'The pause is a technical one', b: 'The pause is a political one' },
  ],
  statuses: [
    { text: 'during a phone call', status: 'disputed' },
    { text: 'hours after the phone call', status: 'disputed' },
    { text: 'one of the largest air assaults', status: 'disputed' },
    { text: 'the largest drone attack', status: 'disputed' },
    { text: 'announced a pause in artillery shipments', status: 'corroborated' },
    { text: 'Crowds gathered outside the parliament', status: 'corroborated' },
    { text: 'Nine people were killed in the attack', status: 'corroborated' },
    { text: 'spoke by phone on Thursday for almost an hour', status: 'single-source' },
  ],
};

export const PLANTED_STORIES: readonly PlantedStory[] = [FERRY, PORT_STRIKE, BUDGET_VOTE, WILDFIRE, MUSEUM_THEFT, BRIDGE_COLLAPSE, CAPITAL_STRIKE];
