import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifySchema } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { mfaRequiredFor } from '../features/auth/me.js';
import { features } from '../features/index.js';
import { projectRoot } from '../config.js';
import { errorBodySchema } from '../domain/error-body.js';
import { kernelErrors } from '../domain/kernel-errors.js';
import { errorBody, registerErrorHandler } from './http/errors.js';
import { registerInputGuard } from './http/input-guard.js';
import { registerRequestContext, type Access } from './http/request-context.js';
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.js';
import type { AppServices } from '../domain/services.js';

export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with its access level: the authorization matrix test walks this list. */
    routesList: RouteEntry[];
  }
}

/** The app's services with the writable database: routes get it read-only; the session touch writes (request-context.ts). */
export interface ServerServices extends AppServices {
  db: Kysely<Database>;
}

/** How long stopping waits for requests under way before it closes the connections that are still open. */
const closeGraceMs = 3_000;

export interface BuildOptions {
  logger?: boolean | { level: string };
  /** Where the built web UI is; served with an SPA fallback when present. */
  webDir?: string;
}

/**
 * The security headers of every response: exactly what @fastify/helmet 13 sets for Bansho's configuration
 * (a strict CSP: same origin only, inline styles allowed, no framing, no plugins; no HSTS, as before).
 * app.db.test.ts checks them against helmet's own output for that configuration.
 */
export const securityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': [
    "default-src 'self'",
    "base-uri 'self'",
    "font-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "img-src 'self' data:",
    "object-src 'none'",
    "script-src 'self'",
    "script-src-attr 'none'",
    "style-src 'self' 'unsafe-inline'",
    "connect-src 'self'",
  ].join(';'),
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};
const securityHeaderList = Object.entries(securityHeaders);

/**
 * What the API description says of a route beyond its own schema: how it is called (no credentials for a public
 * route; the session cookie, and the CSRF header for a change, for the rest) and that any refusal answers the one
 * error shape. Its `operationId` is the route's own (features name their operations).
 */
function describeForIntegrators(schema: FastifySchema, methods: readonly string[], access: Access): FastifySchema {
  const changes = methods.some((method) => method !== 'GET' && method !== 'HEAD');
  const security: Record<string, string[]>[] = access === 'public' ? [] : [changes ? { session: [], csrf: [] } : { session: [] }];
  const response = (schema.response ?? {}) as Record<string, unknown>;
  return { ...schema, security: schema.security ?? security, response: { ...response, '4xx': response['4xx'] ?? errorBodySchema } };
}

type OpenApiDocument = ReturnType<typeof jsonSchemaTransformObject>;

/** The document without component schemas that nothing refers to (directly, or through another used one). */
function withoutUnusedSchemas(openApi: OpenApiDocument): OpenApiDocument {
  const document = openApi as { components?: { schemas?: Record<string, unknown> } };
  const schemas = document.components?.schemas;
  if (!schemas) return openApi;
  const refsIn = (value: unknown) => new Set([...JSON.stringify(value).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1] ?? ''));
  const { components, ...rest } = document;
  const used = refsIn(rest);
  for (let grown = true; grown; ) {
    grown = false;
    for (const name of [...used]) {
      for (const inner of refsIn(schemas[name])) {
        if (!used.has(inner)) {
          used.add(inner);
          grown = true;
        }
      }
    }
  }
  return { ...document, components: { ...components, schemas: Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name))) } } as OpenApiDocument;
}

/** Builds the Fastify app: security headers, sessions, CSRF, rate limits, OpenAPI, routes and the web UI. */
export async function buildApp(services: ServerServices, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.BANSHO_TRUST_PROXY === 'true',
    routerOptions: { maxParamLength: 200 },
    // The router's own refusals (a malformed URL, an over-long path parameter) bypass the error handler.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      void reply
        .status(error.statusCode ?? 400)
        .send(errorBody('E_BAD_REQUEST', kernelErrors.E_BAD_REQUEST.message({ detail: error.message })));
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Stopping waits for the requests under way, not for browsers' kept-alive connections (or one whose request
  // never finished arriving): after a short grace, whatever is still open is closed.
  app.addHook('preClose', (done) => {
    setTimeout(() => app.server.closeAllConnections(), closeGraceMs).unref();
    done();
  });

  const routesList: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    // The gate reads each route's own declared access (request-context.ts). The API's description holds no
    // data, and the web UI's files are public (what they show comes from the API); every API route declares its
    // access, and one that does not stops Bansho from starting.
    if (route.url.startsWith('/api/docs') || !route.url.startsWith('/api/')) {
      route.config = { ...route.config, access: route.config?.access ?? 'public' };
      return;
    }
    const access = route.config?.access;
    if (!access) throw new Error(`${String(route.method)} ${route.url} declares no access level (config.access)`);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routesList.push({ method, url: route.url, access });
    }
    route.schema = describeForIntegrators(route.schema ?? {}, methods, access);
  });

  // Security headers on every response, set once per request from a precomputed list. (@fastify/helmet sets the
  // same ones but builds its middleware anew for every request.)
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of securityHeaderList) reply.raw.setHeader(name, value);
    done();
  });
  // What the API answers is the register itself (class Ⅰ records among it): no browser or proxy keeps a copy.
  app.addHook('onSend', (request, reply, payload, done) => {
    const route = request.routeOptions.url ?? request.url;
    if (route.startsWith('/api/') && !route.startsWith('/api/docs') && !reply.hasHeader('cache-control')) {
      void reply.header('cache-control', 'no-store');
    }
    done(null, payload);
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  registerErrorHandler(app);
  registerInputGuard(app);
  registerRequestContext(app, {
    db: services.db,
    policy: services.policy,
    session: services.config.session,
    secureCookies: services.config.secureCookies,
    mfaRequiredFor: (state) => mfaRequiredFor(services.policy(), state.actor),
    timeZone: services.config.timeZone,
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Bansho API',
        version: '0.1.0',
        description: '情報セキュリティ対策基準の運用 / running an information security standard',
        license: { name: 'UNLICENSED' },
      },
      // The API is served by Bansho itself, at the address it is reached at.
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'bansho_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
    // Shapes with an id (`.meta({ id })`) are described once under components and referred to; the input copies
    // zod makes of response shapes nobody sends are left out.
    transformObject: (document) => withoutUnusedSchemas(jsonSchemaTransformObject(document)),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  for (const feature of features) {
    for (const routes of await feature.routes()) await app.register(routes(services));
  }

  const webDir = options.webDir ?? path.join(projectRoot, 'dist', 'web');
  if (existsSync(path.join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      maxAge: '1h',
      // The page itself is checked on every load (it names the current build's files); those files carry a hash
      // in their names and never change.
      // (@fastify/static 10 hands this the reply, whatever its type says.)
      setHeaders: (response: unknown, file: string) => {
        const reply = response as FastifyReply;
        if (file.endsWith('.html')) void reply.header('cache-control', 'no-cache');
        else if (file.includes(`${path.sep}static${path.sep}`)) void reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
    // Client-side routes load the single page; unknown API paths stay JSON 404s.
    app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api/')) return reply.callNotFound();
      return reply.header('cache-control', 'no-cache').sendFile('index.html', { maxAge: 0 });
    });
  }

  app.decorate('routesList', routesList);
  await app.ready();
  return app;
}
