import { useSavePreferences } from '../features/preferences/use-save-preferences.js';
import { useLocale } from '../i18n/locale-context.js';

/**
 * One button naming the other language in that language (「English」 / 「日本語」), as multilingual
 * government sites do: a reader who cannot read the current language still recognises it.
 */
export function LanguageSwitch() {
  const { locale } = useLocale();
  const save = useSavePreferences();
  const other = locale === 'ja' ? 'en' : 'ja';
  return (
    <button
      type="button"
      className="language-switch"
      lang={other}
      disabled={save.isPending}
      onClick={() => save.mutate({ locale: other })}
    >
      {other === 'en' ? 'English' : '日本語'}
    </button>
  );
}
