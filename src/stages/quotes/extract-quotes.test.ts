import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EntityMention, QuoteSpan } from '../../core/article.js';
import { splitParagraphs, splitSentences } from '../sentences/index.js';
import { cueModelOf } from './cue-model.js';
import { extractQuotes, joinBracketSplits, QUOTES_DEFAULTS } from './extract-quotes.js';
import { findEntities } from '../entities/index.js';

interface Seen {
  kind: string;
  content: string;
  speaker: string | null;
  name: string | null;
  how: string;
  cue: string | null;
}

function run(text: string, entities: readonly EntityMention[] = [], config = QUOTES_DEFAULTS): Seen[] {
  const paragraphs = splitParagraphs(text);
  const sentences = paragraphs.flatMap((p) => splitSentences(text, p));
  return extractQuotes(text, { paragraphs, sentences, entities }, config).map((q: QuoteSpan) => ({
    kind: q.kind,
    content: text.slice(q.start, q.end),
    speaker: q.speaker ? text.slice(q.speaker.start, q.speaker.end) : null,
    name: q.speakerName,
    how: q.speakerHow,
    cue: q.cue ? text.slice(q.cue.start, q.cue.end) : null,
  }));
}

function find(seen: readonly Seen[], content: string): Seen {
  const hit = seen.find((s) => s.content === content);
  assert.ok(hit, `no quote "${content}" in ${JSON.stringify(seen.map((s) => s.content))}`);
  return hit;
}

test('straight, curly, single and guillemet marks give the words inside, without marks or trailing comma', () => {
  const text = [
    '"We will rebuild the bridge," said Marta Velasquez.',
    '\u201cThe budget is exhausted,\u201d said Ion Dragomir.',
    '\u2018Nobody warned the harbour,\u2019 said Kofi Mensah.',
    '\u00ab We stay until the end \u00bb, said Marc Dupuis.',
  ].join('\n');
  const seen = run(text);
  assert.equal(find(seen, 'We will rebuild the bridge').name, 'Marta Velasquez');
  assert.equal(find(seen, 'The budget is exhausted').name, 'Ion Dragomir');
  assert.equal(find(seen, 'Nobody warned the harbour').name, 'Kofi Mensah');
  assert.equal(find(seen, 'We stay until the end').name, 'Marc Dupuis');
  assert.ok(seen.every((s) => s.kind === 'direct' && s.how === 'named' && s.cue === 'said'));
});

test('apostrophes and possessives are not taken for single quotes', () => {
  const seen = run("The voters' anger at the mayor's plan didn't fade, and the town's 'wait and see' mood stayed.");
  assert.deepEqual(seen.filter((s) => s.kind === 'direct'), []);
});

test('a paragraph that opens a quote and does not close it continues in the next one', () => {
  const text = [
    'Harbour master Ilse Brandt spoke after the storm.',
    '"The first wall held through the night. We did not expect that.',
    '"The second wall is gone and the ferries will stay in port," Brandt said.',
  ].join('\n');
  const seen = run(text);
  assert.equal(seen.length, 1);
  const q = seen[0];
  assert.ok(q);
  assert.ok(q.content.startsWith('The first wall held') && q.content.endsWith('stay in port'));
  assert.equal(q.name, 'Ilse Brandt');
});

test('a partial quote inside a sentence is partial, with the cue before it', () => {
  const seen = run('Senator Priya Raman called the decision "reckless and premature" on Tuesday.');
  const q = find(seen, 'reckless and premature');
  assert.equal(q.kind, 'partial');
  assert.equal(q.cue, 'called');
  assert.equal(q.name, 'Priya Raman');
});

test('scare quotes and titles without a cue are not quotes', () => {
  const seen = run('The film \u201cSilent Harbour\u201d opened in Norvik, where the so-called "experts" were absent.');
  assert.deepEqual(seen, []);
});

test('indirect speech: said that, told reporters, according to, and the trailing cue', () => {
  const text = [
    'Finance Minister Tomas Berger said that the deficit would shrink next year.',
    'Berger told reporters on Monday the harbour tax would stay.',
    'According to the Norvik Gazette, the tender was cancelled.',
    'The vote will be delayed until spring, the ministry said.',
    'The dam is safe, said Lena Ortiz.',
  ].join('\n');
  const seen = run(text);
  assert.deepEqual(find(seen, 'the deficit would shrink next year'), {
    kind: 'indirect', content: 'the deficit would shrink next year', speaker: 'Finance Minister Tomas Berger', name: 'Tomas Berger', how: 'named', cue: 'said',
  });
  assert.equal(find(seen, 'the harbour tax would stay').name, 'Tomas Berger');
  const gazette = find(seen, 'the tender was cancelled');
  assert.equal(gazette.how, 'outlet');
  assert.equal(gazette.cue, 'According to');
  assert.equal(find(seen, 'The vote will be delayed until spring').speaker, 'the ministry');
  assert.equal(find(seen, 'The dam is safe').name, 'Lena Ortiz');
});

test('a statement from an office resolves to the person holding the role', () => {
  const text = 'Prime Minister Anna Kowal left for Brussels.\nA statement from the prime minister\u2019s office said the ceasefire plan had been approved.';
  const q = find(run(text), 'the ceasefire plan had been approved');
  assert.equal(q.how, 'statement');
  assert.equal(q.name, 'Anna Kowal');
});

