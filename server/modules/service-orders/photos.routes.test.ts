// Order photos over HTTP: upload (images only), list, view byte-identical, delete; who may.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { App } from '../../kernel/http/app-types.ts';
import { ADMIN, buildTestApp, customerInput, makeUser, setUpInstallation, signedInClient, USER_PASSWORD, type Client } from '../../test/fixtures.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import { serviceOrderPhotos } from './photos.table.ts';
import { serviceOrderEvents } from './service-orders.table.ts';

let dataDir: string;
let deps: TestDeps;
let app: App;
let admin: Client;
let orderId: string;

before(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'sw-order-photos-'));
  deps = await createTestDeps({ dataDir, uploadMaxBytes: 64 * 1024 });
  await setUpInstallation(deps);
  app = await buildTestApp(deps);
  admin = await signedInClient(app, ADMIN.email, ADMIN.password);
  const type = (await admin.request('POST', '/api/v1/asset-types', { name: 'Laptop', fields: [] })).json;
  const order = await admin.request('POST', '/api/v1/service-orders', {
    newCustomer: customerInput(),
    newAsset: { assetTypeId: type.id, name: 'Lenovo ThinkPad T14', custom: {} },
    reportedProblem: 'Pęknięta matryca',
  });
  assert.equal(order.status, 201, order.body);
  orderId = order.json.id;
});
after(async () => {
  await app.close();
  await deps.close();
  await rm(dataDir, { recursive: true, force: true });
});

type Answer = { status: number; json: any; headers: Record<string, unknown>; raw: Buffer };

async function send(client: Client, method: string, url: string, payload?: Buffer): Promise<Answer> {
  const res = await app.inject({
    method: method as 'POST',
    url,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, ...(payload === undefined ? {} : { 'content-type': 'application/octet-stream' }) },
    ...(payload === undefined ? {} : { payload }),
  });
  let json: unknown = null;
  try {
    json = res.json();
  } catch {
    json = null;
  }
  return { status: res.statusCode, json, headers: res.headers as Record<string, unknown>, raw: res.rawPayload };
}

const upload = (client: Client, fileName: string, content: Buffer, caption = '') =>
  send(client, 'POST', `/api/v1/service-orders/${orderId}/photos?fileName=${encodeURIComponent(fileName)}${caption ? `&caption=${encodeURIComponent(caption)}` : ''}`, content);

/** A JPEG's start (SOI + JFIF APP0) and some data: enough for the type sniffing. */
const jpeg = (fill: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(300, fill), Buffer.from([0xff, 0xd9])]);
const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

async function storedFiles(): Promise<string[]> {
  const root = path.join(dataDir, 'files');
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name))).sort();
}

