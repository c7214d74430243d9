// The customer-assets journey of a heating service company: an asset type with custom fields → a
// boiler for a customer (a required field refused at the field first) with a warranty card and a
// warranty date → meter readings (a lower one refused at the value) → its QR label, printed and
// decoded, opening the asset's page → the daily due-date job run by hand on a test clock: nothing
// before the reminder day; after a restart a month later on the same data, two runs make exactly
// one task → English. Real server process (restarted with a later CLOCK_START), real embedded
// database, real Chromium; the label PDF is read with pdftotext and its QR decoded with zbarimg.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { artifacts, launchBrowser, shot, startProduct, type Product, until } from './harness.ts';

const CLOCK_BEFORE = '2026-12-01T08:00:00Z'; // a month and a half before the warranty ends
const CLOCK_AFTER = '2027-01-02T05:00:00Z'; // the reminder day (15 Jan − 14 days = 1 Jan) has passed

const ADMIN_EMAIL = 'anna@termoserwis-lodz.pl';
const ADMIN_PASSWORD = 'Żółta-łódź-2026!';
const CUSTOMER = 'Przychodnia Zdrowie Widzew sp. z o.o.';
const SITE = 'Kotłownia budynku B';
const CONTACT = 'Marek Zieliński';
const TYPE = 'Kocioł gazowy';
const ASSET = 'Kocioł Vaillant ecoTEC plus';
const SERIAL = 'VAI-21-0045127';
const DOC = 'Karta gwarancyjna kotła.pdf';
const JOB = 'asset-due-check';

let product: Product;
let dataDir: string;
let browser: Browser;
let page: Page;
let tmp: string;
const pageErrors: string[] = [];
let assetId = '';
const keys: Record<'power' | 'fuel' | 'builtIn', string> = { power: '', fuel: '', builtIn: '' };

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-e2e-assets-'));
  product = await startProduct({ CLOCK_START: CLOCK_BEFORE });
  dataDir = product.dataDir;
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'pl-PL' });
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => pageErrors.push(e.message));
});
after(async () => {
  await browser?.close();
  await product?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true }); // if the restart failed halfway
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const tid = (id: string) => page.getByTestId(id);
/** The validation message Mantine shows under the input with this data-testid. */
const fieldError = (scope: Locator, inputTestId: string) =>
  scope.locator('.mantine-InputWrapper-root', { has: page.getByTestId(inputTestId) }).locator('.mantine-InputWrapper-error');
/** A full-page picture from the top (the form scrolls when a dropdown near its end opens). */
const shotFromTop = async (name: string) => {
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, name);
};
const text = async (l: Locator) => ((await l.textContent()) ?? '').trim();
/** Polish number formatting puts a (narrow) no-break space between thousands. */
const num = (digits: string) => new RegExp(digits.replace(/^(\d+)(\d{3})$/, '$1[\\s\\u00a0\\u202f]?$2'));

/** The JSON API with the browser's session (cookie) and its CSRF token, as the web app calls it. */
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

