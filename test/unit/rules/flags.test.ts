import fc from 'fast-check';
import { dossierNotFound } from '../../../shared/rules/access';
import { flagDeadlinePassed, monthCalendar, nextOpenConsultation } from '../../../shared/rules/calendar';
import { DomainError } from '../../../shared/rules/errors';
import {
  decideFlag,
  decideWithdrawFlag,
  FLAG_MONTHS_AHEAD,
  flagMonthAt,
  normaliseProblem,
  PROBLEM_MAX_LENGTH,
  type FlagRequest,
  type WithdrawFlagRequest,
} from '../../../shared/rules/flags';
import type { Dossier, Flag } from '../../../shared/rules/types';
import { domainErrorOf, OTHER_PARTNER, REGISTERING, runningDossier, SUPPORTING } from './dossier-fixtures';

const config = { closingDays: [] as string[] };
const PARTNER = SUPPORTING;
const PROBLEM = 'Huur al twee maanden niet betaald.';

/** The shared running dossier, its support worker without e-mail. */
const dossier = (overrides: Partial<Dossier> = {}): Dossier => runningDossier({ supportWorker: { name: 'Bart Claes' }, ...overrides });

function request(overrides: Partial<FlagRequest> = {}): FlagRequest {
  return {
    dossier: dossier(),
    partnerId: PARTNER,
    month: '2025-12',
    problem: PROBLEM,
    flaggedBy: 'user-1',
    source: 'teams',
    now: '2025-12-19T10:00:00+01:00',
    existingFlags: [],
    ...overrides,
  };
}

function existingFlag(overrides: Partial<Flag> = {}): Flag {
  return {
    dossierId: 'd-1',
    partnerId: PARTNER,
    month: '2025-12',
    problem: 'Overlast bij de buren.',
    flaggedBy: 'user-2',
    flaggedAt: '2025-12-18T11:00:00+01:00',
    source: 'outlook',
    ...overrides,
  };
}

function withdrawal(overrides: Partial<WithdrawFlagRequest> = {}): WithdrawFlagRequest {
  return { dossier: dossier(), partnerId: PARTNER, month: '2025-12', withdrawnBy: 'partner', now: '2025-12-22T10:00:00+01:00', existingFlags: [existingFlag()], ...overrides };
}

