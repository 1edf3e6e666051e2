/**
 * R17, R19, R20: the landlord plans the 3-month home visit and each final evaluation. Once a day (from
 * JOBS_DAY_START), for every running trajectory whose visit is due within MILESTONE_LEAD_DAYS and not
 * planned or held yet, the coordinator is asked in Teams to plan it: once per visit.
 */
import { milestones, type Milestone } from '../rules/milestones';
import { addDays, isAfter, isBefore } from '../rules/dates';
import type { Dossier, Visit } from '../rules/types';
import type { LandlordRun } from './context';
import { isSettled, jobRun, once } from './effects';
import { jobKeys } from './keys';
import { atBrussels, atOrAfter } from './time';

type VisitMilestone = Milestone & { kind: 'home-visit-3m' | 'final-evaluation' };

const isVisit = (m: Milestone): m is VisitMilestone => m.kind === 'home-visit-3m' || m.kind === 'final-evaluation';
const isRunning = (d: Dossier) => d.status === 'active' || d.status === 'extended';

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
  return visits.some((v) => v.kind === m.kind && (v.heldOn ?? v.plannedOn ?? '') >= from);
}

export async function milestonesJob(run: LandlordRun): Promise<void> {
  if (!atOrAfter(run.now, atBrussels(run.today, run.deps.settings.dayStart))) return;
  const lead = run.deps.settings.milestoneLeadDays;
  await jobRun(run, 'milestones', jobKeys.milestonesRun(run.landlord.id, run.today), async () => {
    let settled = true;
    for (const dossier of await run.ports.dossiers.listAll()) {
      const due = visitsToPlan(dossier, run.today, lead, run.calendar);
      if (due.length === 0) continue;
      const visits = await run.ports.visits.listByDossier(dossier.id);
      for (const m of due) {
        if (alreadyPlanned(visits, m, lead)) continue;
        const key = jobKeys.planVisit(run.landlord.id, dossier.id, m.kind, m.due);
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
              reminder: { kind: 'plan-visit', dossierId: dossier.id, dossierNumber: dossier.number, milestone: m.kind, due: m.due },
            }),
          detail: (d) => ({ delivered: d.delivered }),
        });
        settled = isSettled(r.outcome) && settled;
      }
    }
    return settled;
  });
}
