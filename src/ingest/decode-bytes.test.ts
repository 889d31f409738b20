import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import fc from 'fast-check';
import { decodeBytes, decodeHtmlBytes, validUtf8Text } from './decode-bytes.js';
import { stripNoise } from './strip-noise.js';

const ok = (r: ReturnType<typeof decodeBytes>): { text: string; encoding: string; replaced: number } => {
  assert.ok(r.ok, 'expected a decoded result');
  return r;
};

test('UTF-8 with and without BOM decodes and says which', () => {
  const plain = ok(decodeBytes(Buffer.from('Kyiv’s mayor said “no”.', 'utf8')));
  assert.equal(plain.encoding, 'utf-8');
  const bom = ok(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Zürich', 'utf8')])));
  assert.equal(bom.text, 'Zürich');
  assert.equal(bom.encoding, 'utf-8-bom');
});

test('UTF-16 is recognised with a BOM and without one', () => {
  const le = ok(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Ferry strike in Valmore', 'utf16le')])));
  assert.equal(le.text, 'Ferry strike in Valmore');
  const bare = ok(decodeBytes(Buffer.from('The port authority said on Monday', 'utf16le')));
  assert.equal(bare.encoding, 'utf-16le');
  assert.equal(bare.text, 'The port authority said on Monday');
});

test('Windows-1252 curly quotes and dashes decode correctly', () => {
  const src = '“We will not sail,” the union’s leader said — again. Café prices rose 5%.';
  const r = ok(decodeBytes(iconv.encode(src, 'windows-1252')));
  assert.equal(r.encoding, 'windows-1252');
  assert.equal(r.text, src);
});

test('Cyrillic in Windows-1251 and KOI8-R are told apart', () => {
  const src = 'Мэр города заявил журналистам, что паромное сообщение будет восстановлено в понедельник утром после переговоров.';
  const w = ok(decodeBytes(iconv.encode(src, 'windows-1251')));
  assert.equal(w.text, src);
  assert.equal(w.encoding, 'windows-1251');
  const k = ok(decodeBytes(iconv.encode(src, 'koi8-r')));
  assert.equal(k.text, src);
  assert.equal(k.encoding, 'koi8-r');
});

test('a declared charset is used when the bytes are not UTF-8', () => {
  const r = ok(decodeBytes(iconv.encode('Élysée Palace', 'iso-8859-1'), 'ISO-8859-1'));
  assert.equal(r.text, 'Élysée Palace');
  assert.equal(r.encoding, 'iso-8859-1');
});

test('a mostly-UTF-8 file with one bad byte stays UTF-8 and counts the damage', () => {
  const bytes = Buffer.concat([Buffer.from('Zelensky’s aide said “talks” resumed — ', 'utf8'), Buffer.from([0xff]), Buffer.from(' in Geneva.', 'utf8')]);
  const r = ok(decodeBytes(bytes));
  assert.equal(r.encoding, 'utf-8');
  assert.equal(r.replaced, 1);
  assert.ok(r.text.includes('“talks”'));
});

test('empty, binary and PDF content are refused with their own rule', () => {
  const empty = decodeBytes(new Uint8Array());
  assert.equal(empty.ok ? null : empty.rule, 'empty');
  const bin = decodeBytes(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3]));
  assert.equal(bin.ok ? null : bin.rule, 'binary-content');
  const pdf = decodeBytes(Buffer.from('%PDF-1.7\n1 0 obj\n'));
  assert.equal(pdf.ok ? null : pdf.rule, 'pdf-content');
});

test('a few control bytes are text, more than 2% of the sample is binary; tab, CR, form feed and ESC never count', () => {
  const text = (controls: number, byte: number): Uint8Array => {
    const bytes = Buffer.alloc(1000, 'a');
    for (let i = 0; i < controls; i++) bytes[i * 7] = byte;
    return bytes;
  };
  assert.equal(decodeBytes(text(10, 0x01)).ok, true);
  assert.equal(decodeBytes(text(30, 0x1f)).ok, false);
  assert.equal(decodeBytes(text(30, 0x0b)).ok, false);
  for (const allowed of [0x09, 0x0a, 0x0c, 0x0d, 0x1b]) assert.equal(decodeBytes(text(100, allowed)).ok, true, `byte ${allowed}`);
});

