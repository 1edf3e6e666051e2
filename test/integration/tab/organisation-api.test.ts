/**
 * R6 transfer requests for the receiving organisation, and the coordinator's management of partner
 * organisations (R5, the Microsoft 365 tenant) and users, over real HTTP
 * (shared/api/organisation-routes.ts): the receiving partner sees the minimal view without
 * tenant data, another partner sees nothing, accepting moves the dossier; only the coordinator
 * manages partners and users, and validation errors name the field.
 */
import type { Dossier, User } from '../../../shared/rules/types';
import type { AdminResult, Organisation, TransferRequests } from '../../../shared/api/organisation-schemas';
import { active, deLindeMember, stored, woonkrachtMember, type World } from '../services/world';
import { entraCoordinator, entraMember, PARTNER_TENANT, startHarness, type Harness } from '../addin/harness';

const entraWoonkracht: User = { ...woonkrachtMember, tenantId: PARTNER_TENANT, objectId: '41111111-2222-4333-8444-555555555555', displayName: 'Entra Woonkracht' };
const entraLinde: User = { ...deLindeMember, tenantId: PARTNER_TENANT, objectId: '51111111-2222-4333-8444-555555555555', displayName: 'Entra De Linde' };

let h: Harness;
let world: World;
let coordinatorToken: string;
let memberToken: string;
let woonkrachtToken: string;
let lindeToken: string;

beforeAll(async () => {
  h = await startHarness();
  world = h.world;
  await Promise.all([entraWoonkracht, entraLinde].map((u) => world.store.users.create(u)));
});
afterAll(() => h.close());
beforeEach(async () => {
  h.now = new Date('2025-11-10T10:00:00+01:00');
  [coordinatorToken, memberToken, woonkrachtToken, lindeToken] = await Promise.all([h.token(entraCoordinator), h.token(entraMember), h.token(entraWoonkracht), h.token(entraLinde)]);
});

const get = (path: string, token: string) => h.request('GET', path, { token });
const post = (path: string, token: string, body: unknown) => h.request('POST', path, { token, body });
const requests = async (token: string) => {
  const response = await get('/api/transfer-requests', token);
  expect(response.status).toBe(200);
  return (response.body as TransferRequests).requests;
};

describe('R6: transfer requests for the receiving organisation', () => {
  let d: Dossier;
  beforeAll(async () => {
    d = await stored(world, active());
  });

  it('the receiving partner sees the minimal view of the open request, without tenant data', async () => {
    expect((await post(`/api/dossiers/${d.id}/transfer`, memberToken, { toPartnerId: 'woonkracht', reason: 'Verhuis naar hun werkgebied' })).status).toBe(200);
    const list = await requests(woonkrachtToken);
    expect(list).toEqual([
      {
        dossierId: d.id,
        number: d.number,
        kind: 'VT',
        kindLabel: expect.any(String),
        fromPartnerId: 'de-vaart',
        fromPartnerName: 'Begeleidingsdienst De Vaart',
        toPartnerId: 'woonkracht',
        toPartnerName: expect.any(String),
        requestedOn: '2025-11-10',
        reason: 'Verhuis naar hun werkgebied',
        plannedEnd: '2026-02-01',
        canDecide: true,
      },
    ]);
    const json = JSON.stringify(list);
    expect(json).not.toContain(d.tenant.name);
    expect(json).not.toContain(d.tenant.address as string);
    expect(json).not.toContain(d.supportWorker.name);
    // It still cannot read the dossier itself.
    expect((await get(`/api/dossiers/${d.id}`, woonkrachtToken)).status).toBe(404);
  });

  it('another partner sees nothing; the handing-over partner does not get it as a request to decide', async () => {
    expect(await requests(lindeToken)).toEqual([]);
    expect((await requests(memberToken)).map((r) => r.dossierId)).not.toContain(d.id);
  });

  it('the landlord sees every open request, without deciding', async () => {
    const list = await requests(coordinatorToken);
    expect(list).toEqual(expect.arrayContaining([expect.objectContaining({ dossierId: d.id, canDecide: false })]));
  });

  it('accepting moves the dossier: the receiving partner reads it, the old partner gets 404, the request is gone', async () => {
    const accepted = await post(`/api/dossiers/${d.id}/transfer/acceptance`, woonkrachtToken, {});
    expect(accepted.status).toBe(200);
    expect((await get(`/api/dossiers/${d.id}`, woonkrachtToken)).status).toBe(200);
    expect((await get(`/api/dossiers/${d.id}`, memberToken)).status).toBe(404);
    expect((await requests(woonkrachtToken)).map((r) => r.dossierId)).not.toContain(d.id);
  });

  it('refusing leaves it with the partner that asked, and the request is gone', async () => {
    const r = await stored(world, active());
    await post(`/api/dossiers/${r.id}/transfer`, memberToken, { toPartnerId: 'de-linde', reason: 'Capaciteit' });
    expect((await requests(lindeToken)).map((x) => x.dossierId)).toEqual([r.id]);
    expect((await post(`/api/dossiers/${r.id}/transfer/rejection`, lindeToken, { reason: 'Geen plaats vrij' })).status).toBe(200);
    expect(await requests(lindeToken)).toEqual([]);
    expect((await get(`/api/dossiers/${r.id}`, memberToken)).status).toBe(200);
  });
});

