// The catalogue journey of a repair shop, through the UI alone: first run → the "repair shop" profile
// (the guide grows parts and stock steps) → parts imported from an XLSX file with one bad VAT rate
// (refused in the preview) and then the fixed file → a stock receipt and an issue of more than is on
// hand (refused at the quantity field) → a service billed per started 15 minutes → a price list with
// a 10% discount and its price check → a service path of three steps reordered from the keyboard →
// the guide with the catalogue steps done → English. Real server process, real embedded database,
// real Chromium; the spreadsheets are written by exceljs.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, shot, startProduct, type Product } from './harness.ts';

let product: Product;
let browser: Browser;
let page: Page;
let tmp: string;
const pageErrors: string[] = [];

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-e2e-xlsx-'));
  product = await startProduct();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'pl-PL' });
  page.on('pageerror', (e) => pageErrors.push(e.message));
});
after(async () => {
  await browser?.close();
  await product?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const tid = (id: string) => page.getByTestId(id);
/** The validation message Mantine shows under the input with this data-testid. */
const fieldError = (scope: Locator, inputTestId: string) =>
  scope.locator('.mantine-InputWrapper-root', { has: page.getByTestId(inputTestId) }).locator('.mantine-InputWrapper-error');
const text = async (l: Locator) => ((await l.textContent()) ?? '').trim();
/** Step names of the service path, top to bottom, as the page shows them. */
const stepOrder = () => tid('step-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-step-name')));
const guideStep = (key: string) => tid(`guide-step-${key}`);

async function writeXlsx(name: string, rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Części');
  for (const r of rows) ws.addRow(r);
  const file = path.join(tmp, name);
  await wb.xlsx.writeFile(file);
  return file;
}

const HEADER = ['Kod', 'Nazwa', 'Jednostka', 'Cena zakupu netto', 'Cena sprzedaży netto', 'Stawka VAT', 'Stan minimalny'];
const partRows = (batteryVat: string) => [
  HEADER,
  ['EKR-IP13', 'Wyświetlacz iPhone 13', 'szt.', 289.5, 449.99, '23%', 2],
  ['BAT-S21', 'Bateria Samsung Galaxy S21', 'szt.', 79, 149, batteryVat, 3],
  ['ZLACZE-C', 'Złącze ładowania USB-C', 'szt.', 12.3, 39.9, '23', 5],
];
const STEPS = ['Przyjęcie sprzętu', 'Diagnoza', 'Naprawa i test'];

test('first run: the company and its administrator; the guide has no parts or stock steps yet', async () => {
  await page.goto(product.baseUrl);
  await page.waitForURL(/\/setup$/);
  const form = tid('setup-form');
  await form.locator('input[name=name]').fill('Serwis GSM Bałuty sp. z o.o.');
  await form.locator('input[name=nip]').fill('526-025-09-95');
  await form.locator('input[name=street]').fill('ul. Limanowskiego 12');
  await form.locator('input[name=postalCode]').fill('91-001');
  await form.locator('input[name=city]').fill('Łódź');
  await form.locator('input[name=bankAccount]').fill('61 1090 1014 0000 0712 1981 2874');
  await form.locator('input[name=adminName]').fill('Anna Właścicielka');
  await form.locator('input[name=adminEmail]').fill('anna@serwis-gsm.pl');
  await form.locator('input[name=adminPassword]').fill('Żółta-łódź-2026!');
  await form.locator('input[name=adminPasswordRepeat]').fill('Żółta-łódź-2026!');
  await tid('setup-submit').click();
  await tid('guide-progress').waitFor();
  assert.equal(await guideStep('company').getAttribute('data-done'), 'true');
  assert.equal(await guideStep('profile').getAttribute('data-done'), 'false');
  assert.equal(await guideStep('parts').count(), 0, 'no parts step before a profile is chosen');
  assert.equal(await guideStep('stock').count(), 0, 'no stock step before a profile is chosen');
  assert.equal(await guideStep('services').getAttribute('data-done'), 'false');
  await shot(page, 'c01-guide-before-profile');
});

