import { judgeRefreshToken, REFUSAL } from '../refresh-token-rotation';

const now = new Date('2026-01-01T09:00:00Z');
const later = new Date('2026-01-31T09:00:00Z');
const earlier = new Date('2025-12-31T09:00:00Z');

describe('refresh token rotation rules', () => {
  it('rotates a fresh, unused, unrevoked token', () => {
    expect(judgeRefreshToken({ usedAt: null, revokedAt: null, expiresAt: later }, now)).toBe('rotate');
  });

  it('treats a token presented a second time as reuse, which ends its family', () => {
    expect(judgeRefreshToken({ usedAt: earlier, revokedAt: null, expiresAt: later }, now)).toBe('reused');
  });

  it('refuses a revoked token, even one that was used, as revoked', () => {
    expect(judgeRefreshToken({ usedAt: null, revokedAt: earlier, expiresAt: later }, now)).toBe('revoked');
    expect(judgeRefreshToken({ usedAt: earlier, revokedAt: earlier, expiresAt: later }, now)).toBe('revoked');
  });

  it('refuses an expired token from the moment it expires', () => {
    expect(judgeRefreshToken({ usedAt: null, revokedAt: null, expiresAt: now }, now)).toBe('expired');
    expect(judgeRefreshToken({ usedAt: null, revokedAt: null, expiresAt: earlier }, now)).toBe('expired');
  });

  it('refuses a token it has never issued', () => {
    expect(judgeRefreshToken(null, now)).toBe('unknown');
  });

  it('tells the client to sign in again for every refusal', () => {
    for (const sentence of Object.values(REFUSAL)) expect(sentence).toMatch(/sign in again\.$/);
  });
});
