// The outbox end to end on the test database (PGlite or PostgreSQL) with the real job runtime, a
// local SMTP server and a local HTTP SMS gateway: queued in the caller's transaction, sent by the
// job, once per event key, retried while the provider fails in a way that may pass, failed for good
// otherwise, retried by hand; settings with write-only secrets; service-date reminders emailed.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import type { Ctx } from '../../deps.ts';
import { startJobs, type Jobs } from '../../jobs/runtime.ts';
import { auditLog } from '../../kernel/audit/audit.table.ts';
import { customerInput, makeUser, setUpInstallation } from '../../test/fixtures.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import { addContact, createCustomer } from '../customers/customers.usecases.ts';
import { pendingReminders } from '../tasks/tasks.table.ts';
import { messages } from './messaging.table.ts';
import type { SettingsInput } from './messaging.schemas.ts';
import { queueMessage, type QueueMessageInput } from './outbox.ts';
import { deliverMessage, SENDING_STALE_MS } from './delivery.ts';
import { getMessage, listMessages, retryMessage, sendTestMessage } from './messages.usecases.ts';
import { getSettings, updateSettings } from './settings.usecases.ts';
import { dispatchReminders, queueStranded } from './dispatch.job.ts';
import { makeSendJob } from './send.job.ts';
import { startTestGateway, startTestSmtp, until } from './messaging.test-servers.ts';

let deps: TestDeps;
let admin: Ctx;
let manager: Ctx;
let jobs: Jobs;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
let gateway: Awaited<ReturnType<typeof startTestGateway>>;
let customerId: string;

const baseSettings = (): SettingsInput => ({
  smtpHost: '127.0.0.1',
  smtpPort: smtp.port,
  smtpSecurity: 'none',
  smtpUser: '',
  smtpPassword: undefined,
  fromAddress: 'biuro@serwis-lodz.pl',
  fromName: 'Serwis Łódź',
  replyTo: '',
  smsProvider: 'smsapi',
  smsSender: 'SerwisLodz',
  smsapiToken: 'tok-test',
  smsapiBaseUrl: gateway.url,
  webhookUrl: '',
  webhookSecretHeader: 'X-Webhook-Secret',
  webhookSecret: undefined,
  smsTransliterate: false,
});

const message = async (id: string) => (await deps.database.db.select().from(messages).where(eq(messages.id, id)))[0]!;
const queue = (input: Partial<QueueMessageInput> & { eventKey: string }) =>
  deps.database.db.transaction((tx) =>
    queueMessage(tx, deps, admin, { channel: 'sms', to: '600 100 200', body: 'Zlecenie gotowe do odbioru.', lang: 'pl', related: { type: 'service_order', id: customerId }, ...input }),
  );
const smsapiOk = (id: string) => ({ status: 200, body: { count: 1, list: [{ id, points: 0.16, status: 'QUEUE' }] } });

before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
  admin = await makeUser(deps, 'administrator', 'admin2@serwis.pl');
  manager = await makeUser(deps, 'manager');
  customerId = (await createCustomer(deps, manager, customerInput({ kind: 'individual', name: 'Zofia Wójcik', nip: null }))).customer.id;
  smtp = await startTestSmtp();
  gateway = await startTestGateway();
  // the real send job with short retry delays (1 s, doubling) and 3 retries
  jobs = await startJobs(deps, [makeSendJob({ retryLimit: 3, retryDelaySeconds: 1 })], { pollingIntervalSeconds: 0.5, connectionString: deps.url });
  deps.jobs = jobs;
});
after(async () => {
  await jobs.stop();
  await smtp.close();
  await gateway.close();
  await deps.close();
});
beforeEach(() => {
  gateway.requests.length = 0;
  gateway.answer(smsapiOk('1'));
});

test('nothing is configured before the settings are saved', async () => {
  const s = await getSettings(deps, manager);
  assert.equal(s.emailConfigured, false);
  assert.equal(s.smsConfigured, false);
  assert.equal(s.updatedAt, null);
});

