export interface AuthModuleOptions {
  /** The HS256 secret tokens are signed with. When omitted, JWT_SECRET is read through ConfigService. */
  secret?: string;
}

/** Resolved options the guard receives: the secret is always known by then. */
export interface ResolvedAuthOptions {
  secret: string;
}

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');
