/**
 * The add-in API over real HTTP, with Entra-like tokens signed by a test key that a local JWKS
 * server publishes at Entra's paths: who gets in (401 for every bad token), what they see (another
 * partner's dossier is 404 exactly as a missing one), flags through the service with the notifier
 * (R15, R13b), and input validation in Dutch with nothing half-written.
 */

import { getAgenda } from '../../../shared/services/get-agenda';
import { jose } from '../../../shared/api/auth/jose';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../../shared/api/auth/dev-sign-in';
import { active, coordinator, snapshot, stored, uid, type World } from '../services/world';
import { API_APP_ID, APP_BASE_URL, entraCoordinator, entraMember, entraStranger, FOREIGN_TENANT, PARTNER_TENANT, startHarness, type Harness } from './harness';
import type { Dossier } from '../../../shared/rules/types';

const UNAUTHORIZED = {
  type: 'urn:woonbegeleiding:problem:unauthorized',
  title: 'Niet aangemeld',
  status: 401,
  code: 'unauthorized',
  detail: 'Je bent niet aangemeld, of je aanmelding is verlopen. Meld je opnieuw aan.',
};

let h: Harness;
let world: World;
let own: Dossier; // de-vaart's
let ownSecond: Dossier; // de-vaart's
let other: Dossier; // woonkracht's only
let neverFlagged: Dossier; // de-vaart's, for the refusals

beforeAll(async () => {
  h = await startHarness();
  world = h.world;
  own = await stored(world, active());
  ownSecond = await stored(world, active());
  other = await stored(world, active({ registeringPartnerId: 'woonkracht', supportingPartnerId: 'woonkracht' }));
  neverFlagged = await stored(world, active());
});
afterAll(() => h.close());
beforeEach(() => {
  h.now = new Date('2025-11-10T10:00:00+01:00');
  world.notifier.clear();
});

