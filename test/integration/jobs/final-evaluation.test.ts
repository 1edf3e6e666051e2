/**
 * R19: a final evaluation recorded without the support worker is kept as a visit and does not count:
 * the milestones job asks the coordinator to plan a new one, as for one not planned, once; a new
 * final evaluation planned (or one held with the worker) ends the reminders.
 */
import { jobKeys } from '../../../shared/jobs/keys';
import { finalEvaluationToRedo } from '../../../shared/jobs/milestones';
import { runDueJobs } from '../../../shared/jobs/run-due-jobs';
import { plannedEnd } from '../../../shared/rules/trajectory';
import type { Dossier } from '../../../shared/rules/types';
import { recordVisit } from '../../../shared/services/record-visit';
import { at, coordinator, createJobsWorld, DEMO, type JobsWorld } from './jobs-world';

const WHOLE_HOME = (['house', 'garden', 'terrace', 'garage'] as const).map((part) => ({ part, ok: true }));

let world: JobsWorld;
beforeAll(async () => {
  world = await createJobsWorld();
}, 300_000);

/** The demo's running trajectories whose final evaluation round includes 2 November 2026 (planned end 01/11 or 01/12/2026). */
const ending = (): Dossier[] =>
  DEMO.dossiers
    .filter((d) => d.status === 'active' && (plannedEnd(d) ?? '') >= '2026-11-01' && (plannedEnd(d) ?? '') <= '2026-12-01')
    .sort((a, b) => (plannedEnd(a) ?? '').localeCompare(plannedEnd(b) ?? ''));

async function planReminders(now: string) {
  const instance = world.instance();
  await runDueJobs(instance.deps, at(now));
  return instance.teams.of('remindCoordinator').filter((m) => m.reminder.kind === 'plan-visit');
}

it('R19: without the worker, a new final evaluation is asked for once; with the worker, nothing is asked', async () => {
  const [withoutWorker, withWorker] = ending() as [Dossier, Dossier];
  expect(withWorker).toBeDefined();
  const ctx = world.ctx(coordinator, at('2026-11-03T07:30'));
  const kept = await recordVisit(ctx, { dossierId: withoutWorker.id, kind: 'final-evaluation', heldOn: '2026-11-02', supportWorkerPresent: false, findings: WHOLE_HOME });
  expect(kept.newFinalEvaluationNeeded).toBe(true);
  const good = await recordVisit(ctx, { dossierId: withWorker.id, kind: 'final-evaluation', heldOn: '2026-11-02', supportWorkerPresent: true, findings: WHOLE_HOME });
  expect(good.newFinalEvaluationNeeded).toBe(false);

  const first = await planReminders('2026-11-03T08:00');
  const again = first.filter((m) => m.key.includes('final-evaluation-again'));
  expect(again).toEqual([
    expect.objectContaining({
      key: jobKeys.planNewFinalEvaluation(world.landlord.id, withoutWorker.id, kept.visit.id),
      reminder: { kind: 'plan-visit', dossierId: withoutWorker.id, dossierNumber: withoutWorker.number, milestone: 'final-evaluation', due: plannedEnd(withoutWorker) },
    }),
  ]);
  // Once: the next day asks nothing again.
  expect((await planReminders('2026-11-04T08:00')).filter((m) => m.key.includes('final-evaluation-again'))).toEqual([]);
}, 300_000);

it('R19: a new final evaluation planned after it: nothing to redo', async () => {
  const [d] = ending() as [Dossier];
  const visits = await world.ports.visits.listByDossier(d.id);
  expect(finalEvaluationToRedo(d, visits)?.heldOn).toBe('2026-11-02');
  await recordVisit(world.ctx(coordinator, at('2026-11-04T09:00')), { dossierId: d.id, kind: 'final-evaluation', plannedOn: '2026-11-20' });
  expect(finalEvaluationToRedo(d, await world.ports.visits.listByDossier(d.id))).toBeUndefined();
});
