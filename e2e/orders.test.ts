// The service-order journey of a laptop repair shop, with three people at three browsers: the owner
// sets up sending (a test SMTP server and a test SMS gateway, both in this process) and the
// catalogue; the front desk takes in a laptop of a new private customer (SMS notifications) and
// prints the intake receipt (its QR decoded); the technician works through the service path's steps,
// logs 37 minutes (billed 45) and issues an SSD from stock; the estimate goes out by email and the
// customer accepts it through the emailed link; the laptop goes to the manufacturer and comes back;
// "ready" sends the customer an SMS and gives the front desk its release task; the release receipt
// is printed; the asset's history, the customer's orders and the public tracking page tell the
// story. Real server process, real embedded database, real Chromium; PDFs are read with pdftotext,
// rendered with pdftoppm, and the intake receipt's QR is decoded with zbarimg.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { startTestGateway, startTestSmtp } from '../server/modules/messaging/messaging.test-servers.ts';
import { artifacts, launchBrowser, shot, startProduct, type Product, until } from './harness.ts';

type Person = { email: string; name: string; password: string };
const OWNER: Person = { email: 'anna@laptopy-lodz.pl', name: 'Anna Właścicielka', password: 'Żółta-łódź-2026!' };
const TECH: Person = { email: 'tomasz.nowak@laptopy-lodz.pl', name: 'Tomasz Nowak', password: 'Lutownica-na-gorąco-7' };
const DESK: Person = { email: 'ewa.wisniewska@laptopy-lodz.pl', name: 'Ewa Wiśniewska', password: 'Kawa-z-mlekiem-2026?' };

const CUSTOMER = 'Jan Kowalski';
const CUSTOMER_EMAIL = 'jan.kowalski@poczta-testowa.pl';
const CUSTOMER_PHONE = '600 100 200';
const CUSTOMER_E164 = '+48600100200';
const TYPE = 'Laptop';
const ASSET = 'Dell Latitude 5540';
const SERIAL = 'DL5540-8HQ2K93';
const PROBLEM = 'Nie włącza się po zalaniu słodką herbatą; dioda ładowania miga na żółto.';
const ACCESSORIES = 'Zasilacz';
const CONDITION = 'Rysy na pokrywie, brak jednej gumowej nóżki';
const SERVICE = 'Robocizna';
const PART = 'Dysk SSD 512 GB';
const PATH_NAME = 'Naprawa laptopa';
const VENDOR = 'Dell Polska';
const RMA_CASE = 'DELL-RMA-2026-04417';
const RELEASED_TO = 'Jan Kowalski (dowód osobisty)';
const YEAR = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw', year: 'numeric' }).format(new Date());
const NUMBER = `SO/${YEAR}/000001`;

let product: Product;
let browser: Browser;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
let gateway: Awaited<ReturnType<typeof startTestGateway>>;
/** One browser context (own cookies) per person; the customer and a visitor get theirs later, without a session. */
let owner: Page;
let tech: Page;
let desk: Page;
const people = new Map<string, Page>();
const pageErrors: string[] = [];
const ids = { partId: '', locationId: '', orderId: '', assetId: '', customerId: '' };
let trackingUrl = '';

before(async () => {
  [smtp, gateway] = await Promise.all([startTestSmtp(), startTestGateway()]);
  gateway.answer({ status: 200, body: { id: 'gw-msg-1' } });
  product = await startProduct();
  browser = await launchBrowser();
  owner = await newPerson('owner');
});
afterEach(async (t) => {
  // what each person's screen showed when a step failed
  if (!t.passed) for (const [label, page] of people) if (!page.isClosed()) await shot(page, `o-failed-${label.replace(/ /g, '-')}`).catch(() => {});
});
after(async () => {
  await browser?.close();
  await product?.stop();
  await smtp?.close();
  await gateway?.close();
});

async function newPerson(label: string): Promise<Page> {
  // a shop in Poland: screen times match the PDFs' (which are in Europe/Warsaw)
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
  const page = await context.newPage();
  people.set(label, page);
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => pageErrors.push(`${label}: ${e.message}`));
  return page;
}

const tid = (page: Page, id: string) => page.getByTestId(id);
const text = async (l: Locator) => ((await l.textContent()) ?? '').trim();
/** Polish money as the app formats it: "576,87 zł" with a (narrow) no-break space before the currency. */
const money = (amount: string) => new RegExp(`${amount}[\\s\\u00a0\\u202f]zł`);
/**
 * A full-page picture from the top (a long form scrolls as it is filled, and the sticky header would
 * land mid-picture) once transitions — dialogs, menus, notices — have finished.
 */
async function snap(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
  await shot(page, name);
}

/** The JSON API with the page's session (cookie) and its CSRF token, as the web app calls it. */
async function api<T>(page: Page, method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') {
    const session = await page.request.get(`${product.baseUrl}/api/v1/auth/session`);
    headers['x-csrf-token'] = ((await session.json()) as { csrfToken: string }).csrfToken;
  }
  const r = await page.request.fetch(`${product.baseUrl}${url}`, { method, headers, ...(body === undefined ? {} : { data: body }) });
  assert.ok(r.ok(), `${method} ${url} → ${r.status()} ${await r.text()}`);
  return (await r.json()) as T;
}

/** A Mantine select: open it, pick the option by its visible name. */
async function choose(page: Page, testId: string, option: string | RegExp) {
  await tid(page, testId).click();
  await page.getByRole('option', { name: option }).first().click();
}

