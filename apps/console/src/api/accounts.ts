import { ApiError, problemOf } from './problem';
import { tokens } from './tokens';

export type Role = 'member' | 'organiser' | 'admin' | 'analyst';
export const ROLES: Role[] = ['member', 'organiser', 'admin', 'analyst'];

export interface Account {
  personId: string;
  email: string;
  displayName: string;
  roles: Role[];
  organisationId?: string;
}

export interface Session {
  account: Account;
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresIn: number;
}

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`/api/accounts/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new ApiError(await problemOf(response));
  // 202 (a reset link asked for) and 204 come without a body.
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

function keep(session: Session): Session {
  tokens.set(session.accessToken, session.refreshToken);
  return session;
}

export const accountsApi = {
  signUp: async (email: string, password: string, displayName: string) => keep(await post<Session>('sign-up', { email, password, displayName })),
  signIn: async (email: string, password: string) => keep(await post<Session>('sign-in', { email, password })),
  /** Trades the refresh token for a new pair (the old refresh token is spent: rotation). */
  refresh: async (refreshToken: string) => keep(await post<Session>('refresh', { refreshToken })),
  async signOut(): Promise<void> {
    const refreshToken = tokens.refresh();
    tokens.clear();
    if (refreshToken) await post<void>('sign-out', { refreshToken }).catch(() => undefined);
  },
  requestPasswordReset: (email: string) => post<void>('password-reset', { email }),
  confirmPasswordReset: (token: string, password: string) => post<void>('password-reset/confirm', { token, password }),
};
