/**
 * R17, R19, R20: the landlord plans the 3-month home visit and each final evaluation. Once a day (from
 * JOBS_DAY_START), for every running trajectory whose visit is due within MILESTONE_LEAD_DAYS and not
 * planned or held yet, the coordinator is asked in Teams to plan it: once per visit.
 * R19: a final evaluation held without the support worker counts as neither planned nor held: the
 * coordinator is asked to plan a new one, as for one not planned (once per such visit).
 */
import { isRunning } from '../rules/trajectory';
import { milestones, type Milestone } from '../rules/milestones';
import { addDays, isAfter, isBefore } from '../rules/dates';
import { plannedEnd } from '../rules/trajectory';
import { finalEvaluationRoundStart, isFinalEvaluationWithoutWorker, type HeldVisit } from '../rules/trajectory-end';
import type { Dossier, Visit } from '../rules/types';
import type { LandlordRun } from './context';
import { isSettled, jobRun, once } from './effects';
import { jobKeys } from './keys';
import { atBrussels, atOrAfter } from './time';

type VisitMilestone = Milestone & { kind: 'home-visit-3m' | 'final-evaluation' };

const isVisit = (m: Milestone): m is VisitMilestone => m.kind === 'home-visit-3m' || m.kind === 'final-evaluation';

/** The visits due within the lead time (today included, the due day included). */
export function visitsToPlan(dossier: Dossier, today: string, leadDays: number, config: LandlordRun['calendar']): VisitMilestone[] {
  if (!dossier.leaseStart || !isRunning(dossier)) return [];
  return milestones({ leaseStart: dossier.leaseStart, extensions: dossier.extensions.map((e) => e.months), kind: dossier.kind }, config)
    .filter(isVisit)
    .filter((m) => !isBefore(today, addDays(m.due, -leadDays)) && !isAfter(today, m.due));
}

/** A visit of that kind is planned or held around this milestone already (a person took care of it). */
function alreadyPlanned(visits: readonly Visit[], m: VisitMilestone, leadDays: number): boolean {
  const from = addDays(m.due, -(leadDays + 60));
  return visits.some((v) => v.kind === m.kind && !isFinalEvaluationWithoutWorker(v) && (v.heldOn ?? v.plannedOn ?? '') >= from);
}

/**
 * R19: the latest final evaluation of the current round held without the support worker, when no
 * other final evaluation is planned or held since: a new one is to be planned.
 */
export function finalEvaluationToRedo(dossier: Dossier, visits: readonly Visit[]): HeldVisit | undefined {
  const from = finalEvaluationRoundStart(dossier);
  if (!from || !isRunning(dossier)) return undefined;
  const latest = visits
    .filter(isFinalEvaluationWithoutWorker)
    .filter((v) => v.heldOn >= from)
    .sort((a, b) => a.heldOn.localeCompare(b.heldOn))
    .pop();
  if (!latest) return undefined;
  const since = visits.some((v) => v.kind === 'final-evaluation' && v.id !== latest.id && (v.heldOn ?? v.plannedOn ?? '') >= latest.heldOn);
  return since ? undefined : latest;
}

interface Reminder {
  milestone: VisitMilestone['kind'];
  due: string;
  key: string;
}

/** The reminders of one dossier today: visits due and not planned, and a final evaluation to redo. */
function remindersOf(run: LandlordRun, dossier: Dossier, due: readonly VisitMilestone[], visits: readonly Visit[], lead: number): Reminder[] {
  const reminders: Reminder[] = due
    .filter((m) => !alreadyPlanned(visits, m, lead))
    .map((m) => ({ milestone: m.kind, due: m.due, key: jobKeys.planVisit(run.landlord.id, dossier.id, m.kind, m.due) }));
  const redo = finalEvaluationToRedo(dossier, visits);
  const end = plannedEnd(dossier);
  if (redo && end && !reminders.some((r) => r.milestone === 'final-evaluation')) {
    reminders.push({ milestone: 'final-evaluation', due: end, key: jobKeys.planNewFinalEvaluation(run.landlord.id, dossier.id, redo.id) });
  }
  return reminders;
}

export async function milestonesJob(run: LandlordRun): Promise<void> {
  if (!atOrAfter(run.now, atBrussels(run.today, run.deps.settings.dayStart))) return;
  const lead = run.deps.settings.milestoneLeadDays;
  await jobRun(run, 'milestones', jobKeys.milestonesRun(run.landlord.id, run.today), async () => {
    let settled = true;
    for (const dossier of await run.ports.dossiers.listAll()) {
      const due = visitsToPlan(dossier, run.today, lead, run.calendar);
      // R19: a final evaluation to redo can only be one of the current round, which has begun.
      const roundBegun = isRunning(dossier) && (finalEvaluationRoundStart(dossier) ?? run.today) <= run.today;
      if (due.length === 0 && !roundBegun) continue;
      const visits = await run.ports.visits.listByDossier(dossier.id);
      for (const { milestone, due: dueOn, key } of remindersOf(run, dossier, due, visits, lead)) {
        const r = await once(run, {
          job: 'milestones',
          effect: 'plan-visit-reminder',
          key,
          dossierNumber: dossier.number,
          perform: () =>
            run.deps.teams.remindCoordinator({
              landlordId: run.landlord.id,
              key,
              at: run.now,
              reminder: { kind: 'plan-visit', dossierId: dossier.id, dossierNumber: dossier.number, milestone, due: dueOn },
            }),
          detail: (d) => ({ delivered: d.delivered }),
        });
        settled = isSettled(r.outcome) && settled;
      }
    }
    return settled;
  });
}
