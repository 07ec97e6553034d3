import '@digital-go-jp/design-tokens/dist/tokens.css';
import './styles/fonts.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/page.css';
import './styles/buttons.css';
import './styles/forms.css';
import './styles/feedback.css';
import './styles/tables.css';
import './styles/records.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError, onSessionProblem } from './api/client.js';
import { sessionQuery } from './api/queries.js';
import { LocaleProvider } from './i18n/locale-context.js';
import { createAppRouter } from './router.js';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refused request (401/403/404/422) will be refused again: do not hammer the server.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});
const router = createAppRouter(queryClient);

// When a session ends (timeout, sign-out elsewhere) or a forced step is pending, re-read the session and
// let the route guards send the user to the right page, whatever page made the call.
onSessionProblem(() => {
  void queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey }).then(() => router.invalidate());
});

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain #root');
createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <RouterProvider router={router} />
      </LocaleProvider>
    </QueryClientProvider>
  </StrictMode>,
);
