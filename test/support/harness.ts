import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { createCprVault, type CprVault } from '../../src/citizens/cpr-vault.ts';
import { buildApp } from '../../src/http/app.ts';
import type { RouteEntry } from '../../src/http/route-catalogue.ts';
import { hashPassword } from '../../src/auth/passwords.ts';
import type { Config } from '../../src/config.ts';
import type { Role } from '../../src/auth/roles.ts';
import { defaultSecurityConfig, type SecurityConfig } from '../../src/auth/security-config.ts';

/** PGlite in memory by default; the real PostgreSQL server when DATABASE_URL is set. */
export async function testDatabase(): Promise<Database> {
  const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
  await migrate(db);
  return db;
}

export const testVault = (): CprVault => createCprVault(Buffer.alloc(32, 7), Buffer.alloc(32, 9));

/** Each test builds its own municipality, so nothing is ever truncated and tests can share a database. */
export async function createMunicipality(db: Database, name = 'Testkommune'): Promise<{ id: string; code: string }> {
  const code = `t-${randomUUID().slice(0, 8)}`;
  const row = (await db.owner.query<{ id: string }>('INSERT INTO municipality (code, name, sor_code) VALUES ($1, $2, $3) RETURNING id', [code, name, '123456789012'])).rows[0]!;
  return { id: row.id, code };
}

const PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

export async function createStaff(db: Database, municipalityId: string, role: Role): Promise<{ id: string; username: string; password: string }> {
  const username = `${role}-${randomUUID().slice(0, 8)}`;
  passwordHash ??= hashPassword(PASSWORD);
  const row = (await db.owner.query<{ id: string }>(
    'INSERT INTO staff_user (municipality_id, username, display_name, role, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [municipalityId, username, `Test ${role}`, role, await passwordHash])).rows[0]!;
  return { id: row.id, username, password: PASSWORD };
}

export interface Response<T = any> { status: number; body: T; headers: Headers }

/**
 * A logged-in staff member talking to the server over real HTTP. Like the web app, it keeps the
 * session cookie and sends the CSRF token (from the ligevej_csrf cookie) on every state-changing request.
 */
export class Client {
  /** The session cookie as a Cookie header value ("ligevej_session=…"). */
  cookie = '';
  csrfToken = '';
  /** Set false to leave the CSRF header off (the adversarial tests do). */
  sendCsrf = true;
  readonly baseUrl: string;
  lang = 'da';
  constructor(baseUrl: string) { this.baseUrl = baseUrl; }

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response<T>> {
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        'accept-language': this.lang, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(unsafe && this.sendCsrf && this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {}), ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const set of res.headers.getSetCookie()) {
      const [pair = ''] = set.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (name === 'ligevej_session') this.cookie = value ? pair : '';
      if (name === 'ligevej_csrf') this.csrfToken = value;
    }
    const text = await res.text();
    const json = res.headers.get('content-type')?.includes('json') || /^[[{"]/.test(text);
    return { status: res.status, body: text ? (json ? JSON.parse(text) : text) : null, headers: res.headers };
  }
  get<T = any>(path: string) { return this.request<T>('GET', path); }
  post<T = any>(path: string, body: unknown, headers?: Record<string, string>) { return this.request<T>('POST', path, body, headers); }
  patch<T = any>(path: string, body: unknown, headers?: Record<string, string>) { return this.request<T>('PATCH', path, body, headers); }
}

export interface TestServer {
  url: string;
  db: Database;
  vault: CprVault;
  municipality: { id: string; code: string };
  clock: { now: Date };
  /** Every route of the app, from Fastify's onRoute hook (src/http/route-catalogue.ts). */
  routes: RouteEntry[];
  /** Logs in a new staff member of the given role (in this server's municipality unless another is given). */
  login(role: Role, municipalityId?: string): Promise<Client & { userId: string }>;
  close(): Promise<void>;
}

export async function startTestServer(opts: { security?: Partial<SecurityConfig> } = {}): Promise<TestServer> {
  const db = await testDatabase();
  const vault = testVault();
  const municipality = await createMunicipality(db);
  const clock = { now: new Date('2026-03-02T09:00:00Z') };
  const config = { databaseUrl: undefined, dataDir: '/nonexistent', host: '127.0.0.1', port: 0, cprEncryptionKey: Buffer.alloc(32, 7), cprLookupKey: Buffer.alloc(32, 9), developmentKeys: true, sessionHours: 8, secureCookies: false,
    // Tests make many requests from one address; the rate-limit tests set their own limits.
    security: { ...defaultSecurityConfig(true), rateLimitPerMinute: 100_000, loginRateLimitPerMinute: 100_000, ...opts.security } } satisfies Config;
  const app = await buildApp({ db, config, vault, clock: () => clock.now });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    url, db, vault, municipality, clock, routes: app.routeCatalogue,
    async login(role, municipalityId = municipality.id) {
      const staff = await createStaff(db, municipalityId, role);
      const client = new Client(url) as Client & { userId: string };
      const res = await client.post('/api/auth/login', { username: staff.username, password: staff.password });
      if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
      client.userId = staff.id;
      return client;
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}
