/** The one source of "now". Tests pass a fixed or advancing clock. */
export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };
export function fixedClock(start: Date | string): Clock & { advance(ms: number): void; set(d: Date | string): void } {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
    set: (d) => {
      t = new Date(d).getTime();
    },
  };
}

/** A clock that starts at `start` and runs at real speed: end-to-end tests and demos of date-driven work. */
export function shiftedClock(start: Date, realNow: () => number = Date.now): Clock {
  const offset = start.getTime() - realNow();
  return { now: () => new Date(realNow() + offset) };
}
