import type { FieldError, FieldErrors, FieldValues, Path } from 'react-hook-form';
import { ApiError } from '../api/client.js';
import { commonMessages } from '../i18n/common-messages.js';
import { useLocale } from '../i18n/locale-context.js';

type CommonMessages = (typeof commonMessages)['ja'];

/**
 * zod schemas carry message keys (`validationRequired`, `validationTooLong:100`) rather than text, so one
 * schema serves both languages; this turns a key into the current language's sentence. A server schema used as
 * the form's own carries both texts (`日本語 / English`): the current language's is taken.
 */
export function translateValidation(key: string, messages: CommonMessages, locale: 'ja' | 'en' = 'ja'): string {
  const bilingual = key.split(' / ');
  if (bilingual.length === 2) return (locale === 'ja' ? bilingual[0] : bilingual[1]) ?? key;
  const [name, argument] = key.split(':');
  const message = (messages as Record<string, unknown>)[name ?? ''];
  if (typeof message === 'string') return message;
  if (typeof message === 'function') return (message as (value: number) => string)(Number(argument));
  return key;
}

/** Collects what is wrong with one field: the form's own check and every reason the server gave for it. */
export function useFieldErrors<T extends FieldValues>(
  errors: FieldErrors<T>,
  serverError: unknown,
): (name: Path<T>) => string[] {
  const { locale } = useLocale();
  const messages = commonMessages[locale];
  return (name) => {
    const texts: string[] = [];
    const own = (errors as Record<string, FieldError | undefined>)[name];
    if (own?.message) texts.push(translateValidation(own.message, messages, locale));
    if (serverError instanceof ApiError) {
      for (const field of serverError.fields) if (field.path === name) texts.push(field.message[locale]);
    }
    return texts;
  };
}
