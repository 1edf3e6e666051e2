/**
 * The landlord's overview as numbers (rules/report.ts): per partner and stage, milestones due this
 * month and next and overdue (R11, R17, R19, R20), extensions by length (R20), closures and stops per
 * quarter (R2, R19), consultations held, skipped (R15, R-H) and confirmed (R16), signals per kind
 * (R8, R9), at the seams: quarter ends, Brussels midnight, the purge.
 */
import fc from 'fast-check';
import { buildReport, quarterOf, REPORT_STATUSES, type ReportInput } from '../../../shared/rules/report';
import type { Consultation, Dossier, TrajectoryStatus, Visit } from '../../../shared/rules/types';
import { activeDossier, candidacy, SUPPORTING, OTHER_PARTNER } from './dossier-fixtures';

const base = (overrides: Partial<ReportInput> = {}): ReportInput => ({
  from: '2026-01',
  to: '2026-12',
  today: '2026-12-04',
  calendar: { closingDays: [] },
  partners: [{ id: SUPPORTING }, { id: OTHER_PARTNER }],
  dossiers: [],
  consultations: [],
  signals: [],
  ...overrides,
});

const consultation = (month: string, status: Consultation['status'], meetingDate: string): Consultation => ({
  partnerId: SUPPORTING,
  month,
  meetingDate,
  invitationDate: meetingDate,
  flagDeadline: `${meetingDate}T00:00:00+01:00`,
  mode: 'teams',
  status,
  conclusions: [],
});

let n = 0;
const d = (overrides: Partial<Dossier>): { dossier: Dossier; visits: Visit[] } => ({ dossier: activeDossier({ id: `d-${++n}`, ...overrides }), visits: [] });

describe('trajectories per partner and stage', () => {
  it('counts each dossier once under its supporting partner, every partner listed even with none', () => {
    const report = buildReport(
      base({
        dossiers: [d({}), d({ status: 'extended' }), { dossier: candidacy({ id: 'c-1' }), visits: [] }, d({ supportingPartnerId: OTHER_PARTNER, status: 'stopped', closedOn: '2026-02-02' })],
      }),
    );
    expect(report.trajectories).toEqual([
      { partnerId: SUPPORTING, byStatus: { candidacy: 1, active: 1, extended: 1, 'closed-positive': 0, stopped: 0 }, total: 3 },
      { partnerId: OTHER_PARTNER, byStatus: { candidacy: 0, active: 0, extended: 0, 'closed-positive': 0, stopped: 1 }, total: 1 },
    ]);
  });
});

describe('milestones due this month and next, and overdue (R11, R17, R19)', () => {
  it('R17: the 3-month visit is due in its month, overdue after its date unless held or planned', () => {
    // Lease start 2026-09-04: visit due 2026-12-04 (this month); 2026-08-01: due 2026-11-01, overdue.
    const dueNow = d({ leaseStart: '2026-09-04' });
    const late = d({ leaseStart: '2026-08-01' });
    const lateButPlanned = { ...d({ leaseStart: '2026-08-01' }), visits: [{ id: 'v', dossierId: 'x', kind: 'home-visit-3m', plannedOn: '2026-12-10', findings: [], seriousDefects: false } as Visit] };
    const lateButHeld = { ...d({ leaseStart: '2026-08-01' }), visits: [{ id: 'v', dossierId: 'x', kind: 'home-visit-3m', heldOn: '2026-11-20', findings: [], seriousDefects: false } as Visit] };
    const report = buildReport(base({ dossiers: [dueNow, late, lateButPlanned, lateButHeld] }));
    expect(report.milestones.map((m) => m.month)).toEqual(['2026-12', '2027-01']);
    expect(report.milestones[0]?.byKind['home-visit-3m']).toBe(1); // the planned and the held one were due in November
    expect(report.overdue.byKind['home-visit-3m']).toBe(1);
    expect(report.overdue.total).toBe(1);
  });

  it('R11: an evaluation counts in the month of its consultation, and is never overdue', () => {
    // Lease start 2026-11-30: due 30/12/2026, at the December meeting (Thu 31/12). Lease start 2026-12-29: due
    // 29/01/2027, the day after the January meeting (28/01): February's, so in neither month.
    const report = buildReport(base({ dossiers: [d({ leaseStart: '2026-11-30' }), d({ leaseStart: '2026-12-29' })] }));
    expect(report.milestones[0]?.byKind['evaluation-1m']).toBe(1);
    expect(report.milestones[1]?.byKind['evaluation-1m']).toBe(0);
    expect(report.overdue.byKind['evaluation-1m']).toBe(0);
  });

  it('R19, R20: only running trajectories count; an extension adds its final evaluation', () => {
    const closed = d({ leaseStart: '2025-12-04', status: 'closed-positive', closedOn: '2026-11-27' });
    const extended = d({ leaseStart: '2025-09-04', status: 'extended', extensions: [{ months: 3, decidedOn: '2026-08-27' }] });
    const report = buildReport(base({ dossiers: [closed, extended] }));
    // The extended one: its first final evaluation (2026-09-04) was not held: overdue; the second is due 2026-12-04.
    expect(report.overdue.byKind['final-evaluation']).toBe(1);
    expect(report.milestones[0]?.byKind['final-evaluation']).toBe(1);
  });
});

