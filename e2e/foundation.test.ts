// The foundation journey, as a new company lives it: first run → sign in → a customer with a wrong
// NIP (error at the field) → fix → search with and without Polish letters → edit → audit timeline →
// English. Real server process, real embedded database, real Chromium.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, shot, startProduct, type Product } from './harness.ts';

let product: Product;
let browser: Browser;
let page: Page;

before(async () => {
  product = await startProduct();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'pl-PL' });
});
after(async () => {
  await browser?.close();
  await product?.stop();
});

const ADMIN_EMAIL = 'wlasciciel@serwis-lodz.pl';
const ADMIN_PASSWORD = 'Żółta-łódź-2026!';

test('first run: the empty product asks for the company and the first administrator, then signs them in', async () => {
  await page.goto(product.baseUrl);
  await page.waitForURL(/\/setup$/);
  const form = page.getByTestId('setup-form');
  await form.locator('input[name=name]').fill('Serwis Łódź sp. z o.o.');
  await form.locator('input[name=nip]').fill('1234567890'); // wrong checksum first
  await form.locator('input[name=street]').fill('ul. Piotrkowska 100');
  await form.locator('input[name=postalCode]').fill('90-004');
  await form.locator('input[name=city]').fill('Łódź');
  await form.locator('input[name=bankAccount]').fill('61 1090 1014 0000 0712 1981 2874');
  await form.locator('input[name=adminName]').fill('Anna Właścicielka');
  await form.locator('input[name=adminEmail]').fill(ADMIN_EMAIL);
  await form.locator('input[name=adminPassword]').fill(ADMIN_PASSWORD);
  await form.locator('input[name=adminPasswordRepeat]').fill(ADMIN_PASSWORD);
  await page.getByTestId('setup-submit').click();
  const nipError = form.locator('.mantine-InputWrapper-root', { has: page.locator('input[name=nip]') }).locator('.mantine-InputWrapper-error');
  await nipError.waitFor();
  assert.match(await nipError.innerText(), /NIP/);
  await shot(page, '01-setup-wrong-nip');

  await form.locator('input[name=nip]').fill('526-025-09-95');
  await page.getByTestId('setup-submit').click();
  await page.getByTestId('guide-progress').waitFor();
  assert.equal(new URL(page.url()).pathname, '/');
  await shot(page, '02-setup-guide');
  assert.equal(await page.getByTestId('guide-step-company').getAttribute('data-done'), 'true');
  assert.equal(await page.getByTestId('guide-step-customers').getAttribute('data-done'), 'false');
});

test('sign out and sign in again with the same password', async () => {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('menu-sign-out').click();
  await page.waitForURL(/\/sign-in/);
  const form = page.getByTestId('sign-in-form');
  await form.locator('input[type=email], input[name=email]').first().fill(ADMIN_EMAIL);
  await form.locator('input[type=password]').fill('wrong-password-123');
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('form-error').waitFor();
  await form.locator('input[type=password]').fill(ADMIN_PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('guide-progress').waitFor();
});

test('a customer with a wrong NIP is refused at the NIP field; fixed, it is saved', async () => {
  await page.getByTestId('nav-customers').click();
  await page.getByTestId('customers-empty').waitFor();
  await page.getByTestId('customer-new').click();
  const form = page.getByTestId('customer-form');
  await form.locator('input[name=name]').fill('Zakład Usług Elektrycznych „Iskra” Bałuty');
  await form.locator('input[name=nip]').fill('1234567890');
  await form.locator('input[name=phone]').fill('42 633 44 55');
  await form.locator('input[name=city]').fill('Łódź');
  await form.locator('input[name=postalCode]').fill('91-001');
  await page.getByTestId('customer-submit').click();
  const nipError = form.locator('.mantine-InputWrapper-root', { has: page.locator('input[name=nip]') }).locator('.mantine-InputWrapper-error');
  await nipError.waitFor();
  await shot(page, '03-customer-wrong-nip');
  assert.equal(new URL(page.url()).pathname, '/customers/new');

  await form.locator('input[name=nip]').fill('774-000-14-54');
  await page.getByTestId('customer-submit').click();
  await page.getByTestId('customer-name').waitFor();
  assert.match(await page.getByTestId('customer-name').innerText(), /Iskra/);
  await shot(page, '04-customer-detail');
});

test('the list finds the customer by a fragment with and without Polish letters, and by phone', async () => {
  await page.getByTestId('nav-customers').click();
  for (const q of ['Bałuty', 'baluty', 'ELEKTRYCZNYCH', '633-44-55']) {
    await page.getByTestId('customer-search').fill(q);
    await page.waitForFunction((query) => new URL(location.href).searchParams.get('q') === query, q);
    await page.getByTestId('customer-row').first().waitFor();
    const rows = await page.getByTestId('customer-row').allInnerTexts();
    assert.equal(rows.length, 1, `${q}: ${rows}`);
    assert.match(rows[0]!, /Iskra/);
  }
  await page.getByTestId('customer-search').fill('nie ma takiego klienta');
  await page.getByTestId('customers-empty').waitFor();
  await page.getByTestId('customer-search').fill('lodz');
  await page.getByTestId('customer-row').first().waitFor();
  await shot(page, '05-customer-search-lodz');
});

test('an edit is saved and shows in the audit timeline with before and after', async () => {
  await page.getByTestId('customer-row').first().click();
  await page.getByTestId('customer-edit').click();
  const form = page.getByTestId('customer-form');
  await form.locator('input[name=phone]').fill('+48 42 700 80 90');
  await page.getByTestId('customer-submit').click();
  await page.getByTestId('customer-name').waitFor();
  await page.getByTestId('tab-history').click();
  const timeline = page.getByTestId('audit-timeline');
  await timeline.getByTestId('audit-entry').nth(1).waitFor();
  const entries = await timeline.getByTestId('audit-entry').all();
  assert.equal(await entries[0]!.getAttribute('data-action'), 'updated');
  assert.equal(await entries[1]!.getAttribute('data-action'), 'created');
  const changes = await entries[0]!.getByTestId('audit-changes').innerText();
  assert.match(changes, /42 633 44 55/);
  assert.match(changes, /\+48 42 700 80 90/);
  assert.match(await entries[0]!.innerText(), /Anna Właścicielka/);
  await shot(page, '06-audit-timeline-pl');
});

test('switching to English translates the screen, and the choice stays after a reload', async () => {
  await page.getByTestId('lang-switch').getByText('EN', { exact: true }).click();
  await page.getByTestId('tab-history').filter({ hasText: /History/ }).waitFor();
  await shot(page, '07-audit-timeline-en');
  await page.reload();
  await page.getByTestId('tab-history').filter({ hasText: /History/ }).waitFor();
  await page.getByTestId('nav-customers').click();
  await page.getByTestId('customer-new').filter({ hasText: /customer/i }).waitFor();
  await shot(page, '08-customers-en');
});
