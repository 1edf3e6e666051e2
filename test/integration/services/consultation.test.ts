/** Consultation work against the real store (Azurite): R4, R7-R10, R13b, R15-R19. */
import { dossierNotFound, partnerNotFound } from '../../../shared/rules/access';
import type { ConclusionDecision, Dossier } from '../../../shared/rules/types';
import { finalEvaluationOf } from '../../support/dossiers';
import {
  answerInformation,
  closeTrajectory,
  confirmConclusions,
  flagDossier,
  logContact,
  raiseSignal,
  recordConclusions,
  recordVisit,
  requestInformation,
  withdrawFlag,
} from '../../../shared/services';
import {
  active,
  auditOf,
  coordinator,
  createWorld,
  deLindeMember,
  deVaartMember,
  deVaartMember2,
  dossier,
  onderdakMember,
  refusedWithoutWrites,
  snapshot,
  staff,
  stored,
  woonkrachtMember,
  type World,
} from './world';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
beforeEach(() => {
  world.notifier.clear();
  world.notifier.failWith = undefined;
});

describe('flag-dossier and withdraw-flag (R15, R13b)', () => {
  it('R15: a partner member flags a dossier for its next consultation; a second flag answers the first and audits once', async () => {
    const d = await stored(world, active());
    const ctx = world.ctx(deVaartMember);
    const first = await flagDossier(ctx, { dossierId: d.id, problem: 'Huurachterstand\nsinds september' });
    expect(first.outcome).toBe('created');
    expect(first.flag).toMatchObject({ month: '2025-11', partnerId: 'de-vaart', problem: 'Huurachterstand sinds september', source: 'teams' });
    const again = await flagDossier(world.ctx(deVaartMember2), { dossierId: d.id, problem: 'Iets anders' });
    expect(again).toEqual({ outcome: 'already-flagged', flag: first.flag });
    expect((await world.ports.consultations.getWithFlags('de-vaart', '2025-11')).flags.filter((f) => f.dossierId === d.id)).toHaveLength(1);
    const audit = await auditOf(world, d.id);
    expect(audit).toEqual([expect.objectContaining({ action: 'flag.create', partnerId: 'de-vaart', details: { month: '2025-11', source: 'teams' } })]);
    expect(JSON.stringify(audit)).not.toContain('Huurachterstand');
    expect(world.notifier.of('flagChanged')).toEqual([expect.objectContaining({ dossierId: d.id, partnerId: 'de-vaart', month: '2025-11', change: 'flagged' })]);
  });

  it('R15: after the deadline (00:00 on the meeting day) a flag is refused with the date of the next consultation; nothing written', async () => {
    const d = await stored(world, active());
    const lateCtx = world.ctx(deVaartMember, '2025-11-27T08:00:00+01:00');
    const error = await refusedWithoutWrites(world, () => flagDossier(lateCtx, { dossierId: d.id, month: '2025-11', problem: 'Te laat' }));
    // R-H: 25 December 2025 is Christmas, so the December consultation moves to Wednesday 24 December.
    expect(error).toMatchObject({ code: 'deadline-passed', details: { nextConsultation: '2025-12-24' } });
    expect(error.message).toMatch(/24\/12\/2025/);
  });

  it('R15: 20 parallel flags of different dossiers for the same consultation (two members and the landlord), while another partner flags its own: all stored', async () => {
    const ds = await Promise.all(Array.from({ length: 20 }, () => stored(world, active({ registeringPartnerId: 'woonkracht', supportingPartnerId: 'onderdak' }))));
    const flaggers = [onderdakMember, coordinator];
    await Promise.all([
      ...ds.map((d, i) => flagDossier(world.ctx(flaggers[i % 2] as typeof coordinator), { dossierId: d.id, month: '2025-12', problem: `Probleem ${i}`, partnerId: 'onderdak' })),
      ...ds.map((d, i) => flagDossier(world.ctx(woonkrachtMember), { dossierId: d.id, month: '2025-12', problem: `Aanmelder ${i}` })),
    ]);
    const onderdak = await world.ports.consultations.getWithFlags('onderdak', '2025-12');
    const woonkracht = await world.ports.consultations.getWithFlags('woonkracht', '2025-12');
    expect(onderdak.flags.map((f) => f.dossierId).sort()).toEqual(ds.map((d) => d.id).sort());
    expect(woonkracht.flags.map((f) => f.dossierId).sort()).toEqual(ds.map((d) => d.id).sort());
    expect(onderdak.flags.filter((f) => f.source === 'landlord')).toHaveLength(10);
  });

  it('R15: a flag is withdrawn until the deadline; withdrawing again answers the first withdrawal and audits once', async () => {
    const d = await stored(world, active());
    const ctx = world.ctx(deVaartMember);
    await flagDossier(ctx, { dossierId: d.id, problem: 'Overlast' });
    const first = await withdrawFlag(ctx, { dossierId: d.id, month: '2025-11' });
    expect(first.outcome).toBe('withdrawn');
    expect((await withdrawFlag(ctx, { dossierId: d.id, month: '2025-11' })).outcome).toBe('already-withdrawn');
    expect((await auditOf(world, d.id)).map((a) => a.action)).toEqual(['flag.create', 'flag.withdraw']);
    expect(world.notifier.of('flagChanged').map((e) => e.change)).toEqual(['flagged', 'withdrawn']);
  });

  it('R15 [product]: a flag the landlord set cannot be withdrawn by the partner (forbidden), and nothing is written', async () => {
    const d = await stored(world, active());
    await flagDossier(world.ctx(coordinator), { dossierId: d.id, problem: 'Klacht van buren' });
    const error = await refusedWithoutWrites(world, () => withdrawFlag(world.ctx(deVaartMember), { dossierId: d.id, month: '2025-11' }));
    expect(error.code).toBe('forbidden');
  });

  it('a member of another partner cannot flag or withdraw (not-found, nothing written)', async () => {
    const d = await stored(world, active());
    for (const attempt of [
      () => flagDossier(world.ctx(woonkrachtMember), { dossierId: d.id, problem: 'x' }),
      () => withdrawFlag(world.ctx(woonkrachtMember), { dossierId: d.id, month: '2025-11' }),
    ]) {
      expect(await refusedWithoutWrites(world, attempt)).toEqual(dossierNotFound());
    }
  });
});

