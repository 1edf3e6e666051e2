import fc from 'fast-check';
import { addDays, dayOfWeek, daysInMonth, formatIsoDate } from '../../../shared/rules/dates';
import {
  checkInformationAnswerAllowed,
  checkInformationRequestAllowed,
  CONSENT_SCOPE_MAX_LENGTH,
  decideSignal,
  hasValidConsent,
  informationRequestReminderDate,
  informationRequestReminderDue,
  recordConsent,
  SIGNAL_CATEGORIES,
  withdrawConsent,
} from '../../../shared/rules/information';
import type { Consent, Dossier, IsoDate, SignalCategory, TrajectoryStatus } from '../../../shared/rules/types';
import { activeDossier, candidacy, deepFreeze, domainErrorOf } from './dossier-fixtures';

const consent = (c: Partial<Consent> = {}): Consent => ({ givenOn: '2025-01-20', scope: 'Begeleiding wonen', ...c });
const withConsent = (c: Partial<Consent> = {}, overrides: Partial<Dossier> = {}) => activeDossier({ consent: consent(c), ...overrides });

const STATUSES: TrajectoryStatus[] = ['candidacy', 'active', 'extended', 'closed-positive', 'stopped'];
const NON_SAFETY = SIGNAL_CATEGORIES.filter((c) => c !== 'safety');

/** A fake calendar: weekends and listed holidays are not working days. */
const HOLIDAYS = new Set(['2025-04-21', '2025-05-01', '2025-05-29', '2025-12-25']);
const isWorkingDay = (date: IsoDate) => dayOfWeek(date) <= 5 && !HOLIDAYS.has(date);

describe('hasValidConsent (R7)', () => {
  it.each<[string, Consent | undefined, IsoDate, boolean]>([
    ['no consent recorded', undefined, '2025-03-01', false],
    ['before it was given', consent(), '2025-01-19', false],
    ['on the day it was given', consent(), '2025-01-20', true],
    ['later, not withdrawn', consent(), '2030-01-01', true],
    ['the day before withdrawal', consent({ withdrawnOn: '2025-06-01' }), '2025-05-31', true],
    ['on the day of withdrawal', consent({ withdrawnOn: '2025-06-01' }), '2025-06-01', false],
    ['after withdrawal', consent({ withdrawnOn: '2025-06-01' }), '2025-07-01', false],
  ])('R7: %s -> %s', (_what, c, on, expected) => {
    expect(hasValidConsent(activeDossier({ consent: c }), on)).toBe(expected);
  });

  it('refuses an invalid date', () => {
    expect(domainErrorOf(() => hasValidConsent(withConsent(), '2025-13-01')).code).toBe('validation');
  });
});

