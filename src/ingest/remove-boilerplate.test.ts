import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyLine, duplicateKey, removeBoilerplate } from './remove-boilerplate.js';

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
