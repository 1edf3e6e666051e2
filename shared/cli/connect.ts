/**
 * Storage for CLI commands. With AZURE_TABLES_CONNECTION_STRING or AZURE_TABLES_ENDPOINT set, that
 * storage. Otherwise the local store of `npm start`: its Azurite when the product is running (it
 * listens on AZURITE_PORT), or an Azurite started on the same data folder for the duration of the
 * command (never two emulators on one folder).
 */
import path from 'node:path';
import { connect as tcpConnect } from 'node:net';
import { loadConfig, type Config } from '../config';
import { connectionFromEnv, createStore, startAzurite, type Store } from '../store';
import { azuriteConnectionString } from '../store/azurite';

export interface CliStore {
  store: Store;
  config: Config;
  close(): Promise<void>;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tcpConnect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

export async function openCliStore(env: NodeJS.ProcessEnv = process.env): Promise<CliStore> {
  const config = loadConfig(env);
  const fromEnv = connectionFromEnv(env);
  if (fromEnv) {
    const store = await createStore({ connection: fromEnv, tablePrefix: config.TABLE_PREFIX });
    return { store, config, close: async () => undefined };
  }
  const port = config.AZURITE_PORT || 10002;
  if (await listening(port)) {
    const store = await createStore({ connection: { connectionString: azuriteConnectionString(port) }, tablePrefix: config.TABLE_PREFIX });
    return { store, config, close: async () => undefined };
  }
  const azurite = await startAzurite({ location: path.join(config.DATA_DIR, 'azurite'), port });
  try {
    const store = await createStore({ connection: { connectionString: azurite.connectionString }, tablePrefix: config.TABLE_PREFIX });
    return { store, config, close: () => azurite.stop() };
  } catch (error) {
    await azurite.stop();
    throw error;
  }
}
