import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { sessionQuery } from './api/queries.js';
import { MfaEnrolmentPage } from './features/auth/mfa-enrolment-page.js';
import { safeRedirect } from './features/auth/safe-redirect.js';
import { PasswordChangePage } from './features/auth/password-change-page.js';
import { SignInPage } from './features/auth/sign-in-page.js';
import { HomePage } from './features/home/home-page.js';
import { JournalPage } from './features/journal/journal-page.js';
import { parseJournalSearch } from './features/journal/journal-search.js';
import { DepartmentsPage } from './features/organisation/departments-page.js';
import { UserCreatePage } from './features/organisation/user-create-page.js';
import { UserDetailPage } from './features/organisation/user-detail-page.js';
import { parseUsersSearch } from './features/organisation/users-search.js';
import { UsersPage } from './features/organisation/users-page.js';
import { parseClausesSearch, parseComplianceSearch } from './features/policy/policy-search.js';
import { PreferencesPage } from './features/preferences/preferences-page.js';
import { AppShell } from './shell/app-shell.js';
import { NotFoundPage } from './shell/not-found-page.js';

interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: AppShell,
  notFoundComponent: NotFoundPage,
});

const signInRoute = createRoute({
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
const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signed-in',
  beforeLoad: async ({ context, location }) => {
    const { user } = await context.queryClient.ensureQueryData(sessionQuery);
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- TanStack Router redirects are thrown Response objects
    if (!user || user.mfaPending) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    return { me: user };
  },
});

const passwordRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/account/password',
  component: PasswordChangePage,
});

const mfaRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/account/mfa',
  component: MfaEnrolmentPage,
});

/**
 * The rest waits until the forced steps are done: a changed initial password (第5 3(7)) and, for roles
 * that need it, MFA enrolment. The server refuses other calls meanwhile; this sends the user to the step.
 */
const readyRoute = createRoute({
  getParentRoute: () => signedInRoute,
  id: 'ready',
  beforeLoad: ({ context }) => {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- TanStack Router redirects are thrown Response objects
    if (context.me.mustChangePassword) throw redirect({ to: '/account/password' });
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- TanStack Router redirects are thrown Response objects
    if (context.me.mfaRequired && !context.me.mfaEnrolled) throw redirect({ to: '/account/mfa' });
  },
});

const homeRoute = createRoute({ getParentRoute: () => readyRoute, path: '/', component: HomePage });

const departmentsRoute = createRoute({
  getParentRoute: () => readyRoute,
  path: '/organisation/departments',
  component: DepartmentsPage,
});

const usersRoute = createRoute({
  getParentRoute: () => readyRoute,
  path: '/organisation/users',
  validateSearch: parseUsersSearch,
  component: UsersPage,
});

const userCreateRoute = createRoute({
  getParentRoute: () => readyRoute,
  path: '/organisation/users/new',
  component: UserCreatePage,
});

const userDetailRoute = createRoute({
  getParentRoute: () => readyRoute,
  path: '/organisation/users/$userId',
  component: UserDetailPage,
});

const journalRoute = createRoute({
  getParentRoute: () => readyRoute,
  path: '/journal',
  validateSearch: parseJournalSearch,
  component: JournalPage,
});

const preferencesRoute = createRoute({
  getParentRoute: () => readyRoute,
  path: '/preferences',
  component: PreferencesPage,
});

// The standard as data (第1, 第7 4): loaded on first visit, they stay out of the initial bundle.
const clausesRoute = createRoute({
  getParentRoute: () => readyRoute,
  path: '/policy/clauses',
  validateSearch: parseClausesSearch,
  component: lazyRouteComponent(() => import('./features/policy/clauses-page.js')),
});

const clauseDetailRoute = createRoute({
  getParentRoute: () => readyRoute,
  path: '/policy/clauses/$clauseId',
  component: lazyRouteComponent(() => import('./features/policy/clause-detail-page.js')),
});

const complianceRoute = createRoute({
  getParentRoute: () => readyRoute,
  path: '/policy/compliance',
  validateSearch: parseComplianceSearch,
  component: lazyRouteComponent(() => import('./features/policy/compliance-page.js')),
});

// Drafting a policy package from a standard's text: the administrator's, loaded on first visit.
const policyImportRoute = createRoute({
  getParentRoute: () => readyRoute,
  path: '/policy/import',
  component: lazyRouteComponent(() => import('./features/policy-import/policy-import-page.js'), 'PolicyImportPage'),
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  signedInRoute.addChildren([
    passwordRoute,
    mfaRoute,
    readyRoute.addChildren([
      homeRoute,
      departmentsRoute,
      usersRoute,
      userCreateRoute,
      userDetailRoute,
      journalRoute,
      preferencesRoute,
      clausesRoute,
      clauseDetailRoute,
      complianceRoute,
      policyImportRoute,
    ]),
  ]),
]);

/** Builds the router; the query client is shared so route guards read the cached session. */
export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // Pages read through TanStack Query, which has its own cache; the router need not keep loader data.
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