describe('raise-signal (R7, R8, R9)', () => {
  it('R8: a signal with consent is stored, audited with basis consent (no description) and the landlord is told at once', async () => {
    const d = await stored(world, active());
    const result = await raiseSignal(world.ctx(deVaartMember), { dossierId: d.id, category: 'insufficient-cooperation', description: 'Geheime beschrijving van het probleem' });
    expect(result).toMatchObject({ changed: true, notified: true, signal: { basis: 'consent', partnerId: 'de-vaart', raisedBy: deVaartMember.objectId } });
    expect(await world.ports.signals.get(d.id, result.signal.id)).toEqual(result.signal);
    const audit = await auditOf(world, d.id);
    expect(audit).toEqual([expect.objectContaining({ action: 'signal.raise', basis: 'consent', actor: deVaartMember.objectId })]);
    expect(JSON.stringify(audit)).not.toContain('Geheime');
    expect(world.notifier.of('signalRaised')).toEqual([expect.objectContaining({ dossierId: d.id, signalId: result.signal.id, urgent: false })]);
    expect(world.notifier.of('safetyAlert')).toEqual([]);
  });

  it('R7: a normal signal without consent is refused with a Dutch reason; nothing is written and nobody is told', async () => {
    const d = await stored(world, active({ consent: undefined }));
    const error = await refusedWithoutWrites(world, () => raiseSignal(world.ctx(deVaartMember), { dossierId: d.id, category: 'insufficient-results', description: 'x' }));
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(/geen geldige toestemmingsverklaring van de huurder/);
    expect(world.notifier.events).toEqual([]);
  });

  it('R9: a safety signal without consent is passed on (basis safety-without-consent), audited with basis safety, and alerted at once', async () => {
    const d = await stored(world, active({ consent: undefined }));
    const result = await raiseSignal(world.ctx(deVaartMember), { dossierId: d.id, category: 'safety', description: 'Dreiging tegenover de begeleider' });
    expect(result.signal.basis).toBe('safety-without-consent');
    const audit = await auditOf(world, d.id);
    expect(audit).toEqual([
      expect.objectContaining({ action: 'signal.raise', basis: 'safety', details: expect.objectContaining({ withoutConsent: true, urgent: true, category: 'safety' }) }),
    ]);
    expect(world.notifier.of('safetyAlert')).toEqual([expect.objectContaining({ signalId: result.signal.id, basis: 'safety-without-consent', urgent: true })]);
  });

  it('R9: a safety signal after consent was withdrawn still passes', async () => {
    const d = await stored(world, active({ consent: { givenOn: '2025-01-20', scope: 'x', withdrawnOn: '2025-06-01' } }));
    expect((await raiseSignal(world.ctx(deVaartMember), { dossierId: d.id, category: 'safety', description: 'x' })).signal.basis).toBe('safety-without-consent');
  });

  it('a repeated delivery (same signalId) writes nothing and audits once; it tells the notifier again, about the stored signal', async () => {
    const d = await stored(world, active());
    const input = { dossierId: d.id, category: 'aggression' as const, description: 'Agressie', signalId: 'activity-123' };
    const first = await raiseSignal(world.ctx(deVaartMember), input);
    const before = await snapshot(world);
    expect((await raiseSignal(world.ctx(deVaartMember, '2025-11-10T11:00:00+01:00'), input)).changed).toBe(false);
    expect(await snapshot(world)).toEqual(before);
    // The same event twice (the bot's posts are keyed per signal: Teams shows it once), with the signal's own moment.
    const told = world.notifier.of('signalRaised').filter((e) => e.signalId === 'activity-123');
    expect(told).toEqual([expect.objectContaining({ at: first.signal.raisedAt }), expect.objectContaining({ at: first.signal.raisedAt })]);
  });

  it('R8/R9: the notifier failed; the user\'s retry with the same signalId delivers it (notified), writing nothing', async () => {
    const d = await stored(world, active());
    const input = { dossierId: d.id, category: 'safety' as const, description: 'Dreiging', signalId: 'form-77' };
    world.notifier.failWith = new Error('Teams down');
    expect(await raiseSignal(world.ctx(deVaartMember), input)).toMatchObject({ changed: true, notified: false });
    world.notifier.failWith = undefined;
    const before = await snapshot(world);
    expect(await raiseSignal(world.ctx(deVaartMember), input)).toMatchObject({ changed: false, notified: true });
    expect(await snapshot(world)).toEqual(before);
    expect(world.notifier.of('safetyAlert').filter((e) => e.signalId === 'form-77')).toHaveLength(2); // the failed one, then the delivered one
  });

  it('R9: when the notifier fails, the signal is still stored and the result says it was not delivered', async () => {
    const d = await stored(world, active());
    world.notifier.failWith = new Error('Teams down');
    const result = await raiseSignal(world.ctx(deVaartMember), { dossierId: d.id, category: 'safety', description: 'x' });
    expect(result).toMatchObject({ changed: true, notified: false });
    expect(await world.ports.signals.listByDossier(d.id)).toHaveLength(1);
  });

  it('the landlord does not raise signals (forbidden); a member of another partner gets not-found; nothing written', async () => {
    const d = await stored(world, active());
    expect((await refusedWithoutWrites(world, () => raiseSignal(world.ctx(coordinator), { dossierId: d.id, category: 'other', description: 'x' }))).code).toBe('forbidden');
    expect(await refusedWithoutWrites(world, () => raiseSignal(world.ctx(woonkrachtMember), { dossierId: d.id, category: 'safety', description: 'x' }))).toEqual(dossierNotFound());
  });
});

