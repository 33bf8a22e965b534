import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import type { Role } from '../api/accounts';
import { useSession } from './session';

/** Pages of a role: a signed-out visitor is sent to sign in, a signed-in one without the role is told which it needs. */
export function RequireRole({ roles }: { roles: Role[] }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.restoring) return <p role="status">{t('common.loading')}</p>;
  if (!session.account) {
    return (
      <section>
        <p>{session.ended ? t('auth.sessionEnded') : t('common.signInNeeded')}</p>
        <Link to="/sign-in" state={{ from: location.pathname }} className="button">
          {t('nav.signIn')}
        </Link>
      </section>
    );
  }
  if (!session.has(...roles)) {
    return <p role="alert">{t('common.notAllowed', { roles: roles.map((role) => t(`accounts.roleNames.${role}`)).join(', ') })}</p>;
  }
  return <Outlet />;
}