test('settings: a channel switched on without what it needs is refused, field by field', async () => {
  await assert.rejects(updateSettings(deps, admin, { ...baseSettings(), smsapiToken: undefined, smtpUser: 'serwis', smsSender: 'Serwis Łódź' }), (e: any) => {
    assert.equal(e.code, 'validation.failed');
    assert.deepEqual(e.fields.map((f: any) => [f.path, f.code]).sort(), [
      ['smsSender', 'messaging.sender_invalid'],
      ['smsapiToken', 'messaging.token_required'],
      ['smtpPassword', 'messaging.password_required'],
    ]);
    return true;
  });
  await assert.rejects(updateSettings(deps, manager, baseSettings()), (e: any) => e.code === 'auth.forbidden');
});

test('settings: secrets are stored, never returned, kept when omitted, removed with null; the audit says only that they changed', async () => {
  const saved = await updateSettings(deps, admin, { ...baseSettings(), smtpUser: 'serwis', smtpPassword: 'Hasło-SMTP-1' });
  assert.equal(saved.smtpPasswordSet, true);
  assert.equal(saved.smsapiTokenSet, true);
  assert.equal(saved.emailConfigured, true);
  assert.equal(saved.smsConfigured, true);
  assert.ok(!JSON.stringify(saved).includes('Hasło-SMTP-1') && !JSON.stringify(saved).includes('tok-test'));
  const kept = await updateSettings(deps, admin, { ...baseSettings(), smtpUser: 'serwis', smsapiToken: undefined, fromName: 'Serwis Łódź sp. z o.o.' });
  assert.equal(kept.smtpPasswordSet, true);
  assert.equal(kept.smsapiTokenSet, true);
  const removed = await updateSettings(deps, admin, { ...baseSettings(), smtpPassword: null });
  assert.equal(removed.smtpPasswordSet, false);
  const audit = await deps.database.db.select().from(auditLog).where(eq(auditLog.entity, 'messaging_settings'));
  assert.equal(audit.length, 3);
  const text = JSON.stringify(audit);
  assert.ok(!text.includes('Hasło-SMTP-1') && !text.includes('tok-test'), 'no secret in the audit trail');
  assert.deepEqual(audit[0]!.changes.smtpPasswordChanged, { before: null, after: true });
  assert.equal((await getSettings(deps, manager)).fromName, 'Serwis Łódź');
});

test('an SMS queued in a committed transaction is sent once by the job through SMSAPI; the same event key queues nothing more', async () => {
  const m = await queue({ eventKey: 'service-order:1:status:ready:sms', body: 'Zlecenie SO/2027/000001 gotowe. Zażółć' });
  assert.ok(m);
  assert.equal(m.to, '+48600100200');
  assert.deepEqual(m.sms, { encoding: 'UCS-2', segments: 1, characters: 38 });
  assert.equal(await queue({ eventKey: 'service-order:1:status:ready:sms' }), null);
  await until(async () => (await message(m.id)).status === 'sent', 'the SMS to be sent');
  const row = await message(m.id);
  assert.equal(row.providerMessageId, '1');
  assert.equal(row.attempts, 1);
  assert.ok(row.sentAt);
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(gateway.requests.length, 1);
  const form = new URLSearchParams(gateway.requests[0]!.body);
  assert.equal(form.get('to'), '48600100200');
  assert.equal(form.get('message'), 'Zlecenie SO/2027/000001 gotowe. Zażółć');
  assert.equal((await deps.database.db.select({ n: count() }).from(messages).where(eq(messages.eventKey, 'service-order:1:status:ready:sms')))[0]!.n, 1);
});

test('a message queued in a transaction that rolls back never exists and is never sent', async () => {
  await assert.rejects(
    deps.database.db.transaction(async (tx) => {
      await queueMessage(tx, deps, admin, { channel: 'sms', to: '600100200', body: 'x', lang: 'pl', eventKey: 'rolled-back' });
      throw new Error('the order change fails after queueing');
    }),
  );
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal((await deps.database.db.select().from(messages).where(eq(messages.eventKey, 'rolled-back'))).length, 0);
  assert.equal(gateway.requests.length, 0);
});

test('an invalid recipient is refused (422 naming "to") and nothing is queued', async () => {
  await assert.rejects(queue({ eventKey: 'bad-phone', to: '12345' }), (e: any) => e.code === 'validation.failed' && e.fields[0].path === 'to' && e.fields[0].code === 'messaging.phone_invalid');
  await assert.rejects(queue({ eventKey: 'bad-mail', channel: 'email', to: 'not-an-email' }), (e: any) => e.fields[0].code === 'messaging.email_invalid');
});

