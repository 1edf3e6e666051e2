/**
 * The landlord's overview of all trajectories, as numbers (the overview page and `woonbegeleiding
 * report`): counted from stored facts only (statuses, dates, kinds, categories), never from names or
 * typed text, so the counts hold after a privacy purge. Pure: the service reads, this counts.
 *
 * - Trajectories per partner (the supporting one) and stage: the state on `today`.
 * - Milestones (R11, R17, R19, R20) of running trajectories due in this month and the next, not yet
 *   held, and those late on `today` (rules/milestone-state.ts: overdue, or planned on a day gone by).
 * - Extensions (R20) decided within [from, to], by length.
 * - Positive closures (R19) and stops (R2) within [from, to], per quarter.
 * - Consultations (R12-R16) of the months [from, to]: held, skipped (R15: nothing to discuss, or
 *   R-H cancelled), conclusions awaiting confirmation and confirmed.
 * - Signals (R8, R9) raised within [from, to], per kind.
 */
import { brusselsDate, monthOf, monthsBetween, nextMonth, type CalendarConfig } from './calendar';
import { milestones } from './milestones';
import { milestoneStates } from './milestone-state';
import { isRunning } from './trajectory';
import type { Consultation, Dossier, IsoDate, MilestoneKind, SignalCategory, TrajectoryStatus, Visit, YearMonth } from './types';

export const REPORT_STATUSES: readonly TrajectoryStatus[] = ['candidacy', 'active', 'extended', 'closed-positive', 'stopped'];
export const REPORT_MILESTONES: readonly MilestoneKind[] = ['evaluation-1m', 'home-visit-3m', 'evaluation-4m', 'evaluation-10m', 'final-evaluation'];
export const REPORT_SIGNALS: readonly SignalCategory[] = ['insufficient-cooperation', 'insufficient-results', 'aggression', 'liveability', 'damage-risk', 'safety', 'other'];

export interface ReportInput {
  from: YearMonth;
  to: YearMonth;
  today: IsoDate;
  /** The landlord's closing days: an evaluation's consultation moves with them (R-H). */
  calendar: CalendarConfig;
  partners: readonly { id: string }[];
  /** Every dossier once, with its visits (for the milestones). */
  dossiers: readonly { dossier: Dossier; visits: readonly Visit[] }[];
  consultations: readonly Consultation[];
  /** Only kind and moment are read. */
  signals: readonly { category: SignalCategory; raisedAt: string }[];
}

export interface Report {
  from: YearMonth;
  to: YearMonth;
  today: IsoDate;
  trajectories: { partnerId: string; byStatus: Record<TrajectoryStatus, number>; total: number }[];
  milestones: { month: YearMonth; byKind: Record<MilestoneKind, number>; due: number }[];
  overdue: { byKind: Record<MilestoneKind, number>; total: number };
  extensions: { months: number; count: number }[];
  closures: { quarter: string; positive: number; stopped: number }[];
  consultations: { month: YearMonth; held: number; skipped: number; awaitingConfirmation: number; confirmed: number }[];
  signals: { category: SignalCategory; count: number }[];
}

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const within = (date: IsoDate, from: YearMonth, to: YearMonth): boolean => monthOf(date) >= from && monthOf(date) <= to;

