import type { ErrorBody } from '../../domain/error-body.js';
import type { ErrorCode } from '../../features/error-codes.js';
import type { LocalizedText } from './types.js';

/** One field-level reason the server gives with an error (e.g. each failed password rule). */
export type FieldProblem = NonNullable<ErrorBody['error']['fields']>[number];

/** The client's own codes: the server could not be reached, or answered with something other than the API's shapes. */
export type ClientErrorCode = 'E_NETWORK' | 'E_UNEXPECTED';

/** Every code an ApiError carries: one of the server's catalogues (kernel and features), or the client's own. */
export type ApiErrorCode = ErrorCode | ClientErrorCode;

/** An error answered by the API (`{ error: { code, message, fields? } }`), or a failure to reach it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    readonly text: LocalizedText,
    readonly fields: FieldProblem[] = [],
  ) {
    super(`${code}: ${text.en}`);
    this.name = 'ApiError';
  }
}

const networkFailure: LocalizedText = {
  ja: 'サーバーに接続できませんでした。ネットワークの状態を確認して、もう一度お試しください。',
  en: 'Could not reach the server. Check the network connection and try again.',
};

const unexpectedAnswer: LocalizedText = {
  ja: 'サーバーから予期しない応答がありました。時間をおいてもう一度お試しください。',
  en: 'The server gave an unexpected answer. Please try again later.',
};

/** Name of the readable cookie holding the CSRF token (double-submit pattern). */
const csrfCookie = 'bansho_csrf';

/** Reads the CSRF token the server set; sign-in needs it too, so it is read on every call, not cached. */
export function readCsrfToken(cookieHeader: string = document.cookie): string | null {
  for (const part of cookieHeader.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === csrfCookie) return decodeURIComponent(rest.join('='));
  }
  return null;
}

type Listener = (error: ApiError) => void;
const unauthorisedListeners = new Set<Listener>();

/** Lets the app react once, centrally, when the session ends or a forced step (password, MFA) is pending. */
export function onSessionProblem(listener: Listener): () => void {
  unauthorisedListeners.add(listener);
  return () => unauthorisedListeners.delete(listener);
}

const sessionProblemCodes: ReadonlySet<ApiErrorCode> = new Set<ApiErrorCode>(['E_NOT_SIGNED_IN', 'E_PASSWORD_CHANGE_REQUIRED', 'E_MFA_ENROLMENT_REQUIRED']);

/** The server's error shape (`errorBodySchema`), its code one of the server's catalogues, as every refusal answers. */
type ServerErrorBody = { error: Omit<ErrorBody['error'], 'code'> & { code: ErrorCode } };

function isErrorBody(body: unknown): body is ServerErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = body.error;
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (
    // The server answers only with codes of its catalogues (the ErrorCode union); this checks the code's form.
    typeof code === 'string' &&
    /^E_[A-Z0-9_]+$/.test(code) &&
    typeof message === 'object' &&
    message !== null &&
    typeof (message as { ja?: unknown }).ja === 'string' &&
    typeof (message as { en?: unknown }).en === 'string'
  );
}

/** The ApiError of an answer that is not a success: the server's own error, or E_UNEXPECTED when the body is not one. */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  return isErrorBody(body)
    ? new ApiError(status, body.error.code, body.error.message, body.error.fields ?? [])
    : new ApiError(status, 'E_UNEXPECTED', unexpectedAnswer);
}

/** The ApiError of a request that never reached the server. */
export function networkError(): ApiError {
  return new ApiError(0, 'E_NETWORK', networkFailure);
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Calls the JSON API under /api; throws ApiError with the server's bilingual message on failure. */
export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = readCsrfToken();
    if (token) headers['x-csrf-token'] = token;
  }

  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw networkError();
  }

  if (response.status === 204) return undefined as T;
  const parsed: unknown = await response.json().catch(() => undefined);

  if (!response.ok) {
    const error = apiErrorFrom(response.status, parsed);
    // Sign-in itself answers 401 for a wrong password: that is the form's business, not a lost session.
    const isSessionProblem =
      (response.status === 401 && !path.startsWith('/session')) || sessionProblemCodes.has(error.code);
    if (isSessionProblem) for (const listener of unauthorisedListeners) listener(error);
    throw error;
  }
  if (parsed === undefined) throw new ApiError(response.status, 'E_UNEXPECTED', unexpectedAnswer);
  return parsed as T;
}

/** Builds a query string, leaving out empty values so URLs stay short and cache keys stable. */
export function toQuery(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
