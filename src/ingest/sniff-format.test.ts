import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sniffFormat } from './sniff-format.js';

test('strong content signals beat the extension', () => {
  assert.equal(sniffFormat('crawl.txt', 'WARC/1.0\r\nWARC-Type: warcinfo'), 'warc');
  assert.equal(sniffFormat('news.html', '<?xml version="1.0"?>\n<rss version="2.0"><channel>'), 'feed');
  assert.equal(sniffFormat('items.txt', '{"version":"https://jsonfeed.org/version/1.1","items":[]}'), 'feed');
});

test('extensions decide when the content is not conclusive, content decides without one', () => {
  assert.equal(sniffFormat('error.xml', '<!DOCTYPE html><html><body>502</body></html>'), 'feed');
  assert.equal(sniffFormat('page.htm', 'plain words'), 'html');
  assert.equal(sniffFormat('a.jsonl.gz', '{"text":"x"}'), 'jsonl');
  assert.equal(sniffFormat('noext', '<!doctype html><html>'), 'html');
  assert.equal(sniffFormat('noext', '{"text":"The bridge reopened."}\n{"text":"x"}'), 'jsonl');
  assert.equal(sniffFormat('export.json', '[{"text":"x"}]'), 'jsonl');
  assert.equal(sniffFormat('noext', 'date 2026-03-14 Harbor Courier\n\nThe ferry <strike> ended.'), 'text');
});
