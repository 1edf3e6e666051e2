/**
 * The protocol at its seams: a dossier that changes hands (R6 with R8, R10, R15) or loses consent (R7),
 * and §5's information requests by every landlord role (R10).
 */
import fc from 'fast-check';
import { authorize } from '../../../shared/rules/access';
import { buildAgenda } from '../../../shared/rules/agenda';
import { monthCalendar } from '../../../shared/rules/calendar';
import { decideFlag } from '../../../shared/rules/flags';
import { flagWithdrawnOnConsentWithdrawal, informationRequestReminderDue, lapseRequest, reminderCountsFrom } from '../../../shared/rules/information';
import { acceptTransfer, cancelTransfer, rejectTransfer, requestTransfer } from '../../../shared/rules/trajectory';
import {
  currentHolderOf,
  flagFollowingTransfer,
  isOpenRequest,
  monthsNotYetHeld,
  requestFollowingTransfer,
  takenOverSince,
} from '../../../shared/rules/transfer';
import type { Dossier, Flag, InformationRequest, IsoDate, Signal, User } from '../../../shared/rules/types';
import { OTHER_PARTNER, REGISTERING, domainErrorOf, runningDossier, SUPPORTING } from './dossier-fixtures';

const config = { closingDays: [] as string[] };
const DE_VAART = SUPPORTING;
const WOONKRACHT = OTHER_PARTNER;

/** De Vaart supports (OCMW registered); it hands over to Woonkracht, which accepts on `on`. */
function handedOver(on: IsoDate, d: Dossier = runningDossier()): Dossier {
  const requested = requestTransfer(d, WOONKRACHT, { partnerId: DE_VAART, userId: 'u-vaart' }, 'Geen begeleider meer vrij', on);
  return acceptTransfer(requested, WOONKRACHT, on);
}

const signal = (overrides: Partial<Signal> = {}): Signal => ({
  id: 's-1',
  dossierId: 'd-1',
  partnerId: DE_VAART,
  category: 'insufficient-cooperation',
  description: 'Laat niemand meer binnen.',
  raisedBy: 'u-vaart',
  raisedAt: '2026-02-10T11:00:00+01:00',
  basis: 'consent',
  ...overrides,
});

const flag = (overrides: Partial<Flag> = {}): Flag => ({
  dossierId: 'd-1',
  partnerId: DE_VAART,
  month: '2026-02',
  problem: 'Huurachterstand van twee maanden.',
  flaggedBy: 'u-vaart',
  flaggedAt: '2026-02-09T09:00:00+01:00',
  source: 'outlook',
  ...overrides,
});

const request = (overrides: Partial<InformationRequest> = {}): InformationRequest => ({
  id: 'r-1',
  dossierId: 'd-1',
  partnerId: DE_VAART,
  question: 'Hoe verloopt de begeleiding?',
  askedBy: 'u-landlord',
  askedAt: '2026-02-04T10:00:00+01:00',
  ...overrides,
});

const agendaOf = (partnerId: string, dossier: Dossier, signals: Signal[], flags: Flag[] = []) =>
  buildAgenda({ partnerId, month: '2026-02', dossiers: [dossier], signals, flags, visits: [], contactLog: [], now: '2026-02-13T09:00:00+01:00' }, config);

const discussed = (agenda: ReturnType<typeof agendaOf>) => agenda.toDiscuss.map((e) => e.dossierId);

