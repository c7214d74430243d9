// Files on the local disk under <DATA_DIR>/files/<yyyy>/<mm>/<uuid>. A file is written to
// files/tmp/ first and renamed into place only when complete, so a key never names a partial file
// (tmp/ is on the same file system, so the rename is atomic). Keys are made here, never from a
// client's file name, and are checked against their shape before any path is built from them.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { FileStore, StoredFile } from './file-store.ts';
import { fileNotFound, HEAD_BYTES, tooLarge } from './storage-errors.ts';

const KEY = /^\d{4}\/\d{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Source = AsyncIterable<Buffer | Uint8Array | string> | Readable;

export class DiskFileStore implements FileStore {
  readonly root: string;
  readonly #now: () => Date;

  /** `now` only spreads files over month folders; it is not business time, so the system clock is fine. */
  constructor(dataDir: string, now: () => Date = () => new Date()) {
    this.root = path.join(path.resolve(dataDir), 'files');
    this.#now = now;
  }

  async put(source: Source, opts: { maxBytes: number }): Promise<StoredFile> {
    const tmpDir = path.join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, `${randomUUID()}.part`);
    // flush: fsync before close, so a file whose row committed survives a power cut.
    const out = createWriteStream(tmp, { flags: 'wx', flush: true });
    const hash = createHash('sha256');
    const head: Buffer[] = [];
    let headLength = 0;
    let size = 0;
    try {
      await once(out, 'open');
      for await (const raw of chunksOf(source)) {
        const chunk = toBuffer(raw);
        size += chunk.length;
        if (size > opts.maxBytes) throw tooLarge(opts.maxBytes);
        hash.update(chunk);
        if (headLength < HEAD_BYTES) {
          const part = Buffer.from(chunk.subarray(0, HEAD_BYTES - headLength)); // a copy: keeps no big chunk alive
          head.push(part);
          headLength += part.length;
        }
        if (!out.write(chunk)) await once(out, 'drain');
      }
      out.end();
      await finished(out);
      const key = this.#newKey();
      const target = this.#pathOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(tmp, target);
      return { key, sizeBytes: size, sha256: hash.digest('hex'), head: Buffer.concat(head) };
    } catch (e) {
      out.destroy();
      await finished(out).catch(() => {}); // closed before the unlink (Windows cannot unlink an open file)
      await rm(tmp, { force: true });
      throw e;
    }
  }

  async open(key: string): Promise<Readable> {
    // Opened before returning, so a missing file is a 404 before any response header is sent.
    const handle = await open(this.#pathOf(key), 'r').catch((e: NodeJS.ErrnoException) => {
      throw e.code === 'ENOENT' ? fileNotFound() : e;
    });
    return handle.createReadStream();
  }

  async remove(key: string): Promise<void> {
    await rm(this.#pathOf(key), { force: true });
  }

  #newKey(): string {
    const now = this.#now();
    return `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
  }

  #pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`Not a disk file store key: ${JSON.stringify(key.slice(0, 100))}`);
    return path.join(this.root, ...key.split('/'));
  }
}

/**
 * A Readable is iterated without being destroyed when we stop early (too large): for an HTTP
 * request that would reset the connection before the 413 answer is sent. Fastify stops reading its
 * own over-limit bodies the same way.
 */
function chunksOf(source: Source): AsyncIterable<Buffer | Uint8Array | string> {
  if (source instanceof Readable) return { [Symbol.asyncIterator]: () => source.iterator({ destroyOnReturn: false }) };
  return source;
}

function toBuffer(chunk: Buffer | Uint8Array | string): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk);
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}
