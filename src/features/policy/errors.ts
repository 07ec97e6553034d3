import { defineErrors } from '../../domain/error-catalogue.js';

/**
 * The refusals of the standard as data. It is read-only for every signed-in user, so it refuses nothing of its
 * own: a version or a clause that does not exist is the kernel's "not found" (queries.ts), bad input the
 * schemas' E_VALIDATION, and loading a version is the CLI's (`bansho policy load`).
 */
export const policyErrors = defineErrors({});
