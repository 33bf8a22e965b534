import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { accountsApi, type Account, type Role } from '../api/accounts';
import { onSessionLost, refreshAccess } from '../api/client';
import { api } from '../api/client';
import { tokens } from '../api/tokens';

interface SessionState {
  account?: Account;
  /** True until a stored refresh token has been tried after a reload. */
  restoring: boolean;
  /** Set when a refresh failed and the person was signed out. */
  ended: boolean;
  signIn(email: string, password: string): Promise<Account>;
  signUp(email: string, password: string, displayName: string): Promise<void>;
  signOut(): Promise<void>;
  has(...roles: Role[]): boolean;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [account, setAccount] = useState<Account>();
  const [restoring, setRestoring] = useState(() => tokens.refresh() !== undefined);
  const [ended, setEnded] = useState(false);

  useEffect(() => {
    const stop = onSessionLost(() => {
      setAccount(undefined);
      setEnded(true);
    });
    if (tokens.refresh()) {
      void (async () => {
        if (await refreshAccess()) setAccount(await api<Account>('accounts/me'));
        setRestoring(false);
      })();
    }
    return stop;
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const { account: signedIn } = await accountsApi.signIn(email, password);
    setAccount(signedIn);
    setEnded(false);
    return signedIn;
  }, []);
  const signUp = useCallback(async (email: string, password: string, displayName: string) => {
    setAccount((await accountsApi.signUp(email, password, displayName)).account);
    setEnded(false);
  }, []);
  const signOut = useCallback(async () => {
    await accountsApi.signOut();
    setAccount(undefined);
  }, []);

  const value = useMemo<SessionState>(
    () => ({ account, restoring, ended, signIn, signUp, signOut, has: (...roles) => roles.some((role) => account?.roles.includes(role)) }),
    [account, restoring, ended, signIn, signUp, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** Where a person starts after signing in: the first page of their main role. */
export function homeOf(account: Account): string {
  if (account.roles.includes('member')) return '/academy';
  if (account.roles.includes('organiser')) return '/organiser/check-in';
  if (account.roles.includes('admin')) return '/operations';
  if (account.roles.includes('analyst')) return '/analyst/live';
  return '/results';
}
