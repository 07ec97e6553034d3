import { holdsRole, type Actor } from '../../domain/actor.js';

/**
 * Roles that read the whole journal: oversight and audit (第6 1, 第7). The 情報化戦略本部 receives reports
 * rather than reading personal records, so it is not among them.
 */
export const journalReaderRoles = ['app_admin', 'cio', 'chief_security_officer', 'network_admin', 'auditor'] as const;

/** Everyone may read the entries of their own acts and about themselves; oversight roles read everything. */
export function journalReadScope(actor: Actor): { all: true } | { all: false; actorId: string } {
  return holdsRole(actor, ...journalReaderRoles) ? { all: true } : { all: false, actorId: actor.id };
}

export function canReadWholeJournal(actor: Actor): boolean {
  return holdsRole(actor, ...journalReaderRoles);
}
