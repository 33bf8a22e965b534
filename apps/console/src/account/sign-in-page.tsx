import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { homeOf, useSession } from '../session/session';
import { useAuthForm } from './auth-form';

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;
  const { error, busy, onSubmit } = useAuthForm(async (form) => {
    const account = await session.signIn(String(form.get('email')), String(form.get('password')));
    navigate(from ?? homeOf(account));
  });

  return (
    <section className="narrow">
      <h1>{t('auth.signInTitle')}</h1>
      <form onSubmit={onSubmit} className="form">
        <label>
          {t('auth.email')}
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          {t('auth.password')}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <p>
          <Link to="/forgot-password">{t('auth.forgotPassword')}</Link>
        </p>
        {error && (
          <p role="alert" className="notice error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('auth.submitSignIn')}
        </button>
      </form>
      <p>
        {t('auth.noAccount')} <Link to="/sign-up">{t('nav.signUp')}</Link>
      </p>
    </section>
  );
}
