// The messaging API over HTTP: secrets never leave the server, field errors name the field, the
// delivery log and retry answer with the documented problems.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { App } from '../../kernel/http/app-types.ts';
import { ADMIN, buildTestApp, makeUser, setUpInstallation, signedInClient, USER_PASSWORD, type Client } from '../../test/fixtures.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import { startTestGateway, startTestSmtp } from './messaging.test-servers.ts';

let deps: TestDeps;
let app: App;
let admin: Client;
let manager: Client;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
let gateway: Awaited<ReturnType<typeof startTestGateway>>;

before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
  app = await buildTestApp(deps);
  admin = await signedInClient(app, ADMIN.email, ADMIN.password);
  await makeUser(deps, 'manager');
  manager = await signedInClient(app, 'manager@serwis.pl', USER_PASSWORD);
  smtp = await startTestSmtp();
  gateway = await startTestGateway();
});
after(async () => {
  await app.close();
  await smtp.close();
  await gateway.close();
  await deps.close();
});

const settings = () => ({
  smtpHost: '127.0.0.1',
  smtpPort: smtp.port,
  smtpSecurity: 'none',
  smtpUser: 'serwis',
  smtpPassword: 'Tajne-Hasło-SMTP',
  fromAddress: 'biuro@serwis-lodz.pl',
  fromName: 'Serwis Łódź',
  smsProvider: 'webhook',
  webhookUrl: `${gateway.url}/sms`,
  webhookSecret: 'webhook-s3cret',
});

test('PUT settings stores secrets write-only: the answer and a later GET say only that they are set', async () => {
  const put = await admin.request('PUT', '/api/v1/messaging/settings', settings());
  assert.equal(put.status, 200, put.body);
  assert.equal(put.json.smtpPasswordSet, true);
  assert.equal(put.json.webhookSecretSet, true);
  assert.equal(put.json.smsapiTokenSet, false);
  const get = await manager.request('GET', '/api/v1/messaging/settings');
  assert.equal(get.status, 200);
  for (const body of [put.body, get.body]) {
    assert.ok(!body.includes('Tajne-Hasło-SMTP') && !body.includes('webhook-s3cret'));
    assert.ok(!('smtpPassword' in JSON.parse(body)));
  }
  assert.equal(get.json.emailConfigured, true);
  assert.equal(get.json.smsConfigured, true);
});

test('PUT settings: rule failures are 422 with the field; shape failures are 400; a manager may not change them', async () => {
  const bad = await admin.request('PUT', '/api/v1/messaging/settings', { ...settings(), fromAddress: 'biuro', webhookUrl: 'ftp://x' });
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.json.errors.map((e: any) => [e.path, e.code]).sort(), [
    ['fromAddress', 'messaging.email_invalid'],
    ['webhookUrl', 'messaging.url_invalid'],
  ]);
  const shape = await admin.request('PUT', '/api/v1/messaging/settings', { ...settings(), smtpPort: 70000 });
  assert.equal(shape.status, 400);
  assert.equal(shape.json.errors[0].path, 'smtpPort');
  const forbidden = await manager.request('PUT', '/api/v1/messaging/settings', settings());
  assert.equal(forbidden.status, 403);
});

test('POST test sends now and reports the provider’s answer; the message is in the log', async () => {
  const email = await admin.request('POST', '/api/v1/messaging/test', { channel: 'email', to: 'anna@serwis.pl' });
  assert.equal(email.status, 200, email.body);
  assert.equal(email.json.ok, true, email.body);
  assert.equal(smtp.received.at(-1)!.to && (smtp.received.at(-1)!.to as { text: string }).text, 'anna@serwis.pl');
  gateway.answer({ status: 400, body: 'number blocked' });
  deps.clock.set('2026-03-29T00:31:00Z');
  const sms = await admin.request('POST', '/api/v1/messaging/test', { channel: 'sms', to: '600100200', lang: 'en' });
  assert.equal(sms.json.ok, false);
  assert.equal(sms.json.error, 'SMS webhook: HTTP 400 number blocked');
  assert.equal(gateway.requests.at(-1)!.headers['x-webhook-secret'], 'webhook-s3cret');
  const log = await manager.request('GET', '/api/v1/messages?limit=10');
  assert.equal(log.status, 200);
  assert.deepEqual(log.json.items.map((m: any) => [m.channel, m.status]), [
    ['sms', 'failed'],
    ['email', 'sent'],
  ]);
  assert.equal(log.json.items[0].sms.encoding, 'UCS-2');
  const failedOnly = await manager.request('GET', '/api/v1/messages?status=failed&channel=sms');
  assert.equal(failedOnly.json.items.length, 1);
  const one = await manager.request('GET', `/api/v1/messages/${log.json.items[0].id}`);
  assert.equal(one.json.lastError, 'SMS webhook: HTTP 400 number blocked');
  // retrying needs the job runtime, which this app instance does not run
  const retry = await admin.request('POST', `/api/v1/messages/${log.json.items[0].id}/retry`);
  assert.equal(retry.status, 503);
  assert.equal(retry.json.code, 'messaging.jobs_not_running');
  const notFailed = await admin.request('POST', `/api/v1/messages/${log.json.items[1].id}/retry`);
  assert.equal(notFailed.status, 409);
  assert.equal(notFailed.json.code, 'messaging.not_failed');
});

test('unknown ids are 404, malformed ids and filters 400', async () => {
  const missing = await manager.request('GET', '/api/v1/messages/00000000-0000-4000-8000-000000000000');
  assert.equal(missing.status, 404);
  assert.equal(missing.json.code, 'messages.not_found');
  assert.equal((await manager.request('GET', '/api/v1/messages/abc')).status, 400);
  assert.equal((await manager.request('GET', '/api/v1/messages?status=lost')).status, 400);
  assert.equal((await admin.request('POST', '/api/v1/messages/00000000-0000-4000-8000-000000000000/retry')).status, 404);
});
