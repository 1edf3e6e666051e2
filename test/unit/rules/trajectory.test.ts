import fc from 'fast-check';
import { addDays, addMonths, compareDates } from '../../../shared/rules/dates';
import { DomainError } from '../../../shared/rules/errors';
import {
  acceptTransfer,
  activate,
  allowedSteps,
  closePositively,
  createCandidacy,
  extend,
  missingSignatures,
  openTransfer,
  plannedEnd,
  recordSignature,
  rejectTransfer,
  requestTransfer,
  stop,
  type CandidacyInput,
  type TrajectoryStep,
} from '../../../shared/rules/trajectory';
import { SIGNATORIES, type Dossier, type IsoDate, type Signatory, type TrajectoryStatus } from '../../../shared/rules/types';
import {
  activeDossier,
  allSigned,
  candidacy,
  deepFreeze,
  domainErrorOf,
  OTHER_PARTNER,
  REGISTERING,
  SUPPORTING,
} from './dossier-fixtures';
import { FREE_TEXT } from '../../../shared/rules/free-text';
import { finalEvaluationOf } from '../../support/dossiers';

const input = (overrides: Partial<CandidacyInput> = {}): CandidacyInput => ({
  id: 'd-1',
  landlordId: 'vivendo',
  number: 'VT-2025-014',
  kind: 'VT',
  tenant: { name: 'An Peeters' },
  registeringPartnerId: REGISTERING,
  supportingPartnerId: SUPPORTING,
  supportWorker: { name: 'Bart Claes' },
  ...overrides,
});

const calendar = { closingDays: [] };
/** The context of a positive end after a good final evaluation on `heldOn`. */
const afterGoodFinal = (d: Dossier, heldOn: IsoDate) => ({ visits: [finalEvaluationOf(d.id, heldOn)], calendar });
const bySupporting = { partnerId: SUPPORTING, userId: 'user-cawb-1' };
const withOpenTransfer = (d: Dossier = activeDossier()): Dossier =>
  requestTransfer(d, OTHER_PARTNER, bySupporting, 'Geen capaciteit meer', '2025-03-03');

