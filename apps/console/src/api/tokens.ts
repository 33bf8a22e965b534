/**
 * Where the console keeps a session: the access token only in memory, the refresh token in
 * sessionStorage, so a reload in the same tab stays signed in and closing the tab ends it.
 */
const REFRESH_KEY = 'socialmakers.refreshToken';

let accessToken: string | undefined;

export const tokens = {
  access: (): string | undefined => accessToken,
  refresh: (): string | undefined => sessionStorage.getItem(REFRESH_KEY) ?? undefined,
  set(access: string, refresh: string): void {
    accessToken = access;
    sessionStorage.setItem(REFRESH_KEY, refresh);
  },
  clear(): void {
    accessToken = undefined;
    sessionStorage.removeItem(REFRESH_KEY);
  },
};
