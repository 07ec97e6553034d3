import { createRoute } from '@tanstack/react-router';
import type { ReadyRoute } from '../../shell/base-routes.js';
import type { WebFeature } from '../web-feature.js';
import { DepartmentsPage } from './departments-page.js';
import { UserCreatePage } from './user-create-page.js';
import { UserDetailPage } from './user-detail-page.js';
import { parseUsersSearch } from './users-search.js';
import { UsersPage } from './users-page.js';

/** The pages, below the signed-in-and-ready route. (Declared apart from the feature so their types stay exact.) */
const organisationRoutes = (ready: ReadyRoute) =>
  [
    createRoute({ getParentRoute: () => ready, path: '/organisation/departments', component: DepartmentsPage }),
    createRoute({ getParentRoute: () => ready, path: '/organisation/users', validateSearch: parseUsersSearch, component: UsersPage }),
    createRoute({ getParentRoute: () => ready, path: '/organisation/users/new', component: UserCreatePage }),
    createRoute({ getParentRoute: () => ready, path: '/organisation/users/$userId', component: UserDetailPage }),
  ] as const;

/** 課等 and users: the user-registration record of 第5 3(1). */
export const organisationWebFeature = {
  routes: organisationRoutes,
  navigation: [
    { to: '/organisation/departments', label: 'departments', shows: (me) => me.navigation.organisation === true },
    { to: '/organisation/users', label: 'users', shows: (me) => me.navigation.organisation === true },
  ],
} satisfies WebFeature;
