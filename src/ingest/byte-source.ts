// Bounded byte access: whole-file reads with a cap, gzip with salvage of truncated data, and a line/byte chunk reader.
import { open } from 'node:fs/promises';
import { constants, gunzipSync } from 'node:zlib';

export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export type GunzipResult =
  | { readonly ok: true; readonly bytes: Buffer; readonly truncated: boolean }
  | { readonly ok: false; readonly reason: 'too-large' | 'corrupt'; readonly detail: string };

/** Decompresses with an output cap; a truncated stream yields what was recoverable, flagged `truncated`. */
export function gunzipBounded(bytes: Uint8Array, maxBytes: number): GunzipResult {
  try {
    return { ok: true, bytes: gunzipSync(bytes, { maxOutputLength: maxBytes }), truncated: false };
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || /maxOutputLength|buffer.*too large/i.test((err as Error).message)) {
      return { ok: false, reason: 'too-large', detail: `decompresses to more than ${maxBytes} bytes` };
    }
    try {
      const partial = gunzipSync(bytes, { maxOutputLength: maxBytes, finishFlush: constants.Z_SYNC_FLUSH });
      if (partial.length > 0) return { ok: true, bytes: partial, truncated: true };
    } catch {
      // not even a prefix is recoverable
    }
    return { ok: false, reason: 'corrupt', detail: `gzip data is damaged (${(err as Error).message})` };
  }
}

/** First `n` bytes of a file (for sniffing). */
export async function readHead(file: string, n: number): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Reads lines and byte runs from a chunk stream without holding more than one record in memory. */
export class ChunkReader {
  private buf: Buffer = Buffer.alloc(0);
  private ended = false;
  private readonly it: AsyncIterator<Uint8Array>;
  /** Bytes consumed so far (for messages). */
  offset = 0;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.it = source[Symbol.asyncIterator]();
  }

  private async pull(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.it.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    this.buf = this.buf.length ? Buffer.concat([this.buf, next.value]) : Buffer.from(next.value);
    return true;
  }

  /** Next line without its CR/LF; a line longer than `maxBytes` is cut (rest discarded). Null at end of input. */
  async readLine(maxBytes: number): Promise<{ line: string; cut: boolean } | null> {
    let cut = false;
    for (;;) {
      const nl = this.buf.indexOf(0x0a);
      if (nl >= 0) {
        const raw = this.buf.subarray(0, Math.min(nl, maxBytes));
        this.offset += nl + 1;
        this.buf = this.buf.subarray(nl + 1);
        return { line: raw.toString('utf8').replace(/\r$/, ''), cut: cut || nl > maxBytes };
      }
      if (this.buf.length > maxBytes) {
        // keep the head, drop the middle of an overlong line
        cut = true;
        const keep = this.buf.subarray(0, maxBytes);
        this.offset += this.buf.length - maxBytes;
        this.buf = Buffer.from(keep);
        if (!(await this.pull())) break;
        const nl2 = this.buf.indexOf(0x0a, maxBytes);
        if (nl2 >= 0) {
          this.offset += nl2 - maxBytes;
          this.buf = Buffer.concat([keep, this.buf.subarray(nl2)]);
        } else {
          this.offset += this.buf.length - maxBytes;
          this.buf = Buffer.from(keep);
        }
        continue;
      }
      if (!(await this.pull())) break;
    }
    if (!this.buf.length) return null;
    const line = this.buf.subarray(0, maxBytes).toString('utf8').replace(/\r$/, '');
    this.offset += this.buf.length;
    this.buf = Buffer.alloc(0);
    return { line, cut: cut || line.length >= maxBytes };
  }

  /** Exactly `n` bytes (fewer at end of input); when `keep` is false they are skipped without buffering. */
  async readBytes(n: number, keep: boolean): Promise<{ bytes: Buffer | null; got: number }> {
    const parts: Buffer[] = [];
    let got = 0;
    while (got < n) {
      if (!this.buf.length && !(await this.pull())) break;
      const take = Math.min(n - got, this.buf.length);
      if (keep) parts.push(this.buf.subarray(0, take));
      this.buf = this.buf.subarray(take);
      got += take;
    }
    this.offset += got;
    return { bytes: keep ? Buffer.concat(parts) : null, got };
  }
}