test('speaker paths: named, role noun, pronoun and running speaker are each recorded', () => {
  const text = [
    'Kremlin spokesman Dmitry Peskov spoke in Veloria on Monday.',
    '"We will not sign this agreement," the spokesman told reporters. "It is premature."',
    '"Nobody asked us," he added.',
    '"The talks are over," Mrs. Halvorsen said. "Nobody will return to them," she added.',
  ].join('\n');
  const seen = run(text);
  assert.deepEqual(
    seen.map((s) => [s.content, s.name, s.how]),
    [
      ['We will not sign this agreement', 'Dmitry Peskov', 'role'],
      ['It is premature.', 'Dmitry Peskov', 'running'],
      ['Nobody asked us', 'Dmitry Peskov', 'pronoun'],
      ['The talks are over', 'Halvorsen', 'named'],
      ['Nobody will return to them', 'Halvorsen', 'pronoun'],
    ],
  );
});

test('pronouns skip speakers of the wrong gender', () => {
  const text = '"We lost the vote," said Mr. Arno Lind. Mrs. Dana Okafor disagreed. "We did not lose anything," she said.';
  assert.equal(find(run(text), 'We did not lose anything').name, 'Dana Okafor');
});

test('a pronoun binds to the person just introduced, not to an earlier speaker of the other gender', () => {
  // Regression: the mayor spoke two sentences earlier; "she" is the minister named in the sentence before.
  const text = [
    '"The harbour stays closed until Friday," Mayor Bogdan Lisowski told reporters on the quay.',
    'Lisowski said divers from the coast guard would search the wreck at dawn.',
    'Civil Protection Minister Ludmila Brankova thanked the volunteers. "They pulled forty people from the water before the boats arrived," she said.',
  ].join('\n\n');
  const q = find(run(text), 'They pulled forty people from the water before the boats arrived');
  assert.equal(q.how, 'pronoun');
  assert.equal(q.speaker, 'she');
  assert.equal(q.name, 'Ludmila Brankova');
});

test('gender from given names and surname endings keeps "he" and "she" apart', () => {
  const text = [
    'Deputy Minister Olena Marchuk met Tomasz Wierzbicki in Velden on Monday.',
    '"The border crossings will open in spring," he said.',
    '"We will hold him to that," Marchuk said. Zarema Kostova, her adviser, nodded. "Spring is too late," she said.',
  ].join('\n');
  const seen = run(text);
  assert.equal(find(seen, 'The border crossings will open in spring').name, 'Tomasz Wierzbicki');
  assert.equal(find(seen, 'Spring is too late').name, 'Zarema Kostova');
});

test('the subject of the previous sentence is preferred, and names inside quotation marks do not count', () => {
  const text = 'Anika Sorensen criticised Lena Vogt on Tuesday. "Lena Vogt never read the report," she said.';
  const q = find(run(text), 'Lena Vogt never read the report');
  assert.equal(q.name, 'Anika Sorensen');
});

test('a role noun speaker counts as a mention of its person for later pronouns', () => {
  const text = [
    'Harbour spokeswoman Marit Eide spoke on Monday.',
    'Fishermen blocked the quay for hours. "The quay belongs to everyone," the spokeswoman said.',
    'Officials met again on Tuesday. "We will find a way," she added.',
  ].join('\n');
  assert.equal(find(run(text), 'We will find a way').name, 'Marit Eide');
});

test('running speaker stops after a paragraph without quotes', () => {
  const text = ['"We rebuilt the pier," said Oren Falk.', 'The pier reopened in May after repairs.', 'The mayor was absent.', '"It will not fall again, whatever the winter storms bring to the coast."'].join('\n');
  const q = find(run(text), 'It will not fall again, whatever the winter storms bring to the coast.');
  assert.equal(q.how, 'none');
  assert.equal(q.name, null);
});

test('entity mentions are preferred over capitalisation heuristics', () => {
  const text = '"The strike is over," said Maple Rail chief Ana Ruiz.';
  const start = text.indexOf('Ana Ruiz');
  const entities: EntityMention[] = [{ start, end: start + 8, type: 'PERSON', canonical: 'Ana Sofia Ruiz', how: 'self' }];
  const q = find(run(text, entities), 'The strike is over');
  assert.equal(q.name, 'Ana Sofia Ruiz');
});

test('a cue in a relative clause does not hide the antecedent speaker', () => {
  const text = 'Two officials who spoke on condition of anonymity told the Norvik Herald that the deal was dead.';
  const q = find(run(text), 'the deal was dead');
  assert.equal(q.speaker, 'Two officials');
  assert.equal(q.kind, 'indirect');
});

test('every span slices back inside the text', () => {
  const text = '"Yes," she said.\n"No," he said, "never."\nAccording to police, two people were hurt.';
  const paragraphs = splitParagraphs(text);
  const sentences = paragraphs.flatMap((p) => splitSentences(text, p));
  for (const q of extractQuotes(text, { paragraphs, sentences, entities: [] })) {
    assert.ok(q.start >= 0 && q.end <= text.length && q.start < q.end);
    for (const s of [q.speaker, q.cue]) if (s) assert.ok(s.start >= 0 && s.end <= text.length && s.start < s.end);
  }
});

test('the speaker span keeps its appositive and parenthetical, the name stays canonical', () => {
  const text = [
    '"The pier will hold," said Ilse Brandt, the harbour master of Norvik.',
    '"We are ready," Rep. Ann Bell (D-Ore.) said.',
    'Oren Falk, a historian who attended the session, said the vote was rigged.',
  ].join('\n');
  const seen = run(text);
  assert.equal(find(seen, 'The pier will hold').speaker, 'Ilse Brandt, the harbour master of Norvik');
  assert.equal(find(seen, 'We are ready').speaker, 'Rep. Ann Bell (D-Ore.)');
  const falk = find(seen, 'the vote was rigged');
  assert.equal(falk.speaker, 'Oren Falk, a historian who attended the session');
  assert.equal(falk.name, 'Oren Falk');
});