describe('authentication: an Entra access token (DESIGN, Security)', () => {
  it('a valid token gets the user, their organisation and the next open consultation (R15)', async () => {
    const response = await h.request('GET', '/api/me', { token: await h.token(entraMember) });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      user: { displayName: 'Entra Medewerker', role: 'partner-member', roleLabel: 'medewerker van een begeleidende organisatie' },
      partner: { id: 'de-vaart', name: 'Begeleidingsdienst De Vaart' },
      nextConsultation: { month: '2025-11', meetingDate: '2025-11-27' },
      problemMaxLength: 500,
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it.each([`api://${API_APP_ID}`, `api://${new URL(APP_BASE_URL).host}/${API_APP_ID}`])('accepts the Application ID URI %s as audience', async (aud) => {
    expect((await h.request('GET', '/api/me', { token: await h.token(entraMember, { claims: { aud } }) })).status).toBe(200);
  });

  it('without a token: 401 with a Dutch problem and a Bearer challenge', async () => {
    const response = await h.request('GET', '/api/me');
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(response.body).toEqual(UNAUTHORIZED);
  });

  const refusals: [string, () => Promise<string>][] = [
    ['a forged signature (another key, same kid)', async () => h.token(entraMember, { key: (await jose.generateKeyPair('RS256')).privateKey })],
    ['an expired token', () => h.token(entraMember, { issuedAt: -7200, expiresIn: 3600 })],
    ['a token not valid yet', () => h.token(entraMember, { issuedAt: 600 })],
    ['another audience', () => h.token(entraMember, { claims: { aud: '00000003-0000-0000-c000-000000000000' } })],
    ['an Application ID URI of another app', () => h.token(entraMember, { claims: { aud: `api://${new URL(APP_BASE_URL).host}/${uid()}` } })],
    ['the v1 issuer', () => h.token(entraMember, { claims: { iss: `https://sts.windows.net/${PARTNER_TENANT}/` } })],
    ["another tenant's issuer", () => h.token(entraMember, { claims: { iss: `${h.entra.authority}/${FOREIGN_TENANT}/v2.0` } })],
    ['the real Entra issuer (keys from elsewhere)', () => h.token(entraMember, { claims: { iss: `https://login.microsoftonline.com/${PARTNER_TENANT}/v2.0` } })],
    ['a tenant not on the allowlist', () => h.token({ tenantId: FOREIGN_TENANT, objectId: entraMember.objectId })],
    ['no tenant', () => h.token(entraMember, { without: ['tid'] })],
    ['no scope (an app-only token)', () => h.token(entraMember, { without: ['scp'], claims: { roles: ['access_as_application'] } })],
    ['another scope', () => h.token(entraMember, { claims: { scp: 'User.Read Mail.Read' } })],
    ['no object id', () => h.token(entraMember, { without: ['oid'] })],
    ['no expiry', () => h.token(entraMember, { without: ['exp'] })],
    ['HS256 signed with the public key', async () => h.token(entraMember, { alg: 'HS256', key: new TextEncoder().encode(JSON.stringify(await jose.exportJWK(h.entra.keys.publicKey))) })],
    ['an unsigned token (alg none)', async () => new jose.UnsecuredJWT({ tid: PARTNER_TENANT, oid: entraMember.objectId, aud: API_APP_ID, scp: 'access_as_user' }).setIssuer(`${h.entra.authority}/${PARTNER_TENANT}/v2.0`).setExpirationTime('1h').encode()],
    ['garbage', async () => 'not.a.token'],
    [
      'a development sign-in token outside local mode',
      async () => {
        const { privateKey } = await jose.generateKeyPair('ES256');
        return new jose.SignJWT({ tid: PARTNER_TENANT, oid: entraMember.objectId, scp: 'access_as_user' })
          .setProtectedHeader({ alg: 'ES256' })
          .setIssuer(LOCAL_ISSUER)
          .setAudience(LOCAL_AUDIENCE)
          .setExpirationTime('1h')
          .sign(privateKey);
      },
    ],
  ];

  it.each(refusals)('refuses %s with 401', async (_case, make) => {
    const response = await h.request('GET', '/api/me', { token: await make() });
    expect(response.status).toBe(401);
    expect(response.body).toEqual(UNAUTHORIZED);
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  });

  it('never fetches the keys of a tenant that is not on the allowlist', async () => {
    await h.request('GET', '/api/me', { token: await h.token({ tenantId: FOREIGN_TENANT, objectId: entraMember.objectId }) });
    expect(h.entra.requested).not.toContain(FOREIGN_TENANT);
    expect(h.entra.requested).toContain(PARTNER_TENANT);
  });

  it('every user route refuses a request without a valid token (401)', async () => {
    const userRoutes = h.addin.routes.filter((r) => r.access === 'user');
    expect(userRoutes.length).toBeGreaterThanOrEqual(5);
    const expired = await h.token(entraMember, { issuedAt: -7200, expiresIn: 3600 });
    for (const route of userRoutes) {
      const path = route.path.replace('{partnerId}', 'de-vaart').replace('{month}', '2025-11').replace('{dossierId}', own.id);
      const body = route.method === 'post' ? { partnerId: 'de-vaart', month: '2025-11', dossierId: own.id, problem: 'x' } : undefined;
      for (const token of [undefined, expired]) {
        const response = await h.request(route.method.toUpperCase(), path, { ...(token ? { token } : {}), ...(body ? { body } : {}) });
        expect([route.operationId, response.status]).toEqual([route.operationId, 401]);
      }
    }
  });

  it('a valid token of someone who is not a user: 403, one Dutch sentence', async () => {
    const response = await h.request('GET', '/api/me', { token: await h.token(entraStranger) });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'forbidden', detail: expect.stringContaining('geen toegang tot Woonbegeleiding') });
  });
});

