import { ForbiddenException } from '@nestjs/common';
import type { Principal } from './principal';
import type { Role } from './role';

/**
 * Ownership check for routes about one person (their enrolments, their profile): passes when the
 * caller is that person or holds one of the privileged roles, otherwise throws 403. Roles alone
 * cannot express this, because the rule depends on the data, not only on the route.
 */
export function assertActsFor(principal: Principal, personId: string, ...privilegedRoles: Role[]): void {
  if (principal.personId === personId) return;
  if (privilegedRoles.some((role) => principal.roles.includes(role))) return;
  const forOthers =
    privilegedRoles.length > 0
      ? `; doing it for someone else needs the role ${privilegedRoles.join(' or ')}`
      : '';
  throw new ForbiddenException(`You may only do this for yourself${forOthers}.`);
}
