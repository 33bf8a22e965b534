import { backoffDelay } from '../backoff';

const INITIAL_MS = 200;
const MAX_MS = 10_000;
const lowest = () => 0;
const highest = () => 1;

describe('backoffDelay', () => {
  it('waits about the initial delay on the first attempt: between half of it and all of it', () => {
    expect(backoffDelay(1, INITIAL_MS, MAX_MS, lowest)).toBe(INITIAL_MS / 2);
    expect(backoffDelay(1, INITIAL_MS, MAX_MS, highest)).toBe(INITIAL_MS);
  });

  it('doubles its ceiling with each attempt', () => {
    const ceilings = [1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt, INITIAL_MS, MAX_MS, highest));

    expect(ceilings).toEqual([200, 400, 800, 1600, 3200]);
  });

  it('grows with the attempt whatever the jitter', () => {
    for (let attempt = 1; attempt < 6; attempt += 1) {
      expect(backoffDelay(attempt + 1, INITIAL_MS, MAX_MS, lowest)).toBeGreaterThanOrEqual(backoffDelay(attempt, INITIAL_MS, MAX_MS, highest));
    }
  });

  it('never exceeds the maximum, even after many attempts', () => {
    expect(backoffDelay(50, INITIAL_MS, MAX_MS, highest)).toBe(MAX_MS);
    expect(backoffDelay(10_000, INITIAL_MS, MAX_MS, highest)).toBe(MAX_MS);
    for (let i = 0; i < 100; i += 1) {
      expect(backoffDelay(30, INITIAL_MS, MAX_MS)).toBeLessThanOrEqual(MAX_MS);
    }
  });

  it('treats attempt 0 or below like the first attempt', () => {
    expect(backoffDelay(0, INITIAL_MS, MAX_MS, highest)).toBe(INITIAL_MS);
    expect(backoffDelay(-3, INITIAL_MS, MAX_MS, highest)).toBe(INITIAL_MS);
  });
});