describe('recordConsent (R7)', () => {
  it('R7: records date and scope on a new dossier, without touching the input', () => {
    const before = deepFreeze(candidacy());
    const after = recordConsent(before, '2025-01-20', '  Begeleiding wonen ', '2025-01-22');
    expect(after.consent).toEqual({ givenOn: '2025-01-20', scope: 'Begeleiding wonen' });
    expect(before.consent).toBeUndefined();
  });

  it('R7: recording the same consent again is a no-op', () => {
    const d = withConsent();
    expect(recordConsent(d, '2025-01-20', 'Begeleiding wonen', '2025-02-01')).toBe(d);
  });

  it('R7: a new declaration replaces the previous one', () => {
    const after = recordConsent(withConsent(), '2025-03-01', 'Ruimere toestemming', '2025-03-01');
    expect(after.consent).toEqual({ givenOn: '2025-03-01', scope: 'Ruimere toestemming' });
  });

  it('R7: after a withdrawal a new consent can be given, not dated before the withdrawal', () => {
    const withdrawn = withConsent({ withdrawnOn: '2025-06-01' });
    expect(recordConsent(withdrawn, '2025-06-01', 'Opnieuw', '2025-06-10').consent).toEqual({ givenOn: '2025-06-01', scope: 'Opnieuw' });
    const error = domainErrorOf(() => recordConsent(withdrawn, '2025-05-31', 'Opnieuw', '2025-06-10'));
    expect(error.code).toBe('validation');
    expect(error.message).toContain('01/06/2025');
  });

  it('R7: re-recording the withdrawn consent as it was is a new consent, not a no-op', () => {
    const withdrawn = withConsent({ withdrawnOn: '2025-06-01' });
    expect(domainErrorOf(() => recordConsent(withdrawn, '2025-01-20', 'Begeleiding wonen', '2025-06-10')).code).toBe('validation');
  });

  it.each([
    ['an empty scope', ' ', /Vul in waarvoor/],
    ['a too long scope', 'x'.repeat(CONSENT_SCOPE_MAX_LENGTH + 1), /te lang/],
    ['control characters', 'scope\u0000', /stuurteken of een teken dat de schrijfrichting omkeert/],
  ])('R7: refuses %s', (_what, scope, message) => {
    const error = domainErrorOf(() => recordConsent(candidacy(), '2025-01-20', scope, '2025-01-22'));
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(message);
  });

  it('R7: refuses a consent dated after today', () => {
    expect(domainErrorOf(() => recordConsent(candidacy(), '2025-01-23', 'scope', '2025-01-22')).code).toBe('validation');
  });

  it.each<TrajectoryStatus>(['closed-positive', 'stopped'])('R7: refuses a new consent on a %s trajectory', (status) => {
    expect(domainErrorOf(() => recordConsent(activeDossier({ status }), '2025-01-20', 'scope', '2025-01-22')).code).toBe('conflict');
  });
});

describe('withdrawConsent (R7)', () => {
  it('R7: records the withdrawal; from that day the consent no longer holds', () => {
    const before = deepFreeze(withConsent());
    const after = withdrawConsent(before, '2025-06-01', '2025-06-01');
    expect(after.consent).toEqual({ ...consent(), withdrawnOn: '2025-06-01' });
    expect(hasValidConsent(after, '2025-05-31')).toBe(true);
    expect(hasValidConsent(after, '2025-06-01')).toBe(false);
    expect(before.consent?.withdrawnOn).toBeUndefined();
  });

  it.each(STATUSES)('R7: a tenant can withdraw consent whatever the status (%s)', (status) => {
    expect(withdrawConsent(withConsent({}, { status }), '2025-06-01', '2025-06-01').consent?.withdrawnOn).toBe('2025-06-01');
  });

  it('R7: withdrawing again on the same date is a no-op; on another date a conflict', () => {
    const withdrawn = withConsent({ withdrawnOn: '2025-06-01' });
    expect(withdrawConsent(withdrawn, '2025-06-01', '2025-07-01')).toBe(withdrawn);
    expect(domainErrorOf(() => withdrawConsent(withdrawn, '2025-06-02', '2025-07-01')).code).toBe('conflict');
  });

  it.each<[string, Dossier, IsoDate, IsoDate, string]>([
    ['without a consent', activeDossier(), '2025-06-01', '2025-06-01', 'conflict'],
    ['before the consent was given', withConsent(), '2025-01-19', '2025-06-01', 'validation'],
    ['in the future', withConsent(), '2025-06-02', '2025-06-01', 'validation'],
  ])('R7: refuses a withdrawal %s', (_what, d, withdrawnOn, today, code) => {
    expect(domainErrorOf(() => withdrawConsent(d, withdrawnOn, today)).code).toBe(code);
  });
});