test('HTTP 500 from the gateway is retried with backoff until it answers', async () => {
  gateway.answer({ status: 500, body: 'down' }, { status: 500, body: 'down' }, smsapiOk('after-retries'));
  const m = (await queue({ eventKey: 'retry-500' }))!;
  await until(async () => (await message(m.id)).status === 'sent', 'the SMS after two failures');
  const row = await message(m.id);
  assert.equal(row.attempts, 3);
  assert.equal(row.providerMessageId, 'after-retries');
  assert.equal(row.lastError, null);
  assert.equal(gateway.requests.length, 3);
});

test('an SMSAPI error answer fails the message at once with the provider message; a manual retry sends it', async () => {
  gateway.answer({ status: 200, body: { error: 13, message: 'No correct phone numbers' } });
  const m = (await queue({ eventKey: 'smsapi-13' }))!;
  await until(async () => (await message(m.id)).status === 'failed', 'the message to fail');
  let row = await message(m.id);
  assert.equal(row.attempts, 1);
  assert.equal(row.lastError, 'SMSAPI error 13: No correct phone numbers');
  await assert.rejects(retryMessage(deps, manager, m.id), (e: any) => e.code === 'auth.forbidden');
  gateway.answer(smsapiOk('manual'));
  const retried = await retryMessage(deps, admin, m.id);
  assert.equal(retried.status, 'queued');
  await until(async () => (await message(m.id)).status === 'sent', 'the retried message');
  row = await message(m.id);
  assert.equal(row.attempts, 2);
  assert.equal(row.providerMessageId, 'manual');
  await assert.rejects(retryMessage(deps, admin, m.id), (e: any) => e.code === 'messaging.not_failed' && e.status === 409);
  const audit = await deps.database.db.select().from(auditLog).where(eq(auditLog.entityId, m.id));
  assert.deepEqual(audit.map((a) => a.action), ['retried']);
});

test('a transient failure on the last attempt leaves the message failed with the error (delivery without the runtime)', async () => {
  gateway.answer({ status: 503, body: 'maintenance' });
  const noJobs = { ...deps, jobs: undefined };
  const m = (await deps.database.db.transaction((tx) => queueMessage(tx, noJobs, admin, { channel: 'sms', to: '+48 600 100 201', body: 'x', lang: 'pl', eventKey: 'last-attempt' })))!;
  await assert.rejects(deliverMessage(deps, m.id, { lastAttempt: false }));
  let row = await message(m.id);
  assert.deepEqual([row.status, row.attempts, row.lastError], ['queued', 1, 'SMSAPI: HTTP 503 maintenance']);
  row = (await deliverMessage(deps, m.id, { lastAttempt: true }))!;
  assert.deepEqual([row.status, row.attempts, row.lastError], ['failed', 2, 'SMSAPI: HTTP 503 maintenance']);
  // a failed or sent message is not touched by a late job
  assert.equal((await deliverMessage(deps, m.id, { lastAttempt: true }))!.attempts, 2);
});

test('an attempt cut off mid-send is marked failed, not sent a second time', async () => {
  const noJobs = { ...deps, jobs: undefined };
  const m = (await deps.database.db.transaction((tx) => queueMessage(tx, noJobs, admin, { channel: 'sms', to: '600100202', body: 'x', lang: 'pl', eventKey: 'interrupted' })))!;
  await deps.database.db.update(messages).set({ status: 'sending', sendingAt: deps.clock.now(), attempts: 1 }).where(eq(messages.id, m.id));
  assert.equal((await deliverMessage(deps, m.id, { lastAttempt: false }))!.status, 'sending', 'a recent attempt may still be running');
  deps.clock.set(new Date(deps.clock.now().getTime() + SENDING_STALE_MS + 1000).toISOString());
  const row = (await deliverMessage(deps, m.id, { lastAttempt: false }))!;
  assert.equal(row.status, 'failed');
  assert.match(row.lastError!, /interrupted/);
  assert.equal(gateway.requests.length, 0);
});

