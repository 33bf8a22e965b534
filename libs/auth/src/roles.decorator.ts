import { SetMetadata } from '@nestjs/common';
import { ROLES_KEY } from './auth-metadata.constants';
import type { Role } from './role';

/**
 * Restricts a route (or controller) to people holding at least one of these roles. A method's
 * decorator replaces its controller's, so a controller can be admin-only with one wider route.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);