/**
 * Downloads a PDF the page links to (with the page's session), reads its text with pdftotext and
 * renders every page to `<name>-<n>.png` for looking at. Returns the text with whitespace collapsed.
 */
async function readPdf(page: Page, href: string, name: string): Promise<{ text: string; file: string }> {
  const res = await page.request.get(new URL(href, product.baseUrl).href);
  assert.equal(res.status(), 200, `${href} → ${res.status()}`);
  assert.match(res.headers()['content-type'] ?? '', /^application\/pdf/);
  fs.mkdirSync(artifacts, { recursive: true });
  const file = path.join(artifacts, `${name}.pdf`);
  fs.writeFileSync(file, await res.body());
  const words = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  assert.equal(words.status, 0, words.stderr);
  const raster = spawnSync('pdftoppm', ['-r', '110', '-png', file, path.join(artifacts, name)], { encoding: 'utf8' });
  assert.equal(raster.status, 0, raster.stderr);
  return { text: words.stdout.replace(/\s+/g, ' '), file };
}

/** Signs in on the sign-in page; a first sign-in with a temporary password changes it first. */
async function signIn(page: Page, who: Person, temporaryPassword?: string) {
  await page.goto(`${product.baseUrl}/sign-in`);
  const form = tid(page, 'sign-in-form');
  await form.locator('input[type=email], input[name=email]').first().fill(who.email);
  await form.locator('input[type=password]').fill(temporaryPassword ?? who.password);
  await tid(page, 'sign-in-submit').click();
  if (!temporaryPassword) return void (await tid(page, 'user-menu').waitFor());
  await page.waitForURL(/\/account\/password$/);
  await tid(page, 'password-forced').waitFor();
  const pw = tid(page, 'password-form');
  await pw.locator('input[name=currentPassword]').fill(temporaryPassword);
  await pw.locator('input[name=newPassword]').fill(who.password);
  await pw.locator('input[name=repeat]').fill(who.password);
  await tid(page, 'password-submit').click();
  await page.waitForURL((u) => u.pathname === '/');
  await tid(page, 'user-menu').waitFor();
}

/** The order's page on a tab. */
async function openOrder(page: Page, tab?: string) {
  await page.goto(`${product.baseUrl}/orders/${ids.orderId}${tab ? `?tab=${tab}` : ''}`);
  await tid(page, 'order-number').filter({ hasText: NUMBER }).waitFor();
}
const phaseOf = (page: Page) => tid(page, 'order-status-badge').getAttribute('data-phase');

/** Picks a status in "Zmień status", confirms it; waits until the badge shows its phase. */
async function changeStatus(page: Page, name: string, phase: string, expectNotice: boolean) {
  await tid(page, 'order-status-menu').click();
  await page.locator(`[data-testid=order-status-option][data-status-name="${name}"]`).click();
  const modal = tid(page, 'status-modal');
  await modal.waitFor();
  assert.equal(await text(tid(page, 'status-modal-target')), name);
  assert.equal((await modal.getByText('Klient dostanie powiadomienie (SMS).').count()) === 1, expectNotice, `notice line for ${name}`);
  return async () => {
    await tid(page, 'status-submit').click();
    await modal.waitFor({ state: 'detached' });
    await page.locator(`[data-testid=order-status-badge][data-phase=${phase}]`).waitFor();
  };
}

/** The task rows of the signed-in person's inbox (their own and their role's). */
async function inboxTasks(page: Page): Promise<string[]> {
  await page.goto(`${product.baseUrl}/inbox`);
  await page.locator('[data-testid=task-row], [data-testid=tasks-empty]').first().waitFor();
  return tid(page, 'task-text').allInnerTexts();
}
const taskRow = (page: Page, textOfTask: string) => page.locator('[data-testid=task-row]', { has: page.getByTestId('task-text').getByText(textOfTask, { exact: true }) });

// ── 1. the owner: first run, sending settings, catalogue, team ────────────────────────────────────

test('first run; sending set up in the UI: SMTP to the test server (no TLS), SMS through the test gateway (webhook)', async () => {
  await owner.goto(product.baseUrl);
  await owner.waitForURL(/\/setup$/);
  const form = tid(owner, 'setup-form');
  await form.locator('input[name=name]').fill('Laptopy Łódź sp. z o.o.');
  await form.locator('input[name=nip]').fill('5261040828');
  await form.locator('input[name=street]').fill('ul. Piotrkowska 120');
  await form.locator('input[name=postalCode]').fill('90-006');
  await form.locator('input[name=city]').fill('Łódź');
  await form.locator('input[name=bankAccount]').fill('61 1090 1014 0000 0712 1981 2874');
  await form.locator('input[name=adminName]').fill(OWNER.name);
  await form.locator('input[name=adminEmail]').fill(OWNER.email);
  await form.locator('input[name=adminPassword]').fill(OWNER.password);
  await form.locator('input[name=adminPasswordRepeat]').fill(OWNER.password);
  await tid(owner, 'setup-submit').click();
  await tid(owner, 'guide-progress').waitFor();

  await owner.goto(`${product.baseUrl}/settings/messaging`);
  await tid(owner, 'messaging-settings-form').waitFor();
  await tid(owner, 'field-smtpHost').fill('127.0.0.1');
  await tid(owner, 'field-smtpPort').fill(String(smtp.port));
  await choose(owner, 'field-smtpSecurity', 'Brak (tylko sieć wewnętrzna)');
  await tid(owner, 'field-fromAddress').fill('serwis@laptopy-lodz.pl');
  await tid(owner, 'field-fromName').fill('Laptopy Łódź — serwis');
  await choose(owner, 'field-smsProvider', 'Własna bramka (webhook)');
  await tid(owner, 'field-smsSender').fill('LaptopyLDZ');
  await tid(owner, 'field-webhookUrl').fill(`${gateway.url}/sms`);
  const saved = owner.waitForResponse((r) => r.url().endsWith('/api/v1/messaging/settings') && r.request().method() !== 'GET');
  await tid(owner, 'messaging-settings-submit').click();
  assert.equal((await saved).status(), 200);
  await until('both channels configured', async () => (await tid(owner, 'configured-badge').allTextContents()).every((b) => b === 'Skonfigurowano'));
  assert.equal(await tid(owner, 'configured-badge').count(), 2);
  await snap(owner, 'o01-messaging-settings');
});

