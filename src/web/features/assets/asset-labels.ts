import { useQuery } from '@tanstack/react-query';
import type { Locale } from '../../api/types.js';
import { displayTimeZone, formatDate, type DateDisplay } from '../../i18n/dates.js';
import { withParenthesis } from '../../i18n/parenthesis.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { classificationQuery } from './asset-api.js';
import type { AccessPermission, AccessSubjectType, AssetKind, AssetStatus, ClassificationItem, ClassificationLevel } from './asset-types.js';
import { assetsMessages } from './assets-messages.js';

type Messages = (typeof assetsMessages)['ja'];

/** 電子データ, 紙文書, …: the kinds of asset in the current language. */
export function kindLabel(kind: AssetKind, t: Messages): string {
  return {
    electronic_data: t.kindElectronicData,
    paper: t.kindPaper,
    system: t.kindSystem,
    software: t.kindSoftware,
    medium: t.kindMedium,
    other: t.kindOther,
  }[kind];
}

/** The kind of a medium (the media register's kinds); an unknown kind shows as it is. */
export function mediumKindLabel(kind: string, t: Messages): string {
  const labels: Record<string, string> = {
    usb: t.mediumKindUsb,
    optical: t.mediumKindOptical,
    hdd: t.mediumKindHdd,
    ssd: t.mediumKindSsd,
    sd: t.mediumKindSd,
    tape: t.mediumKindTape,
    paper: t.mediumKindPaper,
    other: t.mediumKindOther,
  };
  return labels[kind] ?? kind;
}

/** A medium as a choice: 「KSK-USB-001（USBメモリ・施錠保管）」, so the officer sees which may hold class Ⅰ data. */
export function mediumOptionLabel(medium: { code: string; kind: string; lockedStorage: boolean }, t: Messages, locale: Locale): string {
  const aside = [mediumKindLabel(medium.kind, t), medium.lockedStorage ? t.mediumLocked : t.mediumNotLocked].join(locale === 'ja' ? '・' : ', ');
  return withParenthesis(medium.code, aside, locale);
}

/** Names in a sentence: 「伊藤、佐藤」 / "Ito, Sato". */
export function joinNames(names: readonly string[], locale: Locale): string {
  return names.join(locale === 'ja' ? '、' : ', ');
}

/** 利用中 / 持出中 / 廃棄済み. */
export function statusLabel(status: AssetStatus, t: Messages): string {
  return { active: t.statusActive, out: t.statusOut, disposed: t.statusDisposed }[status];
}

export function permissionLabel(permission: AccessPermission, t: Messages): string {
  return permission === 'write' ? t.permissionWrite : t.permissionRead;
}

export function subjectTypeLabel(type: AccessSubjectType, t: Messages): string {
  return { user: t.subjectUser, role: t.subjectRole, department: t.subjectDepartment }[type];
}

/** A criterion or handling rule in the reader's language (packages give Japanese text and, often, English). */
export function itemText(item: ClassificationItem, locale: Locale): string {
  return locale === 'en' && item.en ? item.en : item.text;
}

/** The levels of the scheme, most sensitive first (the order the standard lists them). */
export function orderedLevels(levels: readonly ClassificationLevel[]): ClassificationLevel[] {
  return [...levels].sort((a, b) => a.rank - b.rank);
}

/**
 * Names a class by the policy's title (重要性分類Ⅰ / Class I). A level the scheme no longer knows (a record
 * classified under an older version) shows its id rather than nothing.
 */
export function useLevelTitle(): (levelId: string) => string {
  const { locale } = useLocale();
  const scheme = useQuery(classificationQuery);
  return (levelId) => scheme.data?.levels.find((level) => level.id === levelId)?.title[locale] ?? levelId;
}

/** The feature's messages in the current language (a shorthand for its many components). */
export function useAssetsMessages(): Messages {
  return useMessages(assetsMessages);
}

/** A calendar day from the API (`YYYY-MM-DD`, Japan time) in 西暦 or 和暦. */
export function formatDay(day: string, display: DateDisplay): string {
  return formatDate(`${day}T00:00:00+09:00`, display);
}

/** Today in Japan time as a date input's value, whatever the device's time zone. */
export function todayInJapan(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: displayTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
