import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTrustedProxies, type TTrustedProxies } from './http/client-address.ts';

/** Settings read from the environment; every one has a default that works out of the box. */
export interface TEnvConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  webDir: string | undefined;
  /** When set, the first start writes the generated admin credentials there (mode 0600), for automation. */
  firstAdminFile: string | undefined;
  /** Proxies whose `X-Forwarded-For` is believed (SOFTPOWER_TRUSTED_PROXIES); none by default. */
  trustedProxies: TTrustedProxies;
  /** A session unused for this long ends (SOFTPOWER_SESSION_IDLE_HOURS, default 8). */
  sessionIdleHours: number;
  /** A session ends this long after sign-in, used or not (SOFTPOWER_SESSION_MAX_DAYS, default 14). */
  sessionMaxDays: number;
}

export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../../dist/web', import.meta.url));

/** @throws Error naming the variable when a value is invalid. */
export function readEnvConfig(env: NodeJS.ProcessEnv = process.env): TEnvConfig {
  const port = env.PORT ? Number(env.PORT) : 3000;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number (0-65535), not "${env.PORT}".`);
  const host = env.HOST || '127.0.0.1';
  const sessionIdleHours = readPositive(env, 'SOFTPOWER_SESSION_IDLE_HOURS', 8);
  const sessionMaxDays = readPositive(env, 'SOFTPOWER_SESSION_MAX_DAYS', 14);
  const webDir = resolve(env.SOFTPOWER_WEB_DIR || DEFAULT_WEB_DIR);
  return {
    port,
    host,
    dataDir: resolve(env.SOFTPOWER_DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    publicUrl: (
      env.SOFTPOWER_PUBLIC_URL || `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`
    ).replace(/\/$/, ''),
    webDir: existsSync(webDir) ? webDir : undefined,
    firstAdminFile: env.SOFTPOWER_FIRST_ADMIN_FILE || undefined,
    trustedProxies: parseTrustedProxies(env.SOFTPOWER_TRUSTED_PROXIES),
    sessionIdleHours,
    sessionMaxDays,
  };
}

function readPositive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number, not "${raw}".`);
  return value;
}
