// The invoicing journey of a repair shop, on a test clock: a repaired printer is released → one click
// makes a draft invoice of its labour, part and travel → the travel line is edited → issued as
// FV/2026/11/0001 → its PDF read as text (legal facts, amount in words) and as an image → the KSeF
// FA(3) XML downloaded from the page and validated against the official schema → a partial payment →
// after a restart past the due date the rest is overdue, on the list and on the customer's page → a
// correcting invoice lowers the labour, is issued as FK/2026/12/0001 and its XML is valid too →
// English. Real server process, real embedded database, real Chromium.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { pdfPageGray, pdfText } from '../server/kernel/pdf/pdf-test-tools.ts';
import { validateFa3 } from '../server/modules/invoicing/ksef/xsd-validate.ts';
import { artifacts, launchBrowser, shot, startProduct, type Product, until } from './harness.ts';

const CLOCK_ISSUE = '2026-11-27T09:00:00Z'; // Friday 27 November, 10:00 in Warsaw
const CLOCK_LATE = '2026-12-14T09:00:00Z'; // the due date (11 December, 14 days) has passed

const ADMIN_EMAIL = 'ksiegowa@drukserwis.pl';
const ADMIN_PASSWORD = 'Faktura-Żółć-2026!';
const CUSTOMER = 'Biuro Rachunkowe „Pełna Księga” sp. z o.o.';

let product: Product;
let dataDir: string;
let browser: Browser;
let page: Page;
let tmp: string;
const pageErrors: string[] = [];
const ids: Record<string, string> = {};

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-e2e-invoices-'));
  product = await startProduct({ CLOCK_START: CLOCK_ISSUE });
  dataDir = product.dataDir;
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'pl-PL', acceptDownloads: true });
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => pageErrors.push(e.message));
});
after(async () => {
  await browser?.close();
  await product?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const tid = (id: string) => page.getByTestId(id);
const text = async (id: string) => ((await tid(id).first().textContent()) ?? '').trim();
/** Polish money as the page prints it: "1 234,56 zł" with a (narrow) no-break space. */
const money = (s: string) => new RegExp(s.replace(/ /g, '[\\s\\u00a0\\u202f]'));

/** The JSON API with the browser's session and CSRF token, as the web app calls it. */
async function api<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') {
    const session = await page.request.get(`${product.baseUrl}/api/v1/auth/session`);
    headers['x-csrf-token'] = ((await session.json()) as { csrfToken: string }).csrfToken;
  }
  const r = await page.request.fetch(`${product.baseUrl}${url}`, { method, headers, ...(body === undefined ? {} : { data: body }) });
  assert.ok(r.ok(), `${method} ${url} → ${r.status()} ${await r.text()}`);
  return (await r.json()) as T;
}

/** Clicks a download button and returns the saved file's bytes. */
async function download(testId: string, name: string): Promise<Buffer> {
  const started = page.waitForEvent('download');
  await tid(testId).click();
  const file = path.join(tmp, name);
  await (await started).saveAs(file);
  return fs.readFileSync(file);
}

async function signIn() {
  const form = tid('sign-in-form');
  await form.locator('input[type=email], input[name=email]').first().fill(ADMIN_EMAIL);
  await form.locator('input[type=password]').fill(ADMIN_PASSWORD);
  await tid('sign-in-submit').click();
  await tid('user-menu').waitFor();
}

