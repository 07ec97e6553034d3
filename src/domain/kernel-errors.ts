import { defineErrors, type CodesOf } from './error-catalogue.js';
import type { Bilingual, DomainError } from './errors.js';

/** The errors of no feature in particular: records not found, refusals, and what the HTTP layer refuses. */
export const kernelErrors = defineErrors({
  E_NOT_FOUND: { kind: 'not_found', ja: '{what}が見つかりません。', en: '{what} was not found.' },
  E_FORBIDDEN: { kind: 'forbidden', ja: 'この操作を行う権限がありません。', en: 'You are not allowed to do this.' },
  E_NO_ROUTE: { kind: 'not_found', ja: 'ページまたは API が見つかりません（{method} {path}）。', en: 'No route {method} {path}' },
  E_BAD_REQUEST: { kind: 'malformed', ja: 'リクエストの形式が正しくありません（{detail}）。', en: 'The request is malformed: {detail}' },
  E_MALFORMED_JSON: { kind: 'malformed', ja: 'JSON として読めません（{detail}）。', en: 'The request is malformed: {detail}' },
  E_VALIDATION: { kind: 'malformed', ja: '入力内容に誤りがあります。', en: 'The input is not valid.' },
  E_INPUT_TOO_DEEP: { kind: 'malformed', ja: '入力の入れ子が深すぎます（{max}段まで）。', en: 'The input is nested too deeply (at most {max} levels).' },
  E_UNSTORABLE_TEXT: {
    kind: 'invalid',
    ja: '使用できない文字（NUL や不正な Unicode）が含まれています。',
    en: 'The input contains characters that cannot be stored (NUL or malformed Unicode).',
  },
  E_CSRF: {
    kind: 'forbidden',
    ja: '画面を再読み込みしてからやり直してください（CSRF トークンが一致しません）。',
    en: 'Reload the page and try again (the CSRF token does not match).',
  },
  E_RATE_LIMITED: { kind: 'rate_limited', ja: '試行回数が多すぎます。しばらく待ってからやり直してください。', en: 'Too many attempts. Wait a moment and try again.' },
  E_BODY_TOO_LARGE: { kind: 'malformed', ja: '送信されたデータが大きすぎます。', en: 'The request body is too large.' },
  E_UNSUPPORTED_MEDIA_TYPE: { kind: 'malformed', ja: 'JSON 形式で送信してください。', en: 'Send the request body as JSON.' },
  E_INTERNAL: { kind: 'malformed', ja: 'サーバーで問題が発生しました。操作は記録されていません。', en: 'Something went wrong on the server. Nothing was changed.' },
});

export type KernelErrorCode = CodesOf<typeof kernelErrors>;

/** The resource does not exist, or the actor may not know that it does: both answer the same. */
export function notFound(what: Bilingual = { ja: '対象', en: 'The record' }): DomainError {
  return kernelErrors.E_NOT_FOUND.error({ what });
}

/** The actor may see the resource but not do this. */
export function forbidden(): DomainError {
  return kernelErrors.E_FORBIDDEN.error();
}
