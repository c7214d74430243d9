// SMS providers behind one interface: SMSAPI.pl's HTTP API and a generic webhook (any gateway that
// accepts a JSON POST). Each turns the provider's answer into a provider message id or a SendError
// saying whether trying again can help.
import { createHash } from 'node:crypto';
import { SendError, errorText } from './send-error.ts';

export type SmsRequest = { to: string; message: string; sender: string; eventKey: string };
export type SmsProvider = { name: string; send(req: SmsRequest): Promise<{ providerMessageId: string | null }> };

const TIMEOUT_MS = 15_000;

async function post(url: string, init: { headers: Record<string, string>; body: string }, provider: string): Promise<{ status: number; text: string }> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: init.headers, body: init.body, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' });
  } catch (e) {
    const cause = (e as { cause?: unknown }).cause;
    throw new SendError(`${provider}: ${errorText(cause ?? e)}`, { permanent: false, code: 'unreachable' });
  }
  return { status: res.status, text: await res.text() };
}

function parseJson<T>(text: string): T | null {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' ? (v as T) : null;
  } catch {
    return null;
  }
}

const transientStatus = (status: number) => status >= 500 || status === 429 || status === 408;

// ── SMSAPI.pl ───────────────────────────────────────────────────────────────────────────────────
// POST {base}/sms.do with an OAuth Bearer token; form parameters to, message, from, format=json,
// encoding=utf-8. Success: {"count":1,"list":[{"id":"…","points":…,"status":"QUEUE",…}]}. Failure:
// {"error":13,"message":"…"} (sometimes with HTTP 200). `idx` + `check_idx=1` make SMSAPI refuse a
// second message with the same idx: the idx is derived from our event key, so even a retry after a
// lost answer cannot make the customer's phone ring twice.

/** SMSAPI errors that are worth retrying: its own overload and internal errors. */
const SMSAPI_TRANSIENT = new Set([201, 202, 203, 999]);

export const smsapiIdx = (eventKey: string) => createHash('sha256').update(eventKey).digest('hex').slice(0, 32);

export function smsapiProvider(opts: { token: string; baseUrl: string }): SmsProvider {
  const url = `${opts.baseUrl.replace(/\/+$/, '')}/sms.do`;
  return {
    name: 'smsapi',
    async send(req) {
      if (!opts.token) throw new SendError('SMSAPI: no API token is set', { permanent: true, code: 'not_configured' });
      const form = new URLSearchParams({ to: req.to.replace(/^\+/, ''), message: req.message, format: 'json', encoding: 'utf-8', idx: smsapiIdx(req.eventKey), check_idx: '1' });
      if (req.sender) form.set('from', req.sender);
      const res = await post(url, { headers: { authorization: `Bearer ${opts.token}`, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', accept: 'application/json' }, body: form.toString() }, 'SMSAPI');
      const json = parseJson<{ error?: unknown; message?: unknown; list?: { id?: unknown }[] }>(res.text);
      if (json && typeof json.error === 'number') {
        const text = `SMSAPI error ${json.error}: ${typeof json.message === 'string' ? json.message : 'no message'}`;
        throw new SendError(text, { permanent: !SMSAPI_TRANSIENT.has(json.error) && !transientStatus(res.status), code: `smsapi_${json.error}` });
      }
      if (res.status < 200 || res.status >= 300 || !json) {
        throw new SendError(`SMSAPI: HTTP ${res.status} ${res.text.slice(0, 200)}`.trim(), { permanent: !transientStatus(res.status) && res.status !== 200, code: `http_${res.status}` });
      }
      const id = json.list?.[0]?.id;
      return { providerMessageId: id === undefined || id === null ? null : String(id) };
    },
  };
}

// ── Webhook ─────────────────────────────────────────────────────────────────────────────────────
// POST {url} with JSON {to, message, sender, eventKey}; the optional secret goes in the configured
// header; Idempotency-Key carries the event key so the gateway can drop a repeat. Any 2xx is
// accepted; {"id": "…"} (or "messageId") in the answer is kept as the provider's message id.

export function webhookProvider(opts: { url: string; secretHeader: string; secret: string }): SmsProvider {
  return {
    name: 'webhook',
    async send(req) {
      if (!opts.url) throw new SendError('SMS webhook: no URL is set', { permanent: true, code: 'not_configured' });
      const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'idempotency-key': req.eventKey };
      if (opts.secret && opts.secretHeader) headers[opts.secretHeader.toLowerCase()] = opts.secret;
      const res = await post(opts.url, { headers, body: JSON.stringify({ to: req.to, message: req.message, sender: req.sender, eventKey: req.eventKey }) }, 'SMS webhook');
      if (res.status < 200 || res.status >= 300)
        throw new SendError(`SMS webhook: HTTP ${res.status} ${res.text.slice(0, 200)}`.trim(), { permanent: !transientStatus(res.status), code: `http_${res.status}` });
      const json = parseJson<{ id?: unknown; messageId?: unknown }>(res.text);
      const id = json?.id ?? json?.messageId;
      return { providerMessageId: typeof id === 'string' || typeof id === 'number' ? String(id) : null };
    },
  };
}
