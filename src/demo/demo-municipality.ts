import type { ScopeType } from '../db/tables.js';
import type { CanonicalRole } from '../policy/schema.js';

/** The demo's 課等 tree: a few 部 and 課 in the style of a ward office. */
export const demoDepartments = [
  { code: 'somu', name: '総務部', kana: 'そうむぶ', parent: null, level: 'bu' },
  { code: 'somu-somu', name: '総務課', kana: 'そうむか', parent: 'somu', level: 'ka' },
  { code: 'somu-joho', name: '情報政策課', kana: 'じょうほうせいさくか', parent: 'somu', level: 'ka' },
  { code: 'kumin', name: '地域振興部', kana: 'ちいきしんこうぶ', parent: null, level: 'bu' },
  { code: 'kumin-koseki', name: '戸籍住民課', kana: 'こせきじゅうみんか', parent: 'kumin', level: 'ka' },
  { code: 'kumin-zeimu', name: '税務課', kana: 'ぜいむか', parent: 'kumin', level: 'ka' },
  { code: 'kenko', name: '健康部', kana: 'けんこうぶ', parent: null, level: 'bu' },
  { code: 'kenko-hoken', name: '保健予防課', kana: 'ほけんよぼうか', parent: 'kenko', level: 'ka' },
] as const;

export type DemoDepartmentCode = (typeof demoDepartments)[number]['code'];

export interface DemoUser {
  login: string;
  name: string;
  kana: string;
  department: DemoDepartmentCode;
  role: CanonicalRole;
  /** A department code for 'department' scope, the system's or network's name otherwise. */
  scope: { type: ScopeType; id?: string };
}

/** One demo user for every canonical role; all share DEMO_PASSWORD and need no password change. */
export const DEMO_PASSWORD = 'bansho-demo-2026';

export const demoUsers: DemoUser[] = [
  { login: 'admin', name: '番所 管理', kana: 'ばんしょ かんり', department: 'somu-joho', role: 'app_admin', scope: { type: 'global' } },
  { login: 'cio', name: '高橋 統括', kana: 'たかはし とうかつ', department: 'somu', role: 'cio', scope: { type: 'global' } },
  { login: 'ciso', name: '佐藤 統括責任者', kana: 'さとう とうかつせきにんしゃ', department: 'somu-joho', role: 'chief_security_officer', scope: { type: 'global' } },
  { login: 'netadmin', name: '鈴木 網', kana: 'すずき あみ', department: 'somu-joho', role: 'network_admin', scope: { type: 'network', id: '庁内LAN' } },
  { login: 'sysadmin', name: '田中 系統', kana: 'たなか けいとう', department: 'somu-joho', role: 'system_admin', scope: { type: 'system', id: '住民記録システム' } },
  { login: 'officer', name: '伊藤 責任者', kana: 'いとう せきにんしゃ', department: 'kumin-koseki', role: 'security_officer', scope: { type: 'department', id: 'kumin-koseki' } },
  { login: 'officer2', name: '渡辺 税務', kana: 'わたなべ ぜいむ', department: 'kumin-zeimu', role: 'security_officer', scope: { type: 'department', id: 'kumin-zeimu' } },
  { login: 'staff', name: '山本 職員', kana: 'やまもと しょくいん', department: 'kumin-koseki', role: 'staff', scope: { type: 'department', id: 'kumin-koseki' } },
  { login: 'staff2', name: '中村 職員', kana: 'なかむら しょくいん', department: 'kumin-zeimu', role: 'staff', scope: { type: 'department', id: 'kumin-zeimu' } },
  { login: 'board', name: '小林 本部', kana: 'こばやし ほんぶ', department: 'somu', role: 'strategy_board', scope: { type: 'global' } },
  { login: 'contractor', name: '加藤 委託', kana: 'かとう いたく', department: 'somu-joho', role: 'contractor', scope: { type: 'department', id: 'somu-joho' } },
  { login: 'auditor', name: '吉田 監査', kana: 'よしだ かんさ', department: 'somu-somu', role: 'auditor', scope: { type: 'global' } },
];
