import { useEffect, useRef } from 'react';
import { ApiError } from '../api/client.js';
import { commonMessages } from '../i18n/common-messages.js';
import { useLocale } from '../i18n/locale-context.js';

/**
 * Shows why an action failed, in the current language, and takes focus so a screen reader user hears it
 * at once and a sighted user on a phone sees it without scrolling.
 */
export function ErrorSummary({ error, focus = true }: { error: unknown; focus?: boolean }) {
  const { locale } = useLocale();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error && focus) ref.current?.focus();
  }, [error, focus]);
  if (!error) return null;

  const apiError = error instanceof ApiError ? error : null;
  const text = apiError ? apiError.text[locale] : commonMessages[locale].loadFailed;
  return (
    <div ref={ref} className="notice notice-error" role="alert" tabIndex={-1}>
      <p className="notice-title">{text}</p>
      {apiError && apiError.fields.length > 0 ? (
        <ul>
          {apiError.fields.map((field, index) => (
            <li key={`${field.path}-${index}`}>{field.message[locale]}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
