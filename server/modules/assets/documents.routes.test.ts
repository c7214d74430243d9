import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { App } from '../../kernel/http/app-types.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import { ADMIN, buildTestApp, customerInput, makeUser, setUpInstallation, signedInClient, USER_PASSWORD, type Client } from '../../test/fixtures.ts';
import { assetDocuments, assetEvents, assets, assetTypes } from './assets.table.ts';

const MAX_BYTES = 64 * 1024;

let dataDir: string;
let deps: TestDeps;
let app: App;
let admin: Client;
let assetId: string;

before(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'sw-documents-'));
  deps = await createTestDeps({ dataDir, uploadMaxBytes: MAX_BYTES });
  await setUpInstallation(deps);
  app = await buildTestApp(deps);
  admin = await signedInClient(app, ADMIN.email, ADMIN.password);
  assetId = await insertAsset('Kocioł gazowy Vaillant ecoTEC');
});
after(async () => {
  await app.close();
  await deps.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function insertAsset(name: string): Promise<string> {
  const customer = await admin.request('POST', '/api/v1/customers', customerInput({ name: `Klient ${name}`, nip: null }));
  assert.equal(customer.status, 201, customer.body);
  const db = deps.database.db;
  const [type] = await db.insert(assetTypes).values({ name: `Typ ${name}`, nameKey: `typ ${name}`.toLowerCase() }).returning();
  const [asset] = await db.insert(assets).values({ customerId: customer.json.customer.id, assetTypeId: type!.id, name, searchText: name.toLowerCase(), sortKey: name.toLowerCase() }).returning();
  return asset!.id;
}

/** A small but valid PDF (correct xref offsets), with a binary comment line as real PDFs have. */
function minimalPdf(): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n'), Buffer.from([0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a])];
  const offsets: number[] = [];
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let length = parts.reduce((n, b) => n + b.length, 0);
  objects.forEach((body, i) => {
    offsets.push(length);
    const obj = Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`);
    parts.push(obj);
    length += obj.length;
  });
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)].join('\n');
  parts.push(Buffer.from(`${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}

type Answer = { status: number; json: any; headers: Record<string, unknown>; raw: Buffer };

async function send(client: Client, method: string, url: string, payload?: Buffer | Readable | string, contentType = 'application/octet-stream'): Promise<Answer> {
  const res = await app.inject({
    method: method as 'POST',
    url,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, ...(payload === undefined ? {} : { 'content-type': contentType }) },
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

const upload = (client: Client, asset: string, fileName: string, content: Buffer | Readable | string, opts: { description?: string; contentType?: string } = {}) =>
  send(client, 'POST', `/api/v1/assets/${asset}/documents?fileName=${encodeURIComponent(fileName)}${opts.description ? `&description=${encodeURIComponent(opts.description)}` : ''}`, content, opts.contentType);

/** Every file under DATA_DIR/files (temporary ones included), relative to it. */
async function storedFiles(): Promise<string[]> {
  const root = path.join(dataDir, 'files');
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name))).sort();
}

const documentRows = (asset: string) => deps.database.db.select().from(assetDocuments).where(eq(assetDocuments.assetId, asset));

const MZ = Buffer.concat([Buffer.from('MZ'), Buffer.from([0x90, 0, 3, 0, 0, 0, 4, 0]), Buffer.alloc(200, 0)]);

describe('attaching a PDF with a Polish name', () => {
  const pdf = minimalPdf();
  const fileName = 'Karta gwarancyjna Łódź.pdf';
  let doc: any;

  test('the upload answers 201 with the document; row, event and audit commit together', async () => {
    const res = await upload(admin, assetId, fileName, pdf, { description: 'Gwarancja 5 lat', contentType: 'text/html' });
    assert.equal(res.status, 201, JSON.stringify(res.json));
    doc = res.json;
    assert.deepEqual(doc, {
      id: doc.id,
      assetId,
      fileName,
      contentType: 'application/pdf', // from the bytes, not from the client's text/html
      sizeBytes: pdf.length,
      description: 'Gwarancja 5 lat',
      uploadedByName: ADMIN.name,
      uploadedAt: '2026-03-29T00:30:00.000Z',
    });

    const [row] = await documentRows(assetId);
    assert.equal(row!.sha256, createHash('sha256').update(pdf).digest('hex'));
    assert.match(row!.storageKey, /^2\d{3}\/\d{2}\/[0-9a-f-]{36}$/);
    assert.ok((await readFile(path.join(dataDir, 'files', ...row!.storageKey.split('/')))).equals(pdf));
    assert.deepEqual(await storedFiles(), [path.join(...row!.storageKey.split('/'))], 'one file, no temporary left');

    const events = await deps.database.db.select().from(assetEvents).where(and(eq(assetEvents.assetId, assetId), eq(assetEvents.kind, 'document_added')));
    assert.deepEqual(events.map((e) => [e.data, e.actorName]), [[{ documentId: doc.id, fileName }, ADMIN.name]]);

    const audit = await admin.request('GET', `/api/v1/audit?entity=assets&id=${assetId}`);
    const entry = audit.json.items.find((a: any) => a.action === 'document_added');
    assert.deepEqual([entry.subEntity, entry.subEntityId, entry.subLabel], ['asset_documents', doc.id, fileName]);
    assert.deepEqual(entry.changes.fileName, { before: null, after: fileName });
    assert.equal(entry.changes.storageKey, undefined, 'the storage key is internal');
  });

  test('it is listed on the asset', async () => {
    const res = await admin.request('GET', `/api/v1/assets/${assetId}/documents`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, { items: [doc], nextCursor: null });
  });

  test('the download is byte-identical, inline, with the Polish name in filename* and nosniff', async () => {
    const res = await send(admin, 'GET', `/api/v1/asset-documents/${doc.id}/content`);
    assert.equal(res.status, 200);
    assert.ok(res.raw.equals(pdf), 'same bytes');
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.equal(Number(res.headers['content-length']), pdf.length);
    assert.equal(res.headers['content-disposition'], `inline; filename="Karta gwarancyjna Lodz.pdf"; filename*=UTF-8''Karta%20gwarancyjna%20%C5%81%C3%B3d%C5%BA.pdf`);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
  });
});

describe('what is refused', () => {
  test('a Windows program is refused at `file` (documents.type_not_allowed) and nothing is stored', async () => {
    const before = await storedFiles();
    for (const name of ['instalator.exe', 'faktura.pdf']) {
      const res = await upload(admin, assetId, name, MZ);
      assert.equal(res.status, 422, name);
      assert.equal(res.json.code, 'validation.failed');
      assert.deepEqual(res.json.errors.map((e: any) => [e.path, e.code, e.params]), [['file', 'documents.type_not_allowed', { type: 'application/x-msdownload' }]]);
    }
    assert.deepEqual((await documentRows(assetId)).map((r) => r.fileName), ['Karta gwarancyjna Łódź.pdf'], 'no new row');
    assert.deepEqual(await storedFiles(), before, 'no file kept, no temporary left');
  });

  test('a file over UPLOAD_MAX_MB is refused with 413 upload.too_large before it is read, and the connection closes', async () => {
    const before = await storedFiles();
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(MAX_BYTES)]);
    const res = await upload(admin, assetId, 'skan.pdf', big);
    assert.equal(res.status, 413);
    assert.equal(res.json.code, 'upload.too_large');
    assert.equal(res.json.maxBytes, MAX_BYTES);
    assert.equal(res.headers.connection, 'close');
    assert.deepEqual(await storedFiles(), before);
  });

  test('a streamed (chunked) body over the limit is cut off with 413 and leaves no temporary file', async () => {
    const before = await storedFiles();
    const chunk = Buffer.alloc(16 * 1024, 0x41);
    const stream = Readable.from([Buffer.from('%PDF-1.4\n'), chunk, chunk, chunk, chunk, chunk]);
    const res = await upload(admin, assetId, 'duzy.pdf', stream);
    assert.equal(res.status, 413);
    assert.equal(res.json.code, 'upload.too_large');
    assert.equal(res.headers.connection, 'close');
    assert.deepEqual(await storedFiles(), before);
    assert.equal((await documentRows(assetId)).length, 1);
  });

  test('an empty file is refused at `file`', async () => {
    const res = await upload(admin, assetId, 'pusty.txt', Buffer.alloc(0));
    assert.equal(res.status, 422);
    assert.deepEqual(res.json.errors.map((e: any) => [e.path, e.code]), [['file', 'documents.empty']]);
  });

  test('a missing or path-only file name is refused before anything is read', async () => {
    const missing = await send(admin, 'POST', `/api/v1/assets/${assetId}/documents`, minimalPdf());
    assert.equal(missing.status, 400);
    assert.equal(missing.json.errors[0].path, 'fileName');
    const pathOnly = await upload(admin, assetId, 'C:\\dokumenty\\', minimalPdf());
    assert.equal(pathOnly.status, 422);
    assert.deepEqual(pathOnly.json.errors.map((e: any) => [e.path, e.code]), [['fileName', 'documents.file_name_invalid']]);
  });

  test('an unknown asset is a 404 and nothing is stored', async () => {
    const before = await storedFiles();
    const res = await upload(admin, '00000000-0000-4000-8000-000000000000', 'a.pdf', minimalPdf());
    assert.equal(res.status, 404);
    assert.equal(res.json.code, 'assets.not_found');
    assert.equal((await admin.request('GET', '/api/v1/assets/00000000-0000-4000-8000-000000000000/documents')).json.code, 'assets.not_found');
    assert.deepEqual(await storedFiles(), before);
  });
});

describe('other accepted types', () => {
  test('a Windows-1250 CSV sent as JSON is taken raw, stored as text/csv and downloads as an attachment', async () => {
    const csv = Buffer.from([...Buffer.from('kod;nazwa\nK1;Kocio'), 0xb3, 0x0a]);
    const res = await upload(admin, assetId, 'części.csv', csv, { contentType: 'application/json' });
    assert.equal(res.status, 201, JSON.stringify(res.json));
    assert.equal(res.json.contentType, 'text/csv');
    const content = await send(admin, 'GET', `/api/v1/asset-documents/${res.json.id}/content`);
    assert.ok(content.raw.equals(csv));
    assert.match(String(content.headers['content-disposition']), /^attachment; filename="czesci.csv"; filename\*=UTF-8''cz%C4%99%C5%9Bci.csv$/);
  });

  test('a DOCX (zip) is accepted by its extension', async () => {
    const docx = Buffer.concat([Buffer.from('PK'), Buffer.from([3, 4, 20, 0]), Buffer.from('[Content_Types].xml')]);
    const res = await upload(admin, assetId, 'Protokół.docx', docx);
    assert.equal(res.status, 201, JSON.stringify(res.json));
    assert.equal(res.json.contentType, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  test('other routes still parse JSON bodies', async () => {
    const res = await admin.request('POST', '/api/v1/products', { code: 'DOC-JSON', name: 'Parser check' });
    assert.equal(res.status, 201, res.body);
  });
});

describe('listing, paging and deleting', () => {
  let ids: string[] = [];
  let listedAsset: string;

  test('documents list newest first, page by page', async () => {
    listedAsset = await insertAsset('Drukarka HP LaserJet');
    for (const name of ['a.pdf', 'b.pdf', 'c.pdf']) {
      deps.clock.advance(60_000);
      const res = await upload(admin, listedAsset, name, minimalPdf());
      assert.equal(res.status, 201);
      ids.push(res.json.id);
    }
    const first = await admin.request('GET', `/api/v1/assets/${listedAsset}/documents?limit=2`);
    assert.deepEqual(first.json.items.map((d: any) => d.fileName), ['c.pdf', 'b.pdf']);
    const second = await admin.request('GET', `/api/v1/assets/${listedAsset}/documents?limit=2&cursor=${first.json.nextCursor}`);
    assert.deepEqual(second.json.items.map((d: any) => d.fileName), ['a.pdf']);
    assert.equal(second.json.nextCursor, null);
  });

  test('a deleted document leaves the list, its file goes, its download is a 404; the event and audit stay', async () => {
    const [row] = await deps.database.db.select().from(assetDocuments).where(eq(assetDocuments.id, ids[1]!));
    const res = await send(admin, 'DELETE', `/api/v1/asset-documents/${ids[1]}`);
    assert.equal(res.status, 204);
    const list = await admin.request('GET', `/api/v1/assets/${listedAsset}/documents`);
    assert.deepEqual(list.json.items.map((d: any) => d.fileName), ['c.pdf', 'a.pdf']);
    assert.ok(!(await storedFiles()).includes(path.join(...row!.storageKey.split('/'))), 'file removed');
    assert.equal((await send(admin, 'GET', `/api/v1/asset-documents/${ids[1]}/content`)).json.code, 'asset_documents.not_found');
    assert.equal((await send(admin, 'DELETE', `/api/v1/asset-documents/${ids[1]}`)).status, 404, 'a second delete finds nothing');

    const [kept] = await deps.database.db.select().from(assetDocuments).where(eq(assetDocuments.id, ids[1]!));
    assert.ok(kept!.deletedAt, 'the row stays, marked deleted');
    const events = await deps.database.db.select().from(assetEvents).where(and(eq(assetEvents.assetId, listedAsset), eq(assetEvents.kind, 'document_removed')));
    assert.deepEqual(events.map((e) => e.data), [{ documentId: ids[1], fileName: 'b.pdf' }]);
    const audit = await admin.request('GET', `/api/v1/audit?entity=assets&id=${listedAsset}`);
    const entry = audit.json.items[0];
    assert.deepEqual([entry.action, entry.subEntity, entry.subEntityId, entry.subLabel], ['document_removed', 'asset_documents', ids[1], 'b.pdf']);
    assert.deepEqual(entry.changes.fileName, { before: 'b.pdf', after: null });
  });
});

describe('who may', () => {
  let technician: Client;
  let accountant: Client;

  before(async () => {
    await makeUser(deps, 'technician', 'tech@docs.pl');
    await makeUser(deps, 'accountant', 'acc@docs.pl');
    technician = await signedInClient(app, 'tech@docs.pl', USER_PASSWORD);
    accountant = await signedInClient(app, 'acc@docs.pl', USER_PASSWORD);
  });

  test('a technician can attach a photo', async () => {
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), Buffer.from('JFIF'), Buffer.alloc(100, 7)]);
    const res = await upload(technician, assetId, 'tabliczka znamionowa.jpg', jpeg);
    assert.equal(res.status, 201, JSON.stringify(res.json));
    assert.deepEqual([res.json.contentType, res.json.uploadedByName], ['image/jpeg', 'Test technician']);
    const content = await send(technician, 'GET', `/api/v1/asset-documents/${res.json.id}/content`);
    assert.match(String(content.headers['content-disposition']), /^inline;/);
  });

  test('an accountant (assets:read only) can list and download but not attach or delete', async () => {
    const before = await storedFiles();
    const refused = await upload(accountant, assetId, 'faktura.pdf', minimalPdf());
    assert.equal(refused.status, 403);
    assert.equal(refused.json.code, 'auth.forbidden');
    assert.deepEqual(await storedFiles(), before);
    const list = await accountant.request('GET', `/api/v1/assets/${assetId}/documents`);
    assert.equal(list.status, 200);
    const first = list.json.items.find((d: any) => d.fileName === 'Karta gwarancyjna Łódź.pdf');
    assert.equal((await send(accountant, 'GET', `/api/v1/asset-documents/${first.id}/content`)).status, 200);
    assert.equal((await send(accountant, 'DELETE', `/api/v1/asset-documents/${first.id}`)).status, 403);
  });
});

test('the OpenAPI document shows the upload body as a binary file, not JSON', async () => {
  const doc = (await app.inject({ url: '/api/openapi.json' })).json();
  const op = doc.paths['/api/v1/assets/{id}/documents'].post;
  assert.equal(op['x-permission'], 'assets:write');
  assert.deepEqual(Object.keys(op.requestBody.content), ['application/octet-stream']);
  assert.equal(op.requestBody.content['application/octet-stream'].schema.format, 'binary');
  assert.deepEqual(Object.keys(op.responses).sort(), ['201', '400', '401', '403', '404', '413', '422']);
});
