import { defineErrors } from '../../domain/error-catalogue.js';
import type { Bilingual } from '../../domain/errors.js';
import type { ScopeType } from '../../db/tables.js';

/** The 課等 tree's, the user register's and role assignments' errors (第5 3(1)). */
export const organisationErrors = defineErrors({
  E_DEPARTMENT_NOT_FOUND: { kind: 'invalid', ja: '指定された課等がありません。', en: 'No such department.' },
  E_DEPARTMENT_LEVEL_UNKNOWN: { kind: 'invalid', ja: '組織の階層がポリシーにありません。', en: 'This organisation level is not defined by the policy.' },
  E_DEPARTMENT_CODE_TAKEN: { kind: 'conflict', ja: 'このコードは既に使われています。', en: 'This code is already in use.' },
  E_DEPARTMENT_CYCLE: { kind: 'invalid', ja: '自分自身や配下の課等を親にはできません。', en: 'A department cannot be placed under itself or its descendants.' },
  E_LOGIN_TAKEN: { kind: 'conflict', ja: 'このログインIDは既に使われています。', en: 'This login is already taken.' },
  E_STAFF_NUMBER_TAKEN: { kind: 'conflict', ja: 'この職員番号は既に登録されています。', en: 'This staff number is already registered.' },
  E_SAME_DEPARTMENT: { kind: 'invalid', ja: '既にこの課等に所属しています。', en: 'The user already belongs to this department.' },
  E_ROLE_UNKNOWN: { kind: 'invalid', ja: 'この役割は現在のポリシーにありません。', en: 'This role is not defined by the current policy.' },
  // One text for a scope of the wrong kind, of the wrong organisation level, or none at all: it names the right one.
  E_ROLE_SCOPE_INVALID: { kind: 'invalid', ja: '{role}の範囲には{scope}を指定してください。', en: 'The scope of {role} must be: {scope}.' },
  E_ROLE_ALREADY_GRANTED: { kind: 'conflict', ja: 'この役割は既に付与されています。', en: 'The user already holds this role with this scope.' },
  E_POLICY_NO_LEVELS: { kind: 'invalid', ja: 'ポリシーに組織の階層がありません。', en: 'The policy defines no organisation levels.' },
});

/** What each kind of scope is called in E_ROLE_SCOPE_INVALID (a 課等 scope is named by its level when the policy sets one). */
export const scopeTypeNames: Readonly<Record<ScopeType, Bilingual>> = {
  global: { ja: '全庁', en: 'the whole organisation' },
  department: { ja: '課等', en: 'a department' },
  system: { ja: '情報システム', en: 'an information system' },
  network: { ja: 'ネットワーク', en: 'a network' },
};
