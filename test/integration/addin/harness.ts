/**
 * The add-in API over real HTTP for the tests: the product's restify server with the add-in on the
 * run's Azurite (the services' test world), a clock the test sets, a recording notifier, and a stand-in
 * for Entra: a local HTTP server that serves a JWKS per tenant at the path Entra uses, with a key the
 * test signs tokens with.
 */
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type { Server } from 'restify';
import type { RegisteredApi } from '../../../shared/api';
import { registerApiAndPages } from '../../../shared/server/web';
import { jose } from '../../../shared/api/auth/jose';
import { loadConfig, type Config } from '../../../shared/config';
import { createServer } from '../../../shared/server/create-server';
import type { User } from '../../../shared/rules/types';
import { createWorld, deVaartMember, NOW, coordinator, type World } from '../services/world';
import { testConnectionString } from '../../setup/test-store';

export const API_APP_ID = '6a1c9a53-3b1e-4f0e-9d0b-7c2f5b1e2a10';
export const APP_BASE_URL = 'https://woonbegeleiding.example';
/** A partner's Entra tenant on the allowlist, and one that is not (real GUIDs, as Entra issues). */
export const PARTNER_TENANT = '3f1e2d4c-5b6a-4789-9abc-def012345678';
export const FOREIGN_TENANT = '9e8d7c6b-5a49-4382-b1a0-fedcba987654';

/** Members with Entra identities (the demo users' ids are not GUIDs). */
export const entraMember: User = { ...deVaartMember, tenantId: PARTNER_TENANT, objectId: '11111111-2222-4333-8444-555555555555', displayName: 'Entra Medewerker' };
export const entraCoordinator: User = { ...coordinator, tenantId: PARTNER_TENANT, objectId: '21111111-2222-4333-8444-555555555555', displayName: 'Entra Coördinator' };
export const entraStranger = { tenantId: PARTNER_TENANT, objectId: '31111111-2222-4333-8444-555555555555' };

type KeyPair = Awaited<ReturnType<typeof jose.generateKeyPair>>;

/** The stand-in for login.microsoftonline.com: `/{tid}/discovery/v2.0/keys`. */
export interface FakeEntra {
  authority: string;
  kid: string;
  keys: KeyPair;
  /** The tenants whose keys were asked for. */
  requested: string[];
  close(): Promise<void>;
}

export async function startFakeEntra(): Promise<FakeEntra> {
  const keys = await jose.generateKeyPair('RS256', { extractable: true });
  const kid = 'test-key-1';
  const jwk = { ...(await jose.exportJWK(keys.publicKey)), kid, alg: 'RS256', use: 'sig' };
  const requested: string[] = [];
  const server: HttpServer = createHttpServer((req, res) => {
    const match = /^\/([^/]+)\/discovery\/v2\.0\/keys$/.exec(req.url ?? '');
    // Separate calls: restify replaces http.ServerResponse's writeHead with one that returns nothing.
    if (!match?.[1]) {
      res.writeHead(404);
      res.end();
      return;
    }
    requested.push(match[1]);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const authority = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { authority, kid, keys, requested, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface TokenOptions {
  claims?: Record<string, unknown>;
  /** Remove these claims. */
  without?: string[];
  /** Seconds relative to the clock. */
  issuedAt?: number;
  expiresIn?: number;
  alg?: string;
  key?: Parameters<InstanceType<typeof jose.SignJWT>['sign']>[0];
  kid?: string;
}

export interface Harness {
  world: World;
  config: Config;
  entra: FakeEntra;
  url: string;
  server: Server;
  addin: RegisteredApi;
  /** The clock of the server (deps.clock). */
  now: Date;
  /** An Entra-like access token for `who`, valid unless the options say otherwise. */
  token(who: { tenantId: string; objectId: string }, options?: TokenOptions): Promise<string>;
  request(method: string, path: string, options?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> }): Promise<{ status: number; headers: Headers; body: unknown }>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  mode?: 'azure' | 'local';
  env?: Record<string, string>;
  webDir?: string;
  /** Default 127.0.0.1; 0.0.0.0 lets a test come in over a non-loopback address. */
  listenHost?: string;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const world = await createWorld();
  await Promise.all([entraMember, entraCoordinator].map((u) => world.store.users.create(u)));
  const entra = await startFakeEntra();
  const mode = options.mode ?? 'azure';
  const env: Record<string, string> =
    mode === 'azure'
      ? {
          WOONBEGELEIDING_MODE: 'azure',
          AZURE_TABLES_CONNECTION_STRING: testConnectionString(),
          MICROSOFT_APP_ID: '00000000-0000-4000-8000-00000000b0b0',
          MICROSOFT_APP_TENANT_ID: PARTNER_TENANT,
          API_APP_ID,
          APP_BASE_URL,
          ALLOWED_TENANT_IDS: PARTNER_TENANT,
        }
      : { WOONBEGELEIDING_MODE: 'local', API_APP_ID };
  const config = loadConfig({ ...env, ...options.env });
  const logger = pino({ level: 'silent' });
  const harness = { now: new Date(NOW) } as Harness;
  const server = createServer({ logger, storage: world.store, localOnly: mode === 'local' });
  const addin = registerApiAndPages(
    server,
    { config, logger, store: world.store, clock: () => harness.now, notifier: world.notifier },
    { auth: { authority: entra.authority }, ...(options.webDir ? { webDir: options.webDir } : {}) },
  );
  await new Promise<void>((resolve) => server.listen(0, options.listenHost ?? '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  Object.assign(harness, {
    world,
    config,
    entra,
    url,
    server,
    addin,
    async token(who: { tenantId: string; objectId: string }, o: TokenOptions = {}) {
      const iat = Math.floor(harness.now.getTime() / 1000) + (o.issuedAt ?? -60);
      const claims: Record<string, unknown> = {
        iss: `${entra.authority}/${who.tenantId}/v2.0`,
        aud: API_APP_ID,
        tid: who.tenantId,
        oid: who.objectId,
        sub: who.objectId,
        scp: 'access_as_user',
        ver: '2.0',
        iat,
        nbf: iat,
        exp: iat + (o.expiresIn ?? 3600),
        ...o.claims,
      };
      for (const name of o.without ?? []) delete claims[name];
      return new jose.SignJWT(claims).setProtectedHeader({ alg: o.alg ?? 'RS256', kid: o.kid ?? entra.kid, typ: 'JWT' }).sign(o.key ?? entra.keys.privateKey);
    },
    async request(method: string, path: string, r: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}) {
      const headers: Record<string, string> = { ...r.headers };
      if (r.token) headers.authorization = `Bearer ${r.token}`;
      let body: string | undefined = r.rawBody;
      if (r.body !== undefined) body = JSON.stringify(r.body);
      if (body !== undefined) headers['content-type'] ??= 'application/json';
      const response = await fetch(url + path, { method, headers, ...(body !== undefined ? { body } : {}) });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON
      }
      return { status: response.status, headers: response.headers, body: parsed };
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await entra.close();
    },
  });
  return harness;
}

/** Sends a request with a Host header that fetch() would not let us set (DNS rebinding, remote names). */
export async function rawRequest(url: string, path: string, options: { method?: string; host: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: unknown }> {
  const { request } = await import('node:http');
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: target.hostname, port: target.port, path, method: options.method ?? 'GET', headers: { ...options.headers, host: options.host } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => {
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}
