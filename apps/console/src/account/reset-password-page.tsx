import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { accountsApi } from '../api/accounts';
import { ApiError } from '../api/problem';
import { useSession } from '../session/session';
import { useAuthForm } from './auth-form';

/** The gateway's password rule (PASSWORD_MIN_LENGTH there), checked here first to say it in the reader's language. */
const PASSWORD_MIN_LENGTH = 10;
const RESET_LINK_INVALID = 'RESET_LINK_INVALID';

/** Refusals the form finds itself, before asking the gateway. */
class PasswordFormError extends Error {}

/** The page the reset link opens (PUBLIC_URL/reset-password?token=…): the new password, twice. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const session = useSession();
  const token = useSearchParams()[0].get('token');
  const [done, setDone] = useState(false);
  const [linkInvalid, setLinkInvalid] = useState(false);
  const { error, busy, onSubmit } = useAuthForm(async (form) => {
    const password = String(form.get('password'));
    if (password.length < PASSWORD_MIN_LENGTH) throw new PasswordFormError(t('reset.tooShort', { min: PASSWORD_MIN_LENGTH }));
    if (password !== String(form.get('repeatPassword'))) throw new PasswordFormError(t('reset.mismatch'));
    try {
      await accountsApi.confirmPasswordReset(token!, password);
    } catch (failure) {
      if (failure instanceof ApiError && failure.problem.code === RESET_LINK_INVALID) setLinkInvalid(true);
      throw failure;
    }
    // The reset ended every session of the account, this browser's too.
    if (session.account) await session.signOut();
    setDone(true);
  });

  if (!token || linkInvalid) {
    return (
      <section className="narrow">
        <h1>{t('reset.title')}</h1>
        <p role="alert" className="notice error">
          {token ? t('reset.linkInvalid') : t('reset.noToken')}
        </p>
        <p>
          <Link to="/forgot-password">{t('reset.askAgain')}</Link>
        </p>
      </section>
    );
  }
  if (done) {
    return (
      <section className="narrow">
        <h1>{t('reset.title')}</h1>
        <p role="status" className="notice ok">
          {t('reset.done')}
        </p>
        <p>
          <Link to="/sign-in">{t('nav.signIn')}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>{t('reset.title')}</h1>
      {/* noValidate: the rules are checked in the submit, so their messages are in the console's language. */}
      <form onSubmit={onSubmit} className="form" noValidate>
        <label>
          {t('reset.newPassword')}
          <input name="password" type="password" autoComplete="new-password" required aria-describedby="password-hint" aria-invalid={Boolean(error)} />
        </label>
        <p id="password-hint" className="hint">
          {t('auth.passwordHint')}
        </p>
        <label>
          {t('reset.repeatPassword')}
          <input name="repeatPassword" type="password" autoComplete="new-password" required aria-invalid={Boolean(error)} />
        </label>
        {error && (
          <p role="alert" className="notice error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('reset.submit')}
        </button>
      </form>
    </section>
  );
}
