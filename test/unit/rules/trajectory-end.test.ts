import fc from 'fast-check';
import { addDays, addMonths } from '../../../shared/rules/dates';
import { closePositively, extend, plannedEnd, stop } from '../../../shared/rules/trajectory';
import {
  assertConsultationDecision,
  earliestExtensionDecision,
  finalEvaluationRoundStart,
  pendingExtension,
  positiveEndProblem,
} from '../../../shared/rules/trajectory-end';
import type { Dossier, HomePart, IsoDate, Visit } from '../../../shared/rules/types';
import { finalEvaluationOf } from '../../support/dossiers';
import { activeDossier, domainErrorOf } from './dossier-fixtures';

const calendar = { closingDays: [] };
const ALL_PARTS: HomePart[] = ['house', 'garden', 'terrace', 'garage'];

const finalEvaluation = (heldOn: IsoDate, overrides: Partial<Visit> = {}): Visit => finalEvaluationOf('d-1', heldOn, overrides);

const close = (d: Dossier, date: IsoDate, visits: Visit[]) => closePositively(d, date, { visits, calendar });

// Lease start 01/02/2025: planned end 01/02/2026, the 10-month evaluation is due 01/12/2025 and
// belongs to December's consultation, moved from 25/12/2025 (Christmas) to 24/12/2025.
const lease = activeDossier();

describe('R2, R19: a trajectory ends positively only after its final evaluation', () => {
  it.each([
    ['one day after the lease start', '2025-02-02'],
    ['one month after the lease start', '2025-03-01'],
    ['at the 10-month consultation', '2025-12-24'],
    ['on the planned end itself', '2026-02-01'],
  ])('R2: without a final evaluation it cannot end positively %s', (_when, date) => {
    const error = domainErrorOf(() => close(lease, date, []));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe(
      'Het traject kan nog niet positief afgerond worden: dat kan pas na de eindevaluatie aan huis, met de woonbegeleider erbij en de hele woning bekeken (ook tuin, terras en garage). Die eindevaluatie valt ten vroegste op 01/01/2026.',
    );
  });

  it('R19: after the final evaluation at home, with the worker and the whole home, without serious defects, it ends positively', () => {
    expect(close(lease, '2026-02-03', [finalEvaluation('2026-01-29')])).toMatchObject({ status: 'closed-positive', closedOn: '2026-02-03' });
    // On the day of the final evaluation itself, too.
    expect(close(lease, '2026-01-29', [finalEvaluation('2026-01-29')]).status).toBe('closed-positive');
  });

  it('R19: a final evaluation held after the closing date does not count yet', () => {
    expect(domainErrorOf(() => close(lease, '2026-01-28', [finalEvaluation('2026-01-29')])).message).toContain('ten vroegste op 01/01/2026');
  });

  it('R19: a final evaluation without the support worker counts as a visit only: a new one must be planned', () => {
    for (const present of [false, undefined]) {
      const visit = finalEvaluation('2026-01-29', present === undefined ? {} : { supportWorkerPresent: present });
      if (present === undefined) delete visit.supportWorkerPresent;
      const error = domainErrorOf(() => close(lease, '2026-02-03', [visit]));
      expect(error.message).toBe(
        'Het traject kan nog niet positief afgerond worden: bij het bezoek van 29/01/2026 was de woonbegeleider niet aanwezig, dus dat telt niet als eindevaluatie. Plan een nieuwe eindevaluatie met de woonbegeleider erbij.',
      );
    }
  });

  it('R19: the whole home must be inspected, garden, terrace and garage included', () => {
    const partial = finalEvaluation('2026-01-29', { findings: [{ part: 'house', ok: true }, { part: 'terrace', ok: true }] });
    const error = domainErrorOf(() => close(lease, '2026-02-03', [partial]));
    expect(error.message).toBe(
      'Het traject kan nog niet positief afgerond worden: bij de eindevaluatie van 29/01/2026 werd niet de hele woning bekeken (geen bevinding voor de tuin en de garage). Vul de bevindingen van die eindevaluatie aan.',
    );
  });

  it('R19: a final evaluation held too early (before a month ahead of the planned end) does not count', () => {
    expect(finalEvaluationRoundStart(lease)).toBe('2026-01-01');
    expect(domainErrorOf(() => close(lease, '2026-02-03', [finalEvaluation('2025-12-31')])).message).toContain('ten vroegste op 01/01/2026');
    expect(close(lease, '2026-02-03', [finalEvaluation('2026-01-01')]).status).toBe('closed-positive');
  });

  it('R19: end of month: a lease from 31/01 has its round from 31/12 (the planned end is 31/01 of the next year)', () => {
    const d = activeDossier({ leaseStart: '2025-01-31' });
    expect(plannedEnd(d)).toBe('2026-01-31');
    expect(finalEvaluationRoundStart(d)).toBe('2025-12-31');
    expect(domainErrorOf(() => close(d, '2026-02-02', [finalEvaluation('2025-12-30')])).code).toBe('conflict');
    expect(close(d, '2026-02-02', [finalEvaluation('2025-12-31')]).status).toBe('closed-positive');
  });

  it("R19: only this dossier's visits count", () => {
    expect(domainErrorOf(() => close(lease, '2026-02-03', [finalEvaluation('2026-01-29', { dossierId: 'd-2' })])).code).toBe('conflict');
  });
});

