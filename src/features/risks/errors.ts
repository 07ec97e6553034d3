import { defineErrors } from '../../domain/error-catalogue.js';

/** The refusals of the risk register (リスク分析, 第2 2, over the threats of 第1 3). */
export const riskErrors = defineErrors({
  E_POLICY_NO_THREATS: { kind: 'invalid', ja: '施行中の対策基準に脅威の一覧（第1 3）がありません。', en: 'The policy in force lists no threats (1.3).' },
  // 第1 3: a risk names one of the threats the standard lists; the message lists the valid ones.
  E_UNKNOWN_THREAT: {
    kind: 'invalid',
    ja: '脅威「{threat}」は対策基準の脅威の一覧（第1 3）にありません。次のいずれかを指定してください：{choices}',
    en: '"{threat}" is not a threat of the policy\'s list (1.3). Use one of: {choices}',
  },
  // 第2 2: an analysis covers one asset or one named group of assets.
  E_RISK_SUBJECT: {
    kind: 'invalid',
    ja: '分析の対象として、情報資産か資産のまとまりのどちらか一方を指定してください（第2 2）。',
    en: 'Name either one asset or one group of assets the analysis covers, not both and not neither (2.2).',
  },
  E_RISK_ASSET_NOT_FOUND: { kind: 'invalid', ja: '指定された情報資産がありません。', en: 'No such asset.' },
  // 第2 2 (管理し、又は利用する課等): the asset is the analysing 課等's, or one the actor also manages.
  E_RISK_ASSET_OTHER_DEPARTMENT: {
    kind: 'invalid',
    ja: 'この情報資産は、リスク分析を行う課等の情報資産ではありません。自課等の情報資産か、管理する課等の情報資産を指定してください（第2 2）。',
    en: 'The asset belongs neither to the analysing department nor to one you manage (2.2).',
  },
  E_RISK_ASSET_DISPOSED: { kind: 'invalid', ja: '廃棄済みの情報資産にはリスク分析を記録できません。', en: 'The asset has been disposed of; it has no risks left to analyse.' },
});