describe('createCandidacy', () => {
  it('R1: starts a trajectory as a candidacy without signatures', () => {
    const d = createCandidacy(input({ tenant: { name: '  An Peeters ', address: 'Kerkstraat 1' } }), '2025-01-06');
    expect(d).toEqual({
      id: 'd-1',
      landlordId: 'vivendo',
      number: 'VT-2025-014',
      kind: 'VT',
      tenant: { name: 'An Peeters', address: 'Kerkstraat 1' },
      registeringPartnerId: REGISTERING,
      supportingPartnerId: SUPPORTING,
      supportWorker: { name: 'Bart Claes' },
      signatures: {},
      extensions: [],
      status: 'candidacy',
      formerPartnerIds: [],
      transfers: [],
      contactLogActive: false,
      documents: {},
      createdOn: '2025-01-06',
    });
  });

  it('accepts the other kind, one partner in both roles and a worker e-mail', () => {
    const d = createCandidacy(
      input({
        kind: 'other',
        registeringPartnerId: SUPPORTING,
        supportWorker: { name: 'Bart', email: 'bart@example.org' },
      }),
      '2025-01-06',
    );
    expect(d.kind).toBe('other');
    expect(d.registeringPartnerId).toBe(d.supportingPartnerId);
    expect(d.supportWorker).toEqual({ name: 'Bart', email: 'bart@example.org' });
  });

  it('R3: the dossier keeps the version of each obligation document that applies; an empty version is left out', () => {
    const d = createCandidacy(input({ documents: { rio: 'RIO 2024', huisdierenbeleid: ' Huisdieren 2023 ', lease: '' } }), '2025-01-06');
    expect(d.documents).toEqual({ rio: 'RIO 2024', huisdierenbeleid: 'Huisdieren 2023' });
  });

  it.each<[string, Partial<CandidacyInput>, string, RegExp]>([
    ['an empty tenant name', { tenant: { name: '   ' } }, 'tenant.name', /naam van de huurder ontbreekt/],
    ['a too long tenant name', { tenant: { name: 'x'.repeat(FREE_TEXT.tenantName.max + 1) } }, 'tenant.name', /te lang \(hoogstens 200 tekens\)/],
    ['a tenant name with a line break', { tenant: { name: 'An\nPeeters' } }, 'tenant.name', /naam van de huurder moet op één regel staan/],
    ['a tenant name with a right-to-left override', { tenant: { name: 'An \u202eSreteep' } }, 'tenant.name', /naam van de huurder bevat een onzichtbaar stuurteken/],
    ['a tenant name with a C1 control', { tenant: { name: 'An\u0085Peeters' } }, 'tenant.name', /naam van de huurder bevat een onzichtbaar stuurteken/],
    ['a missing registering partner', { registeringPartnerId: '' }, 'registeringPartnerId', /aanmeldende organisatie ontbreekt/],
    ['a missing supporting partner', { supportingPartnerId: '' }, 'supportingPartnerId', /begeleidende organisatie ontbreekt/],
    ['a missing support worker name', { supportWorker: { name: '' } }, 'supportWorker.name', /naam van de woonbegeleider ontbreekt/],
    ['an invalid worker e-mail', { supportWorker: { name: 'Bart', email: 'bart@' } }, 'supportWorker.email', /e-mailadres van de woonbegeleider is ongeldig/],
    ['an unknown kind', { kind: 'X' as never }, 'kind', /soort traject/],
    ['a missing number', { number: '' }, 'number', /dossiernummer ontbreekt/],
    ['a too long address', { tenant: { name: 'An', address: 'a'.repeat(FREE_TEXT.tenantAddress.max + 1) } }, 'tenant.address', /adres van de huurder is te lang/],
  ])('refuses %s with a Dutch validation error naming the field', (_what, overrides, field, message) => {
    const error = domainErrorOf(() => createCandidacy(input(overrides), '2025-01-06'));
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/^De kandidatuur kan niet aangemaakt worden: /);
    expect(error.message).toMatch(message);
    expect(error.details).toEqual({ fields: [field] });
  });

  it('accepts a tenant name of exactly the maximum length', () => {
    const name = 'x'.repeat(FREE_TEXT.tenantName.max);
    expect(createCandidacy(input({ tenant: { name } }), '2025-01-06').tenant.name).toBe(name);
  });

  it('reports every problem at once', () => {
    const error = domainErrorOf(() =>
      createCandidacy(input({ tenant: { name: '' }, registeringPartnerId: '', supportWorker: { name: '' } }), '2025-01-06'),
    );
    expect(error.details).toEqual({ fields: ['tenant.name', 'registeringPartnerId', 'supportWorker.name'] });
  });

  it('survives input that is not shaped as typed (untrusted JSON)', () => {
    const error = domainErrorOf(() => createCandidacy({ kind: 'VT' } as unknown as CandidacyInput, '2025-01-06'));
    expect(error.code).toBe('validation');
  });

  it('refuses an invalid today', () => {
    expect(domainErrorOf(() => createCandidacy(input(), '2025-02-30')).code).toBe('validation');
  });
});

describe('recordSignature (R1)', () => {
  it('R1: records a signature on a new dossier and leaves the input untouched', () => {
    const before = deepFreeze(candidacy());
    const after = recordSignature(before, 'tenant', '2025-01-20', '2025-01-20');
    expect(after.signatures).toEqual({ tenant: '2025-01-20' });
    expect(before.signatures).toEqual({});
    expect(after).not.toBe(before);
  });

  it('R1: is idempotent on the same signatory and date (returns the dossier unchanged)', () => {
    const once = recordSignature(candidacy(), 'landlord', '2025-01-20', '2025-01-21');
    expect(recordSignature(once, 'landlord', '2025-01-20', '2025-01-25')).toBe(once);
  });

  it('R1: a repeated identical signature after activation is still a no-op', () => {
    const active = activeDossier();
    expect(recordSignature(active, 'tenant', allSigned.tenant, '2025-03-01')).toBe(active);
  });

  it('R1: refuses another date for a party that already signed, naming the party and date', () => {
    const once = recordSignature(candidacy(), 'supportWorker', '2025-01-20', '2025-01-21');
    const error = domainErrorOf(() => recordSignature(once, 'supportWorker', '2025-01-21', '2025-01-21'));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe(
      'De woonbegeleider heeft de bevestiging van de begeleidingsovereenkomst al ondertekend op 20/01/2025. Een andere datum kan niet geregistreerd worden.',
    );
  });

  it('R1: refuses a signing date after today, and accepts today itself', () => {
    expect(domainErrorOf(() => recordSignature(candidacy(), 'tenant', '2025-01-21', '2025-01-20')).code).toBe('validation');
    expect(recordSignature(candidacy(), 'tenant', '2025-01-20', '2025-01-20').signatures.tenant).toBe('2025-01-20');
  });

  it.each<TrajectoryStatus>(['active', 'extended', 'closed-positive', 'stopped'])(
    'R1: refuses a new signature when the trajectory is %s',
    (status) => {
      const error = domainErrorOf(() => recordSignature(candidacy({ status }), 'tenant', '2025-01-20', '2025-01-20'));
      expect(error.code).toBe('conflict');
      expect(error.message).toMatch(/geen kandidatuur meer/);
    },
  );

  it('refuses an unknown signatory and an invalid date', () => {
    expect(domainErrorOf(() => recordSignature(candidacy(), 'notary' as Signatory, '2025-01-20', '2025-01-20')).code).toBe('validation');
    expect(domainErrorOf(() => recordSignature(candidacy(), 'tenant', '20/01/2025', '2025-01-20')).code).toBe('validation');
  });
});