describe('R6: everything open follows the dossier', () => {
  it('R6, R8, R14: a signal raised on 10/02/2026 by De Vaart is on Woonkracht\'s February list after the transfer of 12/02, and on no list of De Vaart', () => {
    const d = handedOver('2026-02-12');
    expect(monthCalendar('2026-02', config).meetingDate).toBe('2026-02-26');
    expect(discussed(agendaOf(WOONKRACHT, d, [signal()]))).toEqual(['d-1']);
    expect(agendaOf(WOONKRACHT, d, [signal()]).toDiscuss[0]?.reasons[0]).toMatchObject({ type: 'signal', signalId: 's-1' });
    expect(agendaOf(DE_VAART, d, [signal()]).overview).toEqual([]);
    expect(discussed(agendaOf(DE_VAART, d, [signal()]))).toEqual([]);
  });

  it('R6: the signal keeps who raised it (history); the registering partner keeps its own signals, not the old organisation\'s', () => {
    const d = handedOver('2026-02-12');
    const own = signal({ id: 's-2', partnerId: REGISTERING });
    expect(discussed(agendaOf(REGISTERING, d, [signal(), own]))).toEqual(['d-1']);
    expect(agendaOf(REGISTERING, d, [signal(), own]).toDiscuss[0]?.reasons.map((r) => (r.type === 'signal' ? r.signalId : ''))).toEqual(['s-2']);
    expect(agendaOf(WOONKRACHT, d, [signal(), own]).toDiscuss[0]?.reasons.map((r) => (r.type === 'signal' ? r.signalId : ''))).toEqual(['s-1']);
  });

  it('R6: a signal of the previous window (discussed at January\'s consultation) does not follow onto February\'s list', () => {
    const d = handedOver('2026-02-12');
    expect(discussed(agendaOf(WOONKRACHT, d, [signal({ raisedAt: '2026-01-20T10:00:00+01:00' })]))).toEqual([]);
  });

  it('R6: through two transfers (De Vaart -> Woonkracht -> De Linde) the holder is the last one; a taken-back dossier returns to its organisation', () => {
    const once = handedOver('2026-02-12');
    const twice = acceptTransfer(requestTransfer(once, 'de-linde', { partnerId: WOONKRACHT, userId: 'u-wk' }, 'Verhuis', '2026-02-13'), 'de-linde', '2026-02-13');
    expect(currentHolderOf(twice, DE_VAART)).toBe('de-linde');
    expect(currentHolderOf(twice, WOONKRACHT)).toBe('de-linde');
    expect(currentHolderOf(twice, REGISTERING)).toBe(REGISTERING);
    const back = acceptTransfer(requestTransfer(once, DE_VAART, { partnerId: WOONKRACHT, userId: 'u-wk' }, 'Terug', '2026-02-14'), DE_VAART, '2026-02-14');
    expect(currentHolderOf(back, DE_VAART)).toBe(DE_VAART);
    expect(currentHolderOf(back, WOONKRACHT)).toBe(DE_VAART);
    expect(currentHolderOf(runningDossier(), 'nobody')).toBeUndefined();
  });

  it('R6: takenOverSince tells which dossiers bring signals into a window', () => {
    const d = handedOver('2026-02-12');
    expect(takenOverSince(d, WOONKRACHT, '2026-01-29')).toBe(true);
    expect(takenOverSince(d, WOONKRACHT, '2026-02-13')).toBe(false);
    expect(takenOverSince(d, DE_VAART, '2026-01-29')).toBe(false);
  });

  it('R6, R10: an open request goes to the new organisation with the handover on it; its reminder counts from the handover', () => {
    const d = handedOver('2026-02-12');
    const moved = requestFollowingTransfer(request(), d, '2026-02-12');
    expect(moved).toMatchObject({ partnerId: WOONKRACHT, handedOver: [{ fromPartnerId: DE_VAART, on: '2026-02-12' }], question: 'Hoe verloopt de begeleiding?' });
    const weekdays = (day: IsoDate) => ![0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay());
    expect(reminderCountsFrom(moved, '2026-02-04')).toBe('2026-02-12');
    // Asked on 04/02: due on 11/02 for De Vaart; for Woonkracht 5 working days after 12/02, on 19/02.
    expect(informationRequestReminderDue(reminderCountsFrom(moved, '2026-02-04'), false, '2026-02-18', weekdays)).toBe(false);
    expect(informationRequestReminderDue(reminderCountsFrom(moved, '2026-02-04'), false, '2026-02-19', weekdays)).toBe(true);
  });

  it('R6: an answered or lapsed request, or one to an organisation that still sees the dossier, stays as it is', () => {
    const d = handedOver('2026-02-12');
    const answered = request({ answer: { text: 'Goed', by: 'u', at: '2026-02-05T10:00:00+01:00' } });
    const lapsed = request({ lapsedOn: '2026-02-06' });
    const registering = request({ partnerId: REGISTERING });
    for (const r of [answered, lapsed, registering]) expect(requestFollowingTransfer(r, d, '2026-02-12')).toBe(r);
  });

  it('R6, R15: a flag for a consultation not yet held follows to the new organisation\'s consultation of the same month, with the same statement', () => {
    const d = handedOver('2026-02-12');
    const move = flagFollowingTransfer(flag(), d, '2026-02-12T15:00:00+01:00', '2026-02-12', config);
    expect(move?.ended).toMatchObject({ partnerId: DE_VAART, withdrawnAt: '2026-02-12T15:00:00+01:00', withdrawnBecause: 'transfer' });
    expect(move?.moved).toEqual({ ...flag(), partnerId: WOONKRACHT, transferredFrom: DE_VAART });
    expect(discussed(agendaOf(WOONKRACHT, d, [], [move!.moved]))).toEqual(['d-1']);
    expect(discussed(agendaOf(DE_VAART, d, [], [move!.ended]))).toEqual([]);
  });

  it('R6, R15: a flag follows even after the flag deadline (the dossier stays on the list), and on the meeting day itself', () => {
    const d = handedOver('2026-02-26');
    expect(flagFollowingTransfer(flag(), d, '2026-02-26T08:00:00+01:00', '2026-02-26', config)?.moved.partnerId).toBe(WOONKRACHT);
  });

  it('R6: a flag of a consultation already held, a withdrawn flag, or one of another dossier stays', () => {
    const d = handedOver('2026-03-02');
    expect(flagFollowingTransfer(flag(), d, '2026-03-02T10:00:00+01:00', '2026-03-02', config)).toBeUndefined();
    expect(flagFollowingTransfer(flag({ month: '2026-03', withdrawnAt: '2026-03-01T10:00:00+01:00' }), d, '2026-03-02T10:00:00+01:00', '2026-03-02', config)).toBeUndefined();
    expect(flagFollowingTransfer(flag({ month: '2026-03', dossierId: 'other' }), d, '2026-03-02T10:00:00+01:00', '2026-03-02', config)).toBeUndefined();
    expect(flagFollowingTransfer(flag({ month: '2026-03', partnerId: REGISTERING }), d, '2026-03-02T10:00:00+01:00', '2026-03-02', config)).toBeUndefined();
  });

  it('R6: the months not yet held run from today\'s (or the next) meeting to the last month a flag may be for', () => {
    expect(monthsNotYetHeld('2026-02-12T10:00:00+01:00', '2026-02-12', 2, config)).toEqual(['2026-02', '2026-03', '2026-04']);
    // 26/02 is February's meeting day: its consultation is not held yet at 08:00 (the flag deadline passed).
    expect(monthsNotYetHeld('2026-02-26T08:00:00+01:00', '2026-02-26', 2, config)).toEqual(['2026-02', '2026-03', '2026-04', '2026-05']);
    // New Year's day: December's consultation is held; January's comes first.
    expect(monthsNotYetHeld('2027-01-01T10:00:00+01:00', '2027-01-01', 2, config)[0]).toBe('2027-01');
  });

  it('R6 (property): whatever follows goes to an organisation that sees the dossier, never back to the one that handed it over', () => {
    const partners = [DE_VAART, WOONKRACHT, 'de-linde', REGISTERING];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...partners), { minLength: 1, maxLength: 5 }), fc.constantFrom(...partners), (chain, raiser) => {
        let d = runningDossier();
        let day = 1;
        for (const to of chain) {
          if (to === d.supportingPartnerId) continue;
          const on = `2026-02-${String(++day).padStart(2, '0')}`;
          d = acceptTransfer(requestTransfer(d, to, { partnerId: d.supportingPartnerId, userId: 'u' }, 'reden', on), to, on);
        }
        const holder = currentHolderOf(d, raiser);
        if (holder === undefined) return;
        expect(d.formerPartnerIds).not.toContain(holder);
        expect([d.supportingPartnerId, d.registeringPartnerId]).toContain(holder);
        const moved = requestFollowingTransfer(request({ partnerId: raiser }), d, '2026-02-20');
        expect(moved.partnerId).toBe(holder);
      }),
    );
  });
});

