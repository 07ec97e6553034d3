import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { api } from '../../api/client.js';
import { sessionQuery } from '../../api/queries.js';
import type { SignedInSession } from '../../../features/auth/schemas.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { TextField } from '../../components/text-field.js';
import { useFieldErrors } from '../../components/validation.js';
import { useMessages } from '../../i18n/locale-context.js';
import { authMessages } from './auth-messages.js';

/** A TOTP code: six digits; spaces people copy from their app ("123 456") are dropped. */
export const totpCodeSchema = z
  .string()
  .transform((value) => value.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'validationCode'));

const codeFormSchema = z.object({ code: totpCodeSchema });

/** Second sign-in step: the code from the authenticator app. */
export function MfaCodeStep({ onVerified }: { onVerified: (response: SignedInSession) => Promise<void> }) {
  const t = useMessages(authMessages);
  const queryClient = useQueryClient();
  const form = useForm<z.input<typeof codeFormSchema>, unknown, z.output<typeof codeFormSchema>>({
    resolver: zodResolver(codeFormSchema),
    defaultValues: { code: '' },
  });
  const verify = useMutation({
    mutationFn: (values: z.output<typeof codeFormSchema>) => api<SignedInSession>('POST', '/session/mfa', values),
    onSuccess: onVerified,
    onError: () => form.resetField('code'),
  });
  const startOver = useMutation({
    mutationFn: () => api<undefined>('DELETE', '/session'),
    onSettled: () => queryClient.setQueryData(sessionQuery.queryKey, { user: null }),
  });
  const fieldErrors = useFieldErrors(form.formState.errors, verify.error);

  return (
    <div className="narrow">
      <p className="lead">{t.mfaStepLead}</p>
      <ErrorSummary error={verify.error} />
      <form noValidate onSubmit={form.handleSubmit((values) => verify.mutate(values))} className="form">
        <TextField
          label={t.code}
          hint={t.codeHint}
          registration={form.register('code')}
          errors={fieldErrors('code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          className="input-code"
          required
          // The code step replaces the password step on the same page: start typing at once.
          autoFocus
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={verify.isPending}>
            {t.verify}
          </button>
          <button type="button" className="button button-tertiary" onClick={() => startOver.mutate()}>
            {t.startOver}
          </button>
        </div>
      </form>
    </div>
  );
}
