import { once } from 'node:events';
import net from 'node:net';
import path from 'node:path';
import Fastify from 'fastify';
import helmet from '@fastify/helmet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.js';
import { securityHeaders } from './app.js';
import { projectRoot } from '../config.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** The headers @fastify/helmet sets with the configuration Bansho used to register it with. */
async function helmetHeaders(): Promise<Record<string, string>> {
  const reference = Fastify();
  await reference.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: false,
  });
  reference.get('/', () => 'ok');
  const response = await reference.inject('/');
  await reference.close();
  const ordinary = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);
  return Object.fromEntries(Object.entries(response.headers).filter(([name]) => !ordinary.has(name)).map(([name, value]) => [name, String(value)]));
}

describe('security headers', () => {
  it('are the ones helmet sets for our configuration, value for value', async () => {
    expect(securityHeaders).toEqual(await helmetHeaders());
    expect(securityHeaders['content-security-policy']).toBe(
      "default-src 'self';base-uri 'self';font-src 'self';form-action 'self';frame-ancestors 'none';img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';connect-src 'self'",
    );
  });

  it('come with every response: a public route, a refusal, an unknown path, the API description', async () => {
    for (const url of ['/api/session', '/api/journal', '/api/no-such-route', '/api/docs/json']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect([url, response.statusCode > 0]).toEqual([url, true]);
      for (const [name, value] of Object.entries(securityHeaders)) expect([url, name, response.headers[name]]).toEqual([url, name, value]);
      expect(response.headers['strict-transport-security']).toBeUndefined();
    }
    const refused = await t.app.inject({ method: 'GET', url: '/api/journal' });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(refused.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(refused.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('caching', () => {
  it('forbids keeping any API answer: data, refusals and unknown paths', async () => {
    for (const url of ['/api/session', '/api/journal', '/api/no-such-route', '/api/health']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect([url, response.headers['cache-control']]).toEqual([url, 'no-store']);
    }
  });

  it('has the browser check the page on every load and keep the hashed build files', async () => {
    const web = await createTestApp({ webDir: path.join(projectRoot, 'dist', 'web') });
    try {
      for (const url of ['/', '/index.html', '/assets']) {
        const response = await web.app.inject({ method: 'GET', url });
        expect([url, response.statusCode, response.headers['cache-control']]).toEqual([url, 200, 'no-cache']);
      }
      const page = (await web.app.inject({ method: 'GET', url: '/' })).body;
      const script = /src="(\/static\/[^"]+\.js)"/.exec(page)?.[1] ?? '';
      const file = await web.app.inject({ method: 'GET', url: script });
      expect([file.statusCode, file.headers['cache-control']]).toEqual([200, 'public, max-age=31536000, immutable']);
    } finally {
      await web.close();
    }
  });
});

describe('stopping', () => {
  it('does not wait for a connection whose request never finished arriving: it closes after a short grace', async () => {
    const app = await createTestApp();
    const address = await app.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    // Half a request: the server waits for the rest of its headers (a minute, by Node's default).
    const socket = net.connect(Number(port), '127.0.0.1');
    await once(socket, 'connect');
    socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    socket.on('error', () => undefined);
    const started = performance.now();
    await app.close();
    const seconds = (performance.now() - started) / 1000;
    expect(seconds).toBeLessThan(10);
    expect(socket.destroyed || socket.readableEnded).toBe(true);
  }, 30_000);
});
