/**
 * Repair on retry (DESIGN "audit of every disclosure", "nothing half-written"): a change whose audit
 * entry lives in another partition (or is written in a transaction of its own) cannot commit with it.
 * When storage fails between the two, the change is stored without its entry; the user's retry of the
 * same step answers "unchanged" and writes the missing entry, once. R1 (create a candidacy), R5
 * (report an absence), R16 (record conclusions). Flags and confirmations: consultation.test.ts.
 */
import type { AuditEntry, Instant } from '../../../shared/rules/types';
import { createCandidacy, type CreateCandidacyInput } from '../../../shared/services/create-candidacy';
import type { ServiceContext } from '../../../shared/services/context';
import { recordConclusions } from '../../../shared/services/record-conclusions';
import { reportAbsence, type ReportAbsenceInput } from '../../../shared/services/report-absence';
import { active, auditOf, coordinator, createWorld, deVaartMember, NOW, refusedWithoutWrites, stored, uid, type World } from './world';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
beforeEach(() => world.notifier.clear());

/** `ctx` whose first audit append fails as storage would; later ones go through. */
function auditFailsOnce(ctx: ServiceContext): ServiceContext {
  let failed = false;
  const append = (entry: AuditEntry) => {
    if (failed) return ctx.ports.audit.append(entry);
    failed = true;
    return Promise.reject(new Error('storage gone'));
  };
  return { ...ctx, ports: { ...ctx.ports, audit: { ...ctx.ports.audit, append } } };
}

const landlordLog = async (month: string, action: string, match: (e: AuditEntry) => boolean) =>
  (await world.ports.audit.listWithoutDossier(month)).filter((e) => e.action === action && match(e));

describe('R1: create-candidacy with an idempotency key', () => {
  const FIRST: Instant = '2037-03-02T09:00:00+01:00';
  const input = (overrides: Partial<CreateCandidacyInput> = {}): CreateCandidacyInput => ({
    kind: 'VT',
    tenant: { name: 'Kandidaat Testhuurder Herstel', address: 'Teststraat 9, 8000 Brugge' },
    registeringPartnerId: 'woonkracht',
    supportingPartnerId: 'de-vaart',
    supportWorker: { name: 'Begeleider Testpersoon' },
    candidacyId: uid(),
    ...overrides,
  });

  it('R1: storage failing between the create and its audit entry: the retry creates nothing and writes the entry, once', async () => {
    const same = input();
    await expect(createCandidacy(auditFailsOnce(world.ctx(coordinator, FIRST)), same)).rejects.toThrow('storage gone');
    const created = await world.ports.dossiers.get(same.candidacyId as string);
    expect(created).toMatchObject({ number: 'VT-2037-001', status: 'candidacy' });
    expect(await auditOf(world, created?.id as string)).toEqual([]); // the dossier is stored, its entry is not

    // The user's retry, a minute later: the same dossier, and now its entry with the create's own moment.
    const retry = await createCandidacy(world.ctx(coordinator, '2037-03-02T09:01:00+01:00'), same);
    expect(retry).toEqual({ dossier: created, changed: false });
    const entries = async () => (await auditOf(world, retry.dossier.id)).filter((e) => e.action === 'dossier.create');
    expect(await entries()).toEqual([
      expect.objectContaining({ at: FIRST, actor: coordinator.objectId, details: expect.objectContaining({ number: 'VT-2037-001' }) }),
    ]);

    await createCandidacy(world.ctx(coordinator, '2037-03-02T09:02:00+01:00'), same);
    expect(await entries()).toHaveLength(1);
    expect((await world.ports.dossiers.listAll()).filter((d) => d.number.startsWith('VT-2037-'))).toHaveLength(1);
  });

  it('R1: the key of a stored candidacy with other input is a conflict; nothing written', async () => {
    const first = input({ kind: 'other' });
    const { dossier } = await createCandidacy(world.ctx(coordinator, FIRST), first);
    const error = await refusedWithoutWrites(world, () => createCandidacy(world.ctx(coordinator, FIRST), { ...first, tenant: { name: 'Iemand Anders' } }));
    expect(error.code).toBe('conflict');
    expect(await world.ports.dossiers.get(dossier.id)).toEqual(dossier);
  });
});

