import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../deps.ts';
import type { App } from '../../kernel/http/app-types.ts';
import { actorId } from '../../kernel/auth/actor.ts';
import { decodeCodes, hasCommand, pdfInfo, pdfText } from '../../kernel/pdf/pdf-test-tools.ts';
import { ADMIN, buildTestApp, customerInput, makeUser, setUpInstallation, signedInClient, type Client } from '../../test/fixtures.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import * as types from '../assets/asset-types.usecases.ts';
import { createPart } from '../catalog/parts.usecases.ts';
import { createService } from '../catalog/services.usecases.ts';
import { createServicePath } from '../service-paths/service-paths.usecases.ts';
import { createLocation } from '../stock/stock.usecases.ts';
import * as est from './estimates.usecases.ts';
import { revokeOrderTrackingLink } from './public.usecases.ts';
import { listStatuses } from './statuses.usecases.ts';
import { serviceOrderLines, serviceOrderParts, serviceOrderSteps, serviceOrderTime } from './service-orders.table.ts';
import * as uc from './service-orders.usecases.ts';

const zbarMissing = hasCommand('zbarimg') ? false : 'zbarimg (apt package zbar-tools) is not installed';

let deps: TestDeps;
let app: App;
let admin: Client;
let frontDesk: Ctx;
let orderId: string;
let orderNumber: string;
let trackingUrl: string;
let estimateId: string;

before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
  app = await buildTestApp(deps);
  admin = await signedInClient(app, ADMIN.email, ADMIN.password);
  const manager = await makeUser(deps, 'manager');
  frontDesk = await makeUser(deps, 'front_desk');
  const laptop = (await types.createAssetType(deps, manager, { name: 'Laptop', meterUnit: null, fields: [] })).id;
  const path = await createServicePath(deps, manager, {
    name: 'Wymiana matrycy',
    description: '',
    steps: [
      { name: 'Diagnoza', description: '', role: 'technician', plannedMinutes: 30, deadlineOffsetHours: null },
      { name: 'Wymiana matrycy', description: '', role: 'technician', plannedMinutes: 60, deadlineOffsetHours: null },
    ],
  });
  const labour = (await createService(deps, manager, { code: 'RBH', name: 'Roboczogodzina serwisowa', unit: 'hour', defaultPriceMinor: 15000, vatRateCode: '23', billingIncrementMinutes: 15, description: '' })).id;
  const disposal = (await createService(deps, manager, { code: 'UTYL', name: 'Utylizacja', unit: 'piece', defaultPriceMinor: 2000, vatRateCode: '8', billingIncrementMinutes: null, description: '' })).id;
  const screen = (await createPart(deps, manager, { code: 'LCD', name: 'Matryca 15,6" FHD — żółta taśma', unit: 'pcs', manufacturerPartNumber: '', ean: null, purchasePriceMinor: 0, salePriceMinor: 120000, vatRateCode: '23', minStock: '0', description: '' })).id;
  const location = (await createLocation(deps, manager, { name: 'Magazyn', kind: 'warehouse', notes: '' })).id;
  const o = await uc.createOrder(
    deps,
    frontDesk,
    {
      newCustomer: customerInput({ kind: 'individual', name: 'Grzegorz Brzęczyszczykiewicz', nip: null, email: 'grzegorz@example.pl', phone: '+48 602 000 111', street: 'ul. Źródlana 3', postalCode: '90-123', city: 'Łódź' }),
      newAsset: { assetTypeId: laptop, productId: null, name: 'Laptop Dell Latitude 5540', serialNumber: 'CN-ŻÓŁ-0042', manufacturer: 'Dell', model: 'Latitude 5540', purchaseDate: null, installationDate: null, specification: '', siteId: null, position: '', contactId: null, custom: {} },
      kind: 'shop',
      siteId: null,
      reportedProblem: 'Pęknięta matryca po upadku; klawisz „ś” nie działa.',
      accessories: 'Zasilacz, torba',
      condition: 'Wgniecenie na rogu, rysy na klapie',
      priority: 'normal',
      promisedOn: '2026-04-10',
      contactId: null,
      notifyChannel: 'email',
      notifyTo: '',
      technicianId: null,
      servicePathId: path.id,
    },
    'http://serwis.test',
  );
  orderId = o.id;
  orderNumber = o.number;
  trackingUrl = o.trackingUrl!;
  const now = deps.clock.now();
  await deps.database.db.insert(serviceOrderParts).values({ orderId, partId: screen, locationId: location, quantity: '1', unitPriceMinor: 120000, vatRateCode: '23', createdAt: now });
  await deps.database.db.insert(serviceOrderLines).values({ orderId, serviceId: disposal, name: 'Utylizacja', quantity: '1', unit: 'piece', unitPriceMinor: 2000, vatRateCode: '8', createdAt: now });
  await deps.database.db.insert(serviceOrderTime).values({ orderId, userId: actorId(frontDesk.actor)!, workedOn: '2026-03-29', minutes: 80, billedMinutes: 90, serviceId: labour, unitPriceMinor: 15000, vatRateCode: '23', createdAt: now });
  estimateId = (await est.createEstimate(deps, frontDesk, orderId, { labourServiceId: labour, note: 'Matryca oryginalna, gwarancja 6 miesięcy.' })).id;
});
after(async () => {
  await app.close();
  await deps.close();
});