describe('request-information and answer-information (R7, R10)', () => {
  it('R10: the landlord asks, the supporting partner answers; both audited with basis consent, without the texts', async () => {
    const d = await stored(world, active());
    const asked = await requestInformation(world.ctx(coordinator), { dossierId: d.id, question: 'Hoe loopt het met Geheimvraag?', requestId: 'req-1' });
    expect(asked.request).toMatchObject({ id: 'req-1', partnerId: 'de-vaart', askedBy: coordinator.objectId });
    expect((await world.ports.informationRequests.listByPartner('de-vaart', { openOnly: true })).map((r) => r.id)).toContain('req-1');
    expect(world.notifier.of('informationRequested')).toEqual([expect.objectContaining({ dossierId: d.id, requestId: 'req-1', partnerId: 'de-vaart' })]);
    expect((await requestInformation(world.ctx(coordinator), { dossierId: d.id, question: 'Hoe loopt het met Geheimvraag?', requestId: 'req-1' })).changed).toBe(false);

    const answered = await answerInformation(world.ctx(deVaartMember), { dossierId: d.id, requestId: 'req-1', answer: 'Goed, Geheimantwoord' });
    expect(answered.request.answer).toMatchObject({ text: 'Goed, Geheimantwoord', by: deVaartMember.objectId });
    expect((await answerInformation(world.ctx(deVaartMember), { dossierId: d.id, requestId: 'req-1', answer: 'Goed, Geheimantwoord' })).changed).toBe(false);
    const other = await refusedWithoutWrites(world, () => answerInformation(world.ctx(deVaartMember), { dossierId: d.id, requestId: 'req-1', answer: 'Toch anders' }));
    expect(other.code).toBe('conflict');

    const audit = await auditOf(world, d.id);
    expect(audit.map((a) => [a.action, a.basis])).toEqual([
      ['info.request', 'consent'],
      ['info.answer', 'consent'],
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/Geheimvraag|Geheimantwoord/);
    expect(world.notifier.of('informationAnswered')).toHaveLength(1);
  });

  it('R7: without consent a request is refused with a Dutch reason and nothing is written', async () => {
    const d = await stored(world, active({ consent: undefined }));
    const error = await refusedWithoutWrites(world, () => requestInformation(world.ctx(coordinator), { dossierId: d.id, question: 'Hoe gaat het?' }));
    expect(error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/toestemmingsverklaring/) });
  });

  it('R7: an answer after consent was withdrawn is refused and nothing is written', async () => {
    const d = await stored(world, active());
    await requestInformation(world.ctx(coordinator), { dossierId: d.id, question: 'Hoe gaat het?', requestId: 'req-2' });
    await world.ports.dossiers.update(d.id, (x) => ({ ...x, consent: { ...(x.consent as NonNullable<Dossier['consent']>), withdrawnOn: '2025-11-05' } }));
    const error = await refusedWithoutWrites(world, () => answerInformation(world.ctx(deVaartMember), { dossierId: d.id, requestId: 'req-2', answer: 'x' }));
    expect(error.code).toBe('forbidden');
  });

  it('R10, §5: a partner member may not ask (forbidden); a member of another partner may not answer (not-found); nothing written', async () => {
    const d = await stored(world, active());
    await requestInformation(world.ctx(coordinator), { dossierId: d.id, question: 'Vraag', requestId: 'req-3' });
    expect((await refusedWithoutWrites(world, () => requestInformation(world.ctx(deVaartMember), { dossierId: d.id, question: 'x' }))).code).toBe('forbidden');
    expect(await refusedWithoutWrites(world, () => answerInformation(world.ctx(woonkrachtMember), { dossierId: d.id, requestId: 'req-3', answer: 'x' }))).toEqual(dossierNotFound());
  });
});