/** "2026 K1": the year and quarter of a date, in the nl-BE way. */
export const quarterOf = (date: IsoDate): string => `${date.slice(0, 4)} K${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

function quartersBetween(from: YearMonth, to: YearMonth): string[] {
  return [...new Set(monthsBetween(from, to).map((m) => quarterOf(`${m}-01`)))];
}

/** R15, R-H: skipped; the meeting day passed (or conclusions exist): held. Planned or invited ahead: neither. */
function consultationState(c: Consultation, today: IsoDate): 'held' | 'skipped' | 'ahead' {
  if (c.status === 'cancelled') return 'skipped';
  if (c.status === 'held' || c.status === 'conclusions-sent' || c.status === 'confirmed') return 'held';
  return c.meetingDate < today ? 'held' : 'ahead';
}

export function buildReport(input: ReportInput): Report {
  const { from, to, today } = input;

  const perPartner = new Map(input.partners.map((p) => [p.id, zeros(REPORT_STATUSES)]));
  for (const { dossier } of input.dossiers) {
    const counts = perPartner.get(dossier.supportingPartnerId) ?? zeros(REPORT_STATUSES);
    counts[dossier.status]++;
    perPartner.set(dossier.supportingPartnerId, counts);
  }

  const thisMonth = monthOf(today);
  const months = [thisMonth, nextMonth(thisMonth)];
  const dueIn = new Map(months.map((m) => [m, zeros(REPORT_MILESTONES)]));
  const overdue = zeros(REPORT_MILESTONES);
  for (const { dossier, visits } of input.dossiers) {
    if (!isRunning(dossier) || !dossier.leaseStart) continue;
    const list = milestones({ leaseStart: dossier.leaseStart, extensions: dossier.extensions.map((e) => e.months), kind: dossier.kind }, input.calendar);
    for (const m of milestoneStates(list, visits, today)) {
      // Late: past its day with nothing planned, or planned on a day that is over and not held.
      if (m.state === 'overdue' || m.state === 'missed') overdue[m.kind]++;
      // An evaluation is due in the month of its consultation; a visit in the month of its date.
      const counts = dueIn.get(monthOf(m.consultation ?? m.due));
      if (counts && m.state !== 'held') counts[m.kind]++;
    }
  }

  const extensions = new Map<number, number>();
  const closures = new Map(quartersBetween(from, to).map((q) => [q, { positive: 0, stopped: 0 }]));
  for (const { dossier } of input.dossiers) {
    for (const e of dossier.extensions) if (within(e.decidedOn, from, to)) extensions.set(e.months, (extensions.get(e.months) ?? 0) + 1);
    if (dossier.closedOn && within(dossier.closedOn, from, to)) {
      const q = closures.get(quarterOf(dossier.closedOn));
      if (q && dossier.status === 'closed-positive') q.positive++;
      if (q && dossier.status === 'stopped') q.stopped++;
    }
  }

  const consultations = new Map(monthsBetween(from, to).map((m) => [m, { held: 0, skipped: 0, awaitingConfirmation: 0, confirmed: 0 }]));
  for (const c of input.consultations) {
    const row = consultations.get(c.month);
    if (!row) continue;
    const state = consultationState(c, today);
    if (state === 'held') row.held++;
    if (state === 'skipped') row.skipped++;
    if (c.status === 'conclusions-sent') row.awaitingConfirmation++;
    if (c.status === 'confirmed') row.confirmed++;
  }

  const signals = zeros(REPORT_SIGNALS);
  for (const s of input.signals) if (within(brusselsDate(s.raisedAt), from, to)) signals[s.category]++;

  return {
    from,
    to,
    today,
    trajectories: [...perPartner].map(([partnerId, byStatus]) => ({ partnerId, byStatus, total: Object.values(byStatus).reduce((a, b) => a + b, 0) })),
    milestones: months.map((month) => {
      const byKind = dueIn.get(month) ?? zeros(REPORT_MILESTONES);
      return { month, byKind, due: Object.values(byKind).reduce((a, b) => a + b, 0) };
    }),
    overdue: { byKind: overdue, total: Object.values(overdue).reduce((a, b) => a + b, 0) },
    extensions: [...extensions].sort((a, b) => a[0] - b[0]).map(([months, count]) => ({ months, count })),
    closures: [...closures].map(([quarter, c]) => ({ quarter, ...c })),
    consultations: [...consultations].map(([month, c]) => ({ month, ...c })),
    signals: REPORT_SIGNALS.map((category) => ({ category, count: signals[category] })),
  };
}