test('first run; a printer repaired and released (through the API): 40 min of labour billed as 45, a roller, travel at 8%', async () => {
  await page.goto(product.baseUrl);
  await page.waitForURL(/\/setup$/);
  const form = tid('setup-form');
  await form.locator('input[name=name]').fill('DrukSerwis Łódź sp. z o.o.');
  await form.locator('input[name=nip]').fill('5261040828');
  await form.locator('input[name=street]').fill('ul. Piotrkowska 120');
  await form.locator('input[name=postalCode]').fill('90-006');
  await form.locator('input[name=city]').fill('Łódź');
  await form.locator('input[name=bankAccount]').fill('61 1090 1014 0000 0712 1981 2874');
  await form.locator('input[name=adminName]').fill('Ewa Księgowa');
  await form.locator('input[name=adminEmail]').fill(ADMIN_EMAIL);
  await form.locator('input[name=adminPassword]').fill(ADMIN_PASSWORD);
  await form.locator('input[name=adminPasswordRepeat]').fill(ADMIN_PASSWORD);
  await tid('setup-submit').click();
  await tid('guide-progress').waitFor();

  const type = await api<{ id: string }>('POST', '/api/v1/asset-types', { name: 'Drukarka', fields: [] });
  const hourly = await api<{ id: string }>('POST', '/api/v1/services', { code: 'RBH', name: 'Naprawa drukarki — robocizna', unit: 'hour', defaultPriceMinor: 16_000, vatRateCode: '23', billingIncrementMinutes: 15 });
  const roller = await api<{ id: string }>('POST', '/api/v1/parts', { code: 'RM2-5452', name: 'Rolka pobierania papieru HP', salePriceMinor: 8_900 });
  const location = (await api<{ items: { id: string }[] }>('GET', '/api/v1/stock/locations')).items[0]!.id;
  await api('POST', '/api/v1/stock/movements', { partId: roller.id, kind: 'receipt', quantity: '4', locationId: location });
  const order = await api<{ id: string; customerId: string; number: string }>('POST', '/api/v1/service-orders', {
    newCustomer: { kind: 'company', name: CUSTOMER, nip: '774-000-14-54', street: 'ul. Zielona 8', postalCode: '90-601', city: 'Łódź', email: 'biuro@pelnaksiega.pl' },
    newAsset: { assetTypeId: type.id, name: 'HP LaserJet Pro M404dn', serialNumber: 'PHBQ123456', custom: {} },
    reportedProblem: 'Nie pobiera papieru z podajnika 2.',
  });
  ids.order = order.id;
  ids.customer = order.customerId;
  await api('POST', `/api/v1/service-orders/${order.id}/time`, { minutes: 40, serviceId: hourly.id });
  await api('POST', `/api/v1/service-orders/${order.id}/parts`, { partId: roller.id, locationId: location, quantity: '1' });
  await api('POST', `/api/v1/service-orders/${order.id}/lines`, { name: 'Dojazd do klienta', quantity: '1', unit: 'usł.', unitPriceMinor: 5_000, vatRateCode: '8' });
  const statuses = (await api<{ items: { id: string; phase: string; isDefault: boolean }[] }>('GET', '/api/v1/service-order-statuses')).items;
  for (const phase of ['diagnosis', 'in_repair', 'ready_for_release']) {
    const s = statuses.find((x) => x.phase === phase && x.isDefault) ?? statuses.find((x) => x.phase === phase)!;
    await api('POST', `/api/v1/service-orders/${order.id}/status`, { statusId: s.id });
  }
  await api('POST', `/api/v1/service-orders/${order.id}/release`, { releasedTo: 'Jan Nowak (kurier firmowy)' });
});

test('the released order → one click → a draft invoice of its labour (0,75 h), the roller and the travel, for its customer', async () => {
  await page.goto(`${product.baseUrl}/orders/${ids.order}`);
  await tid('order-invoice-panel').waitFor();
  await shot(page, 'i01-order-before-invoice');
  await tid('order-create-invoice').click();
  await page.waitForURL(/\/invoices\/[0-9a-f-]{36}$/);
  ids.invoice = page.url().split('/').pop()!;
  await until('three lines', async () => (await tid('invoice-line').count()) === 3);
  assert.deepEqual(await tid('line-name').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)), ['Naprawa drukarki — robocizna', 'Rolka pobierania papieru HP', 'Dojazd do klienta']);
  assert.equal(await tid('invoice-line').nth(0).getByTestId('line-quantity').inputValue(), '0,75');
  await tid('invoice-customer-link').filter({ hasText: CUSTOMER }).waitFor();
  await tid('invoice-order-link').waitFor();
  // 0,75 h × 160 + 89 = 209,00 net at 23% (48,07 VAT) + 50,00 at 8% (4,00 VAT) = 311,07
  await until('the draft’s gross', async () => money('311,07 zł').test(await text('invoice-total-gross')));
  await shot(page, 'i02-draft-from-order');
});

