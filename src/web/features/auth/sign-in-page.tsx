import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { api } from '../../api/client.js';
import { sessionQuery } from '../../api/queries.js';
import type { SignedInSession } from '../../../features/auth/schemas.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { TextField } from '../../components/text-field.js';
import { useFieldErrors } from '../../components/validation.js';
import { useMessages } from '../../i18n/locale-context.js';
import { Page } from '../../shell/page.js';
import { authMessages } from './auth-messages.js';
import { MfaCodeStep } from './mfa-code-step.js';
import { safeRedirect } from './safe-redirect.js';

const signInRoute = getRouteApi('/sign-in');

const credentialsSchema = z.object({
  login: z.string().trim().min(1, 'validationRequired').max(128, 'validationTooLong:128'),
  password: z.string().min(1, 'validationRequired').max(1024, 'validationTooLong:1024'),
});
type Credentials = z.infer<typeof credentialsSchema>;

/** サインイン: password first, then the TOTP code when the server says the session waits for it. */
export function SignInPage() {
  const t = useMessages(authMessages);
  const { redirect } = signInRoute.useSearch();
  const router = useRouter();
  const queryClient = useQueryClient();
  const session = useQuery(sessionQuery);

  const finish = async (response: SignedInSession) => {
    queryClient.setQueryData(sessionQuery.queryKey, response);
    if (!response.user.mfaPending) {
      // Route guards send the user on to a forced password change or MFA enrolment when needed.
      await router.navigate({ href: safeRedirect(redirect) });
    }
  };

  const form = useForm<Credentials>({ resolver: zodResolver(credentialsSchema), defaultValues: { login: '', password: '' } });
  const signIn = useMutation({
    mutationFn: (credentials: Credentials) => api<SignedInSession>('POST', '/session', credentials),
    onSuccess: finish,
    // Whatever the cause, ask for the password again (and never keep a wrong one in the page).
    onError: () => form.resetField('password'),
  });
  const fieldErrors = useFieldErrors(form.formState.errors, signIn.error);

  if (session.data?.user?.mfaPending) {
    return (
      <Page title={t.mfaStepTitle} clauses={['5.3.6']}>
        <MfaCodeStep onVerified={finish} />
      </Page>
    );
  }

  return (
    <Page title={t.signInTitle} clauses={['5.3.6']}>
      <div className="narrow">
        <p className="lead">{t.signInLead}</p>
        <ErrorSummary error={signIn.error} />
        <form noValidate onSubmit={form.handleSubmit((values) => signIn.mutate(values))} className="form">
          <TextField
            label={t.login}
            registration={form.register('login')}
            errors={fieldErrors('login')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
          />
          <TextField
            label={t.password}
            type="password"
            registration={form.register('password')}
            errors={fieldErrors('password')}
            autoComplete="current-password"
            required
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={signIn.isPending}>
              {signIn.isPending ? t.signingIn : t.signIn}
            </button>
          </div>
        </form>
      </div>
    </Page>
  );
}
