import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError } from '../api/problem';

/** The sign-in, sign-up and password-reset refusals the console knows, in the reader's language; others as the server says them. */
export function authErrorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return t('auth.wrongCredentials');
    if (error.status === 423) return t('auth.locked');
    if (error.status === 409) return t('auth.emailTaken');
    if (error.status === 429) return t('auth.tooManyAttempts');
    const fields = error.problem.errors?.map((e) => e.message).join(' ');
    return fields ? `${error.message} ${fields}` : error.message;
  }
  return (error as Error).message;
}

/** The submit of the sign-in and sign-up forms: busy while it runs, and the refusal in words. */
export function useAuthForm(run: (form: FormData) => Promise<void>) {
  const { t } = useTranslation();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      await run(form);
    } catch (failure) {
      setError(authErrorText(failure, t));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, onSubmit: (event: FormEvent<HTMLFormElement>) => void submit(event) };
}