test('catalogue and team through the API: a laptop type, "Robocizna" per started 15 min, 5 SSDs in stock, the path, a technician and a front desk', async () => {
  await api(owner, 'POST', '/api/v1/asset-types', { name: TYPE, meterUnit: null, fields: [] });
  await api(owner, 'POST', '/api/v1/services', {
    code: 'ROB-H',
    name: SERVICE,
    unit: 'hour',
    defaultPriceMinor: 120_00,
    vatRateCode: '23',
    billingIncrementMinutes: 15,
  });
  const part = await api<{ id: string }>(owner, 'POST', '/api/v1/parts', { code: 'SSD-512', name: PART, unit: 'pcs', purchasePriceMinor: 180_00, salePriceMinor: 289_00, vatRateCode: '23' });
  ids.partId = part.id;
  const locations = await api<{ items: { id: string; name: string }[] }>(owner, 'GET', '/api/v1/stock/locations');
  ids.locationId = locations.items.find((l) => l.name === 'Magazyn główny')!.id;
  const received = await api<{ levels: { locationId: string; onHand: string }[] }>(owner, 'POST', '/api/v1/stock/movements', {
    partId: ids.partId,
    kind: 'receipt',
    quantity: '5',
    locationId: ids.locationId,
    unitCostMinor: 180_00,
    reason: 'Dostawa FV 12/2026',
  });
  assert.equal(Number(received.levels.find((l) => l.locationId === ids.locationId)!.onHand), 5);
  await api(owner, 'POST', '/api/v1/service-paths', {
    name: PATH_NAME,
    steps: [
      { name: 'Diagnoza', role: 'technician', plannedMinutes: 30 },
      { name: 'Naprawa', role: 'technician', plannedMinutes: 60 },
      { name: 'Wydanie', role: 'front_desk', plannedMinutes: 0 },
    ],
  });

  const techUser = await api<{ temporaryPassword: string }>(owner, 'POST', '/api/v1/users', { email: TECH.email, name: TECH.name, role: 'technician' });
  const deskUser = await api<{ temporaryPassword: string }>(owner, 'POST', '/api/v1/users', { email: DESK.email, name: DESK.name, role: 'front_desk' });
  [tech, desk] = await Promise.all([newPerson('technician'), newPerson('front desk')]);
  // a first sign-in asks for a new password before anything else
  await signIn(tech, TECH, techUser.temporaryPassword);
  await signIn(desk, DESK, deskUser.temporaryPassword);
  const who = await api<{ user: { name: string; role: string; mustChangePassword: boolean } }>(tech, 'GET', '/api/v1/auth/session');
  assert.deepEqual([who.user.name, who.user.role, who.user.mustChangePassword], [TECH.name, 'technician', false]);
});

// ── 2. intake at the front desk ───────────────────────────────────────────────────────────────────

