import { hash, verify } from '@node-rs/argon2';
import { fieldError, type FieldError } from '../errors/app-error.ts';

// Argon2id (the library default; algorithm 2). OWASP's second recommended setting: m=19 MiB, t=2, p=1.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when the email is unknown, so timing does not reveal accounts. */
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = () => (dummyHash ??= hashPassword('not-a-real-password-' + Math.random()));

export const PASSWORD_MIN_LENGTH = 10;

/** Length beats composition rules (NIST SP 800-63B); refuse the very obvious. */
export function passwordProblems(password: string, path = 'password', email?: string): FieldError[] {
  if (password.length < PASSWORD_MIN_LENGTH)
    return [fieldError(path, 'password.too_short', `Use at least ${PASSWORD_MIN_LENGTH} characters`)];
  if (password.length > 200) return [fieldError(path, 'password.too_long', 'Use at most 200 characters')];
  if (new Set(password).size < 4) return [fieldError(path, 'password.too_simple', 'The password is too simple')];
  const local = email?.toLowerCase().split('@')[0] ?? '';
  if (local.length >= 3 && password.toLowerCase().includes(local))
    return [fieldError(path, 'password.contains_email', 'The password must not contain your email name')];
  return [];
}
