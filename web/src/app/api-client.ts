// The one way the web app talks to the server: same-origin fetch with the session cookie, the CSRF
// token on every write, and RFC 9457 problem+json turned into ApiError.
import type { FieldError } from './api-types.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: FieldError[];
  /** The whole problem body: extra members such as retryAfterSeconds or references. */
  readonly body: Record<string, unknown>;

  constructor(status: number, code: string, detail: string, errors: FieldError[] = [], body: Record<string, unknown> = {}) {
    super(detail || code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.errors = errors;
    this.body = body;
  }
}

/** Status 0: the request never got an answer (server down, offline). */
export const networkError = (cause: unknown) => new ApiError(0, 'network', cause instanceof Error ? cause.message : 'Network error');

type Handlers = { onUnauthorized: () => void; onPasswordChangeRequired: () => void };
let handlers: Handlers = { onUnauthorized: () => {}, onPasswordChangeRequired: () => {} };
let csrfToken: string | null = null;

export function setApiHandlers(h: Handlers) {
  handlers = h;
}
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not treat 401 as "signed out" (sign-in itself, the session probe). */
  allowUnauthorized?: boolean;
  /** A public endpoint (first-run setup, sign-in): no session, so no CSRF token to send. */
  public?: boolean;
};

async function ensureCsrfToken(): Promise<string | null> {
  if (csrfToken) return csrfToken;
  const res = await fetch('/api/v1/auth/session', { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (res.ok) csrfToken = ((await res.json()) as { csrfToken?: string }).csrfToken ?? null;
  return csrfToken;
}

/** A problem+json body (or anything else) as ApiError. */
function problemToApiError(status: number, statusText: string, contentType: string, text: string): ApiError {
  if (contentType.includes('json')) {
    try {
      const body = JSON.parse(text) as Record<string, unknown>;
      const errors = Array.isArray(body.errors) ? (body.errors as FieldError[]) : [];
      return new ApiError(
        typeof body.status === 'number' ? body.status : status,
        typeof body.code === 'string' ? body.code : `http_${status}`,
        typeof body.detail === 'string' ? body.detail : statusText,
        errors,
        body,
      );
    } catch {
      // fall through to a bare error
    }
  }
  return new ApiError(status, `http_${status}`, statusText);
}

async function toApiError(res: Response): Promise<ApiError> {
  return problemToApiError(res.status, res.statusText, res.headers.get('content-type') ?? '', await res.text().catch(() => ''));
}

/** 401 drops the session, a temporary password sends to the change-password screen. */
function noticeError(error: ApiError, allowUnauthorized?: boolean) {
  if (error.status === 401 && !allowUnauthorized) {
    csrfToken = null;
    handlers.onUnauthorized();
  } else if (error.status === 403 && error.code === 'auth.password_change_required') {
    handlers.onPasswordChangeRequired();
  }
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    if (method !== 'GET' && !opts.public) {
      const token = await ensureCsrfToken();
      if (token) headers['x-csrf-token'] = token;
    }
    res = await fetch(withQuery(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw networkError(e);
  }
  if (!res.ok) {
    const error = await toApiError(res);
    noticeError(error, opts.allowUnauthorized);
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

/**
 * A write whose upload progress matters: XMLHttpRequest, because fetch does not report upload
 * progress. Same rules as api(): session cookie, CSRF header, problem+json → ApiError. A Blob/File
 * body goes as raw bytes (`contentType`, default application/octet-stream); anything else as JSON.
 * `onProgress` gets 0…1 while the body is sent.
 */
export async function apiUpload<T>(
  path: string,
  body: unknown,
  opts: { method?: 'POST' | 'PUT'; onProgress?: (fraction: number) => void; signal?: AbortSignal; contentType?: string } = {},
): Promise<T> {
  let token: string | null;
  try {
    token = await ensureCsrfToken();
  } catch (e) {
    throw networkError(e);
  }
  const raw = body instanceof Blob;
  const payload = raw ? body : JSON.stringify(body);
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(opts.method ?? 'POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('content-type', raw ? (opts.contentType ?? 'application/octet-stream') : 'application/json');
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) opts.onProgress?.(e.loaded / e.total);
    };
    xhr.upload.onload = () => opts.onProgress?.(1);
    xhr.onload = () => {
      const type = xhr.getResponseHeader('content-type') ?? '';
      if (xhr.status >= 200 && xhr.status < 300) {
        if (xhr.status === 204 || !xhr.responseText) return resolve(undefined as T);
        try {
          return resolve((type.includes('json') ? JSON.parse(xhr.responseText) : xhr.responseText) as T);
        } catch (e) {
          return reject(networkError(e));
        }
      }
      const error = problemToApiError(xhr.status, xhr.statusText, type, xhr.responseText);
      noticeError(error);
      reject(error);
    };
    xhr.onerror = () => reject(networkError(new Error('Network error')));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    opts.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(payload);
  });
}