test('a reporting word used as a noun or a verb phrase is not taken for a speaker', () => {
  // Whether "unleashed a flurry of tweets" attributes at all is the learned models' call (PolNeAR counts tweets as
  // speech); the noun "tweets" is never the cue, and the speaker, if any, is the noun phrase before the verb.
  const seen = run('Mayor Lena Ortiz unleashed a flurry of tweets attacking the port authority.');
  for (const q of seen) {
    assert.notEqual(q.cue, 'tweets');
    assert.equal(q.speaker, 'Mayor Lena Ortiz');
  }
});

test('a colon ending the paragraph before, or a dash and name after the quote, give the speaker', () => {
  const text = [
    'The Kestrel Herald reports:',
    '"The ferry company hid the inspection results for two years."',
    '"The port is safe for nobody." \u2015 Carla Mendes',
  ].join('\n');
  const seen = run(text);
  const herald = find(seen, 'The ferry company hid the inspection results for two years.');
  assert.equal(herald.how, 'outlet');
  assert.equal(herald.cue, 'reports');
  const mendes = find(seen, 'The port is safe for nobody.');
  assert.equal(mendes.name, 'Carla Mendes');
  assert.equal(mendes.cue, '\u2015');
});

test('capitalised verb forms in names are not cues, and indirect content stops at the reporter\u2019s next clause', () => {
  const seen = run(
    [
      'The alliance includes the United States and most Nordic countries.',
      'Ortiz said the pier would reopen in May, adding that the ferries would wait.',
    ].join('\n'),
  );
  // ", adding that ..." is a second attribution of its own, by the same subject.
  assert.deepEqual(seen.map((s) => [s.content, s.speaker, s.cue]), [
    ['the pier would reopen in May', 'Ortiz', 'said'],
    ['the ferries would wait', 'Ortiz', 'adding'],
  ]);
});

test('manner-of-speaking verbs beside a quote and participle cues find the speaker', () => {
  const text = [
    '"They should have read the report," Ilse Brandt fumed on Tuesday.',
    'Oren Falk claimed victory in a post, saying: "We just won Kestrel!"',
  ].join('\n');
  const seen = run(text);
  assert.equal(find(seen, 'They should have read the report').name, 'Ilse Brandt');
  assert.equal(find(seen, 'We just won Kestrel!').name, 'Oren Falk');
});

test('speech acts with an object are indirect speech, and so are beliefs with a clause (PolNeAR counts them)', () => {
  const seen = run('Mayor Lena Ortiz vowed to rebuild the pier by May.\nOren Falk believes the pier is doomed to fail again.');
  assert.deepEqual(seen.map((s) => [s.content, s.name, s.cue]), [
    ['to rebuild the pier by May', 'Lena Ortiz', 'vowed'],
    ['the pier is doomed to fail again', 'Oren Falk', 'believes'],
  ]);
});

test('after the cue the appositive stops at a glued quotation, and a party label in brackets is not the name', () => {
  const text = '"We will not move the vote," said Rep. Tilda Moreau (D-N.M.), a member of the budget panel. "Not this week."';
  const q = find(run(text), 'We will not move the vote');
  assert.equal(q.speaker, 'Rep. Tilda Moreau (D-N.M.), a member of the budget panel');
  assert.equal(q.name, 'Tilda Moreau');
});

test('an appositive with a titled possessive stays with the speaker before the cue', () => {
  const text = '"The ferry contract is dead," Oskar Lund, Mayor Vik\u2019s chief of staff, said Sunday.';
  assert.equal(find(run(text), 'The ferry contract is dead').speaker, 'Oskar Lund, Mayor Vik\u2019s chief of staff');
});

test('a descriptive speaker keeps its modifier, but not a setting', () => {
  const seen = run([
    '"The harbour deal was never signed," said a person close to the negotiations.',
    '"We expect a decision soon," said a spokeswoman in a statement.',
  ].join('\n'));
  assert.equal(find(seen, 'The harbour deal was never signed').speaker, 'a person close to the negotiations');
  assert.equal(find(seen, 'We expect a decision soon').speaker, 'a spokeswoman');
});

test('a participle cue after a comma takes the subject with its titles, not the words after it', () => {
  const text = 'Harbour Police Chief Arvid Soll closed the quay on Friday, saying the storm "could take the pier with it."';
  const q = find(run(text), 'could take the pier with it.');
  assert.equal(q.speaker, 'Harbour Police Chief Arvid Soll');
});

test('a headline in capitals before a colon is not a speaker', () => {
  const q = find(run('FERRY TALKS COLLAPSE IN NORVIK:\n"We walked out of the talks tonight and we will not go back before May."'), 'We walked out of the talks tonight and we will not go back before May.');
  assert.equal(q.speaker, null);
});

test('a reporting word after a determiner is a noun, and hyphenated modifiers stay in the speaker', () => {
  const seen = run([
    '"Ferry traffic fell by a third," the report stated.',
    '"Who will pay for the pier?" the 43-year-old asked.',
    '"The council failed the harbour," the fishing-loving newspaper wrote.',
  ].join('\n'));
  assert.equal(find(seen, 'Ferry traffic fell by a third').speaker, 'the report');
  assert.equal(find(seen, 'Who will pay for the pier?').speaker, 'the 43-year-old');
  assert.equal(find(seen, 'The council failed the harbour').speaker, 'the fishing-loving newspaper');
});

test('phrasal and manner cues after a quote (shot back, points out, barked) give the speaker', () => {
  const seen = run([
    '"You never read the plan," Ines Varga shot back.',
    '"Nobody voted for this," Varga points out.',
    '"Close the gate," the harbour master barked.',
  ].join('\n\n'));
  assert.equal(find(seen, 'You never read the plan').speaker, 'Ines Varga');
  assert.equal(find(seen, 'Nobody voted for this').how, 'named');
  assert.equal(find(seen, 'Close the gate').speaker, 'the harbour master');
});

