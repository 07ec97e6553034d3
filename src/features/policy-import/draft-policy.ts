import { holdsRole, type Actor } from '../../domain/actor.js';

export type PolicyDraftAction = 'import' | 'list' | 'create' | 'read' | 'update';

/**
 * Drafting a policy package from a standard's text is the Bansho administrator's work: the draft becomes the
 * package that decides everyone's duties. Nobody else reads drafts (a draft by id is "not found" to them).
 */
export function canOnPolicyDrafts(actor: Actor, _action: PolicyDraftAction): boolean {
  return holdsRole(actor, 'app_admin');
}

/** The actions the UI may offer on a draft. */
export const allowedDraftActions = (actor: Actor): PolicyDraftAction[] =>
  (['read', 'update'] as const).filter((action) => canOnPolicyDrafts(actor, action));