test('intake: a new private customer, a new laptop, SMS notifications, the path — SO/<year>/000001 with its tracking link', async () => {
  const page = desk;
  await page.goto(`${product.baseUrl}/orders/new`);
  await tid(page, 'intake-form').waitFor();
  await tid(page, 'intake-customer-mode').getByText('Nowy klient', { exact: true }).click();
  await tid(page, 'intake-new-customer').waitFor();
  assert.equal(await tid(page, 'intake-customer-kind').locator('input[value=individual]').isChecked(), true, 'a private person by default');
  await tid(page, 'intake-customer-name').fill(CUSTOMER);
  await tid(page, 'intake-customer-phone').fill(CUSTOMER_PHONE);
  await tid(page, 'intake-customer-email').fill(CUSTOMER_EMAIL);
  await tid(page, 'intake-customer-city').fill('Łódź');
  await tid(page, 'intake-new-asset').waitFor();
  await choose(page, 'intake-asset-type', TYPE);
  await tid(page, 'intake-asset-name').fill(ASSET);
  await tid(page, 'intake-asset-serial').fill(SERIAL);
  await tid(page, 'intake-asset-manufacturer').fill('Dell');
  await tid(page, 'intake-problem').fill(PROBLEM);
  await tid(page, 'intake-accessories').fill(ACCESSORIES);
  await tid(page, 'intake-condition').fill(CONDITION);
  // the channel follows the customer's email until chosen: this customer wants SMS
  assert.equal(await tid(page, 'intake-notify-to').inputValue(), CUSTOMER_EMAIL);
  await tid(page, 'intake-notify-channel').getByText('SMS', { exact: true }).click();
  await until('the phone as the SMS address', async () => (await tid(page, 'intake-notify-to').inputValue()) === CUSTOMER_PHONE);
  await choose(page, 'intake-path', PATH_NAME);
  await snap(page, 'o02-intake-form');

  const created = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/service-orders' && r.request().method() === 'POST');
  await tid(page, 'intake-submit').click();
  const res = await created;
  assert.equal(res.status(), 201, await res.text());
  const order = (await res.json()) as { id: string; number: string; customerId: string; assetId: string; notifyChannel: string; notifyTo: string; phase: string };
  Object.assign(ids, { orderId: order.id, customerId: order.customerId, assetId: order.assetId });
  assert.equal(order.number, NUMBER);
  assert.deepEqual([order.notifyChannel, order.notifyTo, order.phase], ['sms', CUSTOMER_PHONE, 'new']);
  await page.waitForURL(new RegExp(`/orders/${order.id}$`));
  await tid(page, 'order-number').filter({ hasText: NUMBER }).waitFor();
  const banner = tid(page, 'tracking-banner');
  await banner.waitFor();
  assert.match(await banner.innerText(), new RegExp(`Zlecenie ${NUMBER} przyjęte`));
  trackingUrl = await text(tid(page, 'tracking-url'));
  assert.match(trackingUrl, new RegExp(`^${product.baseUrl}/t/[A-Za-z0-9_-]{20,}$`));
  assert.equal(await phaseOf(page), 'new');
  // the badge shows the phase until the status list has loaded, then the company's status name
  await tid(page, 'order-status-badge').filter({ hasText: /^Przyjęte$/ }).waitFor();
  assert.equal(await text(tid(page, 'order-problem')), PROBLEM);
  assert.match(await text(tid(page, 'order-notify')), new RegExp(`SMS: ${CUSTOMER_PHONE}`));
  await snap(page, 'o03-order-created-banner');

  // "Przyjęte" notifies by email only (migration 0011): an SMS order gets no message at intake
  const messages = await api<{ items: unknown[] }>(owner, 'GET', `/api/v1/messages?relatedType=service_order&relatedId=${ids.orderId}`);
  assert.deepEqual(messages.items, [], 'nothing queued for the customer at intake');
});

test('intake receipt PDF: the order, the customer, the serial, the problem and the accessories; its QR is the tracking link', async () => {
  const page = desk;
  const href = await tid(page, 'print-intake').getAttribute('data-href');
  assert.equal(href, `/api/v1/service-orders/${ids.orderId}/intake-receipt?lang=pl`);
  const { text: receipt, file } = await readPdf(page, href!, 'o-intake-receipt');
  for (const expected of [NUMBER, CUSTOMER, SERIAL, PROBLEM, ACCESSORIES, ASSET]) assert.ok(receipt.includes(expected), `${expected} in the receipt: ${receipt}`);

  const png = path.join(artifacts, 'o-intake-receipt-qr');
  const raster = spawnSync('pdftoppm', ['-r', '300', '-png', '-f', '1', '-l', '1', '-singlefile', file, png], { encoding: 'utf8' });
  assert.equal(raster.status, 0, raster.stderr);
  const zbar = spawnSync('zbarimg', ['--quiet', '--raw', `${png}.png`], { encoding: 'utf8' });
  if (zbar.error && (zbar.error as NodeJS.ErrnoException).code === 'ENOENT') {
    console.log('zbarimg is missing (apt-get install zbar-tools): the QR is not decoded');
  } else {
    assert.equal(zbar.status, 0, `zbarimg found no code: ${zbar.stderr}`);
    assert.deepEqual(zbar.stdout.trim().split('\n'), [trackingUrl], 'one QR code: the tracking link of the banner');
  }
  fs.rmSync(`${png}.png`);
});

// ── 3. the technician's work ──────────────────────────────────────────────────────────────────────

test('steps: the path is on the order; the technician finishes Diagnoza and Naprawa lands in their inbox', async () => {
  const page = tech;
  const before = await inboxTasks(page);
  assert.deepEqual(before, [`Krok „Diagnoza” — zlecenie ${NUMBER}`], 'the first step is the technicians\' task');
  await openOrder(page, 'steps');
  const rows = tid(page, 'step-row');
  await rows.nth(2).waitFor();
  const steps = await page.locator('[data-step-name]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-step-name'), e.getAttribute('data-step-status')]));
  assert.deepEqual(steps, [
    ['Diagnoza', 'todo'],
    ['Naprawa', 'todo'],
    ['Wydanie', 'todo'],
  ]);
  assert.deepEqual(await tid(page, 'step-owner').allInnerTexts(), ['Serwisant', 'Serwisant', 'Przyjmowanie zgłoszeń']);

  const diagnoza = page.locator('[data-step-name=Diagnoza]');
  await diagnoza.getByTestId('step-start').click();
  await page.locator('[data-step-name=Diagnoza][data-step-status=in_progress]').waitFor();
  // the order follows: diagnosis (no message on that status)
  const confirm = await changeStatus(page, 'Diagnoza', 'diagnosis', false);
  await confirm();
  await diagnoza.getByTestId('step-done').click();
  await page.locator('[data-step-name=Diagnoza][data-step-status=done]').waitFor();
  assert.match(await diagnoza.innerText(), new RegExp(`Wykonał\\(a\\) ${TECH.name}`));
  await snap(page, 'o04-steps-diagnoza-done');

  const after = await inboxTasks(page);
  assert.deepEqual(after, [`Krok „Naprawa” — zlecenie ${NUMBER}`]);
  // started right there in the inbox
  const row = taskRow(page, `Krok „Naprawa” — zlecenie ${NUMBER}`);
  await row.getByTestId('task-start').click();
  await row.getByTestId('task-finish').waitFor();
  await snap(page, 'o05-technician-inbox-naprawa');
});

