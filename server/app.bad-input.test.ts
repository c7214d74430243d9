// Property-based: generated malformed bodies and path params sent to every write operation in the
// OpenAPI document get a 4xx problem answer — never a 5xx — and leave the database unchanged.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { App } from './kernel/http/app-types.ts';
import { createTestDeps, type TestDeps } from './test/test-db.ts';
import { ADMIN, buildTestApp, customerInput, setUpInstallation, signedInClient, type Client } from './test/fixtures.ts';
import { fillPath, operations, resolveRef, type JsonSchema, type Operation } from './test/openapi.ts';
import { systemActor } from './kernel/auth/actor.ts';
import { createTaskOnce } from './modules/tasks/tasks.usecases.ts';

let deps: TestDeps;
let app: App;
let admin: Client;
let writes: Operation[];
let doc: any;
const ids: Record<string, string> = {};

before(async () => {
  deps = await createTestDeps({ dataDir: await mkdtemp(path.join(os.tmpdir(), 'sw-bad-input-')) });
  await setUpInstallation(deps);
  app = await buildTestApp(deps);
  admin = await signedInClient(app, ADMIN.email, ADMIN.password);
  // Real records, so a malformed body meets a route that would otherwise succeed.
  const c = await admin.request('POST', '/api/v1/customers', customerInput());
  const contact = await admin.request('POST', `/api/v1/customers/${c.json.customer.id}/contacts`, { name: 'Ola' });
  const u = await admin.request('POST', '/api/v1/users', { email: 'fuzz@serwis.pl', name: 'Fuzz', role: 'technician' });
  const t = await admin.request('POST', '/api/v1/api-tokens', { name: 'fuzz' });
  Object.assign(ids, { id: c.json.customer.id, childId: contact.json.id });
  ids.userId = u.json.user.id;
  ids.tokenId = t.json.token.id;
  // Catalogue records, so malformed bodies meet routes that would otherwise succeed.
  ids.product = (await admin.request('POST', '/api/v1/products', { code: 'FUZZ', name: 'Fuzz' })).json.id;
  ids.service = (await admin.request('POST', '/api/v1/services', { code: 'FUZZ', name: 'Fuzz', unit: 'hour', defaultPriceMinor: 100, vatRateCode: '23' })).json.id;
  ids.resource = (await admin.request('POST', '/api/v1/resources', { name: 'Fuzz', kind: 'vehicle' })).json.id;
  const sp = (await admin.request('POST', '/api/v1/service-paths', { name: 'Fuzz', steps: [{ name: 'A' }] })).json;
  Object.assign(ids, { path: sp.id, step: sp.steps[0].id });
  // Assets: a type with a required custom field, an asset with a meter, a service date and a document.
  ids.assetType = (await admin.request('POST', '/api/v1/asset-types', { name: 'Fuzz', meterUnit: 'km', fields: [{ label: 'Moc', kind: 'number', required: true }] })).json.id;
  ids.asset = (await admin.request('POST', '/api/v1/assets', { customerId: ids.id, assetTypeId: ids.assetType, name: 'Fuzz', custom: { moc: 1 } })).json.id;
  const kinds = (await admin.request('GET', '/api/v1/service-date-kinds')).json.items;
  ids.kind = kinds[0].id;
  ids.serviceDate = (await admin.request('POST', `/api/v1/assets/${ids.asset}/service-dates`, { kindId: ids.kind, dueOn: '2026-05-01' })).json.id;
  const upload = await app.inject({ method: 'POST', url: `/api/v1/assets/${ids.asset}/documents?fileName=a.txt`, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/octet-stream' }, payload: Buffer.from('tekst') });
  ids.document = upload.json().id;
  // A service order sent to an external service: its open RMA.
  const order = (await admin.request('POST', '/api/v1/service-orders', { customerId: ids.id, assetId: ids.asset, reportedProblem: 'Fuzz' })).json;
  ids.rma = (await admin.request('POST', `/api/v1/service-orders/${order.id}/rma`, { vendor: 'Fuzz' })).json.id;
  // An open task, so a malformed reassignment meets a task it could otherwise move.
  ids.task = (await createTaskOnce(deps.database.db, { actor: systemActor('test') }, { kind: 'service_date_due', subjectType: 'asset', subjectId: ids.asset!, params: {}, assigneeRole: 'technician', dedupeKey: 'fuzz-task', createdAt: deps.clock.now() }))!.id;
  // The work on an order: a step (from a path), a time entry, a part issued from stock and a line.
  ids.order = (await admin.request('POST', '/api/v1/service-orders', { customerId: ids.id, assetId: ids.asset, reportedProblem: 'Fuzz work', servicePathId: ids.path })).json.id;
  ids.orderStep = (await admin.request('GET', `/api/v1/service-orders/${ids.order}/steps`)).json.items[0].id;
  ids.orderTime = (await admin.request('POST', `/api/v1/service-orders/${ids.order}/time`, { minutes: 30, serviceId: ids.service })).json.id;
  const stockLocation = (await admin.request('GET', '/api/v1/stock/locations')).json.items[0].id;
  const sparePart = (await admin.request('POST', '/api/v1/parts', { code: 'FUZZ', name: 'Fuzz' })).json.id;
  await admin.request('POST', '/api/v1/stock/movements', { partId: sparePart, kind: 'receipt', quantity: '5', locationId: stockLocation });
  ids.orderPart = (await admin.request('POST', `/api/v1/service-orders/${ids.order}/parts`, { partId: sparePart, locationId: stockLocation, quantity: '1' })).json.id;
  ids.orderLine = (await admin.request('POST', `/api/v1/service-orders/${ids.order}/lines`, { name: 'Fuzz', unitPriceMinor: 100, vatRateCode: '23' })).json.id;
  const photo = await app.inject({ method: 'POST', url: `/api/v1/service-orders/${ids.order}/photos?fileName=a.jpg`, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/octet-stream' }, payload: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]) });
  ids.orderPhoto = photo.json().id;
  for (const k of ['order', 'orderStep', 'orderTime', 'orderPart', 'orderLine', 'orderPhoto']) assert.ok(ids[k], `no ${k} for the fuzzing`);
  // Estimates of that order: one sent (its customer link), one draft; and a tracking link.
  const sentEstimate = (await admin.request('POST', `/api/v1/service-orders/${ids.order}/estimates`, { lines: [{ kind: 'service', itemId: ids.service, quantity: '1' }] })).json.id;
  ids.estimateToken = (await admin.request('POST', `/api/v1/service-orders/${ids.order}/estimates/${sentEstimate}/send`, {})).json.acceptUrl.split('/e/')[1];
  ids.estimate = (await admin.request('POST', `/api/v1/service-orders/${ids.order}/estimates`, { lines: [{ kind: 'service', itemId: ids.service, quantity: '1' }] })).json.id;
  ids.trackingToken = (await admin.request('POST', `/api/v1/service-orders/${ids.order}/tracking-link`)).json.trackingUrl.split('/t/')[1];
  for (const k of ['estimate', 'estimateToken', 'trackingToken']) assert.ok(ids[k], `no ${k} for the fuzzing`);
  // Invoices: a draft that malformed edits would otherwise change, and an issued one with a payment.
  const invoiceLine = { name: 'Fuzz', quantity: '1', unitPriceMinor: 10000, vatRateCode: '23' };
  ids.invoice = (await admin.request('POST', '/api/v1/invoices', { customerId: ids.id, lines: [invoiceLine] })).json.id;
  const issuedInvoice = (await admin.request('POST', '/api/v1/invoices', { customerId: ids.id, lines: [invoiceLine] })).json.id;
  assert.equal((await admin.request('POST', `/api/v1/invoices/${issuedInvoice}/issue`)).status, 200);
  ids.invoicePayment = (await admin.request('POST', `/api/v1/invoices/${issuedInvoice}/payments`, { amountMinor: 100 })).json.id;
  for (const k of ['invoice', 'invoicePayment']) assert.ok(ids[k], `no ${k} for the fuzzing`);
  const all = await operations(app);
  doc = all.doc;
  writes = all.ops.filter((o) => o.method !== 'GET' && !['/api/v1/auth/sign-out', '/api/v1/setup'].includes(o.path));
});
after(async () => {
  await app.close();
  await deps.close();
});

/** A digest of every table: any insert, update or delete changes it. */
async function snapshot(): Promise<string> {
  const tables = await deps.database.query<{ t: string }>(
    "select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
  );
  const parts: string[] = [];
  for (const { t } of tables) {
    const [row] = await deps.database.query<{ d: string | null; n: number }>(`select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as d, count(*)::int as n from "${t}" x`);
    parts.push(`${t}:${row!.n}:${row!.d}`);
  }
  return parts.join('\n');
}

function paramsFor(op: Operation): Record<string, string> {
  if (op.path.startsWith('/api/v1/users/')) return { id: ids.userId! };
  if (op.path.startsWith('/api/v1/api-tokens/')) return { id: ids.tokenId! };
  if (op.path.startsWith('/api/v1/products/')) return { id: ids.product! };
  if (op.path.startsWith('/api/v1/services/')) return { id: ids.service! };
  if (op.path.startsWith('/api/v1/resources/')) return { id: ids.resource! };
  if (op.path.startsWith('/api/v1/service-paths/')) return { id: ids.path!, stepId: ids.step! };
  if (op.path.startsWith('/api/v1/asset-types/')) return { id: ids.assetType! };
  if (op.path.startsWith('/api/v1/assets/')) return { id: ids.asset! };
  if (op.path.startsWith('/api/v1/service-date-kinds/')) return { id: ids.kind! };
  if (op.path.startsWith('/api/v1/asset-service-dates/')) return { id: ids.serviceDate! };
  if (op.path.startsWith('/api/v1/asset-documents/')) return { id: ids.document! };
  if (op.path.startsWith('/api/v1/service-order-rmas/')) return { id: ids.rma! };
  if (op.path.startsWith('/api/v1/tasks/')) return { id: ids.task! };
  if (op.path.startsWith('/api/v1/service-orders/')) return { id: ids.order!, estimateId: ids.estimate! };
  if (op.path.startsWith('/api/v1/public/estimates/')) return { token: ids.estimateToken! };
  if (op.path.startsWith('/api/v1/public/tracking/')) return { token: ids.trackingToken! };
  if (op.path.startsWith('/api/v1/service-order-steps/')) return { id: ids.orderStep! };
  if (op.path.startsWith('/api/v1/service-order-time/')) return { id: ids.orderTime! };
  if (op.path.startsWith('/api/v1/service-order-parts/')) return { id: ids.orderPart! };
  if (op.path.startsWith('/api/v1/service-order-lines/')) return { id: ids.orderLine! };
  if (op.path.startsWith('/api/v1/service-order-photos/')) return { id: ids.orderPhoto! };
  if (op.path.startsWith('/api/v1/invoices/')) return { id: ids.invoice! };
  if (op.path.startsWith('/api/v1/invoice-payments/')) return { id: ids.invoicePayment! };
  return ids;
}

const typeOf = (s: JsonSchema | undefined): string | undefined => {
  const t = s?.type;
  return Array.isArray(t) ? t.find((x) => x !== 'null') : t;
};

/** A value that the property's declared type does not allow. */
function wrongValue(doc: any, prop: JsonSchema | undefined): fc.Arbitrary<unknown> {
  const s = resolveRef(doc, prop);
  switch (typeOf(s)) {
    case 'string':
      return s?.enum ? fc.string({ minLength: 1 }).filter((x) => !s.enum!.includes(x)) : fc.oneof(fc.integer(), fc.boolean(), fc.constant([]), fc.constant({ a: 1 }), fc.string({ minLength: 100_001, maxLength: 100_010 }));
    case 'boolean':
      return fc.oneof(fc.string(), fc.integer(), fc.constant({}));
    case 'number':
    case 'integer':
      return fc.oneof(fc.string({ minLength: 1 }).filter((x) => Number.isNaN(Number(x))), fc.constant({}), fc.constant(true));
    case 'object':
      return fc.oneof(fc.string(), fc.integer(), fc.constant([1, 2]));
    default:
      return fc.oneof(fc.integer(), fc.constant([{ bad: true }]));
  }
}

/** Malformed bodies: wrong top-level types, or an object whose every field has the wrong type. */
function badBody(op: Operation): fc.Arbitrary<unknown> {
  const schema = resolveRef(doc, op.bodySchema);
  const props = Object.entries(schema?.properties ?? {});
  const topLevel = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.string(), fc.array(fc.jsonValue(), { maxLength: 3 }), fc.constant(null));
  if (!props.length) return topLevel;
  const allWrong = fc.record(Object.fromEntries(props.map(([k, v]) => [k, wrongValue(doc, v)])));
  return fc.oneof(topLevel, allWrong);
}

const badId = fc.oneof(fc.constantFrom('1', 'abc', '00000000-0000-0000-0000', "' or 1=1 --", '%00', 'ą'.repeat(40)), fc.stringMatching(/^[a-z0-9-]{1,40}$/));

test('malformed bodies to every write operation get a 4xx problem and change nothing', async () => {
  const withBody = writes.filter((o) => o.bodySchema);
  assert.ok(withBody.length >= 12, `only ${withBody.length} write operations with a body`);
  for (const op of withBody) {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(badBody(op), async (body) => {
        const res = await app.inject({
          method: op.method as 'POST',
          url: fillPath(op.path, paramsFor(op)),
          headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${op.method} ${op.path} ${JSON.stringify(body)?.slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 300)}`);
        assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
        assert.ok(typeof res.json().code === 'string');
      }),
      { numRuns: 25, seed: 20261127 },
    );
    assert.equal(await snapshot(), before, `${op.method} ${op.path} changed the database`);
  }
});

test('malformed ids in the path get a 4xx answer and change nothing', async () => {
  const withParams = writes.filter((o) => o.pathParams.length);
  const before = await snapshot();
  for (const op of withParams) {
    await fc.assert(
      fc.asyncProperty(badId, async (id) => {
        const url = op.path.replace(/\{(\w+)\}/g, () => encodeURIComponent(id));
        const res = await app.inject({ method: op.method as 'POST', url, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf }, ...(op.bodySchema ? { payload: {} } : {}) });
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${op.method} ${url} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      }),
      { numRuns: 10, seed: 7 },
    );
  }
  assert.equal(await snapshot(), before);
});

test('a body that is not JSON at all gets 400 with a problem answer', async () => {
  for (const op of writes.filter((o) => o.bodySchema)) {
    const res = await app.inject({
      method: op.method as 'POST',
      url: fillPath(op.path, paramsFor(op)),
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
      payload: '{"name": "unterminated',
    });
    assert.equal(res.statusCode, 400, `${op.method} ${op.path}`);
    assert.equal(res.json().code, 'request.malformed');
  }
});
