/** Shapes of the media API as the pages use them (server: src/features/media/queries.ts and routes.ts). */

export const mediumKinds = ['usb', 'optical', 'hdd', 'ssd', 'sd', 'tape', 'paper', 'other'] as const;
export type MediumKind = (typeof mediumKinds)[number];

/** 使用中 / 保管中 / 紛失 / 廃棄済み. */
export const mediumStatuses = ['in_use', 'stored', 'lost', 'disposed'] as const;
export type MediumStatus = (typeof mediumStatuses)[number];

export interface MediumSummary {
  id: string;
  code: string;
  kind: MediumKind;
  description: string;
  departmentId: string;
  departmentName: string;
  holderId: string | null;
  holderName: string | null;
  issuedOn: string;
  status: MediumStatus;
  finalised: boolean;
  writeProtected: boolean;
  storageLocation: string;
  lockedStorage: boolean;
  updatedAt: string;
}

export interface MediaList {
  items: MediumSummary[];
  total: number;
  page: number;
  pageSize: number;
  allowedActions: 'create'[];
  /** The 課等 the reader may register media in. */
  registerDepartmentIds: string[];
}

export interface AssetOnMedium {
  id: string;
  labelCode: string;
  name: string;
  classLevel: string;
  status: 'active' | 'out' | 'disposed';
}

export interface MediumDetail {
  medium: MediumSummary;
  /** Only the assets the reader may read. */
  assets: AssetOnMedium[];
  /** 第2 4(3)ウ: it holds assets whose media must stay in lockable storage. */
  lockedStorageRequired: boolean;
  allowedActions: 'update'[];
}
