import { defineMessages } from '../../i18n/messages.js';

/** The home page. */
export const homeMessages = defineMessages(
  {
    welcome: (name: string) => `${name}さん、ようこそ`,
    yourAccount: 'あなたのアカウント',
    department: '所属',
    roles: '役割',
    noRoles: '職員（特別な役割はありません）',
    departmentsText: '部・課等の構成を確認・管理します。',
    usersText: '職員の登録・変更・役割の付与を行います。',
    journalText: 'すべての操作の記録を確認します。',
    preferencesText: '表示言語・日付の表記・パスワードを設定します。',
  },
  {
    welcome: (name: string) => `Welcome, ${name}`,
    yourAccount: 'Your account',
    department: 'Division',
    roles: 'Roles',
    noRoles: 'Staff (no special roles)',
    departmentsText: 'See and manage departments and divisions.',
    usersText: 'Register staff, change their details and grant roles.',
    journalText: 'See the record of every act.',
    preferencesText: 'Language, date style and password.',
  },
);