test('edit a line: the travel becomes 2 × 50,00 zł; saved, the totals follow', async () => {
  await tid('invoice-line').nth(2).getByTestId('line-quantity').fill('2');
  const saved = page.waitForResponse((r) => r.url().endsWith(`/api/v1/invoices/${ids.invoice}`) && r.request().method() === 'PATCH');
  await tid('invoice-save').click();
  assert.equal((await saved).status(), 200);
  await until('the new gross', async () => money('365,07 zł').test(await text('invoice-total-gross')));
});

test('issue: the confirmation, then number FV/2026/11/0001 with today’s date; the draft’s fields are gone', async () => {
  await tid('invoice-issue').click();
  const issued = page.waitForResponse((r) => r.url().endsWith(`/api/v1/invoices/${ids.invoice}/issue`));
  await tid('confirm-ok').click();
  assert.equal((await issued).status(), 200);
  await tid('invoice-title').filter({ hasText: 'FV/2026/11/0001' }).waitFor();
  assert.equal(await tid('invoice-status').first().getAttribute('data-status'), 'issued');
  assert.equal(await tid('invoice-save').count(), 0, 'an issued invoice is not editable');
  await shot(page, 'i03-issued');
});

test('the PDF as text: number, dates, both NIPs, the lines, totals per rate, the amount in words and the account; and as an image', async () => {
  const r = await page.request.get(`${product.baseUrl}/api/v1/invoices/${ids.invoice}/pdf`);
  assert.equal(r.headers()['content-type'], 'application/pdf');
  const pdf = Buffer.from(await r.body());
  const t = pdfText(pdf).replace(/\s+/g, ' ');
  for (const s of ['FV/2026/11/0001', '27.11.2026', '526-104-08-28', '774-000-14-54', CUSTOMER, 'Rolka pobierania papieru HP', 'Dojazd do klienta', 'trzysta sześćdziesiąt pięć złotych 07/100', 'PL61 1090 1014 0000 0712 1981 2874', '11.12.2026'])
    assert.ok(t.includes(s), `"${s}" in the PDF: ${t.slice(0, 600)}`);
  assert.match(t, /365,07/);
  // as an image: the page renders, with print on it (not a blank page)
  const gray = pdfPageGray(pdf, 1, 40);
  const dark = gray.pixels.filter((p) => p < 128).length / gray.pixels.length;
  assert.ok(dark > 0.01 && dark < 0.5, `ink on the page: ${dark}`);
  fs.mkdirSync(artifacts, { recursive: true });
  fs.writeFileSync(path.join(artifacts, 'i04-invoice.pdf'), pdf);
});

test('the KSeF FA(3) XML downloaded from the page is valid against the official schema', async () => {
  const xml = (await download('invoice-xml', 'fv.xml')).toString('utf8');
  const v = validateFa3(xml);
  assert.ok(v.valid, v.errors);
  assert.match(xml, /<P_2>FV\/2026\/11\/0001<\/P_2>/);
  assert.match(xml, /<P_15>365\.07<\/P_15>/);
});

test('a partial payment of 200,00 zł: partially paid, 165,07 zł left', async () => {
  await tid('tab-payments').click();
  await tid('payment-amount').fill('200,00');
  const recorded = page.waitForResponse((r) => r.url().endsWith(`/api/v1/invoices/${ids.invoice}/payments`) && r.request().method() === 'POST');
  await tid('payment-record').click();
  assert.equal((await recorded).status(), 201);
  await tid('invoice-payment-row').first().waitFor();
  await until('partially paid', async () => (await tid('invoice-status').first().getAttribute('data-status')) === 'partially_paid');
  await until('the balance', async () => money('165,07 zł').test(await text('invoice-balance')));
  await shot(page, 'i05-partial-payment');
});

