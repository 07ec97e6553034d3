import { defineErrors } from '../../domain/error-catalogue.js';

/** Sign-in and account errors (第5 3(6)(7)). */
export const authErrors = defineErrors({
  // One message whatever went wrong, so that sign-in never tells whether a login exists.
  E_SIGN_IN_FAILED: {
    kind: 'unauthenticated',
    ja: 'サインインできませんでした。ログインIDとパスワード（または確認コード）を確かめてください。続けて失敗すると一時的にロックされます。',
    en: 'Sign-in failed. Check your login and password (or code). Repeated failures lock the account for a while.',
  },
  E_NOT_SIGNED_IN: { kind: 'unauthenticated', ja: 'サインインしてください。', en: 'Please sign in.' },
  E_PASSWORD_CHANGE_REQUIRED: {
    kind: 'precondition',
    ja: '初回サインインのため、パスワードを変更してください（第5 3(7)）。',
    en: 'Change your initial password before continuing (clause 5.3.7).',
  },
  E_MFA_ENROLMENT_REQUIRED: { kind: 'precondition', ja: 'この役割では二要素認証の設定が必要です。', en: 'Your role requires two-factor authentication to be set up.' },
  E_MFA_CODE_INVALID: {
    kind: 'invalid',
    ja: '確認コードが正しくありません。認証アプリに表示されている6桁のコードを入力してください。',
    en: 'The code is not valid. Enter the 6-digit code shown in your authenticator app.',
  },
  E_MFA_ALREADY_ENROLLED: { kind: 'conflict', ja: '二要素認証は設定済みです。', en: 'Two-factor authentication is already set up.' },
  E_CURRENT_PASSWORD_WRONG: { kind: 'invalid', ja: '現在のパスワードが正しくありません。', en: 'The current password is not correct.' },
  E_PASSWORD_POLICY: { kind: 'invalid', ja: '新しいパスワードが規則を満たしていません。', en: 'The new password does not meet the rules.' },
  E_PASSWORD_UNCHANGED: { kind: 'invalid', ja: '現在と同じパスワードは使えません。', en: 'The new password must differ from the current one.' },
});

/** One message whatever went wrong, so that sign-in never tells whether a login exists. */
export const signInFailed = () => authErrors.E_SIGN_IN_FAILED.error();
export const notSignedIn = () => authErrors.E_NOT_SIGNED_IN.error();
export const passwordChangeRequired = () => authErrors.E_PASSWORD_CHANGE_REQUIRED.error();
export const mfaEnrolmentRequired = () => authErrors.E_MFA_ENROLMENT_REQUIRED.error();
export const mfaCodeInvalid = () => authErrors.E_MFA_CODE_INVALID.error({ field: 'code' });
