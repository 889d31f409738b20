// Serve settings: loopback detection, byte sizes, and the refusal of open writes off loopback or of a short token.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isLoopback, parseByteSize, resolveServeSettings } from './settings.js';

test('loopback means 127.0.0.0/8, ::1 and localhost, nothing else', () => {
  for (const h of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', '::ffff:127.0.0.1']) assert.equal(isLoopback(h), true, h);
  for (const h of ['0.0.0.0', '::', '192.168.0.4', '10.0.0.1', 'example.org', '127.0.0.1.example.org']) assert.equal(isLoopback(h), false, h);
});

test('sizes read as bytes or with k/m/g units; anything else is a usage error', () => {
  assert.equal(parseByteSize('1048576'), 1048576);
  assert.equal(parseByteSize('512k'), 512 * 1024);
  assert.equal(parseByteSize('8mb'), 8 * 1024 * 1024);
  assert.equal(parseByteSize('1.5M'), 1.5 * 1024 * 1024);
  assert.throws(() => parseByteSize('lots'), /cannot read "lots" as a size/);
});

test('defaults bind loopback on 8787 with writes closed; unsafe combinations are refused with the fix', () => {
  const s = resolveServeSettings({});
  assert.equal(s.host, '127.0.0.1');
  assert.equal(s.port, 8787);
  assert.equal(s.token, null);
  assert.equal(s.allowOpenWrites, false);
  assert.deepEqual(s.corsOrigins, []);
  assert.throws(() => resolveServeSettings({ host: '0.0.0.0', allowOpenWrites: true }), /bind to 127\.0\.0\.1 .* or set a token/);
  assert.throws(() => resolveServeSettings({ token: 'short' }), /at least 16 characters/);
  assert.throws(() => resolveServeSettings({ corsOrigins: ['not a url'] }), /corsOrigins/);
});
