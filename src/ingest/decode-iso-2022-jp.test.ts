// ISO-2022-JP: escape-delimited JIS segments decoded through EUC-JP, detected without a declared charset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { decodeBytes, decodeHtmlBytes } from './decode-bytes.js';
import { decodeIso2022Jp, looksIso2022Jp } from './decode-iso-2022-jp.js';

const ESC = '\x1b';
const bytes = (s: string): Buffer => Buffer.from(s, 'latin1');

/** ISO-2022-JP as a mail client writes it, built from iconv-lite's EUC-JP (clear the high bits, escape each run). */
function toIso2022Jp(text: string): Buffer {
  const euc = iconv.encode(text, 'euc-jp');
  const out: number[] = [];
  let mode = 'ascii';
  const to = (next: string, seq: string): void => {
    if (mode !== next) out.push(...bytes(seq));
    mode = next;
  };
  for (let i = 0; i < euc.length; i++) {
    const b = euc[i]!;
    if (b < 0x80) {
      to('ascii', `${ESC}(B`);
      out.push(b);
    } else if (b === 0x8e) {
      to('katakana', `${ESC}(I`);
      out.push(euc[++i]! & 0x7f);
    } else if (b === 0x8f) {
      to('jis0212', `${ESC}$(D`);
      out.push(euc[++i]! & 0x7f, euc[++i]! & 0x7f);
    } else {
      to('jis0208', `${ESC}$B`);
      out.push(b & 0x7f, euc[++i]! & 0x7f);
    }
  }
  to('ascii', `${ESC}(B`);
  return Buffer.from(out);
}

test('two JIS X 0208 characters written by hand decode: 日 is 0x467C and 本 is 0x4B5C', () => {
  assert.equal(decodeIso2022Jp(bytes(`Made in ${ESC}$BF|K\\${ESC}(B today`)), 'Made in 日本 today');
  // JIS X 0201 Roman differs from ASCII in two places only
  assert.equal(decodeIso2022Jp(bytes(`${ESC}(J100\\ a~b${ESC}(B 100\\`)), '100¥ a‾b 100\\');
});

test('ISO-2022-JP text without a declared charset is detected and decoded, not kept as escape codes', () => {
  const ja = 'ヴェルモラ港の港湾局は月曜日、フェリー「ハルナ丸」の運航を来週再開すると発表した。点検は金曜日に終わる予定（2026年3月）。';
  const encoded = toIso2022Jp(ja);
  assert.ok(encoded.every((b) => b < 0x80), 'ISO-2022-JP is 7-bit');
  const r = decodeBytes(encoded);
  assert.ok(r.ok);
  assert.equal(r.encoding, 'iso-2022-jp');
  assert.equal(r.text, ja);
  assert.equal(r.replaced, 0);
  // in a page, with Latin markup around it, through the HTML decoder
  const page = decodeHtmlBytes(toIso2022Jp(`<html><head><title>Velmora</title></head><body><p>${ja}</p></body></html>`));
  assert.ok(page.ok);
  assert.equal(page.encoding, 'iso-2022-jp');
  assert.match(page.text, /フェリー「ハルナ丸」の運航/);
});

test('half-width katakana (ESC ( I, and SO/SI) and JIS X 0212 segments decode', () => {
  assert.equal(decodeIso2022Jp(toIso2022Jp('ｱｲｳ and ｶﾀｶﾅ')), 'ｱｲｳ and ｶﾀｶﾅ');
  assert.equal(decodeIso2022Jp(bytes(`x\x0e123\x0fy`)), 'xｱｲｳy');
  const rare = '丂'; // JIS X 0212 only
  assert.equal(decodeIso2022Jp(toIso2022Jp(`a${rare}b`)), `a${rare}b`);
});

test('damage stays local: an unknown escape and a lone byte in a two-byte segment become U+FFFD, the rest decodes', () => {
  assert.equal(decodeIso2022Jp(bytes(`a${ESC}Zb ${ESC}$BF|K${ESC}(B c`)), 'a\uFFFDZb 日\uFFFD c');
  // a line break inside a two-byte segment is kept
  assert.equal(decodeIso2022Jp(bytes(`${ESC}$BF|\nK\\${ESC}(B`)), '日\n本');
});

test('only 7-bit text with an escape into a JIS set is taken for ISO-2022-JP', () => {
  assert.equal(looksIso2022Jp(bytes('plain ASCII text')), false);
  assert.equal(looksIso2022Jp(bytes(`a terminal colour ${ESC}[31m red ${ESC}[0m`)), false);
  assert.equal(looksIso2022Jp(Buffer.concat([bytes(`${ESC}$BF|K\\${ESC}(B `), Buffer.from('é', 'utf8')])), false);
  assert.equal(looksIso2022Jp(bytes(`${ESC}$BF|K\\${ESC}(B`)), true);
  const plain = decodeBytes(bytes('plain ASCII text'));
  assert.ok(plain.ok);
  assert.equal(plain.encoding, 'utf-8');
});
