import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { api } from '../../api/client.js';
import { sessionQuery } from '../../api/queries.js';
import type { MfaSetup } from '../../../features/auth/schemas.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { TextField } from '../../components/text-field.js';
import { useFieldErrors } from '../../components/validation.js';
import { useMessages } from '../../i18n/locale-context.js';
import { Page } from '../../shell/page.js';
import { authMessages } from './auth-messages.js';
import { totpCodeSchema } from './mfa-code-step.js';

const confirmSchema = z.object({ code: totpCodeSchema });

/** 二要素認証の設定: required for privileged roles (第5 3(7)), offered to everyone. */
export function MfaEnrolmentPage() {
  const t = useMessages(authMessages);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const me = useQuery(sessionQuery).data?.user;

  // Setting up creates a new secret on the server: start it on request, not on every render or remount.
  const setup = useMutation({ mutationFn: () => api<MfaSetup>('POST', '/account/mfa/setup') });
  const form = useForm<z.input<typeof confirmSchema>, unknown, z.output<typeof confirmSchema>>({
    resolver: zodResolver(confirmSchema),
    defaultValues: { code: '' },
  });
  const confirm = useMutation({
    mutationFn: (values: z.output<typeof confirmSchema>) => api<undefined>('POST', '/account/mfa/confirm', values),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
      await navigate({ to: '/' });
    },
    onError: () => form.resetField('code'),
  });
  const fieldErrors = useFieldErrors(form.formState.errors, confirm.error);

  return (
    <Page title={t.mfaTitle} clauses={['5.3.6', '5.3.7']}>
      <div className="narrow">
        <p className="lead">{me?.mfaRequired ? t.mfaLead : t.mfaOptionalLead}</p>
        <ErrorSummary error={setup.error} />
        {!setup.data ? (
          <div className="form-actions">
            <button type="button" className="button button-primary" disabled={setup.isPending} onClick={() => setup.mutate()}>
              {t.mfaStart}
            </button>
          </div>
        ) : (
          <>
            <section aria-labelledby="mfa-step-1" className="section">
              <h2 id="mfa-step-1">{t.mfaStep1}</h2>
              {/* An <img> rather than inline markup: the SVG cannot run script or restyle the page. */}
              <img
                className="qr-code"
                src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.data.qrSvg)}`}
                alt={t.mfaQrAlt}
                width={200}
                height={200}
              />
              <p>{t.mfaSecretHint}</p>
              <p>
                {t.mfaSecret}: <code className="secret" data-testid="mfa-secret">{groupInFours(setup.data.secret)}</code>
              </p>
            </section>
            <section aria-labelledby="mfa-step-2" className="section">
              <h2 id="mfa-step-2">{t.mfaStep2}</h2>
              <ErrorSummary error={confirm.error} />
              <form noValidate onSubmit={form.handleSubmit((values) => confirm.mutate(values))} className="form">
                <TextField
                  label={t.code}
                  hint={t.codeHint}
                  registration={form.register('code')}
                  errors={fieldErrors('code')}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  className="input-code"
                  required
                />
                <div className="form-actions">
                  <button type="submit" className="button button-primary" disabled={confirm.isPending}>
                    {t.mfaConfirm}
                  </button>
                </div>
              </form>
            </section>
          </>
        )}
      </div>
    </Page>
  );
}

/** Base32 secrets are easier to type from the screen in groups of four. */
function groupInFours(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}
