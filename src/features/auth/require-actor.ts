import type { ActingContext } from '../../domain/context.js';
import type { Actor } from '../../domain/actor.js';
import { notSignedIn } from './errors.js';

/** The signed-in actor of a context, or "please sign in". */
export function requireActor(ctx: ActingContext): Actor {
  if (!ctx.actor) throw notSignedIn();
  return ctx.actor;
}
