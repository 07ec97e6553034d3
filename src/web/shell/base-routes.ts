import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, redirect } from '@tanstack/react-router';
import { sessionQuery } from '../api/queries.js';
import { MfaEnrolmentPage } from '../features/auth/mfa-enrolment-page.js';
import { PasswordChangePage } from '../features/auth/password-change-page.js';
import { safeRedirect } from '../features/auth/safe-redirect.js';
import { SignInPage } from '../features/auth/sign-in-page.js';
import { AppShell } from './app-shell.js';
import { NotFoundPage } from './not-found-page.js';

interface RouterContext {
  queryClient: QueryClient;
}

/** The shell's own routes: the frame, sign-in and the forced steps. Features hang their pages below `readyRoute`. */
export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: AppShell,
  notFoundComponent: NotFoundPage,
});

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
  beforeLoad: async ({ context, search }) => {
    const { user } = await context.queryClient.ensureQueryData(sessionQuery);
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- TanStack Router redirects are thrown Response objects
    if (user && !user.mfaPending) throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: SignInPage,
});

/** Everything below needs a session that has passed the password (and code) step. */
export const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signed-in',
  beforeLoad: async ({ context, location }) => {
    const { user } = await context.queryClient.ensureQueryData(sessionQuery);
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- TanStack Router redirects are thrown Response objects
    if (!user || user.mfaPending) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    return { me: user };
  },
});

export const passwordRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/account/password',
  component: PasswordChangePage,
});

export const mfaRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/account/mfa',
  component: MfaEnrolmentPage,
});

/**
 * The rest waits until the forced steps are done: a changed initial password (第5 3(7)) and, for roles
 * that need it, MFA enrolment. The server refuses other calls meanwhile; this sends the user to the step.
 */
export const readyRoute = createRoute({
  getParentRoute: () => signedInRoute,
  id: 'ready',
  beforeLoad: ({ context }) => {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- TanStack Router redirects are thrown Response objects
    if (context.me.mustChangePassword) throw redirect({ to: '/account/password' });
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- TanStack Router redirects are thrown Response objects
    if (context.me.mfaRequired && !context.me.mfaEnrolled) throw redirect({ to: '/account/mfa' });
  },
});

export type ReadyRoute = typeof readyRoute;
