/**
 * What a draft package under review may hold, shared by the server's schemas and the review page.
 * (No server-only imports: the web bundles this file.)
 */

/** The longest name of a saved draft. */
export const draftNameMaxLength = 100;

/** The files of a draft package one may download (render-draft-package.ts writes them). */
export const draftFileNames = ['package.yaml', 'clauses.yaml', 'versions.yaml', 'roles-candidates.yaml'] as const;
export type DraftFileName = (typeof draftFileNames)[number];
