// parseHtml decodes character references exactly as a decoding htmlparser2 parse would, and caps tree depth.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DomHandler, Parser } from 'htmlparser2';
import { MAX_TREE_DEPTH, blockTexts, collapseSpace, elements, isElement, parseHtml, type AnyNode } from './html-dom.js';

function reference(html: string): AnyNode {
  const handler = new DomHandler();
  new Parser(handler, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }).end(html);
  return handler.root as unknown as AnyNode;
}

/** Tag names, attributes and text of a tree in document order. */
function dump(node: AnyNode): string[] {
  if (node.type === 'text') return [`#${node.data}`];
  const own = isElement(node) ? [`<${node.name} ${JSON.stringify(node.attribs)}`] : [];
  return 'children' in node ? [...own, ...node.children.flatMap(dump), ...(isElement(node) ? [`</${node.name}`] : [])] : own;
}

const PAGE = `<html><head><title>Ferry &amp; port &#8211; Velmora &copy 2026</title>
<meta property="og:title" content="Mayor&#39;s &quot;last&quot; word &amp;c &notit; &copy=1">
<script type="application/ld+json">{"headline":"Tom &amp; Jerry &lt;b&gt;"}</script></head>
<body><p>Fares rose 5&nbsp;% &mdash; &#x201C;too much&#x201D;, said Ana Kovac &amp co. &#0; &#150; &#xD800; &#99999999;</p>
<a href="/s?id=4&amp;page=2&section=port&copy=1&ampx">next</a><textarea>&amp; raw</textarea></body></html>`;

test('decodes text and attribute references like a decoding parse, raw-text elements left as written', () => {
  assert.deepEqual(dump(parseHtml(PAGE)), dump(reference(PAGE)));
  const doc = parseHtml(PAGE);
  assert.match(blockTexts(doc).join('\n'), /Fares rose 5 % — “too much”, said Ana Kovac & co\./);
  const meta = elements(doc).find((e) => e.name === 'meta');
  assert.equal(meta?.attribs['content'], 'Mayor\'s "last" word &c &notit; &copy=1');
});

test('decodes random markup with references exactly as a decoding parse', () => {
  const piece = fc.constantFrom('&amp;', '&amp', '&lt;', '&gt', '&quot;', '&#39;', '&#x27;', '&#0;', '&#128;', '&#x110000;', '&copy', '&copy;', '&notin;', '&not', '&hellip;', '&', '&#', '&#x', '=', '"', "'", '<', '>', 'a', ' ', '<p>', '</p>', '<a href="', '<a title=\'', '<img alt=', '<title>', '</title>', '<textarea>', '</textarea>', '<script>', '</script>');
  fc.assert(
    fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 40 }), (parts) => {
      // closed at the end: htmlparser2 emits text cut inside an unterminated <title> or <?...> undecoded, we decode it
      const html = `${parts.join('')}"'>--></title></textarea></script>`;
      assert.deepEqual(dump(parseHtml(html)), dump(reference(html)));
    }),
    { numRuns: 500 },
  );
});

test('nesting deeper than the cap is attached at the cap instead of overflowing walks', () => {
  const doc = parseHtml(`${'<div>'.repeat(MAX_TREE_DEPTH + 50)}deep text`);
  assert.deepEqual(blockTexts(doc), ['deep text']);
});

test('collapseSpace is the regex it replaces, on every white-space character and on random text', () => {
  const regex = (s: string): string => s.replace(/[\s\u00a0\u200b\u2028\u2029]+/g, ' ').trim();
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    for (const s of [`a${ch}b`, `${ch}a${ch}${ch}b ${ch}`, `${ch}`, ` ${ch} `]) assert.equal(collapseSpace(s), regex(s), `U+${c.toString(16)}`);
  }
  const piece = fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', '\u200b', '\u2028', '\u3000', 'a', 'bc', '.');
  fc.assert(fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 3 })), { maxLength: 30 }), (parts) => assert.equal(collapseSpace(parts.join('')), regex(parts.join('')))), { numRuns: 2000 });
});
