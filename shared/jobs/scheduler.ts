/**
 * Runs the due jobs inside the server process (croner, Europe/Brussels): every 15 minutes (00:00
 * included, the R15 deadline), and once shortly after start to catch up. It never blocks the start
 * and never overlaps itself; several instances may run it side by side (exactly-once keys).
 */
import { Cron } from 'croner';
import { PROTOCOL_TIME_ZONE } from '../rules/calendar';
import type { JobDeps, JobReport } from './context';
import { errorCode } from './effects';
import { runDueJobs } from './run-due-jobs';
import { instantOf } from './time';

export const SCHEDULE = '*/15 * * * *';

export interface Scheduler {
  /** Runs the due jobs now (unless a run is busy): tests and the first run after start. */
  runNow(): Promise<JobReport | undefined>;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  clock: () => Date;
  /** Delay of the catch-up run after start (ms); default 5 s, so the server answers first. */
  firstRunAfterMs?: number;
  pattern?: string;
}

export function startScheduler(deps: JobDeps, options: SchedulerOptions): Scheduler {
  let running: Promise<JobReport | undefined> | undefined;
  const tick = (): Promise<JobReport | undefined> => {
    if (running) return running.then(() => undefined);
    running = runDueJobs(deps, instantOf(options.clock()))
      .catch((err: unknown) => {
        deps.log?.error({ code: errorCode(err) }, 'scheduled run failed');
        return undefined;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const cron = new Cron(options.pattern ?? SCHEDULE, { timezone: PROTOCOL_TIME_ZONE, protect: true, catch: true, unref: true }, async () => {
    await tick();
  });
  const first = setTimeout(() => void tick(), options.firstRunAfterMs ?? 5_000);
  first.unref();
  return {
    runNow: tick,
    stop: async () => {
      clearTimeout(first);
      cron.stop();
      await running;
    },
  };
}
