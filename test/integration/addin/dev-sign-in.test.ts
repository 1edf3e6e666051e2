/**
 * The development sign-in of local mode: a demo-user picker and tokens signed by a key made at
 * start, whose public half is served as a JWKS. Offered only in local mode and only to this computer
 * (loopback peer and loopback Host); in azure mode it does not exist. Without a valid token every
 * user route answers 401 in local mode too.
 */

import { networkInterfaces } from 'node:os';
import { jose } from '../../../shared/api/auth/jose';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../../shared/api/auth/dev-sign-in';
import { deVaartMember, PLAYGROUND_TENANT } from '../services/world';
import { rawRequest, startHarness, type Harness } from './harness';

const megan = { tenantId: PLAYGROUND_TENANT, objectId: deVaartMember.objectId };

async function devToken(h: Harness, who = megan): Promise<string> {
  const response = await h.request('POST', '/api/dev/token', { body: who });
  expect(response.status).toBe(200);
  return (response.body as { accessToken: string }).accessToken;
}

describe('development sign-in in local mode', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ mode: 'local', listenHost: '0.0.0.0' });
  });
  afterAll(() => h.close());

  it('is offered to this computer', async () => {
    // With API_APP_ID set, Entra's sign-in is named too (nested app authentication asks for this scope).
    expect((await h.request('GET', '/api/auth/options')).body).toEqual({
      devSignIn: true,
      entra: { clientId: h.config.API_APP_ID, scope: `api://${new URL(h.config.baseUrl).host}/${h.config.API_APP_ID}/access_as_user` },
    });
  });

  it('lists the demo users to pick from, with their role and organisation', async () => {
    const { body } = await h.request('GET', '/api/dev/users');
    expect((body as { users: unknown[] }).users).toContainEqual({
      tenantId: PLAYGROUND_TENANT,
      objectId: deVaartMember.objectId,
      displayName: 'Megan Bowen',
      roleLabel: 'medewerker van een begeleidende organisatie',
      partnerName: 'Begeleidingsdienst De Vaart',
    });
  });

  it('signs a token for a demo user with the key whose public half is at /api/dev/jwks.json', async () => {
    const token = await devToken(h);
    const jwks = (await h.request('GET', '/api/dev/jwks.json')).body as { keys: { kid: string; d?: string }[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]?.d).toBeUndefined(); // no private part
    const { payload, protectedHeader } = await jose.jwtVerify(token, jose.createLocalJWKSet(jwks as never), {
      issuer: LOCAL_ISSUER,
      audience: LOCAL_AUDIENCE,
      currentDate: h.now,
    });
    expect(protectedHeader).toMatchObject({ alg: 'ES256', kid: jwks.keys[0]?.kid });
    expect(payload).toMatchObject({ tid: PLAYGROUND_TENANT, oid: deVaartMember.objectId, scp: 'access_as_user' });
    expect((await h.request('GET', '/api/me', { token })).body).toMatchObject({ user: { displayName: 'Megan Bowen' }, partner: { id: 'de-vaart' } });
  });

  it('no token for someone who is not a user', async () => {
    expect((await h.request('POST', '/api/dev/token', { body: { tenantId: PLAYGROUND_TENANT, objectId: '00000000-0000-0000-0000-0000000000099' } })).status).toBe(404);
  });

  it('a token for a user of a tenant that is not allowed is refused', async () => {
    const stranger = { ...deVaartMember, tenantId: '00000000-0000-0000-0000-0000000000777' };
    await h.world.store.users.create(stranger);
    const token = await devToken(h, { tenantId: stranger.tenantId, objectId: stranger.objectId });
    expect((await h.request('GET', '/api/me', { token })).status).toBe(401);
  });

  it('a forged or expired local token is refused', async () => {
    const { privateKey } = await jose.generateKeyPair('ES256');
    const forged = await new jose.SignJWT({ tid: PLAYGROUND_TENANT, oid: deVaartMember.objectId, scp: 'access_as_user' })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setExpirationTime('1h')
      .sign(privateKey);
    expect((await h.request('GET', '/api/me', { token: forged })).status).toBe(401);

    const token = await devToken(h);
    const later = h.now;
    h.now = new Date(later.getTime() + 2 * 60 * 60 * 1000);
    expect((await h.request('GET', '/api/me', { token })).status).toBe(401);
    h.now = later;
  });

  it('is not offered to a page that reached us through another host name (DNS rebinding): 421 at the edge, in Dutch', async () => {
    const evil = { host: `attacker.example:${new URL(h.url).port}` };
    const options = await rawRequest(h.url, '/api/auth/options', evil);
    expect(options.status).toBe(421);
    expect(options.body).toMatchObject({ status: 421, detail: expect.stringContaining('alleen op localhost, 127.0.0.1 of [::1]') });
    expect((await rawRequest(h.url, '/api/dev/users', evil)).status).toBe(421);
    const minted = await rawRequest(h.url, '/api/dev/token', { ...evil, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(megan) });
    expect(minted.status).toBe(421);
    expect(JSON.stringify(minted.body)).not.toContain('Megan');
    // A token minted on loopback is not accepted from there either.
    const token = await devToken(h);
    expect((await rawRequest(h.url, '/api/me', { ...evil, headers: { authorization: `Bearer ${token}` } })).status).toBe(421);
  });

  const external = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
  (external ? it : it.skip)('is not offered over a non-loopback address: 403 at the edge, in Dutch', async () => {
    const remote = `http://${external}:${new URL(h.url).port}`;
    const options = await fetch(`${remote}/api/auth/options`);
    expect(options.status).toBe(403);
    expect(await options.json()).toMatchObject({ status: 403, detail: 'Lokaal antwoordt Woonbegeleiding alleen aan deze computer.' });
    expect((await fetch(`${remote}/api/dev/users`)).status).toBe(403);
    const token = await devToken(h);
    expect((await fetch(`${remote}/api/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(403);
  });

  it('every user route still refuses a request without a token (401)', async () => {
    for (const route of h.addin.routes.filter((r) => r.access === 'user')) {
      const path = route.path.replace('{partnerId}', 'de-vaart').replace('{month}', '2025-11').replace('{dossierId}', 'd-1');
      const response = await h.request(route.method.toUpperCase(), path, route.method === 'post' ? { body: { partnerId: 'de-vaart', month: '2025-11', dossierId: 'd-1', problem: 'x' } } : {});
      expect([route.operationId, response.status]).toEqual([route.operationId, 401]);
    }
  });
});

describe('azure mode', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ mode: 'azure' });
  });
  afterAll(() => h.close());

  it('has no development sign-in at all', async () => {
    expect((await h.request('GET', '/api/auth/options')).body).toMatchObject({ devSignIn: false });
    for (const [method, path] of [
      ['GET', '/api/dev/users'],
      ['POST', '/api/dev/token'],
      ['GET', '/api/dev/jwks.json'],
    ] as const) {
      expect((await h.request(method, path, method === 'POST' ? { body: megan } : {})).status).toBe(404);
    }
    expect(h.addin.routes.some((r) => r.access === 'local-dev')).toBe(false);
  });
});
