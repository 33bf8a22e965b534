/**
 * What every access token on the platform must say about itself. Issuer and audience are checked
 * so a token signed with the same secret for another purpose (or another platform) is refused.
 */
export const ACCESS_TOKEN_ISSUER = 'socialmakers';
export const ACCESS_TOKEN_AUDIENCE = 'socialmakers-platform';
/** Pinned on verification too: accepting the token's own `alg` header invites algorithm confusion. */
export const ACCESS_TOKEN_ALGORITHM = 'HS256';
