/**
 * The product's process (`npm start`): one restify server with the health check, the Teams bot and
 * the add-in, on one storage. Without storage settings it starts Azurite itself, with its data in
 * DATA_DIR, and seeds the demo data into an empty store. SIGINT/SIGTERM stop the server and Azurite
 * cleanly, so Azurite writes its data file and nothing is lost.
 */
import pino from 'pino';
import { ConfigError, loadConfig } from '../config';
import { createServer } from './create-server';
import { seedDemo } from '../services/seed-demo';
import { brusselsDate } from '../rules/calendar';
import { registerApiAndPages } from './web';
import { createTeamsBot } from '../../bot/teams';
import { createJobDeps, JobSettingsError, loadJobSettings, startScheduler, withSafetyMail, type SafetyMailNotifier, type Scheduler } from '../jobs';
import { connectionFromEnv, createStore, DIRECTORY_CACHE_MS, type Connection } from '../store';
import { DataFolderBusyError, openLocalStorage, type LocalStorage } from '../store/data-folder';

async function main(): Promise<void> {
  const config = loadConfig();
  const jobSettings = loadJobSettings(); // fails fast on a wrong mail/Graph setting
  const logger = pino({ level: config.LOG_LEVEL, base: { app: 'woonbegeleiding' } });

  let azurite: LocalStorage | undefined;
  let connection: Connection | undefined = connectionFromEnv();
  if (!connection) {
    // One storage per data folder: the server holds DATA_DIR and publishes its Azurite's port there
    // for the CLI; it waits while a CLI command holds the folder. AZURITE_PORT=0 picks a free port.
    azurite = await openLocalStorage(config.DATA_DIR, 'server', {
      ...(config.AZURITE_PORT ? { port: config.AZURITE_PORT } : {}),
      onWait: (holder) => logger.warn({ holder: holder.holder, holderPid: holder.pid }, 'local storage: the data folder is held by another process; waiting for it'),
    });
    connection = { connectionString: azurite.connectionString };
    logger.info({ location: azurite.location, port: azurite.port, pid: azurite.azuritePid }, 'local storage: Azurite started; its data lives in this folder');
  }

  const stopAzurite = async () => {
    if (azurite) await azurite.stop();
  };
  try {
    // Who asks is read on every request: landlords, partners and users are kept in this process.
    const store = await createStore({ connection, tablePrefix: config.TABLE_PREFIX, logger, directoryCacheMs: DIRECTORY_CACHE_MS });
    if (config.WOONBEGELEIDING_MODE === 'local' && config.SEED_DEMO) {
      const result = await seedDemo(store, brusselsDate(new Date()));
      if (result.seeded) logger.info({ ...result }, 'demo data seeded into the empty store');
    }

    const deps = { config, logger, store, clock: () => new Date() };
    const server = createServer({ logger, storage: store, localOnly: config.WOONBEGELEIDING_MODE === 'local' });
    // R9: the safety mail goes with the Teams alert, through the jobs' mail adapters (made after the bot:
    // they post to Teams through it; the mail is only sent once a signal comes in).
    let safety: SafetyMailNotifier | undefined;
    const bot = createTeamsBot(deps, {
      notifier: (teams) => (safety = withSafetyMail(teams, () => jobDeps, { clock: deps.clock, log: logger.child({ part: 'jobs' }) })),
    });
    const jobDeps = createJobDeps({ settings: jobSettings, dataDir: config.DATA_DIR, store, log: logger.child({ part: 'jobs' }), notifier: bot.notifier, teams: bot.jobsPublisher });
    bot.register(server);
    registerApiAndPages(server, { ...deps, notifier: bot.notifier });
    await new Promise<void>((resolve) => server.listen(config.PORT, config.host, resolve));
    logger.info({ url: `http://${config.host}:${config.PORT}`, mode: config.WOONBEGELEIDING_MODE }, 'server listening');

    // The protocol calendar runs itself (R13, R15, R16, R10, R17, R19); never blocks the start.
    const scheduler: Scheduler | undefined = jobSettings.schedulerEnabled ? startScheduler(jobDeps, { clock: deps.clock }) : undefined;

    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'stopping');
      // Stop accepting, close idle keep-alive connections now and any others after a grace period:
      // a client holding a connection open must not keep the process (and Azurite) running.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeIdleConnections();
      const force = setTimeout(() => server.server.closeAllConnections(), 5_000);
      await closed;
      clearTimeout(force);
      await scheduler?.stop();
      await safety?.idle();
      await bot.close();
      await stopAzurite();
      logger.info('stopped');
      process.exit(0);
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
  } catch (error) {
    await stopAzurite();
    throw error;
  }
}

main().catch((error: unknown) => {
  // One clear line for a configuration mistake; the error otherwise (never personal data).
  if (error instanceof ConfigError || error instanceof JobSettingsError || error instanceof DataFolderBusyError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
