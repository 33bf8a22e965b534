import { Role, isRole } from '@socialmakers/auth';
import { organisationRequired } from './accounts.errors';

export interface RoleGrant {
  roles: Role[];
  organisationId: string | null;
}

/**
 * The roles and organisation an account ends up with. Every account stays a member (the role that
 * reaches one's own data); an organiser acts for an organisation, which only organisers keep.
 */
export function roleGrant(requested: readonly string[], organisationId: string | null | undefined): RoleGrant {
  const roles = [Role.Member, ...requested.filter(isRole).filter((role) => role !== Role.Member)];
  const organiser = roles.includes(Role.Organiser);
  if (organiser && !organisationId) throw organisationRequired();
  return { roles: [...new Set(roles)], organisationId: organiser ? organisationId! : null };
}
