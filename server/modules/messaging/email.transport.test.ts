// Email against an in-process SMTP server over a real socket (smtp-server), the arrived message
// parsed back (mailparser): sender and subject with Polish letters, both parts, the Message-ID; and
// how refusals and outages are classified (permanent → failed at once, transient → retried).
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, test } from 'node:test';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { messageIdFor, sendEmail, type SmtpSettings } from './email.transport.ts';
import { SendError } from './send-error.ts';
import { renderEmail } from './templates.ts';

type Received = { mail: ParsedMail; raw: string; user: string | undefined; envelopeTo: string[] };

async function startSmtp(opts: Partial<SMTPServerOptions> = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: [],
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === 'serwis' && auth.password === 'Hasło-SMTP-1') cb(null, { user: auth.username });
      else cb(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({ mail: await simpleParser(raw), raw, user: session.user as string | undefined, envelopeTo: session.envelope.rcptTo.map((r) => r.address) });
        cb();
      });
    },
    ...opts,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as net.AddressInfo).port;
  return { server, port, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const settings = (port: number, over: Partial<SmtpSettings> = {}): SmtpSettings => ({
  smtpHost: '127.0.0.1',
  smtpPort: port,
  smtpSecurity: 'none',
  smtpUser: 'serwis',
  smtpPassword: 'Hasło-SMTP-1',
  fromAddress: 'biuro@serwis-lodz.pl',
  fromName: 'Serwis Łódź — Zażółć',
  replyTo: 'kontakt@serwis-lodz.pl',
  ...over,
});

const ID = '6a1f0c8e-2b3d-4e5f-8a9b-0c1d2e3f4a5b';
const mail = renderEmail(
  { subject: 'Zlecenie {{number}} gotowe — zażółć gęślą jaźń', body: 'Dzień dobry {{name}},\nurządzenie czeka na odbiór.\n\nKwota: {{total}}' },
  { number: 'SO/2027/000042', name: 'Zofia <Wójcik>', total: { money: 123456 } },
  'pl',
);

let plain: Awaited<ReturnType<typeof startSmtp>>;
before(async () => {
  plain = await startSmtp({ disabledCommands: ['STARTTLS'] });
});
after(() => plain.close());

test('an email with Polish letters arrives over SMTP with AUTH: sender, reply-to, subject, text and HTML parts, our Message-ID', async () => {
  const res = await sendEmail(settings(plain.port), { id: ID, to: 'zofia@example.pl', subject: mail.subject, text: mail.text, html: mail.html });
  assert.equal(res.providerMessageId, messageIdFor(ID, 'biuro@serwis-lodz.pl'));
  const got = plain.received.at(-1)!;
  assert.equal(got.user, 'serwis');
  assert.deepEqual(got.envelopeTo, ['zofia@example.pl']);
  assert.deepEqual(got.mail.from?.value, [{ name: 'Serwis Łódź — Zażółć', address: 'biuro@serwis-lodz.pl' }]);
  assert.deepEqual(got.mail.replyTo?.value.map((v) => v.address), ['kontakt@serwis-lodz.pl']);
  assert.equal(got.mail.subject, 'Zlecenie SO/2027/000042 gotowe — zażółć gęślą jaźń');
  // the header itself is 7-bit: an RFC 2047 encoded word, not raw UTF-8
  const subjectHeader = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(got.raw)![1]!;
  assert.match(subjectHeader, /=\?UTF-8\?[BQ]\?/i);
  assert.doesNotMatch(subjectHeader, /[^\x00-\x7f]/);
  assert.equal(got.mail.messageId, `<${ID}@serwis-lodz.pl>`);
  assert.equal(got.mail.text?.trim(), 'Dzień dobry Zofia <Wójcik>,\nurządzenie czeka na odbiór.\n\nKwota: 1 234,56 zł');
  assert.match(String(got.mail.html), /Dzień dobry Zofia &lt;Wójcik&gt;,<br>urządzenie czeka na odbiór\./);
});

test('without a user name the email is sent without AUTH', async () => {
  await sendEmail(settings(plain.port, { smtpUser: '', smtpPassword: '' }), { id: ID, to: 'jan@example.pl', subject: 'Test', text: 'Treść', html: null });
  const got = plain.received.at(-1)!;
  assert.equal(got.user, undefined);
  assert.equal(got.mail.text?.trim(), 'Treść');
  assert.equal(got.mail.html, false);
});

test('TLS from the first byte (port 465 style) delivers too', async () => {
  const tlsServer = await startSmtp({ secure: true });
  try {
    await sendEmail(settings(tlsServer.port, { smtpSecurity: 'tls' }), { id: ID, to: 'zofia@example.pl', subject: 'Szyfrowane', text: 'Treść', html: null }, { tls: { rejectUnauthorized: false } });
    assert.equal(tlsServer.received.at(-1)!.mail.subject, 'Szyfrowane');
  } finally {
    await tlsServer.close();
  }
});

test('STARTTLS upgrades the connection; a certificate that cannot be verified is refused unless allowed', async () => {
  const starttls = await startSmtp({});
  try {
    const send = (opts = {}) => sendEmail(settings(starttls.port, { smtpSecurity: 'starttls' }), { id: ID, to: 'zofia@example.pl', subject: 'STARTTLS', text: 'Treść', html: null }, opts);
    // smtp-server's built-in certificate is self-signed: verification (on by default) refuses it
    await assert.rejects(send(), (e: unknown) => e instanceof SendError && !e.permanent);
    assert.equal(starttls.received.length, 0);
    await send({ tls: { rejectUnauthorized: false } });
    assert.equal(starttls.received.at(-1)!.mail.subject, 'STARTTLS');
  } finally {
    await starttls.close();
  }
});

test('STARTTLS required but not offered by the server: refused, nothing sent in the clear', async () => {
  const count = plain.received.length;
  await assert.rejects(
    sendEmail(settings(plain.port, { smtpSecurity: 'starttls' }), { id: ID, to: 'zofia@example.pl', subject: 'x', text: 'x', html: null }),
    (e: unknown) => e instanceof SendError && /STARTTLS/i.test(e.message),
  );
  assert.equal(plain.received.length, count);
});

test('a wrong password is a permanent failure (no retries)', async () => {
  await assert.rejects(sendEmail(settings(plain.port, { smtpPassword: 'złe' }), { id: ID, to: 'zofia@example.pl', subject: 'x', text: 'x', html: null }), (e: unknown) => e instanceof SendError && e.permanent);
});

test('a recipient refused with 550 is permanent; with 451 it is worth a retry', async () => {
  const picky = await startSmtp({
    disabledCommands: ['STARTTLS'],
    onRcptTo(address, _session, cb) {
      if (address.address.startsWith('nie-ma')) return cb(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      if (address.address.startsWith('pozniej')) return cb(Object.assign(new Error('Try again later'), { responseCode: 451 }));
      cb();
    },
  });
  try {
    const send = (to: string) => sendEmail(settings(picky.port, { smtpUser: '' }), { id: ID, to, subject: 'x', text: 'x', html: null });
    await assert.rejects(send('nie-ma@example.pl'), (e: unknown) => e instanceof SendError && e.permanent && /550|Mailbox unavailable/.test(e.message));
    await assert.rejects(send('pozniej@example.pl'), (e: unknown) => e instanceof SendError && !e.permanent);
    assert.equal(picky.received.length, 0);
  } finally {
    await picky.close();
  }
});

test('a server that does not answer (connection refused) is transient', async () => {
  const probe = net.createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((r) => probe.close(() => r()));
  await assert.rejects(sendEmail(settings(port), { id: ID, to: 'zofia@example.pl', subject: 'x', text: 'x', html: null }), (e: unknown) => e instanceof SendError && !e.permanent);
});

test('email without a configured server is refused at once as permanent', async () => {
  await assert.rejects(sendEmail(settings(plain.port, { smtpHost: '' }), { id: ID, to: 'a@b.pl', subject: 'x', text: 'x', html: null }), (e: unknown) => e instanceof SendError && e.permanent && e.code === 'not_configured');
});
