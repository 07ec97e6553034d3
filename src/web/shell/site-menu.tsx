import { Link, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import type { Me } from '../api/types.js';
import { webFeatures } from '../features/index.js';
import type { NavigationEntry } from '../features/web-feature.js';
import { commonMessages } from '../i18n/common-messages.js';
import { useMessages } from '../i18n/locale-context.js';
import { SignOutButton } from './sign-out-button.js';

/**
 * Main navigation and the account block. On a phone both fold behind a menu button; on a wide screen
 * they form a bar under the header. Only sections the server says the user may open are listed.
 */
export function SiteMenu({ me, open, onClose }: { me: Me; open: boolean; onClose: () => void }) {
  const common = useMessages(commonMessages);

  const items = webFeatures.flatMap((feature): readonly NavigationEntry[] => feature.navigation).filter((item) => item.shows(me));

  return (
    <div id="site-menu" className={open ? 'site-menu is-open' : 'site-menu'}>
      <nav aria-label={common.mainNavigation} className="site-nav">
        <ul>
          {items.map((item) => (
            <li key={item.to}>
              <Link
                to={item.to}
                activeOptions={{ exact: item.to === '/' }}
                activeProps={{ 'aria-current': 'page', className: 'is-active' }}
                onClick={onClose}
              >
                {common[item.label]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="account">
        <p className="account-name">
          <span className="visually-hidden">{common.signedInAs}: </span>
          {me.name}
          {me.departmentName ? <span className="account-department">{me.departmentName}</span> : null}
        </p>
        <SignOutButton />
      </div>
    </div>
  );
}

/** Opens and closes the folded menu; closes it after navigation and on Escape, returning focus. */
export function useMenuToggle() {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const pathname = useRouterState({ select: (state) => state.location.pathname });

  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  return { open, setOpen, buttonRef };
}
