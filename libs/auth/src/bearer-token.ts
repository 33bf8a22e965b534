import { InvalidTokenError } from './invalid-token.error';

/**
 * Extracts the token from an `Authorization: Bearer <token>` header (RFC 6750).
 *
 * @throws InvalidTokenError when the header is missing or has another shape.
 */
export function readBearerToken(header: string | undefined): string {
  if (!header) {
    throw new InvalidTokenError(
      'Sign-in required: send your access token in an "Authorization: Bearer <token>" header.',
    );
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) {
    throw new InvalidTokenError('The Authorization header must have the form "Bearer <token>".');
  }
  return match[1];
}