test('company settings: the "repair shop" profile adds the parts and stock steps to the guide (not resources)', async () => {
  await tid('guide-action-profile').click();
  await page.waitForURL(/\/settings\/company#profiles$/);
  assert.ok(await tid('profiles-submit').isDisabled(), 'nothing to save before a choice');
  await tid('profile-repair_shop').click();
  assert.equal(await tid('profile-repair_shop').getAttribute('data-checked'), 'true');
  assert.equal(await tid('profile-field_service').getAttribute('data-checked'), 'false');
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/company/profiles') && r.request().method() === 'PUT');
  await tid('profiles-submit').click();
  assert.equal((await saved).status(), 200);
  await page.getByText('Profil firmy został zapisany').waitFor();
  await shot(page, 'c02-company-profile-repair-shop');

  await tid('nav-guide').click();
  await guideStep('parts').waitFor();
  await guideStep('stock').waitFor();
  assert.equal(await guideStep('profile').getAttribute('data-done'), 'true');
  assert.equal(await guideStep('parts').getAttribute('data-done'), 'false');
  assert.equal(await guideStep('stock').getAttribute('data-done'), 'false');
  assert.equal(await guideStep('resources').count(), 0, 'the field-service step stays hidden for a repair shop');
  assert.equal(await guideStep('products').count(), 0, 'the products step belongs to other profiles');
  // company, profile, users, parts, stock, services, price lists, service paths, customers
  assert.equal(await text(tid('guide-progress')), 'Ukończono 2 z 9');
  // the app keeps the window scrolled where the company page (#profiles) left it; start the picture at the top
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'c03-guide-repair-shop');
});

test('parts import: a row with an unknown VAT rate is shown in the preview and commit stays disabled', async () => {
  const bad = await writeXlsx('czesci.xlsx', partRows('17'));
  await tid('guide-action-parts').click();
  await tid('parts-empty').waitFor();
  await tid('parts-import').first().click();
  await page.waitForURL(/\/catalogue\/parts\/import$/);
  await page.locator('input[type=file]').setInputFiles(bad);
  await tid('import-upload').click();
  await tid('import-mapping').waitFor();
  assert.equal(await tid('import-mapping-source').getAttribute('data-source'), 'guessed');
  await shot(page, 'c04-import-mapping');
  await tid('import-check').click();
  await tid('import-preview').waitFor();
  assert.equal(await text(tid('import-total')), '3');
  assert.equal(await text(tid('import-valid')), '2');
  assert.equal(await text(tid('import-invalid')), '1');
  const invalid = page.locator('[data-testid=import-row][data-invalid=true]');
  assert.equal(await invalid.count(), 1);
  assert.match(await invalid.innerText(), /BAT-S21/);
  const error = invalid.getByTestId('import-row-error');
  assert.equal(await error.count(), 1);
  assert.equal(await error.getAttribute('data-code'), 'catalog.vat_rate_unknown');
  assert.match(await error.innerText(), /VAT/);
  assert.ok(await tid('import-commit').isDisabled(), 'commit is disabled while a row has errors');
  await tid('import-fix-first').waitFor();
  await shot(page, 'c05-import-preview-vat-error');
});

test('parts import: the fixed file imports all three parts and the list shows them', async () => {
  const fixed = await writeXlsx('czesci-poprawione.xlsx', partRows('23'));
  await tid('import-new-file').click();
  await tid('import-fix-hint').waitFor();
  await page.locator('input[type=file]').setInputFiles(fixed);
  await tid('import-upload').click();
  await tid('import-mapping').waitFor();
  await tid('import-check').click();
  await tid('import-all-valid').waitFor();
  assert.equal(await text(tid('import-valid')), '3');
  assert.equal(await text(tid('import-invalid')), '0');
  assert.ok(await tid('import-commit').isEnabled());
  await tid('import-commit').click();
  await tid('import-result').waitFor();
  assert.equal(await tid('import-created').getAttribute('data-created'), '3');
  await shot(page, 'c06-import-done');

  await tid('import-done-back').click();
  await tid('parts-table').waitFor();
  const codes = await tid('part-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')).sort());
  assert.deepEqual(codes, ['BAT-S21', 'EKR-IP13', 'ZLACZE-C']);
  const battery = page.locator('[data-testid=part-row][data-code=BAT-S21]');
  assert.match(await battery.innerText(), /Bateria Samsung Galaxy S21/);
  assert.match(await battery.innerText(), /149,00\s*zł/);
  assert.match(await page.locator('[data-testid=part-row][data-code=EKR-IP13]').innerText(), /449,99\s*zł/);
  assert.match(await text(battery.getByTestId('part-on-hand')), /^0\s*szt\.$/);
  await shot(page, 'c07-parts-list');
});

