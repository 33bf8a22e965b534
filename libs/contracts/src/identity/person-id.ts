import { createHash } from 'node:crypto';

/**
 * One person is one id across the platform, however they arrive: an Academy enrolment, a workshop
 * sign-in sheet, a profile, a gateway account. Where a person is known by email, their id is the
 * name-based UUID (version 5, RFC 9562) of the normalised email in the platform's namespace, so every
 * service derives the same id without calling another or storing the email where it does not belong.
 */
export const PERSON_NAMESPACE = '7b6f2c1e-9d3a-5e4b-8c2d-1f0a9e8d7c6b';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function personIdForEmail(email: string): string {
  return uuidV5(normaliseEmail(email), PERSON_NAMESPACE);
}

function uuidV5(name: string, namespace: string): string {
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
