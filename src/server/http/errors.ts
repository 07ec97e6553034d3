import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody } from '../../domain/error-body.js';
import { DomainError, type Bilingual, type FieldProblem } from '../../domain/errors.js';
import { kernelErrors } from '../../domain/kernel-errors.js';

const statusOfKind: Record<DomainError['kind'], number> = {
  malformed: 400,
  invalid: 422,
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  unauthenticated: 401,
  rate_limited: 429,
  precondition: 403,
};

export const errorBody = (code: string, message: Bilingual, fields?: FieldProblem[]): ErrorBody => ({
  error: fields && fields.length > 0 ? { code, message, fields } : { code, message },
});

/** Schema messages are written "日本語 / English"; others get a generic Japanese text beside zod's English. */
function bilingualIssue(message: string): Bilingual {
  const [ja, en] = message.split(' / ');
  if (ja && en) return { ja, en };
  return { ja: `入力が正しくありません（${message}）`, en: message };
}

/**
 * One place turns every failure into a stable code and a bilingual message. Bad input is always 4xx;
 * an unexpected failure is a 500 without details (the log has them).
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DomainError | Error, request, reply) => {
    if (error instanceof DomainError) {
      return reply.status(statusOfKind[error.kind]).send(errorBody(error.code, error.bilingual, error.fields));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((issue) => ({
        path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || error.validationContext || '',
        message: bilingualIssue(issue.message ?? 'invalid'),
      }));
      return reply.status(400).send(errorBody('E_VALIDATION', kernelErrors.E_VALIDATION.message(), fields));
    }
    const fastifyError = error as FastifyError;
    const status = fastifyError.statusCode ?? 500;
    if (status === 429) {
      return reply.status(429).send(errorBody('E_RATE_LIMITED', kernelErrors.E_RATE_LIMITED.message()));
    }
    if (status === 413) {
      return reply.status(413).send(errorBody('E_BODY_TOO_LARGE', kernelErrors.E_BODY_TOO_LARGE.message()));
    }
    if (status === 415) {
      return reply.status(415).send(errorBody('E_UNSUPPORTED_MEDIA_TYPE', kernelErrors.E_UNSUPPORTED_MEDIA_TYPE.message()));
    }
    if (status >= 400 && status < 500) {
      const malformed = fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError ? kernelErrors.E_MALFORMED_JSON : kernelErrors.E_BAD_REQUEST;
      return reply.status(status).send(errorBody(malformed.code, malformed.message({ detail: error.message })));
    }
    request.log.error({ err: error }, 'unexpected failure');
    return reply.status(500).send(errorBody('E_INTERNAL', kernelErrors.E_INTERNAL.message()));
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(errorBody('E_NO_ROUTE', kernelErrors.E_NO_ROUTE.message({ method: request.method, path: request.url.split('?')[0] ?? '' }))),
  );
}
