/** The claims we put in an access token, beside the registered ones (iss, aud, iat, exp). */
export interface AccessTokenClaims {
  sub: string;
  roles: string[];
  organisationId?: string;
}