describe('R15: flagging a dossier until 00:00 on the meeting day', () => {
  it('R15/R13b: a partner flags a dossier it supports, with a trimmed problem statement', () => {
    const decision = decideFlag(request({ problem: `  ${PROBLEM}  ` }), config);
    expect(decision).toEqual({
      outcome: 'created',
      flag: { dossierId: 'd-1', partnerId: PARTNER, month: '2025-12', problem: PROBLEM, flaggedBy: 'user-1', flaggedAt: '2025-12-19T10:00:00+01:00', source: 'teams' },
    });
  });

  it('R15: the registering partner may flag the dossier for its own consultation', () => {
    expect(decideFlag(request({ partnerId: REGISTERING }), config).flag.partnerId).toBe(REGISTERING);
  });

  it('R15: the landlord can flag a dossier for the partner\'s consultation', () => {
    expect(decideFlag(request({ source: 'landlord', flaggedBy: 'coordinator-1' }), config).flag).toMatchObject({ source: 'landlord', partnerId: PARTNER });
  });

  it('R15/R-H: December 2025 (meeting moved to 24/12): one second before the deadline is accepted', () => {
    expect(decideFlag(request({ now: '2025-12-23T23:59:59+01:00' }), config).outcome).toBe('created');
    expect(decideFlag(request({ now: '2025-12-23T22:59:59Z' }), config).outcome).toBe('created');
  });

  it('R15/R-H: December 2025: at 00:00 on 24/12 it is refused with the date of the next consultation', () => {
    const error = domainErrorOf(() => decideFlag(request({ now: '2025-12-24T00:00:00+01:00' }), config));
    expect(error.code).toBe('deadline-passed');
    expect(error.details).toEqual({ nextConsultation: '2026-01-29' });
    expect(error.message).toBe(
      'Agenderen voor het structureel overleg van 24/12/2025 kon tot en met 23/12/2025. Je kan het dossier agenderen voor het volgende overleg, op 29/01/2026.',
    );
    expect(domainErrorOf(() => decideFlag(request({ now: '2025-12-23T23:00:00Z' }), config)).code).toBe('deadline-passed');
  });

  it('R15: in summer time the deadline is 22:00 UTC the day before', () => {
    const june = request({ month: '2026-06' });
    expect(decideFlag({ ...june, now: '2026-06-24T21:59:59Z' }, config).outcome).toBe('created');
    expect(domainErrorOf(() => decideFlag({ ...june, now: '2026-06-24T22:00:00Z' }, config)).details).toEqual({ nextConsultation: '2026-07-30' });
  });

  it('R15: a flag for a month long past names the next open consultation, not the month after', () => {
    const error = domainErrorOf(() => decideFlag(request({ month: '2025-09', now: '2025-12-24T10:00:00+01:00' }), config));
    expect(error.details).toEqual({ nextConsultation: '2026-01-29' });
  });

  it('R15: for a meeting that is over (from 00:00 the day after, Brussels), the reason is that it is over, not a deadline', () => {
    // December 2025 met on 24/12: on that day the deadline message, from 25/12 00:00 Brussels (24/12 23:00 UTC) "voorbij".
    expect(domainErrorOf(() => decideFlag(request({ now: '2025-12-24T23:59:59+01:00' }), config)).message).toMatch(/^Agenderen voor het structureel overleg van 24\/12\/2025 kon tot en met/);
    const error = domainErrorOf(() => decideFlag(request({ now: '2025-12-24T23:00:00Z' }), config));
    expect(error.code).toBe('deadline-passed');
    expect(error.details).toEqual({ nextConsultation: '2026-01-29' });
    expect(error.message).toBe(
      'Het structureel overleg van 24/12/2025 is voorbij: daarvoor kan je niet meer agenderen. Je kan het dossier agenderen voor het volgende overleg, op 29/01/2026.',
    );
    // A month long past, too.
    expect(domainErrorOf(() => decideFlag(request({ month: '2025-09', now: '2025-12-24T10:00:00+01:00' }), config)).message).toMatch(/^Het structureel overleg van 25\/09\/2025 is voorbij/);
  });

  it('R15: without a month, the flag is for the next open consultation', () => {
    expect(decideFlag(request({ month: undefined, now: '2025-12-23T23:59:59+01:00' }), config).flag.month).toBe('2025-12');
    expect(decideFlag(request({ month: undefined, now: '2025-12-24T00:00:00+01:00' }), config).flag.month).toBe('2026-01');
    expect(flagMonthAt('2025-12-31T23:30:00+01:00', config)).toBe('2026-01');
  });

  it('R15 [product]: a month further ahead than the next open consultation + FLAG_MONTHS_AHEAD is refused', () => {
    expect(FLAG_MONTHS_AHEAD).toBe(2);
    expect(decideFlag(request({ month: '2026-02' }), config).outcome).toBe('created');
    const error = domainErrorOf(() => decideFlag(request({ month: '2026-03' }), config));
    expect(error.code).toBe('validation');
    expect(error.message).toContain('26/02/2026');
  });

  it('refuses an invalid month', () => {
    expect(domainErrorOf(() => decideFlag(request({ month: '2025-13' }), config)).message).toMatch(/Ongeldige maand/);
  });

  it('refuses a moment without an offset', () => {
    expect(domainErrorOf(() => decideFlag(request({ now: '2025-12-19T10:00:00' }), config)).message).toMatch(/Ongeldig tijdstip/);
  });
});