describe('decideSignal (R7, R8, R9)', () => {
  it.each(NON_SAFETY)('R7/R8: passes on a %s signal on the basis of consent', (category) => {
    expect(decideSignal(withConsent(), category, '2025-03-01')).toEqual({ allowed: true, basis: 'consent', urgent: false });
  });

  it.each(NON_SAFETY)('R7: refuses a %s signal without consent and says why, pointing to the safety route', (category) => {
    const error = domainErrorOf(() => decideSignal(activeDossier(), category, '2025-03-01'));
    expect(error.code).toBe('forbidden');
    expect(error.message).toContain('geen geldige toestemmingsverklaring');
    expect(error.message).toContain('veiligheidssignaal');
    expect(error.details).toEqual({ reason: 'no-consent' });
  });

  it('R7: refuses a signal after the consent was withdrawn', () => {
    expect(domainErrorOf(() => decideSignal(withConsent({ withdrawnOn: '2025-03-01' }), 'aggression', '2025-03-01')).code).toBe('forbidden');
  });

  it('R9: a safety signal without consent is still passed on, marked as such and urgent', () => {
    expect(decideSignal(activeDossier(), 'safety', '2025-03-01')).toEqual({ allowed: true, basis: 'safety-without-consent', urgent: true });
  });

  it('R9: a safety signal with consent goes on the basis of consent, urgent', () => {
    expect(decideSignal(withConsent(), 'safety', '2025-03-01')).toEqual({ allowed: true, basis: 'consent', urgent: true });
  });

  it.each<TrajectoryStatus>(['closed-positive', 'stopped'])('R8: refuses an ordinary signal on a %s trajectory, even with consent', (status) => {
    expect(domainErrorOf(() => decideSignal(withConsent({}, { status }), 'liveability', '2025-03-01')).code).toBe('conflict');
  });

  it('refuses an unknown category', () => {
    expect(domainErrorOf(() => decideSignal(withConsent(), 'gossip' as SignalCategory, '2025-03-01')).code).toBe('validation');
  });

  const anyConsent = fc.option(
    fc.record({
      givenOn: fc.integer({ min: 0, max: 400 }).map((n) => addDays('2024-06-01', n)),
      scope: fc.constant('scope'),
      withdrawnOn: fc.option(fc.integer({ min: 0, max: 800 }).map((n) => addDays('2024-06-01', n)), { nil: undefined }),
    }),
    { nil: undefined },
  );
  const anyDay = fc.integer({ min: 0, max: 900 }).map((n) => addDays('2024-06-01', n));

  it('R9: a safety signal is never blocked, whatever the consent, status or date', () => {
    fc.assert(
      fc.property(anyConsent, fc.constantFrom(...STATUSES), anyDay, (c, status, on) => {
        const decision = decideSignal(activeDossier({ consent: c, status }), 'safety', on);
        expect(decision.allowed).toBe(true);
        expect(decision.urgent).toBe(true);
        expect(decision.basis).toBe(hasValidConsent(activeDossier({ consent: c }), on) ? 'consent' : 'safety-without-consent');
      }),
    );
  });

  it('R7: any other signal passes exactly when consent holds on that day and the trajectory is open', () => {
    fc.assert(
      fc.property(anyConsent, fc.constantFrom(...STATUSES), anyDay, fc.constantFrom(...NON_SAFETY), (c, status, on, category) => {
        const d = activeDossier({ consent: c, status });
        const open = !['closed-positive', 'stopped'].includes(status);
        let passed = false;
        try {
          passed = decideSignal(d, category, on).basis === 'consent';
        } catch {
          passed = false;
        }
        expect(passed).toBe(open && hasValidConsent(d, on));
      }),
    );
  });
});

