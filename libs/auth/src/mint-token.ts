import { sign } from 'jsonwebtoken';
import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from './access-token.constants';
import type { AccessTokenClaims } from './access-token-claims.interface';
import { ALL_ROLES, isRole, type Role } from './role';

export interface MintTokenOptions {
  personId: string;
  roles: readonly Role[];
  organisationId?: string;
  /** Lifetime in seconds; one hour when omitted. */
  ttlSeconds?: number;
  secret: string;
}

const DEFAULT_TTL_SECONDS = 3600;

/**
 * Signs an access token the guard accepts. Pure (no Nest, no I/O) so tests, the CLI and later the
 * gateway's sign-in all issue tokens the same way, while the guard only ever verifies.
 */
export function mintToken(options: MintTokenOptions): string {
  const { personId, roles, organisationId, ttlSeconds = DEFAULT_TTL_SECONDS, secret } = options;
  if (!personId) throw new Error('mintToken needs a personId (the token subject).');
  if (!secret) throw new Error('mintToken needs a non-empty signing secret.');
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length > 0) {
    throw new Error(`Unknown role(s) ${unknown.join(', ')}; valid roles are ${ALL_ROLES.join(', ')}.`);
  }
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) {
    throw new Error(`ttlSeconds must be a positive whole number of seconds, got ${ttlSeconds}.`);
  }

  const claims: Omit<AccessTokenClaims, 'sub'> = { roles: [...roles] };
  if (organisationId) claims.organisationId = organisationId;
  return sign(claims, secret, {
    algorithm: ACCESS_TOKEN_ALGORITHM,
    subject: personId,
    issuer: ACCESS_TOKEN_ISSUER,
    audience: ACCESS_TOKEN_AUDIENCE,
    expiresIn: ttlSeconds,
  });
}