describe('R15: flagging twice is idempotent', () => {
  it('R15: a second flag of the same dossier for the same month returns the existing flag unchanged, whatever its text', () => {
    const existing = existingFlag();
    for (const problem of [existing.problem, 'Een andere omschrijving.']) {
      const decision = decideFlag(request({ problem, existingFlags: [existing] }), config);
      expect(decision.outcome).toBe('already-flagged');
      expect(decision.flag).toBe(existing);
    }
  });

  it('R15: a retry after the deadline of a flag that was accepted answers "already flagged"', () => {
    const decision = decideFlag(request({ now: '2025-12-24T09:00:00+01:00', existingFlags: [existingFlag()] }), config);
    expect(decision.outcome).toBe('already-flagged');
  });

  it('R15: a withdrawn flag is replaced by a new one', () => {
    const decision = decideFlag(request({ existingFlags: [existingFlag({ withdrawnAt: '2025-12-18T12:00:00+01:00' })] }), config);
    expect(decision).toMatchObject({ outcome: 'created', flag: { problem: PROBLEM, flaggedBy: 'user-1' } });
    expect(decision.flag).not.toHaveProperty('withdrawnAt');
  });

  it('R15: flags of other dossiers, months or partners do not count', () => {
    const others = [existingFlag({ dossierId: 'd-2' }), existingFlag({ month: '2026-01' }), existingFlag({ partnerId: REGISTERING })];
    expect(decideFlag(request({ existingFlags: others }), config).outcome).toBe('created');
  });
});

describe('R13b: the problem statement', () => {
  it.each([
    ['an empty statement', '', /Beschrijf kort het concrete probleem/],
    ['only white space', '   \n\t ', /Beschrijf kort het concrete probleem/],
    ['501 characters', 'x'.repeat(PROBLEM_MAX_LENGTH + 1), /te lang \(hoogstens 500 tekens\)/],
    ['a NUL character', 'Overlast\u0000', /stuurteken of een teken dat de schrijfrichting omkeert/],
    ['a bell character', 'Overlast \u0007 bel', /stuurteken of een teken dat de schrijfrichting omkeert/],
    ['a C1 control character', 'Overlast \u0085', /stuurteken of een teken dat de schrijfrichting omkeert/],
    ['a right-to-left override', 'Overlast \u202e tekst', /stuurteken of een teken dat de schrijfrichting omkeert/],
  ])('R13b: refuses %s', (_label, problem, message) => {
    const error = domainErrorOf(() => decideFlag(request({ problem }), config));
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(message);
    expect(error.details).toMatchObject({ fields: ['problem'] });
  });

  it('R13b: refuses a missing statement (untyped input)', () => {
    expect(domainErrorOf(() => normaliseProblem(undefined)).code).toBe('validation');
  });

  it('R13b: accepts exactly 500 characters, counted as a person counts them', () => {
    expect(PROBLEM_MAX_LENGTH).toBe(500);
    expect(normaliseProblem('x'.repeat(500))).toHaveLength(500);
    expect([...normaliseProblem('🏠'.repeat(500))]).toHaveLength(500);
    expect(() => normaliseProblem('🏠'.repeat(501))).toThrow(/te lang/);
  });

  it('R13b: line breaks and tabs become one space, the statement fits on one line', () => {
    expect(normaliseProblem(' Overlast.\r\n\r\nHuur niet betaald.\tZie mail. ')).toBe('Overlast. Huur niet betaald. Zie mail.');
  });

  it('R13b: the length is checked after trimming', () => {
    expect(normaliseProblem(`   ${'x'.repeat(500)}   `)).toHaveLength(500);
  });
});

