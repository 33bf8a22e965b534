import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { accountsApi } from '../api/accounts';
import { useAuthForm } from './auth-form';

/**
 * Asks for a reset link. The gateway answers the same whether or not the email has an account (so
 * nobody learns which emails do), and the page says so rather than promise a mail.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [sentTo, setSentTo] = useState<string>();
  const { error, busy, onSubmit } = useAuthForm(async (form) => {
    const email = String(form.get('email'));
    await accountsApi.requestPasswordReset(email);
    setSentTo(email);
  });

  return (
    <section className="narrow">
      <h1>{t('reset.requestTitle')}</h1>
      <p>{t('reset.requestIntro')}</p>
      <form onSubmit={onSubmit} className="form">
        <label>
          {t('auth.email')}
          <input name="email" type="email" autoComplete="username" required />
        </label>
        {error && (
          <p role="alert" className="notice error">
            {error}
          </p>
        )}
        {sentTo && !error && (
          <p role="status" className="notice ok">
            {t('reset.requested', { email: sentTo })}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('reset.submitRequest')}
        </button>
      </form>
      <p>
        <Link to="/sign-in">{t('reset.backToSignIn')}</Link>
      </p>
    </section>
  );
}
