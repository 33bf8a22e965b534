import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useSession } from '../session/session';
import { useAuthForm } from './auth-form';

export function SignUpPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const { error, busy, onSubmit } = useAuthForm(async (form) => {
    await session.signUp(String(form.get('email')), String(form.get('password')), String(form.get('displayName')));
    navigate('/profile');
  });

  return (
    <section className="narrow">
      <h1>{t('auth.signUpTitle')}</h1>
      <form onSubmit={onSubmit} className="form">
        <label>
          {t('auth.displayName')}
          <input name="displayName" autoComplete="name" required maxLength={120} />
        </label>
        <label>
          {t('auth.email')}
          <input name="email" type="email" autoComplete="email" required />
        </label>
        <label>
          {t('auth.password')}
          <input name="password" type="password" autoComplete="new-password" required minLength={10} aria-describedby="password-hint" />
        </label>
        <p id="password-hint" className="hint">
          {t('auth.passwordHint')}
        </p>
        {error && (
          <p role="alert" className="notice error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('auth.submitSignUp')}
        </button>
      </form>
      <p>
        {t('auth.haveAccount')} <Link to="/sign-in">{t('nav.signIn')}</Link>
      </p>
    </section>
  );
}
