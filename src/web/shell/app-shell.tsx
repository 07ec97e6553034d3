import { useQuery } from '@tanstack/react-query';
import { Link, Outlet } from '@tanstack/react-router';
import { useEffect } from 'react';
import { policyQuery, sessionQuery } from '../api/queries.js';
import { commonMessages } from '../i18n/common-messages.js';
import { useLocale } from '../i18n/locale-context.js';
import { LanguageSwitch } from './language-switch.js';
import { SignOutButton } from './sign-out-button.js';
import { SiteMenu, useMenuToggle } from './site-menu.js';

/** The frame of every page: skip link, header, navigation (once signed in), main landmark, footer. */
export function AppShell() {
  const { locale, setPreferences } = useLocale();
  const common = commonMessages[locale];
  const session = useQuery(sessionQuery);
  const me = session.data?.user ?? null;
  // The menu is for a fully signed-in user; during sign-in steps and forced changes only the header shows.
  const ready = Boolean(me && !me.mfaPending && !me.mustChangePassword && !(me.mfaRequired && !me.mfaEnrolled));
  const policy = useQuery({ ...policyQuery, enabled: ready });
  const menu = useMenuToggle();

  // The server keeps the signed-in user's preferences: apply them whenever the session brings them.
  const serverLocale = me?.preferences.locale;
  const serverCalendar = me?.preferences.calendar;
  useEffect(() => {
    if (serverLocale && serverCalendar) setPreferences({ locale: serverLocale, calendar: serverCalendar });
  }, [serverLocale, serverCalendar, setPreferences]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {common.skipToContent}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              番
            </span>
            <span className="brand-name">
              <span lang="ja">番所</span> <span lang="en">Bansho</span>
            </span>
            {policy.data ? <span className="brand-municipality">{policy.data.municipality[locale]}</span> : null}
          </Link>
          <div className="header-tools">
            <LanguageSwitch />
            {me && !ready && !me.mfaPending ? <SignOutButton /> : null}
            {ready ? (
              <button
                ref={menu.buttonRef}
                type="button"
                className="menu-button"
                aria-expanded={menu.open}
                aria-controls="site-menu"
                onClick={() => menu.setOpen(!menu.open)}
              >
                <span className="menu-icon" aria-hidden="true" />
                {menu.open ? common.closeMenu : common.menu}
              </button>
            ) : null}
          </div>
        </div>
        {ready && me ? <SiteMenu me={me} open={menu.open} onClose={() => menu.setOpen(false)} /> : null}
      </header>
      <main id="main" tabIndex={-1} className="site-main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>
          <span lang="ja">番所</span> <span lang="en">Bansho</span>
          {policy.data ? (
            <span className="footer-policy">
              {typeof policy.data.title === 'string' ? policy.data.title : policy.data.title[locale]} {policy.data.version}
            </span>
          ) : null}
        </p>
      </footer>
    </div>
  );
}
