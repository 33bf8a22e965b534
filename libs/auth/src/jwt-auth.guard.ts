import {
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RequestContext } from '@socialmakers/logging';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { IS_PUBLIC_KEY, ROLES_KEY } from './auth-metadata.constants';
import { AUTH_OPTIONS, type ResolvedAuthOptions } from './auth-options';
import { readBearerToken } from './bearer-token';
import { InvalidTokenError } from './invalid-token.error';
import type { Principal } from './principal';
import type { RequestWithPrincipal } from './principal-request';
import type { Role } from './role';
import { verifyAccessToken } from './verify-access-token';

/**
 * Deny by default: every HTTP route needs a valid access token unless it is marked @Public(), and
 * @Roles() narrows it further. It only verifies tokens, so it does not care who issued them.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTH_OPTIONS) private readonly options: ResolvedAuthOptions,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    // Microservice handlers (Kafka consumers) are not requests from a person: the event was
    // authorised when it was produced, and a consumer has no Authorization header to show.
    if (context.getType() !== 'http') return true;

    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;

    const http = context.switchToHttp();
    const request = http.getRequest<IncomingMessage & RequestWithPrincipal>();
    const principal = this.authenticate(request, http.getResponse<ServerResponse>());
    request.principal = principal;
    // Lets log lines and published events of this request say who acted.
    const requestContext = RequestContext.current();
    if (requestContext) requestContext.personId = principal.personId;

    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (required && required.length > 0 && !required.some((role) => principal.roles.includes(role))) {
      const held = principal.roles.length > 0 ? principal.roles.join(', ') : 'none';
      throw new ForbiddenException(
        `This needs the role ${required.join(' or ')}; your roles are: ${held}. Ask an administrator if you need access.`,
      );
    }
    return true;
  }

  private authenticate(request: IncomingMessage, response: ServerResponse): Principal {
    try {
      return verifyAccessToken(readBearerToken(request.headers.authorization), this.options.secret);
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      // RFC 6750 asks a 401 to tell clients which scheme to use.
      if (!response.headersSent) response.setHeader('WWW-Authenticate', 'Bearer realm="socialmakers"');
      throw new UnauthorizedException(error.message);
    }
  }
}