test('a relative pronoun before the cue is the speaker span, named after its antecedent', () => {
  const text = 'The vote was delayed by Senator Ivo Petrak, who said the harbour budget "was written in the dark."';
  const q = find(run(text), 'was written in the dark.');
  assert.equal(q.speaker, 'who');
  assert.equal(q.how, 'pronoun');
  assert.equal(q.name, 'Ivo Petrak');
});

test('a cue that introduces a partial quote also reports the whole clause as indirect speech', () => {
  const text = 'Harbour master Ilse Brandt said the new wall would face "its first real test" in the winter storms.';
  const seen = run(text);
  const partial = find(seen, 'its first real test');
  assert.equal(partial.kind, 'partial');
  const clause = seen.find((s) => s.kind === 'indirect');
  assert.ok(clause, JSON.stringify(seen));
  assert.ok(clause.content.startsWith('the new wall would face') && clause.content.endsWith('in the winter storms'));
  assert.equal(clause.cue, partial.cue);
  assert.equal(clause.name, 'Ilse Brandt');
});

test('a cue inside the reported sentence splits its content in two fragments sharing the cue', () => {
  const seen = run('Several of the ferry routes, Ilse Brandt said, have lost money for a decade.');
  const parts = seen.filter((s) => s.kind === 'indirect');
  assert.deepEqual(parts.map((p) => p.content), ['Several of the ferry routes', 'have lost money for a decade']);
  assert.ok(parts.every((p) => p.speaker === 'Ilse Brandt' && p.cue === 'said'));
});

test('told: a hearer may close the sentence, and a long hearer runs up to "that"', () => {
  const seen = run([
    'The pilot had flown the route for a decade, a Velmora airport official told Nordwire.',
    'Ana Ruiz told members of the harbour council on Friday that the pier would reopen in May.',
  ].join('\n'));
  assert.equal(find(seen, 'The pilot had flown the route for a decade').speaker, 'a Velmora airport official');
  assert.equal(find(seen, 'the pier would reopen in May').speaker, 'Ana Ruiz');
});

test('according to: a long source runs to punctuation, and content may sit on both sides of it', () => {
  const seen = run([
    'According to early results of a survey conducted by the Norvik Institute for the harbour board, most residents oppose the toll.',
    'Other objections, according to the survey, include noise from the night ferries.',
  ].join('\n'));
  assert.equal(find(seen, 'most residents oppose the toll').speaker, 'early results of a survey conducted by the Norvik Institute for the harbour board');
  const both = seen.filter((s) => s.speaker === 'the survey').map((s) => s.content);
  assert.deepEqual(both, ['Other objections', 'include noise from the night ferries']);
});

test('a cue coordinated after "but" or "and" shares the sentence subject', () => {
  const seen = run('Ana Ruiz has disputed both audits but says the harbour accounts were always public.');
  const q = find(seen, 'the harbour accounts were always public');
  assert.equal(q.speaker, 'Ana Ruiz');
  assert.equal(q.cue, 'says');
});

test('a whole line "Label: claim" (headline or transcript) is attributed to its label, but not "Update:"', () => {
  // The rule's candidates, before the learned attribution model judges them (it scores the transcript line near its bar).
  const seen = run([
    'Mayor Ruiz: harbour toll will fund the new pier',
    'RUIZ: Honestly, we waited ten years for this pier and we will not wait another ten.',
    'Update: the council meets again on Friday evening.',
  ].join('\n\n'), [], { ...QUOTES_DEFAULTS, minAttributionProbability: 0 });
  assert.equal(find(seen, 'harbour toll will fund the new pier').speaker, 'Mayor Ruiz');
  assert.equal(find(seen, 'Honestly, we waited ten years for this pier and we will not wait another ten.').speaker, 'RUIZ');
  assert.ok(!seen.some((s) => s.content.startsWith('the council meets')));
});

test('a participle cue in indirect speech takes the subject, also a determiner-led one', () => {
  const seen = run('Several harbour unions rejected the toll on Monday, saying the ferries would lose their night routes.');
  const q = find(seen, 'the ferries would lose their night routes');
  assert.equal(q.speaker, 'Several harbour unions');
  assert.equal(q.cue, 'saying');
});

test('asked: the question from its wh-word, asked by the subject or the "by" phrase', () => {
  // The rules' reading, before the learned attribution filter (whose retrained weights put the second near its bar).
  const seen = run([
    'Ana Ruiz asked dock workers whether they would strike again in May.',
    'Asked by Olaf Berg if the pier was safe, the engineer hesitated.',
  ].join('\n'), [], { ...QUOTES_DEFAULTS, minAttributionProbability: 0 });
  assert.equal(find(seen, 'whether they would strike again in May').speaker, 'Ana Ruiz');
  assert.equal(find(seen, 'if the pier was safe').speaker, 'Olaf Berg');
});

test('bare plural subjects speak, and a poll "shows" its finding', () => {
  const seen = run([
    'In Norvik, aides say the harbour master will resign before the vote.',
    'A new Norvik Courier poll shows Ana Ruiz leading the mayoral race by nine points.',
  ].join('\n'));
  assert.equal(find(seen, 'the harbour master will resign before the vote').speaker, 'aides');
  assert.equal(find(seen, 'Ana Ruiz leading the mayoral race by nine points').speaker, 'A new Norvik Courier poll');
  assert.ok(!run('Police found the missing boat near the pier.').length);
});

