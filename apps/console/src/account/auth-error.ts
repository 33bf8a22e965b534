import type { TFunction } from 'i18next';
import { ApiError } from '../api/problem';

/** The sign-in and sign-up refusals the console knows, in the reader's language; others as the server says them. */
export function authErrorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return t('auth.wrongCredentials');
    if (error.status === 423) return t('auth.locked');
    if (error.status === 409) return t('auth.emailTaken');
    const fields = error.problem.errors?.map((e) => e.message).join(' ');
    return fields ? `${error.message} ${fields}` : error.message;
  }
  return (error as Error).message;
}
