import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../session/session';
import { authErrorText } from './auth-error';

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      await session.signIn(String(form.get('email')), String(form.get('password')));
      navigate(from ?? '/academy');
    } catch (failure) {
      setError(authErrorText(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="narrow">
      <h1>{t('auth.signInTitle')}</h1>
      <form onSubmit={(event) => void submit(event)} className="form">
        <label>
          {t('auth.email')}
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          {t('auth.password')}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
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
