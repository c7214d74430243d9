// Pure rules for sign-in throttling and sessions. No I/O; the clock value is passed in.

export const THROTTLE = {
  windowMs: 15 * 60_000,
  freeFailures: 5, // failures allowed in a window before locking
  baseLockMs: 60_000, // first lock; doubles with each further failure
  maxLockMs: 60 * 60_000,
} as const;

export type FailureState = { failures: number; windowStartedAt: Date; lockedUntil: Date | null };

/** How long sign-in stays refused for this key, in ms (0 = allowed). */
export function lockRemainingMs(state: FailureState | undefined, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, state.lockedUntil.getTime() - now.getTime());
}

/** The state after one more failed attempt. */
export function registerFailure(state: FailureState | undefined, now: Date): FailureState {
  const fresh = !state || now.getTime() - state.windowStartedAt.getTime() > THROTTLE.windowMs;
  const failures = fresh ? 1 : state.failures + 1;
  const windowStartedAt = fresh ? now : state.windowStartedAt;
  const over = failures - THROTTLE.freeFailures;
  const lockedUntil =
    over > 0 ? new Date(now.getTime() + Math.min(THROTTLE.baseLockMs * 2 ** (over - 1), THROTTLE.maxLockMs)) : null;
  return { failures, windowStartedAt, lockedUntil };
}

export type SessionTimes = { expiresAt: Date; absoluteExpiresAt: Date };

export function newSessionTimes(now: Date, idleHours: number, maxDays: number): SessionTimes {
  const absoluteExpiresAt = new Date(now.getTime() + maxDays * 86_400_000);
  const idle = new Date(now.getTime() + idleHours * 3_600_000);
  return { expiresAt: idle < absoluteExpiresAt ? idle : absoluteExpiresAt, absoluteExpiresAt };
}

/** Sliding expiry, never past the absolute limit; null when the session is over. */
export function touchSession(s: SessionTimes, now: Date, idleHours: number): SessionTimes | null {
  if (now >= s.expiresAt || now >= s.absoluteExpiresAt) return null;
  const idle = new Date(now.getTime() + idleHours * 3_600_000);
  return { expiresAt: idle < s.absoluteExpiresAt ? idle : s.absoluteExpiresAt, absoluteExpiresAt: s.absoluteExpiresAt };
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export const TOKEN_PREFIX = 'swt_';
