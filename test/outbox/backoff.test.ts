// Retry delays: exponential, capped, with equal jitter (a floor of half the delay); and HTTP answers as outcomes.
import { checkHttpStatus, isPermanent, retryBudget, retryDelay } from '../../bot/outbox';

describe('retryDelay', () => {
  it.each([
    [1, 0, 1000],
    [1, 1, 2000],
    [2, 0.5, 3000],
    [4, 0, 8000],
    [10, 1, 600_000],
    [30, 0, 300_000],
  ])('attempt %i with random %d waits %i ms', (attempt, random, ms) => {
    expect(retryDelay(attempt, () => random)).toBe(ms);
  });

  it('spreads items that failed together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelay(5)));
    expect(delays.size).toBeGreaterThan(10);
  });

  it('with the defaults, twenty attempts span about two hours', () => {
    expect(retryBudget(20) / 3_600_000).toBeCloseTo(1.95, 2);
  });
});

describe('checkHttpStatus', () => {
  it.each([
    [200, 'delivered'],
    [201, 'delivered'],
    [400, 'permanent'],
    [401, 'permanent'],
    [404, 'permanent'],
    [422, 'permanent'],
    [408, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [503, 'retry'],
  ])('HTTP %i → %s', (status, outcome) => {
    let result = 'delivered';
    try {
      checkHttpStatus(status, 'help desk');
    } catch (err) {
      result = isPermanent(err) ? 'permanent' : 'retry';
    }
    expect(result).toBe(outcome);
  });
});
