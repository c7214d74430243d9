// SMS providers against a local HTTP server acting as the gateway: what the request carries (auth,
// parameters, UTF-8 text), and how answers map to sent / retry / failed.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, test } from 'node:test';
import { smsapiIdx, smsapiProvider, webhookProvider } from './sms.providers.ts';
import { SendError } from './send-error.ts';

type Seen = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };
let seen: Seen[] = [];
let answer: { status: number; body: string } = { status: 200, body: '{}' };
let server: http.Server;
let base: string;

before(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  seen = [];
});

const req = { to: '+48600100200', message: 'Zlecenie SO/2027/000042 gotowe do odbioru. Zażółć gęślą jaźń €', sender: 'SerwisLodz', eventKey: 'service-order:42:status:ready:sms' };

test('SMSAPI: POST /sms.do with the Bearer token and form parameters, UTF-8 text; the id of the message comes back', async () => {
  answer = { status: 200, body: JSON.stringify({ count: 1, list: [{ id: '1460969715572091219', points: 0.16, number: '48600100200', date_sent: 1460969712, submitted_number: '600100200', status: 'QUEUE', error: null, idx: null, parts: 1 }] }) };
  const res = await smsapiProvider({ token: 'tok-ABC', baseUrl: `${base}/` }).send(req);
  assert.deepEqual(res, { providerMessageId: '1460969715572091219' });
  const r = seen[0]!;
  assert.equal(r.method, 'POST');
  assert.equal(r.url, '/sms.do');
  assert.equal(r.headers.authorization, 'Bearer tok-ABC');
  assert.match(String(r.headers['content-type']), /^application\/x-www-form-urlencoded/);
  const form = Object.fromEntries(new URLSearchParams(r.body));
  assert.deepEqual(form, {
    to: '48600100200',
    message: 'Zlecenie SO/2027/000042 gotowe do odbioru. Zażółć gęślą jaźń €',
    from: 'SerwisLodz',
    format: 'json',
    encoding: 'utf-8',
    idx: smsapiIdx(req.eventKey),
    check_idx: '1',
  });
  // the Polish letters travel as UTF-8 percent-escapes (ż = %C5%BC)
  assert.match(r.body, /Za%C5%BC%C3%B3%C5%82%C4%87/);
});

test('SMSAPI: the same event always gets the same idx (SMSAPI refuses a second message with it)', () => {
  assert.equal(smsapiIdx('a'), smsapiIdx('a'));
  assert.notEqual(smsapiIdx('a'), smsapiIdx('b'));
  assert.match(smsapiIdx('service-order:1'), /^[0-9a-f]{32}$/);
});

test('SMSAPI: without a sender name the provider default is used (no "from")', async () => {
  answer = { status: 200, body: JSON.stringify({ count: 1, list: [{ id: '77' }] }) };
  await smsapiProvider({ token: 't', baseUrl: base }).send({ ...req, sender: '' });
  assert.equal(new URLSearchParams(seen[0]!.body).has('from'), false);
});

test('SMSAPI: an error answer {"error":13,…} fails for good with its message', async () => {
  answer = { status: 200, body: JSON.stringify({ error: 13, message: 'No correct phone numbers' }) };
  await assert.rejects(smsapiProvider({ token: 't', baseUrl: base }).send(req), (e: unknown) => e instanceof SendError && e.permanent && e.message === 'SMSAPI error 13: No correct phone numbers' && e.code === 'smsapi_13');
});

test('SMSAPI: an authorization error with HTTP 401 is permanent too', async () => {
  answer = { status: 401, body: JSON.stringify({ error: 101, message: 'Authorization failed' }) };
  await assert.rejects(smsapiProvider({ token: 'bad', baseUrl: base }).send(req), (e: unknown) => e instanceof SendError && e.permanent && /101/.test(e.message));
});

test('SMSAPI: its overload error (203) is worth a retry', async () => {
  answer = { status: 200, body: JSON.stringify({ error: 203, message: 'Too many requests' }) };
  await assert.rejects(smsapiProvider({ token: 't', baseUrl: base }).send(req), (e: unknown) => e instanceof SendError && !e.permanent);
});

test('SMSAPI: HTTP 500 is transient (the job retries)', async () => {
  answer = { status: 500, body: '<html>Internal Server Error</html>' };
  await assert.rejects(smsapiProvider({ token: 't', baseUrl: base }).send(req), (e: unknown) => e instanceof SendError && !e.permanent && e.code === 'http_500');
});

test('SMSAPI: a gateway that cannot be reached is transient', async () => {
  await assert.rejects(smsapiProvider({ token: 't', baseUrl: 'http://127.0.0.1:1' }).send(req), (e: unknown) => e instanceof SendError && !e.permanent && e.code === 'unreachable');
});

test('SMSAPI: no token is a permanent configuration error, nothing is sent', async () => {
  await assert.rejects(smsapiProvider({ token: '', baseUrl: base }).send(req), (e: unknown) => e instanceof SendError && e.permanent);
  assert.equal(seen.length, 0);
});

test('webhook: POST JSON {to, message, sender, eventKey} with the secret header and an idempotency key', async () => {
  answer = { status: 202, body: JSON.stringify({ id: 'gw-981' }) };
  const res = await webhookProvider({ url: `${base}/hooks/sms`, secretHeader: 'X-Gateway-Key', secret: 's3cret' }).send(req);
  assert.deepEqual(res, { providerMessageId: 'gw-981' });
  const r = seen[0]!;
  assert.equal(r.url, '/hooks/sms');
  assert.equal(r.headers['x-gateway-key'], 's3cret');
  assert.equal(r.headers['idempotency-key'], req.eventKey);
  assert.match(String(r.headers['content-type']), /^application\/json; charset=utf-8/);
  assert.deepEqual(JSON.parse(r.body), { to: '+48600100200', message: req.message, sender: 'SerwisLodz', eventKey: req.eventKey });
});

test('webhook: without a secret no secret header is sent; an answer without an id is fine', async () => {
  answer = { status: 204, body: '' };
  const res = await webhookProvider({ url: base, secretHeader: 'X-Webhook-Secret', secret: '' }).send(req);
  assert.deepEqual(res, { providerMessageId: null });
  assert.equal(seen[0]!.headers['x-webhook-secret'], undefined);
});

test('webhook: 500 and 429 are transient, 400 is permanent', async () => {
  const hook = webhookProvider({ url: base, secretHeader: '', secret: '' });
  answer = { status: 500, body: 'boom' };
  await assert.rejects(hook.send(req), (e: unknown) => e instanceof SendError && !e.permanent);
  answer = { status: 429, body: 'slow down' };
  await assert.rejects(hook.send(req), (e: unknown) => e instanceof SendError && !e.permanent);
  answer = { status: 400, body: 'bad number' };
  await assert.rejects(hook.send(req), (e: unknown) => e instanceof SendError && e.permanent && /400 bad number/.test(e.message));
});
