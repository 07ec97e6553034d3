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
  // The reasons of E_PASSWORD_POLICY, one for each rule a new password breaks (passwords.ts, 第5 3(6)).
  E_PASSWORD_UNCHANGED: { kind: 'invalid', ja: '現在と同じパスワードは使えません。', en: 'The new password must differ from the current one.' },
  E_PASSWORD_TOO_SHORT: { kind: 'invalid', ja: 'パスワードは{min}文字以上にしてください。', en: 'The password must be at least {min} characters long.' },
  E_PASSWORD_TOO_LONG: { kind: 'invalid', ja: 'パスワードは{max}文字以下にしてください。', en: 'The password must be at most {max} characters long.' },
  E_PASSWORD_TOO_COMMON: { kind: 'invalid', ja: 'よく使われるパスワードは使えません。', en: 'This password is too common.' },
  E_PASSWORD_TOO_FEW_CHARACTERS: { kind: 'invalid', ja: '同じ文字の繰り返しは使えません。', en: 'The password repeats too few different characters.' },
  E_PASSWORD_CONTAINS_USER_DETAILS: {
    kind: 'invalid',
    ja: 'パスワードに利用者名やログインIDの一部を含めないでください。',
    en: 'The password must not contain parts of your name or login.',
  },
  // `advice` is the strength estimate's own (zxcvbn's texts in each language), empty when it has none.
  E_PASSWORD_EASY_TO_GUESS: {
    kind: 'invalid',
    ja: '推測されやすいパスワードです。{advice}関係のない単語をいくつか（または文を）つないで長くすると強くなります。',
    en: 'This password is easy to guess. {advice}Join several unrelated words (or a sentence) into a longer passphrase.',
  },
});

/** One message whatever went wrong, so that sign-in never tells whether a login exists. */
export const signInFailed = () => authErrors.E_SIGN_IN_FAILED.error();
export const notSignedIn = () => authErrors.E_NOT_SIGNED_IN.error();
export const passwordChangeRequired = () => authErrors.E_PASSWORD_CHANGE_REQUIRED.error();
export const mfaEnrolmentRequired = () => authErrors.E_MFA_ENROLMENT_REQUIRED.error();
export const mfaCodeInvalid = () => authErrors.E_MFA_CODE_INVALID.error({ field: 'code' });