describe('R19: serious defects at the final evaluation', () => {
  const defects = finalEvaluation('2026-01-15', { seriousDefects: true, findings: ALL_PARTS.map((part) => ({ part, ok: part !== 'garage' })) });

  it('R19: support continues until the next consultation, which decides the extension; a positive end is refused with that reason', () => {
    const error = domainErrorOf(() => close(lease, '2026-02-03', [defects]));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe(
      'Het traject kan niet positief afgerond worden: bij de eindevaluatie van 15/01/2026 werden ernstige gebreken vastgesteld. De begeleiding loopt door tot het structureel overleg van 29/01/2026, dat beslist hoe lang ze verlengd wordt.',
    );
  });

  it('R19: a final evaluation on a meeting day comes after that day\'s consultation: the next one is next month\'s', () => {
    // 29/01/2026 is January's consultation (last Thursday).
    const onMeetingDay = finalEvaluation('2026-01-29', { seriousDefects: true });
    expect(pendingExtension(lease, [onMeetingDay], '2026-02-27', calendar)).toEqual({
      visitId: 'final-2026-01-29',
      finalEvaluationOn: '2026-01-29',
      consultation: '2026-02-26',
    });
    // January's own consultation is not bound by it; February's is.
    expect(() => assertConsultationDecision(lease, [onMeetingDay], { kind: 'none' }, '2026-01-29', calendar)).not.toThrow();
    expect(domainErrorOf(() => assertConsultationDecision(lease, [onMeetingDay], { kind: 'none' }, '2026-02-26', calendar)).code).toBe('conflict');
  });

  it('R19: that consultation must decide an extension: a positive end or another decision is refused, an extension is taken', () => {
    const meeting = '2026-01-29';
    const end = domainErrorOf(() => assertConsultationDecision(lease, [defects], { kind: 'end-positively' }, meeting, calendar));
    expect(end.message).toBe(
      'Dossier VT-2025-014 kan op dit overleg niet positief afgerond worden: bij de eindevaluatie van 15/01/2026 werden ernstige gebreken vastgesteld. Dit overleg beslist hoe lang de begeleiding verlengd wordt: kies "verlengen" met het aantal maanden.',
    );
    for (const kind of ['none', 'start-contact-log', 'plan-extra-visit']) {
      expect(domainErrorOf(() => assertConsultationDecision(lease, [defects], { kind }, meeting, calendar)).message).toContain('moet dit overleg beslissen hoe lang');
    }
    expect(() => assertConsultationDecision(lease, [defects], { kind: 'extend' }, meeting, calendar)).not.toThrow();
    // R2: stopping early, with a reason, stays possible.
    expect(() => assertConsultationDecision(lease, [defects], { kind: 'stop' }, meeting, calendar)).not.toThrow();
    const extended = extend(lease, 3, meeting, calendar);
    expect(pendingExtension(extended, [defects], '2026-02-26', calendar)).toBeUndefined();
  });

  it('R20: after the extension the old final evaluation no longer counts: the extension ends with a new one', () => {
    const extended = extend(lease, 3, '2026-01-29', calendar);
    expect(plannedEnd(extended)).toBe('2026-05-01');
    expect(finalEvaluationRoundStart(extended)).toBe('2026-04-01');
    expect(domainErrorOf(() => close(extended, '2026-03-10', [defects])).message).toContain('ten vroegste op 01/04/2026');
    expect(close(extended, '2026-04-30', [defects, finalEvaluation('2026-04-28')]).status).toBe('closed-positive');
  });

  it('R20: an extension decided at the final evaluation itself settles it; that evaluation belongs to the previous round', () => {
    const extended = extend(lease, 6, '2026-01-15', calendar);
    expect(pendingExtension(extended, [defects], '2026-01-29', calendar)).toBeUndefined();
    expect(finalEvaluationRoundStart(extended)).toBe('2026-07-01');
  });
});

