/** Queries and identity against the real store (Azurite), on the seeded demo data: R5, R13, R14, DESIGN Security. */
import { dossierNotFound, partnerNotFound } from '../../../shared/rules/access';
import { partnerSeesDossier } from '../../../shared/rules/agenda';
import type { Dossier, User } from '../../../shared/rules/types';
import {
  flagDossier,
  getAgenda,
  getDossier,
  listMyDossiers,
  raiseSignal,
  recordVisit,
  resolveUser,
} from '../../../shared/services';
import { seedDemo } from '../../../shared/services/seed-demo';
import {
  active,
  auditOf,
  coordinator,
  createWorld,
  DEMO,
  deVaartMember,
  onderdakMember,
  PLAYGROUND_TENANT,
  refusedWithoutWrites,
  staff,
  stored,
  TODAY,
  woonkrachtMember,
  type World,
} from './world';

let world: World;
let all: Dossier[];
beforeAll(async () => {
  world = await createWorld();
  await seedDemo(world.store, TODAY, { force: true });
  all = await world.ports.dossiers.listAll();
});
beforeEach(() => world.notifier.clear());

const isOpen = (d: Dossier) => ['candidacy', 'active', 'extended'].includes(d.status);
const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();

describe('list-my-dossiers (DESIGN, Security; R6)', () => {
  it("a partner member lists only its own organisation's open dossiers", async () => {
    const mine = await listMyDossiers(world.ctx(deVaartMember));
    const expected = DEMO.dossiers.filter((d) => partnerSeesDossier(d, 'de-vaart') && isOpen(d));
    expect(ids(mine)).toEqual(ids(expected));
    expect(mine.length).toBeGreaterThan(3);
    expect(mine.every((s) => s.registeringPartnerId === 'de-vaart' || s.supportingPartnerId === 'de-vaart')).toBe(true);
  });

  it('the landlord lists all open dossiers, or one partner\'s; closed ones on request', async () => {
    expect(ids(await listMyDossiers(world.ctx(staff)))).toEqual(ids(DEMO.dossiers.filter(isOpen)));
    expect(ids(await listMyDossiers(world.ctx(coordinator), { partnerId: 'woonkracht' }))).toEqual(
      ids(DEMO.dossiers.filter((d) => partnerSeesDossier(d, 'woonkracht') && isOpen(d))),
    );
    expect(ids(await listMyDossiers(world.ctx(coordinator), { includeClosed: true }))).toEqual(ids(all));
  });

  it('a member naming another organisation gets not-found; the listing is audited with a count, no names', async () => {
    await expect(listMyDossiers(world.ctx(deVaartMember), { partnerId: 'woonkracht' })).rejects.toEqual(partnerNotFound());
    const log = (await world.ports.audit.listWithoutDossier('2025-11')).filter((a) => a.action === 'dossier.list');
    expect(log.length).toBeGreaterThan(0);
    expect(log[0]).toMatchObject({ actor: deVaartMember.objectId, partnerId: 'de-vaart', basis: 'role', details: { count: expect.any(Number) } });
    for (const d of DEMO.dossiers) expect(JSON.stringify(log)).not.toContain(d.tenant.name);
  });
});

describe('get-dossier (R2, R5, R11, DESIGN Security)', () => {
  it('R5: shows milestones, planned end, the supporting organisation\'s general contact details and the next steps; audited per read', async () => {
    const d = await stored(world, active());
    const details = await getDossier(world.ctx(deVaartMember), { dossierId: d.id });
    expect(details.dossier).toEqual(d);
    expect(details.plannedEnd).toBe('2026-02-01');
    expect(details.milestones.map((m) => m.kind)).toEqual(['evaluation-1m', 'home-visit-3m', 'evaluation-4m', 'evaluation-10m', 'final-evaluation']);
    const deVaart = DEMO.partners.find((p) => p.id === 'de-vaart');
    expect(details.supportingPartner).toEqual({ id: 'de-vaart', name: deVaart?.name, contact: deVaart?.contact });
    expect(details.nextSteps).toEqual(['request-transfer']);
    expect((await getDossier(world.ctx(coordinator), { dossierId: d.id })).nextSteps).toEqual(['extend', 'close-positively', 'stop']);
    const audit = await auditOf(world, d.id);
    // Two reads of the same moment: their order is not the order of reading (each is a window's row).
    expect(audit).toHaveLength(2);
    expect(audit).toEqual(expect.arrayContaining([
      { at: expect.any(String), actor: deVaartMember.objectId, action: 'dossier.read', dossierId: d.id, basis: 'role', details: { reads: 1, lastReadAt: expect.any(String) } },
      { at: expect.any(String), actor: coordinator.objectId, action: 'dossier.read', dossierId: d.id, basis: 'role', details: { reads: 1, lastReadAt: expect.any(String) } },
    ]));
  });

  it('a member of another partner gets the same not-found as a missing id, and the refused read is not audited', async () => {
    const d = await stored(world, active());
    const missing = await refusedWithoutWrites(world, () => getDossier(world.ctx(woonkrachtMember), { dossierId: 'd-9999' }));
    expect(missing).toEqual(dossierNotFound());
    expect(await refusedWithoutWrites(world, () => getDossier(world.ctx(woonkrachtMember), { dossierId: d.id }))).toEqual(missing);
    expect(await auditOf(world, d.id)).toEqual([]);
  });
});

