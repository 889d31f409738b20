// Bounded byte access: whole-file reads with a cap, gzip with salvage of truncated data, and a line/byte chunk reader.
import { Transform } from 'node:stream';
import { constants, createGunzip, gunzipSync } from 'node:zlib';

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

/** Decompressed chunks held before the decompressor is paused (the reader is slower than zlib). */
const MAX_QUEUED_CHUNKS = 16;

/**
 * Cuts the compressed input before every 0x1f byte (where a gzip member may start). zlib tries a next member when the
 * bytes after one start with 0x1f, and an error there discards the output of the whole write it came in: with the
 * cut, the member before the damage ends its own write, and its output is delivered before the error.
 */
function splitBeforeMemberStarts(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      let from = 0;
      for (let at = chunk.indexOf(0x1f, 1); at > 0; at = chunk.indexOf(0x1f, at + 1)) {
        this.push(chunk.subarray(from, at));
        from = at;
      }
      this.push(chunk.subarray(from));
      done();
    },
  });
}

/**
 * Streams a gzip (multi-member) source, decompressed. Unlike iterating a piped stream, every byte decompressed before a
 * damaged member is delivered before the error is thrown, so the records ahead of the damage are kept.
 */
export async function* gunzipSalvaging(source: NodeJS.ReadableStream): AsyncGenerator<Buffer> {
  const gunzip = createGunzip();
  const queue: Buffer[] = [];
  let done = false;
  let error: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  const fail = (err: Error): void => {
    error ??= err;
    done = true;
    notify();
  };
  gunzip.on('data', (chunk: Buffer) => {
    queue.push(chunk);
    if (queue.length >= MAX_QUEUED_CHUNKS) gunzip.pause();
    notify();
  });
  gunzip.on('end', () => {
    done = true;
    notify();
  });
  gunzip.on('error', fail);
  source.on('error', fail);
  source.pipe(splitBeforeMemberStarts()).pipe(gunzip);
  try {
    for (;;) {
      const next = queue.shift();
      if (next) {
        if (queue.length < MAX_QUEUED_CHUNKS / 2) gunzip.resume();
        yield next;
        continue;
      }
      if (done) break;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    gunzip.destroy();
  }
  if (error) throw error;
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

  /** The fault that ended the input early (a damaged gzip member, an I/O error); reading up to it went on as usual. */
  error: Error | null = null;

  private async pull(): Promise<boolean> {
    if (this.ended) return false;
    let next: IteratorResult<Uint8Array>;
    try {
      next = await this.it.next();
    } catch (err) {
      // what came before the fault is still read: the fault reads as the end of input, kept for the caller to report
      this.error = err instanceof Error ? err : new Error(String(err));
      this.ended = true;
      return false;
    }
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
    const block = await this.readBlock(n, keep, null);
    return { bytes: block.bytes, got: block.got };
  }

  /**
   * Like readBytes, and also finds the first place in the block where `marker` starts (-1 if none): the bytes from
   * there on are kept even when `keep` is false (at most `maxTail` of them), so a caller that learns the block's
   * length was wrong can `unread` them and resume at the marker.
   */
  async readBlock(n: number, keep: boolean, marker: Buffer | null, maxTail = Infinity): Promise<{ bytes: Buffer | null; got: number; markerAt: number; tail: Buffer | null }> {
    const parts: Buffer[] = [];
    const tailParts: Buffer[] = [];
    let tailBytes = 0;
    let got = 0;
    let markerAt = -1;
    // the last bytes of the previous chunk, so a marker split across chunks is still found
    let carry: Buffer = Buffer.alloc(0);
    while (got < n) {
      if (!this.buf.length && !(await this.pull())) break;
      const take = Math.min(n - got, this.buf.length);
      const chunk = this.buf.subarray(0, take);
      if (keep) parts.push(chunk);
      if (marker && markerAt < 0) {
        const window = carry.length ? Buffer.concat([carry, chunk]) : chunk;
        const at = window.indexOf(marker);
        if (at >= 0) {
          markerAt = got - carry.length + at;
          tailParts.push(window.subarray(at));
          tailBytes = window.length - at;
        } else carry = Buffer.from(window.subarray(Math.max(0, window.length - marker.length + 1)));
      } else if (markerAt >= 0 && tailBytes <= maxTail) {
        tailParts.push(chunk);
        tailBytes += chunk.length;
      }
      this.buf = this.buf.subarray(take);
      got += take;
    }
    this.offset += got;
    const tail = markerAt >= 0 && tailBytes <= maxTail ? Buffer.concat(tailParts) : null;
    return { bytes: keep ? Buffer.concat(parts) : null, got, markerAt, tail };
  }

  /** The next `n` bytes without consuming them (fewer at end of input). */
  async peek(n: number): Promise<Buffer> {
    while (this.buf.length < n && (await this.pull())) {
      // keep pulling
    }
    return Buffer.from(this.buf.subarray(0, n));
  }

  /** Puts bytes back in front of the input (they are read again next). */
  unread(bytes: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([bytes, this.buf]) : Buffer.from(bytes);
    this.offset -= bytes.length;
  }
}