describe('activate (R1)', () => {
  const signedBy = (parties: readonly Signatory[]): Dossier =>
    candidacy({ signatures: Object.fromEntries(parties.map((p) => [p, allSigned[p]])) });

  it('R1: ratifies the lease once all three parties signed: active with its lease start', () => {
    const before = deepFreeze(signedBy(SIGNATORIES));
    const after = activate(before, '2025-02-01', '2025-01-22');
    expect(after.status).toBe('active');
    expect(after.leaseStart).toBe('2025-02-01');
    expect(before.status).toBe('candidacy');
  });

  it.each<[readonly Signatory[], string]>([
    [[], 'de handtekeningen van de woonbegeleider, de kandidaat-huurder en de verhuurder ontbreken nog'],
    [['supportWorker', 'landlord'], 'de handtekening van de kandidaat-huurder ontbreekt nog'],
    [['tenant', 'landlord'], 'de handtekening van de woonbegeleider ontbreekt nog'],
    [['supportWorker', 'tenant'], 'de handtekening van de verhuurder ontbreekt nog'],
    [['landlord'], 'de handtekeningen van de woonbegeleider en de kandidaat-huurder ontbreken nog'],
  ])('R1: refuses activation when only %j signed, naming who is missing', (signed, expected) => {
    const error = domainErrorOf(() => activate(signedBy(signed), '2025-02-01', '2025-01-22'));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('De huurovereenkomst kan niet bekrachtigd worden');
    expect(error.message).toContain(expected);
    expect(error.details).toEqual({ missing: SIGNATORIES.filter((s) => !signed.includes(s)) });
  });

  it('R1: activation succeeds exactly when all three signatures are recorded', () => {
    fc.assert(
      fc.property(fc.subarray([...SIGNATORIES]), (signed) => {
        const d = signedBy(signed);
        const ok = (() => {
          try {
            activate(d, '2025-02-01', '2025-01-22');
            return true;
          } catch {
            return false;
          }
        })();
        expect(ok).toBe(signed.length === 3);
        expect(missingSignatures(d)).toHaveLength(3 - signed.length);
      }),
    );
  });

  it('R1: the lease cannot start before the last signature; the same day is fine', () => {
    const d = signedBy(SIGNATORIES);
    const error = domainErrorOf(() => activate(d, '2025-01-20', '2025-01-22'));
    expect(error.code).toBe('validation');
    expect(error.message).toContain('21/01/2025');
    expect(activate(d, '2025-01-21', '2025-01-22').leaseStart).toBe('2025-01-21');
  });

  it('refuses a lease start more than 12 months ahead (typing error guard)', () => {
    const d = signedBy(SIGNATORIES);
    expect(activate(d, '2026-01-22', '2025-01-22').status).toBe('active');
    expect(domainErrorOf(() => activate(d, '2026-01-23', '2025-01-22')).code).toBe('validation');
  });

  it.each<TrajectoryStatus>(['active', 'extended', 'closed-positive', 'stopped'])('R1: refuses to activate a %s trajectory', (status) => {
    expect(domainErrorOf(() => activate(activeDossier({ status }), '2025-02-01', '2025-01-22')).code).toBe('conflict');
  });
});

