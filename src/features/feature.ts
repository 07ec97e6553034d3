import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Migration } from 'kysely';
import type { Actor } from '../domain/actor.js';
import type { AppServices } from '../domain/services.js';
import type { JournalEventSchema } from '../journal/event.js';

/** A feature's HTTP routes, given the app's services. */
export type RoutePlugin = (services: AppServices) => FastifyPluginAsyncZod;

/**
 * What a feature brings to Bansho, in one place (`features/<name>/index.ts`): the app, the navigation, the
 * journal's union and the migration list are made by iterating over `features/index.ts`.
 */
export interface Feature<Events extends readonly JournalEventSchema[] = readonly JournalEventSchema[]> {
  /** The feature's folder. */
  name: string;
  /**
   * Its route plugins. Loaded when the app is built, so that the feature list (which the journal and the
   * migrations read) imports no use case.
   */
  routes: () => Promise<readonly RoutePlugin[]>;
  /** Its menu entries, each shown to an actor when its function (a policy's) says so. */
  navigation: Readonly<Record<string, (actor: Actor) => boolean>>;
  /** The journal events its use cases write. */
  events: Events;
  /** Its migrations by name; all features' run together in name order (`NNN-what`, the next free number). */
  migrations: Readonly<Record<string, Migration>>;
}

/** Declares a feature, keeping the exact types of its events for the journal's union. */
export function defineFeature<const Events extends readonly JournalEventSchema[]>(feature: Feature<Events>): Feature<Events> {
  return feature;
}