test('after the due date (restart on a later clock) the rest is overdue: on the list and on the customer’s page', async () => {
  await product.stop({ keepData: true });
  product = await startProduct({ CLOCK_START: CLOCK_LATE }, { dataDir });
  await page.goto(`${product.baseUrl}/invoices?status=overdue`);
  // the session may have outlived the restart, or not: sign in when asked
  await page.locator('[data-testid=sign-in-form], [data-testid=invoices-table], [data-testid=invoice-row]').first().waitFor();
  if (await tid('sign-in-form').isVisible()) {
    await signIn();
    await page.goto(`${product.baseUrl}/invoices?status=overdue`);
  }
  await tid('invoice-row').first().waitFor();
  assert.equal(await tid('invoice-row').count(), 1);
  assert.equal(await tid('invoice-row').first().getByTestId('invoice-status').getAttribute('data-status'), 'overdue');
  await until('the overdue balance in the totals', async () => money('165,07').test(await text('invoices-totals')));
  await shot(page, 'i06-overdue-list');
  await page.goto(`${product.baseUrl}/customers/${ids.customer}`);
  await tid('tab-invoices').click();
  await tid('customer-overdue').waitFor();
  assert.equal(await tid('customer-overdue').getAttribute('data-count'), '1');
  await tid('customer-overdue-row').filter({ hasText: 'FV/2026/11/0001' }).waitFor();
  await shot(page, 'i07-customer-overdue');
});

test('a correcting invoice: the labour lowered to 0,5 h, issued as FK/2026/12/0001; the invoice asks for less; its XML is valid', async () => {
  await page.goto(`${product.baseUrl}/invoices/${ids.invoice}`);
  await tid('invoice-correct').click();
  await tid('invoice-correct-reason').fill('Błędnie naliczony czas pracy (0,75 h zamiast 0,5 h)');
  await tid('invoice-correct-submit').click();
  await page.waitForURL((u) => /\/invoices\/[0-9a-f-]{36}$/.test(u.pathname) && !u.pathname.endsWith(ids.invoice!));
  ids.correction = page.url().split('/').pop()!;
  await until('the lines to correct', async () => (await tid('invoice-line').count()) === 3);
  await tid('invoice-line').nth(0).getByTestId('line-quantity').fill('0,5');
  const saved = page.waitForResponse((r) => r.url().endsWith(`/api/v1/invoices/${ids.correction}`) && r.request().method() === 'PATCH');
  await tid('invoice-save').click();
  assert.equal((await saved).status(), 200);
  // −0,25 h × 160 = −40,00 net, −9,20 VAT
  await until('the difference', async () => money('-49,20 zł').test((await text('invoice-total-gross')).replace('−', '-')));
  await tid('invoice-issue').click();
  const issued = page.waitForResponse((r) => r.url().endsWith(`/api/v1/invoices/${ids.correction}/issue`));
  await tid('confirm-ok').click();
  assert.equal((await issued).status(), 200);
  await tid('invoice-title').filter({ hasText: 'FK/2026/12/0001' }).waitFor();
  await shot(page, 'i08-correction-issued');
  const xml = (await download('invoice-xml', 'fk.xml')).toString('utf8');
  const v = validateFa3(xml);
  assert.ok(v.valid, v.errors);
  assert.match(xml, /<RodzajFaktury>KOR<\/RodzajFaktury>/);
  assert.match(xml, /<NrFaKorygowanej>FV\/2026\/11\/0001<\/NrFaKorygowanej>/);
  assert.match(xml, /<P_15>-49\.20<\/P_15>/);
  const original = await api<{ payableMinor: number; balanceMinor: number; corrections: { number: string }[] }>('GET', `/api/v1/invoices/${ids.invoice}`);
  assert.deepEqual([original.payableMinor, original.balanceMinor, original.corrections.map((c) => c.number)], [36_507 - 4_920, 16_507 - 4_920, ['FK/2026/12/0001']]);
  const pdf = Buffer.from(await (await page.request.get(`${product.baseUrl}/api/v1/invoices/${ids.correction}/pdf`)).body());
  const t = pdfText(pdf).replace(/\s+/g, ' ');
  for (const s of ['FK/2026/12/0001', 'FV/2026/11/0001', 'Błędnie naliczony czas pracy']) assert.ok(t.includes(s), `"${s}" in the correction PDF`);
  fs.writeFileSync(path.join(artifacts, 'i09-correction.pdf'), pdf);
});

test('in English: the invoice page', async () => {
  await page.goto(`${product.baseUrl}/invoices/${ids.invoice}`);
  await tid('lang-switch').getByText('EN', { exact: true }).click();
  await tid('tab-payments').filter({ hasText: /Payments/ }).waitFor();
  await shot(page, 'i10-invoice-en');
  assert.deepEqual(pageErrors, [], 'no uncaught errors in any page');
});
