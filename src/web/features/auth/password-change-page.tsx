import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { api } from '../../api/client.js';
import { sessionQuery } from '../../api/queries.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { TextField } from '../../components/text-field.js';
import { useFieldErrors } from '../../components/validation.js';
import { useMessages } from '../../i18n/locale-context.js';
import { Page } from '../../shell/page.js';
import { authMessages } from './auth-messages.js';

// The server holds the full policy (common passwords, personal data); the form checks only what it can
// know, so the user hears about length before sending.
const passwordChangeSchema = z
  .object({
    currentPassword: z.string().min(1, 'validationRequired'),
    newPassword: z.string().min(12, 'validationTooShort:12').max(128, 'validationTooLong:128'),
    confirmPassword: z.string().min(1, 'validationRequired'),
  })
  .refine((values) => values.newPassword === values.confirmPassword, {
    path: ['confirmPassword'],
    message: 'validationMismatch',
  });
type PasswordChange = z.infer<typeof passwordChangeSchema>;

/** パスワードの変更: forced at first sign-in (第5 3(7): initial credentials are always changed). */
export function PasswordChangePage() {
  const t = useMessages(authMessages);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const session = useQuery(sessionQuery);
  const forced = session.data?.user?.mustChangePassword ?? false;
  const [reveal, setReveal] = useState(false);
  const [done, setDone] = useState(false);

  const form = useForm<PasswordChange>({
    resolver: zodResolver(passwordChangeSchema),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: PasswordChange) =>
      api<undefined>('POST', '/account/password', { currentPassword, newPassword }),
    onSuccess: async () => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
      if (forced) await navigate({ to: '/' });
      else setDone(true);
    },
  });
  const fieldErrors = useFieldErrors(form.formState.errors, change.error);
  const type = reveal ? 'text' : 'password';

  return (
    <Page title={t.passwordTitle} clauses={['5.3.6', '5.3.7']}>
      <div className="narrow">
        <p className="lead">{forced ? t.passwordForcedLead : t.passwordLead}</p>
        {done ? (
          <div className="notice notice-success" role="status">
            <p className="notice-title">{t.passwordChanged}</p>
          </div>
        ) : null}
        <ErrorSummary error={change.error} />
        <form noValidate onSubmit={form.handleSubmit((values) => change.mutate(values))} className="form">
          <TextField
            label={t.currentPassword}
            type={type}
            hint={forced ? t.currentPasswordForcedHint : undefined}
            registration={form.register('currentPassword')}
            errors={fieldErrors('currentPassword')}
            autoComplete="current-password"
            required
          />
          <TextField
            label={t.newPassword}
            type={type}
            hint={<PasswordRules />}
            registration={form.register('newPassword')}
            errors={fieldErrors('newPassword')}
            autoComplete="new-password"
            required
          />
          <TextField
            label={t.confirmPassword}
            type={type}
            registration={form.register('confirmPassword')}
            errors={fieldErrors('confirmPassword')}
            autoComplete="new-password"
            required
          />
          <div className="checkbox">
            <input id="reveal-passwords" type="checkbox" checked={reveal} onChange={(e) => setReveal(e.target.checked)} />
            <label htmlFor="reveal-passwords">{t.showPasswords}</label>
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={change.isPending}>
              {t.changePassword}
            </button>
          </div>
        </form>
      </div>
    </Page>
  );
}

/** The rules, shown before the user types (not only after a refusal). */
function PasswordRules() {
  const t = useMessages(authMessages);
  return (
    <div className="password-rules">
      <p className="password-rules-heading">{t.rulesHeading}</p>
      <ul>
        <li>{t.ruleLength}</li>
        <li>{t.ruleCommon}</li>
        <li>{t.rulePersonal}</li>
      </ul>
      <p>{t.rulePassphrase}</p>
    </div>
  );
}
