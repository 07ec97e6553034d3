import type { AnyRoute } from '@tanstack/react-router';
import type { Me } from '../api/types.js';
import type { commonMessages } from '../i18n/common-messages.js';
import type { ReadyRoute } from '../shell/base-routes.js';

type CommonTexts = (typeof commonMessages)['ja'];
/** The common messages that are plain texts (a menu label takes no values). */
type CommonLabel = { [K in keyof CommonTexts]: CommonTexts[K] extends string ? K : never }[keyof CommonTexts];

/** An entry of the main menu: where it goes, its label (a common message), and whom the server lets use it. */
export interface NavigationEntry {
  to: string;
  label: CommonLabel;
  shows: (me: Me) => boolean;
}

/**
 * What a web feature brings: its pages, hung below the signed-in-and-ready route, and its menu entries. A feature
 * declares its routes function on its own (no contextual type), so that each route keeps its exact type for the
 * router's typed links, and then `satisfies WebFeature`.
 */
export interface WebFeature {
  routes: (ready: ReadyRoute) => readonly AnyRoute[];
  navigation: readonly NavigationEntry[];
}

/** Does the server's menu (the session's `navigation`, one entry per feature's key) let this user open `key`? */
export function navigationAllows(me: Me, key: string): boolean {
  return (me.navigation as Record<string, boolean | undefined>)[key] === true;
}