describe('R5: report-absence', () => {
  it('R5: storage failing between the absence and its audit entry: the retry writes the entry with the report\'s moment and reporter, once', async () => {
    const d = await stored(world, active());
    const same: ReportAbsenceInput = { workerName: 'Begeleider Testpersoon', from: '2025-11-12', replacementContact: '050 00 00 00', dossierIds: [d.id], absenceId: uid() };
    await expect(reportAbsence(auditFailsOnce(world.ctx(deVaartMember)), same)).rejects.toThrow('storage gone');
    expect(await world.ports.absences.get('de-vaart', same.absenceId as string)).toBeDefined();
    const entries = () => landlordLog('2025-11', 'absence.report', (e) => e.details?.absenceId === same.absenceId);
    expect(await entries()).toEqual([]); // the absence is stored, its entry is not

    const retry = await reportAbsence(world.ctx(deVaartMember, '2025-11-10T10:01:00+01:00'), same);
    expect(retry.changed).toBe(false);
    expect(await entries()).toEqual([
      expect.objectContaining({ at: NOW, actor: deVaartMember.objectId, partnerId: 'de-vaart', details: { absenceId: same.absenceId, dossiers: 1, from: '2025-11-12' } }),
    ]);

    await reportAbsence(world.ctx(deVaartMember, '2025-11-10T10:02:00+01:00'), same);
    expect(await entries()).toHaveLength(1);
  });
});

describe('R16: record-conclusions', () => {
  const AFTER_MEETING: Instant = '2025-11-28T10:00:00+01:00'; // the November consultation was on Thursday 27 November

  it('R16: storage failing after the consultation is stored: the retry writes the entry and applies the decisions, each once', async () => {
    const d = await stored(world, active());
    const same = { partnerId: 'de-vaart', month: '2025-11', conclusions: [{ dossierId: d.id, summary: 'Opvolgen', decision: { kind: 'start-contact-log' as const } }] };
    await expect(recordConclusions(auditFailsOnce(world.ctx(coordinator, AFTER_MEETING)), same)).rejects.toThrow('storage gone');
    expect((await world.ports.consultations.get('de-vaart', '2025-11'))?.status).toBe('conclusions-sent');
    const entries = () => landlordLog('2025-11', 'conclusions.record', (e) => e.partnerId === 'de-vaart' && e.details?.month === '2025-11');
    expect(await entries()).toEqual([]); // the conclusions are stored, their entry is not

    // The consultation keeps no moment of its conclusions: the late entry carries the retry's.
    const RETRY = '2025-11-28T10:01:00+01:00';
    const retry = await recordConclusions(world.ctx(coordinator, RETRY), same);
    expect(retry.changed).toBe(true); // the decision was applied only now
    expect(await entries()).toEqual([expect.objectContaining({ at: RETRY, actor: coordinator.objectId, details: { month: '2025-11', dossiers: 1 } })]);
    const applied = async () => (await auditOf(world, d.id)).filter((e) => e.action === 'conclusions.apply');
    expect(await applied()).toHaveLength(1);

    const third = await recordConclusions(world.ctx(coordinator, '2025-11-28T10:02:00+01:00'), same);
    expect(third.changed).toBe(false);
    expect(await entries()).toHaveLength(1);
    expect(await applied()).toHaveLength(1);
  });

  it('R16: a repeat in a later month finds the entry in the month it was written: nothing more', async () => {
    const d = await stored(world, active({ registeringPartnerId: 'onderdak', supportingPartnerId: 'onderdak' }));
    const same = { partnerId: 'onderdak', month: '2025-11', conclusions: [{ dossierId: d.id, summary: 'x', decision: { kind: 'none' as const } }] };
    await recordConclusions(world.ctx(coordinator, AFTER_MEETING), same);
    const again = await recordConclusions(world.ctx(coordinator, '2025-12-02T09:00:00+01:00'), same);
    expect(again.changed).toBe(false);
    const of = (month: string) => landlordLog(month, 'conclusions.record', (e) => e.partnerId === 'onderdak');
    expect(await of('2025-11')).toHaveLength(1);
    expect(await of('2025-12')).toEqual([]);
  });
});