describe('partner organisations and users (coordinator only)', () => {
  const NEW_TENANT = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
  const newUser = { tenantId: PARTNER_TENANT, objectId: '61111111-2222-4333-8444-555555555555' };
  const partner = {
    id: 'de-brug',
    name: 'De Brug',
    contact: { phone: '+32 50 12 34 56', email: 'info@debrug.example', officeHours: 'ma-vr 9-12u' },
    m365TenantId: NEW_TENANT,
  };

  it('the coordinator adds a partner organisation with its contact details (R5) and tenant', async () => {
    const response = await post('/api/partners', coordinatorToken, partner);
    expect(response.status).toBe(201);
    const created: AdminResult = { id: 'de-brug', changed: true, message: 'Organisatie De Brug toegevoegd.' };
    expect(response.body).toEqual(created);
    const org = (await get('/api/organisation', coordinatorToken)).body as Organisation;
    expect(org.partners).toEqual(expect.arrayContaining([{ ...partner, meetingMode: 'teams' }]));
    // The same form sent again (a second "save" after a failed answer): 200, unchanged; another one under that id: refused.
    const again = await post('/api/partners', coordinatorToken, partner);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: 'de-brug', changed: false });
    expect((await post('/api/partners', coordinatorToken, { ...partner, name: 'Een andere' })).body).toMatchObject({ fields: ['id'] });
  });

  it('changes it (all fields); the same again changes nothing', async () => {
    const change = { name: 'De Brug vzw', contact: { ...partner.contact, phone: '050 99 99 99' }, meetingMode: 'in-person' };
    const response = await post('/api/partners/de-brug', coordinatorToken, change);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ changed: true, message: 'Organisatie De Brug vzw gewijzigd.' });
    expect((await post('/api/partners/de-brug', coordinatorToken, change)).body).toMatchObject({ changed: false });
    const org = (await get('/api/organisation', coordinatorToken)).body as Organisation;
    expect(org.partners.find((p) => p.id === 'de-brug')).toEqual({ id: 'de-brug', ...change }); // the tenant left out: removed
    expect((await post('/api/partners/bestaat-niet', coordinatorToken, change)).status).toBe(404);
  });

  it.each([
    ['m365TenantId', { ...partner, id: 'x1', m365TenantId: 'geen-guid' }, /geen geldige id/],
    ['contact.email', { ...partner, id: 'x2', contact: { ...partner.contact, email: 'info-at-example' } }, /geen geldig e-mailadres/],
    ['contact.phone', { ...partner, id: 'x3', contact: { ...partner.contact, phone: 'bel me' } }, /geen geldig telefoonnummer/],
    ['id', { ...partner, id: 'De Brug!' }, /kleine letters/],
    ['contact.officeHours', { ...partner, id: 'x4', contact: { ...partner.contact, officeHours: ' ' } }, /Vul de bereikbaarheid in/],
  ])('a partner with an invalid %s: 400 naming the field, in Dutch', async (field, body, detail) => {
    const response = await post('/api/partners', coordinatorToken, body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'validation', fields: [field], detail: expect.stringMatching(detail) });
  });

  it('the coordinator gives a new person access; they can then sign in', async () => {
    const response = await post('/api/users', coordinatorToken, { ...newUser, displayName: 'Nieuwe Medewerker', email: 'nieuw@debrug.example', role: 'partner-member', partnerId: 'de-brug' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ changed: true, message: 'Gebruiker Nieuwe Medewerker toegevoegd.' });
    const me = await get('/api/me', await h.token(newUser));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ partner: { id: 'de-brug' } });
    const org = (await get('/api/organisation', coordinatorToken)).body as Organisation;
    expect(org.users).toEqual(expect.arrayContaining([expect.objectContaining({ ...newUser, role: 'partner-member', partnerId: 'de-brug', roleLabel: expect.any(String) })]));
  });

  it.each([
    ['objectId', { tenantId: PARTNER_TENANT, objectId: 'niet-een-guid', displayName: 'X', role: 'landlord-staff' }],
    ['tenantId', { tenantId: '1234', objectId: '71111111-2222-4333-8444-555555555555', displayName: 'X', role: 'landlord-staff' }],
    ['email', { tenantId: PARTNER_TENANT, objectId: '71111111-2222-4333-8444-555555555555', displayName: 'X', email: 'x@', role: 'landlord-staff' }],
    ['partnerId', { tenantId: PARTNER_TENANT, objectId: '71111111-2222-4333-8444-555555555555', displayName: 'X', role: 'partner-member' }],
    ['partnerId', { tenantId: PARTNER_TENANT, objectId: '71111111-2222-4333-8444-555555555555', displayName: 'X', role: 'partner-member', partnerId: 'bestaat-niet' }],
    ['partnerId', { tenantId: PARTNER_TENANT, objectId: '71111111-2222-4333-8444-555555555555', displayName: 'X', role: 'landlord-staff', partnerId: 'de-vaart' }],
    ['role', { tenantId: PARTNER_TENANT, objectId: '71111111-2222-4333-8444-555555555555', displayName: 'X', role: 'baas' }],
    ['objectId', { ...newUser, displayName: 'Dubbel', role: 'landlord-staff' }],
  ])('a user with an invalid %s: 400 naming the field', async (field, body) => {
    const response = await post('/api/users', coordinatorToken, body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'validation', fields: [field], detail: expect.any(String) });
  });

  it("changes a user's role; not one's own; then removes the user, who has no access any more", async () => {
    const path = `/api/users/${newUser.tenantId}/${newUser.objectId}`;
    const changed = await post(path, coordinatorToken, { displayName: 'Nieuwe Medewerker', role: 'landlord-staff' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ changed: true });
    const self = await post(`/api/users/${entraCoordinator.tenantId}/${entraCoordinator.objectId}`, coordinatorToken, { displayName: 'Ik', role: 'landlord-staff' });
    expect(self.status).toBe(400);
    expect(self.body).toMatchObject({ fields: ['role'] });
    expect((await h.request('DELETE', `/api/users/${entraCoordinator.tenantId}/${entraCoordinator.objectId}`, { token: coordinatorToken })).status).toBe(400);
    const removed = await h.request('DELETE', path, { token: coordinatorToken });
    expect(removed.status).toBe(200);
    expect((await get('/api/me', await h.token(newUser))).status).toBe(403);
    expect((await h.request('DELETE', path, { token: coordinatorToken })).status).toBe(404);
  });

  it('an existing user is changed by its stored key (the demo ids of local mode are not GUIDs)', async () => {
    const response = await post(`/api/users/${deLindeMember.tenantId}/${deLindeMember.objectId}`, coordinatorToken, { displayName: deLindeMember.displayName, email: 'patti@delinde.example', role: 'partner-member', partnerId: 'de-linde' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ changed: true });
    expect(await world.store.users.get(deLindeMember.tenantId, deLindeMember.objectId)).toMatchObject({ email: 'patti@delinde.example', partnerId: 'de-linde' });
  });

  it('a partner member gets 403 on every management route, and nothing is written', async () => {
    const before = JSON.stringify((await get('/api/organisation', coordinatorToken)).body);
    expect((await get('/api/organisation', memberToken)).status).toBe(403);
    const refused = await post('/api/partners', memberToken, { ...partner, id: 'van-een-lid' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'forbidden' });
    expect((await post('/api/partners/de-vaart', memberToken, { name: 'Overgenomen', contact: partner.contact })).status).toBe(403);
    expect((await post('/api/users', memberToken, { tenantId: PARTNER_TENANT, objectId: '81111111-2222-4333-8444-555555555555', displayName: 'X', role: 'landlord-coordinator' })).status).toBe(403);
    expect((await h.request('DELETE', `/api/users/${entraCoordinator.tenantId}/${entraCoordinator.objectId}`, { token: memberToken })).status).toBe(403);
    expect(JSON.stringify((await get('/api/organisation', coordinatorToken)).body)).toBe(before);
  });

  it('the audit log holds ids only (no names, no contact details)', async () => {
    const entries = await world.ports.audit.listWithoutDossier('2025-11');
    const mine = entries.filter((e) => ['partner.create', 'partner.update', 'user.create', 'user.update', 'user.remove', 'transfer.list'].includes(e.action));
    expect(new Set(mine.map((e) => e.action))).toEqual(new Set(['partner.create', 'partner.update', 'user.create', 'user.update', 'user.remove', 'transfer.list']));
    const json = JSON.stringify(mine);
    for (const secret of ['De Brug', 'info@debrug.example', '50 12 34 56', 'Nieuwe Medewerker', 'nieuw@debrug.example']) expect(json).not.toContain(secret);
    expect(mine.find((e) => e.action === 'user.create')).toMatchObject({ actor: entraCoordinator.objectId, basis: 'role', partnerId: 'de-brug', details: { ...newUser, role: 'partner-member' } });
  });
});
