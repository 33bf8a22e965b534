import { useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  data?: T;
  error?: Error;
  loading: boolean;
  reload(): void;
}

/**
 * Loads data for a page, again when its inputs change or on reload() (after an action). The last
 * data stays on screen while the next load runs, so lists do not flicker after every click.
 */
export function useLoad<T>(load: () => Promise<T>, inputs: unknown[]): Loaded<T> {
  const [round, setRound] = useState(0);
  const key = JSON.stringify([inputs, round]);
  const [result, setResult] = useState<{ key?: string; data?: T; error?: Error }>({});
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  });
  useEffect(() => {
    let current = true;
    latest.current().then(
      (data) => current && setResult({ key, data }),
      (error: Error) => current && setResult((previous) => ({ key, data: previous.data, error })),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return {
    data: result.data,
    error: result.key === key ? result.error : undefined,
    loading: result.key !== key,
    reload: () => setRound((n) => n + 1),
  };
}
