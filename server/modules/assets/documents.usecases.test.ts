import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../deps.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import { customerInput, makeUser, setUpInstallation } from '../../test/fixtures.ts';
import { createCustomer } from '../customers/customers.usecases.ts';
import { assetDocuments, assets, assetTypes } from './assets.table.ts';
import { uploadDocument } from './documents.usecases.ts';

let dataDir: string;
let deps: TestDeps;
let assetId: string;

before(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'sw-documents-uc-'));
  deps = await createTestDeps({ dataDir });
  await setUpInstallation(deps);
  const admin = await makeUser(deps, 'administrator', 'admin@docs-uc.pl');
  const { customer } = await createCustomer(deps, admin, customerInput());
  const [type] = await deps.database.db.insert(assetTypes).values({ name: 'Laptop', nameKey: 'laptop' }).returning();
  const [asset] = await deps.database.db.insert(assets).values({ customerId: customer.id, assetTypeId: type!.id, name: 'ThinkPad T14', searchText: 'thinkpad t14', sortKey: 'thinkpad t14' }).returning();
  assetId = asset!.id;
});
after(async () => {
  await deps.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function storedFiles(): Promise<string[]> {
  const entries = await readdir(path.join(dataDir, 'files'), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

async function* bytes(s: string) {
  yield Buffer.from(s);
}

test('when the row cannot commit, the stored file is removed again', async () => {
  // A user deleted while their upload was streaming: the row's uploaded_by foreign key fails.
  const ghost: Ctx = { actor: { kind: 'user', userId: randomUUID(), name: 'Usunięty', email: 'ghost@serwis.pl', role: 'technician', via: 'session' } };
  await assert.rejects(uploadDocument(deps, ghost, assetId, { fileName: 'notatka.txt', description: '', content: bytes('Wymiana matrycy') }), (e: any) => (e.cause?.code ?? e.code) === '23503');
  assert.deepEqual(await storedFiles(), []);
  assert.deepEqual(await deps.database.db.select().from(assetDocuments).where(eq(assetDocuments.assetId, assetId)), []);
});

test('a job (system actor) can attach a document; it has no uploader', async () => {
  const ctx: Ctx = { actor: systemActor('import') };
  const dto = await uploadDocument(deps, ctx, assetId, { fileName: 'notatka.txt', description: 'z importu', content: bytes('Wymiana matrycy') });
  assert.deepEqual([dto.fileName, dto.contentType, dto.sizeBytes, dto.uploadedByName], ['notatka.txt', 'text/plain', 15, null]);
  assert.equal((await storedFiles()).length, 1);
});
