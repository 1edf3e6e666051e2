/**
 * Who may talk to /api/messages: locally only this machine, without tokens; in azure mode the SDK
 * wants a token; and the Entra tenant allowlist on channelData.tenant.id in both.
 */
import { networkInterfaces } from 'node:os';
import { DE_VAART, personal, startHarness } from './harness';

const nonLoopbackAddress = (): string | undefined =>
  Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

describe('/api/messages access', () => {
  it('local mode: a request from another machine is refused (403), from loopback it is answered', async () => {
    const h = await startHarness({ env: { HOST: '0.0.0.0' } });
    try {
      const address = nonLoopbackAddress();
      const port = new URL(h.url).port;
      const body = JSON.stringify(h.message(DE_VAART, 'help', personal(DE_VAART)));
      if (address) {
        const remote = await fetch(`http://${address}:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        expect(remote.status).toBe(403);
      }
      const local = await fetch(`${h.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(local.status).toBe(200);
    } finally {
      await h.stop();
    }
  });

  it('local mode: an activity whose serviceUrl is not loopback is not answered', async () => {
    const h = await startHarness();
    try {
      const activity = { ...h.message(DE_VAART, 'help', personal(DE_VAART)), serviceUrl: 'https://smba.trafficmanager.net/emea/' };
      expect((await h.send(activity)).status).toBe(200);
      await h.bot.flush();
      expect(h.connector.received).toEqual([]);
    } finally {
      await h.stop();
    }
  });

  it('the tenant allowlist: an activity of another tenant gets nothing, an invoke a 403', async () => {
    const h = await startHarness({ env: { ALLOWED_TENANT_IDS: '11111111-1111-1111-1111-111111111111' } });
    try {
      expect((await h.send(h.message(DE_VAART, 'help', personal(DE_VAART)))).status).toBe(200);
      const invoke = await h.send(h.invoke(DE_VAART, 'refresh', { card: { kind: 'signal-form' } }, personal(DE_VAART)));
      expect(invoke.status).toBe(403);
      await h.bot.flush();
      expect(h.connector.received).toEqual([]);
    } finally {
      await h.stop();
    }
  });

  it('azure mode: the SDK refuses an activity without a token (401)', async () => {
    const sdkLog = jest.spyOn(console, 'error').mockImplementation(() => undefined); // the SDK logs each refusal
    const h = await startHarness({
      env: {
        WOONBEGELEIDING_MODE: 'azure',
        MICROSOFT_APP_ID: '22222222-2222-2222-2222-222222222222',
        MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
        MICROSOFT_APP_TENANT_ID: '33333333-3333-3333-3333-333333333333',
        ALLOWED_TENANT_IDS: '00000000-0000-0000-0000-0000000000001',
        API_APP_ID: '44444444-4444-4444-4444-444444444444',
        APP_BASE_URL: 'https://woonbegeleiding.example',
        AZURE_TABLES_ENDPOINT: 'https://unused.example',
      },
    });
    try {
      const response = await h.send(h.message(DE_VAART, 'help', personal(DE_VAART)));
      expect(response.status).toBe(401);
      expect(h.connector.received).toEqual([]);
    } finally {
      sdkLog.mockRestore();
      await h.stop();
    }
  });

  it('a body that is no activity is refused with 400', async () => {
    const h = await startHarness();
    try {
      const response = await fetch(`${h.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hello: 'world' }) });
      expect(response.status).toBe(400);
    } finally {
      await h.stop();
    }
  });
});