describe('plannedEnd (R2)', () => {
  it.each<[IsoDate, number[], IsoDate]>([
    ['2025-02-01', [], '2026-02-01'],
    ['2025-01-31', [], '2026-01-31'],
    ['2024-02-29', [], '2025-02-28'],
    ['2025-01-31', [3], '2026-04-30'],
    ['2024-11-30', [3], '2026-02-28'],
    ['2025-03-15', [3, 6], '2026-12-15'],
    ['2024-08-31', [3, 3], '2026-02-28'], // one sum, not month by month: 08-31 + 18 months
  ])('R2: lease start %s with extensions %j ends on %s', (leaseStart, months, expected) => {
    const d = activeDossier({ leaseStart, extensions: months.map((m) => ({ months: m, decidedOn: leaseStart })) });
    expect(plannedEnd(d)).toBe(expected);
  });

  it('R2: has no planned end before the lease starts', () => {
    expect(plannedEnd(candidacy())).toBeUndefined();
  });

  it('R2: lies 12 months plus the extensions after the lease start, never earlier', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3650 }),
        fc.array(fc.integer({ min: 1, max: 8 }).map((n) => n * 3), { maxLength: 6 }),
        (offset, months) => {
          const leaseStart = addDays('2020-01-01', offset);
          const d = activeDossier({ leaseStart, extensions: months.map((m) => ({ months: m, decidedOn: leaseStart })) });
          const end = plannedEnd(d) as IsoDate;
          const total = 12 + months.reduce((a, b) => a + b, 0);
          expect(end).toBe(addMonths(leaseStart, total));
          expect(compareDates(end, addDays(leaseStart, total * 28))).toBeGreaterThanOrEqual(0);
          expect(compareDates(end, addDays(leaseStart, total * 31))).toBeLessThanOrEqual(0);
        },
      ),
    );
  });
});

