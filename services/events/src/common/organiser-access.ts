import { ForbiddenException } from '@nestjs/common';
import { Role, type Principal } from '@socialmakers/auth';

/**
 * Organisers act only for their own partner organisation's activities; admins act for every one.
 * Roles alone cannot say this, because the rule depends on the activity's organiser.
 */
export function assertOrganises(principal: Principal, organiserId: string): void {
  if (principal.roles.includes(Role.Admin)) return;
  if (principal.roles.includes(Role.Organiser) && principal.organisationId === organiserId) return;
  throw new ForbiddenException(
    principal.roles.includes(Role.Organiser)
      ? `Only organisers of the organisation ${organiserId} (or an admin) may do this; your token acts for ${principal.organisationId ?? 'no organisation'}.`
      : 'This needs the role organiser (of the activity\'s organisation) or admin.',
  );
}