describe('log-contact (R4)', () => {
  it('R4: without a contact log decided by the consultation, a contact is refused and nothing is written', async () => {
    const d = await stored(world, active());
    const error = await refusedWithoutWrites(world, () => logContact(world.ctx(deVaartMember), { dossierId: d.id, date: '2025-11-05', held: true }));
    expect(error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/structureel overleg/) });
  });

  it('R4: the supporting partner logs held and missed contacts (a missed one with its reason); a repeat audits once', async () => {
    const d = await stored(world, active({ contactLogActive: true }));
    const ctx = world.ctx(deVaartMember);
    await logContact(ctx, { dossierId: d.id, date: '2025-11-03', held: true, entryId: 'c-1' });
    await logContact(ctx, { dossierId: d.id, date: '2025-11-06', held: false, reasonMissed: 'Niet thuis, Geheimreden' });
    expect((await logContact(ctx, { dossierId: d.id, date: '2025-11-03', held: true, entryId: 'c-1' })).changed).toBe(false);
    expect((await world.ports.contactLog.listByDossier(d.id)).map((e) => e.held)).toEqual([true, false]);
    const audit = await auditOf(world, d.id);
    expect(audit.map((a) => a.action)).toEqual(['contactlog.add', 'contactlog.add']);
    expect(JSON.stringify(audit)).not.toContain('Geheimreden');
    const missing = await refusedWithoutWrites(world, () => logContact(ctx, { dossierId: d.id, date: '2025-11-07', held: false }));
    expect(missing.message).toMatch(/reden/);
  });

  it('R4: only the supporting partner logs contacts: the registering partner is refused (forbidden), nothing written', async () => {
    const d = await stored(world, active({ contactLogActive: true, registeringPartnerId: 'woonkracht' }));
    expect((await refusedWithoutWrites(world, () => logContact(world.ctx(woonkrachtMember), { dossierId: d.id, date: '2025-11-05', held: true }))).code).toBe('forbidden');
  });
});