describe('extend (R20)', () => {
  it.each([3, 6, 9, 12])('R20: extends a running trajectory by %i months', (months) => {
    const before = deepFreeze(activeDossier());
    const after = extend(before, months, '2026-01-10', calendar);
    expect(after.status).toBe('extended');
    expect(after.extensions).toEqual([{ months, decidedOn: '2026-01-10' }]);
    expect(plannedEnd(after)).toBe(addMonths('2025-02-01', 12 + months));
    expect(before.extensions).toEqual([]);
  });

  it('R20: an extended trajectory can be extended again, and the planned end moves on', () => {
    const twice = extend(extend(activeDossier(), 3, '2026-01-10', calendar), 6, '2026-04-20', calendar);
    expect(twice.status).toBe('extended');
    expect(twice.extensions.map((e) => e.months)).toEqual([3, 6]);
    expect(plannedEnd(twice)).toBe('2026-11-01');
  });

  it.each([0, -3, 1, 2, 4, 5, 3.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'R20: refuses an extension of %p months (not a positive multiple of 3)',
    (months) => {
      const error = domainErrorOf(() => extend(activeDossier(), months, '2026-01-10', calendar));
      expect(error.code).toBe('validation');
      expect(error.message).toContain('veelvoud van 3 maanden');
    },
  );

  it.each<TrajectoryStatus>(['candidacy', 'closed-positive', 'stopped'])('R20: refuses to extend a %s trajectory', (status) => {
    const error = domainErrorOf(() => extend(activeDossier({ status }), 3, '2026-01-10', calendar));
    expect(error.code).toBe('conflict');
  });

  it('R20: refuses a decision date before the lease start or before the previous extension', () => {
    expect(domainErrorOf(() => extend(activeDossier(), 3, '2025-01-31', calendar)).code).toBe('validation');
    const once = extend(activeDossier(), 3, '2026-01-10', calendar);
    const error = domainErrorOf(() => extend(once, 3, '2026-01-09', calendar));
    expect(error.code).toBe('validation');
    expect(error.message).toContain('10/01/2026');
  });
});

describe('closePositively (R19)', () => {
  it.each<TrajectoryStatus>(['active', 'extended'])('R19: closes a %s trajectory positively after its final evaluation', (status) => {
    const before = deepFreeze(activeDossier({ status }));
    const after = closePositively(before, '2026-02-05', afterGoodFinal(before, '2026-01-28'));
    expect(after).toMatchObject({ status: 'closed-positive', closedOn: '2026-02-05' });
    expect(before.status).toBe(status);
  });

  it.each<TrajectoryStatus>(['candidacy', 'closed-positive', 'stopped'])('R19: refuses to close a %s trajectory positively', (status) => {
    const d = activeDossier({ status });
    expect(domainErrorOf(() => closePositively(d, '2026-02-05', afterGoodFinal(d, '2026-01-28'))).code).toBe('conflict');
  });

  it('R6: refuses to close while a transfer waits for the receiving partner', () => {
    const d = withOpenTransfer();
    const error = domainErrorOf(() => closePositively(d, '2026-02-05', afterGoodFinal(d, '2026-01-28')));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('overdracht');
  });

  it('refuses a closing date before the lease start', () => {
    const d = activeDossier();
    expect(domainErrorOf(() => closePositively(d, '2025-01-31', afterGoodFinal(d, '2025-01-31'))).code).toBe('validation');
  });
});

describe('stop', () => {
  it.each<[TrajectoryStatus, Partial<Dossier>]>([
    ['candidacy', { status: 'candidacy', leaseStart: undefined }],
    ['active', { status: 'active' }],
    ['extended', { status: 'extended', extensions: [{ months: 3, decidedOn: '2026-01-10' }] }],
  ])('stops a %s trajectory and keeps the reason', (_status, overrides) => {
    const before = deepFreeze(activeDossier(overrides));
    const after = stop(before, '2026-01-15', '  De huurder verhuist.\nSleutels afgegeven.  ');
    expect(after).toMatchObject({ status: 'stopped', closedOn: '2026-01-15', stopReason: 'De huurder verhuist.\nSleutels afgegeven.' });
    expect(before.status).toBe(overrides.status);
  });

  it.each<TrajectoryStatus>(['closed-positive', 'stopped'])('refuses to stop a %s trajectory', (status) => {
    const error = domainErrorOf(() => stop(activeDossier({ status }), '2026-01-15', 'reden'));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('al afgesloten');
  });

  it.each([
    ['an empty reason', '  ', /reden ontbreekt/],
    ['a too long reason', 'x'.repeat(FREE_TEXT.reason.max + 1), /reden is te lang/],
    ['a reason with a bidi override', 'Verhuisd \u202e', /reden bevat een onzichtbaar stuurteken/],
    ['a reason with a C1 control', 'Verhuisd \u009b', /reden bevat een onzichtbaar stuurteken/],
  ])('refuses %s', (_what, reason, message) => {
    const error = domainErrorOf(() => stop(activeDossier(), '2026-01-15', reason));
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(message);
  });

  it('R6: refuses to stop while a transfer is open', () => {
    expect(domainErrorOf(() => stop(withOpenTransfer(), '2026-01-15', 'reden')).code).toBe('conflict');
  });
});

describe('transfers (R6)', () => {
  it('R6: the supporting partner asks another organisation; nothing changes until it accepts', () => {
    const before = deepFreeze(activeDossier());
    const after = requestTransfer(before, OTHER_PARTNER, bySupporting, ' Geen capaciteit meer ', '2025-03-03');
    expect(after.supportingPartnerId).toBe(SUPPORTING);
    expect(after.transfers).toEqual([
      {
        fromPartnerId: SUPPORTING,
        toPartnerId: OTHER_PARTNER,
        requestedOn: '2025-03-03',
        requestedBy: 'user-cawb-1',
        reason: 'Geen capaciteit meer',
        status: 'requested',
      },
    ]);
    expect(openTransfer(after)?.toPartnerId).toBe(OTHER_PARTNER);
    expect(before.transfers).toEqual([]);
  });

  it('R6: a candidacy can be handed over too', () => {
    expect(openTransfer(requestTransfer(candidacy(), OTHER_PARTNER, bySupporting, 'reden', '2025-01-10'))).toBeDefined();
  });

  it.each([
    ['the registering (not supporting) partner', REGISTERING],
    ['the receiving partner', OTHER_PARTNER],
  ])('R6: refuses a request by %s: only the supporting partner hands over', (_who, partnerId) => {
    const error = domainErrorOf(() => requestTransfer(activeDossier(), OTHER_PARTNER, { partnerId, userId: 'u' }, 'reden', '2025-03-03'));
    expect(error.code).toBe('forbidden');
    expect(error.message).toContain('Alleen de begeleidende organisatie');
  });

  it('R6: refuses a transfer to the supporting partner itself', () => {
    expect(domainErrorOf(() => requestTransfer(activeDossier(), SUPPORTING, bySupporting, 'reden', '2025-03-03')).code).toBe('validation');
  });

  it('R6: allows only one open request at a time', () => {
    const error = domainErrorOf(() => requestTransfer(withOpenTransfer(), REGISTERING, bySupporting, 'reden', '2025-03-04'));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('al een overdracht open');
  });

  it.each<TrajectoryStatus>(['closed-positive', 'stopped'])('R6: refuses to hand over a %s trajectory', (status) => {
    expect(domainErrorOf(() => requestTransfer(activeDossier({ status }), OTHER_PARTNER, bySupporting, 'r', '2025-03-03')).code).toBe('conflict');
  });

  it.each([
    ['no reason', OTHER_PARTNER, ' ', 'reason'],
    ['no receiving partner', '', 'reden', 'toPartnerId'],
  ])('R6: refuses a request with %s', (_what, to, reason, field) => {
    const error = domainErrorOf(() => requestTransfer(activeDossier(), to, bySupporting, reason, '2025-03-03'));
    expect(error.code).toBe('validation');
    expect(error.details).toEqual({ fields: [field] });
  });

  it('R6: when the receiving partner accepts, it becomes responsible and the old one loses the dossier; history stays', () => {
    const requested = deepFreeze(withOpenTransfer());
    const after = acceptTransfer(requested, OTHER_PARTNER, '2025-03-05');
    expect(after.supportingPartnerId).toBe(OTHER_PARTNER);
    expect(after.formerPartnerIds).toEqual([SUPPORTING]);
    expect(after.transfers).toEqual([{ ...requested.transfers[0], status: 'accepted', decidedOn: '2025-03-05' }]);
    expect(openTransfer(after)).toBeUndefined();
    expect(after.supportWorker).toEqual(requested.supportWorker);
    expect(requested.supportingPartnerId).toBe(SUPPORTING);
  });

  it('R6: the receiving partner can name its own support worker when it accepts', () => {
    const after = acceptTransfer(withOpenTransfer(), OTHER_PARTNER, '2025-03-05', { name: 'Els Maes', email: 'els@dekade.example' });
    expect(after.supportWorker).toEqual({ name: 'Els Maes', email: 'els@dekade.example' });
    expect(domainErrorOf(() => acceptTransfer(withOpenTransfer(), OTHER_PARTNER, '2025-03-05', { name: '' })).code).toBe('validation');
  });

  it.each([
    ['the supporting partner', SUPPORTING],
    ['the registering partner', REGISTERING],
    ['an unrelated partner', 'someone-else'],
  ])('R6: refuses acceptance or rejection by %s', (_who, partnerId) => {
    expect(domainErrorOf(() => acceptTransfer(withOpenTransfer(), partnerId, '2025-03-05')).code).toBe('forbidden');
    expect(domainErrorOf(() => rejectTransfer(withOpenTransfer(), partnerId, '2025-03-05', 'geen plaats')).code).toBe('forbidden');
  });

  it('R6: refuses to decide when no request is open', () => {
    expect(domainErrorOf(() => acceptTransfer(activeDossier(), OTHER_PARTNER, '2025-03-05')).code).toBe('conflict');
    const rejected = rejectTransfer(withOpenTransfer(), OTHER_PARTNER, '2025-03-05', 'geen plaats');
    expect(domainErrorOf(() => acceptTransfer(rejected, OTHER_PARTNER, '2025-03-06')).code).toBe('conflict');
  });

  it('R6: refuses a decision dated before the request', () => {
    expect(domainErrorOf(() => acceptTransfer(withOpenTransfer(), OTHER_PARTNER, '2025-03-02')).code).toBe('validation');
  });

  it('R6: a rejection keeps the supporting partner, records the decision and allows a new request', () => {
    const rejected = rejectTransfer(withOpenTransfer(), OTHER_PARTNER, '2025-03-05', 'geen plaats');
    expect(rejected.supportingPartnerId).toBe(SUPPORTING);
    expect(rejected.formerPartnerIds).toEqual([]);
    expect(rejected.transfers[0]).toMatchObject({ status: 'rejected', decidedOn: '2025-03-05' });
    const again = requestTransfer(rejected, REGISTERING, bySupporting, 'andere partner', '2025-03-06');
    expect(again.transfers.map((t) => t.status)).toEqual(['rejected', 'requested']);
  });

  it('R6: a former partner that takes the dossier back is no longer a former partner', () => {
    const handedOver = acceptTransfer(withOpenTransfer(), OTHER_PARTNER, '2025-03-05');
    const back = acceptTransfer(
      requestTransfer(handedOver, SUPPORTING, { partnerId: OTHER_PARTNER, userId: 'u2' }, 'terug', '2025-06-01'),
      SUPPORTING,
      '2025-06-02',
    );
    expect(back.supportingPartnerId).toBe(SUPPORTING);
    expect(back.formerPartnerIds).toEqual([OTHER_PARTNER]);
    expect(back.transfers).toHaveLength(2);
  });

  it('R6: refuses a decision on a request that no longer matches the supporting partner (stale data)', () => {
    const stale = activeDossier({
      transfers: [{ fromPartnerId: 'old', toPartnerId: OTHER_PARTNER, requestedOn: '2025-03-03', requestedBy: 'u', reason: 'r', status: 'requested' }],
    });
    expect(domainErrorOf(() => acceptTransfer(stale, OTHER_PARTNER, '2025-03-05')).code).toBe('conflict');
  });
});

describe('allowedSteps', () => {
  it.each<[string, Dossier, TrajectoryStep[]]>([
    ['a new candidacy', candidacy(), ['sign', 'stop', 'request-transfer']],
    ['a partly signed candidacy', candidacy({ signatures: { tenant: '2025-01-20' } }), ['sign', 'stop', 'request-transfer']],
    ['a fully signed candidacy', candidacy({ signatures: { ...allSigned } }), ['activate', 'stop', 'request-transfer']],
    ['a candidacy with an open transfer', withOpenTransfer(candidacy()), ['sign', 'decide-transfer']],
    ['an active trajectory', activeDossier(), ['extend', 'close-positively', 'stop', 'request-transfer']],
    ['an extended trajectory', activeDossier({ status: 'extended' }), ['extend', 'close-positively', 'stop', 'request-transfer']],
    ['an active trajectory with an open transfer', withOpenTransfer(), ['extend', 'decide-transfer']],
    ['a positively closed trajectory', activeDossier({ status: 'closed-positive' }), []],
    ['a stopped trajectory', activeDossier({ status: 'stopped' }), []],
  ])('lists the next steps of %s', (_what, dossier, steps) => {
    expect(allowedSteps(dossier)).toEqual(steps);
  });
});

// ---------------------------------------------------------------------------------------------
// Model-based properties: random sequences of commands on one dossier.

const PARTNERS = [SUPPORTING, REGISTERING, OTHER_PARTNER, 'p4'];
const partner = fc.constantFrom(...PARTNERS);

type Command =
  | { kind: 'advance'; days: number }
  | { kind: 'sign'; who: Signatory; daysAgo: number }
  | { kind: 'activate'; inDays: number }
  | { kind: 'extend'; months: number }
  | { kind: 'close'; defects: boolean; present: boolean }
  | { kind: 'stop' }
  | { kind: 'request'; to: string; by: string }
  | { kind: 'accept' | 'reject'; by: string };

/** '@supporting' and '@receiving' stand for the current supporting and receiving partner. */
const actor = (role: '@supporting' | '@receiving') => fc.oneof({ weight: 4, arbitrary: fc.constant(role) }, { weight: 1, arbitrary: partner });

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 120 }) }) },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('sign' as const), who: fc.constantFrom(...SIGNATORIES), daysAgo: fc.integer({ min: -2, max: 5 }) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('activate' as const), inDays: fc.integer({ min: -3, max: 30 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('extend' as const), months: fc.integer({ min: -1, max: 13 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('close' as const), defects: fc.boolean(), present: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('stop' as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('request' as const), to: partner, by: actor('@supporting') }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('accept' as const, 'reject' as const), by: actor('@receiving') }) },
);

