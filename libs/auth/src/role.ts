/**
 * What a person may do on the platform. A const object rather than a TS enum so the values are
 * plain strings in tokens, events and the database, and the type is the union of those strings.
 */
export const Role = {
  Member: 'member',
  Organiser: 'organiser',
  Admin: 'admin',
  Analyst: 'analyst',
} as const;

export type Role = (typeof Role)[keyof typeof Role];

export const ALL_ROLES: readonly Role[] = Object.values(Role);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ALL_ROLES as readonly string[]).includes(value);
}
