// Tests for name mentions: datelines in capitals are places, not people who could speak.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../core/tokenize.js';
import { findNameMentions } from './find-name-mentions.js';

const names = (text: string): string[] => findNameMentions(text, tokenize(text), []).mentions.map((m) => text.slice(m.start, m.end));

test('a dateline in capitals opening a paragraph before a dash is no name mention', () => {
  const text = 'VELMORA \u2014 Mayor Ilse Brandt closed the pier.\nNORVIK, Kest. (Nordwire) \u2014 Tomas Berg agreed.';
  const seen = names(text);
  assert.ok(!seen.some((n) => /VELMORA|NORVIK/.test(n)), JSON.stringify(seen));
  assert.ok(seen.some((n) => n.includes('Ilse Brandt')) && seen.some((n) => n.includes('Tomas Berg')), JSON.stringify(seen));
});

test('a name in capitals inside a sentence stays a mention', () => {
  assert.ok(names('The report by ILSE BRANDT \u2014 the mayor \u2014 was read aloud.').some((n) => n.includes('ILSE BRANDT')));
});
