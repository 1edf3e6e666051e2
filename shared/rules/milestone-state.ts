/**
 * One view of a milestone's state (R11, R17, R19, R20), for the dossier card, the dossier page and
 * the CLI alike:
 * - held: a visit of its kind was recorded as held (the n-th final evaluation needs n held ones, each
 *   with the support worker present, R19); an evaluation once its consultation day is over.
 * - planned: a visit of its kind is planned today or later and not yet held.
 * - missed: the visit was planned on a day that is over and was never recorded as held.
 * - overdue: its due day is over and nothing is planned or held.
 * - due: still to come.
 * Pure: `today` is an input.
 */
import type { Milestone } from './milestones';
import { isFinalEvaluationWithoutWorker } from './trajectory-end';
import type { IsoDate, Visit } from './types';

export const MILESTONE_STATES = ['planned', 'due', 'overdue', 'held', 'missed'] as const;
export type MilestoneState = (typeof MILESTONE_STATES)[number];

export interface MilestoneWithState extends Milestone {
  state: MilestoneState;
  /** The day of the visit that holds or plans it, when there is one. */
  on?: IsoDate;
}

const byDay = (a: IsoDate | undefined, b: IsoDate | undefined) => (a ?? '').localeCompare(b ?? '');

export function milestoneStates(list: readonly Milestone[], visits: readonly Visit[], today: IsoDate): MilestoneWithState[] {
  // R19: a final evaluation without the support worker is a visit only: it holds no milestone.
  const held = (kind: Visit['kind']) =>
    visits.filter((v) => v.kind === kind && v.heldOn && !isFinalEvaluationWithoutWorker(v)).sort((a, b) => byDay(a.heldOn, b.heldOn));
  const planned = (kind: Visit['kind']) => visits.filter((v) => v.kind === kind && !v.heldOn && v.plannedOn).sort((a, b) => byDay(a.plannedOn, b.plannedOn));
  let finalsSeen = 0;
  const planUsed = new Set<Visit['kind']>();
  return list.map((m): MilestoneWithState => {
    if (m.consultation) return { ...m, state: m.consultation < today ? 'held' : 'due' };
    const kind = m.kind === 'final-evaluation' ? 'final-evaluation' : 'home-visit-3m';
    const index = m.kind === 'final-evaluation' ? finalsSeen++ : 0;
    const heldVisit = held(kind)[index];
    if (heldVisit?.heldOn) return { ...m, state: 'held', on: heldVisit.heldOn };
    // The latest plan counts (a visit planned again after a missed date is planned), for the first open milestone of its kind.
    const plan = planUsed.has(kind) ? undefined : planned(kind).at(-1)?.plannedOn;
    planUsed.add(kind);
    if (plan) return { ...m, state: plan >= today ? 'planned' : 'missed', on: plan };
    return { ...m, state: m.due < today ? 'overdue' : 'due' };
  });
}