describe('R2, R11, R20: when an extension is decided', () => {
  it('R20: from the consultation of the 10-month evaluation on (24/12/2025, moved for Christmas), not before', () => {
    expect(earliestExtensionDecision(lease, calendar)).toBe('2025-12-24');
    for (const early of ['2025-02-02', '2025-03-01', '2025-12-01', '2025-12-23']) {
      const error = domainErrorOf(() => extend(lease, 3, early, calendar));
      expect(error.code).toBe('conflict');
      expect(error.message).toBe(
        'Het traject kan nog niet verlengd worden: over een verlenging wordt beslist vanaf het structureel overleg van de evaluatie na 10 maanden (24/12/2025), bij de eindevaluatie of tijdens een lopende verlenging.',
      );
    }
    expect(extend(lease, 3, '2025-12-24', calendar).status).toBe('extended');
    expect(extend(lease, 3, '2026-02-01', calendar).status).toBe('extended'); // at the final evaluation
  });

  it('R-H: a closing day that moves the 10-month consultation earlier moves the earliest decision with it', () => {
    expect(earliestExtensionDecision(lease, { closingDays: ['2025-12-24', '2025-12-23'] })).toBe('2025-12-22');
  });

  it('R20: while extended, the monthly discussion can extend again at any consultation', () => {
    const extended = extend(lease, 3, '2026-01-29', calendar);
    expect(earliestExtensionDecision(extended, calendar)).toBeUndefined();
    expect(extend(extended, 3, '2026-02-26', calendar).extensions).toHaveLength(2);
  });

  it('R20: the same rule for support outside accelerated allocation (its 10-month consultation date)', () => {
    const other = activeDossier({ kind: 'other' });
    expect(domainErrorOf(() => extend(other, 3, '2025-06-26', calendar)).code).toBe('conflict');
    expect(extend(other, 3, '2025-12-24', calendar).status).toBe('extended');
  });

  it('R2: stopping early stays possible at any time, with a reason', () => {
    expect(stop(lease, '2025-02-02', 'De organisatie kan de begeleiding niet verder opnemen.')).toMatchObject({ status: 'stopped', closedOn: '2025-02-02' });
    expect(stop(lease, '2025-06-10', 'De huurder verlaat de woning.').status).toBe('stopped');
    expect(domainErrorOf(() => stop(lease, '2025-06-10', ' ')).code).toBe('validation');
  });
});

describe('R2, R19 invariants', () => {
  const leaseStart = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

  it('R2, R19: without a final evaluation held with the worker present, no trajectory ever ends positively', () => {
    fc.assert(
      fc.property(leaseStart, fc.integer({ min: 0, max: 800 }), fc.boolean(), (start, days, withVisitWithoutWorker) => {
        const d = activeDossier({ leaseStart: start });
        const date = addDays(start, days);
        const visits = withVisitWithoutWorker ? [finalEvaluation(date, { supportWorkerPresent: false })] : [];
        expect(positiveEndProblem(d, visits, date, calendar)).toBeDefined();
      }),
    );
  });

  it('R19: a good final evaluation from a month before the planned end allows the positive end from its day on', () => {
    fc.assert(
      fc.property(leaseStart, fc.integer({ min: 0, max: 60 }), (start, after) => {
        const d = activeDossier({ leaseStart: start });
        const heldOn = addDays(addMonths(start, 11), after);
        expect(positiveEndProblem(d, [finalEvaluation(heldOn)], heldOn, calendar)).toBeUndefined();
        expect(positiveEndProblem(d, [finalEvaluation(heldOn)], addDays(heldOn, -1), calendar)).toBeDefined();
      }),
    );
  });
});
