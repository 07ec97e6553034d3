import type { FastifyReply } from 'fastify';

/** The session cookie holds the session id; the CSRF cookie the token the page echoes in a header. */
export const SESSION_COOKIE = 'bansho_session';
export const CSRF_COOKIE = 'bansho_csrf';

/** Sets the session cookies: the id HttpOnly; the CSRF token readable by the page, which echoes it in a header. */
export function setSessionCookies(reply: FastifyReply, options: { secure: boolean; absoluteHours: number }, sessionId: string, csrfToken: string): void {
  const base = { path: '/', sameSite: 'strict' as const, secure: options.secure, maxAge: options.absoluteHours * 3600 };
  void reply.setCookie(SESSION_COOKIE, sessionId, { ...base, httpOnly: true });
  void reply.setCookie(CSRF_COOKIE, csrfToken, { ...base, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