test('labour and parts: 37 minutes of "Robocizna" are billed as 45; one SSD is issued and the stock drops from 5 to 4', async () => {
  const page = tech;
  await openOrder(page, 'labour');
  await tid(page, 'time-empty').waitFor();
  await tid(page, 'time-add').click();
  await tid(page, 'time-modal').waitFor();
  await tid(page, 'time-duration').fill('37');
  // the only hourly service is chosen by itself; the running step too
  await until('Robocizna chosen', async () => /Robocizna/.test(await tid(page, 'time-service').inputValue()));
  assert.match(await tid(page, 'time-step').inputValue(), /Naprawa/);
  await tid(page, 'time-note').fill('Czyszczenie płyty po zalaniu, wymiana dysku');
  await tid(page, 'time-submit').click();
  await tid(page, 'time-modal').waitFor({ state: 'detached' });
  const row = tid(page, 'time-row');
  await row.waitFor();
  const cells = await row.locator('td').allInnerTexts();
  assert.equal(cells[1], TECH.name);
  assert.equal(cells[2], 'Naprawa');
  assert.match(cells[3]!, /^Robocizna/);
  assert.deepEqual(cells.slice(4, 7).map((c) => c.replace(/[\s\u00a0\u202f]+/g, ' ')), ['37 min', '45 min', '90,00 zł']);
  await snap(page, 'o06-labour-37-billed-45');

  await tid(page, 'tab-parts').click();
  await tid(page, 'parts-empty').waitFor();
  await tid(page, 'part-add').click();
  await tid(page, 'part-modal').waitFor();
  await tid(page, 'part-picker').fill('ssd');
  await page.getByRole('option', { name: new RegExp(PART) }).click();
  await tid(page, 'part-location').click();
  const location = page.getByRole('option', { name: /^Magazyn główny/ });
  await until('on hand shown for the location', async () => /5 szt/.test(await location.innerText()));
  await location.click();
  await tid(page, 'part-quantity').fill('1');
  await tid(page, 'part-submit').click();
  await tid(page, 'part-modal').waitFor({ state: 'detached' });
  await tid(page, 'part-row').waitFor();
  const part = (await tid(page, 'part-row').innerText()).replace(/[\s\u00a0\u202f]+/g, ' ');
  assert.match(part, new RegExp(`${PART} SSD-512 Magazyn główny 1 szt\\. 289,00 zł 23% 289,00 zł`));
  await snap(page, 'o07-part-issued');

  const stock = await api<{ levels: { locationId: string; onHand: string }[] }>(tech, 'GET', `/api/v1/parts/${ids.partId}/stock`);
  assert.equal(Number(stock.levels.find((l) => l.locationId === ids.locationId)!.onHand), 4, 'one SSD went out of the main store');
  const moves = await api<{ items: { kind: string; quantity: string; referenceType: string | null; actorLabel: string }[] }>(tech, 'GET', `/api/v1/stock/movements?partId=${ids.partId}`);
  const issue = moves.items.find((m) => m.kind === 'issue');
  assert.ok(issue, JSON.stringify(moves.items));
  assert.match(issue.actorLabel, new RegExp(TECH.name));
});

// ── 4. the estimate, emailed and accepted through its link ────────────────────────────────────────