describe('R6: cancelling and refusing a transfer', () => {
  const requested = () => requestTransfer(runningDossier(), WOONKRACHT, { partnerId: DE_VAART, userId: 'u-vaart' }, 'Geen begeleider vrij', '2026-02-10');

  it('R6: the requesting organisation cancels its open request; it stays the supporting partner and the request stays in the history', () => {
    const cancelled = cancelTransfer(requested(), { partnerId: DE_VAART, userId: 'u-vaart-2' }, '2026-02-11');
    expect(cancelled.supportingPartnerId).toBe(DE_VAART);
    expect(cancelled.transfers).toEqual([expect.objectContaining({ status: 'cancelled', decidedOn: '2026-02-11', cancelledBy: 'u-vaart-2', toPartnerId: WOONKRACHT })]);
    // The receiving organisation can no longer decide; a new request can be made.
    expect(domainErrorOf(() => acceptTransfer(cancelled, WOONKRACHT, '2026-02-12')).code).toBe('conflict');
    expect(requestTransfer(cancelled, 'de-linde', { partnerId: DE_VAART, userId: 'u' }, 'Andere', '2026-02-12').transfers).toHaveLength(2);
  });

  it('R6: only the requesting organisation cancels, not before the request, and only an open request', () => {
    expect(domainErrorOf(() => cancelTransfer(requested(), { partnerId: WOONKRACHT, userId: 'u' }, '2026-02-11'))).toMatchObject({ code: 'forbidden', message: 'Alleen de organisatie die de overdracht gevraagd heeft, kan die vraag intrekken.' });
    expect(domainErrorOf(() => cancelTransfer(requested(), { partnerId: DE_VAART, userId: 'u' }, '2026-02-09')).code).toBe('validation');
    expect(domainErrorOf(() => cancelTransfer(runningDossier(), { partnerId: DE_VAART, userId: 'u' }, '2026-02-11')).code).toBe('conflict');
  });

  it('R6: a refusal carries its reason for the requester; without a reason it is refused in Dutch', () => {
    const refused = rejectTransfer(requested(), WOONKRACHT, '2026-02-11', '  Wij hebben geen plaats tot mei.  ');
    expect(refused.transfers[0]).toMatchObject({ status: 'rejected', refusalReason: 'Wij hebben geen plaats tot mei.' });
    expect(refused.supportingPartnerId).toBe(DE_VAART);
    expect(domainErrorOf(() => rejectTransfer(requested(), WOONKRACHT, '2026-02-11', '  ')).message).toBe('De reden van de weigering ontbreekt.');
  });
});

