import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyLine, copyrightHolder, duplicateKey, isAuthorBio, removeBoilerplate, timestampDate } from './remove-boilerplate.js';

test('widget, prompt and caption lines get their reason', () => {
  const cases: Array<[string, string]> = [
    ['Share this article', 'share-widget'],
    ['Facebook Twitter WhatsApp Email', 'share-widget'],
    ['Sign in', 'login-prompt'],
    ['Already a subscriber? Log in here', 'login-prompt'],
    ['Home | World | Business | Valmore', 'navigation'],
    ['Skip to main content', 'navigation'],
    ['Photo: Harbor Courier/Mira Tal', 'photo-credit'],
    ['Firefighters at the scene on Monday. (Photo: Lantern Gazette)', 'photo-credit'],
    ['ALSO READ: Valmore port traffic hits record high', 'related-link'],
    ['Read more: How the strike began', 'related-link'],
    ['Sign up for our Morning Tide newsletter', 'newsletter-prompt'],
    ['Get the best of the Courier delivered to your inbox', 'newsletter-prompt'],
    ['DOW 38,112.40 ▲0.4% NASDAQ 16,020.11 ▼0.2%', 'ticker'],
    ['utm_source=harborfeed&utm_medium=rss', 'tracking-token'],
    ['12 Comments', 'comment-widget'],
    ['Advertisement', 'advertisement'],
    ['Advert', 'advertisement'],
    ['Valmore mayor resigns over ferry deal [VIDEO]', 'related-link'],
    ['Crews load the ferry in Valmore on Saturday. (AP Photo/Mira Tal)', 'photo-credit'],
    ['Get the Courier delivered through your letterbox every month.', 'newsletter-prompt'],
    ['Updated Nov 19, 6:55 AM', 'timestamp'],
    ['This website uses cookies to improve your experience.', 'cookie-notice'],
  ];
  for (const [line, reason] of cases) assert.equal(classifyLine(line), reason, line);
});

test('news sentences that mention the same words are kept', () => {
  const keep = [
    'The union said it would share its proposal with the ministry on Monday.',
    'The newsletter, which the council publishes weekly, printed the wrong date, a spokeswoman said.',
    'Home ministry officials said 14 people were detained.',
    'Shares of Valmore Ferries fell 4.2% on Monday, while the index rose 0.3%.',
    'He said the photo was taken in March.',
  ];
  for (const line of keep) assert.equal(classifyLine(line), null, line);
});

test('the second copy of a repeated paragraph (a pull quote) is removed and recorded', () => {
  const quote = '"We will not sail until the rotas are safe," union leader Teodor Brask told reporters.';
  const r = removeBoilerplate(['First paragraph of the story, long enough to matter here.', quote, 'Middle.', quote, 'He said no.', 'He said no.']);
  assert.deepEqual(r.kept, ['First paragraph of the story, long enough to matter here.', quote, 'Middle.', 'He said no.', 'He said no.']);
  assert.deepEqual(r.removed, [{ text: quote, reason: 'duplicate-paragraph' }]);
});

test('duplicateKey is the lower-cased letter/number runs joined by single spaces, as the regex defines it', () => {
  const byRegex = (p: string): string => p.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const cases = [
    '',
    '  ',
    ' ,a, b ,',
    'a  b',
    '“We will not close the Valmore ferry,” Mayor İlke Şahin said — 42% of riders agree.',
    'Le maire de Brévanne a dit : « non ».',
    '中文 字符，测试 2026年',
    'Math 𝐀𝐁 letters and a lone surrogate \uD800 here \uDC00 too',
    'Tabs\tand\nnewlines\u00a0and NBSP',
    'Пожар в порту Вальмора: 3 человека ранены.',
  ];
  for (const p of cases) assert.equal(duplicateKey(p), byRegex(p), JSON.stringify(p));
});

test('site junk of scraped dumps gets its reason', () => {
  const cases: Array<[string, string]> = [
    ['Login', 'login-prompt'],
    ['Stocks  Bonds  Commodities', 'navigation'],
    ['Mira Tal / Reuters', 'photo-credit'],
    ['Teodor Brask/KVLM 11', 'photo-credit'],
    ['Image via Harbor Courier archive', 'photo-credit'],
    ['(File photo)', 'photo-credit'],
    ['Published by Daily Ledger', 'published-by'],
    ['Copyright 2026 Daily Ledger. All rights reserved.', 'copyright'],
    ['(© 2026 KVLM)', 'copyright'],
    ['Please enable Javascript to watch this video', 'media-widget'],
    ['Watch this story', 'media-widget'],
    ['Read or Share this story: http://dl.example/2xYz', 'share-widget'],
    ['Stay Up To Date, Follow KVLM On Twitter', 'share-widget'],
    ['Download the Daily Ledger app: iPhone | Android', 'app-promo'],
    ['Contact Mira Tal: mtal@daily-ledger.example', 'contact-line'],
    ['mtal@daily-ledger.example', 'contact-line'],
    ['Follow Mira Tal on Twitter: @MiraTal', 'share-widget'],
    ['Tagged ferry strike, Valmore, port', 'tags'],
    ['►Related: Ferry strike enters second day', 'related-link'],
    ['× Valmore mayor resigns over ferry deal', 'related-link'],
    ['Previous story: Ferry strike enters second day', 'related-link'],
    ['________', 'separator'],
    ['=====', 'separator'],
    ['March 10, 2026 2:18 PM', 'timestamp'],
  ];
  for (const [line, reason] of cases) assert.equal(classifyLine(line), reason, line);
});

