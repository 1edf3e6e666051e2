import fc from 'fast-check';
import { MILESTONE_STATES, milestoneStates } from '../../../shared/rules/milestone-state';
import { milestones } from '../../../shared/rules/milestones';
import type { Visit } from '../../../shared/rules/types';

const config = { closingDays: [] as string[] };
// Lease start 31/01/2025: 3-month visit due 30/04/2025 (end of month), final evaluation 31/01/2026.
const list = milestones({ leaseStart: '2025-01-31', extensions: [] }, config);
const visit = (kind: Visit['kind'], days: { plannedOn?: string; heldOn?: string; supportWorkerPresent?: boolean }): Visit => ({
  id: `${kind}-${days.plannedOn ?? days.heldOn}`,
  dossierId: 'd',
  kind,
  findings: [],
  seriousDefects: false,
  supportWorkerPresent: true,
  ...days,
});
const stateOf = (visits: Visit[], today: string, kind = 'home-visit-3m') => milestoneStates(list, visits, today).find((m) => m.kind === kind)?.state;

describe('R11/R17/R19: one state per milestone, for the card, the page and the CLI', () => {
  it('R17: a visit not held and not planned is due until its day, overdue the day after (end of month)', () => {
    expect(stateOf([], '2025-04-30')).toBe('due');
    expect(stateOf([], '2025-05-01')).toBe('overdue');
  });

  it('R17: a planned visit is planned until its day, missed once the day is over without being held', () => {
    const planned = [visit('home-visit-3m', { plannedOn: '2025-05-06' })];
    expect(stateOf(planned, '2025-05-06')).toBe('planned');
    expect(stateOf(planned, '2025-05-07')).toBe('missed');
  });

  it('R17: planned again after a missed date, it is planned; once held it is held, whatever was planned', () => {
    const again = [visit('home-visit-3m', { plannedOn: '2025-05-06' }), visit('home-visit-3m', { plannedOn: '2025-05-20' })];
    expect(stateOf(again, '2025-05-10')).toBe('planned');
    const held = [...again, visit('home-visit-3m', { plannedOn: '2025-05-20', heldOn: '2025-05-20' })];
    expect(milestoneStates(list, held, '2025-06-01').find((m) => m.kind === 'home-visit-3m')).toMatchObject({ state: 'held', on: '2025-05-20' });
  });

  it('R11: an evaluation is due until its consultation day and held after it (Brussels date, the consultation day itself is due)', () => {
    const eval1 = list.find((m) => m.kind === 'evaluation-1m');
    expect(eval1?.consultation).toBe('2025-03-27');
    expect(stateOf([], '2025-03-27', 'evaluation-1m')).toBe('due');
    expect(stateOf([], '2025-03-28', 'evaluation-1m')).toBe('held');
  });

  it('R19/R20: after an extension, the first final evaluation held does not hold the second one', () => {
    const extended = milestones({ leaseStart: '2025-01-31', extensions: [3] }, config);
    const finals = milestoneStates(extended, [visit('final-evaluation', { heldOn: '2026-01-30' })], '2026-05-01').filter((m) => m.kind === 'final-evaluation');
    expect(finals.map((m) => m.state)).toEqual(['held', 'overdue']);
    const planned = milestoneStates(extended, [visit('final-evaluation', { heldOn: '2026-01-30' }), visit('final-evaluation', { plannedOn: '2026-05-04' })], '2026-05-01');
    expect(planned.filter((m) => m.kind === 'final-evaluation').map((m) => m.state)).toEqual(['held', 'planned']);
    // R19: one held without the support worker is a visit only: the final evaluation stays overdue.
    const withoutWorker = milestoneStates(extended, [visit('final-evaluation', { heldOn: '2026-01-30', supportWorkerPresent: false })], '2026-05-01');
    expect(withoutWorker.filter((m) => m.kind === 'final-evaluation').map((m) => m.state)).toEqual(['overdue', 'overdue']);
  });

  it('a visit of another kind (an extra visit, R18) holds no milestone', () => {
    expect(stateOf([visit('extra', { heldOn: '2025-04-15' })], '2025-05-01')).toBe('overdue');
  });

  it('property: every milestone gets exactly one known state, and nothing is held before its day without a held visit', () => {
    const day = fc.integer({ min: 0, max: 800 }).map((n) => new Date(Date.UTC(2025, 0, 31 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.array(fc.record({ kind: fc.constantFrom<Visit['kind']>('home-visit-3m', 'final-evaluation', 'extra'), planned: day, held: fc.option(day) }), { maxLength: 4 }), (today, raw) => {
        const visits = raw.map((v) => visit(v.kind, { plannedOn: v.planned, ...(v.held ? { heldOn: v.held } : {}) }));
        const states = milestoneStates(list, visits, today);
        expect(states).toHaveLength(list.length);
        for (const m of states) {
          expect(MILESTONE_STATES).toContain(m.state);
          if (m.state === 'held' && !m.consultation) expect(visits.some((v) => v.kind === m.kind && v.heldOn)).toBe(true);
          if (m.state === 'overdue') expect(m.due < today).toBe(true);
        }
      }),
    );
  });
});