test('estimate: built from the work, sent — the test SMTP server gets it with the /e/ link; the customer accepts; the order is "W naprawie"', async () => {
  const page = desk;
  await openOrder(page, 'estimates');
  await tid(page, 'estimates-empty').waitFor();
  await tid(page, 'estimate-create').click();
  await tid(page, 'estimate-create-modal').waitFor();
  await choose(page, 'estimate-labour-service', new RegExp(SERVICE));
  await tid(page, 'estimate-note').fill('Wymiana dysku SSD i czyszczenie płyty głównej po zalaniu.');
  await tid(page, 'estimate-create-submit').click();
  await tid(page, 'estimate-create-modal').waitFor({ state: 'detached' });
  const card = tid(page, 'estimate-card');
  await card.waitFor();
  assert.equal(await card.getAttribute('data-status'), 'draft');
  // the steps' planned time at the hourly price (Wydanie has none), then the part
  const lines = (await card.getByTestId('estimate-lines').locator('tbody tr').allInnerTexts()).map((l) => l.replace(/[\s\u00a0\u202f]+/g, ' ').trim());
  assert.equal(lines.length, 3, lines.join('\n'));
  assert.match(lines[0]!, /^Diagnoza · robocizna 0,5 godz\. 120,00 zł 23% 60,00 zł$/);
  assert.match(lines[1]!, /^Naprawa · robocizna 1 godz\. 120,00 zł 23% 120,00 zł$/);
  assert.match(lines[2]!, new RegExp(`^${PART} · część 1 szt\\. 289,00 zł 23% 289,00 zł$`));
  assert.match(await card.innerText(), money('576,87'));

  await card.getByTestId('estimate-send').click();
  await tid(page, 'estimate-send-modal').waitFor();
  await tid(page, 'estimate-send-submit').click();
  const shown = tid(page, 'estimate-send-modal').getByTestId('tracking-url');
  await shown.waitFor();
  const acceptUrl = await text(shown);
  assert.match(acceptUrl, new RegExp(`^${product.baseUrl}/e/[A-Za-z0-9_-]{20,}$`));
  await snap(page, 'o08-estimate-sent');

  // the message-send job (polled every ~2 s) delivers it to the SMTP server
  await until('the estimate email at the SMTP server', () => smtp.received.length >= 1, 30_000);
  assert.equal(smtp.received.length, 1, 'one email: the estimate');
  const mail = smtp.received[0]!;
  assert.deepEqual(
    mail.to && !Array.isArray(mail.to) ? mail.to.value.map((a) => a.address) : [],
    [CUSTOMER_EMAIL],
    'to the customer\'s email (the order notifies by SMS, so the customer\'s address)',
  );
  assert.equal(mail.subject, `Kosztorys naprawy — zlecenie ${NUMBER}`);
  assert.equal(mail.from?.value[0]?.address, 'serwis@laptopy-lodz.pl');
  assert.ok(mail.text?.includes(acceptUrl), `the link in the text: ${mail.text}`);
  assert.match(mail.text ?? '', money('576,87'));
  assert.ok(typeof mail.html === 'string' && mail.html.includes(acceptUrl), 'and in the HTML part');
  assert.equal(gateway.requests.length, 0, 'no SMS so far');

  // the PDF of the sent estimate: no "draft" mark any more, valid until the day the link runs out
  await tid(page, 'estimate-send-modal').locator('button', { hasText: 'Zamknij' }).click();
  await tid(page, 'estimate-send-modal').waitFor({ state: 'detached' });
  await page.locator('[data-testid=estimate-card][data-status=sent]').waitFor();
  const pdfHref = await card.getByTestId('estimate-pdf').getAttribute('data-href');
  const estimatePdf = await readPdf(page, pdfHref!, 'o-estimate');
  for (const expected of [NUMBER, CUSTOMER, SERIAL, 'Diagnoza', 'Naprawa', PART, '469,00', '107,87', '576,87']) assert.ok(estimatePdf.text.includes(expected), `${expected} in the estimate: ${estimatePdf.text}`);
  assert.ok(!estimatePdf.text.includes('PROJEKT'), 'a sent estimate is no draft');

  // the customer opens the link at home: no session
  const customer = await newPerson('customer');
  await customer.goto(acceptUrl);
  await tid(customer, 'estimate-card').waitFor();
  assert.match(await text(tid(customer, 'order-number')), new RegExp(NUMBER));
  assert.match(await text(tid(customer, 'estimate-gross')), money('576,87'));
  await snap(customer, 'o09-customer-estimate');
  await tid(customer, 'estimate-accept').click();
  await tid(customer, 'decision-modal').waitFor();
  await tid(customer, 'decision-confirm').click();
  await tid(customer, 'estimate-thanks').waitFor();
  await snap(customer, 'o10-customer-accepted');
  await customer.context().close();

  await page.reload();
  await tid(page, 'estimate-card').and(page.locator('[data-status=accepted]')).waitFor();
  await page.locator('[data-testid=order-status-badge][data-phase=in_repair]').waitFor();
  assert.equal(await text(tid(page, 'order-status-badge')), 'W naprawie');
  await snap(page, 'o11-order-in-repair');
});

// ── 5. to the manufacturer and back ───────────────────────────────────────────────────────────────

test('RMA: sent to Dell Polska — the order is at an external service and so is the laptop; back repaired — in repair again', async () => {
  const page = desk;
  await openOrder(page, 'rma');
  await tid(page, 'rma-empty').waitFor();
  await tid(page, 'rma-send').click();
  await tid(page, 'rma-send-modal').waitFor();
  const expected = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  await tid(page, 'rma-vendor').fill(VENDOR);
  await tid(page, 'rma-case').fill(RMA_CASE);
  await tid(page, 'rma-waybill').fill('DPD 0000 1234 5678');
  await tid(page, 'rma-expected').fill(expected);
  await tid(page, 'rma-note').fill('Uszkodzona płyta główna — naprawa gwarancyjna producenta');
  await tid(page, 'rma-send-submit').click();
  await tid(page, 'rma-send-modal').waitFor({ state: 'detached' });
  await page.locator('[data-testid=rma-card][data-open=true]').waitFor();
  assert.match(await tid(page, 'rma-card').innerText(), new RegExp(`${VENDOR} \\(${RMA_CASE}\\)`));
  await page.locator('[data-testid=order-status-badge][data-phase=external_service]').waitFor();
  assert.equal(await text(tid(page, 'order-status-badge')), 'W serwisie zewnętrznym');
  await snap(page, 'o12-rma-sent');

  await page.goto(`${product.baseUrl}/assets/${ids.assetId}`);
  await tid(page, 'asset-title').filter({ hasText: ASSET }).waitFor();
  const custody = tid(page, 'custody-badge');
  assert.equal(await custody.getAttribute('data-custody'), 'external_service');
  assert.equal(await text(custody), 'W serwisie zewnętrznym');

  await openOrder(page, 'rma');
  await tid(page, 'rma-return').click();
  await tid(page, 'rma-return-modal').waitFor();
  await choose(page, 'rma-outcome', 'naprawione');
  assert.equal(await tid(page, 'rma-next-phase').locator('input[value=in_repair]').isChecked(), true);
  await tid(page, 'rma-return-submit').click();
  await tid(page, 'rma-return-modal').waitFor({ state: 'detached' });
  await page.locator('[data-testid=rma-card][data-open=false]').waitFor();
  await page.locator('[data-testid=order-status-badge][data-phase=in_repair]').waitFor();
  assert.match(await tid(page, 'rma-card').innerText(), /naprawione/);
  await snap(page, 'o13-rma-returned');
});