describe('what a partner member sees (DESIGN, Security)', () => {
  it("R13, R15, R16: its consultation of the month: dates, place, deadline, whether it takes place", async () => {
    const response = await h.request('GET', '/api/consultations/de-vaart/2025-11', { token: await h.token(entraMember) });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      partnerId: 'de-vaart',
      partnerName: 'Begeleidingsdienst De Vaart',
      month: '2025-11',
      meetingDate: '2025-11-27',
      invitationDate: '2025-11-20',
      flagDeadline: '2025-11-27T00:00:00+01:00',
      lastFlagDay: '2025-11-26',
      mode: 'teams',
      listClosed: false,
      phase: 'upcoming',
    });
  });

  it('R16: an in-person consultation carries the landlord’s address', async () => {
    const token = await h.token(entraCoordinator);
    const response = await h.request('GET', '/api/consultations/de-linde/2025-11', { token });
    expect(response.body).toMatchObject({ mode: 'in-person', address: world.landlord.officeAddress });
  });

  it("its own organisation's ongoing dossiers, with the tenant's name to recognise them", async () => {
    const response = await h.request('GET', '/api/dossiers', { token: await h.token(entraMember) });
    expect(response.status).toBe(200);
    const ids = (response.body as { dossiers: { id: string }[] }).dossiers.map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining([own.id, ownSecond.id]));
    expect(ids).not.toContain(other.id);
    expect((response.body as { dossiers: unknown[] }).dossiers).toContainEqual(
      expect.objectContaining({ id: own.id, number: own.number, tenantName: own.tenant.name, kindLabel: 'versnelde toewijzing', statusLabel: 'lopend' }),
    );
  });

  it("another organisation's consultation or dossier list: 404", async () => {
    const token = await h.token(entraMember);
    for (const path of ['/api/consultations/woonkracht/2025-11', '/api/dossiers?partnerId=woonkracht']) {
      const response = await h.request('GET', path, { token });
      expect([path, response.status, (response.body as { detail: string }).detail]).toEqual([path, 404, 'Deze organisatie werd niet gevonden.']);
    }
  });

  it("another partner's dossier: 404 exactly as a dossier that does not exist, and nothing written", async () => {
    const token = await h.token(entraMember);
    const flag = (dossierId: string) => h.request('POST', '/api/flags', { token, body: { partnerId: 'de-vaart', month: '2025-11', dossierId, problem: 'Overlast' } });
    const withdraw = (dossierId: string) => h.request('DELETE', `/api/flags/de-vaart/2025-11/${dossierId}`, { token });
    const before = await snapshot(world);
    const [foreignFlag, missingFlag, foreignWithdraw, missingWithdraw] = [await flag(other.id), await flag(uid()), await withdraw(other.id), await withdraw(uid())];
    expect(foreignFlag.status).toBe(404);
    expect(foreignFlag.body).toEqual(missingFlag.body);
    expect(foreignFlag.body).toMatchObject({ code: 'not-found', detail: 'Dit dossier werd niet gevonden.' });
    expect(foreignWithdraw.status).toBe(404);
    expect(foreignWithdraw.body).toEqual(missingWithdraw.body);
    expect(await snapshot(world)).toEqual(before);
  });

  it("flagging for another organisation's consultation: 404", async () => {
    const response = await h.request('POST', '/api/flags', {
      token: await h.token(entraMember),
      body: { partnerId: 'woonkracht', month: '2025-11', dossierId: own.id, problem: 'Overlast' },
    });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ detail: 'Deze organisatie werd niet gevonden.' });
  });
});

