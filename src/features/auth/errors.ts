import { DomainError } from '../../domain/errors.js';

/** One message whatever went wrong, so that sign-in never tells whether a login exists. */
export const signInFailed = (): DomainError =>
  new DomainError('unauthenticated', 'E_SIGN_IN_FAILED', {
    ja: 'サインインできませんでした。ログインIDとパスワード（または確認コード）を確かめてください。続けて失敗すると一時的にロックされます。',
    en: 'Sign-in failed. Check your login and password (or code). Repeated failures lock the account for a while.',
  });

export const notSignedIn = (): DomainError =>
  new DomainError('unauthenticated', 'E_NOT_SIGNED_IN', { ja: 'サインインしてください。', en: 'Please sign in.' });

export const passwordChangeRequired = (): DomainError =>
  new DomainError('precondition', 'E_PASSWORD_CHANGE_REQUIRED', {
    ja: '初回サインインのため、パスワードを変更してください（第5 3(7)）。',
    en: 'Change your initial password before continuing (clause 5.3.7).',
  });

export const mfaEnrolmentRequired = (): DomainError =>
  new DomainError('precondition', 'E_MFA_ENROLMENT_REQUIRED', {
    ja: 'この役割では二要素認証の設定が必要です。',
    en: 'Your role requires two-factor authentication to be set up.',
  });

export const mfaCodeInvalid = (): DomainError =>
  new DomainError('invalid', 'E_MFA_CODE_INVALID', {
    ja: '確認コードが正しくありません。認証アプリに表示されている6桁のコードを入力してください。',
    en: 'The code is not valid. Enter the 6-digit code shown in your authenticator app.',
  }, [{ path: 'code', message: { ja: '確認コードが正しくありません。', en: 'Invalid code.' } }]);
