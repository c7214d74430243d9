import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { after, before, test } from 'node:test';
import { AppError } from '../errors/app-error.ts';
import { DiskFileStore } from './disk-file-store.ts';
import { HEAD_BYTES } from './storage-errors.ts';

let dataDir: string;
let store: DiskFileStore;

before(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'sw-files-'));
  store = new DiskFileStore(dataDir, () => new Date('2026-03-29T00:30:00Z'));
});
after(() => rm(dataDir, { recursive: true, force: true }));

/** Every file under DATA_DIR/files, relative, sorted. */
async function storedFiles(): Promise<string[]> {
  const entries = await readdir(path.join(dataDir, 'files'), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(path.join(dataDir, 'files'), path.join(e.parentPath, e.name))).sort();
}

async function* chunks(...parts: (string | Buffer)[]) {
  for (const p of parts) yield Buffer.from(p);
}

test('a stored file is kept under files/<yyyy>/<mm>/<uuid> with its size, SHA-256 and head', async () => {
  const content = 'Karta gwarancyjna — Łódź';
  const stored = await store.put(chunks('Karta gwarancyjna', ' — Łódź'), { maxBytes: 1000 });
  assert.match(stored.key, /^2026\/03\/[0-9a-f-]{36}$/);
  assert.equal(stored.sizeBytes, Buffer.byteLength(content));
  assert.equal(stored.sha256, createHash('sha256').update(content).digest('hex'));
  assert.equal(stored.head.toString(), content);
  assert.equal(await text(await store.open(stored.key)), content);
  assert.deepEqual(await storedFiles(), [path.join('2026', '03', stored.key.split('/')[2]!)]);
  await store.remove(stored.key);
  await store.remove(stored.key); // removing twice is fine
  assert.deepEqual(await storedFiles(), []);
});

test('the head holds the first 4100 bytes of a bigger file, across chunk boundaries', async () => {
  const big = Buffer.alloc(10_000);
  for (let i = 0; i < big.length; i++) big[i] = i % 251;
  const stored = await store.put(Readable.from([big.subarray(0, 3000), big.subarray(3000, 7000), big.subarray(7000)]), { maxBytes: 10_000 });
  assert.equal(stored.head.length, HEAD_BYTES);
  assert.ok(stored.head.equals(big.subarray(0, HEAD_BYTES)));
  assert.equal(stored.sizeBytes, 10_000);
  await store.remove(stored.key);
});

test('a file exactly at the limit is kept; one byte more is refused with 413 and leaves nothing behind', async () => {
  const atLimit = await store.put(chunks('x'.repeat(100)), { maxBytes: 100 });
  await store.remove(atLimit.key);
  await assert.rejects(store.put(chunks('x'.repeat(60), 'x'.repeat(41)), { maxBytes: 100 }), (e: unknown) => e instanceof AppError && e.status === 413 && e.code === 'upload.too_large');
  assert.deepEqual(await storedFiles(), []);
});

test('over the limit, the source stream is left open (an HTTP request must still get its answer)', async () => {
  const source = Readable.from(['a'.repeat(50), 'b'.repeat(50), 'c'.repeat(50)], { objectMode: false });
  await assert.rejects(store.put(source, { maxBytes: 80 }));
  assert.equal(source.destroyed, false);
  source.destroy();
});

test('a source that fails half-way leaves nothing behind', async () => {
  async function* broken() {
    yield Buffer.from('half of a file');
    throw new Error('connection reset');
  }
  await assert.rejects(store.put(broken(), { maxBytes: 1000 }), /connection reset/);
  assert.deepEqual(await storedFiles(), []);
});

test('opening a key that holds nothing is files.not_found', async () => {
  await assert.rejects(store.open('2026/03/00000000-0000-4000-8000-000000000000'), (e: unknown) => e instanceof AppError && e.code === 'files.not_found');
});

test('a key that is not one of ours is never turned into a path', async () => {
  for (const key of ['../../etc/passwd', '/etc/passwd', '2026/03/../../../x', '2026/03/a', ''])
    await assert.rejects(store.open(key), /Not a disk file store key/, key);
  await assert.rejects(store.remove('../pglite'), /Not a disk file store key/);
});
