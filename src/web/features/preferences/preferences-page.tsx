import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { sessionQuery } from '../../api/queries.js';
import type { Calendar, Locale } from '../../api/types.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { formatDate } from '../../i18n/dates.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { Page } from '../../shell/page.js';
import { preferencesMessages } from './preferences-messages.js';
import { useSavePreferences } from './use-save-preferences.js';

interface PreferenceValues {
  locale: Locale;
  calendar: Calendar;
}

/** 設定: language and calendar (西暦/和暦), saved to the server; links to password and MFA. */
export function PreferencesPage() {
  const t = useMessages(preferencesMessages);
  const common = useMessages(commonMessages);
  const current = useLocale();
  const me = useQuery(sessionQuery).data?.user;
  const save = useSavePreferences();
  const [saved, setSaved] = useState(false);
  const form = useForm<PreferenceValues>({ defaultValues: { locale: current.locale, calendar: current.calendar } });
  // The header's language button may change the language while this page is open: show what is in force.
  useEffect(() => form.reset({ locale: current.locale, calendar: current.calendar }), [form, current.locale, current.calendar]);
  const chosen = form.watch();
  const now = new Date();

  const submit = (values: PreferenceValues) => {
    setSaved(false);
    save.mutate(values, { onSuccess: () => setSaved(true) });
  };

  return (
    <Page title={t.title} clauses={['1.1']}>
      <p className="lead">{t.lead}</p>
      <div role="status">
        {saved ? (
          <div className="notice notice-success">
            <p className="notice-title">{t.saved}</p>
          </div>
        ) : null}
      </div>
      <ErrorSummary error={save.error} />
      <form noValidate className="form narrow" onSubmit={form.handleSubmit(submit)}>
        <fieldset className="radio-group">
          <legend>{t.language}</legend>
          <label className="radio">
            <input type="radio" value="ja" {...form.register('locale')} />
            <span lang="ja">日本語</span>
          </label>
          <label className="radio">
            <input type="radio" value="en" {...form.register('locale')} />
            <span lang="en">English</span>
          </label>
        </fieldset>
        <fieldset className="radio-group">
          <legend>{t.calendar}</legend>
          <label className="radio">
            <input type="radio" value="gregorian" {...form.register('calendar')} />
            <span>
              {t.gregorian}
              <span className="radio-hint">
                {t.example(formatDate(now, { locale: chosen.locale, calendar: 'gregorian' }))}
              </span>
            </span>
          </label>
          <label className="radio">
            <input type="radio" value="japanese" {...form.register('calendar')} />
            <span>
              {t.japanese}
              <span className="radio-hint">
                {t.example(formatDate(now, { locale: chosen.locale, calendar: 'japanese' }))}
              </span>
            </span>
          </label>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {save.isPending ? common.saving : common.save}
          </button>
        </div>
      </form>

      <section className="section" aria-labelledby="security-heading">
        <h2 id="security-heading">{t.securityHeading}</h2>
        <ul className="link-list">
          <li>
            <Link to="/account/password">{t.changePassword}</Link>
          </li>
          <li>{me?.mfaEnrolled ? t.mfaEnrolled : <Link to="/account/mfa">{t.setUpMfa}</Link>}</li>
        </ul>
      </section>
    </Page>
  );
}