test('a message queued where no job runtime ran is picked up by the dispatch sweep', async () => {
  const noJobs = { ...deps, jobs: undefined };
  const m = (await deps.database.db.transaction((tx) => queueMessage(tx, noJobs, admin, { channel: 'sms', to: '600100203', body: 'x', lang: 'pl', eventKey: 'stranded' })))!;
  assert.equal(await queueStranded(deps), 0, 'too fresh: its job may be on the way');
  deps.clock.set(new Date(deps.clock.now().getTime() + 5 * 60_000).toISOString());
  assert.equal(await queueStranded(deps), 1);
  await until(async () => (await message(m.id)).status === 'sent', 'the stranded message');
  assert.equal(await queueStranded(deps), 0);
});

test('SMS transliteration (when switched on) folds Polish letters to stay in GSM-7', async () => {
  await updateSettings(deps, admin, { ...baseSettings(), smsapiToken: undefined, smsTransliterate: true });
  try {
    const m = (await queue({ eventKey: 'translit', body: 'Zażółć gęślą jaźń – „termin”' }))!;
    assert.equal(m.body, 'Zazolc gesla jazn - "termin"');
    assert.deepEqual(m.sms, { encoding: 'GSM-7', segments: 1, characters: 28 });
    await until(async () => (await message(m.id)).status === 'sent', 'the SMS');
    assert.equal(new URLSearchParams(gateway.requests[0]!.body).get('message'), 'Zazolc gesla jazn - "termin"');
  } finally {
    await updateSettings(deps, admin, { ...baseSettings(), smsapiToken: undefined });
  }
});

test('an email is sent through SMTP with both parts and its Message-ID recorded', async () => {
  const m = (await deps.database.db.transaction((tx) =>
    queueMessage(tx, deps, admin, { channel: 'email', to: 'zofia@example.pl', subject: 'Zlecenie gotowe — zażółć', body: 'Treść: ąę', html: '<p>Treść: ąę</p>', lang: 'pl', eventKey: 'email-1', related: { type: 'service_order', id: customerId } }),
  ))!;
  await until(async () => (await message(m.id)).status === 'sent', 'the email');
  const got = smtp.received.at(-1)!;
  assert.equal(got.subject, 'Zlecenie gotowe — zażółć');
  assert.equal(got.text?.trim(), 'Treść: ąę');
  assert.equal((await message(m.id)).providerMessageId, `<${m.id}@serwis-lodz.pl>`);
});

test('the test send goes out at once through the real path and reports the result', async () => {
  const email = await sendTestMessage(deps, admin, { channel: 'email', to: 'anna@serwis.pl', lang: 'pl' });
  assert.equal(email.ok, true);
  assert.equal(email.message.status, 'sent');
  assert.match(smtp.received.at(-1)!.subject!, /Wiadomość testowa/);
  gateway.answer({ status: 200, body: { error: 14, message: 'Invalid sender field' } });
  const sms = await sendTestMessage(deps, admin, { channel: 'sms', to: '600 100 200', lang: 'en' });
  assert.equal(sms.ok, false);
  assert.equal(sms.error, 'SMSAPI error 14: Invalid sender field');
  assert.equal(sms.message.status, 'failed');
  await assert.rejects(sendTestMessage(deps, admin, { channel: 'sms', to: 'abc', lang: 'pl' }), (e: any) => e.fields[0].path === 'to');
  await assert.rejects(sendTestMessage(deps, manager, { channel: 'sms', to: '600100200', lang: 'pl' }), (e: any) => e.code === 'auth.forbidden');
});

