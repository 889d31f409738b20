// Paragraph and sentence splitting: news abbreviations, exact offsets, and scraped line shapes that must not crash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createContext } from '../../core/context.js';
import { makeArticle } from '../../../test/helpers/make-article.js';
import { capLength, sentencesStage, splitParagraphs, splitSentences } from './sentences.js';
import { cpuMsOf } from '../../../test/helpers/cpu-time.js';

test('sentences respect news abbreviations and slice back exactly', () => {
  const text = 'KYIV (Reuters) - U.S. President Donald Trump met Mr. Smith at 3 p.m. on Tuesday. "We will not sign it," he said.\nSecond paragraph here.';
  const paras = splitParagraphs(text);
  assert.equal(paras.length, 2);
  const sents = paras.flatMap((p) => splitSentences(text, p)).map((s) => text.slice(s.start, s.end));
  assert.deepEqual(sents, [
    'KYIV (Reuters) - U.S. President Donald Trump met Mr. Smith at 3 p.m. on Tuesday.',
    '"We will not sign it," he said.',
    'Second paragraph here.',
  ]);
});

test('text sbd cannot place is kept as a trailing sentence, never dropped', () => {
  const text = 'One.   \t';
  const sents = splitParagraphs(text).flatMap((p) => splitSentences(text, p));
  assert.deepEqual(sents.map((s) => text.slice(s.start, s.end)), ['One.']);
});

const sentencesOf = (text: string): string[] =>
  splitParagraphs(text).flatMap((p) => splitSentences(text, p)).map((s) => text.slice(s.start, s.end));

test('a rule line of =====, -----, *****, _____, ##### or +++++ is a separator, not a crash (sbd threw on it)', () => {
  for (const rule of ['=====', '-----', '*****', '_____', '#####', '+++++', '=-=-=-=-', '='.repeat(300)]) {
    assert.deepEqual(sentencesOf(rule), [], rule);
    assert.deepEqual(sentencesOf(`Two were hurt.\n${rule}\nThe road reopened.`), ['Two were hurt.', 'The road reopened.'], rule);
  }
  const out = sentencesStage.run(makeArticle('====='), createContext(), sentencesStage.defaults);
  assert.deepEqual(out.layers.sentences, []);
  assert.equal(out.layers.paragraphs?.length, 1);
});

test('a rule inside a line ends the sentence before it and never enters a sentence', () => {
  assert.deepEqual(sentencesOf('Police closed the road ===== Traffic moved again at noon.'), ['Police closed the road', 'Traffic moved again at noon.']);
  assert.deepEqual(sentencesOf('=====Results=====\nOne won.'), ['Results', 'One won.']);
});

test('tab-separated rows and tables keep every cell inside a sentence with exact offsets (sbd re-joins with spaces)', () => {
  assert.deepEqual(sentencesOf('Town\tKilled\tInjured\nEastbrook\t2\t3'), ['Town\tKilled\tInjured', 'Eastbrook\t2\t3']);
  assert.deepEqual(sentencesOf('| Town | Killed |\n|---|---|\n| Eastbrook | 2 |'), ['| Town | Killed |', '| Eastbrook | 2 |']);
  assert.deepEqual(sentencesOf('Two  were   hurt.  Police    came.'), ['Two  were   hurt.', 'Police    came.']);
});

test('glued sentences ("hurt.Police") keep the dropped full stop in the first sentence', () => {
  assert.deepEqual(sentencesOf('Two were hurt.Police came at noon.'), ['Two were hurt.', 'Police came at noon.']);
});

test('lines of only punctuation, symbols or emoji make no sentence; words around them still do', () => {
  for (const line of ['!!!!!!', '......', '??? !!!', '…………', '😀😀 🔥', '© ® ™', '"""""', '• • •']) {
    assert.deepEqual(sentencesOf(line), [], line);
    assert.deepEqual(sentencesOf(`It rained.\n${line}\nIt stopped.`), ['It rained.', 'It stopped.'], line);
  }
  assert.deepEqual(sentencesOf('Really!!!!!! Yes.'), ['Really!!!!!!', 'Yes.']);
});

test('bullet lists give one sentence per item', () => {
  assert.deepEqual(sentencesOf('- first item\n* second item\n• third item\n1. fourth item'), ['- first item', '* second item', '• third item', '1. fourth item']);
});

