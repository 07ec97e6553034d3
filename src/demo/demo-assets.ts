import type { ActingContext } from '../domain/context.js';
import type { CanonicalRole } from '../policy/schema.js';
import { grantAssetAccess } from '../features/assets/asset-access.js';
import { copyAsset } from '../features/assets/copy-asset.js';
import { createAsset } from '../features/assets/create-asset.js';
import { createAssetSchema } from '../features/assets/schemas.js';
import { registerMedium } from '../features/media/register-medium.js';
import { registerMediumSchema } from '../features/media/schemas.js';
import { recordRisk } from '../features/risks/record-risk.js';
import { recordRiskSchema } from '../features/risks/schemas.js';
import type { DemoDepartmentCode } from './demo-municipality.js';

/** Looks up the demo's people and 課等, and acts as one of them. */
export interface DemoDirectory {
  department(code: DemoDepartmentCode): string;
  user(login: string): string;
  actingAs(login: string): Promise<ActingContext>;
}

/**
 * The demo's asset register, written through the same use cases a 責任者 uses (so every act is journaled):
 * issued media, class Ⅰ and Ⅱ assets of 戸籍住民課 and 税務課, access rights, a copy held by another 課等,
 * and risk analyses.
 */
export async function seedDemoAssets(directory: DemoDirectory): Promise<void> {
  const koseki = directory.department('kumin-koseki');
  const zeimu = directory.department('kumin-zeimu');
  const officer = await directory.actingAs('officer');
  const officer2 = await directory.actingAs('officer2');

  const { mediumId: lockedUsb } = await registerMedium(officer, registerMediumSchema.parse({
    code: 'KSK-USB-001', kind: 'usb', description: '暗号化USBメモリ（住民記録データ受渡し用）', departmentId: koseki, holderId: directory.user('staff'),
    issuedOn: '2026-04-01', storageLocation: '戸籍住民課 施錠キャビネットA', lockedStorage: true,
  }));
  await registerMedium(officer, registerMediumSchema.parse({ code: 'KSK-DVD-014', kind: 'optical', description: '窓口案内資料の配布用DVD', departmentId: koseki, issuedOn: '2026-05-12', status: 'stored', storageLocation: '戸籍住民課 書庫' }));

  const register = async (ctx: ActingContext, input: Record<string, unknown>) => (await createAsset(ctx, createAssetSchema.parse(input))).assetId;
  const residents = await register(officer, {
    name: '住民基本台帳データ', description: '住民記録システムに記録された住民票の記載事項', kind: 'electronic_data', departmentId: koseki,
    classLevel: 'class-1', classCriteria: ['resident-impact', 'secret-by-law'], classJustification: '住民基本台帳法により守秘され、漏えいすれば区民のプライバシーに重大な影響を及ぼすため',
    confidentialityNote: '課内の担当職員のみ閲覧', integrityNote: '異動届の入力は二者確認', availabilityNote: '窓口開庁時間中は常時利用',
    location: '本庁舎 サーバ室', retentionUntil: '2031-03-31', reviewDue: '2027-03-31',
  });
  const handover = await register(officer, {
    name: '転出証明データ（受渡し用）', description: '他自治体への受渡し用に抽出したデータ', kind: 'electronic_data', departmentId: koseki,
    classLevel: 'class-1', classCriteria: ['resident-impact'], classJustification: '区民の個人情報を含むため', mediumId: lockedUsb, location: '戸籍住民課 施錠キャビネットA', reviewDue: '2026-12-15',
  });
  await register(officer, { name: '戸籍届書（紙）', description: '受理した届書の原本', kind: 'paper', departmentId: koseki, classLevel: 'class-1', classCriteria: ['secret-by-law', 'hard-to-restore'], classJustification: '戸籍法により守秘され、滅失すれば復元が困難なため', location: '戸籍住民課 耐火書庫', retentionUntil: '2036-03-31' });
  await register(officer, { name: '窓口案内パンフレット原稿', kind: 'paper', departmentId: koseki, classLevel: 'class-2', location: '戸籍住民課 書庫', reviewDue: '2027-04-01' });
  await register(officer, { name: '住民記録システム 設定情報', description: 'サーバ設定・管理者パスワード台帳', kind: 'system', departmentId: koseki, classLevel: 'class-1', classCriteria: ['passwords-config'], classJustification: '情報システムのパスワード及び設定情報のため', location: '本庁舎 サーバ室' });
  const taxLedger = await register(officer2, {
    name: '住民税課税台帳', description: '個人住民税の賦課データ', kind: 'electronic_data', departmentId: zeimu,
    classLevel: 'class-1', classCriteria: ['secret-by-law', 'trust-harm'], classJustification: '地方税法の守秘義務の対象で、漏えいすれば区への信頼を損なうため', location: '本庁舎 サーバ室', reviewDue: '2027-01-31',
  });
  await register(officer2, { name: '税務課 会議録', kind: 'paper', departmentId: zeimu, classLevel: 'class-2', location: '税務課 書庫' });

  // 第2 4(2)ア: who may access what.
  await grantAssetAccess(officer, residents, { subjectType: 'department', subjectId: koseki, permission: 'read' });
  await grantAssetAccess(officer, handover, { subjectType: 'user', subjectId: directory.user('staff'), permission: 'write' });
  await grantAssetAccess(officer2, taxLedger, { subjectType: 'user', subjectId: directory.user('staff2'), permission: 'write' });
  await grantAssetAccess(officer, residents, { subjectType: 'role', subjectId: 'system_admin' satisfies CanonicalRole, permission: 'read' });
  // 第2 1(2): 税務課 holds a copy of resident data for assessment; its own officer manages the copy.
  await grantAssetAccess(officer, residents, { subjectType: 'department', subjectId: zeimu, permission: 'read' });
  await copyAsset(officer2, residents, { kind: 'transmission', departmentId: zeimu, location: '税務課 課税システム', mediumId: null, note: '課税資料として住民記録から連携' });

  // 第2 2: the risk analysis of the 課等's main assets.
  await recordRisk(officer, recordRiskSchema.parse({
    departmentId: koseki, assetId: residents, threatId: 'leakage', likelihood: 2, impact: 3,
    countermeasures: '閲覧権限を課内担当者に限定し、操作ログを月次で点検する', responseProcedure: '緊急時対応計画に従い情報化統括管理者へ報告し、該当端末をネットワークから切断する',
  }));
  await recordRisk(officer, recordRiskSchema.parse({
    departmentId: koseki, assetGroup: '窓口の紙の届書', threatId: 'loss-of-equipment', likelihood: 1, impact: 3,
    countermeasures: '閉庁時は耐火書庫に施錠保管する', responseProcedure: '紛失時は直ちに情報セキュリティ責任者へ報告し、所在を調査する', status: 'treated',
  }));
  await recordRisk(officer2, recordRiskSchema.parse({
    departmentId: zeimu, assetId: taxLedger, threatId: 'unauthorised-access', likelihood: 2, impact: 2,
    countermeasures: '課税システムの利用者登録を年2回棚卸しする', responseProcedure: 'ネットワーク管理者に連絡し、アクセス経路を遮断する',
  }));
}
