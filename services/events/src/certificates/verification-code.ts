import { randomBytes } from 'node:crypto';

// Crockford's base-32 alphabet: no I, L, O or U, so a code read aloud or typed from paper survives.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A code such as EV-7K3Q-M9XD-2HPA-QW4T: 80 random bits, not guessable, easy to type. */
export function newVerificationCode(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let chars = '';
  for (let i = 0; i < 16; i += 1) {
    chars = ALPHABET[Number(bits & 31n)] + chars;
    bits >>= 5n;
  }
  return `EV-${chars.match(/.{4}/g)!.join('-')}`;
}

/** Accepts what a person types: lower case, spaces, missing dashes, and O/I/L read for 0/1/1. */
export function normaliseVerificationCode(input: string): string {
  const compact = input.toUpperCase().replace(/[^A-Z0-9]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const body = compact.startsWith('EV') ? compact.slice(2) : compact;
  return body.length === 16 ? `EV-${body.match(/.{4}/g)!.join('-')}` : input;
}
