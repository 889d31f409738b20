// parseHtml (our port of htmlparser2's tokenizer and parser) builds exactly the tree htmlparser2 + DomHandler build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DomHandler, Parser } from 'htmlparser2';
import { ReferenceDecoder } from './html-references.js';
import { MAX_TREE_DEPTH, parseHtml } from './html-tree.js';
import { cpuMsOf } from '../../test/helpers/cpu-time.js';

/** The structural slice of a node both trees share. */
interface AnyTreeNode {
  readonly type: string;
  readonly name?: string;
  readonly data?: string;
  readonly attribs?: Record<string, string>;
  readonly children?: readonly AnyTreeNode[];
  readonly parent?: AnyTreeNode | null;
}

const RAW_TEXT_TAGS = new Set(['script', 'style', 'textarea', 'xmp']);

/**
 * The oracle: htmlparser2's own Parser and a DomHandler (what parseHtml replaced), decoding references per text
 * run and attribute value with the same decoder, and capping depth the same way.
 */
class OracleHandler extends DomHandler {
  private flattened = 0;
  private readonly decoder = new ReferenceDecoder();

  override onopentag(name: string, attribs: { [key: string]: string }): void {
    for (const k in attribs) {
      const v = attribs[k];
      if (v !== undefined && v.includes('&')) attribs[k] = this.decoder.attribute(v);
    }
    super.onopentag(name, attribs);
    if (this.tagStack.length > MAX_TREE_DEPTH) {
      super.onclosetag();
      this.flattened++;
    }
  }

  override onclosetag(): void {
    if (this.flattened > 0) this.flattened--;
    else super.onclosetag();
  }

  override ontext(data: string): void {
    if (!data.includes('&')) return super.ontext(data);
    const parent = this.tagStack[this.tagStack.length - 1] as AnyTreeNode | undefined;
    const name = parent && parent.type !== 'root' ? (parent.name ?? '') : '';
    super.ontext(RAW_TEXT_TAGS.has(name) ? data : name === 'title' ? this.decoder.title(data) : this.decoder.text(data));
  }
}

function oracle(html: string): AnyTreeNode {
  const handler = new OracleHandler();
  new Parser(handler, { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true }).end(html);
  return handler.root as unknown as AnyTreeNode;
}

/** Every node in document order with its type, name, attributes and data; parent links checked on the way. */
function dump(node: AnyTreeNode, parent: AnyTreeNode | null = null): string[] {
  if (parent && node.parent !== parent) return ['! wrong parent'];
  const own = `${node.type} ${node.name ?? ''} ${node.attribs ? JSON.stringify(Object.entries(node.attribs)) : ''} ${node.data === undefined ? '' : JSON.stringify(node.data)}`;
  return [own, ...(node.children ?? []).flatMap((c) => dump(c, node)), ...(node.children ? [`/${node.type}`] : [])];
}

const same = (html: string): void => assert.deepEqual(dump(parseHtml(html) as unknown as AnyTreeNode), dump(oracle(html)), JSON.stringify(html));

const TRICKY = [
  // implied closes, stray end tags, void elements, foreign content
  '<p>a<p>b<div>c</p></div><li>x<li>y</ul></br></p><br/><hr>', '<table><tr><td>a<td>b<tr><th>c</table>', '<svg><path/><g/></svg><math><mi/></math><p/>x',
  '<select><option>a<option>b<optgroup>c</select><dl><dt>a<dd>b</dl><ruby>x<rt>y<rp>z</ruby>', '<body><head><link><script>x</script>',
  // raw text and its lookalikes
  '<script>if (a < b && c > d) { x = "</scr" + "ipt>" }</script ><style>p{}</STYLE>', '<title>A &amp; B < C</title>', '<textarea>&amp;</textarea x>',
  '<xmp><b></xmp>', '<tmp>t</xmp>', '<xitle>t</title>', '<scripts>a</scripts>', '<sc>a</sc>', '<script/>x</script>', '<script a=b / >x',
  '<script>a</script\tx>b', '<script>a<</script>', '<title>a\u001c/title>b</title>', '<style>a</st', '<script>',
  // comments, declarations, CDATA, processing instructions
  '<!-- a --><!--><!---><!-- b --->c<!---->', '<!DOCTYPE html><!doctype><!x y><!-x><!->z>', '<![CDATA[a]]]>b<![CDAT x>', '<?xml version="1.0"?><?php echo 1 ?>',
  '</ x>a</1b>c</>d</a/>e', 'a < b <<c> &', '<a b c=d e="f" g=\'h\' i j=k/ l m="n"o=p =q b=z>t</a>', '<a\nhref\n=\n"x"\n>y</a>',
  '<A HREF="X" Class=Y>z</A><DIV ID=1></div>', '<a __proto__="x" constructor="y" hasOwnProperty="z">t</a>',
  // input that ends inside every kind of token
  '<', 'a<', '<s', '<sc', '<scr', '<script', '<scriptx', '<t', '<ti', '<x', '<xm', '<d', '<div', '<div ', '<div a', '<div a=', '<div a="b', "<div a='b",
  '<div a=b', '<br/', '<br / ', '</', '</ ', '</a', '</a b', '<!', '<!-', '<!--', '<!-- a -', '<![CDATA[x', '<![CD', '<!x', '<?x', '</1',
];

