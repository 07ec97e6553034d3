import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { sessionQuery } from './api/queries.js';
import { MfaEnrolmentPage } from './features/auth/mfa-enrolment-page.js';
import { safeRedirect } from './features/auth/safe-redirect.js';
import { PasswordChangePage } from './features/auth/password-change-page.js';
import { SignInPage } from './features/auth/sign-in-page.js';
import { HomePage } from './features/home/home-page.js';
import { JournalPage } from './features/journal/journal-page.js';
import { parseAssetsSearch } from './features/assets/asset-search.js';
import { parseJournalSearch } from './features/journal/journal-search.js';
import { parseMediaSearch } from './features/media/media-search.js';
import { DepartmentsPage } from './features/organisation/departments-page.js';
import { UserCreatePage } from './features/organisation/user-create-page.js';
import { UserDetailPage } from './features/organisation/user-detail-page.js';
import { parseUsersSearch } from './features/organisation/users-search.js';
import { UsersPage } from './features/organisation/users-page.js';
import { parseClausesSearch, parseComplianceSearch } from './features/policy/policy-search.js';
import { parseRiskCreateSearch, parseRisksSearch } from './features/risks/risk-search.js';
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

// The information asset register (第2): loaded on first visit, it stays out of the initial bundle. Static
// segments (new, label, import) take precedence over `$assetId`.
const assetsRoute = createRoute({
  getParentRoute: () => readyRoute,
  path: '/assets',
  validateSearch: parseAssetsSearch,
  component: lazyRouteComponent(() => import('./features/assets/assets-page.js')),
});

const assetCreateRoute = createRoute({
  getParentRoute: () => readyRoute,
  path: '/assets/new',
  component: lazyRouteComponent(() => import('./features/assets/asset-create-page.js')),
});

const assetLabelSearchRoute = createRoute({
  getParentRoute: () => readyRoute,
  path: '/assets/label',
  component: lazyRouteComponent(() => import('./features/assets/label-page.js'), 'LabelSearchPage'),
});

const assetLabelRoute = createRoute({
  getParentRoute: () => readyRoute,
  path: '/assets/label/$code',
  component: lazyRouteComponent(() => import('./features/assets/label-page.js')),
});

// Importing a 台帳 into the register (第2 3): an officer's page, loaded on first visit.
const assetImportRoute = createRoute({
  getParentRoute: () => readyRoute,
  path: '/assets/import',
  component: lazyRouteComponent(() => import('./features/assets-import/assets-import-page.js'), 'AssetsImportPage'),
});

const assetDetailRoute = createRoute({
  getParentRoute: () => readyRoute,
  path: '/assets/$assetId',
  component: lazyRouteComponent(() => import('./features/assets/asset-detail-page.js')),
});

const assetEditRoute = createRoute({
  getParentRoute: () => readyRoute,
  path: '/assets/$assetId/edit',
  component: lazyRouteComponent(() => import('./features/assets/asset-edit-page.js')),
});

// Issued media (第2 4(3)) and the risk register (第2 2): loaded on first visit, out of the initial bundle.
// The static `new` segments take precedence over `$mediumId` / `$riskId`.
const mediaRoute = createRoute({
  getParentRoute: () => readyRoute,
  path: '/media',
  validateSearch: parseMediaSearch,
  component: lazyRouteComponent(() => import('./features/media/media-page.js'), 'MediaPage'),
});

const mediumRegisterRoute = createRoute({
  getParentRoute: () => readyRoute,
  path: '/media/new',
  component: lazyRouteComponent(() => import('./features/media/medium-register-page.js'), 'MediumRegisterPage'),
});

const mediumDetailRoute = createRoute({
  getParentRoute: () => readyRoute,
  path: '/media/$mediumId',
  component: lazyRouteComponent(() => import('./features/media/medium-detail-page.js'), 'MediumDetailPage'),
});

const risksRoute = createRoute({
  getParentRoute: () => readyRoute,
  path: '/risks',
  validateSearch: parseRisksSearch,
  component: lazyRouteComponent(() => import('./features/risks/risks-page.js'), 'RisksPage'),
});

const riskRecordRoute = createRoute({
  getParentRoute: () => readyRoute,
  path: '/risks/new',
  validateSearch: parseRiskCreateSearch,
  component: lazyRouteComponent(() => import('./features/risks/risk-record-page.js'), 'RiskRecordPage'),
});

const riskDetailRoute = createRoute({
  getParentRoute: () => readyRoute,
  path: '/risks/$riskId',
  component: lazyRouteComponent(() => import('./features/risks/risk-detail-page.js'), 'RiskDetailPage'),
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
      mediaRoute,
      mediumRegisterRoute,
      mediumDetailRoute,
      risksRoute,
      riskRecordRoute,
      riskDetailRoute,
      assetsRoute,
      assetImportRoute,
      assetCreateRoute,
      assetLabelSearchRoute,
      assetLabelRoute,
      assetDetailRoute,
      assetEditRoute,
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