describe('flags (R15, R13b)', () => {
  it('R15: a flag goes through the service: stored on the agenda, the Teams card notified, shown in the pane', async () => {
    const token = await h.token(entraMember);
    const response = await h.request('POST', '/api/flags', {
      token,
      body: { partnerId: 'de-vaart', month: '2025-11', dossierId: own.id, problem: '  Huurachterstand\nvan drie maanden ' },
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      outcome: 'created',
      flag: { dossierId: own.id, partnerId: 'de-vaart', month: '2025-11', problem: 'Huurachterstand van drie maanden', flaggedAt: h.now.toISOString(), source: 'outlook' },
      message: 'Het dossier staat op de agenda van het structureel overleg van 27/11/2025.',
    });

    // The Teams agenda card is told (the notifier of the composition root).
    expect(world.notifier.of('flagChanged')).toEqual([
      expect.objectContaining({ partnerId: 'de-vaart', month: '2025-11', dossierId: own.id, change: 'flagged', actor: entraMember.objectId }),
    ]);

    // The stored agenda, read by the landlord.
    const agenda = await getAgenda(world.ctx(coordinator, h.now.toISOString()), { partnerId: 'de-vaart', month: '2025-11' });
    expect(agenda.toDiscuss.find((e) => e.dossierId === own.id)?.reasons).toContainEqual(
      expect.objectContaining({ type: 'flag', problem: { personal: true, text: 'Huurachterstand van drie maanden' } }),
    );
    expect((await world.ports.flags.get('de-vaart', '2025-11', own.id))?.source).toBe('outlook');

    // What the pane shows.
    const view = await h.request('GET', '/api/consultations/de-vaart/2025-11', { token });
    expect(view.body).toMatchObject({ takesPlace: true });
    expect((view.body as { toDiscuss: unknown[] }).toDiscuss).toContainEqual({
      dossierId: own.id,
      number: own.number,
      reasons: [{ type: 'flag', label: 'Geagendeerd', problem: 'Huurachterstand van drie maanden', flaggedByLandlord: false, flaggedAt: h.now.toISOString() }],
    });
  });

  it('R15: flagging again answers the first flag (200) and notifies nobody', async () => {
    const response = await h.request('POST', '/api/flags', {
      token: await h.token(entraMember),
      body: { partnerId: 'de-vaart', month: '2025-11', dossierId: own.id, problem: 'Iets anders' },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ outcome: 'already-flagged', flag: { problem: 'Huurachterstand van drie maanden' } });
    expect(world.notifier.events).toEqual([]);
  });

  it('R15: a flag after the deadline is refused with the next consultation’s date, and nothing is written', async () => {
    h.now = new Date('2025-11-27T00:00:01+01:00');
    const token = await h.token(entraMember);
    const before = await snapshot(world);
    const response = await h.request('POST', '/api/flags', { token, body: { partnerId: 'de-vaart', month: '2025-11', dossierId: ownSecond.id, problem: 'Te laat' } });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      code: 'deadline-passed',
      title: 'Termijn verstreken',
      nextConsultation: '2025-12-24', // R-H: Christmas moves December's meeting to Wednesday 24/12
      detail: 'Agenderen voor het structureel overleg van 27/11/2025 kon tot en met 26/11/2025. Je kan het dossier agenderen voor het volgende overleg, op 24/12/2025.',
    });
    expect(await snapshot(world)).toEqual(before);
    expect(world.notifier.events).toEqual([]);

    // R15: the pane hears that the list is closed and when the next consultation is.
    const view = await h.request('GET', '/api/consultations/de-vaart/2025-11', { token });
    expect(view.body).toMatchObject({ listClosed: true, nextConsultation: { month: '2025-12', meetingDate: '2025-12-24', lastFlagDay: '2025-12-23' } });
  });

  it('R15: a meeting that is over: the view says so, a flag and a withdrawal are refused because it is over, nothing written', async () => {
    h.now = new Date('2025-11-27T23:59:59+01:00');
    expect((await h.request('GET', '/api/consultations/de-vaart/2025-11', { token: await h.token(entraMember) })).body).toMatchObject({ phase: 'today' });
    h.now = new Date('2025-11-28T00:00:00+01:00');
    const token = await h.token(entraMember); // a token of that moment
    expect((await h.request('GET', '/api/consultations/de-vaart/2025-11', { token })).body).toMatchObject({ phase: 'over', listClosed: true });
    const before = await snapshot(world);
    const flag = await h.request('POST', '/api/flags', { token, body: { partnerId: 'de-vaart', month: '2025-11', dossierId: ownSecond.id, problem: 'Te laat' } });
    expect(flag.status).toBe(422);
    expect(flag.body).toMatchObject({
      code: 'deadline-passed',
      detail: 'Het structureel overleg van 27/11/2025 is voorbij: daarvoor kan je niet meer agenderen. Je kan het dossier agenderen voor het volgende overleg, op 24/12/2025.',
    });
    const withdrawal = await h.request('DELETE', `/api/flags/de-vaart/2025-11/${own.id}`, { token });
    expect(withdrawal.status).toBe(422);
    expect(withdrawal.body).toMatchObject({ detail: 'Het structureel overleg van 27/11/2025 is voorbij: de agendering kan niet meer ingetrokken worden.' });
    expect(await snapshot(world)).toEqual(before);
  });

  it('R15: withdrawing after the deadline is refused', async () => {
    h.now = new Date('2025-11-27T08:00:00+01:00');
    const response = await h.request('DELETE', `/api/flags/de-vaart/2025-11/${own.id}`, { token: await h.token(entraMember) });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'deadline-passed' });
  });

  it('R15: a flag can be withdrawn until the deadline; the Teams card is told', async () => {
    const response = await h.request('DELETE', `/api/flags/de-vaart/2025-11/${own.id}`, { token: await h.token(entraMember) });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ outcome: 'withdrawn', message: 'Het dossier staat niet meer op de agenda van het structureel overleg van 27/11/2025.' });
    expect(world.notifier.of('flagChanged')).toEqual([expect.objectContaining({ dossierId: own.id, change: 'withdrawn' })]);
    expect((await world.ports.flags.get('de-vaart', '2025-11', own.id))?.withdrawnAt).toBeDefined();
  });

  it('the landlord flags for a partner’s consultation through the same route (source landlord)', async () => {
    const response = await h.request('POST', '/api/flags', {
      token: await h.token(entraCoordinator),
      body: { partnerId: 'de-vaart', month: '2025-11', dossierId: ownSecond.id, problem: 'Klacht van buren' },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ flag: { partnerId: 'de-vaart', source: 'landlord' } });
  });
});