describe('record-visit (R17, R18, R19)', () => {
  it('R17: the landlord plans the 3-month visit, then records it as held with findings per part of the home; a repeat audits once', async () => {
    const d = await stored(world, active());
    const planned = await recordVisit(world.ctx(coordinator), { dossierId: d.id, visitId: 'v-3m', kind: 'home-visit-3m', plannedOn: '2025-05-05' });
    expect(planned.visit).toMatchObject({ plannedOn: '2025-05-05', findings: [], seriousDefects: false });
    const input = {
      dossierId: d.id,
      visitId: 'v-3m',
      kind: 'home-visit-3m' as const,
      heldOn: '2025-05-06',
      supportWorkerPresent: true,
      findings: [
        { part: 'garden' as const, ok: false, note: 'Tuin verwaarloosd, Geheimnotitie' },
        { part: 'house' as const, ok: true },
      ],
      seriousDefects: false,
    };
    const held = await recordVisit(world.ctx(staff), input);
    expect(held.visit).toMatchObject({ plannedOn: '2025-05-05', heldOn: '2025-05-06', findings: [{ part: 'house' }, { part: 'garden', ok: false }] });
    expect((await recordVisit(world.ctx(staff), input)).changed).toBe(false);
    const audit = await auditOf(world, d.id);
    expect(audit.map((a) => [a.action, a.details?.held, a.details?.partsWithProblems])).toEqual([
      ['visit.record', false, 0],
      ['visit.record', true, 1],
    ]);
    expect(JSON.stringify(audit)).not.toContain('Geheimnotitie');
  });

  it('R17: findings for a visit that did not take place, or a visit before the tenancy, are refused; nothing written', async () => {
    const d = await stored(world, active());
    const c = await stored(world, dossier());
    expect((await refusedWithoutWrites(world, () => recordVisit(world.ctx(coordinator), { dossierId: d.id, kind: 'extra', plannedOn: '2025-12-01', seriousDefects: true }))).code).toBe('validation');
    expect((await refusedWithoutWrites(world, () => recordVisit(world.ctx(coordinator), { dossierId: c.id, kind: 'extra', plannedOn: '2025-12-01' }))).code).toBe('conflict');
  });

  it('a partner member does not record visits: forbidden for its own dossier, not-found for another; nothing written', async () => {
    const d = await stored(world, active());
    expect((await refusedWithoutWrites(world, () => recordVisit(world.ctx(deVaartMember), { dossierId: d.id, kind: 'extra', plannedOn: '2025-12-01' }))).code).toBe('forbidden');
    expect(await refusedWithoutWrites(world, () => recordVisit(world.ctx(woonkrachtMember), { dossierId: d.id, kind: 'extra', plannedOn: '2025-12-01' }))).toEqual(dossierNotFound());
  });
});

