import { createHash } from 'node:crypto';
import { personIdForEmail } from '@socialmakers/contracts';

/**
 * Demo person ids are derived from a stable label (name-based, UUID v5 style), so loading the demo
 * twice addresses the same people and the services' idempotency makes the second load a no-op.
 */
export function demoPersonId(label: string): string {
  const hex = createHash('sha1').update(`socialmakers-demo:${label}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A demo person who has an email (learners, lecturers): their id is the platform's id for that email,
 * `<label>@example.org`, so someone who signs up with it is the same person (BRIEF.md: one person).
 */
export function demoPerson(label: string): { personId: string; email: string } {
  const email = `${label.toLowerCase()}@example.org`;
  return { personId: personIdForEmail(email), email };
}

/** A small deterministic generator (mulberry32): the same demo every time. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
