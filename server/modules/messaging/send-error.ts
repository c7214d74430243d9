/**
 * A failed hand-over to a provider. `permanent`: sending the same message again would fail the same
 * way (the address or number is refused, credentials are wrong, the channel is not configured), so
 * the message is marked failed at once; otherwise (connection refused, timeout, 5xx from a gateway,
 * SMTP 4xx) the send job is retried with backoff.
 */
export class SendError extends Error {
  readonly permanent: boolean;
  readonly code: string;
  constructor(message: string, opts: { permanent: boolean; code?: string }) {
    super(message);
    this.name = 'SendError';
    this.permanent = opts.permanent;
    this.code = opts.code ?? (opts.permanent ? 'rejected' : 'unavailable');
  }
}

export const isSendError = (e: unknown): e is SendError => e instanceof SendError;

/** A readable one-line error for the delivery log, bounded. */
export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim().slice(0, 1000);
