import { holdsRole, type Actor } from '../../domain/actor.js';

export const policyDraftActions = ['import', 'list', 'create', 'read', 'update'] as const;
export type PolicyDraftAction = (typeof policyDraftActions)[number];

/**
 * Drafting a policy package from a standard's text is the Bansho administrator's work: the draft becomes the
 * package that decides everyone's duties. Nobody else reads drafts (a draft by id is "not found" to them).
 */
export function can(actor: Actor, _action: PolicyDraftAction): boolean {
  return holdsRole(actor, 'app_admin');
}

/** The actions the UI may offer on a draft. */
export function allowedActions(actor: Actor): ('read' | 'update')[] {
  return (['read', 'update'] as const).filter((action) => can(actor, action));
}

/** What the actor may do with drafts as a whole. */
export function collectionActions(actor: Actor): 'create'[] {
  return can(actor, 'create') ? ['create'] : [];
}
