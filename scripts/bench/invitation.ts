/**
 * invitationRunMs and invitationRunStorageRequests: the invitation-day run (runDueJobs at the opening
 * hour of the next invitation day, R13) for all 50 partners on the benchmark's store. Teams sends go
 * to a recording publisher and are not counted (in the product the bot paces them within Teams'
 * limits, in the background); mails go to a file outbox in a temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_JOB_SETTINGS } from '../../shared/jobs/settings';
import { runDueJobs } from '../../shared/jobs/run-due-jobs';
import { atBrussels } from '../../shared/jobs/time';
import { nextOpenConsultation } from '../../shared/rules/calendar';
import type { Store } from '../../shared/store';
import { jobsRig } from './jobs';
import { LANDLORD } from './world';

export interface InvitationFigures {
  at: string;
  invitationRunMs: number;
  invitationRunStorageRequests: number;
  mails: number;
  teamsPosts: number;
  errors: number;
}

export async function measureInvitationRun(store: Store, now: string): Promise<InvitationFigures> {
  const month = nextOpenConsultation(now, { closingDays: [...LANDLORD.closingDays] });
  const at = atBrussels(month.invitationDate, DEFAULT_JOB_SETTINGS.dayStart);
  const dir = mkdtempSync(path.join(tmpdir(), 'wb-bench-jobs-'));
  try {
    const rig = jobsRig(store, dir);
    const before = store.requestCount();
    const started = performance.now();
    const report = await runDueJobs(rig.deps, at);
    const ms = Math.round(performance.now() - started);
    return {
      at,
      invitationRunMs: ms,
      invitationRunStorageRequests: store.requestCount() - before,
      mails: rig.sends.filter((k) => k.includes('invitation')).length,
      teamsPosts: rig.teams.posts.length,
      errors: report.errors.length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
