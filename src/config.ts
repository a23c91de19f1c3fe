import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gatewayConfigFrom, type GatewayConfig } from './reporting/gateway-config.ts';
import { securityConfigFrom, type SecurityConfig } from './auth/security-config.ts';
import { jobSettingsFrom, type JobSettings } from './jobs/schedule.ts';

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  host: string;
  port: number;
  /** 32-byte keys: AES-256-GCM for CPR numbers, HMAC-SHA256 for exact CPR lookup. */
  cprEncryptionKey: Buffer;
  cprLookupKey: Buffer;
  /** True when the keys were generated for the demo rather than configured. */
  developmentKeys: boolean;
  sessionHours: number;
  secureCookies: boolean;
  /** KL Gateway §119 reporting; sending is disabled unless configured. */
  klGateway?: GatewayConfig;
  /** Id of the current CPR key (written into each ciphertext) and earlier keys still readable during rotation. */
  cprKeyId?: string;
  previousCprKeys?: Record<string, Buffer>;
  /** Two-factor, lockout, idle timeout, rate limits, retention, single sign-on (defaults in auth/security-config.ts). */
  security?: SecurityConfig;
  /** The scheduler of time-driven jobs (src/jobs/): off unless LIGEVEJ_JOBS=on. */
  jobs?: JobSettings;
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Config {
  const dataDir = resolve(env.LIGEVEJ_DATA_DIR ?? './data');
  const configured = env.LIGEVEJ_CPR_KEY && env.LIGEVEJ_CPR_LOOKUP_KEY;
  const keys = configured
    ? { enc: decodeKey(env.LIGEVEJ_CPR_KEY!, 'LIGEVEJ_CPR_KEY'), lookup: decodeKey(env.LIGEVEJ_CPR_LOOKUP_KEY!, 'LIGEVEJ_CPR_LOOKUP_KEY') }
    : developmentKeys(dataDir);
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 3119),
    cprEncryptionKey: keys.enc,
    cprLookupKey: keys.lookup,
    developmentKeys: !configured,
    sessionHours: Number(env.LIGEVEJ_SESSION_HOURS ?? 8),
    secureCookies: env.LIGEVEJ_SECURE_COOKIES === 'true',
    klGateway: gatewayConfigFrom(env),
    cprKeyId: env.LIGEVEJ_CPR_KEY_ID || 'v1',
    previousCprKeys: previousKeys(env.LIGEVEJ_CPR_PREVIOUS_KEYS),
    security: securityConfigFrom(env, !configured),
    jobs: jobSettingsFrom(env),
  };
}

/** LIGEVEJ_CPR_PREVIOUS_KEYS: "v1:<base64>,v2:<base64>", keys being rotated away from. */
function previousKeys(value: string | undefined): Record<string, Buffer> {
  const keys: Record<string, Buffer> = {};
  for (const part of (value ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [id, key] = part.split(':');
    if (!id || !key || !/^[a-z0-9]{1,16}$/.test(id)) throw new Error('LIGEVEJ_CPR_PREVIOUS_KEYS must be id:base64,id:base64');
    keys[id] = decodeKey(key, `LIGEVEJ_CPR_PREVIOUS_KEYS ${id}`);
  }
  return keys;
}

function decodeKey(value: string, name: string): Buffer {
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32) throw new Error(`${name} must be 32 bytes, base64-encoded (openssl rand -base64 32)`);
  return key;
}

/** Generated once per data directory so a demo restarts with the same keys; never for production. */
function developmentKeys(dataDir: string): { enc: Buffer; lookup: Buffer } {
  const file = join(dataDir, 'development-keys.json');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const fresh = { cprKey: randomBytes(32).toString('base64'), cprLookupKey: randomBytes(32).toString('base64') };
    writeFileSync(file, JSON.stringify(fresh, null, 2), { mode: 0o600 });
  }
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { cprKey: string; cprLookupKey: string };
  return { enc: decodeKey(stored.cprKey, 'cprKey'), lookup: decodeKey(stored.cprLookupKey, 'cprLookupKey') };
}
