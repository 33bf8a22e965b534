import { afterFailedSignIn, lockedUntil, UNLOCKED, type LockoutPolicy, type LockoutState } from '../lockout-policy';

const policy: LockoutPolicy = { maxFailures: 5, windowSeconds: 900, lockSeconds: 900 };
const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 9, 0, 0) + minutes * 60_000);

function fail(times: number, state: LockoutState = UNLOCKED, every = 1, from = 0): LockoutState {
  let current = state;
  for (let i = 0; i < times; i += 1) current = afterFailedSignIn(current, policy, at(from + i * every));
  return current;
}

describe('lockout policy', () => {
  it('counts failures from the first one and does not lock below the limit', () => {
    const state = fail(4);
    expect(state).toEqual({ failedSignIns: 4, firstFailedAt: at(0), lockedUntil: null });
    expect(lockedUntil(state, at(4))).toBeNull();
  });

  it('locks for the lock time on the fifth failure within the window, and starts the count afresh', () => {
    const state = fail(5);
    expect(state).toEqual({ failedSignIns: 0, firstFailedAt: null, lockedUntil: at(4 + 15) });
    expect(lockedUntil(state, at(5))).toEqual(at(19));
    expect(lockedUntil(state, at(18.99))).toEqual(at(19));
  });

  it('opens again by itself when the lock time is over', () => {
    const state = fail(5);
    expect(lockedUntil(state, at(19))).toBeNull();
    expect(lockedUntil(state, at(30))).toBeNull();
  });

  it('forgets failures older than the window: five typos spread over an hour never lock', () => {
    const state = fail(5, UNLOCKED, 16);
    expect(state.lockedUntil).toBeNull();
    expect(state.failedSignIns).toBe(1);
    expect(state.firstFailedAt).toEqual(at(64));
  });

  it('keeps counting within a window that began with the first failure, not the latest', () => {
    const four = fail(4, UNLOCKED, 3.5); // failures at 0, 3.5, 7, 10.5 minutes
    expect(afterFailedSignIn(four, policy, at(14.9)).lockedUntil).toEqual(at(14.9 + 15));
    expect(afterFailedSignIn(four, policy, at(15)).lockedUntil).toBeNull();
  });
});