/** A minimal valid one-page PDF (correct xref offsets). */
function minimalPdf(title: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null, // the content stream
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const content = `BT /F1 18 Tf 72 770 Td (${title}) Tj ET`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    const body = o ?? `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Signs in on the sign-in page (the session ends when the server's clock jumps a month). */
async function signIn() {
  const form = tid('sign-in-form');
  await form.locator('input[type=email], input[name=email]').first().fill(ADMIN_EMAIL);
  await form.locator('input[type=password]').fill(ADMIN_PASSWORD);
  await tid('sign-in-submit').click();
  await tid('user-menu').waitFor();
}

const dueCheckRow = () => page.locator(`[data-testid=job-row][data-job=${JOB}]`);
const completedRuns = () => page.locator('[data-testid=run-row][data-state=completed]');

/** "Run now" on the due-date job, confirmed; waits until the runs table shows it completed. */
async function runDueCheckNow(completedBefore: number): Promise<string> {
  await dueCheckRow().getByTestId('job-run-now').click();
  const modal = tid('confirm-modal');
  await modal.waitFor();
  const queued = page.waitForResponse((r) => r.url().endsWith(`/api/v1/jobs/${JOB}/run`) && r.request().method() === 'POST');
  await modal.getByTestId('confirm-ok').click();
  const res = await queued;
  assert.ok(res.ok(), `run now → ${res.status()}`);
  const { id } = (await res.json()) as { id: string };
  await modal.waitFor({ state: 'detached' });
  // the table refreshes itself (shortly after "Run now", then every 10 s): no reload needed
  await until(`run ${id} completed in the runs table`, async () => (await completedRuns().count()) === completedBefore + 1);
  // the newest run is this one: its details show its id
  const newest = tid('run-row').first();
  assert.equal(await newest.getAttribute('data-state'), 'completed');
  await newest.getByTestId('run-toggle').click();
  await tid('run-details').filter({ hasText: id }).waitFor();
  await newest.getByTestId('run-toggle').click();
  await tid('run-details').waitFor({ state: 'detached' });
  return id;
}

/** The tasks page with everyone's tasks (the warranty task goes to the front desk, not the admin). */
async function openAllTasks() {
  await tid('nav-tasks').click();
  await tid('tasks-scope').waitFor();
  const loaded = page.waitForResponse((r) => r.url().includes('/api/v1/tasks?') && r.url().includes('scope=all') && r.ok());
  await tid('tasks-scope').getByText('Wszystkich', { exact: true }).click();
  await loaded;
  await page.waitForFunction(() => new URL(location.href).searchParams.get('scope') === 'all');
}

test('first run on a test clock (1 Dec 2026): the company, its administrator and a customer with a site and a contact', async () => {
  await page.goto(product.baseUrl);
  await page.waitForURL(/\/setup$/);
  const form = tid('setup-form');
  await form.locator('input[name=name]').fill('TermoSerwis Łódź sp. z o.o.');
  await form.locator('input[name=nip]').fill('5261040828');
  await form.locator('input[name=street]').fill('ul. Kilińskiego 140');
  await form.locator('input[name=postalCode]').fill('90-012');
  await form.locator('input[name=city]').fill('Łódź');
  await form.locator('input[name=bankAccount]').fill('61 1090 1014 0000 0712 1981 2874');
  await form.locator('input[name=adminName]').fill('Anna Właścicielka');
  await form.locator('input[name=adminEmail]').fill(ADMIN_EMAIL);
  await form.locator('input[name=adminPassword]').fill(ADMIN_PASSWORD);
  await form.locator('input[name=adminPasswordRepeat]').fill(ADMIN_PASSWORD);
  await tid('setup-submit').click();
  await tid('guide-progress').waitFor();

  // the journey starts at the asset type: the customer comes through the API, with the browser's session
  const created = await api<{ customer: { id: string } }>('POST', '/api/v1/customers', {
    kind: 'company',
    name: CUSTOMER,
    nip: '774-000-14-54',
    phone: '42 674 12 00',
    street: 'ul. Szpitalna 7',
    postalCode: '92-207',
    city: 'Łódź',
  });
  const customerId = created.customer.id;
  await api('POST', `/api/v1/customers/${customerId}/sites`, { name: SITE, street: 'ul. Szpitalna 7B', postalCode: '92-207', city: 'Łódź' });
  await api('POST', `/api/v1/customers/${customerId}/contacts`, { name: CONTACT, role: 'Administrator budynku', email: 'marek.zielinski@zdrowie-widzew.pl', phone: '601 222 333' });
  await page.goto(`${product.baseUrl}/customers/${customerId}`);
  await tid('customer-name').filter({ hasText: CUSTOMER }).waitFor();
  await shot(page, 'a01-customer');
});

test('asset type "Kocioł gazowy": meter in mth, a required number in kW, a choice and a yes/no', async () => {
  await tid('nav-asset-types').click();
  await page.waitForURL(/\/settings\/asset-types$/);
  await tid('asset-types-empty').waitFor();
  await tid('asset-type-new').click();
  await tid('asset-type-form').waitFor();
  await tid('asset-type-name').fill(TYPE);
  await tid('asset-type-meter-unit').fill('mth');

  const row = (i: number) => tid('field-row').nth(i);
  await row(0).getByTestId('field-label').fill('Moc');
  await row(0).getByTestId('field-kind').selectOption('number');
  await row(0).getByTestId('field-unit').fill('kW');
  await row(0).getByTestId('field-required').check();

  await tid('field-add').click();
  await row(1).getByTestId('field-label').fill('Paliwo');
  await row(1).getByTestId('field-kind').selectOption('choice');
  const options = row(1).getByTestId('field-options');
  for (const o of ['Gaz ziemny', 'Propan']) {
    await options.fill(o);
    await options.press('Enter');
  }

  await tid('field-add').click();
  await row(2).getByTestId('field-label').fill('Zabudowany');
  await row(2).getByTestId('field-kind').selectOption('boolean');
  assert.equal(await tid('field-row').count(), 3);
  await shot(page, 'a02-asset-type-editor');

  const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/asset-types') && r.request().method() === 'POST');
  await tid('asset-type-submit').click();
  const res = await saved;
  assert.equal(res.status(), 201, await res.text());
  const type = (await res.json()) as { fields: { key: string; label: string; kind: string; unit: string; required: boolean; options: string[] }[] };
  assert.deepEqual(
    type.fields.map((f) => [f.label, f.kind, f.unit, f.required, f.options]),
    [
      ['Moc', 'number', 'kW', true, []],
      ['Paliwo', 'choice', '', false, ['Gaz ziemny', 'Propan']],
      ['Zabudowany', 'boolean', '', false, []],
    ],
  );
  [keys.power, keys.fuel, keys.builtIn] = type.fields.map((f) => f.key) as [string, string, string];
  await page.waitForURL(/\/settings\/asset-types\/[0-9a-f-]{36}$/);

  await tid('nav-asset-types').click();
  await tid('asset-type-row').first().waitFor();
  assert.equal(await tid('asset-type-row').count(), 1);
  const listed = await tid('asset-type-row').innerText();
  assert.match(listed, new RegExp(`${TYPE}\\s+mth`));
  for (const badge of ['Moc *', 'Paliwo', 'Zabudowany']) assert.ok(listed.includes(badge), `${badge} in: ${listed}`);
  await shot(page, 'a03-asset-types-list');
});

test('a new boiler: Moc left empty is refused at that field (nothing sent); completed, it is saved with its custom values', async () => {
  const posts: string[] = [];
  const onRequest = (r: { url(): string; method(): string }) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/assets') posts.push(r.url());
  };
  page.on('request', onRequest);

  await tid('nav-assets').click();
  await tid('asset-new').first().click();
  await page.waitForURL(/\/assets\/new$/);
  const form = tid('asset-form');
  await tid('asset-customer').click();
  await page.getByRole('option').filter({ hasText: CUSTOMER }).click();
  await tid('asset-type').click();
  await page.getByRole('option', { name: TYPE, exact: true }).click();
  await tid('asset-custom-fields').waitFor();
  await tid('asset-name').fill(ASSET);
  await tid('asset-serial').fill(SERIAL);
  await tid('asset-submit').click();

  const powerError = fieldError(form, `custom-${keys.power}`);
  await powerError.waitFor();
  assert.equal(await text(powerError), 'To pole jest wymagane.');
  assert.equal(await tid(`custom-${keys.power}`).getAttribute('aria-invalid'), 'true');
  assert.equal(await form.locator('.mantine-InputWrapper-error').count(), 1, 'only Moc is in error');
  await shotFromTop('a04-asset-required-moc');
  assert.equal(new URL(page.url()).pathname, '/assets/new');
  assert.deepEqual(posts, [], 'nothing was sent to the server');

  await tid(`custom-${keys.power}`).fill('24,5');
  await tid(`custom-${keys.fuel}`).click();
  await page.getByRole('option', { name: 'Propan', exact: true }).click();
  await tid(`custom-${keys.builtIn}`).check(); // the switch's input lies over its label
  assert.ok(await tid(`custom-${keys.builtIn}`).isChecked());
  await tid('asset-site').click();
  await page.getByRole('option').filter({ hasText: SITE }).click();
  await tid('asset-position').fill('Piwnica, pom. -1.04');
  await tid('asset-contact').click();
  await page.getByRole('option').filter({ hasText: CONTACT }).click();
  assert.equal(await powerError.count(), 0, 'the error goes once Moc has a value');
  await shotFromTop('a05-asset-form-filled');

  const created = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/assets' && r.request().method() === 'POST');
  await tid('asset-submit').click();
  const res = await created;
  assert.equal(res.status(), 201, await res.text());
  page.off('request', onRequest);
  assert.equal(posts.length, 1);
  assetId = ((await res.json()) as { id: string }).id;
  await page.waitForURL(new RegExp(`/assets/${assetId}$`));
  await tid('asset-title').filter({ hasText: ASSET }).waitFor();
  await tid(`custom-value-${keys.power}`).waitFor();
  assert.match(await text(tid(`custom-value-${keys.power}`)), /24,5\s*kW$/);
  assert.match(await text(tid(`custom-value-${keys.fuel}`)), /Propan$/);
  assert.match(await text(tid(`custom-value-${keys.builtIn}`)), /Tak$/);
  assert.match(await text(tid('detail-serial')), new RegExp(`${SERIAL}$`));
  const details = await tid('asset-details').innerText();
  assert.ok(details.includes(SITE), details);
  assert.ok(details.includes(CONTACT), details);
  await shot(page, 'a06-asset-detail');
});

test('documents: the warranty card (PDF) is uploaded, listed and downloads as application/pdf', async () => {
  const file = path.join(tmp, DOC);
  fs.writeFileSync(file, minimalPdf('Karta gwarancyjna - Vaillant ecoTEC plus'));
  await tid('tab-documents').click();
  await tid('documents-empty').waitFor();
  await tid('document-form').locator('input[type=file]').setInputFiles(file);
  await tid('document-description').fill('Gwarancja producenta do 15.01.2027');
  const uploaded = page.waitForResponse((r) => r.url().includes(`/api/v1/assets/${assetId}/documents`) && r.request().method() === 'POST');
  await tid('document-upload').click();
  assert.equal((await uploaded).status(), 201);
  const row = page.locator(`[data-testid=document-row][data-file-name="${DOC}"]`);
  await row.waitFor();
  assert.equal(await tid('document-row').count(), 1);
  assert.match(await row.innerText(), /Anna Właścicielka/);
  await shot(page, 'a07-documents');

  const href = await row.getByTestId('document-download').getAttribute('href');
  assert.ok(href, 'the row has a download link');
  const download = await page.request.get(new URL(href, product.baseUrl).href);
  assert.equal(download.status(), 200);
  assert.match(download.headers()['content-type'] ?? '', /^application\/pdf/);
  assert.deepEqual(await download.body(), fs.readFileSync(file), 'the same bytes come back');
});

test('service dates: a warranty due 15 Jan 2027, reminded 14 days before', async () => {
  await tid('tab-service-dates').click();
  await tid('service-dates-empty').waitFor();
  await tid('service-date-add').click();
  const modal = tid('service-date-modal');
  await modal.waitFor();
  await tid('service-date-kind').selectOption({ label: 'Gwarancja' });
  await tid('service-date-due-on').fill('2027-01-15');
  await tid('service-date-reminder').fill('14');
  await tid('service-date-note').fill('Koniec gwarancji producenta');
  const added = page.waitForResponse((r) => r.url().includes(`/api/v1/assets/${assetId}/service-dates`) && r.request().method() === 'POST');
  await tid('service-date-submit').click();
  assert.equal((await added).status(), 201);
  await modal.waitFor({ state: 'detached' });
  const row = page.locator('[data-testid=service-date-row][data-kind=warranty]');
  await row.waitFor();
  assert.equal(await tid('service-date-row').count(), 1);
  assert.equal(await row.getAttribute('data-status'), 'open');
  assert.match(await text(row.getByTestId('service-date-due')), /15 sty 2027/);
  assert.match(await row.innerText(), /Gwarancja[\s\S]*1 sty 2027/, 'the reminder day is 1 Jan 2027');
  await shot(page, 'a08-service-dates');
});

test('meter readings: 1200 is recorded, a lower 1100 is refused at the value (naming 1200), 1350 is recorded', async () => {
  await tid('tab-readings').click();
  await tid('readings-empty').waitFor();
  assert.equal(await text(tid('meter-current')), 'brak odczytów');
  await tid('reading-date').fill('2026-12-01');
  await tid('reading-value').fill('1200');
  await tid('reading-submit').click();
  await tid('reading-row').first().waitFor();
  await tid('meter-current').filter({ hasText: num('1200') }).waitFor();
  assert.match(await tid('reading-row').first().innerText(), num('1200'));

  const form = tid('reading-form');
  await tid('reading-value').fill('1100');
  const refused = page.waitForResponse((r) => r.url().includes(`/api/v1/assets/${assetId}/readings`) && r.request().method() === 'POST');
  await tid('reading-submit').click();
  assert.equal((await refused).status(), 422);
  const valueError = fieldError(form, 'reading-value');
  await valueError.waitFor();
  const refusal = await text(valueError);
  assert.match(refusal, /niższy niż ostatni odczyt/);
  assert.match(refusal, num('1200'));
  assert.equal(await tid('reading-value').getAttribute('aria-invalid'), 'true');
  assert.equal(await tid('reading-row').count(), 1, 'nothing was added');
  await shot(page, 'a09-reading-lower-refused');

  await tid('reading-value').fill('1350');
  await tid('reading-submit').click();
  await tid('reading-row').nth(1).waitFor();
  assert.equal(await tid('reading-row').count(), 2);
  assert.match(await tid('reading-row').first().innerText(), num('1350'));
  await tid('meter-current').filter({ hasText: num('1350') }).waitFor();
  assert.match(await text(tid('meter-current')), /^1[\s\u00a0\u202f]?350 mth$/);
  assert.equal(await valueError.count(), 0);
  await shot(page, 'a10-readings');
});

test('QR label: the PDF names the asset and its serial; its QR opens the asset page', async () => {
  const href = await tid('asset-print-label').getAttribute('href');
  assert.equal(href, `/api/v1/assets/${assetId}/label?lang=pl`);
  // the button opens the label in a new tab, which loads the PDF
  const opened = page.context().waitForEvent('response', (r) => r.url() === new URL(href, product.baseUrl).href);
  const [popup] = await Promise.all([page.waitForEvent('popup'), tid('asset-print-label').click()]);
  const shown = await opened;
  assert.equal(shown.status(), 200);
  assert.match(shown.headers()['content-type'] ?? '', /^application\/pdf/);
  await popup.close();
  const res = await page.request.get(new URL(href, product.baseUrl).href);
  assert.equal(res.status(), 200);
  assert.match(res.headers()['content-type'] ?? '', /^application\/pdf/);
  const pdf = path.join(artifacts, 'asset-label.pdf');
  fs.mkdirSync(artifacts, { recursive: true });
  fs.writeFileSync(pdf, await res.body());

  const words = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  assert.equal(words.status, 0, words.stderr);
  const label = words.stdout.replace(/\s+/g, ' '); // a long name wraps on the label
  assert.ok(label.includes(ASSET), label);
  assert.ok(label.includes(SERIAL), label);

  const png = path.join(artifacts, 'asset-label');
  const raster = spawnSync('pdftoppm', ['-r', '300', '-png', '-singlefile', pdf, png], { encoding: 'utf8' });
  assert.equal(raster.status, 0, raster.stderr);
  const expected = `${product.baseUrl}/assets/${assetId}`;
  let target = expected;
  const zbar = spawnSync('zbarimg', ['--quiet', '--raw', `${png}.png`], { encoding: 'utf8' });
  if (zbar.error && (zbar.error as NodeJS.ErrnoException).code === 'ENOENT') {
    console.log('zbarimg is missing (apt-get install zbar-tools): the QR is not decoded, its target URL is assumed');
  } else {
    assert.equal(zbar.status, 0, `zbarimg found no code: ${zbar.stderr}`);
    const codes = zbar.stdout.trim().split('\n');
    assert.deepEqual(codes, [expected], 'one QR code, pointing at the asset page');
    target = codes[0]!;
  }

  await page.goto(target);
  await tid('asset-title').filter({ hasText: ASSET }).waitFor();
  assert.equal(new URL(page.url()).pathname, `/assets/${assetId}`);
  await shot(page, 'a11-asset-from-qr');
});

test('due-date job on 1 Dec 2026: "Run now" completes and makes no task (the reminder day is 1 Jan 2027)', async () => {
  await tid('nav-jobs').click();
  await dueCheckRow().waitFor();
  await tid('runs-filter-job').selectOption(JOB);
  await page.waitForFunction((job) => new URL(location.href).searchParams.get('queue') === job, JOB);
  assert.equal(await completedRuns().count(), 0);
  await runDueCheckNow(0);
  await shot(page, 'a12-jobs-run-before-reminder');

  await openAllTasks();
  await tid('tasks-empty').waitFor();
  await shot(page, 'a13-tasks-none-yet');
  const tasks = await api<{ items: unknown[] }>('GET', '/api/v1/tasks?scope=all&status=all');
  assert.equal(tasks.items.length, 0);
});

test('restart on the same data on 2 Jan 2027: two runs of the job make exactly one warranty task', async () => {
  await product.stop({ keepData: true });
  product = await startProduct({ CLOCK_START: CLOCK_AFTER }, { dataDir });
  assert.equal(product.dataDir, dataDir);

  await page.goto(`${product.baseUrl}/settings/jobs`);
  // a month has passed on the server's clock: the session has ended
  await page.waitForURL(/\/sign-in/);
  await signIn();
  await page.goto(`${product.baseUrl}/settings/jobs?queue=${JOB}`);
  await dueCheckRow().waitFor();
  await completedRuns().first().waitFor();
  assert.equal(await completedRuns().count(), 1, 'the run from before the restart is kept');

  const first = await runDueCheckNow(1);
  const second = await runDueCheckNow(2);
  assert.notEqual(first, second);
  await dueCheckRow().locator('[data-testid=job-state][data-state=completed]').waitFor();
  assert.match(await text(dueCheckRow().getByTestId('job-state')), /^Wykonane$/, 'the last run is shown as done');
  await shot(page, 'a14-jobs-two-runs-after-restart');

  await openAllTasks();
  await tid('task-row').first().waitFor();
  assert.equal(await tid('task-row').count(), 1, 'one task however often the job runs');
  const task = tid('task-row').first();
  assert.equal(await task.getAttribute('data-kind'), 'service_date_due');
  assert.equal(await text(task.getByTestId('task-text')), `Gwarancja — ${ASSET} (${CUSTOMER}) — termin 15 sty 2027`);
  assert.match(await task.innerText(), /Przyjmowanie zgłoszeń/, 'assigned to the front desk');
  await shot(page, 'a15-tasks-one-warranty-task');

  const tasks = await api<{ items: { kind: string; subjectId: string; assigneeRole: string | null; dueOn: string | null; status: string; params: Record<string, unknown> }[] }>(
    'GET',
    '/api/v1/tasks?scope=all&status=all',
  );
  assert.equal(tasks.items.length, 1);
  const [t] = tasks.items;
  assert.equal(t!.kind, 'service_date_due');
  assert.equal(t!.subjectId, assetId);
  assert.equal(t!.assigneeRole, 'front_desk');
  assert.equal(t!.dueOn, '2027-01-15');
  assert.equal(t!.status, 'open');
  assert.equal(t!.params.assetName, ASSET);
  assert.equal(t!.params.kindCode, 'warranty');

  await task.getByTestId('task-text').click();
  await page.waitForURL(new RegExp(`/assets/${assetId}\\?tab=service-dates$`));
  await tid('asset-title').filter({ hasText: ASSET }).waitFor();
  await tid('tab-history').click();
  await tid('asset-event').first().waitFor();
  const due = page.locator('[data-testid=asset-event][data-kind=service_date_due]');
  assert.equal(await due.count(), 1, 'one "due" event');
  assert.equal(await text(due.getByTestId('asset-event-title')), 'Zbliża się termin: Gwarancja na 15 sty 2027');
  const kinds = await tid('asset-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
  assert.equal(kinds[0], 'service_date_due', `newest first: ${kinds}`);
  await shot(page, 'a16-asset-history-due');
});

test('in English: the asset page with its labels translated', async () => {
  await tid('lang-switch').getByText('EN', { exact: true }).click();
  await tid('tab-history').filter({ hasText: 'History' }).waitFor();
  await page.locator('[data-testid=asset-event][data-kind=service_date_due]').getByText('Warranty', { exact: false }).waitFor();
  await shot(page, 'a17-asset-history-en');
  await tid('tab-details').click();
  await tid('asset-print-label').filter({ hasText: 'Print label' }).waitFor();
  await tid('asset-details').filter({ hasText: 'Serial number' }).waitFor();
  assert.match(await text(tid(`custom-value-${keys.power}`)), /24\.5\s*kW$/);
  await shot(page, 'a18-asset-detail-en');
  assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
});
