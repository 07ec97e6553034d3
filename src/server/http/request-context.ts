import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { ActingContext } from '../../domain/context.js';
import { kernelErrors } from '../../domain/kernel-errors.js';
import type { Database } from '../../db/tables.js';
import type { Policy } from '../../policy/schema.js';
import { mfaEnrolmentRequired, notSignedIn, passwordChangeRequired } from '../../features/auth/errors.js';
import { findSessionActor, touchSession, type SessionState } from '../../features/auth/session-actor.js';
import type { SessionSettings } from '../../features/auth/sessions.js';
import { clearSessionCookies, CSRF_COOKIE, SESSION_COOKIE } from '../../features/auth/session-cookies.js';

/**
 * Who may call a route: `public` anyone; `pending` a session waiting for its second factor; `account` a signed-in
 * user even before the forced password change or MFA enrolment; `user` (the default) a fully signed-in user.
 */
export type Access = 'public' | 'pending' | 'account' | 'user';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    session: (SessionState & { id: string }) | null;
    /** The acting context for use cases; `actor` is set on every route but `public` ones. */
    acting(): ActingContext;
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export interface RequestContextOptions {
  db: Kysely<Database>;
  policy: () => Policy;
  session: SessionSettings;
  secureCookies: boolean;
  mfaRequiredFor: (state: SessionState) => boolean;
  /** The municipality's time zone, for every acting context. */
  timeZone: string;
}

/**
 * The access the matched route declares; 'none' when no route matched (the not-found answer). A route that
 * matched but declares nothing is refused as if it needed a full sign-in and more: app.ts refuses to register it.
 */
function routeAccess(request: FastifyRequest): Access | 'none' {
  if (!request.routeOptions.url) return 'none';
  return request.routeOptions.config.access ?? 'user';
}

/** Resolves the session, enforces CSRF on state-changing requests and each route's access level. */
export function registerRequestContext(app: FastifyInstance, options: RequestContextOptions): void {
  app.decorateRequest('session', null);
  app.decorateRequest('acting', function (this: FastifyRequest): ActingContext {
    return {
      db: options.db,
      actor: this.session && !this.session.mfaPending ? this.session.actor : null,
      now: new Date(),
      timeZone: options.timeZone,
      policy: options.policy(),
      request: { ip: this.ip, userAgent: this.headers['user-agent'] ?? null },
    };
  });

  // Both hooks decide from the matched route's declared access, never from the raw URL (which the router decodes:
  // `/%61pi/policy` is `/api/policy`). A request that matched no route gets the 404 answer and nothing else.
  app.addHook('onRequest', async (request, reply) => {
    const access = routeAccess(request);
    if (access === 'public' && !request.routeOptions.url?.startsWith('/api/')) return;
    if (access === 'none') return;
    const secure = options.secureCookies || request.protocol === 'https';
    const sessionId = request.cookies[SESSION_COOKIE];
    if (sessionId) {
      const state = await findSessionActor(options.db, sessionId, new Date(), options.session);
      request.session = state ? { ...state, id: sessionId } : null;
      if (state) await touchSession(options.db, state, new Date());
      else clearSessionCookies(reply);
    }
    // A page without a CSRF cookie gets one, so that even its first POST (sign-in) can carry the token.
    if (!request.cookies[CSRF_COOKIE]) {
      const token = request.session?.csrfToken ?? randomBytes(32).toString('base64url');
      request.cookies[CSRF_COOKIE] = token;
      void reply.setCookie(CSRF_COOKIE, token, { path: '/', sameSite: 'strict', secure, httpOnly: false });
    }
    if (unsafeMethods.has(request.method)) {
      const expected = request.session?.csrfToken ?? request.cookies[CSRF_COOKIE];
      const sent = request.headers['x-csrf-token'];
      if (!sameToken(typeof sent === 'string' ? sent : undefined, expected)) {
        throw kernelErrors.E_CSRF.error();
      }
    }
  });

  app.addHook('preHandler', async (request) => {
    const access = routeAccess(request);
    if (access === 'public' || access === 'none') return;
    const state = request.session;
    if (!state) throw notSignedIn();
    if (access === 'pending') {
      if (!state.mfaPending) throw notSignedIn();
      return;
    }
    if (state.mfaPending) throw notSignedIn();
    if (access === 'account') return;
    if (state.mustChangePassword) throw passwordChangeRequired();
    if (!state.mfaEnrolled && options.mfaRequiredFor(state)) throw mfaEnrolmentRequired();
  });
}
