import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppServices } from '../../domain/services.js';
import { clearSessionCookies, SESSION_COOKIE, setSessionCookies } from './session-cookies.js';
import { changePassword } from './change-password.js';
import { confirmMfa } from './confirm-mfa.js';
import { notSignedIn } from './errors.js';
import { describeMe } from './me.js';
import {
  changePasswordSchema, mfaCodeSchema, mfaSetupSchema, noContentSchema, savedPreferencesSchema, sessionSchema, signedInSessionSchema, signInSchema,
  updatePreferencesSchema, type SignedInSession,
} from './schemas.js';
import { findSessionActor } from './session-actor.js';
import { setUpMfa } from './set-up-mfa.js';
import { signIn, type SignedIn } from './sign-in.js';
import { signOut } from './sign-out.js';
import { updatePreferences } from './update-preferences.js';
import { verifyMfa } from './verify-mfa.js';

const tags = ['auth'];

/** Sign-in, sign-out, password change, TOTP enrolment and preferences (第5 3(6)(7)). */
export const authRoutes = (services: AppServices): FastifyPluginAsyncZod => async (app) => {
  const { config } = services;
  const signInSettings = { session: config.session, maxFailures: config.signIn.maxFailures, lockoutMinutes: config.signIn.lockoutMinutes };
  const cookieOptions = { secure: config.secureCookies, absoluteHours: config.session.absoluteHours };

  const sessionView = async (signedIn: SignedIn): Promise<SignedInSession> => {
    const state = await findSessionActor(services.db, signedIn.sessionId, new Date(), config.session);
    if (!state) throw notSignedIn();
    return { user: await describeMe(services.db, services.policy(), state) };
  };

  app.get('/api/session', {
    config: { access: 'public' },
    schema: { tags, operationId: 'getSession', summary: 'The signed-in user, or null', response: { 200: sessionSchema } },
  }, async (request) => {
    const state = request.session;
    return { user: state ? await describeMe(services.db, services.policy(), state) : null };
  });

  app.post(
    '/api/session',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags, operationId: 'signIn', summary: 'Sign in with login and password', body: signInSchema, response: { 200: signedInSessionSchema } },
    },
    async (request, reply) => {
      const signedIn = await signIn(request.acting(), request.body, signInSettings, request.cookies[SESSION_COOKIE]);
      setSessionCookies(reply, cookieOptions, signedIn.sessionId, signedIn.csrfToken);
      return sessionView(signedIn);
    },
  );

  app.post(
    '/api/session/mfa',
    {
      config: { access: 'pending', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags, operationId: 'verifyMfa', summary: 'Second sign-in step: TOTP code', body: mfaCodeSchema, response: { 200: signedInSessionSchema } },
    },
    async (request, reply) => {
      const signedIn = await verifyMfa(request.acting(), request.session?.id ?? '', request.body.code, signInSettings);
      setSessionCookies(reply, cookieOptions, signedIn.sessionId, signedIn.csrfToken);
      return sessionView(signedIn);
    },
  );

  app.delete('/api/session', {
    config: { access: 'account' },
    schema: { tags, operationId: 'signOut', summary: 'Sign out', response: { 204: noContentSchema } },
  }, async (request, reply) => {
    const session = request.session;
    if (session) await signOut(request.acting(), session.id, session.actor.id);
    clearSessionCookies(reply);
    return reply.status(204).send();
  });

  app.post('/api/account/password', {
    config: { access: 'account' },
    schema: { tags, operationId: 'changePassword', summary: 'Change own password', body: changePasswordSchema, response: { 204: noContentSchema } },
  }, async (request, reply) => {
    await changePassword(request.acting(), request.session?.id ?? '', request.body);
    return reply.status(204).send();
  });

  app.post('/api/account/mfa/setup', {
    config: { access: 'account' },
    schema: { tags, operationId: 'setUpMfa', summary: 'Start TOTP enrolment', response: { 200: mfaSetupSchema } },
  }, async (request) => setUpMfa(request.acting()));

  app.post('/api/account/mfa/confirm', {
    config: { access: 'account' },
    schema: { tags, operationId: 'confirmMfa', summary: 'Confirm TOTP enrolment', body: mfaCodeSchema, response: { 204: noContentSchema } },
  }, async (request, reply) => {
    await confirmMfa(request.acting(), request.body.code);
    return reply.status(204).send();
  });

  app.patch('/api/account/preferences', {
    config: { access: 'account' },
    schema: { tags, operationId: 'updatePreferences', summary: 'Language and calendar', body: updatePreferencesSchema, response: { 200: savedPreferencesSchema } },
  }, async (request) => ({
    preferences: await updatePreferences(request.acting(), request.body),
  }));
};
