import { accountsApi } from './accounts';
import { ApiError, problemOf } from './problem';
import { tokens } from './tokens';

type Listener = () => void;
const sessionLost = new Set<Listener>();

/** Called when a refresh fails: the session is over and the console shows the sign-in page. */
export function onSessionLost(listener: Listener): () => void {
  sessionLost.add(listener);
  return () => sessionLost.delete(listener);
}

let refreshing: Promise<boolean> | undefined;

/** One refresh at a time: concurrent 401s wait for the same new token (a refresh token is single-use). */
export function refreshAccess(): Promise<boolean> {
  refreshing ??= (async () => {
    const refreshToken = tokens.refresh();
    if (!refreshToken) return false;
    try {
      await accountsApi.refresh(refreshToken);
      return true;
    } catch {
      tokens.clear();
      sessionLost.forEach((listener) => listener());
      return false;
    }
  })().finally(() => (refreshing = undefined));
  return refreshing;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** A raw body (CSV) with its content type instead of JSON. */
  raw?: { body: string; contentType: string };
  query?: Record<string, string | number | undefined>;
  language?: string;
}

/** Sends a request through the gateway with the access token; on 401 refreshes it once and retries. */
export async function send(path: string, options: RequestOptions = {}): Promise<Response> {
  const url = new URL(`/api/${path}`, window.location.origin);
  for (const [name, value] of Object.entries(options.query ?? {})) if (value !== undefined && value !== '') url.searchParams.set(name, String(value));
  const attempt = () => {
    const headers: Record<string, string> = { accept: 'application/json' };
    const access = tokens.access();
    if (access) headers.authorization = `Bearer ${access}`;
    if (options.language) headers['accept-language'] = options.language;
    let body: string | undefined;
    if (options.raw) {
      headers['content-type'] = options.raw.contentType;
      body = options.raw.body;
    } else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    return fetch(url, { method: options.method ?? 'GET', headers, body });
  };
  let response = await attempt();
  if (response.status === 401 && tokens.refresh() && (await refreshAccess())) response = await attempt();
  if (!response.ok) throw new ApiError(await problemOf(response));
  return response;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
