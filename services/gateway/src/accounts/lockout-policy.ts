/** The lockout columns of an account. */
export interface LockoutState {
  failedSignIns: number;
  firstFailedAt: Date | null;
  lockedUntil: Date | null;
}

export interface LockoutPolicy {
  /** Failures within the window that lock the account. */
  maxFailures: number;
  windowSeconds: number;
  lockSeconds: number;
}

export const UNLOCKED: LockoutState = { failedSignIns: 0, firstFailedAt: null, lockedUntil: null };

/** When the account opens again, or null when it is not locked now. */
export function lockedUntil(state: LockoutState, now: Date): Date | null {
  return state.lockedUntil && state.lockedUntil.getTime() > now.getTime() ? state.lockedUntil : null;
}

/**
 * The state after a wrong password. Failures count within a window that starts at the first one, so
 * a mistyped password now and then never adds up to a lock; reaching the limit locks the account and
 * starts the count afresh, so the lock ends by itself rather than being renewed by the next typo.
 */
export function afterFailedSignIn(state: LockoutState, policy: LockoutPolicy, now: Date): LockoutState {
  const windowOpen = state.firstFailedAt !== null && now.getTime() - state.firstFailedAt.getTime() < policy.windowSeconds * 1000;
  const failedSignIns = windowOpen ? state.failedSignIns + 1 : 1;
  const firstFailedAt = windowOpen ? state.firstFailedAt : now;
  if (failedSignIns >= policy.maxFailures) {
    return { failedSignIns: 0, firstFailedAt: null, lockedUntil: new Date(now.getTime() + policy.lockSeconds * 1000) };
  }
  return { failedSignIns, firstFailedAt, lockedUntil: null };
}