const resolve = (d: Dossier, who: string): string =>
  who === '@supporting' ? d.supportingPartnerId : who === '@receiving' ? (openTransfer(d)?.toPartnerId ?? 'nobody') : who;

function apply(d: Dossier, c: Command, today: IsoDate): Dossier {
  switch (c.kind) {
    case 'advance':
      return d;
    case 'sign':
      return recordSignature(d, c.who, addDays(today, -c.daysAgo), today);
    case 'activate':
      return activate(d, addDays(today, c.inDays), today);
    case 'extend':
      return extend(d, c.months, today, calendar);
    case 'close':
      return closePositively(d, today, { visits: [finalEvaluationOf(d.id, today, { seriousDefects: c.defects, supportWorkerPresent: c.present })], calendar });
    case 'stop':
      return stop(d, today, 'reden');
    case 'request':
      return requestTransfer(d, c.to, { partnerId: resolve(d, c.by), userId: `user-${c.by}` }, 'reden', today);
    case 'accept':
      return acceptTransfer(d, resolve(d, c.by), today);
    case 'reject':
      return rejectTransfer(d, resolve(d, c.by), today, 'geen plaats');
  }
}

/** Runs the commands, skipping refused ones; calls `check(before, after)` after each. */
type Start = 'candidacy' | 'signed' | 'active';
const start = fc.constantFrom<Start>('candidacy', 'signed', 'active');
const commands = fc.array(command, { maxLength: 40, size: 'medium' });

