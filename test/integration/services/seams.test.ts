/**
 * The protocol at its seams, through the use cases on Azurite: a dossier that changes hands (R6 with
 * R8, R10, R15), a refused or cancelled transfer, a flag without consent and the withdrawal of consent
 * (R7), and information requests by landlord staff (R10, §5).
 */
import { acceptTransfer } from '../../../shared/services/accept-transfer';
import { answerInformation } from '../../../shared/services/answer-information';
import { cancelTransfer } from '../../../shared/services/cancel-transfer';
import { flagDossier } from '../../../shared/services/flag-dossier';
import { getAgenda } from '../../../shared/services/get-agenda';
import { getDossier } from '../../../shared/services/get-dossier';
import { listTransferRequests } from '../../../shared/services/list-transfer-requests';
import { raiseSignal } from '../../../shared/services/raise-signal';
import { rejectTransfer } from '../../../shared/services/reject-transfer';
import { requestInformation } from '../../../shared/services/request-information';
import { requestTransfer } from '../../../shared/services/request-transfer';
import { withdrawConsent } from '../../../shared/services/withdraw-consent';
import {
  active,
  auditOf,
  coordinator,
  createWorld,
  deVaartMember,
  deVaartMember2,
  refusedWithoutWrites,
  staff,
  stored,
  woonkrachtMember,
  type World,
} from './world';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
beforeEach(() => world.notifier.clear());

// NOW is Mon 10/11/2025: November's meeting is Thu 27/11, flags until 27/11 00:00.
const LATER = '2025-11-12T10:00:00+01:00';
const MONTH = '2025-11';

const discussedIds = async (who: typeof deVaartMember, now = LATER) =>
  (await getAgenda(world.ctx(who, now), { month: MONTH })).toDiscuss.map((e) => e.dossierId);

describe('R6: everything still open follows the dossier to the organisation that took it over', () => {
  it('R6, R8, R10, R15: the signal, the open request and the flag go to Woonkracht; De Vaart sees none of them; the landlord is told who answers now', async () => {
    const d = await stored(world, active());
    await raiseSignal(world.ctx(deVaartMember), { dossierId: d.id, category: 'insufficient-cooperation', description: 'Laat niemand binnen.' });
    const { request } = await requestInformation(world.ctx(coordinator), { dossierId: d.id, question: 'Hoe verloopt de begeleiding?' });
    await flagDossier(world.ctx(deVaartMember), { dossierId: d.id, problem: 'Huurachterstand', month: MONTH, source: 'outlook' });
    expect(await discussedIds(deVaartMember, world.ctx(deVaartMember).now)).toContain(d.id);

    await requestTransfer(world.ctx(deVaartMember), { dossierId: d.id, toPartnerId: 'woonkracht', reason: 'Geen begeleider vrij' });
    world.notifier.clear();
    await acceptTransfer(world.ctx(woonkrachtMember, LATER), { dossierId: d.id });

    // The agenda of Woonkracht's November consultation: the dossier, with De Vaart's signal and flag.
    const agenda = await getAgenda(world.ctx(woonkrachtMember, LATER), { month: MONTH });
    const entry = agenda.toDiscuss.find((e) => e.dossierId === d.id);
    expect(entry?.reasons.map((r) => r.type)).toEqual(['signal', 'flag']);
    expect(await discussedIds(deVaartMember)).not.toContain(d.id);

    // The flag: withdrawn at De Vaart (kept, with why), the same statement at Woonkracht.
    expect(await world.ports.flags.get('de-vaart', MONTH, d.id)).toMatchObject({ withdrawnBecause: 'transfer', problem: 'Huurachterstand' });
    expect(await world.ports.flags.get('woonkracht', MONTH, d.id)).toMatchObject({ transferredFrom: 'de-vaart', problem: 'Huurachterstand', flaggedBy: deVaartMember.objectId });
    expect(await world.ports.flags.get('woonkracht', MONTH, d.id)).not.toHaveProperty('withdrawnAt');

    // The request: Woonkracht's to answer now (and to be reminded of), no longer De Vaart's.
    expect((await world.ports.informationRequests.listByPartner('woonkracht', { openOnly: true })).map((r) => r.id)).toContain(request.id);
    expect((await world.ports.informationRequests.listByPartner('de-vaart', { openOnly: true })).map((r) => r.id)).not.toContain(request.id);
    expect(await world.ports.informationRequests.get(d.id, request.id)).toMatchObject({ partnerId: 'woonkracht', handedOver: [{ fromPartnerId: 'de-vaart', on: '2025-11-12' }] });
    expect(world.notifier.of('openItemsHandedOver')).toEqual([
      expect.objectContaining({ dossierId: d.id, fromPartnerId: 'de-vaart', toPartnerId: 'woonkracht', requestIds: [request.id], flagMonths: [MONTH] }),
    ]);
    const answered = await answerInformation(world.ctx(woonkrachtMember, LATER), { dossierId: d.id, requestId: request.id, answer: 'Het gaat beter.' });
    expect(answered.changed).toBe(true);

    // The history stays with the dossier: the signal keeps who raised it; audited with ids only.
    const history = await world.ports.dossiers.history(d.id);
    expect(history?.signals.map((s) => s.partnerId)).toEqual(['de-vaart']);
    const actions = (await auditOf(world, d.id)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['transfer.accept', 'info.handover', 'flag.transfer']));
    expect(JSON.stringify(await auditOf(world, d.id))).not.toMatch(/Huurachterstand|Laat niemand|Hoe verloopt/);

    // A repeated acceptance moves nothing twice.
    world.notifier.clear();
    expect((await acceptTransfer(world.ctx(woonkrachtMember, LATER), { dossierId: d.id })).changed).toBe(false);
    expect((await auditOf(world, d.id)).filter((a) => a.action === 'flag.transfer')).toHaveLength(1);
    expect(world.notifier.of('openItemsHandedOver')).toEqual([]);
  });

  it('R6: a flag of a consultation already held stays with the organisation that had it (history)', async () => {
    const d = await stored(world, active());
    await flagDossier(world.ctx(deVaartMember), { dossierId: d.id, problem: 'Overlast', month: MONTH });
    await requestTransfer(world.ctx(deVaartMember, '2025-11-28T09:00:00+01:00'), { dossierId: d.id, toPartnerId: 'woonkracht', reason: 'Verhuis' });
    await acceptTransfer(world.ctx(woonkrachtMember, '2025-11-28T10:00:00+01:00'), { dossierId: d.id });
    expect(await world.ports.flags.get('de-vaart', MONTH, d.id)).not.toHaveProperty('withdrawnAt');
    expect(await world.ports.flags.get('woonkracht', MONTH, d.id)).toBeUndefined();
  });
});