describe('DESIGN Security: who may flag which dossier', () => {
  it.each<[string, Partial<FlagRequest>]>([
    ['a partner of neither side', { partnerId: OTHER_PARTNER }],
    ['a partner that handed the dossier over (R6)', { dossier: dossier({ supportingPartnerId: OTHER_PARTNER, formerPartnerIds: [PARTNER] }) }],
    [
      'the receiving partner before the transfer completes (R6)',
      {
        partnerId: OTHER_PARTNER,
        dossier: dossier({
          transfers: [
            { fromPartnerId: PARTNER, toPartnerId: OTHER_PARTNER, requestedOn: '2025-12-01', requestedBy: 'user-1', reason: 'capaciteit', status: 'requested' },
          ],
        }),
      },
    ],
  ])('%s gets "not found", as for a dossier that does not exist', (_label, overrides) => {
    const error = domainErrorOf(() => decideFlag(request(overrides), config));
    expect(error.code).toBe('not-found');
    expect(error.message).toBe(dossierNotFound().message);
    expect(error.details).toEqual({});
  });

  it('"not found" comes before the deadline: nothing is told about a dossier the partner may not see', () => {
    expect(domainErrorOf(() => decideFlag(request({ partnerId: OTHER_PARTNER, now: '2025-12-24T10:00:00+01:00' }), config)).code).toBe('not-found');
  });

  it.each(['closed-positive', 'stopped'] as const)('a %s dossier cannot be flagged', (status) => {
    const error = domainErrorOf(() => decideFlag(request({ dossier: dossier({ status, closedOn: '2025-12-01' }) }), config));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/afgesloten/);
  });

  it('a candidacy can be flagged', () => {
    expect(decideFlag(request({ dossier: dossier({ status: 'candidacy', leaseStart: undefined }) }), config).outcome).toBe('created');
  });
});

describe('R15: withdrawing a flag until the deadline', () => {
  it('R15: the partner withdraws its flag before the deadline', () => {
    const decision = decideWithdrawFlag(withdrawal(), config);
    expect(decision).toEqual({ outcome: 'withdrawn', flag: { ...existingFlag(), withdrawnAt: '2025-12-22T10:00:00+01:00' } });
  });

  it('R15: one second before the deadline it can still be withdrawn; at the deadline not', () => {
    expect(decideWithdrawFlag(withdrawal({ now: '2025-12-23T23:59:59+01:00' }), config).outcome).toBe('withdrawn');
    const error = domainErrorOf(() => decideWithdrawFlag(withdrawal({ now: '2025-12-24T00:00:00+01:00' }), config));
    expect(error.code).toBe('deadline-passed');
    expect(error.details).toEqual({ consultation: '2025-12-24' });
    expect(error.message).toMatch(/24\/12\/2025 is afgesloten/);
  });

  it('R15: after the meeting day, withdrawing is refused because the meeting is over (no "say it on the meeting")', () => {
    const onTheDay = domainErrorOf(() => decideWithdrawFlag(withdrawal({ now: '2025-12-24T23:59:59+01:00' }), config));
    expect(onTheDay.message).toMatch(/Laat op het overleg weten/);
    const after = domainErrorOf(() => decideWithdrawFlag(withdrawal({ now: '2025-12-25T00:00:00+01:00' }), config));
    expect(after.code).toBe('deadline-passed');
    expect(after.message).toBe('Het structureel overleg van 24/12/2025 is voorbij: de agendering kan niet meer ingetrokken worden.');
  });

  it('R15: withdrawing twice answers the first withdrawal', () => {
    const withdrawn = existingFlag({ withdrawnAt: '2025-12-20T09:00:00+01:00' });
    const decision = decideWithdrawFlag(withdrawal({ existingFlags: [withdrawn] }), config);
    expect(decision.outcome).toBe('already-withdrawn');
    expect(decision.flag).toBe(withdrawn);
  });

  it('R15: no flag to withdraw: not found', () => {
    const error = domainErrorOf(() => decideWithdrawFlag(withdrawal({ existingFlags: [] }), config));
    expect(error.code).toBe('not-found');
    expect(error.message).toContain('24/12/2025');
  });

  it('R15 [product]: a flag the landlord set is withdrawn by the landlord only', () => {
    const landlordFlag = existingFlag({ source: 'landlord', flaggedBy: 'coordinator-1' });
    expect(domainErrorOf(() => decideWithdrawFlag(withdrawal({ existingFlags: [landlordFlag] }), config)).code).toBe('forbidden');
    expect(decideWithdrawFlag(withdrawal({ existingFlags: [landlordFlag], withdrawnBy: 'landlord' }), config).outcome).toBe('withdrawn');
  });

  it('DESIGN Security: a partner that may not see the dossier gets "not found"', () => {
    expect(domainErrorOf(() => decideWithdrawFlag(withdrawal({ partnerId: OTHER_PARTNER }), config)).code).toBe('not-found');
  });
});