describe('extensions and closures within the period (R2, R19, R20)', () => {
  it('R20: extensions decided within [from, to], by length', () => {
    const report = buildReport(
      base({
        dossiers: [
          d({ status: 'extended', extensions: [{ months: 3, decidedOn: '2025-12-31' }, { months: 6, decidedOn: '2026-01-01' }] }),
          d({ status: 'extended', extensions: [{ months: 6, decidedOn: '2026-12-31' }, { months: 12, decidedOn: '2027-01-01' }] }),
        ],
      }),
    );
    expect(report.extensions).toEqual([{ months: 6, count: 2 }]);
  });

  it('closures per quarter, at the quarter seams', () => {
    expect([quarterOf('2026-03-31'), quarterOf('2026-04-01'), quarterOf('2026-12-31')]).toEqual(['2026 K1', '2026 K2', '2026 K4']);
    const report = buildReport(
      base({
        dossiers: [
          d({ status: 'closed-positive', closedOn: '2026-03-31' }),
          d({ status: 'stopped', closedOn: '2026-04-01', stopReason: 'verhuisd' }),
          d({ status: 'stopped', closedOn: '2025-12-31', stopReason: 'verhuisd' }),
        ],
      }),
    );
    expect(report.closures).toEqual([
      { quarter: '2026 K1', positive: 1, stopped: 0 },
      { quarter: '2026 K2', positive: 0, stopped: 1 },
      { quarter: '2026 K3', positive: 0, stopped: 0 },
      { quarter: '2026 K4', positive: 0, stopped: 0 },
    ]);
  });
});

describe('consultations and signals (R8, R9, R15, R16)', () => {
  it('R15: skipped; R16: held, awaiting confirmation, confirmed; a meeting still ahead is neither', () => {
    const report = buildReport(
      base({
        from: '2026-10',
        consultations: [
          consultation('2026-10', 'cancelled', '2026-10-29'),
          consultation('2026-10', 'confirmed', '2026-10-29'),
          consultation('2026-11', 'conclusions-sent', '2026-11-26'),
          consultation('2026-11', 'invited', '2026-11-26'),
          consultation('2026-12', 'invited', '2026-12-24'),
          consultation('2027-01', 'planned', '2027-01-28'),
        ],
      }),
    );
    expect(report.consultations).toEqual([
      { month: '2026-10', held: 1, skipped: 1, awaitingConfirmation: 0, confirmed: 1 },
      { month: '2026-11', held: 2, skipped: 0, awaitingConfirmation: 1, confirmed: 0 },
      { month: '2026-12', held: 0, skipped: 0, awaitingConfirmation: 0, confirmed: 0 },
    ]);
  });

  it('R8, R9: signals per kind, by their Brussels day (23:30 UTC on 31 December is already January)', () => {
    const report = buildReport(
      base({
        signals: [
          { category: 'aggression', raisedAt: '2026-12-31T22:30:00Z' },
          { category: 'aggression', raisedAt: '2026-12-31T23:30:00Z' },
          { category: 'safety', raisedAt: '2026-01-01T00:30:00+01:00' },
        ],
      }),
    );
    expect(report.signals.find((s) => s.category === 'aggression')?.count).toBe(1);
    expect(report.signals.find((s) => s.category === 'safety')?.count).toBe(1);
  });
});

describe('invariants', () => {
  const status = fc.constantFrom<TrajectoryStatus>(...REPORT_STATUSES);
  const dossiers = fc.array(
    fc.record({ status, partner: fc.constantFrom(SUPPORTING, OTHER_PARTNER), day: fc.integer({ min: 0, max: 700 }), ext: fc.constantFrom(3, 6, 9, 12) }),
    { maxLength: 30 },
  );
  const build = (rows: { status: TrajectoryStatus; partner: string; day: number; ext: number }[]) =>
    rows.map((r, i) => {
      const day = new Date(Date.UTC(2025, 6, 1) + r.day * 86_400_000).toISOString().slice(0, 10);
      const closed = r.status === 'closed-positive' || r.status === 'stopped';
      return d({
        id: `p-${i}`,
        status: r.status,
        supportingPartnerId: r.partner,
        ...(r.status === 'candidacy' ? { leaseStart: undefined } : { leaseStart: '2025-06-01' }),
        ...(r.status === 'extended' ? { extensions: [{ months: r.ext, decidedOn: day }] } : {}),
        ...(closed ? { closedOn: day } : {}),
        ...(r.status === 'stopped' ? { stopReason: 'Reden' } : {}),
      });
    });

  it('every dossier is counted exactly once over the partners and stages', () => {
    fc.assert(
      fc.property(dossiers, (rows) => {
        const report = buildReport(base({ dossiers: build(rows) }));
        expect(report.trajectories.reduce((sum, t) => sum + t.total, 0)).toBe(rows.length);
      }),
    );
  });

  it('the counts hold after a privacy purge: names and typed texts erased, the same report', () => {
    fc.assert(
      fc.property(dossiers, (rows) => {
        const input = base({ dossiers: build(rows) });
        const purged = input.dossiers.map(({ dossier, visits }) => ({
          dossier: { ...dossier, tenant: { name: '[gewist]' }, supportWorker: { name: '[gewist]' }, ...(dossier.stopReason ? { stopReason: '[gewist]' } : {}), purgedOn: '2026-12-01' },
          visits,
        }));
        expect(buildReport({ ...input, dossiers: purged })).toEqual(buildReport(input));
      }),
    );
  });
});
