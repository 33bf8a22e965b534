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
  signIn(email: string, password: string): Promise<void>;
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
    setAccount((await accountsApi.signIn(email, password)).account);
    setEnded(false);
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
