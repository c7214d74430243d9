import { useRef } from 'react';

/** The last non-null value: a closing modal keeps showing what it was about while it fades out. */
export function useLastDefined<T>(value: T | null | undefined): T | null {
  const last = useRef<T | null>(null);
  if (value !== null && value !== undefined) last.current = value;
  return last.current;
}
