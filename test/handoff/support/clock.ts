// A clock tests move by hand: the outbox worker's retry times and the business hours read it, never the wall clock.
export interface TestClock {
  readonly now: () => number;
  advance(ms: number): void;
  set(at: number | string): void;
}

export function createTestClock(start: number | string = Date.now()): TestClock {
  let t = typeof start === 'string' ? Date.parse(start) : start;
  return {
    now: () => t,
    advance(ms) {
      t += ms;
    },
    set(at) {
      t = typeof at === 'string' ? Date.parse(at) : at;
    },
  };
}
