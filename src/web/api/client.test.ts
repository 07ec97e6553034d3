import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, apiErrorFrom, onSessionProblem, readCsrfToken, toQuery } from './client.js';

function answer(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

describe('api', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the CSRF cookie back as x-csrf-token on state-changing requests, not on reads', async () => {
    vi.stubGlobal('document', { cookie: 'other=1; bansho_csrf=token%2Fvalue; x=2' });
    const fetch = vi.fn(() => Promise.resolve(answer(200, { ok: true })));
    vi.stubGlobal('fetch', fetch);

    await api('POST', '/session', { login: 'a', password: 'b' });
    await api('GET', '/session');

    const [postUrl, post] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(postUrl).toBe('/api/session');
    expect((post.headers as Record<string, string>)['x-csrf-token']).toBe('token/value');
    expect(post.body).toBe('{"login":"a","password":"b"}');
    const [, get] = fetch.mock.calls[1] as unknown as [string, RequestInit];
    expect((get.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
  });

  it('turns the error shape into an ApiError with both languages and every field reason', async () => {
    vi.stubGlobal('document', { cookie: '' });
    const body = {
      error: {
        code: 'E_PASSWORD_POLICY',
        message: { ja: 'パスワードが条件を満たしません。', en: 'The password does not meet the rules.' },
        fields: [
          { path: 'newPassword', message: { ja: '短すぎます。', en: 'Too short.' } },
          { path: 'newPassword', message: { ja: 'よく使われます。', en: 'Too common.' } },
        ],
      },
    };
    vi.stubGlobal('fetch', () => Promise.resolve(answer(422, body)));
    const error = await api('POST', '/account/password', {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, code: 'E_PASSWORD_POLICY', text: body.error.message, fields: body.error.fields });
  });

  it('reports a lost session once to the app, but not a refused sign-in', async () => {
    vi.stubGlobal('document', { cookie: '' });
    const heard: string[] = [];
    const stop = onSessionProblem((error) => heard.push(error.code));
    const notSignedIn = { error: { code: 'E_NOT_SIGNED_IN', message: { ja: 'サインインしてください。', en: 'Please sign in.' } } };
    const failed = { error: { code: 'E_SIGN_IN_FAILED', message: { ja: '失敗', en: 'Failed' } } };
    vi.stubGlobal('fetch', (url: string) => Promise.resolve(answer(401, url.endsWith('/session') ? failed : notSignedIn)));
    await api('GET', '/users').catch(() => undefined);
    await api('POST', '/session', {}).catch(() => undefined);
    stop();
    expect(heard).toEqual(['E_NOT_SIGNED_IN']);
  });

  it('gives a bilingual message when the server cannot be reached or answers something else', async () => {
    vi.stubGlobal('document', { cookie: '' });
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(api('GET', '/session')).rejects.toMatchObject({ code: 'E_NETWORK', status: 0 });
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('<html>proxy error</html>', { status: 502 })));
    const error = await api('GET', '/session').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'E_UNEXPECTED', status: 502 });
    expect((error as ApiError).text.ja).toContain('予期しない');
  });

  it('takes only the error shape, with a code of the catalogues\' form, as the server\'s error', () => {
    const message = { ja: '入力内容に誤りがあります。', en: 'The input is not valid.' };
    expect(apiErrorFrom(400, { error: { code: 'E_VALIDATION', message } })).toMatchObject({ status: 400, code: 'E_VALIDATION', text: message, fields: [] });
    for (const body of [{ error: { code: 'oops', message } }, { error: { code: 'E_VALIDATION' } }, { error: 'E_VALIDATION' }, 'Bad Gateway', undefined]) {
      expect(apiErrorFrom(502, body)).toMatchObject({ status: 502, code: 'E_UNEXPECTED' });
    }
  });

  it('treats 204 as success without a body', async () => {
    vi.stubGlobal('document', { cookie: '' });
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(null, { status: 204 })));
    await expect(api('DELETE', '/session')).resolves.toBeUndefined();
  });
});

describe('readCsrfToken and toQuery', () => {
  it('finds the token among other cookies, or nothing', () => {
    expect(readCsrfToken('a=1; bansho_csrf=abc=def')).toBe('abc=def');
    expect(readCsrfToken('a=1')).toBeNull();
  });

  it('leaves out empty values', () => {
    expect(toQuery({ q: '', page: 2, departmentId: undefined, status: null, type: 'user.created' })).toBe('?page=2&type=user.created');
    expect(toQuery({})).toBe('');
  });
});
