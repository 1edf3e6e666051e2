/** Lifecycle use cases against the real store (Azurite): R1, R2, R5, R6, R7, R19, R20, numbering. */
import { dossierNotFound } from '../../../shared/rules/access';
import { finalEvaluationOf } from '../../support/dossiers';
import {
  acceptTransfer,
  activateTrajectory,
  closeTrajectory,
  createCandidacy,
  extendTrajectory,
  getDossier,
  listMyDossiers,
  recordConsent,
  recordSignature,
  rejectTransfer,
  reportAbsence,
  requestTransfer,
  stopTrajectory,
  withdrawConsent,
  type CreateCandidacyInput,
} from '../../../shared/services';
import {
  active,
  allSigned,
  auditOf,
  coordinator,
  createWorld,
  deLindeMember,
  deVaartMember,
  dossier,
  refusedWithoutWrites,
  snapshot,
  staff,
  stored,
  woonkrachtMember,
  TODAY,
  type World,
} from './world';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
beforeEach(() => world.notifier.clear());

const candidacyInput = (overrides: Partial<CreateCandidacyInput> = {}): CreateCandidacyInput => ({
  kind: 'VT',
  tenant: { name: 'Kandidaat Testhuurder Lindeboom', address: 'Teststraat 1, 8000 Brugge' },
  registeringPartnerId: 'woonkracht',
  supportingPartnerId: 'de-vaart',
  supportWorker: { name: 'Begeleider Testpersoon', email: 'begeleider@devaart.example' },
  ...overrides,
});

describe('create-candidacy (R1)', () => {
  it('R1: creates a candidacy with the number VT-YYYY-NNN (AW for other support) and audits it with ids only', async () => {
    const ctx = world.ctx(coordinator, '2031-03-03T09:00:00+01:00');
    const { dossier: vt } = await createCandidacy(ctx, candidacyInput());
    const { dossier: aw } = await createCandidacy(ctx, candidacyInput({ kind: 'other' }));
    expect(vt).toMatchObject({ number: 'VT-2031-001', status: 'candidacy', supportingPartnerId: 'de-vaart', createdOn: '2031-03-03' });
    expect(aw.number).toBe('AW-2031-001');
    expect(await world.ports.dossiers.getByNumber('VT-2031-001')).toEqual(vt);
    const audit = await auditOf(world, vt.id);
    expect(audit).toEqual([
      expect.objectContaining({ action: 'dossier.create', actor: coordinator.objectId, basis: 'role', details: expect.objectContaining({ number: 'VT-2031-001' }) }),
    ]);
    expect(JSON.stringify(audit)).not.toContain('Lindeboom');
  });

  it('20 concurrent create-candidacy calls get 20 distinct numbers, 001..020', async () => {
    const ctx = world.ctx(coordinator, '2032-05-05T09:00:00+02:00');
    const results = await Promise.all(Array.from({ length: 20 }, () => createCandidacy(ctx, candidacyInput())));
    const numbers = results.map((r) => r.dossier.number).sort();
    expect(new Set(numbers).size).toBe(20);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `VT-2032-${String(i + 1).padStart(3, '0')}`));
    for (const { dossier: d } of results) expect((await world.ports.dossiers.getByNumber(d.number))?.id).toBe(d.id);
  });

  it('skips a number already held by a dossier that was not created through numbering (imported, seeded)', async () => {
    await stored(world, dossier({ number: 'VT-2033-001', createdOn: '2033-01-02' }));
    const { dossier: d } = await createCandidacy(world.ctx(coordinator, '2033-02-01T09:00:00+01:00'), candidacyInput());
    expect(d.number).toBe('VT-2033-002');
  });

  it('R1: invalid input is refused in Dutch before a number is claimed: nothing written', async () => {
    const error = await refusedWithoutWrites(world, () =>
      createCandidacy(world.ctx(coordinator), candidacyInput({ tenant: { name: '' }, supportWorker: { name: '' } })),
    );
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/naam van de huurder/);
  });

  it('an unknown partner is refused: nothing written', async () => {
    const error = await refusedWithoutWrites(world, () => createCandidacy(world.ctx(coordinator), candidacyInput({ supportingPartnerId: 'bestaat-niet' })));
    expect(error).toMatchObject({ code: 'validation', message: 'De begeleidende organisatie is geen gekende organisatie.' });
  });

  it('a partner member or landlord staff may not create dossiers (forbidden): nothing written', async () => {
    for (const who of [deVaartMember, staff]) {
      const error = await refusedWithoutWrites(world, () => createCandidacy(world.ctx(who), candidacyInput()));
      expect(error.code).toBe('forbidden');
    }
  });
});