test('stock: a receipt of 10 puts 10 on hand; issuing more than that is refused at the quantity field', async () => {
  await page.locator('[data-testid=part-row][data-code=BAT-S21] a').click();
  await tid('part-title').waitFor();
  assert.equal(await text(tid('part-title')), 'Bateria Samsung Galaxy S21');
  assert.match(await text(tid('part-on-hand-badge')), /^Na stanie: 0\s*szt\.$/);

  await tid('part-stock-move').click();
  const modal = tid('stock-movement-modal');
  await modal.waitFor();
  assert.equal(await tid('movement-unit-cost').inputValue(), '79,00', 'the purchase price is the default unit cost');
  await tid('movement-quantity').fill('10');
  const received = page.waitForResponse((r) => r.url().endsWith('/api/v1/stock/movements') && r.request().method() === 'POST');
  await tid('movement-submit').click();
  assert.equal((await received).status(), 201);
  await modal.waitFor({ state: 'detached' });
  // the part and its stock levels are two queries, both refreshed after the movement
  await tid('part-on-hand-badge').filter({ hasText: /Na stanie: 10\s*szt\./ }).waitFor();
  await tid('stock-total').filter({ hasText: /10/ }).waitFor();
  assert.match(await text(tid('part-on-hand-badge')), /^Na stanie: 10\s*szt\.$/);
  assert.match(await text(tid('stock-total')), /^10\s*szt\.$/);
  assert.equal(await tid('stock-level').count(), 1);
  assert.match(await text(tid('stock-level-qty')), /^10\s*szt\.$/);
  await shot(page, 'c08-part-received-10');

  await tid('part-stock-move').click();
  await modal.waitFor();
  await tid('movement-kind').getByText('Wydanie', { exact: true }).click();
  await tid('movement-quantity').fill('12');
  const refused = page.waitForResponse((r) => r.url().endsWith('/api/v1/stock/movements') && r.request().method() === 'POST');
  await tid('movement-submit').click();
  assert.equal((await refused).status(), 409);
  const qtyError = fieldError(modal, 'movement-quantity');
  await qtyError.waitFor();
  assert.match(await text(qtyError), /^Za mało na stanie — dostępne: 10\s*szt\.$/);
  assert.equal(await tid('movement-quantity').getAttribute('aria-invalid'), 'true');
  await shot(page, 'c09-issue-refused-at-quantity');
  await page.keyboard.press('Escape');
  await modal.waitFor({ state: 'detached' });
  assert.match(await text(tid('part-on-hand-badge')), /^Na stanie: 10\s*szt\.$/, 'the refused issue changed nothing');

  await tid('tab-movements').click();
  await tid('stock-ledger-row').first().waitFor();
  assert.equal(await tid('stock-ledger-row').count(), 1, 'one movement: the receipt');
});

test('services: RBH, per hour, 150,00 zł, billed per started 15 minutes', async () => {
  await tid('nav-services').click();
  await tid('services-empty').waitFor();
  await tid('service-new').first().click();
  await tid('service-code').fill('RBH');
  await tid('service-name').fill('Roboczogodzina serwisanta');
  assert.equal(await tid('service-unit').inputValue(), 'godzina', 'per hour is the default unit');
  await tid('service-price').fill('150,00');
  await tid('service-increment').fill('15');
  await shot(page, 'c10-service-form');
  await tid('service-submit').click();
  await tid('service-title').waitFor();
  assert.equal(await text(tid('service-title')), 'Roboczogodzina serwisanta');
  assert.match(await text(tid('detail-price')), /^150,00\s*zł \/ godz\.$/);
  assert.equal(await text(tid('detail-increment')), 'każde rozpoczęte 15 minut');
  await shot(page, 'c11-service-detail');

  await tid('nav-services').click();
  await tid('service-row').first().waitFor();
  assert.equal(await tid('service-row').count(), 1);
  assert.equal(await tid('service-row').getAttribute('data-code'), 'RBH');
  assert.match(await tid('service-row').innerText(), /każde rozpoczęte 15 minut/);
  assert.match(await text(tid('service-price-cell')), /150,00\s*zł/);
});

test('price lists: a list with a default −10% prices the service at 135,00 zł and the battery at 134,10 zł', async () => {
  await tid('nav-price-lists').click();
  await tid('price-lists-empty').waitFor();
  await tid('price-list-new').first().click();
  await tid('price-list-name').fill('Stali klienci — rabat 10%');
  await tid('price-list-default-percent').fill('-10');
  await tid('price-list-submit').click();
  await tid('price-list-title').waitFor();
  assert.equal(await text(tid('price-list-title')), 'Stali klienci — rabat 10%');
  assert.equal(await text(tid('detail-default-percent')), '−10%');

  const check = tid('price-check');
  await check.getByText('Usługa', { exact: true }).click();
  await tid('price-check-item').click();
  await page.getByRole('option', { name: /RBH/ }).click();
  await tid('price-check-net').filter({ hasText: /135,00/ }).waitFor();
  assert.match(await text(tid('price-check-net')), /^135,00\s*zł$/);
  assert.match(await text(tid('price-check-gross')), /^166,05\s*zł$/, '135,00 + 23% VAT');
  assert.equal(await tid('price-check-source').getAttribute('data-source'), 'list_percent');
  await shot(page, 'c12-price-check-service');

  await check.getByText('Część', { exact: true }).click();
  await tid('price-check-item').click();
  await page.getByRole('option', { name: /BAT-S21/ }).click();
  await tid('price-check-net').filter({ hasText: /134,10/ }).waitFor();
  assert.match(await text(tid('price-check-net')), /^134,10\s*zł$/, '149,00 − 10%');
  assert.equal(await tid('price-check-source').getAttribute('data-source'), 'list_percent');
  await shot(page, 'c13-price-check-part');
});

