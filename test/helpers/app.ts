import path from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { loadConfig, projectRoot } from '../../src/config.js';
import { readPolicyPackage } from '../../src/policy/loader.js';
import type { Policy } from '../../src/policy/schema.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { TEST_PASSWORD } from './factories.js';

export const shinjukuPolicy = (): Policy => readPolicyPackage(path.join(projectRoot, 'policies', 'shinjuku')).policy;

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  policy: Policy;
  close(): Promise<void>;
}

/** The real Bansho app on a fresh test database (no web UI, no listening socket: use `app.inject`). */
export async function createTestApp(options: { webDir?: string } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const policy = shinjukuPolicy();
  const config = loadConfig({});
  const app = await buildApp({ db: database.db, policy: () => policy, config }, { webDir: options.webDir ?? '/nonexistent' });
  return {
    app,
    database,
    policy,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** A browser-like client over `app.inject`: keeps cookies and sends the CSRF header on state-changing calls. */
export class ApiClient {
  private cookies = new Map<string, string>();

  constructor(private readonly app: FastifyInstance) {}

  async request(method: InjectOptions['method'], url: string, body?: unknown, headers: Record<string, string> = {}) {
    if (!this.cookies.has('bansho_csrf')) await this.send('GET', '/api/session');
    return this.send(method, url, body, headers);
  }

  private async send(method: InjectOptions['method'], url: string, body?: unknown, headers: Record<string, string> = {}) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await this.app.inject({
      method,
      url,
      headers: { ...(cookie ? { cookie } : {}), 'x-csrf-token': this.cookies.get('bansho_csrf') ?? '', ...headers },
      ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
    });
    for (const c of response.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return response;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body: unknown = {}) => this.request('POST', url, body);
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);
  delete = (url: string) => this.request('DELETE', url);

  /** Signs in (password step); throws if the server refuses. */
  async signIn(login: string, password = TEST_PASSWORD): Promise<this> {
    const response = await this.post('/api/session', { login, password });
    if (response.statusCode !== 200) throw new Error(`sign-in of ${login} failed: ${response.statusCode} ${response.body}`);
    return this;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }
}
