/**
 * get-agenda reads the visits of a partner's dossiers from the dossier copies in its list (R13, R14
 * with R17-R19): the same reasons as reading every dossier's partition, one request whatever the
 * number of running dossiers, and a per-dossier read only for a copy written before copies carried
 * visits.
 */
import type { Agenda } from '../../../shared/rules/agenda';
import type { Dossier, User } from '../../../shared/rules/types';
import { acceptTransfer, getAgenda, recordConclusions, recordVisit, requestTransfer } from '../../../shared/services';
import { createServiceContext } from '../../../shared/services/context';
import { createStore } from '../../../shared/store';
import { testConnectionString } from '../../setup/test-store';
import { makeCopiesOld } from '../store/old-copies';
import { active, coordinator, createWorld, deLindeMember, deVaartMember, DEMO, NOW, onderdakMember, stored, woonkrachtMember, type World } from './world';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const AFTER_MEETING = '2025-11-28T10:00:00+01:00'; // the November consultation was on Thursday 27 November

const reasonsOf = (agenda: Agenda, d: Dossier) => agenda.toDiscuss.find((e) => e.dossierId === d.id)?.reasons.map((r) => r.type) ?? [];
const copyOf = async (partnerId: string, d: Dossier) =>
  (await world.ports.dossiers.listForPartnerWithVisits(partnerId)).find((c) => c.dossier.id === d.id);

async function agendaCost(who: User, month?: string): Promise<{ agenda: Agenda; requests: number }> {
  const before = world.store.requestCount();
  const agenda = await getAgenda(world.ctx(who), month ? { month } : {});
  return { agenda, requests: world.store.requestCount() - before };
}

