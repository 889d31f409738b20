// The real listener: binds loopback by default, and a crowd of requests or an oversized body gets only 200/429/413, never a broken socket.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './serve.js';

function send(url: string, options: { method?: string; body?: Buffer; headers?: Record<string, string>; agent?: Agent } = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers ?? {}, agent: options.agent ?? false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

test('1,000 concurrent requests are answered 200 or 429, and a body over the cap is 413 on a live socket', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-serve-'));
  const server = await startServer({ db: join(dir, 'p.db'), port: 0, token: 'serve-test-token-123456', maxInFlight: 64, maxBodyBytes: 64 * 1024 });
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const agent = new Agent({ keepAlive: true, maxSockets: 1000 });
    const statuses = await Promise.all(Array.from({ length: 1000 }, (_, i) => send(`${server.url}${i % 2 ? '/stories' : '/healthz'}`, { agent }).catch((err: Error) => `error ${err.message}`)));
    agent.destroy();
    const counts = new Map<string | number, number>();
    for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
    for (const key of counts.keys()) assert.ok(key === 200 || key === 429, `unexpected answer ${key} (${JSON.stringify([...counts])})`);
    const big = Buffer.alloc(4 * 1024 * 1024, 0x61);
    const status = await send(`${server.url}/articles`, { method: 'POST', body: big, headers: { Authorization: 'Bearer serve-test-token-123456', 'Content-Type': 'text/plain' } });
    assert.equal(status, 413);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
