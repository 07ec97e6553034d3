/**
 * What the clause browser and the compliance map speak of, shared by the server's schemas and the web's pages.
 * (No server-only imports: the web bundles this file.)
 */

/**
 * Where a clause stands in this build (compliance.ts decides it): `evidence-recorded` — a capability that
 * implements it is built and has written journal entries; `implemented` — built, no entries yet; `planned` —
 * its capabilities are still to come; `policy-text-only` — nothing in Bansho can implement it.
 */
export const complianceStatuses = ['evidence-recorded', 'implemented', 'planned', 'policy-text-only'] as const;
export type ComplianceStatus = (typeof complianceStatuses)[number];

/** The longest search of the clause browser. */
export const clauseSearchMaxLength = 100;
