import path from 'node:path';
import { z } from 'zod';
import { defaultTimeZone, isTimeZone } from './domain/calendar.js';

/** Runtime settings, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Where the embedded cluster goes when Bansho runs as root and the database's user cannot reach `dataDir`. */
  systemDataDir: string;
  databaseUrl: string | undefined;
  policyDir: string;
  /** Cookies get `Secure` when Bansho is served over HTTPS (directly or behind a proxy that says so). */
  secureCookies: boolean;
  session: { idleMinutes: number; absoluteHours: number };
  signIn: { maxFailures: number; lockoutMinutes: number };
  logLevel: string;
  /** The address users reach Bansho at (behind a proxy), for links that leave the screen: QR codes on labels. */
  publicUrl: string | undefined;
  /** The municipality's time zone: what date "today" is when a date is checked (a disposal is not in the future). */
  timeZone: string;
}

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  BANSHO_DATA_DIR: z.string().default('./data'),
  BANSHO_SYSTEM_DATA_DIR: z.string().default('/var/lib/bansho'),
  DATABASE_URL: z.string().url().optional(),
  BANSHO_POLICY_DIR: z.string().default(''),
  BANSHO_SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto'),
  BANSHO_SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  BANSHO_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  BANSHO_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('warn'),
  BANSHO_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  BANSHO_TIME_ZONE: z.string().refine(isTimeZone, { message: 'not a time zone name (e.g. Asia/Tokyo)' }).default(defaultTimeZone),
});

// src/config.ts, or dist/server/config.js once built.
export const projectRoot = path.resolve(import.meta.dirname, '..', import.meta.dirname.endsWith(`${path.sep}dist${path.sep}server`) ? '..' : '');

/** Reads the configuration; an invalid variable stops Bansho with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid environment / 環境変数が正しくありません: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.BANSHO_DATA_DIR),
    systemDataDir: path.resolve(e.BANSHO_SYSTEM_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    policyDir: e.BANSHO_POLICY_DIR ? path.resolve(e.BANSHO_POLICY_DIR) : path.join(projectRoot, 'policies', 'shinjuku'),
    secureCookies: e.BANSHO_SECURE_COOKIES === 'true',
    session: { idleMinutes: e.BANSHO_SESSION_IDLE_MINUTES, absoluteHours: e.BANSHO_SESSION_ABSOLUTE_HOURS },
    signIn: { maxFailures: 5, lockoutMinutes: 15 },
    logLevel: e.BANSHO_LOG_LEVEL,
    publicUrl: e.BANSHO_PUBLIC_URL?.replace(/\/+$/, ''),
    timeZone: e.BANSHO_TIME_ZONE,
  };
}