test('service paths: three steps, the last moved up once with Alt+↑, the order kept after a reload', async () => {
  await tid('nav-service-paths').click();
  await tid('service-paths-empty').waitFor();
  await tid('service-path-new').first().click();
  await tid('service-path-name').fill('Naprawa gwarancyjna telefonu');
  await tid('service-path-submit').click();
  await tid('service-path-title').waitFor();
  await tid('steps-empty').waitFor();
  const roles = ['Przyjmowanie zgłoszeń', 'Serwisant', 'Serwisant'];
  const minutes = [15, 30, 90];
  for (let i = 0; i < STEPS.length; i++) {
    await tid('step-add').click();
    const modal = tid('step-modal');
    await modal.waitFor();
    await tid('step-name').fill(STEPS[i]!);
    await tid('step-role').click();
    await page.getByRole('option', { name: roles[i]!, exact: true }).click();
    await tid('step-planned').fill(String(minutes[i]));
    await tid('step-submit').click();
    await modal.waitFor({ state: 'detached' });
    await page.locator(`[data-testid=step-row][data-step-name="${STEPS[i]}"]`).waitFor();
  }
  assert.deepEqual(await stepOrder(), STEPS);
  assert.equal(await text(tid('service-path-summary')), '3 kroki · planowany czas: 2 h 15 min');
  await shot(page, 'c14-path-three-steps');

  const last = page.locator(`[data-testid=step-row][data-step-name="${STEPS[2]}"]`);
  await last.focus();
  const saved = page.waitForResponse((r) => r.url().endsWith('/steps/order') && r.request().method() === 'PUT');
  await page.keyboard.press('Alt+ArrowUp');
  assert.equal((await saved).status(), 200);
  const moved = [STEPS[0], STEPS[2], STEPS[1]];
  assert.deepEqual(await stepOrder(), moved);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-step-name')), STEPS[2], 'the focus stays on the moved step');
  assert.equal(await text(tid('steps-announcement')), `„${STEPS[2]}” — pozycja 2 z 3.`);
  assert.deepEqual(await tid('step-position').allTextContents(), ['1', '2', '3']);

  await page.reload();
  await tid('step-row').first().waitFor();
  assert.deepEqual(await stepOrder(), moved, 'the new order is saved');
  await shot(page, 'c15-path-reordered');

  await tid('nav-service-paths').click();
  await tid('service-path-row').filter({ hasText: 'Naprawa gwarancyjna telefonu' }).waitFor();
  assert.equal(await tid('service-path-row').count(), 1);
  assert.match(await tid('service-path-row').innerText(), /Naprawa gwarancyjna telefonu\s+3\s+2 h 15 min/);
});

test('the guide shows parts, stock, services, price lists and service paths done', async () => {
  await tid('nav-guide').click();
  // the guide may first show its cached answer while it asks the server again
  await tid('guide-progress').filter({ hasText: 'Ukończono 7 z 9' }).waitFor();
  for (const key of ['company', 'profile', 'parts', 'stock', 'services', 'price_lists', 'service_paths']) {
    assert.equal(await guideStep(key).getAttribute('data-done'), 'true', key);
  }
  assert.equal(await guideStep('users').getAttribute('data-done'), 'false');
  assert.equal(await guideStep('customers').getAttribute('data-done'), 'false');
  assert.equal(await guideStep('resources').count(), 0);
  assert.equal(await text(tid('guide-progress')), 'Ukończono 7 z 9');
  await shot(page, 'c16-guide-catalogue-done-pl');
});

test('in English: the guide and the service path', async () => {
  await tid('lang-switch').getByText('EN', { exact: true }).click();
  await tid('guide-progress').filter({ hasText: '7 of 9 done' }).waitFor();
  assert.equal(await guideStep('service_paths').getAttribute('data-done'), 'true');
  await shot(page, 'c17-guide-en');

  await tid('nav-service-paths').click();
  await tid('service-path-row').first().locator('a').click();
  await tid('tab-steps').filter({ hasText: 'Steps' }).waitFor();
  await tid('steps-reorder-hint').filter({ hasText: 'Drag a step' }).waitFor();
  assert.deepEqual(await stepOrder(), [STEPS[0], STEPS[2], STEPS[1]]);
  assert.equal(await text(tid('service-path-summary')), '3 steps · planned time: 2 h 15 min');
  await shot(page, 'c18-service-path-en');
  assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
});
