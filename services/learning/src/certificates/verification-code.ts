import { randomBytes } from 'node:crypto';

// Crockford's base32 without I, L, O and U: read aloud or typed from paper without confusion.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A public verification code such as "SIA-7K3M-Q9TX-2PBD": 60 random bits, unguessable enough for a
 * public lookup while short enough to print on a certificate. Matches the contract's /^[A-Z0-9-]{8,40}$/.
 */
export function newVerificationCode(random: (size: number) => Buffer = randomBytes): string {
  const bytes = random(12);
  const chars = Array.from({ length: 12 }, (_, i) => ALPHABET[bytes[i] % 32]);
  return `SIA-${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8, 12).join('')}`;
}

/** Codes are compared upper-case without surrounding spaces, as people type them. */
export function normaliseVerificationCode(code: string): string {
  return code.trim().toUpperCase();
}

export const VERIFICATION_CODE = /^[A-Z0-9-]{8,40}$/;
