import type { FieldError, FieldErrors, FieldValues, Path } from 'react-hook-form';
import { ApiError } from '../../api/client.js';
import { translateValidation } from '../../components/validation.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { useLocale } from '../../i18n/locale-context.js';
import { assetsMessages, type AssetValidationKey } from './assets-messages.js';

type Messages = (typeof assetsMessages)['ja'];

/** Turns a schema message key into a sentence: `asset:…` from this feature (naming the class), others shared. */
export function translateAssetValidation(key: string, locale: 'ja' | 'en', levelTitle: string): string {
  if (key.startsWith('asset:')) {
    const name = key.slice('asset:'.length) as AssetValidationKey;
    const message: Messages[AssetValidationKey] | undefined = assetsMessages[locale][name];
    if (typeof message === 'function') return message(levelTitle);
    if (typeof message === 'string') return message;
    return key;
  }
  return translateValidation(key, commonMessages[locale]);
}

/**
 * What is wrong with one field: the form's own check and every reason the server gave for it (a server path
 * `classCriteria.0` counts for `classCriteria`). Like the shared `useFieldErrors`, plus this feature's keys.
 */
export function useAssetFieldErrors<T extends FieldValues>(
  errors: FieldErrors<T>,
  serverError: unknown,
  levelTitle = '',
): (name: Path<T>) => string[] {
  const { locale } = useLocale();
  return (name) => {
    const texts: string[] = [];
    const own = (errors as Record<string, (FieldError & { root?: FieldError }) | undefined>)[name];
    const message = own?.message ?? own?.root?.message;
    if (message) texts.push(translateAssetValidation(message, locale, levelTitle));
    if (serverError instanceof ApiError) {
      for (const field of serverError.fields) {
        if (field.path === name || field.path.startsWith(`${name}.`)) texts.push(field.message[locale]);
      }
    }
    return texts;
  };
}