describe('R6: the requester cancels; a refusal carries its reason', () => {
  it('R6: the requesting organisation cancels its request: the receiving one no longer sees or decides it; a repeat writes nothing', async () => {
    const d = await stored(world, active());
    await requestTransfer(world.ctx(deVaartMember), { dossierId: d.id, toPartnerId: 'woonkracht', reason: 'Capaciteit' });
    expect((await listTransferRequests(world.ctx(woonkrachtMember))).map((r) => r.dossierId)).toContain(d.id);
    const cancelled = await cancelTransfer(world.ctx(deVaartMember2), { dossierId: d.id });
    expect(cancelled.changed).toBe(true);
    expect(cancelled.dossier.transfers.at(-1)).toMatchObject({ status: 'cancelled', cancelledBy: deVaartMember2.objectId });
    expect((await listTransferRequests(world.ctx(woonkrachtMember))).map((r) => r.dossierId)).not.toContain(d.id);
    await refusedWithoutWrites(world, () => acceptTransfer(world.ctx(woonkrachtMember), { dossierId: d.id }));
    expect((await cancelTransfer(world.ctx(deVaartMember), { dossierId: d.id })).changed).toBe(false);
    expect((await auditOf(world, d.id)).filter((a) => a.action === 'transfer.cancel')).toHaveLength(1);
    expect(world.notifier.of('transferDecided')).toEqual([expect.objectContaining({ dossierId: d.id, outcome: 'cancelled' })]);
  });

  it('R6: the receiving organisation cannot cancel (not-found: it does not see the dossier); without a reason a refusal is refused in Dutch', async () => {
    const d = await stored(world, active());
    await requestTransfer(world.ctx(deVaartMember), { dossierId: d.id, toPartnerId: 'woonkracht', reason: 'Capaciteit' });
    expect((await refusedWithoutWrites(world, () => cancelTransfer(world.ctx(woonkrachtMember), { dossierId: d.id }))).code).toBe('not-found');
    const noReason = await refusedWithoutWrites(world, () => rejectTransfer(world.ctx(woonkrachtMember), { dossierId: d.id, reason: ' ' }));
    expect(noReason).toMatchObject({ code: 'validation', message: 'De reden van de weigering ontbreekt.' });
  });

  it('R6: the requester reads the reason of the refusal on the dossier; the audit entry does not hold it', async () => {
    const d = await stored(world, active());
    await requestTransfer(world.ctx(deVaartMember), { dossierId: d.id, toPartnerId: 'woonkracht', reason: 'Capaciteit' });
    await rejectTransfer(world.ctx(woonkrachtMember), { dossierId: d.id, reason: 'Geen plaats tot mei' });
    const seen = await getDossier(world.ctx(deVaartMember2), { dossierId: d.id });
    expect(seen.dossier.transfers.at(-1)).toMatchObject({ status: 'rejected', refusalReason: 'Geen plaats tot mei' });
    expect(JSON.stringify(await auditOf(world, d.id))).not.toContain('Geen plaats');
  });
});