describe('get-agenda with the visits from the dossier copies (R13, R14)', () => {
  it('R17, R18, R19: the visit reasons are the same from new copies as from old copies (read per dossier)', async () => {
    const ctx = world.ctx(coordinator);
    const threeMonths = await stored(world, active({ leaseStart: '2025-07-01' }));
    const extra = await stored(world, active());
    const finalEval = await stored(world, active({ leaseStart: '2024-11-01' }));
    const fine = await stored(world, active({ leaseStart: '2025-07-02' }));
    await recordVisit(ctx, { dossierId: threeMonths.id, kind: 'home-visit-3m', heldOn: '2025-10-06', findings: [{ part: 'garden', ok: false }] }); // R17
    await recordVisit(ctx, { dossierId: extra.id, kind: 'extra', heldOn: '2025-11-03', findings: [{ part: 'house', ok: false }] }); // R18
    await recordVisit(ctx, { dossierId: finalEval.id, kind: 'final-evaluation', heldOn: '2025-10-02', supportWorkerPresent: true, seriousDefects: true }); // R19
    await recordVisit(ctx, { dossierId: fine.id, kind: 'home-visit-3m', heldOn: '2025-10-07', findings: [{ part: 'garden', ok: true }] });

    const fromCopies = await agendaCost(deVaartMember);
    expect(reasonsOf(fromCopies.agenda, threeMonths)).toEqual(['visit-problems']);
    expect(reasonsOf(fromCopies.agenda, extra)).toEqual(['visit-problems']);
    expect(reasonsOf(fromCopies.agenda, finalEval)).toEqual(['decision-pending']);
    expect(reasonsOf(fromCopies.agenda, fine)).toEqual([]);

    const oldCopies = await makeCopiesOld(world.prefix);
    const fromPartitions = await agendaCost(deVaartMember);
    expect(fromPartitions.agenda).toEqual(fromCopies.agenda);
    // The fallback reads only the dossiers whose copy carries no visits: one request each.
    const running = (await world.ports.dossiers.listForPartner('de-vaart')).filter((d) => d.status === 'active' || d.status === 'extended');
    expect(oldCopies).toBeGreaterThanOrEqual(running.length);
    expect(fromPartitions.requests).toBe(fromCopies.requests + running.length);
  });

  it('R17, R18: a visit planned, completed, and planned by the conclusions (plan-extra-visit) shows in the copy and on the agenda', async () => {
    const d = await stored(world, active({ registeringPartnerId: 'de-linde', supportingPartnerId: 'de-linde', leaseStart: '2025-07-01' }));
    const planned = await recordVisit(world.ctx(coordinator), { dossierId: d.id, kind: 'home-visit-3m', plannedOn: '2025-10-06' });
    expect((await copyOf('de-linde', d))?.visits).toEqual([planned.visit]);
    expect(reasonsOf(await getAgenda(world.ctx(deLindeMember)), d)).toEqual([]);

    const done = await recordVisit(world.ctx(coordinator), { dossierId: d.id, visitId: planned.visit.id, kind: 'home-visit-3m', heldOn: '2025-10-06', findings: [{ part: 'terrace', ok: false }] });
    expect((await copyOf('de-linde', d))?.visits).toEqual([done.visit]);
    expect(reasonsOf(await getAgenda(world.ctx(deLindeMember)), d)).toEqual(['visit-problems']);

    await recordConclusions(world.ctx(coordinator, AFTER_MEETING), {
      partnerId: 'de-linde',
      month: '2025-11',
      conclusions: [{ dossierId: d.id, summary: 'Extra huisbezoek', decision: { kind: 'plan-extra-visit' } }],
    });
    const visits = (await copyOf('de-linde', d))?.visits ?? [];
    expect(visits).toEqual(await world.ports.visits.listByDossier(d.id));
    const extra = visits.find((v) => v.kind === 'extra');
    expect(extra).toMatchObject({ findings: [], seriousDefects: false });

    // R18: the extra visit held with problems goes to the next consultation.
    await recordVisit(world.ctx(coordinator, AFTER_MEETING), { dossierId: d.id, visitId: extra?.id ?? '', kind: 'extra', heldOn: '2025-11-28', findings: [{ part: 'house', ok: false }] });
    const december = await getAgenda(world.ctx(deLindeMember, AFTER_MEETING), { month: '2025-12' });
    expect(december.toDiscuss.find((e) => e.dossierId === d.id)?.reasons).toEqual([expect.objectContaining({ type: 'visit-problems', visitId: extra?.id, visitKind: 'extra' })]);
  });

  it("R6, R17: after a transfer the receiving partner's agenda shows the dossier's earlier visit; the old partner's no longer lists it", async () => {
    const d = await stored(world, active({ leaseStart: '2025-07-01' }));
    await recordVisit(world.ctx(coordinator), { dossierId: d.id, kind: 'home-visit-3m', heldOn: '2025-10-06', findings: [{ part: 'garage', ok: false }] });
    await requestTransfer(world.ctx(deVaartMember), { dossierId: d.id, toPartnerId: 'woonkracht', reason: 'Capaciteit' });
    await acceptTransfer(world.ctx(woonkrachtMember), { dossierId: d.id });

    expect(reasonsOf(await getAgenda(world.ctx(woonkrachtMember)), d)).toEqual(['visit-problems']);
    const old = await getAgenda(world.ctx(deVaartMember));
    expect([...old.overview, ...old.toDiscuss, ...old.otherTrajectories].map((e) => e.dossierId)).not.toContain(d.id);
  });

  it('R17: a visit whose copies were lost in a crash after the commit is on the agenda once repaired', async () => {
    let crash = true;
    const fragile = await createStore({
      connection: { connectionString: testConnectionString() },
      tablePrefix: world.prefix,
      hooks: {
        beforeDerivedSync: async () => {
          if (crash) throw new Error('crash');
        },
      },
    });
    const d = await stored(world, active({ registeringPartnerId: 'woonkracht', supportingPartnerId: 'woonkracht', leaseStart: '2025-07-01' }));
    const ctx = createServiceContext({ store: fragile, landlord: DEMO.landlord, user: coordinator, now: NOW, notifier: world.notifier });
    await recordVisit(ctx, { dossierId: d.id, kind: 'home-visit-3m', heldOn: '2025-10-06', findings: [{ part: 'garden', ok: false }] });
    expect(reasonsOf(await getAgenda(world.ctx(woonkrachtMember)), d)).toEqual([]); // the copy is stale until repaired

    crash = false;
    expect(await fragile.repairPending(new Date(Date.now() + 120_000).toISOString())).toBeGreaterThanOrEqual(1);
    expect(reasonsOf(await getAgenda(world.ctx(woonkrachtMember)), d)).toEqual(['visit-problems']);
  });

  it("R13: the agenda's storage requests do not grow with the partner's running dossiers (20 vs 40)", async () => {
    const addRunning = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const d = await stored(world, active({ registeringPartnerId: 'onderdak', supportingPartnerId: 'onderdak', leaseStart: '2025-07-01' }));
        await world.ports.visits.create({ id: `v-${d.id}`, dossierId: d.id, kind: 'home-visit-3m', heldOn: '2025-10-06', findings: [{ part: 'garden', ok: i % 2 === 0 }], seriousDefects: false });
      }
    };
    await addRunning(20);
    const twenty = await agendaCost(onderdakMember);
    await addRunning(20);
    const forty = await agendaCost(onderdakMember);
    expect(forty.requests).toBe(twenty.requests);
    expect(twenty.agenda.toDiscuss).toHaveLength(10);
    expect(forty.agenda.toDiscuss).toHaveLength(20);
  });
});
