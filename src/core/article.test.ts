import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plainTextArticle } from './article.js';

test('a plain-text article: id from the text hash, metadata merged over empty, layers empty', () => {
  const a = plainTextArticle('The ferry sank.', { meta: { outlet: 'Harbor Courier' }, source: { path: 'a.txt' } });
  assert.match(a.id, /^a[0-9a-f]{12}$/);
  assert.equal(a.id, `a${a.contentHash.slice(0, 12)}`);
  assert.equal(a.meta.outlet, 'Harbor Courier');
  assert.equal(a.meta.published, null);
  assert.deepEqual(a.layers.entities, []);
  assert.equal(a.extractedBy, 'plain-text');
  assert.equal(plainTextArticle('The ferry sank.').id, a.id);
  assert.notEqual(plainTextArticle('The ferry sank!').id, a.id);
  assert.equal(plainTextArticle('x', { id: 'doc7', encoding: null }).id, 'doc7');
});
