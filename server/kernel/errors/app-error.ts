// Coded errors. Use cases throw these; one handler (kernel/http/problem.ts) turns them into
// RFC 9457 problem+json. The `code` is stable API: the UI translates it, integrators match on it.

/** `params` carry what a translated message needs beyond the code: the offending value, a row number, a name. */
export type FieldError = { path: string; code: string; message: string; params?: Record<string, string | number> };

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly fields: FieldError[];
  readonly extra: Record<string, unknown>;

  constructor(
    code: string,
    status: number,
    message: string,
    opts: { fields?: FieldError[]; extra?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.fields = opts.fields ?? [];
    this.extra = opts.extra ?? {};
  }
}

export const notFound = (entity: string, message = `${entity} not found`) =>
  new AppError(`${entity}.not_found`, 404, message);

export const conflict = (code: string, message: string, extra?: Record<string, unknown>) =>
  new AppError(code, 409, message, extra ? { extra } : {});

/** 422: the request is well-formed but a business rule refuses a field's value. */
export const invalidFields = (fields: FieldError[], message = 'Some fields are invalid') =>
  new AppError('validation.failed', 422, message, { fields });

export const fieldError = (path: string, code: string, message: string, params?: Record<string, string | number>): FieldError =>
  params ? { path, code, message, params } : { path, code, message };

export const unauthenticated = () => new AppError('auth.unauthenticated', 401, 'Sign in first');
export const forbidden = (permission?: string) =>
  new AppError('auth.forbidden', 403, 'You do not have permission for this action', {
    extra: permission ? { permission } : {},
  });
