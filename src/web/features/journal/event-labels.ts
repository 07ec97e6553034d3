import type { LocalizedText } from '../../api/types.js';

/**
 * Readable names of journal event types. A type missing here (added by a newer server) is shown as its
 * raw name: the journal must never hide an entry because the UI does not know it yet.
 */
export const eventLabels: Record<string, LocalizedText> = {
  'auth.password_verified': { ja: 'パスワード確認（確認コード待ち）', en: 'Password accepted (code pending)' },
  'auth.signed_in': { ja: 'サインイン', en: 'Signed in' },
  'auth.sign_in_failed': { ja: 'サインイン失敗', en: 'Sign-in failed' },
  'auth.locked_out': { ja: 'アカウントロック', en: 'Locked out' },
  'auth.signed_out': { ja: 'サインアウト', en: 'Signed out' },
  'auth.password_changed': { ja: 'パスワード変更', en: 'Password changed' },
  'auth.mfa_setup_started': { ja: '二要素認証の設定開始', en: 'Two-factor setup started' },
  'auth.mfa_enrolled': { ja: '二要素認証の設定', en: 'Two-factor authentication set up' },
  'user.created': { ja: '職員の登録', en: 'Staff registered' },
  'user.updated': { ja: '職員情報の変更', en: 'Staff details changed' },
  'user.disabled': { ja: 'アカウントの無効化', en: 'Account disabled' },
  'user.enabled': { ja: 'アカウントの有効化', en: 'Account enabled' },
  'user.moved': { ja: '異動', en: 'Moved to another division' },
  'user.password_reset': { ja: 'パスワードの再発行', en: 'Password reissued' },
  'role.granted': { ja: '役割の付与', en: 'Role granted' },
  'role.revoked': { ja: '役割の解除', en: 'Role revoked' },
  'department.created': { ja: '課等の追加', en: 'Division added' },
  'department.updated': { ja: '課等の変更', en: 'Division changed' },
  'account.preferences_changed': { ja: '表示設定の変更', en: 'Preferences changed' },
  'policy.loaded': { ja: '対策基準の読み込み', en: 'Policy loaded' },
  'policy.draft_saved': { ja: '対策基準の下書きの保存', en: 'Policy draft saved' },
  'policy.draft_updated': { ja: '対策基準の下書きの変更', en: 'Policy draft changed' },
  'policy.activated': { ja: '対策基準の版の切り替え', en: 'Policy version activated' },
  'system.initialised': { ja: 'システムの初期化', en: 'System initialised' },
};

/** Readable names of the kinds of record an entry concerns. */
export const entityTypeLabels: Record<string, LocalizedText> = {
  user: { ja: '職員', en: 'Staff' },
  department: { ja: '課等', en: 'Division' },
  role: { ja: '役割', en: 'Role' },
  role_assignment: { ja: '役割', en: 'Role' },
  session: { ja: 'セッション', en: 'Session' },
  account: { ja: 'アカウント', en: 'Account' },
  policy: { ja: '対策基準', en: 'Policy' },
  policy_draft: { ja: '対策基準の下書き', en: 'Policy draft' },
  system: { ja: 'システム', en: 'System' },
};