test('CR LF, lone CR and Unicode line separators all end a paragraph', () => {
  const text = 'One.\r\nTwo.\rThree.\u2028Four.';
  assert.deepEqual(splitParagraphs(text).map((p) => text.slice(p.start, p.end)), ['One.', 'Two.', 'Three.', 'Four.']);
  const blank = 'One.\r\n\r\nTwo.\nstill two.';
  assert.deepEqual(splitParagraphs(blank, false).map((p) => blank.slice(p.start, p.end)), ['One.', 'Two.\nstill two.']);
});

test('very long tokens, control characters and right-to-left text give valid spans in linear time', () => {
  const long = 'x'.repeat(200_000);
  const split = cpuMsOf(() => sentencesOf(`Start. ${long} end.`));
  assert.deepEqual(split.value, ['Start.', `${long} end.`]);
  assert.ok(split.ms < 2000, `took ${Math.round(split.ms)} ms of CPU`);
  assert.deepEqual(sentencesOf('A\u0000B said\u0007 yes. Then\u001b left.'), ['A\u0000B said\u0007 yes.', 'Then\u001b left.']);
  assert.deepEqual(sentencesOf('قال رئيس البلدية إن 14 شخصا أصيبوا.'), ['قال رئيس البلدية إن 14 شخصا أصيبوا.']);
});

test('a run longer than maxSentenceChars is cut at white space (long tokens hard), so later stages see bounded sentences', () => {
  const words = Array.from({ length: 400 }, (_, i) => `Word${i}`).join(' ');
  const out = sentencesStage.run(makeArticle(`Short one.\n${words}`), createContext(), { ...sentencesStage.defaults, maxSentenceChars: 300 });
  const text = `Short one.\n${words}`;
  assert.equal(text.slice(out.layers.sentences![0]!.start, out.layers.sentences![0]!.end), 'Short one.');
  for (const s of out.layers.sentences!) {
    assert.ok(s.end - s.start <= 300);
    assert.match(text.slice(s.start, s.end), /^Word\d+( Word\d+)*$|^Short one\.$/);
  }
  assert.equal(out.layers.sentences!.slice(1).map((s) => text.slice(s.start, s.end)).join(' '), words, 'nothing lost');
  assert.deepEqual(out.diagnostics?.map((d) => d.rule), ['long-sentence-split']);
  assert.deepEqual(capLength('😀'.repeat(5), { start: 0, end: 10 }, 3).map((s) => s.end - s.start), [2, 2, 2, 2, 2], 'never inside a surrogate pair');
  assert.deepEqual(capLength('x'.repeat(7), { start: 0, end: 7 }, 3).map((s) => [s.start, s.end]), [[0, 3], [3, 6], [6, 7]]);
});

test('property: sentences are sorted, disjoint, trimmed, and hold every letter and digit of the text', () => {
  const alphabet = fc.constantFrom(...'ab Z9.!?=-*_#+|\t\n\r"“”…😀ق\u0000\u2028 '.split(''), 'Mr.', 'U.S.', '=====', '\r\n', 'Dana ', 'said.');
  fc.assert(
    fc.property(fc.array(alphabet, { maxLength: 80 }), fc.boolean(), (parts, everyLine) => {
      const text = parts.join('');
      const out = sentencesStage.run(makeArticle(text), createContext(), { ...sentencesStage.defaults, newlineIsParagraph: everyLine, maxSentenceChars: 40 });
      const sentences = out.layers.sentences ?? [];
      const covered = new Uint8Array(text.length);
      sentences.forEach((s, i) => {
        assert.ok(s.start < s.end && s.end - s.start <= 40, `sentence ${i} [${s.start}, ${s.end})`);
        assert.ok(i === 0 || sentences[i - 1]!.end <= s.start, 'sorted and disjoint');
        assert.equal(text.slice(s.start, s.end).trim(), text.slice(s.start, s.end));
        covered.fill(1, s.start, s.end);
      });
      for (const m of text.matchAll(/[\p{L}\p{N}]/gu)) assert.equal(covered[m.index], 1, `character ${m.index} of ${JSON.stringify(text)} is in no sentence`);
    }),
    { numRuns: 400 },
  );
});
