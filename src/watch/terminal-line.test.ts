// Terminal lines never carry escape sequences, line breaks or bidi overrides from article text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { terminalLine } from './terminal-line.js';

test('ANSI escapes, carriage returns and bidi overrides are blanked out', () => {
  const line = terminalLine('Harbour \u001b[31mNews\u001b[0m says\r\n3 killed \u202eevil\u202c');
  assert.equal(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/.test(line), false);
  assert.equal(line, 'Harbour [31mNews [0m says 3 killed evil');
});

test('long text is cut to the line budget with an ellipsis', () => {
  const line = terminalLine('word '.repeat(200), 40);
  assert.equal(line.length <= 40, true);
  assert.equal(line.endsWith('…'), true);
});
