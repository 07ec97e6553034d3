/**
 * What a medium record (記録媒体, 第2 4(3)) may hold: its kinds, its states, the form of its number and the length
 * of its texts. The table's CHECKs say the same; the server's schemas and the web's forms both read them here.
 * (No server-only imports: the web bundles this file.)
 */

/** 種類 of an issued medium. */
export const mediumKinds = ['usb', 'optical', 'hdd', 'ssd', 'sd', 'tape', 'paper', 'other'] as const;
export type MediumKind = (typeof mediumKinds)[number];

/** 使用中 / 保管中 / 紛失 / 廃棄済み. */
export const mediumStatuses = ['in_use', 'stored', 'lost', 'disposed'] as const;
export type MediumStatus = (typeof mediumStatuses)[number];

/** A medium is issued for use or put straight into storage; loss and disposal come later, by update. */
export const registrationStatuses = ['in_use', 'stored'] as const satisfies readonly MediumStatus[];

/** 管理番号: the number written on the medium. */
export const mediumCodePattern = /^[A-Za-z0-9_-]{1,32}$/;

/** The longest texts a medium record holds, and the longest search of the register. */
export const mediumTextLimits = { description: 1000, storageLocation: 200, search: 100 } as const;
