// How the bench talks to the server under test: single requests on fresh connections, and the
// load generator (autocannon) in a child process so it does not share the server's event loop.
import { fork } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadResult, LoadSpec } from './load.ts';
import { createCustomerBody } from './dataset.ts';
import { createOrderBody, type OrderTarget } from './orders-models.ts';
import { createInvoiceBody } from './invoices-models.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/** One request on a fresh connection (fetch would reuse a keep-alive socket the server closed while the data set grew). */
export function request(url: string, method: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Where a create scenario's request bodies come from; body `n` of a stream is the same in the checked request and in autocannon. */
export type BodySource = { kind: 'create-customer'; seed: number } | { kind: 'create-order'; seed: number; targets: OrderTarget[] } | { kind: 'create-invoice'; seed: number; customers: string[] };
export const requestBody = (b: BodySource, n: number): unknown =>
  b.kind === 'create-order' ? createOrderBody(b.seed, n, b.targets) : b.kind === 'create-invoice' ? createInvoiceBody(b.seed, n, b.customers) : createCustomerBody(b.seed, n);

export function runInChild(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, 'load.ts'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    child.once('message', (m: { ok: true; result: LoadResult } | { ok: false; error: string }) => {
      settled = true;
      if (m.ok) resolve(m.result);
      else reject(new Error(`load generator failed: ${m.error}`));
    });
    child.once('exit', (code) => {
      if (!settled) reject(new Error(`load generator exited with code ${code} before reporting`));
    });
    child.once('error', reject);
    child.send(spec);
  });
}