test('story sentences with contacts, dates, slashes or copyright words are kept', () => {
  const keep = [
    'Anyone with information is asked to call the Sorrel Bay police tip line at 555-201-3344 or email tips@sorrel-bay.example, a spokesman said.',
    'Crews returned to work on March 10, 2026, after the talks ended.',
    'The union and/or the port authority will sign the deal, Teodor Brask said.',
    'The copyright dispute between the two studios went to court in May.',
    'He said the app would be ready for download next month.',
    'Police said the shooting happened at 2:18 p.m. on Friday.',
  ];
  for (const line of keep) assert.equal(classifyLine(line), null, line);
});

test('a run of title-case headlines of other stories is removed; people lists, data rows and lone subheads stay', () => {
  const story = 'Crews returned to work on Monday after the strike, the union said in a statement.';
  const headlines = ['Harbour Council Approves New Crane Contract', 'Lantern Festival Draws Record Crowds To Old Town', 'Valmore Rail Link Delayed Until Next Spring'];
  const r = removeBoilerplate([story, ...headlines, 'The first ferry left at dawn.']);
  assert.deepEqual(r.removed.map((x) => x.reason), ['headline-list', 'headline-list', 'headline-list']);
  const people = ['Mira Tal, the Harbor Courier port reporter', 'Teodor Brask, Leader of the Seafarers Union', 'Orsolya Vehn, Harbour Master of Sorrel Bay'];
  assert.equal(removeBoilerplate([story, ...people]).removed.length, 0);
  const rows = ['Name – Teodor Brask', 'Age – 41', 'Home Town – Sorrel Bay'];
  assert.equal(removeBoilerplate([story, ...rows]).removed.length, 0);
  const subheads = [story, 'Talks Broke Down Late On Thursday', story.replace('Monday', 'Tuesday'), 'What Happens Next For The Port', story.replace('Monday', 'Friday')];
  assert.equal(removeBoilerplate(subheads).removed.length, 0);
});

test('copyright holders and timestamp dates are read from the lines', () => {
  assert.equal(copyrightHolder('Copyright 2026 KVLM (Valmore Media Group). All rights reserved.'), 'KVLM');
  assert.equal(copyrightHolder('Copyright 2026 by Daily-Ledger.example. All rights reserved.'), 'Daily-Ledger.example');
  assert.equal(copyrightHolder('(© 2026 KVLM)'), 'KVLM');
  assert.equal(copyrightHolder('All rights reserved.'), null);
  assert.deepEqual(timestampDate('Posted: Sunday, March 29th 2026 at 9:17pm'), { value: '2026-03-29T21:17', updated: false });
  assert.deepEqual(timestampDate('Updated: Mar 21, 2026 - 6:38 PM'), { value: '2026-03-21', updated: true });
  assert.equal(timestampDate('Posted on'), null);
});

test('headings over other stories and mail promises are widgets; prose about headlines or inboxes is not', () => {
  const cases: Array<[string, string]> = [
    ['More Great Harbor Courier Stories', 'related-link'],
    ['Other news', 'related-link'],
    ['Top reads:', 'related-link'],
    ['Let our news meet your inbox. The stories that matter, delivered weekday mornings.', 'newsletter-prompt'],
  ];
  for (const [line, reason] of cases) assert.equal(classifyLine(line), reason, line);
  const keep = [
    'More than 40 stories were filed by the union before the vote.',
    'Other ferries will run on the winter timetable.',
    'Scammers sent fake invoices to your inbox, the Valmore police said in a warning on Monday.',
  ];
  for (const line of keep) assert.equal(classifyLine(line), null, line);
});

test('author boxes: a named person with a newsroom job, or a line sending readers to a person\'s account', () => {
  assert.equal(isAuthorBio('Ana Ruiz is the Harbor Courier\'s ferry reporter and has covered the port since 2019.'), true);
  assert.equal(isAuthorBio('Teodor Brask\'s book about the strait, "Low Tide" (Sorrel Press, 2024), is out now. Follow him on Twitter @tbrask.'), true);
  assert.equal(isAuthorBio('The ferry will run again on Monday, the operator said.'), false);
  assert.equal(isAuthorBio('Mira Tal is a nurse who has lived in Valmore for 30 years.'), false);
  assert.equal(isAuthorBio('Mira Tal, a reporter, said the crew was safe.'), false);
});

test('prose that opens with a widget word is kept: a stamp needs a date, a reported sentence is never a widget', () => {
  const keep = [
    'Updated figures released on Monday show 14 people were hurt.',
    'Posted guards stood at the gate all night.',
    'Sign up for the vaccination program is open until Friday, officials said.',
    'Register now, the county clerk urged voters on Monday.',
    'Copyright lawyers for the band said they would appeal.',
    'Like this: short, sharp and without warning, the storm hit the coast.',
    'More stories of delayed commuters came in through the day, and the council said it was related to the pay dispute.',
    'Related coverage of the strike continued all week.',
  ];
  for (const line of keep) assert.equal(classifyLine(line), null, line);
  const widgets: Array<[string, string]> = [
    ['Like this: Like Loading...', 'share-widget'],
    ['Posted on', 'timestamp'],
    ['Posted 3 hours ago', 'timestamp'],
    ['| Updated: 10:42 a.m.', 'timestamp'],
    ['Related Coverage Valmore crews return to work', 'related-link'],
    ['RELATED | Father says son made the call', 'related-link'],
  ];
  for (const [line, reason] of widgets) assert.equal(classifyLine(line), reason, line);
});