describe('R7: consent', () => {
  const withoutConsent = runningDossier({ consent: undefined });
  const withdrawn = runningDossier({ consent: { givenOn: '2024-01-02', scope: 'x', withdrawnOn: '2025-11-12' } });
  const request = (dossier: Dossier, source: Flag['source'] = 'teams') => ({
    dossier,
    partnerId: SUPPORTING,
    problem: 'Huurachterstand',
    flaggedBy: 'u-1',
    source,
    now: '2025-11-20T10:00:00+01:00',
    existingFlags: [],
  });

  it('R7, R9: a flag with a problem statement on a dossier without consent is refused, pointing to the safety report', () => {
    for (const d of [withoutConsent, withdrawn]) {
      const error = domainErrorOf(() => decideFlag(request(d), config));
      expect(error).toMatchObject({ code: 'forbidden', details: { reason: 'no-consent' } });
      expect(error.message).toContain('geen geldige toestemmingsverklaring');
      expect(error.message).toContain('Meld het dan meteen als veiligheidssignaal');
    }
    expect(domainErrorOf(() => decideFlag(request(withoutConsent, 'landlord'), config)).message).toContain('meldt de begeleidende dienst het meteen als veiligheidssignaal');
  });

  it('R7: on the day of the withdrawal a flag is refused; the day before it was accepted', () => {
    expect(domainErrorOf(() => decideFlag({ ...request(withdrawn), now: '2025-11-12T00:00:00+01:00' }, config)).code).toBe('forbidden');
    expect(decideFlag({ ...request(withdrawn), now: '2025-11-11T23:59:00+01:00' }, config).outcome).toBe('created');
  });

  it('R7: consent withdrawn: an open request lapses on the day of withdrawal and is no longer open; an answered one stays', () => {
    const open: InformationRequest = { id: 'r', dossierId: 'd-1', partnerId: SUPPORTING, question: 'q', askedBy: 'u', askedAt: '2025-11-03T10:00:00+01:00' };
    const lapsed = lapseRequest(open, '2025-11-12');
    expect(lapsed.lapsedOn).toBe('2025-11-12');
    expect(isOpenRequest(lapsed)).toBe(false);
    const answered = { ...open, answer: { text: 'a', by: 'p', at: '2025-11-04T10:00:00+01:00' } };
    expect(lapseRequest(answered, '2025-11-12')).toBe(answered);
    expect(lapseRequest(lapsed, '2025-11-13')).toBe(lapsed);
  });

  it('R7: consent withdrawn: a flag for a consultation not yet held is withdrawn with the reason; one already discussed stays', () => {
    const f: Flag = { dossierId: 'd-1', partnerId: SUPPORTING, month: '2025-11', problem: 'p', flaggedBy: 'u-1', flaggedAt: '2025-11-10T10:00:00+01:00', source: 'teams' };
    expect(flagWithdrawnOnConsentWithdrawal(f, 'd-1', '2025-11-20T10:00:00+01:00', '2025-11-20', config)).toEqual({ ...f, withdrawnAt: '2025-11-20T10:00:00+01:00', withdrawnBecause: 'consent-withdrawn' });
    // Meeting day (27/11): not yet held for what changes that day.
    expect(flagWithdrawnOnConsentWithdrawal(f, 'd-1', '2025-11-27T09:00:00+01:00', '2025-11-27', config)?.withdrawnBecause).toBe('consent-withdrawn');
    expect(flagWithdrawnOnConsentWithdrawal(f, 'd-1', '2025-11-28T09:00:00+01:00', '2025-11-28', config)).toBeUndefined();
    expect(flagWithdrawnOnConsentWithdrawal(f, 'other', '2025-11-20T10:00:00+01:00', '2025-11-20', config)).toBeUndefined();
    expect(flagWithdrawnOnConsentWithdrawal({ ...f, withdrawnAt: '2025-11-15T10:00:00+01:00' }, 'd-1', '2025-11-20T10:00:00+01:00', '2025-11-20', config)).toBeUndefined();
  });
});

describe('R10, §5: every landlord role may ask for information', () => {
  const user = (role: User['role']): User => ({ landlordId: 'vivendo', tenantId: 't', objectId: 'o', displayName: 'x', role });
  it('R10: the coordinator and landlord staff (dienst Bewonerscontacten) may ask; a partner member may not', () => {
    const d = runningDossier();
    expect(() => authorize(user('landlord-coordinator'), 'info.request', d)).not.toThrow();
    expect(() => authorize(user('landlord-staff'), 'info.request', d)).not.toThrow();
    expect(domainErrorOf(() => authorize({ ...user('partner-member'), partnerId: SUPPORTING }, 'info.request', d)).code).toBe('forbidden');
  });
});