test('appositives headed by a bare role or a party label stay with the speaker after the cue', () => {
  const seen = run([
    '"The toll is a tax on fishermen," said Senator Ivo Petrak, Democrat of Norvik.',
    '"We will appeal," said Ana Ruiz, another candidate for the harbour board.',
  ].join('\n'));
  assert.equal(find(seen, 'The toll is a tax on fishermen').speaker, 'Senator Ivo Petrak, Democrat of Norvik');
  assert.equal(find(seen, 'We will appeal').speaker, 'Ana Ruiz, another candidate for the harbour board');
});

test('a run of quotes continues an unnamed speaker phrase ("the senator") as the running speaker', () => {
  const seen = run('\u201cWe owe nobody an apology,\u201d the senator said on Tuesday. \u201cThe mill towns will judge us.\u201d');
  const second = find(seen, 'The mill towns will judge us.');
  assert.equal(second.speaker, 'the senator');
  assert.equal(second.how, 'running');
});

test('a short quotation with no cue and no running speaker is a title or slogan, not a quote', () => {
  const seen = run('Supporters waved banners reading "Harbour First" outside the hall.\nThe band played "Northern Lights Over Velmora" twice.');
  assert.deepEqual(seen.map((s) => s.content), []);
});

test('a participle cue after a quote takes the sentence subject, and a quote ending its sentence keeps the cue before it', () => {
  const seen = run(
    'Mayor Ilse Brandt told the Harbour Review that the ferry \u201cwas never safe,\u201d adding, \u201cWe will not reopen it this year.\u201d\n' +
      'Later, Oren Falk said, \u201cThe pier is sound.\u201d Anna Kowal said the pier was closed.',
  );
  assert.equal(find(seen, 'We will not reopen it this year.').name, 'Ilse Brandt');
  assert.equal(find(seen, 'The pier is sound.').speaker, 'Oren Falk');
});

test('indirect content stops where the reporter goes on, and cues inside a partial quote are not the reporter\u2019s', () => {
  const seen = run([
    'Sixty percent said the ferry was safe, and three-quarters said the same of the pier.',
    'Ruiz told reporters the talks \u201cshould be wrapped up by May,\u201d referring to the harbour summit.',
    'Asked about the audit, Falk said that \u201cevery figure I said there is accurate.\u201d',
  ].join('\n'));
  assert.ok(seen.some((s) => s.content === 'the ferry was safe'));
  assert.ok(seen.some((s) => s.kind === 'indirect' && s.content === 'the talks \u201cshould be wrapped up by May'));
  assert.ok(!seen.some((s) => s.content === 'there is accurate'));
});

test('coordinated names speak together, and a participle subject is the noun phrase up to its verb', () => {
  const seen = run([
    'Harbour hopefuls Ana Ruiz and Oren Falk say the pier has not been tested.',
    'Velmora Party front-runner Ilse Brandt is insisting the ferry is safe, claiming that the audit was flawed.',
  ].join('\n'));
  assert.equal(find(seen, 'the pier has not been tested').speaker, 'Harbour hopefuls Ana Ruiz and Oren Falk');
  assert.equal(find(seen, 'the audit was flawed').speaker, 'Velmora Party front-runner Ilse Brandt');
});

test('time adverbials between the speaker and the cue are skipped ("on Saturday criticized", "at the time said")', () => {
  const seen = run('Harbour candidate Ana Ruiz on Saturday night criticized the ferry accord.\nOren Falk at the time said the pier was closed.');
  assert.equal(find(seen, 'the ferry accord').speaker, 'Harbour candidate Ana Ruiz');
  assert.equal(find(seen, 'the pier was closed').speaker, 'Oren Falk');
});

test('a participle cue after "X said," takes X, not the first word of the quotation opening the sentence', () => {
  const seen = run("''Fixing the pier is a lot easier,'' Mr. Falk said, claiming that the ferry audit was flawed.");
  assert.equal(find(seen, 'the ferry audit was flawed').speaker, 'Mr. Falk');
});

test('a trailing cue may close with a time or setting, and bare plural groups speak', () => {
  const seen = run('The pilot had logged 6,300 hours, Norvik Air said on Thursday.\nThe levy has hurt the harbour, local economists said.');
  assert.equal(find(seen, 'The pilot had logged 6,300 hours').speaker, 'Norvik Air');
  assert.equal(find(seen, 'The levy has hurt the harbour').speaker, 'local economists');
});

test('a subject pronoun right before the cue is the speaker, not the relative antecedent or a leading time', () => {
  const seen = run('Oren Falk wants a sea wall at the pier, which he said the county should pay for.\nOn Monday she said the ferry would sail again.');
  assert.equal(find(seen, 'the county should pay for').speaker, 'he');
  assert.equal(find(seen, 'the ferry would sail again').speaker, 'she');
});

test('a cue word right before the opening mark introduces the quote, even when another cue follows it', () => {
  const seen = run("Mr. Falk also spoke of the strike, saying, ''We never said the pier was safe,'' but he denied any fault.");
  assert.equal(find(seen, 'We never said the pier was safe').speaker, 'Mr. Falk');
});

/** The quotes of a text with the entities stage's own mentions, as the pipeline runs them. */
function runWithEntities(text: string): Seen[] {
  const sentences = splitParagraphs(text).flatMap((p) => splitSentences(text, p));
  return run(text, findEntities(text, sentences));
}

test('"…," he stressed: a pronoun in the next paragraph resolves to the titled person named before', () => {
  const seen = runWithEntities('The presidential aide Anna Berg spoke to reporters on Tuesday.\n\n"We will not retreat from this plan…," she stressed.');
  const q = find(seen, 'We will not retreat from this plan…');
  assert.equal(q.name, 'Anna Berg');
  assert.equal(q.how, 'pronoun');
});

