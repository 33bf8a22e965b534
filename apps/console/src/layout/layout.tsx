import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import type { Role } from '../api/accounts';
import { useSession } from '../session/session';
import { LanguageSwitcher } from './language-switcher';

interface NavGroup {
  label: string;
  roles?: Role[];
  links: Array<{ to: string; label: string }>;
}

const GROUPS: NavGroup[] = [
  { label: 'nav.public', links: [{ to: '/results', label: 'nav.results' }, { to: '/calendar', label: 'nav.calendar' }] },
  {
    label: 'nav.member',
    roles: ['member', 'admin'],
    links: [
      { to: '/academy', label: 'nav.academy' },
      { to: '/activities', label: 'nav.activities' },
      { to: '/matches', label: 'nav.matches' },
      { to: '/introductions', label: 'nav.introductions' },
      { to: '/network', label: 'nav.network' },
      { to: '/profile', label: 'nav.profile' },
      { to: '/my-data', label: 'nav.myData' },
    ],
  },
  {
    label: 'nav.organiser',
    roles: ['organiser', 'admin'],
    links: [
      { to: '/organiser/schedule', label: 'nav.schedule' },
      { to: '/organiser/sign-in-sheets', label: 'nav.signInSheets' },
      { to: '/organiser/check-in', label: 'nav.checkIn' },
    ],
  },
  {
    label: 'nav.admin',
    roles: ['admin'],
    links: [
      { to: '/operations', label: 'nav.operations' },
      { to: '/operations/accounts', label: 'nav.accounts' },
    ],
  },
  {
    label: 'nav.analyst',
    roles: ['analyst', 'admin'],
    links: [
      { to: '/analyst/live', label: 'nav.liveTail' },
      { to: '/analyst/exports', label: 'nav.exports' },
      { to: '/analyst/asyncapi', label: 'nav.asyncApi' },
    ],
  },
];

export function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const main = useRef<HTMLElement>(null);
  const shownPath = useRef(location.pathname);

  // After a client-side navigation, move focus to the new page so keyboard and screen-reader users start there.
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    main.current?.focus();
  }, [location.pathname]);

  const groups = GROUPS.filter((group) => !group.roles || session.has(...group.roles));
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="top-bar">
        <NavLink to="/results" className="brand">
          {t('app.name')}
        </NavLink>
        <button type="button" className="menu-button" aria-expanded={menuOpen} aria-controls="main-navigation" onClick={() => setMenuOpen((open) => !open)}>
          {t('app.menu')}
        </button>
        <div className="top-bar-tools">
          <LanguageSwitcher />
          {session.account ? (
            <>
              <span className="who">{t('app.signedInAs', { name: session.account.displayName })}</span>
              <button type="button" onClick={() => void session.signOut()}>
                {t('nav.signOut')}
              </button>
            </>
          ) : (
            <>
              <NavLink to="/sign-in">{t('nav.signIn')}</NavLink>
              <NavLink to="/sign-up" className="button">
                {t('nav.signUp')}
              </NavLink>
            </>
          )}
        </div>
      </header>
      <div className="frame">
        <nav id="main-navigation" aria-label={t('app.mainNavigation')} className={menuOpen ? 'side-nav open' : 'side-nav'}>
          {groups.map((group) => (
            <section key={group.label} aria-labelledby={`nav-${group.label}`}>
              <h2 id={`nav-${group.label}`}>{t(group.label)}</h2>
              <ul>
                {group.links.map((link) => (
                  <li key={link.to}>
                    <NavLink to={link.to} end onClick={() => setMenuOpen(false)}>
                      {t(link.label)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </nav>
        <main id="main" ref={main} tabIndex={-1}>
          <Outlet />
        </main>
      </div>
      <footer className="footer">{t('app.footer')}</footer>
    </>
  );
}
