import type { FastifyInstance } from 'fastify';
import { seedDemo } from '../demo/seed-demo.js';
import { DEMO_PASSWORD, demoUsers } from '../demo/demo-municipality.js';
import { createAdministrator } from '../features/organisation/create-administrator.js';
import { establishPolicy } from '../features/policy/establish-policy.js';
import type { ActingContext } from '../domain/context.js';
import { buildApp } from './app.js';
import type { Config } from '../config.js';
import { openDatabase, type OpenDatabase } from './open-database.js';
import { assertPortFree } from './port-check.js';

export interface Running {
  app: FastifyInstance;
  database: OpenDatabase;
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts Bansho: database, migrations, policy, first administrator (or the demo municipality), HTTP server.
 * Messages for the person at the console go through `say`.
 */
export async function startBansho(config: Config, options: { demo: boolean; say: (line: string) => void; logger?: boolean }): Promise<Running> {
  const { say } = options;
  await assertPortFree(config.host, config.port, options.demo ? 'npm run demo' : 'npm start');
  const database = await openDatabase(config, say);
  let stopWatching = (): void => undefined;
  try {
    // The version in force (or, on first start, the configured package, loaded now); later loads are followed.
    const store = await establishPolicy(database.db, config.policyDir, say);
    stopWatching = store.watch(10_000);
    const policy = store.policy();
    const ctx: ActingContext = { db: database.db, actor: null, now: new Date(), timeZone: config.timeZone, policy, request: { ip: null, userAgent: 'bansho-start' } };
    if (options.demo) {
      if (await seedDemo(ctx)) say('Demo municipality loaded / デモ自治体を読み込みました.');
      say(`Demo users (password for all / 全員のパスワード: ${DEMO_PASSWORD}):`);
      for (const u of demoUsers) say(`  ${u.login.padEnd(11)} ${policy.roles.find((r) => r.role === u.role)?.title.ja ?? u.role}  ${u.name}`);
      say('The administrator and the 情報化統括管理者 set up two-factor authentication at first sign-in.');
    } else {
      const anyUser = await database.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
      if (!anyUser) {
        const { initialPassword } = await createAdministrator(ctx, { login: 'admin', name: '管理者' });
        say('An administrator was created. Sign in and change this one-time password now (shown only once):');
        say('管理者を作成しました。サインインして、この初期パスワードを変更してください（表示は一度だけです）:');
        say(`  login: admin   password: ${initialPassword}`);
      }
    }
    const app = await buildApp(
      { db: database.db, policy: () => store.policy(), policyVersionId: () => store.current().versionId, config },
      { logger: options.logger ? { level: config.logLevel } : false },
    );
    const address = await app.listen({ port: config.port, host: config.host });
    const url = `http://localhost:${new URL(address).port}`;
    return {
      app,
      database,
      url,
      stop: async () => {
        stopWatching();
        await app.close();
        await database.shutdown();
      },
    };
  } catch (error) {
    stopWatching();
    await database.shutdown();
    throw error;
  }
}
