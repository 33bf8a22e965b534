import type { Role } from './role';

/** Who is calling, as proven by a verified access token. */
export interface Principal {
  /** The token's `sub`: the person's id everywhere on the platform. */
  personId: string;
  roles: Role[];
  /** Set when the person acts for an organisation (e.g. an organiser's association). */
  organisationId?: string;
}
