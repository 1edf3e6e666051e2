/** The Azurite launcher, persistence across a restart, and storage that cannot be reached. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DomainError } from '../../../shared/rules/errors';
import { storeMessages } from '../../../shared/messages/store';
import { createStore, startAzurite, type RunningAzurite } from '../../../shared/store';
import { azuriteConnectionString, freePort } from '../../../shared/store/azurite';
import { connectionFromEnv } from '../../../shared/store/connection';
import * as f from './fixtures';

const noSdkRetry = { maxRetries: 0 };

async function expectUnavailable(p: Promise<unknown>): Promise<void> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  expect(err).toMatchObject({ code: 'unavailable' });
  expect((err as Error).message).toBe(storeMessages.unavailable);
}

describe('storage that cannot be reached', () => {
  it('createStore answers "unavailable" (Dutch) when nothing listens', async () => {
    const port = await freePort();
    await expectUnavailable(createStore({ connection: { connectionString: azuriteConnectionString(port) }, sdkRetry: noSdkRetry }));
  });

  it('every operation answers "unavailable" when the emulator goes away', async () => {
    const azurite = await startAzurite({ inMemory: true });
    const store = await createStore({ connection: { connectionString: azurite.connectionString }, tablePrefix: 'down', sdkRetry: noSdkRetry });
    const ports = store.forLandlord(f.landlordId);
    const d = f.dossier('p-1');
    await ports.dossiers.create(d);
    await store.ping();
    await azurite.stop();

    await expectUnavailable(store.ping());
    await expectUnavailable(ports.dossiers.get(d.id));
    await expectUnavailable(ports.dossiers.listForPartner('p-1'));
    await expectUnavailable(ports.dossiers.update(d.id, (x) => ({ ...x, status: 'active' })));
    await expectUnavailable(ports.unitOfWork.inDossier(d.id, (w) => w.appendAudit(f.audit())));
    await expectUnavailable(ports.consultations.getWithFlags('p-1', '2025-12'));
    await expectUnavailable(store.exactlyOnce.claim('job|x'));
    await expectUnavailable(store.users.get('t', 'o'));
  });
});

describe('startAzurite', () => {
  let dir: string;
  let running: RunningAzurite | undefined;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'azurite-test-'));
  });
  afterAll(async () => {
    await running?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps data in its folder across a stop (SIGTERM) and a new start', async () => {
    running = await startAzurite({ location: dir });
    const first = await createStore({ connection: { connectionString: running.connectionString }, tablePrefix: 'persist' });
    const config = { id: 'l-persist', name: 'Verhuurder', officeAddress: 'Straat 1', mailbox: 'bc@voorbeeld.invalid', closingDays: [] };
    await first.landlords.create(config);
    await running.stop();
    await running.stop(); // idempotent

    running = await startAzurite({ location: dir });
    const second = await createStore({ connection: { connectionString: running.connectionString }, tablePrefix: 'persist' });
    expect(await second.landlords.get('l-persist')).toEqual(config);
  });
});

describe('connectionFromEnv', () => {
  it('prefers a connection string, then an endpoint, else nothing (the caller starts Azurite)', () => {
    expect(connectionFromEnv({ AZURE_TABLES_CONNECTION_STRING: 'UseDevelopmentStorage=true', AZURE_TABLES_ENDPOINT: 'https://x' })).toEqual({
      connectionString: 'UseDevelopmentStorage=true',
    });
    expect(connectionFromEnv({ AZURE_TABLES_ENDPOINT: 'https://acct.table.core.windows.net' })).toEqual({
      endpoint: 'https://acct.table.core.windows.net',
    });
    expect(connectionFromEnv({ AZURE_TABLES_CONNECTION_STRING: '  ' })).toBeUndefined();
  });

  it('the global setup put the run\'s Azurite in the environment', () => {
    expect(process.env.AZURE_TABLES_CONNECTION_STRING).toMatch(/TableEndpoint=http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1/);
  });
});