describe('information requests (R7, R10)', () => {
  it('R7/R10: the landlord may ask for information on the basis of consent', () => {
    expect(checkInformationRequestAllowed(withConsent(), '2025-03-01')).toEqual({ allowed: true, basis: 'consent' });
    expect(checkInformationRequestAllowed(withConsent({}, { status: 'candidacy' }), '2025-03-01').allowed).toBe(true);
  });

  it('R7: refuses an information request without consent and says why', () => {
    const error = domainErrorOf(() => checkInformationRequestAllowed(activeDossier(), '2025-03-01'));
    expect(error.code).toBe('forbidden');
    expect(error.message).toBe(
      'Deze informatievraag kan niet verstuurd worden: er is geen geldige toestemmingsverklaring van de huurder om informatie te delen.',
    );
  });

  it('R7: refuses an information request about a closed trajectory', () => {
    expect(domainErrorOf(() => checkInformationRequestAllowed(withConsent({}, { status: 'stopped' }), '2025-03-01')).code).toBe('conflict');
  });

  it('R7: an answer needs consent in force on the day it is given', () => {
    const d = withConsent({ withdrawnOn: '2025-03-05' });
    expect(checkInformationAnswerAllowed(d, '2025-03-04')).toEqual({ allowed: true, basis: 'consent' });
    const error = domainErrorOf(() => checkInformationAnswerAllowed(d, '2025-03-05'));
    expect(error.code).toBe('forbidden');
    expect(error.message).toContain('Dit antwoord kan niet doorgegeven worden');
  });
});

describe('information request reminder (R10)', () => {
  it.each<[string, IsoDate, IsoDate]>([
    ['asked on a Monday: reminded the next Monday', '2025-03-03', '2025-03-10'],
    ['asked on a Friday: reminded the next Friday', '2025-03-07', '2025-03-14'],
    ['asked on a Saturday: the weekend does not count', '2025-03-08', '2025-03-14'],
    ['asked on a Sunday', '2025-03-09', '2025-03-14'],
    ['Easter Monday (holiday) does not count', '2025-04-17', '2025-04-25'],
    ['1 May (holiday) does not count', '2025-04-28', '2025-05-06'],
    ['Ascension (Thursday) does not count', '2025-05-26', '2025-06-03'],
    ['Christmas does not count', '2025-12-22', '2025-12-30'],
  ])('R10: %s (%s -> %s)', (_what, askedOn, expected) => {
    expect(informationRequestReminderDate(askedOn, isWorkingDay)).toBe(expected);
    expect(informationRequestReminderDue(askedOn, false, addDays(expected, -1), isWorkingDay)).toBe(false);
    expect(informationRequestReminderDue(askedOn, false, expected, isWorkingDay)).toBe(true);
    expect(informationRequestReminderDue(askedOn, false, addDays(expected, 10), isWorkingDay)).toBe(true);
  });

  it('R10: an answered request is never reminded', () => {
    expect(informationRequestReminderDue('2025-03-03', true, '2025-03-10', isWorkingDay)).toBe(false);
    expect(informationRequestReminderDue('2025-03-03', true, '2026-03-10', isWorkingDay)).toBe(false);
  });

  it('R10: the reminder falls on a working day with exactly 5 working days since the question', () => {
    const day = fc
      .record({ year: fc.integer({ min: 2024, max: 2030 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
      .map(({ year, month, day }) => formatIsoDate({ year, month, day: Math.min(day, daysInMonth(year, month)) }));
    fc.assert(
      fc.property(day, (askedOn) => {
        const reminder = informationRequestReminderDate(askedOn, isWorkingDay);
        expect(isWorkingDay(reminder)).toBe(true);
        let working = 0;
        for (let d = addDays(askedOn, 1); d <= reminder; d = addDays(d, 1)) if (isWorkingDay(d)) working++;
        expect(working).toBe(5);
      }),
    );
  });

  it('stops with an error instead of looping on a calendar without working days', () => {
    expect(() => informationRequestReminderDate('2025-03-03', () => false)).toThrow(RangeError);
  });

  it('refuses invalid dates', () => {
    expect(domainErrorOf(() => informationRequestReminderDue('2025-02-30', false, '2025-03-10', isWorkingDay)).code).toBe('validation');
    expect(domainErrorOf(() => informationRequestReminderDue('2025-03-03', true, 'today', isWorkingDay)).code).toBe('validation');
  });
});
