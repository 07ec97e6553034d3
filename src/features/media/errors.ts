import { defineErrors } from '../../domain/error-catalogue.js';

/** The refusals of the media register (記録媒体, 第2 4(3)). */
export const mediumErrors = defineErrors({
  E_MEDIUM_CODE_TAKEN: { kind: 'conflict', ja: 'この管理番号の記録媒体は既に登録されています。', en: 'A medium with this code is already registered.' },
  // 第2 4(3)ア: a medium is held by someone of the 課等 it was issued to.
  E_MEDIUM_HOLDER_NOT_IN_DEPARTMENT: {
    kind: 'invalid',
    ja: '保管者は、媒体を支給した課等に所属する有効な職員でなければなりません（第2 4(3)ア）。',
    en: 'The holder must be an active member of the department the medium is issued to (2.4.3.ア).',
  },
  // 第2 4(3)イ: a medium whose assets are final is kept write-protected.
  E_MEDIUM_FINALISED_WRITABLE: {
    kind: 'invalid',
    ja: '確定した情報資産を記録した媒体は書き込み禁止にしなければなりません（第2 4(3)イ）。',
    en: 'A medium holding finalised assets must be write-protected (2.4.3.イ).',
  },
  // 第2 4(3)ア, 4(4): the assets on a medium are accounted for before the medium is lost or disposed of.
  E_MEDIUM_IN_USE: {
    kind: 'invalid',
    ja: 'この媒体には廃棄されていない情報資産が{count}件記録されています。先に情報資産を別の媒体へ移すか廃棄してください（第2 4(3)ア、4(4)）。',
    en: 'This medium still holds {count} asset(s) not disposed of. Move them to another medium or dispose of them first (2.4.3.ア, 2.4.4).',
  },
  // 第2 4(3)ウ: media holding class Ⅰ assets stay in lockable storage.
  E_MEDIUM_HOLDS_LOCKED_ASSETS: {
    kind: 'invalid',
    ja: 'この媒体には施錠保管が必要な重要性分類の情報資産が{count}件記録されているため、施錠保管を解除できません（第2 4(3)ウ）。',
    en: 'This medium holds {count} asset(s) of a class whose media must be kept in lockable storage (2.4.3.ウ); locked storage cannot be turned off.',
  },
});
