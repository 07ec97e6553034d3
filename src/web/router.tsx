import type { QueryClient } from '@tanstack/react-query';
import { createRouter, type AnyRoute } from '@tanstack/react-router';
import { webFeatures } from './features/index.js';
import { mfaRoute, passwordRoute, readyRoute, rootRoute, signedInRoute, signInRoute, type ReadyRoute } from './shell/base-routes.js';

/** The routes of every feature in the list, as one tuple whose element types the typed links read. */
type FeatureRoutes<Features extends readonly unknown[]> = Features extends readonly [infer First, ...infer Rest]
  ? [...(First extends { routes: (ready: ReadyRoute) => infer Routes extends readonly unknown[] } ? Routes : []), ...FeatureRoutes<Rest>]
  : [];

const featureRoutes = webFeatures.flatMap((feature): readonly AnyRoute[] => feature.routes(readyRoute)) as unknown as FeatureRoutes<typeof webFeatures>;

const routeTree = rootRoute.addChildren([signInRoute, signedInRoute.addChildren([passwordRoute, mfaRoute, readyRoute.addChildren(featureRoutes)])]);

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
