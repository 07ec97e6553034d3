import { defineErrors } from '../../domain/error-catalogue.js';

/** The emergency contact directory's refusals. */
export const contactErrors = defineErrors({
  E_CONTACT_UNREACHABLE: { kind: 'invalid', ja: '電話番号かメールアドレスの少なくとも一方を入力してください。', en: 'Give a phone number or an e-mail address, or both.' },
  E_CONTACT_UNCHANGED: { kind: 'invalid', ja: '変更された項目がありません。', en: 'Nothing was changed.' },
});