test('titles before a name are not part of the speaker\'s name', () => {
  const seen = runWithEntities('"It was chaos when we got there," Police Chief Dana Ortiz said. "Nobody will sleep tonight," said Harlan County Sheriff Wade Tolliver.');
  assert.equal(find(seen, 'It was chaos when we got there').name, 'Dana Ortiz');
  assert.equal(find(seen, 'Nobody will sleep tonight').name, 'Wade Tolliver');
});

test('a quotation paragraph with no cue continues the person the paragraph before named or reported', () => {
  const named = runWithEntities('Mayor Ilse Drummond thanked the volunteers at the shelter.\n\n"This city owes them everything."');
  const q = find(named, 'This city owes them everything.');
  assert.equal(q.name, 'Ilse Drummond');
  assert.equal(q.how, 'context');
  const reported = runWithEntities('Carla Menendez said her son had never owned a gun and had been home all evening.\n\n"He was asleep when they knocked on the door."');
  assert.equal(find(reported, 'He was asleep when they knocked on the door.').name, 'Carla Menendez');
});

test('no context speaker when the paragraph before names two people, or the quotation does not fill its paragraph', () => {
  const two = runWithEntities('Ilse Drummond and Carla Menendez visited the shelter on Sunday.\n\n"This city owes the volunteers everything."');
  assert.equal(find(two, 'This city owes the volunteers everything.').name, null);
  const inside = runWithEntities('Mayor Ilse Drummond thanked the volunteers at the shelter.\n\nThe sign read "This city owes you everything, and we will not forget it" in red letters.');
  assert.ok(inside.every((s) => s.how !== 'context'), JSON.stringify(inside));
});

test('a name that is no subject in the paragraph before ("the fire aboard the Maren Holt") gives no context speaker', () => {
  const seen = runWithEntities('The fire aboard the Maren Holt spread to the pier within minutes.\n\n"The crew saved every passenger on board."');
  assert.equal(find(seen, 'The crew saved every passenger on board.').name, null);
});

test('a title-case headline before a quotation paragraph gives no context speaker', () => {
  const seen = runWithEntities('Ten Voters Share Their Honest Views On Ilse Drummond\n\n"We need the bridge open again before the winter comes."');
  assert.equal(find(seen, 'We need the bridge open again before the winter comes.').name, null);
});

test('a participle clause after the speaker ("said Orla Finch, speaking of the budget") is not part of the speaker', () => {
  const seen = run('"The harbour fund is empty," said Orla Finch, speaking of the budget of the port.');
  assert.equal(find(seen, 'The harbour fund is empty').speaker, 'Orla Finch');
  const kept = run('"The harbour fund is empty," said Orla Finch, head of the port authority.');
  assert.equal(find(kept, 'The harbour fund is empty').speaker, 'Orla Finch, head of the port authority');
});

test('the one heard in footage or a recording speaks ("footage of Ana Ruiz asking")', () => {
  const seen = run('The ad uses footage of Ana Ruiz asking, "Why are we not ahead?" It ends with a clip of Piet Horvath saying "That makes me smart."');
  assert.equal(find(seen, 'Why are we not ahead?').speaker, 'Ana Ruiz');
  assert.equal(find(seen, 'That makes me smart.').speaker, 'Piet Horvath');
  const kept = run('"We will appeal," said a spokesman of Velmora Ferries.');
  assert.equal(find(kept, 'We will appeal').speaker, 'a spokesman of Velmora Ferries');
});

test('a learned stance verb reports its object, with the subject as source; off when the learned threshold is above 1', () => {
  const text = 'Mayor Ilse Brandt expressed her support for the plan to rebuild the pier.';
  const seen = run(text);
  const brandt = find(seen, 'her support for the plan to rebuild the pier');
  assert.equal(brandt.speaker, 'Mayor Ilse Brandt');
  assert.equal(brandt.cue, 'expressed');
  // With the lexicon's threshold and the cue proposer's both above 1, no learned cue is read.
  assert.deepEqual(run(text, [], { ...QUOTES_DEFAULTS, learnedCueRate: 1.5, minCueProbability: 1.5 }), []);
});

test('poll shares, documents and contracted pronouns are read as the subject of a cue', () => {
  const seen = run(
    'Six in 10 say the harbour ferry should keep running. A council filing released Tuesday shows the repairs will cost more. She\u2019s been urging the council to reopen the pier.',
  );
  assert.equal(find(seen, 'the harbour ferry should keep running').speaker, 'Six in 10');
  assert.equal(find(seen, 'the repairs will cost more').speaker, 'A council filing released Tuesday');
  assert.equal(find(seen, 'the council to reopen the pier').speaker, 'She');
});

test('content stops at a trailing participle or "which" clause of the reporter', () => {
  const seen = run('Ruiz predicted a win in Velmora, which votes in March. Kowal said the fares would rise, putting the ferry out of reach.');
  find(seen, 'a win in Velmora');
  find(seen, 'the fares would rise');
});

test('"X reported, citing Y": X reports the claim and cites Y; the citation is no part of the content', () => {
  const seen = run(
    'The ferry operator will cut its routes, the Velmora Courier reported, citing two port officials. Harbour Radio reported on Monday, citing a ministry memo, that the pier would close.',
  );
  assert.equal(find(seen, 'The ferry operator will cut its routes').speaker, 'the Velmora Courier');
  const cited = find(seen, 'two port officials');
  assert.equal(cited.speaker, 'the Velmora Courier');
  assert.equal(cited.cue, 'citing');
  assert.equal(find(seen, 'the pier would close').speaker, 'Harbour Radio');
  assert.equal(find(seen, 'a ministry memo').cue, 'citing');
  assert.ok(!seen.some((s) => /^citing/.test(s.content)), JSON.stringify(seen));
});

