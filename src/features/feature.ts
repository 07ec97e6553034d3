import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Migration } from 'kysely';
import type { Actor } from '../domain/actor.js';
import type { AppServices } from '../domain/services.js';
import type { CataloguedError, ErrorSpec } from '../domain/error-catalogue.js';
import type { Bilingual } from '../domain/errors.js';
import type { JournalEventSchema } from '../journal/event.js';

/** A feature's HTTP routes, given the app's services. */
export type RoutePlugin = (services: AppServices) => FastifyPluginAsyncZod;

/** A feature's error catalogue (`defineErrors`), as the feature list holds it. */
export type FeatureErrors = Readonly<Record<`E_${string}`, Pick<CataloguedError<string, ErrorSpec>, 'code' | 'kind' | 'template'> & { message: (...params: never[]) => Bilingual }>>;

/**
 * What a feature brings to Bansho, in one place (`features/<name>/index.ts`): the app, the navigation, the
 * journal's union, the migration list and the error codes are made by iterating over `features/index.ts`.
 */
export interface Feature<Events extends readonly JournalEventSchema[] = readonly JournalEventSchema[], Errors extends FeatureErrors = FeatureErrors> {
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
  /** Its error catalogue (`errors.ts`): the codes its refusals answer with, in both languages. */
  errors: Errors;
}

/** Declares a feature, keeping the exact types of its events and error codes for the journal's and the web's unions. */
export function defineFeature<const Events extends readonly JournalEventSchema[], Errors extends FeatureErrors>(feature: Feature<Events, Errors>): Feature<Events, Errors> {
  return feature;
}
