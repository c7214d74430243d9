// Where uploaded files live. The database row holds the opaque key; the bytes live here. The disk
// store (disk-file-store.ts) is the only implementation today; an object store (S3, MinIO, Azure
// Blob) can be added later behind this same interface and picked in fileStoreFor() by a setting,
// without changing a use case.
import type { Readable } from 'node:stream';
import type { Config } from '../../config.ts';
import { DiskFileStore } from './disk-file-store.ts';

export type StoredFile = {
  /** Opaque: give it back to open/remove, store it in a row, never show it or build it from client input. */
  key: string;
  sizeBytes: number;
  /** Hex SHA-256 of the stored bytes. */
  sha256: string;
  /** The first HEAD_BYTES bytes (fewer for a smaller file), to sniff the type by magic bytes. */
  head: Buffer;
};

export interface FileStore {
  /**
   * Stores a stream of bytes under a new key. Over `maxBytes` it stops reading, keeps nothing and
   * throws `413 upload.too_large`; a failing source keeps nothing either.
   */
  put(source: AsyncIterable<Buffer | Uint8Array | string> | Readable, opts: { maxBytes: number }): Promise<StoredFile>;
  /** The stored bytes; `404 files.not_found` when the key holds nothing (never stored, or removed). */
  open(key: string): Promise<Readable>;
  /** Idempotent: removing a missing key is not an error. */
  remove(key: string): Promise<void>;
}

// One store per configuration: the disk store is stateless, but keeping one instance lets a later
// object store reuse its client (connection pool) across requests.
const stores = new WeakMap<Config, FileStore>();

export function fileStoreFor(config: Config): FileStore {
  let store = stores.get(config);
  if (!store) stores.set(config, (store = new DiskFileStore(config.dataDir)));
  return store;
}
