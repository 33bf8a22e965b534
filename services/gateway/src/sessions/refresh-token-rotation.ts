/** What a stored refresh token says about itself when it is presented. */
export interface PresentedRefreshToken {
  usedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
}

/**
 * What to do with a presented refresh token:
 * - `rotate`: use it up and issue the next token of its family;
 * - `reused`: it was used before, so a copy is in someone else's hands: revoke the whole family;
 * - `revoked`, `expired`, `unknown`: refuse.
 */
export type RefreshVerdict = 'rotate' | 'reused' | 'revoked' | 'expired' | 'unknown';

export function judgeRefreshToken(token: PresentedRefreshToken | null, now: Date): RefreshVerdict {
  if (!token) return 'unknown';
  if (token.revokedAt) return 'revoked';
  if (token.usedAt) return 'reused';
  if (token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'rotate';
}

/** The sentence a client gets for each refusal; it never says more than that the session is over. */
export const REFUSAL: Record<Exclude<RefreshVerdict, 'rotate'>, string> = {
  unknown: 'This refresh token is not valid; sign in again.',
  revoked: 'This session was signed out; sign in again.',
  reused: 'This refresh token was already used, so the session was ended for your safety; sign in again.',
  expired: 'This session expired; sign in again.',
};
