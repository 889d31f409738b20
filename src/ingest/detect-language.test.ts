// detectLanguage answers exactly as franc-min would, only faster; short or script-less text is undetermined.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { franc } from 'franc-min';
import { detectLanguage, francLanguage } from './detect-language.js';

const SAMPLES = [
  'The harbour authority in Velmora said on Tuesday that the ferry terminal would stay closed, citing two officials who spoke on condition of anonymity.',
  'Le maire de Saint-Aubrac a déclaré mardi que le terminal resterait fermé jusqu’à nouvel ordre, selon deux responsables portuaires.',
  'Der Bürgermeister von Kellingen sagte am Dienstag, das Fährterminal bleibe bis auf Weiteres geschlossen, wie zwei Beamte berichteten.',
  'El alcalde de Valdemora dijo el martes que la terminal de transbordadores seguirá cerrada, según dos funcionarios del puerto.',
  'O prefeito de Vila Serena afirmou na terça-feira que o terminal de balsas continuará fechado, segundo dois funcionários do porto.',
  'Il sindaco di Valmora ha detto martedì che il terminal dei traghetti resterà chiuso, secondo due funzionari del porto.',
  'Мэр Велморы заявил во вторник, что паромный терминал останется закрытым, сославшись на двух чиновников порта.',
  'قال رئيس بلدية فيلمورا يوم الثلاثاء إن محطة العبارات ستظل مغلقة، نقلا عن مسؤولين اثنين في الميناء.',
  '벨모라 시장은 화요일 여객선 터미널이 당분간 폐쇄된다고 밝혔으며 항만 관계자 두 명이 이를 확인했다고 말했다.',
  'Walikota Velmora mengatakan pada hari Selasa bahwa terminal feri akan tetap ditutup, mengutip dua pejabat pelabuhan.',
  'Ο δήμαρχος της Βελμόρας δήλωσε την Τρίτη ότι ο σταθμός των πορθμείων θα παραμείνει κλειστός, σύμφωνα με δύο αξιωματούχους.',
  'ヴェルモラ市長は火曜日、フェリーターミナルは当面閉鎖されると述べた。',
  '韦尔莫拉市长周二表示，渡轮码头将继续关闭，港口两名官员证实了这一消息。',
  'वेलमोरा के महापौर ने मंगलवार को कहा कि नौका टर्मिनल अगली सूचना तक बंद रहेगा।',
  '12:40 — 17 / 3 / 2026 ... 555-0199 #### 42%',
];

test('matches franc-min on news sentences in many languages and scripts', () => {
  for (const s of SAMPLES) assert.equal(francLanguage(s), franc(s, { minLength: 1 }), s);
});

test('matches franc-min on long text, where only the first 2048 characters count', () => {
  const long = `${SAMPLES[0]} ${SAMPLES[1]} `.repeat(40) + SAMPLES[6]!.repeat(200);
  assert.equal(francLanguage(long), franc(long, { minLength: 1 }));
});

test('matches franc-min on random text mixing scripts, digits and punctuation', () => {
  const piece = fc.constantFrom(...SAMPLES.map((s) => s.slice(0, 60)), ' ', '  \n', '42', '!?', 'ß', 'ﬁ', '\u0130', 'x');
  fc.assert(
    fc.property(fc.array(fc.oneof(piece, fc.string(), fc.string({ unit: 'binary', maxLength: 20 })), { maxLength: 30 }), (parts) => {
      const s = parts.join('');
      if (s.length === 0) return;
      assert.equal(francLanguage(s), franc(s, { minLength: 1 }));
    }),
    { numRuns: 300 },
  );
});

test('maps to ISO 639-1 and leaves short or undetermined text unlabelled', () => {
  assert.equal(detectLanguage(SAMPLES[0]!), 'en');
  assert.equal(detectLanguage(SAMPLES[1]!), 'fr');
  assert.equal(detectLanguage('Too short to tell.'), null);
  assert.equal(detectLanguage('12:40 — 17 / 3 / 2026 ... 555-0199 #### 42% 12:40 — 17 / 3 / 2026'), null);
});
