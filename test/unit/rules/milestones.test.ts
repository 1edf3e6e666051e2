import fc from 'fast-check';
import { consultationOnOrAfter } from '../../../shared/rules/calendar';
import { addMonths } from '../../../shared/rules/dates';
import { DomainError } from '../../../shared/rules/errors';
import { assertValidExtension, milestones, plannedEndOf } from '../../../shared/rules/milestones';

const config = { closingDays: [] as string[] };
const byKind = (list: ReturnType<typeof milestones>) => Object.fromEntries(list.map((m) => [m.kind + (m.round ? `#${m.round}` : ''), m]));

describe('R11/R17/R19: milestones of an accelerated-allocation trajectory', () => {
  it('R11: evaluations at 1, 4 and 10 months, each at the first consultation on or after the due date', () => {
    const list = milestones({ leaseStart: '2025-03-10', extensions: [] }, config);
    expect(list).toEqual([
      { kind: 'evaluation-1m', due: '2025-04-10', consultation: '2025-04-24' },
      { kind: 'home-visit-3m', due: '2025-06-10', consultation: null },
      { kind: 'evaluation-4m', due: '2025-07-10', consultation: '2025-07-31' },
      { kind: 'evaluation-10m', due: '2026-01-10', consultation: '2026-01-29' },
      { kind: 'final-evaluation', due: '2026-03-10', consultation: null, round: 0 },
    ]);
  });

  it('R11: a lease starting on 31 January is due on the last day of February', () => {
    const m = byKind(milestones({ leaseStart: '2025-01-31', extensions: [] }, config));
    expect(m['evaluation-1m']).toEqual({ kind: 'evaluation-1m', due: '2025-02-28', consultation: '2025-03-27' });
    expect(m['home-visit-3m']?.due).toBe('2025-04-30');
    expect(m['evaluation-4m']?.due).toBe('2025-05-31');
    expect(m['evaluation-10m']?.due).toBe('2025-11-30');
    expect(m['final-evaluation']?.due).toBe('2026-01-31');
  });

  it('R11: in a leap year the 1-month evaluation of a 31/01 lease falls on 29/02, a meeting day', () => {
    const m = byKind(milestones({ leaseStart: '2024-01-31', extensions: [] }, config));
    expect(m['evaluation-1m']).toMatchObject({ due: '2024-02-29', consultation: '2024-02-29' });
  });

  it.each([
    ['2025-01-29', '2025-02-28'],
    ['2025-01-30', '2025-02-28'],
    ['2025-03-31', '2025-04-30'],
    ['2025-05-31', '2025-06-30'],
  ])('R11: lease start %s -> 1-month evaluation due %s', (leaseStart, due) => {
    expect(byKind(milestones({ leaseStart, extensions: [] }, config))['evaluation-1m']?.due).toBe(due);
  });

  it('R11/R-H: a milestone due on the moved meeting day belongs to that meeting; due on the original day, to the next', () => {
    expect(byKind(milestones({ leaseStart: '2025-04-28', extensions: [] }, config))['evaluation-1m']?.consultation).toBe('2025-05-28');
    expect(byKind(milestones({ leaseStart: '2025-04-29', extensions: [] }, config))['evaluation-1m']?.consultation).toBe('2025-06-26');
  });

  it('R11: a due date after the December meeting goes to the January consultation', () => {
    expect(byKind(milestones({ leaseStart: '2025-11-29', extensions: [] }, config))['evaluation-1m']).toMatchObject({
      due: '2025-12-29',
      consultation: '2026-01-29',
    });
  });

  it('R17/R19: a trajectory outside accelerated allocation has the visits but not the evaluations', () => {
    const list = milestones({ leaseStart: '2025-03-10', extensions: [], kind: 'other' }, config);
    expect(list.map((m) => m.kind)).toEqual(['home-visit-3m', 'final-evaluation']);
  });
});

describe('R2/R20: planned end and extensions', () => {
  it('R2: the planned end is lease start + 12 months', () => {
    expect(plannedEndOf('2025-02-28', [])).toBe('2026-02-28');
    expect(plannedEndOf('2024-02-29', [])).toBe('2025-02-28');
  });

  it('R20: every extension adds a final evaluation at the new planned end', () => {
    const list = milestones({ leaseStart: '2025-01-31', extensions: [6, 3] }, config);
    expect(list.filter((m) => m.kind === 'final-evaluation')).toEqual([
      { kind: 'final-evaluation', due: '2026-01-31', consultation: null, round: 0 },
      { kind: 'final-evaluation', due: '2026-07-31', consultation: null, round: 1 },
      { kind: 'final-evaluation', due: '2026-10-31', consultation: null, round: 2 },
    ]);
    expect(plannedEndOf('2025-01-31', [6, 3])).toBe('2026-10-31');
  });

  it('R20: extensions are added as one total from the lease start, not step by step', () => {
    // 30/11 + 15 months = 28/02 (clamped) but + 18 months = 30/05, not 28/05.
    expect(plannedEndOf('2024-11-30', [3])).toBe('2026-02-28');
    expect(plannedEndOf('2024-11-30', [3, 3])).toBe('2026-05-30');
  });

  it.each([0, -3, 4, 1.5, 7, Number.NaN])('R20: refuses an extension of %s months with a Dutch message', (months) => {
    expect(() => assertValidExtension(months)).toThrow(DomainError);
    expect(() => milestones({ leaseStart: '2025-01-01', extensions: [months] }, config)).toThrow(/veelvoud van 3 maanden/);
  });

  it('refuses a lease start that does not exist', () => {
    expect(() => milestones({ leaseStart: '2025-02-29', extensions: [] }, config)).toThrow(/Ongeldige datum/);
  });
});

describe('properties', () => {
  const date = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const extension = fc.integer({ min: 1, max: 8 }).map((n) => n * 3);

  it('R2/R20: the planned end grows by exactly the extension', () => {
    fc.assert(
      fc.property(date, fc.array(extension, { maxLength: 5 }), extension, (leaseStart, extensions, more) => {
        const before = extensions.reduce((a, b) => a + b, 0);
        expect(plannedEndOf(leaseStart, [...extensions, more])).toBe(addMonths(leaseStart, 12 + before + more));
        expect(plannedEndOf(leaseStart, [...extensions, more]) > plannedEndOf(leaseStart, extensions)).toBe(true);
      }),
    );
  });

  it('R11: every evaluation is due after the lease start and belongs to a consultation on or after its due date', () => {
    fc.assert(
      fc.property(date, (leaseStart) => {
        for (const m of milestones({ leaseStart, extensions: [] }, config)) {
          expect(m.due > leaseStart).toBe(true);
          if (m.consultation) {
            expect(m.consultation >= m.due).toBe(true);
            expect(m.consultation).toBe(consultationOnOrAfter(m.due, config).meetingDate);
          }
        }
      }),
    );
  });
});