describe('record-conclusions and confirm-conclusions (R16, R4, R18, R19, R20)', () => {
  const AFTER_MEETING = '2025-11-28T10:00:00+01:00'; // the November consultation was on Thursday 27 November
  const deLinde = (overrides: Partial<Dossier> = {}) => active({ registeringPartnerId: 'de-linde', supportingPartnerId: 'de-linde', ...overrides });

  it('R16: the coordinator records per dossier a decision, applied through the rules; the conclusions await confirmation', async () => {
    const [a, b, c, d, e] = (await Promise.all([deLinde({ leaseStart: '2024-11-01' }), deLinde(), deLinde(), deLinde({ leaseStart: '2024-11-01' }), deLinde()].map((x) => stored(world, x)))) as [
      Dossier,
      Dossier,
      Dossier,
      Dossier,
      Dossier,
    ];
    // R19: d had its final evaluation at home, with the worker and the whole home, without serious defects.
    await world.ports.visits.create(finalEvaluationOf(d.id, '2025-11-03'));
    const ctx = world.ctx(coordinator, AFTER_MEETING);
    const input = {
      partnerId: 'de-linde',
      month: '2025-11',
      conclusions: [
        { dossierId: a.id, summary: 'Verlengen', decision: { kind: 'extend' as const, months: 3 } },
        { dossierId: b.id, summary: 'Contacten opvolgen', decision: { kind: 'start-contact-log' as const } },
        { dossierId: c.id, summary: 'Extra huisbezoek', decision: { kind: 'plan-extra-visit' as const } },
        { dossierId: d.id, summary: 'Positief', decision: { kind: 'end-positively' as const } },
        { dossierId: e.id, summary: 'Geen actie', decision: { kind: 'none' as const } },
      ],
    };
    const result = await recordConclusions(ctx, input);
    expect(result.consultation).toMatchObject({ partnerId: 'de-linde', month: '2025-11', status: 'conclusions-sent', meetingDate: '2025-11-27', mode: 'in-person' });
    expect(result.applied.map((x) => [x.decision, x.changed])).toEqual([
      ['extend', true],
      ['start-contact-log', true],
      ['plan-extra-visit', true],
      ['end-positively', true],
      ['none', false],
    ]);
    expect(await world.ports.dossiers.get(a.id)).toMatchObject({ status: 'extended', extensions: [{ months: 3, decidedOn: '2025-11-27' }] });
    expect((await world.ports.dossiers.get(b.id))?.contactLogActive).toBe(true);
    expect(await world.ports.visits.listByDossier(c.id)).toEqual([expect.objectContaining({ kind: 'extra', findings: [] })]);
    expect(await world.ports.dossiers.get(d.id)).toMatchObject({ status: 'closed-positive', closedOn: '2025-11-27' });
    expect(await auditOf(world, e.id)).toEqual([]);
    expect((await auditOf(world, a.id)).map((x) => x.action)).toEqual(['conclusions.apply']);
    expect(world.notifier.of('conclusionsSent')).toEqual([expect.objectContaining({ partnerId: 'de-linde', month: '2025-11' })]);

    // The same conclusions again: nothing written at all.
    const before = await snapshot(world);
    expect((await recordConclusions(ctx, input)).changed).toBe(false);
    expect(await snapshot(world)).toEqual(before);
    // Other conclusions once sent: refused, nothing written.
    const other = await refusedWithoutWrites(world, () => recordConclusions(ctx, { ...input, conclusions: input.conclusions.slice(0, 1) }));
    expect(other.code).toBe('conflict');

    // R16: a member of the partner confirms with a remark; the remark is not audited.
    const confirmed = await confirmConclusions(world.ctx(deLindeMember, AFTER_MEETING), { month: '2025-11', remark: 'Akkoord, Geheimopmerking' });
    expect(confirmed.consultation).toMatchObject({ status: 'confirmed', confirmation: { by: deLindeMember.objectId, remark: 'Akkoord, Geheimopmerking' } });
    expect((await confirmConclusions(world.ctx(deLindeMember, AFTER_MEETING), { month: '2025-11', remark: 'Akkoord, Geheimopmerking' })).changed).toBe(false);
    const log = await world.ports.audit.listWithoutDossier('2025-11');
    expect(log.filter((x) => x.action === 'conclusions.confirm')).toEqual([expect.objectContaining({ partnerId: 'de-linde', details: { month: '2025-11', withRemark: true } })]);
    expect(log.filter((x) => x.action === 'conclusions.record')).toHaveLength(1);
    expect(JSON.stringify(log)).not.toContain('Geheimopmerking');
    expect(world.notifier.of('conclusionsConfirmed')).toEqual([expect.objectContaining({ partnerId: 'de-linde', withRemark: true })]);
  });

  it('R16: a decision a rule refuses (extending a candidacy) writes nothing, not even for the other dossiers', async () => {
    const ok = await stored(world, active({ registeringPartnerId: 'woonkracht', supportingPartnerId: 'woonkracht' }));
    const candidacy = await stored(world, dossier({ registeringPartnerId: 'woonkracht', supportingPartnerId: 'woonkracht' }));
    const error = await refusedWithoutWrites(world, () =>
      recordConclusions(world.ctx(coordinator, AFTER_MEETING), {
        partnerId: 'woonkracht',
        month: '2025-11',
        conclusions: [
          { dossierId: ok.id, summary: 'Contacten', decision: { kind: 'start-contact-log' } },
          { dossierId: candidacy.id, summary: 'Verlengen', decision: { kind: 'extend', months: 3 } },
        ],
      }),
    );
    expect(error.code).toBe('conflict');
  });

  it('R19: after serious defects at the final evaluation, the next consultation must decide an extension; a positive end is refused', async () => {
    // Final evaluation on 05/11/2025, with serious defects: the November consultation (27/11) decides.
    const d = await stored(world, active({ leaseStart: '2024-11-01', registeringPartnerId: 'woonkracht', supportingPartnerId: 'woonkracht' }));
    await world.ports.visits.create(finalEvaluationOf(d.id, '2025-11-05', { seriousDefects: true }));
    const ctx = world.ctx(coordinator, AFTER_MEETING);
    const record = (decision: ConclusionDecision) =>
      recordConclusions(ctx, { partnerId: 'woonkracht', month: '2025-11', conclusions: [{ dossierId: d.id, summary: 'Eindevaluatie', decision }] });
    const end = await refusedWithoutWrites(world, () => record({ kind: 'end-positively' }));
    expect(end).toMatchObject({ code: 'conflict', message: expect.stringContaining(`Dossier ${d.number} kan op dit overleg niet positief afgerond worden`) });
    const nothing = await refusedWithoutWrites(world, () => record({ kind: 'none' }));
    expect(nothing.message).toContain('moet dit overleg beslissen hoe lang de begeleiding verlengd wordt');
    // Closing it on the dossier page instead is refused too, naming the consultation of 27/11/2025.
    const closing = await refusedWithoutWrites(world, () => closeTrajectory(world.ctx(coordinator, '2025-11-20T10:00:00+01:00'), { dossierId: d.id }));
    expect(closing.message).toContain('loopt door tot het structureel overleg van 27/11/2025');
    await record({ kind: 'extend', months: 6 });
    expect(await world.ports.dossiers.get(d.id)).toMatchObject({ status: 'extended', extensions: [{ months: 6, decidedOn: '2025-11-27' }] });
  });

  it('R16: conclusions before the meeting, or about a dossier of another partner, are refused; nothing written', async () => {
    const mine = await stored(world, active({ registeringPartnerId: 'woonkracht', supportingPartnerId: 'woonkracht' }));
    const theirs = await stored(world, active());
    const early = await refusedWithoutWrites(world, () =>
      recordConclusions(world.ctx(coordinator), { partnerId: 'woonkracht', month: '2025-11', conclusions: [{ dossierId: mine.id, summary: 'x', decision: { kind: 'none' } }] }),
    );
    expect(early).toMatchObject({ code: 'conflict', message: expect.stringMatching(/27\/11\/2025/) });
    const foreign = await refusedWithoutWrites(world, () =>
      recordConclusions(world.ctx(coordinator, AFTER_MEETING), { partnerId: 'woonkracht', month: '2025-11', conclusions: [{ dossierId: theirs.id, summary: 'x', decision: { kind: 'none' } }] }),
    );
    expect(foreign).toEqual(dossierNotFound());
  });

  it('R16: storage failing between the confirmation and its audit entry: the retry writes the entry, once', async () => {
    const mine = await stored(world, active({ registeringPartnerId: 'onderdak', supportingPartnerId: 'onderdak' }));
    await recordConclusions(world.ctx(coordinator, AFTER_MEETING), { partnerId: 'onderdak', month: '2025-11', conclusions: [{ dossierId: mine.id, summary: 'x', decision: { kind: 'none' } }] });
    const ctx = world.ctx(onderdakMember, AFTER_MEETING);
    const failing = { ...ctx, ports: { ...ctx.ports, audit: { ...ctx.ports.audit, append: () => Promise.reject(new Error('storage gone')) } } };
    await expect(confirmConclusions(failing, { month: '2025-11' })).rejects.toThrow('storage gone');
    const entries = async () => (await world.ports.audit.listWithoutDossier('2025-11')).filter((e) => e.action === 'conclusions.confirm' && e.partnerId === 'onderdak');
    expect(await entries()).toEqual([]); // the confirmation is stored, its entry is not
    // The user's retry, a minute later: unchanged, and now audited with the confirmation's own moment.
    const retry = await confirmConclusions(world.ctx(onderdakMember, '2025-11-28T10:01:00+01:00'), { month: '2025-11' });
    expect(retry.changed).toBe(false);
    expect(await entries()).toEqual([expect.objectContaining({ at: retry.consultation.confirmation?.at, actor: onderdakMember.objectId })]);
    await confirmConclusions(world.ctx(onderdakMember, '2025-11-28T10:02:00+01:00'), { month: '2025-11' });
    expect(await entries()).toHaveLength(1);
  });

  it('R16: the notifier failed when the conclusions were sent; the same call again tells it again and writes nothing', async () => {
    const mine = await stored(world, active({ registeringPartnerId: 'onderdak', supportingPartnerId: 'onderdak' }));
    const input = { partnerId: 'onderdak', month: '2025-12', conclusions: [{ dossierId: mine.id, summary: 'x', decision: { kind: 'none' as const } }] };
    const january = '2026-01-05T10:00:00+01:00';
    world.notifier.failWith = new Error('Teams down');
    expect((await recordConclusions(world.ctx(coordinator, january), input)).changed).toBe(true);
    world.notifier.failWith = undefined;
    const before = await snapshot(world);
    expect((await recordConclusions(world.ctx(coordinator, january), input)).changed).toBe(false);
    expect(await snapshot(world)).toEqual(before);
    expect(world.notifier.of('conclusionsSent').filter((e) => e.partnerId === 'onderdak' && e.month === '2025-12')).toHaveLength(2);
  });

  it('R16: only the partner\'s own members confirm (another partner: not-found), nothing to confirm is a conflict; nothing written', async () => {
    expect(await refusedWithoutWrites(world, () => confirmConclusions(world.ctx(woonkrachtMember, AFTER_MEETING), { month: '2025-11', partnerId: 'de-linde' }))).toEqual(partnerNotFound());
    expect((await refusedWithoutWrites(world, () => confirmConclusions(world.ctx(deVaartMember, AFTER_MEETING), { month: '2025-10' }))).code).toBe('conflict');
    expect((await refusedWithoutWrites(world, () => confirmConclusions(world.ctx(coordinator, AFTER_MEETING), { month: '2025-11', partnerId: 'de-linde' }))).code).toBe('forbidden');
    expect((await refusedWithoutWrites(world, () => recordConclusions(world.ctx(deLindeMember, AFTER_MEETING), { partnerId: 'de-linde', month: '2025-11', conclusions: [] }))).code).toBe('forbidden');
  });
});
