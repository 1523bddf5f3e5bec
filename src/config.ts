import { z } from 'zod';
import { resolve } from 'node:path';
import { isTimeZone } from './domain/time-zone.js';

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

const configSchema = z.object({
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('data')),
  DEMO_PASSWORD: z.preprocess(emptyToUndefined, z.string().min(8, 'DEMO_PASSWORD needs at least 8 characters').optional()),
  SESSION_SECRET: z.preprocess(emptyToUndefined, z.string().min(16).optional()),
  NODE_ENV: z.preprocess(emptyToUndefined, z.enum(['development', 'production', 'test']).default('development')),
  BANKS_DIR: z.preprocess(emptyToUndefined, z.string().optional()),
  COOKIE_SECURE: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).default('false')),
  PUBLIC_URL: z.preprocess(
    emptyToUndefined,
    z.string().url('PUBLIC_URL must be a full address such as https://hire.example.ru').optional(),
  ),
  SMTP_URL: z.preprocess(emptyToUndefined, z.string().url('SMTP_URL must look like smtp://user:pass@host:587').optional()),
  MAIL_FROM: z.preprocess(emptyToUndefined, z.string().optional()),
  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional()),
  TIME_ZONE: z.preprocess(
    emptyToUndefined,
    z.string().default('Europe/Moscow').refine(isTimeZone, 'TIME_ZONE must be an IANA time zone such as Europe/Moscow'),
  ),
});

export interface Config {
  port: number;
  dataDir: string;
  dbFile: string;
  demoPassword: string | undefined;
  sessionSecret: string | undefined;
  env: 'development' | 'production' | 'test';
  cookieSecure: boolean;
  banksDir: string | undefined;
  /** The address people reach the app at, for links in mail and calendar invitations (no trailing slash). */
  publicUrl: string;
  /** SMTP server for outgoing mail; unset: messages are kept in the outbox and written as .eml files. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** pino level; unset: `info`, or `error` under NODE_ENV=test. */
  logLevel: string | undefined;
  /** The zone pages and exports show times in (IANA name). */
  timeZone: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const dataDir = resolve(c.DATA_DIR);
  return {
    port: c.PORT,
    dataDir,
    dbFile: resolve(dataDir, 'kam-hire.db'),
    demoPassword: c.DEMO_PASSWORD,
    sessionSecret: c.SESSION_SECRET,
    env: c.NODE_ENV,
    cookieSecure: c.COOKIE_SECURE === 'true',
    banksDir: c.BANKS_DIR ? resolve(c.BANKS_DIR) : undefined,
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, ''),
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM ?? 'KAM Hire <no-reply@kam-hire.local>',
    logLevel: c.LOG_LEVEL,
    timeZone: c.TIME_ZONE,
  };
}