test('"he" goes back to the person who spoke in an earlier sentence, past a woman in between and stray capitalised words', () => {
  const text = 'Harbour master Tomas Berg said the pier was closed. Minister Ana Ruiz met the unions on Monday.\nShe added that the ferry would run. He told reporters the pier was unsafe.';
  const entities = [
    { start: 0, end: 7, type: 'PERSON' as const, canonical: 'Harbour', how: 'self' },
    { start: 15, end: 25, type: 'PERSON' as const, canonical: 'Tomas Berg', how: 'self' },
    { start: 61, end: 69, type: 'PERSON' as const, canonical: 'Ana Ruiz', how: 'self' },
  ];
  const seen = run(text, entities);
  assert.equal(find(seen, 'the ferry would run').name, 'Ana Ruiz');
  assert.equal(find(seen, 'the pier was unsafe').name, 'Tomas Berg');
});

test('a negated auxiliary between subject and cue is no part of the speaker', () => {
  const seen = run('Kowal isn\u2019t saying the harbour will close.');
  assert.equal(find(seen, 'the harbour will close').speaker, 'Kowal');
});

test('a prose attribution whose cue has a low learned precision is dropped; direct quotes and other cues stay', () => {
  const text = 'Ruiz hinted that the pier would close. Kowal said the fares would rise. "We stay," Ruiz hinted.';
  const rows = [['hinted', 40, 50], ['said', 40, 50]] as const;
  const weak = cueModelOf(rows, [['hinted', 1, 40], ['said', 30, 40]]);
  const paragraphs = splitParagraphs(text);
  const sentences = paragraphs.flatMap((p) => splitSentences(text, p));
  const contents = (config = QUOTES_DEFAULTS): string[] => extractQuotes(text, { paragraphs, sentences, entities: [] }, config, weak).map((q) => text.slice(q.start, q.end));
  assert.deepEqual(contents(), ['the fares would rise', 'We stay']);
  assert.deepEqual(contents({ ...QUOTES_DEFAULTS, minCuePrecision: 0 }), ['the pier would close', 'the fares would rise', 'We stay']);
});

test('the attribution model keeps or drops prose attributions by its probability; direct quotes are not judged', () => {
  const text = 'Harbour master Tomas Berg described the pier as closed. "We stay," Berg said.';
  const rows = [['described', 40, 50]] as const;
  const paragraphs = splitParagraphs(text);
  const sentences = paragraphs.flatMap((p) => splitSentences(text, p));
  const contents = (bias: number): string[] =>
    extractQuotes(text, { paragraphs, sentences, entities: [] }, QUOTES_DEFAULTS, cueModelOf(rows, [], { bias, weights: new Map() })).map((q) => text.slice(q.start, q.end));
  assert.deepEqual(contents(5), ['the pier as closed', 'We stay']);
  assert.deepEqual(contents(-5), ['We stay']);
});

test('"found" is no attribution for a person finding a thing, only for a poll or study', () => {
  assert.deepEqual(run('Police found the missing boat near the pier.'), []);
  assert.equal(find(run('A Norvik Courier poll found Ruiz ahead by nine points.'), 'Ruiz ahead by nine points').cue, 'found');
});

test('a dateline, a time phrase or a participle clause opening the sentence is not the subject of a participle cue', () => {
  const seen = run(
    'VELMORA (Nordwire) \u2014 Ana Ruiz took aim at the ferry board, saying the fares were unfair.\nHours later, Piet Horvath returned the favour, saying the board had done its best.\nSpeaking at the harbour on Monday, Ilse Brandt praised the crews, saying they had worked all night.',
  );
  assert.equal(find(seen, 'the fares were unfair').speaker, 'Ana Ruiz');
  assert.equal(find(seen, 'the board had done its best').speaker, 'Piet Horvath');
  assert.equal(find(seen, 'they had worked all night').speaker, 'Ilse Brandt');
});

test('reported content ends where a coordinated clause with its own subject begins', () => {
  const seen = run('Ruiz said the ferry would run on time, and the board agreed to pay for it. Kowal said the pier was safe and she walked off the stage.');
  find(seen, 'the ferry would run on time');
  find(seen, 'the pier was safe');
});

test('a learned phrase cue ("criticism of") reports the preposition\'s object, its possessor or the clause subject as source', () => {
  const text = 'Harbour master Tomas Berg repeated his criticism of the new ferry timetable. Kowal pointed to the empty harbour.';
  const rows = [['criticism of', 40, 50], ['pointed to', 30, 40]] as const;
  const paragraphs = splitParagraphs(text);
  const sentences = paragraphs.flatMap((p) => splitSentences(text, p));
  const quotes = (config = QUOTES_DEFAULTS) =>
    extractQuotes(text, { paragraphs, sentences, entities: [] }, { ...config, minAttributionProbability: 0, minCuePrecision: 0 }, cueModelOf(rows)).map((q) => ({
      content: text.slice(q.start, q.end),
      speaker: q.speaker ? text.slice(q.speaker.start, q.speaker.end) : null,
      cue: q.cue ? text.slice(q.cue.start, q.cue.end) : null,
    }));
  const seen = quotes();
  assert.deepEqual(seen.find((q) => q.cue === 'criticism of'), { content: 'the new ferry timetable', speaker: 'his', cue: 'criticism of' });
  assert.deepEqual(seen.find((q) => q.cue === 'pointed to'), { content: 'the empty harbour', speaker: 'Kowal', cue: 'pointed to' });
  assert.deepEqual(quotes({ ...QUOTES_DEFAULTS, learnedPhraseRate: 1.5 }).filter((q) => / /.test(q.cue ?? '')), []);
});

