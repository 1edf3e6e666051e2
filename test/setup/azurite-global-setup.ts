/**
 * Jest global setup: one in-memory Azurite for the whole run, on a free port. Test workers inherit
 * its connection string through the environment; each test file isolates itself with a table prefix
 * (test/setup/test-store.ts). A connection string already in the environment is deliberately
 * ignored, so a test run can never touch a real storage account by accident.
 */
import { startAzurite, type RunningAzurite } from '../../shared/store/azurite';

declare global {
  var __AZURITE__: RunningAzurite | undefined;
}

export default async function globalSetup(): Promise<void> {
  const azurite = await startAzurite({ inMemory: true });
  globalThis.__AZURITE__ = azurite;
  process.env.AZURE_TABLES_CONNECTION_STRING = azurite.connectionString;
  delete process.env.AZURE_TABLES_ENDPOINT;
}