describe('purity', () => {
  it('changes none of its inputs', () => {
    const flagRequest = request({ existingFlags: [existingFlag({ withdrawnAt: '2025-12-18T12:00:00+01:00' })] });
    const withdrawRequest = withdrawal();
    const before = JSON.stringify([flagRequest, withdrawRequest]);
    decideFlag(flagRequest, config);
    decideWithdrawFlag(withdrawRequest, config);
    expect(JSON.stringify([flagRequest, withdrawRequest])).toBe(before);
  });
});

describe('properties', () => {
  const BASE_MS = Date.parse('2025-01-01T00:00:00Z');
  const instant = fc.integer({ min: 0, max: 2 * 365 * 24 * 3600 }).map((s) => new Date(BASE_MS + s * 1000).toISOString());
  const month = fc.record({ year: fc.constantFrom(2025, 2026), m: fc.integer({ min: 1, max: 12 }) }).map(({ year, m }) => `${year}-${String(m).padStart(2, '0')}`);

  it('R15: a flag without a month is always accepted, for a consultation whose deadline is still ahead', () => {
    fc.assert(
      fc.property(instant, (now) => {
        const decision = decideFlag(request({ month: undefined, now }), config);
        expect(decision.outcome).toBe('created');
        expect(flagDeadlinePassed(monthCalendar(decision.flag.month, config), now)).toBe(false);
        expect(decision.flag.month).toBe(nextOpenConsultation(now, config).month);
      }),
    );
  });

  it('R15: a flag is refused as "deadline-passed" exactly when the deadline of its month has passed', () => {
    fc.assert(
      fc.property(instant, month, (now, m) => {
        const passed = flagDeadlinePassed(monthCalendar(m, config), now);
        let code: string | undefined;
        try {
          decideFlag(request({ month: m, now }), config);
        } catch (e) {
          code = (e as DomainError).code;
        }
        if (passed) expect(code).toBe('deadline-passed');
        else expect(code === undefined || code === 'validation').toBe(true); // validation: too far ahead
      }),
    );
  });

  it('R13b: every accepted statement is trimmed, at most 500 characters, without control characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 600 }), (problem) => {
        let text: string;
        try {
          text = normaliseProblem(problem);
        } catch (e) {
          expect((e as DomainError).code).toBe('validation');
          return;
        }
        expect(text).toBe(text.trim());
        expect(text).not.toBe('');
        expect([...text].length).toBeLessThanOrEqual(PROBLEM_MAX_LENGTH);
        expect(text).not.toMatch(/\p{Cc}/u);
      }),
    );
  });
});

describe('R-H: no flag for a cancelled month', () => {
  const august = { closingDays: Array.from({ length: 31 }, (_, i) => `2027-08-${String(i + 1).padStart(2, '0')}`) };

  it('R-H: a flag for August 2027 (closed all month) is refused with the reason; without a month it goes to September', () => {
    const error = domainErrorOf(() => decideFlag(request({ month: '2027-08', now: '2027-07-10T10:00:00+02:00' }), august));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('Het overleg van augustus 2027 vervalt');
    expect(error.message).toContain('De dossiers gaan naar het overleg van 30/09/2027.');
    expect(decideFlag(request({ month: undefined, now: '2027-07-29T10:00:00+02:00' }), august).flag.month).toBe('2027-09');
  });
});