// ── 6. ready: an SMS to the customer, a task for the front desk ───────────────────────────────────

test('ready: Naprawa done, "Gotowe do odbioru" — the gateway gets an SMS to +48… naming the order; the front desk gets the release task', async () => {
  const page = tech;
  await openOrder(page, 'steps');
  const naprawa = page.locator('[data-step-name=Naprawa]');
  await naprawa.getByTestId('step-done').click();
  await page.locator('[data-step-name=Naprawa][data-step-status=done]').waitFor();
  const confirm = await changeStatus(page, 'Gotowe do odbioru', 'ready_for_release', true);
  await snap(page, 'o14-status-ready-modal');
  await confirm();
  assert.equal(await text(tid(page, 'order-status-badge')), 'Gotowe do odbioru');
  assert.equal(await tid(page, 'order-release').count(), 0, 'a technician does not release');

  await until('the SMS at the gateway', () => gateway.requests.length >= 1, 30_000);
  assert.equal(gateway.requests.length, 1);
  const sms = gateway.requests[0]!;
  assert.equal(sms.url, '/sms');
  const body = JSON.parse(sms.body) as { to: string; message: string; sender: string; eventKey: string };
  assert.equal(body.to, CUSTOMER_E164);
  assert.equal(body.sender, 'LaptopyLDZ');
  assert.ok(body.message.includes(NUMBER), body.message);
  assert.match(body.message, /Gotowe do odbioru/);
  assert.ok(body.message.includes(`${product.baseUrl}/t/`), `the tracking link: ${body.message}`);
  assert.equal(sms.headers['idempotency-key'], body.eventKey);
  assert.equal(smtp.received.length, 1, 'no email besides the estimate (the order notifies by SMS)');

  const tasks = await inboxTasks(desk);
  assert.ok(tasks.includes(`Wydanie urządzenia — zlecenie ${NUMBER}`), tasks.join('\n'));
  assert.ok(tasks.includes(`Krok „Wydanie” — zlecenie ${NUMBER}`), tasks.join('\n'));
  await snap(desk, 'o15-front-desk-inbox');
});

// ── 7. release ────────────────────────────────────────────────────────────────────────────────────

test('release from the inbox: the Wydanie step is done, the laptop goes to "Jan Kowalski (dowód osobisty)"; the release receipt adds it up', async () => {
  const page = desk;
  const step = taskRow(page, `Krok „Wydanie” — zlecenie ${NUMBER}`);
  await step.getByTestId('task-start').click();
  await step.getByTestId('task-finish').click();
  await step.waitFor({ state: 'detached' });

  const task = taskRow(page, `Wydanie urządzenia — zlecenie ${NUMBER}`);
  await task.getByTestId('task-release').click();
  const modal = tid(page, 'release-modal');
  await modal.waitFor();
  await tid(page, 'release-to').fill(RELEASED_TO);
  await tid(page, 'release-note').fill('Klient sprawdził działanie przy odbiorze');
  const released = page.waitForResponse((r) => r.url().endsWith(`/api/v1/service-orders/${ids.orderId}/release`));
  await tid(page, 'release-submit').click();
  assert.equal((await released).status(), 200);
  await modal.waitFor({ state: 'detached' });
  await task.waitFor({ state: 'detached' });
  await snap(page, 'o16-inbox-after-release');

  await openOrder(page);
  await page.locator('[data-testid=order-status-badge][data-phase=released]').waitFor();
  assert.equal(await text(tid(page, 'order-status-badge')), 'Wydane');
  assert.equal(await text(tid(page, 'order-released-to')), RELEASED_TO);
  // labour 0.75 h × 120 + SSD 289 = 379,00 net, 87,17 VAT
  assert.match(await text(tid(page, 'order-total-gross')), money('466,17'));
  await tid(page, 'order-closed').waitFor();
  await snap(page, 'o17-order-released');

  const href = await tid(page, 'order-print-release').getAttribute('data-href');
  const { text: receipt } = await readPdf(page, href!, 'o-release-receipt');
  for (const expected of [NUMBER, CUSTOMER, RELEASED_TO, SERIAL, PART, 'Diagnoza', 'Naprawa', DESK.name]) assert.ok(receipt.includes(expected), `${expected} in the release receipt: ${receipt}`);
  for (const amount of ['90,00', '289,00', '379,00', '87,17', '466,17']) assert.ok(receipt.includes(amount), `${amount} in the release receipt: ${receipt}`);
});

// ── 8. the story afterwards ───────────────────────────────────────────────────────────────────────