describe('input: validated, size-limited, refused in Dutch, nothing half-written', () => {
  const valid = () => ({ partnerId: 'de-vaart', month: '2025-11', dossierId: neverFlagged.id, problem: 'Overlast' });

  const cases: [string, () => { body?: unknown; rawBody?: string; headers?: Record<string, string> }, number, Record<string, unknown>][] = [
    ['an unknown field', () => ({ body: { ...valid(), priority: 'hoog' } }), 400, { detail: 'Het veld "priority" is onbekend.', fields: ['priority'] }],
    ['two unknown fields', () => ({ body: { ...valid(), a: 1, b: 2 } }), 400, { detail: 'De velden "a", "b" zijn onbekend.' }],
    ['a wrong type', () => ({ body: { ...valid(), problem: 42 } }), 400, { detail: 'De omschrijving van het probleem heeft een ongeldig type.', fields: ['problem'] }],
    ['a missing field', () => ({ body: { partnerId: 'de-vaart', month: '2025-11', problem: 'x' } }), 400, { detail: 'Vul het dossier in.', fields: ['dossierId'] }],
    ['a month that does not exist', () => ({ body: { ...valid(), month: '2025-13' } }), 400, { detail: 'De maand van het overleg (JJJJ-MM) is ongeldig.' }],
    ['an empty id', () => ({ body: { ...valid(), dossierId: '' } }), 400, { detail: 'Vul het dossier in.' }],
    ['a body that is not an object', () => ({ body: ['x'] }), 400, { detail: 'Het verzoek moet een JSON-object bevatten.' }],
    ['no body', () => ({}), 400, { detail: 'Het verzoek moet een JSON-object bevatten.' }],
    ['broken JSON', () => ({ rawBody: '{"partnerId": ' }), 400, { detail: 'De inhoud van het verzoek is geen geldige JSON.' }],
    ['R13b: an empty problem statement', () => ({ body: { ...valid(), problem: '   ' } }), 400, { detail: 'Beschrijf kort het concrete probleem dat besproken moet worden.' }],
    ['R13b: a statement over 500 characters', () => ({ body: { ...valid(), problem: 'x'.repeat(501) } }), 400, { detail: 'De omschrijving van het probleem is te lang (hoogstens 500 tekens).' }],
    ['a raw text far over any limit', () => ({ body: { ...valid(), problem: 'x'.repeat(2001) } }), 400, { detail: 'De omschrijving van het probleem is te lang (hoogstens 500 tekens).' }],
    ['R13b: a statement with a right-to-left override', () => ({ body: { ...valid(), problem: 'Overlast \u202Etekst' } }), 400, { fields: ['problem'], detail: expect.stringMatching(/^De omschrijving van het probleem bevat een onzichtbaar stuurteken/) }],
    ['R13b: a statement with a C1 control', () => ({ body: { ...valid(), problem: 'Overlast\u009b' } }), 400, { fields: ['problem'], detail: expect.stringMatching(/stuurteken/) }],
    ['a body over 16 kB', () => ({ body: { ...valid(), problem: 'x'.repeat(17 * 1024) } }), 413, { detail: 'Het verzoek is te groot (hoogstens 16 kB).' }],
  ];

  it.each(cases)('refuses %s', async (_case, make, status, expected) => {
    const token = await h.token(entraMember);
    await refusedWithoutWritesHttp(async () => {
      const response = await h.request('POST', '/api/flags', { token, ...make() });
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status, code: 'validation', ...expected });
    });
  });

  it('refuses a chunked body over 16 kB (no content-length)', async () => {
    const token = await h.token(entraMember);
    const big = JSON.stringify({ ...valid(), problem: 'x'.repeat(17 * 1024) });
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    await refusedWithoutWritesHttp(async () => {
      const response = await fetch(`${h.url}/api/flags`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(413);
    });
  });

  it('refuses an unknown query parameter and a bad path parameter', async () => {
    const token = await h.token(entraMember);
    expect((await h.request('GET', '/api/dossiers?sort=name', { token })).body).toMatchObject({ status: 400, detail: 'Het veld "sort" is onbekend.' });
    expect((await h.request('GET', '/api/consultations/de-vaart/november', { token })).body).toMatchObject({ status: 400, detail: 'De maand van het overleg (JJJJ-MM) is ongeldig.' });
  });
});

/** The HTTP twin of world.refusedWithoutWrites: storage is the same before and after. */
async function refusedWithoutWritesHttp(action: () => Promise<void>): Promise<void> {
  const before = await snapshot(world);
  await action();
  expect(await snapshot(world)).toEqual(before);
}