describe('a photo of the visible condition', () => {
  const bytes = jpeg(7);
  let photo: any;

  test('a JPEG is accepted: 201, with an order event (not public) and an audit record', async () => {
    const res = await upload(admin, 'rysa na obudowie.jpg', bytes, 'Rysa przy zawiasie');
    assert.equal(res.status, 201, JSON.stringify(res.json));
    photo = res.json;
    assert.deepEqual(photo, {
      id: photo.id,
      orderId,
      fileName: 'rysa na obudowie.jpg',
      contentType: 'image/jpeg',
      sizeBytes: bytes.length,
      caption: 'Rysa przy zawiasie',
      uploadedByName: ADMIN.name,
      uploadedAt: photo.uploadedAt,
    });
    const events = await deps.database.db.select().from(serviceOrderEvents).where(and(eq(serviceOrderEvents.orderId, orderId), eq(serviceOrderEvents.kind, 'photo_added')));
    assert.deepEqual(events.map((e) => [e.data, e.public]), [[{ photoId: photo.id, fileName: 'rysa na obudowie.jpg' }, false]]);
    const audit = await admin.request('GET', `/api/v1/audit?entity=service_orders&id=${orderId}`);
    const entry = audit.json.items.find((a: any) => a.action === 'photo_added');
    assert.deepEqual([entry.subEntity, entry.subEntityId, entry.subLabel], ['service_order_photos', photo.id, 'rysa na obudowie.jpg']);
  });

  test('it is listed, newest first', async () => {
    deps.clock.advance(60_000);
    const second = await upload(admin, 'ekran.jpg', jpeg(9));
    assert.equal(second.status, 201);
    const list = await admin.request('GET', `/api/v1/service-orders/${orderId}/photos`);
    assert.equal(list.status, 200);
    assert.deepEqual(list.json.items.map((p: any) => p.fileName), ['ekran.jpg', 'rysa na obudowie.jpg']);
    assert.deepEqual(list.json.items[1], photo);
  });

  test('the content is byte-identical and inline', async () => {
    const res = await send(admin, 'GET', `/api/v1/service-order-photos/${photo.id}/content`);
    assert.equal(res.status, 200);
    assert.ok(res.raw.equals(bytes), 'same bytes');
    assert.equal(res.headers['content-type'], 'image/jpeg');
    assert.match(String(res.headers['content-disposition']), /^inline;/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
  });

  test('a PDF is refused at `file` (photos.type_not_allowed) and nothing is stored', async () => {
    const before = await storedFiles();
    const res = await upload(admin, 'protokol.pdf', pdf);
    assert.equal(res.status, 422);
    assert.deepEqual(res.json.errors.map((e: any) => [e.path, e.code, e.params]), [['file', 'photos.type_not_allowed', { type: 'application/pdf' }]]);
    assert.deepEqual(await storedFiles(), before);
  });

  test('an unknown order is a 404', async () => {
    const res = await send(admin, 'POST', '/api/v1/service-orders/00000000-0000-4000-8000-000000000000/photos?fileName=a.jpg', jpeg(1));
    assert.equal(res.status, 404);
    assert.equal(res.json.code, 'service_orders.not_found');
  });

  test('a deleted photo leaves the list, its content is a 404, its file goes; event and audit stay', async () => {
    const [row] = await deps.database.db.select().from(serviceOrderPhotos).where(eq(serviceOrderPhotos.id, photo.id));
    assert.equal((await send(admin, 'DELETE', `/api/v1/service-order-photos/${photo.id}`)).status, 204);
    const list = await admin.request('GET', `/api/v1/service-orders/${orderId}/photos`);
    assert.deepEqual(list.json.items.map((p: any) => p.fileName), ['ekran.jpg']);
    assert.equal((await send(admin, 'GET', `/api/v1/service-order-photos/${photo.id}/content`)).json.code, 'service_order_photos.not_found');
    assert.equal((await send(admin, 'DELETE', `/api/v1/service-order-photos/${photo.id}`)).status, 404);
    assert.ok(!(await storedFiles()).includes(path.join(...row!.storageKey.split('/'))), 'file removed');
    const events = await deps.database.db.select().from(serviceOrderEvents).where(and(eq(serviceOrderEvents.orderId, orderId), eq(serviceOrderEvents.kind, 'photo_removed')));
    assert.deepEqual(events.map((e) => e.data), [{ photoId: photo.id, fileName: 'rysa na obudowie.jpg' }]);
    const audit = await admin.request('GET', `/api/v1/audit?entity=service_orders&id=${orderId}`);
    assert.ok(audit.json.items.some((a: any) => a.action === 'photo_removed' && a.subEntityId === photo.id));
  });
});

describe('who may', () => {
  let technician: Client;
  let accountant: Client;

  before(async () => {
    await makeUser(deps, 'technician', 'tech@photos.pl');
    await makeUser(deps, 'accountant', 'acc@photos.pl');
    technician = await signedInClient(app, 'tech@photos.pl', USER_PASSWORD);
    accountant = await signedInClient(app, 'acc@photos.pl', USER_PASSWORD);
  });

  test('a technician may add a photo', async () => {
    const res = await upload(technician, 'zdjecie.jpg', jpeg(3));
    assert.equal(res.status, 201, JSON.stringify(res.json));
    assert.equal(res.json.uploadedByName, 'Test technician');
  });

  test('an accountant may not add or delete one, and nothing is stored', async () => {
    const before = await storedFiles();
    const refused = await upload(accountant, 'faktura.jpg', jpeg(4));
    assert.equal(refused.status, 403);
    assert.equal(refused.json.code, 'auth.forbidden');
    assert.deepEqual(await storedFiles(), before);
    const list = await admin.request('GET', `/api/v1/service-orders/${orderId}/photos`);
    assert.equal((await send(accountant, 'DELETE', `/api/v1/service-order-photos/${list.json.items[0].id}`)).status, 403);
  });
});
