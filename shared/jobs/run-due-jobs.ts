/**
 * The protocol calendar's entry point: whatever is due at `now`, for every landlord, each effect
 * exactly once. The scheduler calls it every 15 minutes; `woonbegeleiding jobs --at` calls it for
 * any moment, so a month can be replayed. Replies go first, so a flag that arrived before the
 * deadline is on the list when the deadline step reads it.
 */
import { assertInstant } from '../rules/agenda';
import type { Instant } from '../rules/types';
import { landlordRun, type JobDeps, type JobName, type JobReport, type LandlordRun } from './context';
import { conclusionsJob } from './conclusions';
import { deadlineJob } from './deadline';
import { errorCode } from './effects';
import { informationJob } from './information';
import { invitationJob } from './invitation';
import { milestonesJob } from './milestones';
import { repliesJob } from './replies';
import { safetyJob } from './safety';

export const JOBS: readonly (readonly [JobName, (run: LandlordRun) => Promise<void>])[] = [
  ['safety', safetyJob],
  ['replies', repliesJob],
  ['invitation', invitationJob],
  ['deadline', deadlineJob],
  ['conclusions', conclusionsJob],
  ['milestones', milestonesJob],
  ['information', informationJob],
];

export async function runDueJobs(deps: JobDeps, now: Instant): Promise<JobReport> {
  assertInstant(now);
  const report: JobReport = { at: now, entries: [], errors: [] };
  for (const landlord of await deps.store.landlords.list()) {
    const run = landlordRun(deps, landlord, now, report);
    for (const [name, job] of JOBS) {
      try {
        await job(run);
      } catch (err) {
        // One job's failure (storage down, a bug) does not stop the others; the next run retries.
        const code = errorCode(err);
        report.errors.push({ job: name, landlordId: landlord.id, code });
        deps.log?.error({ job: name, landlordId: landlord.id, code }, 'job stopped with an error');
      }
    }
  }
  for (const e of report.entries) {
    if (e.outcome !== 'already-done') deps.log?.info({ job: e.job, key: e.key, outcome: e.outcome, ...e.detail }, 'job effect');
  }
  return report;
}
