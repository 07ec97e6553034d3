import type { KernelErrorCode } from '../domain/kernel-errors.js';
import type { features } from './index.js';

/** The codes of each catalogue of a union of catalogues (keyof of a union would keep only the codes they share). */
type CodesOfEach<Catalogue> = Catalogue extends unknown ? keyof Catalogue & `E_${string}` : never;

/** Every error code Bansho answers with: the kernel's and every feature's catalogue's. The web matches on these. */
export type ErrorCode = KernelErrorCode | CodesOfEach<(typeof features)[number]['errors']>;
