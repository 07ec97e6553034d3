import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { startBansho } from '../server/start.js';
import { openDatabase } from '../server/open-database.js';
import { verifyJournal } from '../journal/verify.js';
import { readPolicyPackage } from '../policy/loader.js';
import { createAdministrator } from '../features/organisation/create-administrator.js';
import { loginSchema } from '../features/organisation/schemas.js';
import { grantAppRole } from '../db/app-role.js';
import { runImportTextCommand } from '../policy/import-text/run-import-text-command.js';
import { policyUsage, runPolicyCommand } from './policy-command.js';

const usage = `bansho — 情報セキュリティ対策基準の運用 / running an information security standard

Usage:
  bansho start              start Bansho (embedded PostgreSQL in BANSHO_DATA_DIR unless DATABASE_URL is set)
  bansho demo               start with the demo municipality and its users
  bansho migrate            bring the database schema up to date and exit
  bansho journal verify     recompute the journal's hash chain and report the first broken entry
  bansho db grant-app-role ROLE
                            (with DATABASE_URL of the schema owner) let ROLE run Bansho: read and write its
                            tables, only INSERT into the journal
  bansho user create-admin --login LOGIN [--name NAME]
                            add an administrator with a one-time password
  bansho policy import-text FILE [--out DIR]
                            read a standard's text (UTF-8) into a draft policy package in DIR
                            (./policy-draft): clauses, versions (附則), role candidates
${policyUsage}

Environment: PORT (3000), HOST (0.0.0.0), BANSHO_DATA_DIR (./data), DATABASE_URL, BANSHO_POLICY_DIR`;

const say = (line: string) => process.stdout.write(`${line}\n`);

async function serve(demo: boolean): Promise<void> {
  const config = loadConfig();
  const running = await startBansho(config, { demo, say, logger: true });
  say(`Bansho is running at ${running.url}  (Ctrl-C to stop / 停止は Ctrl-C)`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal}: stopping Bansho …`);
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

async function migrate(): Promise<void> {
  const database = await openDatabase(loadConfig(), say);
  await database.shutdown();
  say('The database schema is up to date. / データベースは最新です。');
}

async function journalVerify(): Promise<number> {
  const database = await openDatabase(loadConfig());
  try {
    const started = performance.now();
    const result = await verifyJournal(database.db);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (result.ok) {
      say(`OK: ${result.entries} entries verified in ${seconds} s; head ${result.headHash}`);
      say(`正常: ${result.entries} 件の記録を検証しました。`);
      return 0;
    }
    say(`BROKEN at entry ${result.firstBroken?.seq}: ${result.firstBroken?.reason} (${result.entries} entries before it are intact)`);
    say(`改ざんを検出: 記録 ${result.firstBroken?.seq} が一致しません。`);
    return 2;
  } finally {
    await database.shutdown();
  }
}

async function grantRole(role: string): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl) throw new Error('Set DATABASE_URL to the schema owner / DATABASE_URL にスキーマ所有者の接続先を指定してください');
  const database = await openDatabase(config, say);
  try {
    await grantAppRole(database.db, role);
    say(`Role ${role} may now run Bansho; it cannot change or delete journal entries.`);
  } finally {
    await database.shutdown();
  }
}

async function createAdmin(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { login: { type: 'string' }, name: { type: 'string' } } });
  const login = loginSchema.safeParse(values.login ?? '');
  if (!login.success) throw new Error('--login: 3–64 lowercase letters, digits, . _ - / ログインIDは半角英小文字・数字・._- の3〜64文字');
  const config = loadConfig();
  const loaded = readPolicyPackage(config.policyDir);
  const database = await openDatabase(config);
  try {
    const ctx = { db: database.db, actor: null, now: new Date(), timeZone: loadConfig().timeZone, policy: loaded.policy, request: { ip: null, userAgent: 'bansho-cli' } };
    const { initialPassword } = await createAdministrator(ctx, { login: login.data, name: values.name ?? '管理者' });
    say(`Administrator ${login.data} created. One-time password (change it at first sign-in): ${initialPassword}`);
  } finally {
    await database.shutdown();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  switch (command) {
    case 'start':
      await serve(false);
      return -1;
    case 'demo':
      await serve(true);
      return -1;
    case 'migrate':
      await migrate();
      return 0;
    case 'journal':
      if (sub === 'verify') return journalVerify();
      break;
    case 'db':
      if (sub === 'grant-app-role' && rest[0]) {
        await grantRole(rest[0]);
        return 0;
      }
      break;
    case 'policy':
      if (sub === 'import-text') return runImportTextCommand(rest, say);
      return runPolicyCommand(sub, rest, say);
    case 'user':
      if (sub === 'create-admin') {
        await createAdmin(rest);
        return 0;
      }
      break;
    case undefined:
    case 'help':
    case '--help':
      say(usage);
      return 0;
  }
  say(usage);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