describe('get-agenda (R13, R14, R15)', () => {
  it("R13: holds only the partner's own dossiers, no tenant names; R14: a signal, a flag and a visit with problems put dossiers on the list", async () => {
    const signalled = await stored(world, active());
    const flagged = await stored(world, active());
    const visited = await stored(world, active({ leaseStart: '2025-07-01' }));
    const otherPartners = await stored(world, active({ registeringPartnerId: 'woonkracht', supportingPartnerId: 'woonkracht' }));
    await raiseSignal(world.ctx(deVaartMember), { dossierId: signalled.id, category: 'liveability', description: 'Overlast' });
    await flagDossier(world.ctx(deVaartMember), { dossierId: flagged.id, problem: 'Huurachterstand' });
    await recordVisit(world.ctx(coordinator), { dossierId: visited.id, kind: 'home-visit-3m', heldOn: '2025-10-06', findings: [{ part: 'garden', ok: false }] });
    await raiseSignal(world.ctx(woonkrachtMember), { dossierId: otherPartners.id, category: 'liveability', description: 'Elders' });

    const agenda = await getAgenda(world.ctx(deVaartMember));
    expect(agenda).toMatchObject({ partnerId: 'de-vaart', month: '2025-11', listClosed: false, takesPlace: true });
    const listed = [...agenda.overview, ...agenda.toDiscuss, ...agenda.otherTrajectories].map((e) => e.dossierId);
    const theirs = new Set([...(await world.ports.dossiers.listForPartner('de-vaart'))].map((d) => d.id));
    expect(listed.every((id) => theirs.has(id))).toBe(true);
    expect(listed).not.toContain(otherPartners.id);
    const reasons = (id: string) => agenda.toDiscuss.find((e) => e.dossierId === id)?.reasons.map((r) => r.type);
    expect(reasons(signalled.id)).toEqual(['signal']);
    expect(reasons(flagged.id)).toEqual(['flag']);
    expect(reasons(visited.id)).toEqual(['visit-problems']);
    const json = JSON.stringify(agenda);
    for (const d of [...all, signalled, flagged, visited]) expect(json).not.toContain(d.tenant.name);
  });

  it("R13: the agenda's storage cost does not grow with other partners' dossiers", async () => {
    const cost = async () => {
      const before = world.store.requestCount();
      await getAgenda(world.ctx(onderdakMember));
      return world.store.requestCount() - before;
    };
    const first = await cost();
    // 20 more running dossiers of another partner, with visits and an active contact log.
    for (let i = 0; i < 20; i++) {
      const d = await stored(world, active({ registeringPartnerId: 'woonkracht', supportingPartnerId: 'woonkracht', contactLogActive: true }));
      await world.ports.visits.create({ id: `v-${i}`, dossierId: d.id, kind: 'home-visit-3m', heldOn: '2025-05-02', findings: [], seriousDefects: false });
    }
    expect(await cost()).toBe(first);
  });

  it('a member asks for another partner\'s agenda: not-found; the landlord must name the partner', async () => {
    await expect(getAgenda(world.ctx(deVaartMember), { partnerId: 'woonkracht' })).rejects.toEqual(partnerNotFound());
    await expect(getAgenda(world.ctx(coordinator))).rejects.toMatchObject({ code: 'validation' });
    expect((await getAgenda(world.ctx(coordinator), { partnerId: 'woonkracht', month: '2025-12' })).month).toBe('2025-12');
  });
});

describe('resolve-user (DESIGN, Security)', () => {
  it('resolves a known user with its landlord (and organisation for a partner member)', async () => {
    expect(await resolveUser(world.store, { tenantId: PLAYGROUND_TENANT, objectId: coordinator.objectId })).toEqual({
      status: 'known',
      user: coordinator,
      landlord: DEMO.landlord,
    });
    const member = await resolveUser(world.store, { tenantId: PLAYGROUND_TENANT, objectId: deVaartMember.objectId });
    expect(member).toMatchObject({ status: 'known', user: deVaartMember, partner: { id: 'de-vaart' } });
  });

  it('answers a typed unknown-user for an unknown id, a landlord that does not exist, or a member without organisation', async () => {
    expect(await resolveUser(world.store, { tenantId: PLAYGROUND_TENANT, objectId: 'onbekend' })).toEqual({ status: 'unknown-user', reason: 'no-user' });
    const ghost: User = { ...staff, objectId: 'ghost-landlord-user', landlordId: 'bestaat-niet' };
    const orphan: User = { ...deVaartMember, objectId: 'orphan-member', partnerId: 'opgeheven' };
    await world.store.users.create(ghost);
    await world.store.users.create(orphan);
    expect(await resolveUser(world.store, { tenantId: PLAYGROUND_TENANT, objectId: ghost.objectId })).toEqual({ status: 'unknown-user', reason: 'no-landlord' });
    expect(await resolveUser(world.store, { tenantId: PLAYGROUND_TENANT, objectId: orphan.objectId })).toEqual({ status: 'unknown-user', reason: 'no-partner' });
    await expect(resolveUser(world.store, { tenantId: '', objectId: 'x' })).rejects.toMatchObject({ code: 'validation' });
  });
});