/** PDF_SAMPLES_DIR=/some/dir keeps the rendered documents there, to look at them. */
const keep = (url: string, doc: Buffer) => {
  const dir = process.env.PDF_SAMPLES_DIR;
  if (!dir) return;
  const name = url.replace(/^.*\/service-orders\/[^/]+\//, '').replace(/^estimates\/[^/]+\//, 'estimate-').replace(/[^a-z0-9]+/gi, '-');
  writeFileSync(join(dir, `${name}.pdf`), doc);
};

const pdf = async (url: string) => {
  const res = await app.inject({ method: 'GET', url, headers: { cookie: admin.cookie, host: 'serwis.test' } });
  if (res.statusCode === 200) keep(url, res.rawPayload);
  return { res, pdf: res.rawPayload };
};

describe('intake receipt', () => {
  test('in Polish: company, number and date, customer, asset with serial and accessories, condition, problem, terms and both signatures — Polish letters exact', async () => {
    const { res, pdf: doc } = await pdf(`/api/v1/service-orders/${orderId}/intake-receipt`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.match(String(res.headers['content-disposition']), /filename="przyjecie-SO-2026-000001\.pdf"/);
    const text = pdfText(doc);
    for (const expected of [
      'Serwis Łódź sp. z o.o.',
      'NIP 526-025-09-95',
      'Potwierdzenie przyjęcia do serwisu',
      `Zlecenie nr: ${orderNumber}`,
      'Data przyjęcia: 29.03.2026, 01:30',
      'Grzegorz Brzęczyszczykiewicz',
      'ul. Źródlana 3, 90-123 Łódź',
      'grzegorz@example.pl',
      'Laptop Dell Latitude 5540',
      'Nr seryjny: CN-ŻÓŁ-0042',
      'Akcesoria: Zasilacz, torba',
      'Wgniecenie na rogu, rysy na klapie',
      'Pęknięta matryca po upadku; klawisz „ś” nie działa.',
      'Przewidywany termin realizacji',
      '10.04.2026',
      'Warunki przyjęcia',
      'Podpis klienta (akceptuję warunki)',
      'Podpis przyjmującego',
      'Przyjął(a): Test front_desk',
      trackingUrl,
    ])
      assert.ok(text.includes(expected), `missing "${expected}" in: ${text}`);
    assert.equal(pdfInfo(doc).Pages, '1');
  });

  test('the QR code opens the tracking page', { skip: zbarMissing }, async () => {
    const { pdf: doc } = await pdf(`/api/v1/service-orders/${orderId}/intake-receipt`);
    assert.deepEqual(decodeCodes(doc, 1), [trackingUrl]);
  });

  test('a revoked link prints no QR (and says to ask for a new link); a new link prints its own QR', async () => {
    await revokeOrderTrackingLink(deps, frontDesk, orderId);
    const { pdf: revoked } = await pdf(`/api/v1/service-orders/${orderId}/intake-receipt`);
    assert.ok(pdfText(revoked).includes('Zlecenie nie ma aktywnego linku do śledzenia statusu.'));
    if (!zbarMissing) assert.deepEqual(decodeCodes(revoked, 1), []);
    trackingUrl = (await uc.newOrderTrackingLink(deps, frontDesk, orderId, 'http://serwis.test')).trackingUrl;
    const { pdf: renewed } = await pdf(`/api/v1/service-orders/${orderId}/intake-receipt`);
    assert.ok(pdfText(renewed).includes(trackingUrl));
    if (!zbarMissing) assert.deepEqual(decodeCodes(renewed, 1), [trackingUrl]);
  });

  test('in English on request', async () => {
    const { pdf: doc } = await pdf(`/api/v1/service-orders/${orderId}/intake-receipt?lang=en`);
    const text = pdfText(doc);
    for (const expected of ['Service intake receipt', 'Received on: 29 Mar 2026, 01:30', 'Serial no.: CN-ŻÓŁ-0042', 'Expected completion', '10 Apr 2026', 'Customer’s signature']) assert.ok(text.includes(expected), `missing "${expected}" in: ${text}`);
  });
});

describe('estimate', () => {
  test('lines, totals per VAT rate in Polish amounts, validity and the place for the decision', async () => {
    await est.sendEstimate(deps, frontDesk, orderId, estimateId, { validDays: 14 }, 'http://serwis.test');
    const { res, pdf: doc } = await pdf(`/api/v1/service-orders/${orderId}/estimates/${estimateId}/pdf`);
    assert.equal(res.statusCode, 200, res.body);
    const text = pdfText(doc);
    // 0.5 h + 1 h × 150,00 + 1 200,00 = 1 425,00 net at 23% (VAT 327,75) and 20,00 at 8% (VAT 1,60)
    for (const expected of [
      'Kosztorys naprawy',
      'Ważny do: 12.04.2026',
      'Diagnoza 0,5 godz. 150,00 zł 23% 75,00 zł',
      'Matryca 15,6" FHD — żółta taśma 1 szt. 1 200,00 zł 23% 1 200,00 zł',
      'Utylizacja 1 szt. 20,00 zł 8% 20,00 zł',
      '23% 1 425,00 zł 327,75 zł 1 752,75 zł',
      '8% 20,00 zł 1,60 zł 21,60 zł',
      '1 445,00 zł 329,35 zł 1 774,35 zł',
      'Do zapłaty (brutto): 1 774,35 zł',
      'Matryca oryginalna, gwarancja 6 miesięcy.',
      'Kosztorys jest ważny do 12.04.2026.',
      'Akceptuję kosztorys i zlecam wykonanie naprawy',
      'Nie akceptuję kosztorysu',
    ])
      assert.ok(text.includes(expected), `missing "${expected}" in: ${text}`);
  });
});

describe('release receipt', () => {
  test('only once the order is released', async () => {
    const { res } = await pdf(`/api/v1/service-orders/${orderId}/release-receipt`);
    assert.deepEqual([res.statusCode, res.json().code], [409, 'orders.not_released']);
  });

  test('who collected, the steps done, labour, parts, services and totals, with both signatures', async () => {
    await est.recordPaperDecision(deps, frontDesk, orderId, estimateId, { decision: 'accepted', comment: '' });
    await deps.database.db.update(serviceOrderSteps).set({ status: 'done', doneAt: deps.clock.now() }).where(eq(serviceOrderSteps.orderId, orderId));
    const ready = (await listStatuses(deps, frontDesk, false)).items.find((s) => s.phase === 'ready_for_release')!;
    await uc.changeStatus(deps, frontDesk, orderId, { statusId: ready.id, note: '' });
    await uc.releaseOrder(deps, frontDesk, orderId, { releasedTo: 'Grzegorz Brzęczyszczykiewicz (dowód osobisty)', note: '' });
    const { res, pdf: doc } = await pdf(`/api/v1/service-orders/${orderId}/release-receipt`);
    assert.equal(res.statusCode, 200, res.body);
    const text = pdfText(doc);
    // labour 90 billed minutes × 150,00 = 225,00; 23%: 225 + 1 200 = 1 425,00 → VAT 327,75
    for (const expected of [
      'Potwierdzenie wydania urządzenia',
      'Odebrał(a)',
      'Grzegorz Brzęczyszczykiewicz (dowód osobisty)',
      'Wydał(a)',
      'Test front_desk',
      'Diagnoza — 29.03.2026',
      'Wymiana matrycy — 29.03.2026',
      'Kosztorys (wersja 1) zaakceptowany 29.03.2026.',
      'Roboczogodzina serwisowa',
      '1 h 30 min godz. 150,00 zł 23% 225,00 zł',
      'Matryca 15,6" FHD — żółta taśma',
      '1 szt. 1 200,00 zł 23% 1 200,00 zł',
      '1 szt. 20,00 zł 8% 20,00 zł',
      '23% 1 425,00 zł 327,75 zł 1 752,75 zł',
      '1 445,00 zł 329,35 zł 1 774,35 zł',
      'Do zapłaty (brutto): 1 774,35 zł',
      'Potwierdzam odbiór urządzenia wraz z akcesoriami: Zasilacz, torba.',
      'Podpis wydającego',
      'Podpis odbierającego',
    ])
      assert.ok(text.includes(expected), `missing "${expected}" in: ${text}`);
  });
});