function initial(from: Start, today: IsoDate): Dossier {
  const fresh = createCandidacy(input(), today);
  if (from === 'candidacy') return fresh;
  const signed = SIGNATORIES.reduce((d, s) => recordSignature(d, s, today, today), fresh);
  return from === 'signed' ? signed : activate(signed, today, today);
}

function run(from: Start, commands: Command[], check: (before: Dossier, after: Dossier, c: Command, today: IsoDate) => void): void {
  let today = '2025-01-06';
  let d = deepFreeze(initial(from, today));
  for (const c of commands) {
    if (c.kind === 'advance') today = addDays(today, c.days);
    let next = d;
    try {
      next = deepFreeze(apply(d, c, today));
    } catch (e) {
      if (!(e instanceof DomainError)) throw e; // a TypeError here would be a mutation of a frozen dossier
    }
    check(d, next, c, today);
    d = next;
  }
}

describe('trajectory invariants (model-based)', () => {
  it('R6: a trajectory always has one responsible partner, never a former one, and at most one open request', () => {
    fc.assert(
      fc.property(start, commands, (from, cs) =>
        run(from, cs, (before, after) => {
          expect(PARTNERS).toContain(after.supportingPartnerId);
          expect(after.formerPartnerIds).not.toContain(after.supportingPartnerId);
          expect(new Set(after.formerPartnerIds).size).toBe(after.formerPartnerIds.length);
          expect(after.transfers.filter((t) => t.status === 'requested').length).toBeLessThanOrEqual(1);
          // history only grows, and who handed over to whom never changes
          expect(after.transfers.length).toBeGreaterThanOrEqual(before.transfers.length);
          before.transfers.forEach((t, i) => expect(after.transfers[i]).toMatchObject({ fromPartnerId: t.fromPartnerId, toPartnerId: t.toPartnerId }));
          const lastAccepted = [...after.transfers].reverse().find((t) => t.status === 'accepted');
          expect(after.supportingPartnerId).toBe(lastAccepted?.toPartnerId ?? SUPPORTING);
        }),
      ),
    );
  });

  it('R1, R19, R20: status, signatures, lease start and extensions stay consistent', () => {
    fc.assert(
      fc.property(start, commands, (from, cs) =>
        run(from, cs, (before, after) => {
          if (after.status !== 'candidacy' && after.leaseStart) {
            expect(missingSignatures(after)).toEqual([]);
          }
          if (['active', 'extended', 'closed-positive'].includes(after.status)) expect(after.leaseStart).toBeDefined();
          if (after.status === 'active') expect(after.extensions).toEqual([]);
          if (after.status === 'extended') expect(after.extensions.length).toBeGreaterThan(0);
          for (const e of after.extensions) expect(e.months > 0 && e.months % 3 === 0).toBe(true);
          if (after.status === 'closed-positive' || after.status === 'stopped') expect(after.closedOn).toBeDefined();
          // a closed trajectory never changes again
          if (before.status === 'closed-positive' || before.status === 'stopped') expect(after).toBe(before);
        }),
      ),
    );
  });

  it('allowedSteps agrees with what the transitions accept', () => {
    const attempt = (fn: () => unknown): boolean => {
      try {
        fn();
        return true;
      } catch (e) {
        if (e instanceof DomainError) return false;
        throw e;
      }
    };
    fc.assert(
      fc.property(start, commands, (from, cs) =>
        run(from, cs, (_before, d, _c, today) => {
          const steps = allowedSteps(d);
          const open = openTransfer(d);
          // After any lease start, extension decision, 10-month consultation and round start (R2, R19).
          const end = plannedEnd(d);
          const later = end && end > addDays(today, 400) ? end : addDays(today, 400);
          expect(steps.includes('sign')).toBe(SIGNATORIES.some((s) => attempt(() => recordSignature(d, s, today, today)) && !d.signatures[s]));
          expect(steps.includes('activate')).toBe(attempt(() => activate(d, today, today)));
          expect(steps.includes('extend')).toBe(attempt(() => extend(d, 3, later, calendar)));
          expect(steps.includes('close-positively')).toBe(attempt(() => closePositively(d, later, afterGoodFinal(d, later))));
          expect(steps.includes('stop')).toBe(attempt(() => stop(d, later, 'reden')));
          const to = PARTNERS.find((p) => p !== d.supportingPartnerId) as string;
          expect(steps.includes('request-transfer')).toBe(
            attempt(() => requestTransfer(d, to, { partnerId: d.supportingPartnerId, userId: 'u' }, 'reden', later)),
          );
          expect(steps.includes('decide-transfer')).toBe(open !== undefined && attempt(() => rejectTransfer(d, open.toPartnerId, later, 'geen plaats')));
        }),
      ),
    );
  });
});