test('tricky markup: same tree as htmlparser2', () => {
  for (const html of TRICKY) same(html);
});

test('random markup from an alphabet of tag fragments: same tree as htmlparser2', () => {
  const piece = fc.constantFrom(
    '<', '>', '/', '=', '"', "'", '!', '?', '-', '[', ']', ' ', '\n', '\t', '&', '&amp;', '&lt', '&#38;', '&copy', 'a', 'b', 'p', 'x', 'S', 'T',
    '\u001c', '\u000f', '<p>', '</p>', '<li>', '<br>', '</br>', '<div class="a">', '</div>', '<svg>', '</svg>', '<math>', '<mi>', '</mi>', '<title>',
    '</title>', '<script>', '</script>', '<style>', '</style', '<textarea>', '</textarea>', '<xmp>', '</xmp>', '<!--', '-->', '<![CDATA[', ']]>',
    '<!doctype html>', '<?x ?>', '<table>', '<tr>', '<td>', '<select>', '<option>', '<a href=x>', '</a>', '<img src="a&amp;b">', '<input/>',
  );
  fc.assert(fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 3 })), { maxLength: 60 }), (parts) => same(parts.join(''))), { numRuns: 3000 });
});

test('random markup under a deep stack of unclosed elements (end tags matched by counts): same tree as htmlparser2', () => {
  const open = fc.constantFrom('<div>', '<span>', '<b>', '<p>', '<li>', '<a href=x>', '<table>', '<td>', '<svg>', '<math>', '<mi>');
  const piece = fc.constantFrom('</div>', '</span>', '</b>', '</p>', '</li>', '</a>', '</table>', '</td>', '</svg>', '</math>', '</x>', '</br>', '<p>', '<div>', 'text', ' ');
  fc.assert(
    fc.property(fc.array(open, { minLength: 150, maxLength: 250 }), fc.array(piece, { maxLength: 150 }), (opens, rest) => same(opens.join('') + rest.join(''))),
    { numRuns: 120 },
  );
  // elements opened and closed (explicitly or implied) while the stack stays long, then stray end tags for them
  const deep = '<span>'.repeat(70);
  for (const tail of ['</x><p><div></p>', '</x><p></p></p>', '</x><li><li></li></li>', '</x><b><i></b></i></b>', '</x><table><td><td></table></td></x></p>']) same(deep + tail);
});

test('random strings (any characters): same tree as htmlparser2', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (html) => same(html)), { numRuns: 2000 });
  fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'<>/="\'!?-[] a\n&;#'), maxLength: 80 }), (html) => same(html)), { numRuns: 3000 });
});

test('nesting past the depth cap: same tree as the capped DomHandler', () => {
  same(`${'<div>'.repeat(MAX_TREE_DEPTH + 5)}<b>x</b>y<br><p>z</p>${'</div>'.repeat(MAX_TREE_DEPTH + 5)}after`);
  same(`${'<span>'.repeat(MAX_TREE_DEPTH - 2)}<i><u><s>deep</s>t</u></i>&amp;`);
});

test('stray end tags under a huge stack of unclosed elements take linear time', () => {
  // quadratic search (every stray end tag scanning 100 000 open elements) would take minutes
  const n = 100_000;
  const { ms } = cpuMsOf(() => parseHtml(`<span>${'<div>'.repeat(n)}${'</b>'.repeat(n)}${'</p>'.repeat(n)}</span>${'</div>'.repeat(n)}`));
  assert.ok(ms < 10_000, `took ${Math.round(ms)} ms of CPU`);
});
