/**
 * The product's server for the benchmark, the load run and the fault tests: restify with the health
 * check and the add-in API (shared/server/main.ts's composition without the scheduler; the Teams bot on
 * /api/messages only with `withBot`) on a given store, in local mode on loopback, so tokens come from
 * the development sign-in (`POST /api/dev/token`) exactly as the task pane gets them. Also a bare baseline: restify with one endpoint doing one Table
 * upsert, to compare the API's latency against on the same machine in the same run.
 */
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import restify, { type Server } from 'restify';
import { registerApiAndPages } from '../../shared/server/web';
import { createTeamsBot } from '../../bot/teams';
import { loadConfig } from '../../shared/config';
import { NO_RATE_LIMITS } from './world';
import { createServer } from '../../shared/server/create-server';
import { noopNotifier, type Notifier } from '../../shared/services/notifier';
import { tableClients, type Connection } from '../../shared/store/connection';
import type { Store } from '../../shared/store';

export interface RunningApi {
  url: string;
  server: Server;
  /** A bearer token of a stored user, from the development sign-in (needs storage). */
  token(user: { tenantId: string; objectId: string }): Promise<string>;
  /** Waits for the bot's work after its answers (card refreshes), when it has one. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export async function startApi(options: { store: Store; port?: number; clock?: () => Date; logger?: Logger; notifier?: Notifier; withBot?: boolean }): Promise<RunningApi> {
  const logger = options.logger ?? pino({ level: 'silent' });
  const config = loadConfig({ WOONBEGELEIDING_MODE: 'local', LOG_LEVEL: 'silent', ...NO_RATE_LIMITS });
  const deps = { config, logger, store: options.store, clock: options.clock ?? (() => new Date()) };
  const server = createServer({ logger, storage: options.store });
  // As shared/server/main.ts: the bot first, and the add-in tells Teams through the bot's notifier.
  const bot = options.withBot ? createTeamsBot(deps) : undefined;
  bot?.register(server);
  registerApiAndPages(server, { ...deps, notifier: options.notifier ?? bot?.notifier ?? noopNotifier });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    server,
    token: (user) => devToken(url, user),
    flush: async () => {
      await bot?.flush();
    },
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await bot?.close();
    },
  };
}

/** A token for a stored user from a running server's development sign-in (local mode, loopback). */
export async function devToken(url: string, user: { tenantId: string; objectId: string }): Promise<string> {
  const response = await fetch(`${url}/api/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenantId: user.tenantId, objectId: user.objectId }),
  });
  if (response.status !== 200) throw new Error(`dev token: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** The baseline: a bare restify endpoint `POST /upsert` doing one Table upsert of the posted body. */
export async function startBareUpsert(options: { connection: Connection; table: string; port?: number }): Promise<{ url: string; close(): Promise<void> }> {
  const client = tableClients(options.connection)(options.table);
  await client.createTable();
  const server = restify.createServer({ name: 'bare' });
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  let n = 0;
  server.post('/upsert', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    await client.upsertEntity({ partitionKey: String(body.partitionKey ?? 'p'), rowKey: String(body.rowKey ?? ++n), problem: String(body.problem ?? '') }, 'Replace');
    res.send(201, { ok: true });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