test('validUtf8Text gives the same text as Buffer#toString for large and small, ASCII and non-ASCII pages', () => {
  const prose = '<p>Mayor Édith Varga of Brévanne said “the ferry stays” — 12 € a ticket, 𝐀 math letter, 中文, Привет.</p>\n';
  const cases = [prose.repeat(200), 'plain ASCII page '.repeat(600), 'café au lait '.repeat(500), prose, '𝐀'.repeat(3000)];
  for (const text of cases) {
    const bytes = Buffer.from(text, 'utf8');
    assert.equal(validUtf8Text(bytes), bytes.toString('utf8'));
    assert.equal(validUtf8Text(bytes), text);
  }
});

test('decodeHtmlBytes is stripNoise over decodeBytes, for UTF-8 and single-byte pages, whatever the bytes', () => {
  const same = (bytes: Uint8Array): void => {
    const whole = decodeBytes(bytes, null);
    const html = decodeHtmlBytes(bytes, null);
    assert.equal(html.ok, whole.ok);
    if (whole.ok && html.ok) {
      assert.equal(html.text, stripNoise(whole.text));
      assert.equal(html.encoding, whole.encoding);
    }
  };
  // markup pieces around multi-byte characters (a UTF-8 sequence never holds an ASCII byte), and non-ASCII white space in end tags
  const piece = fc.constantFrom(
    '<script>', '</script>', '</SCRIPT\u00a0>', '</script\u3000>', '</script \n>', '<style>', '</style>', '<nav>', '</nav>', '</nav\u00a0>',
    '<!--', '-->', '<img src="é>">', '<svg>', '</svg>', '<script type="application/ld+json">', '<p>', 'é', '€', '中文', '😀', '\u00a0', ' ', '<', '>', '"', 'ld+json',
  );
  fc.assert(fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 40 }), (parts) => same(Buffer.from(parts.join(''), 'utf8'))), { numRuns: 1500 });
  fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => same(bytes)), { numRuns: 1500 });
  // windows-1252 bytes: not UTF-8, decoded whole and then stripped
  same(Buffer.from('<p>Caf\xe9 \x93quoted\x94</p><script>x</script\xa0><nav>a</nav>', 'latin1'));
});

test('Shift-JIS, EUC-JP, GB18030, Big5 and EUC-KR text without a declared charset is detected and decoded, not garbled', () => {
  const ja = '東京湾の港湾局は月曜日、フェリーの運航を来週再開すると発表した。関係者によると、点検は金曜日に終わる予定だという。';
  const zh = '港务局星期一表示，渡轮将于下周恢复运营。据知情人士透露，检查预计将在星期五结束。';
  const zht = '港務局星期一表示，渡輪將於下週恢復營運。據知情人士透露，檢查預計將在星期五結束。';
  const ko = '항만청은 월요일 여객선 운항을 다음 주에 재개한다고 발표했다. 관계자에 따르면 점검은 금요일에 끝날 예정이다.';
  for (const [src, encoding] of [[ja, 'shift_jis'], [ja, 'euc-jp'], [zh, 'gb18030'], [zht, 'big5'], [ko, 'euc-kr']] as const) {
    const r = ok(decodeBytes(iconv.encode(src, encoding)));
    assert.equal(r.encoding, encoding);
    assert.equal(r.text, src);
    assert.equal(r.replaced, 0);
  }
});

test('a Shift-JIS page with a Latin head and no charset is decoded as Shift-JIS', () => {
  const html = '<html><head><title>Harbour</title></head><body><p>東京湾の港湾局は月曜日、フェリーの運航を来週再開すると発表した。</p></body></html>';
  const r = ok(decodeHtmlBytes(iconv.encode(html, 'shift_jis')));
  assert.equal(r.encoding, 'shift_jis');
  assert.match(r.text, /フェリーの運航/);
});