test('the asset\'s history tells it all, its orders tab and the customer\'s list the order, the delivery log has both messages', async () => {
  const page = owner;
  await page.goto(`${product.baseUrl}/assets/${ids.assetId}?tab=history`);
  await tid(page, 'asset-title').filter({ hasText: ASSET }).waitFor();
  await tid(page, 'asset-event').nth(5).waitFor();
  const events = await tid(page, 'asset-event').evaluateAll((els) =>
    els.map((e) => [e.getAttribute('data-kind'), e.querySelector('[data-testid=asset-event-title]')?.textContent ?? '']),
  );
  // newest first; the release writes two events in one transaction (their order within it may vary)
  const released = [
    ['custody', 'Zmiana statusu: W serwisie → U klienta'],
    ['order_released', `Wydano klientowi: zlecenie ${NUMBER}`],
  ];
  assert.deepEqual([...events.slice(0, 2)].sort(), [...released].sort());
  assert.deepEqual(events.slice(2), [
    ['custody', 'Zmiana statusu: W serwisie zewnętrznym → W serwisie'],
    ['custody', 'Zmiana statusu: W serwisie → W serwisie zewnętrznym'],
    ['custody', 'Zmiana statusu: U klienta → W serwisie'],
    ['created', 'Dodano urządzenie'],
  ]);
  const history = await tid(page, 'asset-events').innerText();
  assert.ok(history.includes(`Powód: ${NUMBER}: ${RELEASED_TO}`), history);
  assert.ok(history.includes(`Odebrał(a): ${RELEASED_TO}`), history);
  assert.equal(await tid(page, 'custody-badge').getAttribute('data-custody'), 'with_customer');
  await snap(page, 'o18-asset-history');

  await tid(page, 'tab-orders').click();
  await tid(page, 'order-row').first().waitFor();
  assert.equal(await tid(page, 'order-row').count(), 1);
  assert.match(await text(tid(page, 'order-row')), new RegExp(`${NUMBER}.*Wydane`));
  await snap(page, 'o19-asset-orders');

  await page.goto(`${product.baseUrl}/customers/${ids.customerId}?tab=orders`);
  await tid(page, 'customer-name').filter({ hasText: CUSTOMER }).waitFor();
  await tid(page, 'order-row').first().waitFor();
  assert.equal(await tid(page, 'order-row').count(), 1);
  assert.match(await text(tid(page, 'order-row')), new RegExp(`${NUMBER}.*${ASSET}`));
  await snap(page, 'o20-customer-orders');

  await page.goto(`${product.baseUrl}/settings/messages?relatedType=service_order&relatedId=${ids.orderId}`);
  await tid(page, 'message-row').nth(1).waitFor();
  assert.equal(await tid(page, 'message-row').count(), 2);
  assert.deepEqual(await page.locator('[data-testid=message-row]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status'))), ['sent', 'sent']);
  const log = await tid(page, 'messages-table').innerText();
  assert.ok(log.includes(CUSTOMER_EMAIL), log);
  assert.ok(log.replace(/[\s\u00a0]/g, '').includes(CUSTOMER_E164), log);
  assert.ok(log.includes(`Kosztorys naprawy — zlecenie ${NUMBER}`), log);
  await snap(page, 'o21-delivery-log');
});

test('the public tracking page: the status timeline ends with "Wydane", no customer name', async () => {
  const visitor = await newPerson('visitor');
  await visitor.goto(trackingUrl);
  await tid(visitor, 'tracking-summary').waitFor();
  assert.match(await text(tid(visitor, 'order-number')), new RegExp(NUMBER));
  assert.equal(await text(tid(visitor, 'asset-name')), ASSET);
  assert.equal(await text(tid(visitor, 'order-status')), 'Wydane');
  const timeline = await tid(visitor, 'timeline').innerText();
  const titles = await tid(visitor, 'timeline').locator('.mantine-Timeline-itemTitle').allInnerTexts();
  assert.equal(titles[0], 'Wydane klientowi', titles.join(' | '));
  assert.equal(titles.at(-1), 'Przyjęte do serwisu', titles.join(' | '));
  for (const step of ['Zmiana statusu: Diagnoza', 'Wysłano kosztorys do akceptacji', 'Kosztorys zaakceptowany', 'Zmiana statusu: W serwisie zewnętrznym', 'Zmiana statusu: Gotowe do odbioru'])
    assert.ok(titles.includes(step), `${step} in: ${titles.join(' | ')}`);
  const whole = await visitor.locator('body').innerText();
  for (const secret of ['Kowalski', CUSTOMER_PHONE, CUSTOMER_EMAIL, RELEASED_TO]) assert.ok(!whole.includes(secret), `${secret} is not shown publicly`);
  assert.ok(timeline.length > 0);
  await snap(visitor, 'o22-public-tracking');
  await visitor.context().close();
});

test('in English: the order page', async () => {
  const page = owner;
  await openOrder(page, 'events');
  await tid(page, 'lang-switch').getByText('EN', { exact: true }).click();
  await tid(page, 'tab-events').filter({ hasText: /History/ }).waitFor();
  await tid(page, 'order-status-badge').filter({ hasText: 'Released' }).waitFor();
  await tid(page, 'order-event').nth(3).waitFor();
  await snap(page, 'o23-order-en');
  await tid(page, 'tab-overview').click();
  await tid(page, 'order-total-gross').waitFor();
  await snap(page, 'o24-order-overview-en');
  assert.deepEqual(pageErrors, [], 'no uncaught errors in any page');
});
