import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from './principal';
import type { RequestWithPrincipal } from './principal-request';

/**
 * Injects the caller's Principal into a handler parameter. Undefined on @Public() routes, where the
 * guard does not read tokens.
 */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | undefined =>
    context.switchToHttp().getRequest<RequestWithPrincipal>().principal,
);