describe('signatures, consent and start (R1, R2, R7)', () => {
  it('R1: records the three signatures, then activates with a lease start; R2 planned end = lease start + 12 months', async () => {
    const d = await stored(world, dossier());
    const ctx = world.ctx(coordinator);
    await recordSignature(ctx, { dossierId: d.id, signatures: { supportWorker: '2025-10-01' } });
    const both = await recordSignature(ctx, { dossierId: d.id, signatures: { tenant: '2025-10-02', landlord: '2025-10-03' } });
    expect(both.changed).toBe(true);
    const started = await activateTrajectory(ctx, { dossierId: d.id, leaseStart: '2025-11-01' });
    expect(started.dossier).toMatchObject({ status: 'active', leaseStart: '2025-11-01' });
    const details = await getDossier(ctx, { dossierId: d.id });
    expect(details.plannedEnd).toBe('2026-11-01');
    expect((await auditOf(world, d.id)).map((a) => a.action)).toEqual(['dossier.sign', 'dossier.sign', 'trajectory.activate', 'dossier.read']);
  });

  it('R1: activating before all three signed is refused, naming who is missing, and writes nothing', async () => {
    const d = await stored(world, dossier({ signatures: { supportWorker: '2025-10-01' } }));
    const error = await refusedWithoutWrites(world, () => activateTrajectory(world.ctx(coordinator), { dossierId: d.id, leaseStart: '2025-11-01' }));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/kandidaat-huurder en de verhuurder/);
  });

  it('a repeated identical signature (and a repeated activation) writes nothing and is audited once', async () => {
    const d = await stored(world, dossier());
    const ctx = world.ctx(coordinator);
    const first = await recordSignature(ctx, { dossierId: d.id, signatures: { ...allSigned } });
    const before = await snapshot(world);
    const again = await recordSignature(ctx, { dossierId: d.id, signatures: { ...allSigned } });
    expect(again).toEqual({ dossier: first.dossier, changed: false });
    expect(await snapshot(world)).toEqual(before);
    await activateTrajectory(ctx, { dossierId: d.id, leaseStart: '2025-02-01' });
    expect((await activateTrajectory(ctx, { dossierId: d.id, leaseStart: '2025-02-01' })).changed).toBe(false);
    expect((await auditOf(world, d.id)).map((a) => a.action)).toEqual(['dossier.sign', 'trajectory.activate']);
  });

  it('R7: records and withdraws consent; the scope (free text) is not in the audit entry; a repeat audits once', async () => {
    const d = await stored(world, dossier());
    const ctx = world.ctx(coordinator);
    const input = { dossierId: d.id, givenOn: '2025-11-03', scope: 'Delen met de verhuurder: Geheime Omschrijving' };
    expect((await recordConsent(ctx, input)).dossier.consent).toEqual({ givenOn: '2025-11-03', scope: input.scope });
    expect((await recordConsent(ctx, input)).changed).toBe(false);
    expect((await withdrawConsent(ctx, { dossierId: d.id, withdrawnOn: '2025-11-07' })).dossier.consent?.withdrawnOn).toBe('2025-11-07');
    expect((await withdrawConsent(ctx, { dossierId: d.id, withdrawnOn: '2025-11-07' })).changed).toBe(false);
    const audit = await auditOf(world, d.id);
    expect(audit.map((a) => [a.action, a.details])).toEqual([
      ['consent.record', { givenOn: '2025-11-03' }],
      ['consent.withdraw', { withdrawnOn: '2025-11-07' }],
    ]);
    expect(JSON.stringify(audit)).not.toContain('Geheime Omschrijving');
  });

  it('R7: consent dated in the future is refused in Dutch and writes nothing', async () => {
    const d = await stored(world, dossier());
    const error = await refusedWithoutWrites(world, () => recordConsent(world.ctx(coordinator), { dossierId: d.id, givenOn: '2025-12-01', scope: 'x' }));
    expect(error).toMatchObject({ code: 'validation', message: expect.stringMatching(/na vandaag \(10\/11\/2025\)/) });
  });
});

