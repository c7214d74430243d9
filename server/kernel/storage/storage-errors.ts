// What every file store throws, whatever it stores on.
import { AppError } from '../errors/app-error.ts';

/** Bytes kept from the start of a file so the caller can sniff its type (4100 covers every common signature). */
export const HEAD_BYTES = 4100;

export const tooLarge = (maxBytes: number) =>
  new AppError('upload.too_large', 413, `The file is larger than the limit of ${formatLimit(maxBytes)}`, { extra: { maxBytes } });

export const fileNotFound = () => new AppError('files.not_found', 404, 'The stored file does not exist');

function formatLimit(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Math.round(mb * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} kB`;
}
