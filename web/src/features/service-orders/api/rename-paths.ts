import { ApiError } from '../../../app/api-client.ts';

/**
 * An API error whose field paths are renamed to the form's own field names (the server says
 * `minutes`, the form's input is `duration`), so the message lands next to the input.
 */
export function renamePaths(error: unknown, renames: Record<string, string>): unknown {
  if (!(error instanceof ApiError)) return error;
  return new ApiError(error.status, error.code, error.detail, error.errors.map((fe) => ({ ...fe, path: renames[fe.path] ?? fe.path })), error.body);
}