describe('extension and end (R19, R20)', () => {
  it('R20: extends by a multiple of 3 months; the same extension again is a repeat, audited once', async () => {
    const d = await stored(world, active({ leaseStart: '2024-11-01' }));
    const ctx = world.ctx(coordinator);
    const first = await extendTrajectory(ctx, { dossierId: d.id, months: 6, decidedOn: '2025-11-05' });
    expect(first.dossier).toMatchObject({ status: 'extended', extensions: [{ months: 6, decidedOn: '2025-11-05' }] });
    expect((await extendTrajectory(ctx, { dossierId: d.id, months: 6, decidedOn: '2025-11-05' })).changed).toBe(false);
    expect((await auditOf(world, d.id)).filter((a) => a.action === 'trajectory.extend')).toHaveLength(1);
  });

  it('R20: 4 months is refused in Dutch and writes nothing', async () => {
    const d = await stored(world, active());
    const error = await refusedWithoutWrites(world, () => extendTrajectory(world.ctx(coordinator), { dossierId: d.id, months: 4 }));
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/3/);
  });

  it('R19: closing positively is refused after a final evaluation with serious defects and no consultation since', async () => {
    const d = await stored(world, active({ leaseStart: '2024-10-01' }));
    await world.ports.visits.create(finalEvaluationOf(d.id, '2025-10-02', { findings: [{ part: 'house', ok: false }], seriousDefects: true }));
    const error = await refusedWithoutWrites(world, () => closeTrajectory(world.ctx(coordinator), { dossierId: d.id }));
    expect(error.code).toBe('conflict');
  });

  it('R19: closes positively when the final evaluation found no serious defects; a repeat writes nothing', async () => {
    const d = await stored(world, active({ leaseStart: '2024-10-01' }));
    await world.ports.visits.create(finalEvaluationOf(d.id, '2025-10-02'));
    const ctx = world.ctx(coordinator);
    expect((await closeTrajectory(ctx, { dossierId: d.id })).dossier).toMatchObject({ status: 'closed-positive', closedOn: TODAY });
    expect((await closeTrajectory(ctx, { dossierId: d.id })).changed).toBe(false);
    expect((await auditOf(world, d.id)).map((a) => a.action)).toEqual(['trajectory.close']);
  });

  it('stops a trajectory; the reason stays on the dossier, not in the audit entry', async () => {
    const d = await stored(world, active());
    const result = await stopTrajectory(world.ctx(coordinator), { dossierId: d.id, reason: 'Huurder verhuisde naar Geheimstad' });
    expect(result.dossier).toMatchObject({ status: 'stopped', stopReason: 'Huurder verhuisde naar Geheimstad' });
    expect(JSON.stringify(await auditOf(world, d.id))).not.toContain('Geheimstad');
  });
});

describe('transfer (R6)', () => {
  it('R6: the supporting partner requests, the receiving partner accepts and reads the dossier, the old one loses access', async () => {
    const d = await stored(world, active());
    const request = await requestTransfer(world.ctx(deVaartMember), { dossierId: d.id, toPartnerId: 'woonkracht', reason: 'Capaciteit' });
    expect(request.changed).toBe(true);
    expect(world.notifier.of('transferRequested')).toEqual([expect.objectContaining({ dossierId: d.id, fromPartnerId: 'de-vaart', toPartnerId: 'woonkracht' })]);
    // Before accepting, the receiving partner cannot read the dossier.
    await expect(getDossier(world.ctx(woonkrachtMember), { dossierId: d.id })).rejects.toEqual(dossierNotFound());

    const accepted = await acceptTransfer(world.ctx(woonkrachtMember), { dossierId: d.id, newSupportWorker: { name: 'Nieuwe Begeleider' } });
    expect(accepted.dossier).toMatchObject({ supportingPartnerId: 'woonkracht', formerPartnerIds: ['de-vaart'] });
    expect((await getDossier(world.ctx(woonkrachtMember), { dossierId: d.id })).dossier.id).toBe(d.id);
    await expect(getDossier(world.ctx(deVaartMember), { dossierId: d.id })).rejects.toEqual(dossierNotFound());
    expect((await listMyDossiers(world.ctx(deVaartMember))).map((s) => s.id)).not.toContain(d.id);
    expect((await listMyDossiers(world.ctx(woonkrachtMember))).map((s) => s.id)).toContain(d.id);
    expect(world.notifier.of('transferDecided')).toEqual([expect.objectContaining({ dossierId: d.id, outcome: 'accepted' })]);

    // A repeated acceptance writes nothing and audits nothing more.
    expect((await acceptTransfer(world.ctx(woonkrachtMember), { dossierId: d.id })).changed).toBe(false);
    const actions = (await auditOf(world, d.id)).map((a) => a.action);
    expect(actions.filter((a) => a === 'transfer.accept')).toHaveLength(1);
    expect(JSON.stringify(await auditOf(world, d.id))).not.toContain('Capaciteit');
  });

  it('R6: the receiving partner rejects; the supporting partner stays responsible; a repeat writes nothing', async () => {
    const d = await stored(world, active());
    await requestTransfer(world.ctx(deVaartMember), { dossierId: d.id, toPartnerId: 'de-linde', reason: 'Capaciteit' });
    const rejected = await rejectTransfer(world.ctx(deLindeMember), { dossierId: d.id, reason: 'Geen plaats vrij' });
    expect(rejected).toEqual({ dossierId: d.id, number: d.number, outcome: 'rejected', changed: true });
    expect((await world.ports.dossiers.get(d.id))?.supportingPartnerId).toBe('de-vaart');
    expect((await rejectTransfer(world.ctx(deLindeMember), { dossierId: d.id, reason: 'Geen plaats vrij' })).changed).toBe(false);
    expect((await auditOf(world, d.id)).map((a) => a.action)).toEqual(['transfer.request', 'transfer.reject']);
  });

  it('R6: only the receiving partner decides: any other member gets not-found and nothing is written', async () => {
    const d = await stored(world, active());
    await requestTransfer(world.ctx(deVaartMember), { dossierId: d.id, toPartnerId: 'woonkracht', reason: 'Capaciteit' });
    const error = await refusedWithoutWrites(world, () => acceptTransfer(world.ctx(deLindeMember), { dossierId: d.id }));
    expect(error).toEqual(dossierNotFound());
  });

  it('R6: a transfer to an unknown organisation is refused and writes nothing', async () => {
    const d = await stored(world, active());
    const error = await refusedWithoutWrites(world, () => requestTransfer(world.ctx(deVaartMember), { dossierId: d.id, toPartnerId: 'nergens', reason: 'x' }));
    expect(error.code).toBe('validation');
  });
});

