/**
 * When sending fails: retried by the next runs, the coordinator alerted once when it keeps failing; an
 * error that will not pass (a refusal) is then left to a person, a passing one (unavailable) is tried
 * on. A Teams meeting that cannot be made does not stop the invitation (R13 on time, R16 link follows).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GraphCallError } from '../../../shared/graph/client';
import { parseMime } from '../../../shared/mail/mime';
import { jobKeys } from '../../../shared/jobs/keys';
import { runDueJobs } from '../../../shared/jobs/run-due-jobs';
import type { OutgoingMail } from '../../../shared/jobs/ports';
import { at, createJobsWorld, hours, type Instance, type JobsWorld } from './jobs-world';

const L = 'vivendo';
const M = '2026-11';
const key = jobKeys.invitationMail(L, 'de-vaart', M);
let world: JobsWorld;
let jobs: Instance;

beforeEach(async () => {
  world = await createJobsWorld();
  jobs = world.instance();
});

/** The mail sender fails for de-vaart's invitation with `error` while `failing()` says so. */
function failFor(error: () => Error, failing: () => boolean): string[] {
  const attempts: string[] = [];
  const real = jobs.deps.mail;
  jobs.deps.mail = {
    findSent: (m, k) => real.findSent(m, k),
    send: async (mail: OutgoingMail) => {
      if (mail.key === key && failing()) {
        attempts.push(mail.key);
        throw error();
      }
      return real.send(mail);
    },
  };
  return attempts;
}

const alerts = () => jobs.teams.of('alertCoordinator').map((m) => m.alert);

describe('failing effects', () => {
  it('a refusal (Graph 400) is tried 3 times, then the coordinator is alerted once and it is left to a person', async () => {
    const attempts = failFor(() => new GraphCallError(400, 'ErrorInvalidRecipients'), () => true);
    for (const now of hours('2026-11-19T07:00', '2026-11-19T13:00')) await runDueJobs(jobs.deps, now);
    expect(attempts).toHaveLength(3);
    expect(alerts()).toEqual([{ kind: 'job-failed', effectKey: key, reason: 'graph-400-ErrorInvalidRecipients' }]);
    expect(await world.store.exactlyOnce.get(key)).toMatchObject({ status: 'failed', attempts: 3 });
    // The other partners' invitations went out regardless.
    expect(jobs.sends.filter((k) => k.startsWith('mail|invitation|'))).toHaveLength(3);
  });

  it('unavailability (503) is alerted after 3 attempts and tried on; once it passes the mail goes out once', async () => {
    let down = true;
    const attempts = failFor(() => new GraphCallError(503, 'ServiceUnavailable'), () => down);
    for (const now of hours('2026-11-19T07:00', '2026-11-19T12:00')) await runDueJobs(jobs.deps, now);
    expect(attempts).toHaveLength(5);
    expect(alerts()).toHaveLength(1);
    down = false;
    await runDueJobs(jobs.deps, at('2026-11-19T12:00'));
    await runDueJobs(jobs.deps, at('2026-11-19T13:00'));
    expect(jobs.sends.filter((k) => k === key)).toHaveLength(1);
    expect(await world.store.exactlyOnce.get(key)).toMatchObject({ status: 'done', attempts: 6 });
  });

  it('R13, R16: when the Teams meeting cannot be made, the invitation still goes out on time and says the link follows', async () => {
    const real = jobs.deps.meetings;
    jobs.deps.meetings = {
      ensureMeeting: async (r) => (r.externalId.includes('de-vaart') ? Promise.reject(new GraphCallError(403, 'Forbidden')) : real.ensureMeeting(r)),
    };
    for (const now of hours('2026-11-19T07:00', '2026-11-19T11:00')) await runDueJobs(jobs.deps, now);
    expect(jobs.sends).toContain(key);
    expect(alerts()).toEqual([{ kind: 'job-failed', effectKey: jobKeys.meeting(L, 'de-vaart', M), reason: 'graph-403-Forbidden' }]);
    const sent = (await world.outbox.list()).find((e) => e.key === key);
    expect(sent?.date).toBe('2026-11-19T09:00:00Z'); // 10:00 in Brussels: after 3 attempts at 07:00, 08:00, 09:00
    const eml = parseMime(readFileSync(path.join(world.outbox.dir, sent?.file as string)));
    expect(eml.text).toContain('Het overleg vindt plaats in Microsoft Teams; de link om deel te nemen volgt.');
  });
});

