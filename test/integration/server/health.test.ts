/** GET /api/health over a real HTTP round trip: 200 when storage answers, 503 when it does not. */
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type { Server } from 'restify';
import { createServer } from '../../../shared/server/create-server';
import { createStore, startAzurite } from '../../../shared/store';

const logger = pino({ level: 'silent' });

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('GET /api/health', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('answers 200 with storage ok when Azurite answers', async () => {
    const store = await createStore({ connection: { connectionString: process.env.AZURE_TABLES_CONNECTION_STRING as string }, tablePrefix: 'health' });
    server = createServer({ logger, storage: store });
    const response = await fetch(`${await listen(server)}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', storage: 'ok' });
  });

  it('answers 503 with storage unavailable when storage does not answer', async () => {
    // A store on an Azurite of its own, which is then stopped.
    const azurite = await startAzurite({ inMemory: true });
    const store = await createStore({ connection: { connectionString: azurite.connectionString }, sdkRetry: { maxRetries: 0 } });
    await azurite.stop();
    server = createServer({ logger, storage: store, healthTimeoutMs: 1000 });
    const response = await fetch(`${await listen(server)}/api/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'degraded', storage: 'unavailable' });
  });

  it('answers an unknown route with a Dutch problem document', async () => {
    server = createServer({ logger, storage: { ping: () => Promise.resolve() } });
    const response = await fetch(`${await listen(server)}/api/nope`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 404, code: 'not-found', detail: 'Deze pagina of dit gegeven bestaat niet.' });
  });
});
