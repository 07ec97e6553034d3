import { holdsRole, type Actor } from '../../domain/actor.js';

export const policyDraftActions = ['import', 'list', 'create', 'read', 'update'] as const;
export type PolicyDraftAction = (typeof policyDraftActions)[number];

/** The acts on one draft the UI may offer (reopen it, save edits to it). */
export const draftActions = ['read', 'update'] as const satisfies readonly PolicyDraftAction[];
export type DraftAction = (typeof draftActions)[number];

/** The acts on drafts as a whole. */
export const draftCollectionActions = ['create'] as const satisfies readonly PolicyDraftAction[];

/**
 * Drafting a policy package from a standard's text is the Bansho administrator's work: the draft becomes the
 * package that decides everyone's duties. Nobody else reads drafts (a draft by id is "not found" to them).
 */
export function can(actor: Actor, _action: PolicyDraftAction): boolean {
  return holdsRole(actor, 'app_admin');
}

/** The actions the UI may offer on a draft. */
export function allowedActions(actor: Actor): DraftAction[] {
  return draftActions.filter((action) => can(actor, action));
}

/** What the actor may do with drafts as a whole. */
export function collectionActions(actor: Actor): (typeof draftCollectionActions)[number][] {
  return can(actor, 'create') ? ['create'] : [];
}
