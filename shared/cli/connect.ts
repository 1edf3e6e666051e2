/**
 * Storage for CLI commands. With AZURE_TABLES_CONNECTION_STRING or AZURE_TABLES_ENDPOINT set, that
 * storage. Otherwise the local store of `npm start` on DATA_DIR: the running server's Azurite (the
 * port it published in DATA_DIR/storage.json), or, with no server running, an Azurite started on the
 * same folder for the duration of the command, which holds the folder meanwhile (never two emulators
 * on one folder: shared/store/data-folder.ts).
 */
import { loadConfig, type Config } from '../config';
import { connectionFromEnv, createStore, type Store } from '../store';
import { DataFolderBusyError, openLocalStorage, type ClaimOptions } from '../store/data-folder';
import { DomainError } from '../rules/errors';
import { storeMessages } from '../messages/store';

export interface CliStore {
  store: Store;
  config: Config;
  close(): Promise<void>;
}

/** Says on stderr why a command waits (stdout stays the command's answer). */
const sayWaiting: ClaimOptions['onWait'] = (holder) => void process.stderr.write(`${storeMessages.dataFolder.waiting(holder.pid)}\n`);

export async function openCliStore(env: NodeJS.ProcessEnv = process.env, options: ClaimOptions = { onWait: sayWaiting }): Promise<CliStore> {
  const config = loadConfig(env);
  const fromEnv = connectionFromEnv(env);
  if (fromEnv) {
    const store = await createStore({ connection: fromEnv, tablePrefix: config.TABLE_PREFIX });
    return { store, config, close: async () => undefined };
  }
  // A folder held by another command (or a server still starting) is said in one Dutch line.
  const local = await openLocalStorage(config.DATA_DIR, 'cli', options).catch((error: unknown) => {
    throw error instanceof DataFolderBusyError ? new DomainError('unavailable', error.message) : error;
  });
  try {
    const store = await createStore({ connection: { connectionString: local.connectionString }, tablePrefix: config.TABLE_PREFIX });
    return { store, config, close: () => local.stop() };
  } catch (error) {
    await local.stop();
    throw error;
  }
}
