// Test doubles that speak the real protocols over real sockets on 127.0.0.1: an SMTP server that
// parses what arrives, and an HTTP server playing an SMS gateway with scripted answers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export async function startTestSmtp() {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, cb) {
      cb(null, { user: auth.username });
    },
    onData(stream, _session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        received.push(await simpleParser(Buffer.concat(chunks)));
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

export type GatewayRequest = { url: string; headers: http.IncomingHttpHeaders; body: string };

/** Answers each request with the next scripted answer (the last one repeats). */
export async function startTestGateway() {
  const requests: GatewayRequest[] = [];
  let script: { status: number; body: string }[] = [{ status: 200, body: '{}' }];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const next = script.length > 1 ? script.shift()! : script[0]!;
      res.writeHead(next.status, { 'content-type': 'application/json' }).end(next.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    answer(...answers: { status: number; body: unknown }[]) {
      script = answers.map((a) => ({ status: a.status, body: typeof a.body === 'string' ? a.body : JSON.stringify(a.body) }));
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export async function until(check: () => Promise<boolean> | boolean, what: string, ms = 20_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