test('the delivery log: newest first, filtered by record, status and channel, paged by keyset', async () => {
  const all = await listMessages(deps, manager, { limit: 100 });
  assert.ok(all.items.length >= 8);
  const times = all.items.map((m) => m.queuedAt);
  assert.deepEqual(times, [...times].sort().reverse());
  const failed = await listMessages(deps, manager, { status: 'failed', limit: 100 });
  assert.ok(failed.items.length >= 2 && failed.items.every((m) => m.status === 'failed'));
  const emails = await listMessages(deps, manager, { channel: 'email', limit: 100 });
  assert.ok(emails.items.every((m) => m.channel === 'email') && emails.items.length >= 2);
  const order = await listMessages(deps, manager, { relatedType: 'service_order', relatedId: customerId, limit: 100 });
  assert.ok(order.items.length >= 5 && order.items.every((m) => m.relatedId === customerId));
  // paging walks the same list without gaps or repeats
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listMessages(deps, manager, { limit: 3, cursor });
    seen.push(...page.items.map((m) => m.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  assert.deepEqual(seen, all.items.map((m) => m.id));
  assert.equal((await getMessage(deps, manager, seen[0]!)).id, seen[0]);
  await assert.rejects(listMessages(deps, manager, { limit: 3, cursor: 'bm9wZQ' }), (e: any) => e.code === 'pagination.bad_cursor');
  const technician = await makeUser(deps, 'technician');
  await assert.rejects(listMessages(deps, technician, { limit: 3 }), (e: any) => e.code === 'auth.forbidden');
});

test('service-date reminders become one email each, in the contact’s language; no address means skipped', async () => {
  const en = await addContact(deps, manager, customerId, { name: 'John Smith', role: '', email: 'john@example.com', phone: '', language: 'en', portalAccess: false, notes: '' });
  const noEmail = await addContact(deps, manager, customerId, { name: 'Jan Bez Maila', role: '', email: '', phone: '', language: 'pl', portalAccess: false, notes: '' });
  const params = { assetId: customerId, assetName: 'Kocioł Vaillant', serialNumber: 'VC-123', customerName: 'Zofia Wójcik', kindName: 'Przegląd roczny', kindCode: 'maintenance', dueOn: '2027-01-15', reason: 'date', meterDueAt: null, meterUnit: null };
  const subjectId = '00000000-0000-4000-8000-000000000001';
  await deps.database.db.insert(pendingReminders).values([
    { subjectType: 'asset_service_date', subjectId, contactId: en.id, channel: 'email', params, dedupeKey: 'service-date:a:2027-01-15' },
    { subjectType: 'asset_service_date', subjectId, contactId: noEmail.id, channel: 'email', params, dedupeKey: 'service-date:b:2027-01-15' },
  ]);
  assert.deepEqual(await dispatchReminders(deps), { queued: 1, skipped: 1, waiting: false });
  assert.deepEqual(await dispatchReminders(deps), { queued: 0, skipped: 0, waiting: false });
  const [m] = await deps.database.db.select().from(messages).where(eq(messages.eventKey, 'service-date:a:2027-01-15'));
  assert.ok(m);
  assert.equal(m.lang, 'en');
  assert.equal(m.to, 'john@example.com');
  assert.equal(m.subject, 'Reminder: Przegląd roczny — Kocioł Vaillant');
  assert.match(m.body, /is due on 15 January 2027/);
  assert.match(m.body, /Kocioł Vaillant \(serial number VC-123\)/);
  assert.match(m.html!, /<p>Hello,<\/p>/);
  const statuses = await deps.database.db.select({ key: pendingReminders.dedupeKey, status: pendingReminders.status }).from(pendingReminders);
  assert.deepEqual(statuses.map((s) => `${s.key}=${s.status}`).sort(), ['service-date:a:2027-01-15=sent', 'service-date:b:2027-01-15=skipped']);
  await until(async () => (await message(m.id)).status === 'sent', 'the reminder email');
  assert.equal(smtp.received.at(-1)!.subject, 'Reminder: Przegląd roczny — Kocioł Vaillant');
});

test('reminders wait while email is not configured', async () => {
  await updateSettings(deps, admin, { ...baseSettings(), smtpHost: '', smsapiToken: undefined });
  try {
    await deps.database.db.insert(pendingReminders).values({ subjectType: 'asset_service_date', subjectId: customerId, contactId: null, channel: 'email', params: {}, dedupeKey: 'service-date:c:2027-02-01' });
    assert.deepEqual(await dispatchReminders(deps), { queued: 0, skipped: 0, waiting: true });
    const [r] = await deps.database.db.select().from(pendingReminders).where(eq(pendingReminders.dedupeKey, 'service-date:c:2027-02-01'));
    assert.equal(r!.status, 'due');
  } finally {
    await updateSettings(deps, admin, { ...baseSettings(), smsapiToken: undefined });
  }
});
