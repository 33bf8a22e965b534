import { createHash, randomBytes } from 'node:crypto';

/**
 * Refresh tokens and reset links are random 256-bit secrets. Being that long and random, a plain
 * SHA-256 of them is safe to store and to look up by (a slow password hash buys nothing here).
 */
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashOpaqueToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