describe('R7: consent', () => {
  it('R7, R9: a flag on a dossier without consent is refused with the Dutch reason (pointing to the safety report) and writes nothing', async () => {
    const d = await stored(world, active({ consent: undefined }));
    const error = await refusedWithoutWrites(world, () => flagDossier(world.ctx(deVaartMember), { dossierId: d.id, problem: 'Huurachterstand', source: 'email' }));
    expect(error).toMatchObject({ code: 'forbidden', details: { reason: 'no-consent' } });
    expect(error.message).toContain('veiligheidssignaal');
  });

  it('R7: withdrawing consent lapses the open request (landlord told) and withdraws the flags not yet discussed (a notice to who set them)', async () => {
    const d = await stored(world, active());
    const { request } = await requestInformation(world.ctx(coordinator), { dossierId: d.id, question: 'Hoe gaat het?' });
    await flagDossier(world.ctx(deVaartMember), { dossierId: d.id, problem: 'Huurachterstand', month: MONTH });
    await flagDossier(world.ctx(coordinator), { dossierId: d.id, problem: 'Klachten van buren', month: '2025-12' });
    world.notifier.clear();

    const change = await withdrawConsent(world.ctx(coordinator, LATER), { dossierId: d.id });
    expect(change.changed).toBe(true);
    expect(await world.ports.informationRequests.get(d.id, request.id)).toMatchObject({ lapsedOn: '2025-11-12' });
    expect((await world.ports.informationRequests.listByPartner('de-vaart', { openOnly: true })).map((r) => r.id)).not.toContain(request.id);
    expect(await world.ports.flags.get('de-vaart', MONTH, d.id)).toMatchObject({ withdrawnBecause: 'consent-withdrawn' });
    expect(await world.ports.flags.get('de-vaart', '2025-12', d.id)).toMatchObject({ withdrawnBecause: 'consent-withdrawn' });
    expect(world.notifier.of('informationLapsed')).toEqual([expect.objectContaining({ dossierId: d.id, requestIds: [request.id] })]);
    expect(world.notifier.of('flagWithdrawnForConsent').map((e) => [e.month, e.flaggedBy]).sort()).toEqual([
      [MONTH, deVaartMember.objectId],
      ['2025-12', coordinator.objectId],
    ]);
    expect(await discussedIds(deVaartMember)).not.toContain(d.id);

    // The lapsed request can no longer be answered; the withdrawal again changes nothing.
    const late = await refusedWithoutWrites(world, () => answerInformation(world.ctx(deVaartMember, LATER), { dossierId: d.id, requestId: request.id, answer: 'Goed' }));
    expect(late).toMatchObject({ code: 'conflict', message: expect.stringContaining('vervallen op 12/11/2025') });
    world.notifier.clear();
    expect((await withdrawConsent(world.ctx(coordinator, LATER), { dossierId: d.id })).changed).toBe(false);
    expect(world.notifier.events).toEqual([]);
    expect((await auditOf(world, d.id)).filter((a) => a.action === 'info.lapse')).toHaveLength(1);
  });
});

describe('R10, §5: every landlord role may ask for information', () => {
  it('R10: landlord staff (dienst Bewonerscontacten) asks; the request reaches the supporting organisation', async () => {
    const d = await stored(world, active());
    const { request, changed } = await requestInformation(world.ctx(staff), { dossierId: d.id, question: 'Is er nieuws?' });
    expect(changed).toBe(true);
    expect(request).toMatchObject({ partnerId: 'de-vaart', askedBy: staff.objectId });
  });
});