describe('access refusals (DESIGN, Security)', () => {
  it('a member of another partner gets the same not-found as a missing id for every lifecycle step, and nothing is written', async () => {
    const d = await stored(world, active());
    const other = world.ctx(woonkrachtMember);
    const missing = await refusedWithoutWrites(world, () => getDossier(other, { dossierId: 'bestaat-niet' }));
    const attempts: (() => Promise<unknown>)[] = [
      () => getDossier(other, { dossierId: d.id }),
      () => requestTransfer(other, { dossierId: d.id, toPartnerId: 'de-linde', reason: 'x' }),
      () => acceptTransfer(other, { dossierId: d.id }),
      () => rejectTransfer(other, { dossierId: d.id, reason: 'Geen plaats vrij' }),
      () => recordSignature(other, { dossierId: d.id, signatures: { tenant: '2025-01-20' } }),
      () => extendTrajectory(other, { dossierId: d.id, months: 3 }),
      () => stopTrajectory(other, { dossierId: d.id, reason: 'x' }),
      () => reportAbsence(other, { workerName: 'Afwezige Begeleider', from: '2025-11-12', replacementContact: 'onthaal', dossierIds: [d.id] }),
    ];
    for (const attempt of attempts) {
      const error = await refusedWithoutWrites(world, attempt);
      expect(error).toEqual(missing);
      expect(error).toMatchObject({ code: 'not-found', message: 'Dit dossier werd niet gevonden.' });
    }
    expect(await auditOf(world, d.id)).toEqual([]);
  });

  it('a member of the supporting partner may read but not change the trajectory (forbidden), and nothing is written', async () => {
    const d = await stored(world, active());
    const error = await refusedWithoutWrites(world, () => extendTrajectory(world.ctx(deVaartMember), { dossierId: d.id, months: 3 }));
    expect(error.code).toBe('forbidden');
  });
});

describe('report-absence (R5)', () => {
  it('R5: a member reports a long absence with its replacement; the landlord is told; audited without the name', async () => {
    const d = await stored(world, active());
    const report = {
      workerName: 'Afwezige Begeleider Geheimnaam',
      from: '2025-11-12',
      expectedUntil: '2026-02-01',
      replacementContact: 'Onthaal De Vaart, 050 11 22 01',
      dossierIds: [d.id],
      absenceId: 'absence-1',
    };
    const result = await reportAbsence(world.ctx(deVaartMember), report);
    expect(result.changed).toBe(true);
    expect(await world.ports.absences.get('de-vaart', 'absence-1')).toMatchObject({ partnerId: 'de-vaart', dossierIds: [d.id], reportedBy: deVaartMember.objectId });
    expect(world.notifier.of('absenceReported')).toEqual([expect.objectContaining({ partnerId: 'de-vaart', absenceId: 'absence-1', dossierIds: [d.id] })]);
    const again = await reportAbsence(world.ctx(deVaartMember), report);
    expect(again.changed).toBe(false);
    const log = (await world.ports.audit.listWithoutDossier('2025-11')).filter((a) => a.action === 'absence.report');
    expect(log).toEqual([expect.objectContaining({ partnerId: 'de-vaart', details: { absenceId: 'absence-1', dossiers: 1, from: '2025-11-12' } })]);
    expect(JSON.stringify(log)).not.toContain('Geheimnaam');
  });

  it('R5: the landlord cannot report a partner\'s absence (forbidden), and nothing is written', async () => {
    const error = await refusedWithoutWrites(world, () =>
      reportAbsence(world.ctx(coordinator), { workerName: 'X', from: '2025-11-12', replacementContact: 'onthaal' }),
    );
    expect(error.code).toBe('forbidden');
  });
});
