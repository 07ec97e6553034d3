import { defineMessages } from '../../i18n/messages.js';

/** The preferences page. */
export const preferencesMessages = defineMessages(
  {
    title: '設定',
    lead: '表示の設定はサーバーに保存され、別の端末でサインインしても同じになります。',
    language: '表示言語',
    calendar: '日付の表記',
    gregorian: '西暦',
    japanese: '和暦',
    example: (text: string) => `表示例: ${text}`,
    saved: '設定を保存しました。',
    securityHeading: 'セキュリティ',
    changePassword: 'パスワードを変更する',
    setUpMfa: '二要素認証を設定する',
    mfaEnrolled: '二要素認証は設定済みです。',
  },
  {
    title: 'Preferences',
    lead: 'Display preferences are saved on the server and follow you to any terminal you sign in on.',
    language: 'Language',
    calendar: 'Dates',
    gregorian: 'Western calendar (西暦)',
    japanese: 'Japanese era (和暦)',
    example: (text: string) => `Example: ${text}`,
    saved: 'Preferences saved.',
    securityHeading: 'Security',
    changePassword: 'Change password',
    setUpMfa: 'Set up two-factor authentication',
    mfaEnrolled: 'Two-factor authentication is set up.',
  },
);
