/**
 * The scheduler in the server process: croner in Europe/Brussels every 15 minutes (00:00 included, the
 * R15 deadline), a catch-up run soon after start that never blocks it, no overlapping runs.
 */
import { Cron } from 'croner';
import { SCHEDULE, startScheduler } from '../../../shared/jobs/scheduler';
import { at, createJobsWorld } from './jobs-world';

describe('the scheduler', () => {
  it('R15: runs every 15 minutes in Brussels time, 00:00 included', () => {
    const next = new Cron(SCHEDULE, { timezone: 'Europe/Brussels', paused: true }).nextRuns(5, new Date(at('2026-11-25T23:20')));
    expect(next.map((d) => d.toISOString())).toEqual(['2026-11-25T22:30:00.000Z', '2026-11-25T22:45:00.000Z', '2026-11-25T23:00:00.000Z', '2026-11-25T23:15:00.000Z', '2026-11-25T23:30:00.000Z']);
  });

  it('starts without blocking, catches up soon after start with the clock as input, never overlaps, stops cleanly', async () => {
    const world = await createJobsWorld();
    const jobs = world.instance();
    const clock = () => new Date(at('2026-11-19T08:00'));
    const scheduler = startScheduler(jobs.deps, { clock, firstRunAfterMs: 10 });
    expect(jobs.sends).toEqual([]); // the start returned before any work
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [a, b] = await Promise.all([scheduler.runNow(), scheduler.runNow()]);
    await scheduler.stop();
    expect(jobs.sends.filter((k) => k.startsWith('mail|invitation|'))).toHaveLength(4);
    expect([a, b].filter((r) => r !== undefined).length).toBeLessThanOrEqual(1);
  });
});
