/**
 * A server process of the benchmark (so its memory can be read from /proc and it does not share an
 * event loop with the load generator). `serve.ts api`: the product as shared/server/main.ts composes it (the
 * health check, the Teams bot on /api/messages and the add-in API, local mode, no scheduler) on the
 * store named by AZURE_TABLES_CONNECTION_STRING and BENCH_TABLE_PREFIX. `serve.ts bare`: the bare
 * restify upsert endpoint. `serve.ts echo`: a bare botbuilder echo bot. It prints one JSON line with
 * its url when it listens, and stops on SIGTERM.
 */
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { registerApiAndPages } from '../../shared/server/web';
import { createTeamsBot } from '../../bot/teams';
import { loadConfig } from '../../shared/config';
import { NO_RATE_LIMITS } from './world';
import { createServer } from '../../shared/server/create-server';
import { createStore } from '../../shared/store';
import { startEchoBot } from '../../test/load/echo-bot';
import { startBareUpsert } from './server';

async function main(): Promise<void> {
  const connectionString = process.env.AZURE_TABLES_CONNECTION_STRING;
  if (!connectionString) throw new Error('AZURE_TABLES_CONNECTION_STRING missing');
  const prefix = process.env.BENCH_TABLE_PREFIX ?? 'bench';
  const kind = process.argv[2];
  let running: { url: string; close(): Promise<void> };
  if (kind === 'api') {
    const store = await createStore({ connection: { connectionString }, tablePrefix: prefix });
    const config = loadConfig({ WOONBEGELEIDING_MODE: 'local', LOG_LEVEL: 'silent', SEED_DEMO: 'false', ...NO_RATE_LIMITS });
    const logger = pino({ level: 'silent' });
    const deps = { config, logger, store, clock: () => new Date() };
    const server = createServer({ logger, storage: store });
    const bot = createTeamsBot(deps);
    bot.register(server);
    registerApiAndPages(server, { ...deps, notifier: bot.notifier });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    running = {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      close: async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await bot.close();
      },
    };
  } else if (kind === 'bare') {
    running = await startBareUpsert({ connection: { connectionString }, table: `${prefix}bare` });
  } else if (kind === 'echo') {
    running = await startEchoBot();
  } else throw new Error('usage: serve.ts api|bare|echo');
  process.stdout.write(`${JSON.stringify({ url: running.url })}\n`);
  // The benchmark is done with this process: no waiting for keep-alive connections or background work.
  process.on('SIGTERM', () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