test('a possessor in front of a noun cue is its source ("the mayor\'s call for", "Ana Ruiz\'s strong support for")', () => {
  const text = 'The plan won Ana Ruiz\u2019s strong support for the new pier.';
  const paragraphs = splitParagraphs(text);
  const sentences = paragraphs.flatMap((p) => splitSentences(text, p));
  const quotes = extractQuotes(text, { paragraphs, sentences, entities: [] }, { ...QUOTES_DEFAULTS, minAttributionProbability: 0, minCuePrecision: 0 }, cueModelOf([['support for', 40, 50]]));
  const found = quotes.find((q) => q.cue && text.slice(q.cue.start, q.cue.end) === 'support for');
  assert.ok(found, JSON.stringify(quotes));
  assert.equal(text.slice(found.speaker?.start ?? 0, found.speaker?.end ?? 0), 'Ana Ruiz');
  assert.equal(text.slice(found.start, found.end), 'the new pier');
});

test('a setting opened by a preposition before "that" is not content: "said in an interview taped before the vote that ..."', () => {
  const seen = run('Mayor Ilse Brandt said in a radio interview taped before the storm that the pier would reopen in May.');
  assert.equal(find(seen, 'the pier would reopen in May').speaker, 'Mayor Ilse Brandt');
});

test('a hearer of a determiner and a common noun comes before the content: "tells the crowd he ..."', () => {
  const seen = run('Later, Tomas Berg tells the crowd he has been known to be stubborn about the ferry fares.');
  assert.equal(find(seen, 'he has been known to be stubborn about the ferry fares').speaker, 'Tomas Berg');
});

test('a subject the phrase rules cannot read ends before its verb and adverbs ("Berg has raised questions about", "The agency eventually learned")', () => {
  const seen = run('Velmora harbour master Tomas Berg has raised questions about the ferry timetable. The port agency eventually learned that the hull was cracked.');
  assert.equal(find(seen, 'the ferry timetable').speaker, 'Velmora harbour master Tomas Berg');
  assert.equal(find(seen, 'the hull was cracked').speaker, 'The port agency');
});

test('a prose clause holding a partial quotation its own cue introduced is kept when the attribution model would drop it', () => {
  const text = 'Councillor Ana Ruiz called the harbour plan \u201cshort-sighted\u201d in a long speech. Ruiz endorsed the ferry budget.';
  const paragraphs = splitParagraphs(text);
  const sentences = paragraphs.flatMap((p) => splitSentences(text, p));
  // An attribution model that drops every prose attribution it judges.
  const dropAll = cueModelOf([['called', 40, 60], ['endorsed', 40, 60]], [], { bias: -20, weights: new Map() });
  const kept = extractQuotes(text, { paragraphs, sentences, entities: [] }, QUOTES_DEFAULTS, dropAll).map((q) => [q.kind, text.slice(q.start, q.end)]);
  assert.ok(kept.some(([kind, content]) => kind === 'indirect' && content?.includes('the harbour plan \u201cshort-sighted\u201d')), JSON.stringify(kept));
  assert.ok(!kept.some(([, content]) => content === 'the ferry budget'), JSON.stringify(kept));
});

test('a sentence split inside a party label in brackets is joined again, so the speaker is the whole name (regression: "Y.")', () => {
  const text = 'The ferry vote split the council. Rep. Ana Ruiz (D-N.Y.) said the fares would rise.';
  const cut = text.indexOf('Y.)');
  // The splitter's cut after "(D-N.", as the sentences stage gives it.
  const sentences = [{ start: 0, end: 33 }, { start: 34, end: cut }, { start: cut, end: text.length }];
  const quotes = extractQuotes(text, { paragraphs: [{ start: 0, end: text.length }], sentences, entities: [] });
  const q = quotes.find((x) => text.slice(x.start, x.end) === 'the fares would rise');
  assert.equal(q?.speaker ? text.slice(q.speaker.start, q.speaker.end) : null, 'Rep. Ana Ruiz (D-N.Y.)');
  assert.deepEqual(joinBracketSplits(text, sentences), [{ start: 0, end: 33 }, { start: 34, end: text.length }]);
});

test('a word the lexicon never saw becomes a cue when the learned proposer rates it over its threshold', () => {
  const text = 'Harbour master Tomas Berg harrumphed that the ferry timetable was a disgrace.';
  const paragraphs = splitParagraphs(text);
  const sentences = paragraphs.flatMap((p) => splitSentences(text, p));
  // A proposer that trusts a word followed by "that" (one feature the model reads), and no lexicon rows at all.
  const proposer = { bias: -1, weights: new Map([['that:1', 4]]) };
  const contents = (minCueProbability: number): string[] =>
    extractQuotes(text, { paragraphs, sentences, entities: [] }, { ...QUOTES_DEFAULTS, minCueProbability, minAttributionProbability: 0 }, cueModelOf([], [], null, null, proposer)).map(
      (q) => `${text.slice(q.start, q.end)} | ${q.speaker ? text.slice(q.speaker.start, q.speaker.end) : ''} | ${q.cue ? text.slice(q.cue.start, q.cue.end) : ''}`,
    );
  assert.deepEqual(contents(0.5), ['the ferry timetable was a disgrace | Harbour master Tomas Berg | harrumphed']);
  assert.deepEqual(contents(1.5), []);
  // Without a proposer the same settings find nothing.
  assert.deepEqual(extractQuotes(text, { paragraphs, sentences, entities: [] }, { ...QUOTES_DEFAULTS, minAttributionProbability: 0 }, cueModelOf([])), []);
});
