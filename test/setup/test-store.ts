/** A store on the run's Azurite with tables of its own, so test files never see each other's data. */
import { randomBytes, randomUUID } from 'node:crypto';
import { createStore, type Store, type StoreOptions } from '../../shared/store';

export const testPrefix = (): string => 't' + randomBytes(5).toString('hex');

export function testConnectionString(): string {
  const cs = process.env.AZURE_TABLES_CONNECTION_STRING;
  if (!cs) throw new Error('AZURE_TABLES_CONNECTION_STRING missing: run through jest (test/setup/azurite-global-setup.ts)');
  return cs;
}

export function createTestStore(options: Partial<StoreOptions> = {}): Promise<Store> {
  return createStore({ connection: { connectionString: testConnectionString() }, tablePrefix: testPrefix(), ...options });
}

export const uid = (): string => randomUUID();
