/**
 * Exactly once, for every effect of a job (DESIGN "Shape": several instances on one storage):
 *
 *   1. claim the effect's key in storage (an insert: one caller wins, on any instance),
 *   2. perform the effect (send the mail, create the meeting, post the card),
 *   3. mark the key done, with a small result (ids, the day it was sent).
 *
 * A crash between 1 and 3 leaves the key claimed. After the lease (JobSettings.leaseMs, longer than
 * any one send may take) another run takes the claim over, and then FIRST asks whether the effect
 * happened anyway (`recover`): a mail is looked up by its key (the outbox file, or the extended
 * property in the mailbox's Sent Items), a meeting is asked for again by its externalId (Graph's
 * createOrGet answers the same one). Only when nothing is found is it performed again. A Teams post
 * cannot be looked up from here: its key goes with it so the bot can post at most once per key;
 * without that, a crash in the milliseconds between posting and marking could repeat one card.
 *
 * A failed effect (an error answer) is marked failed and retried by the next runs, each retry again
 * asking first whether it happened. After `alertAfterAttempts` failures the coordinator is alerted
 * once; an error that will not pass by itself (Graph 4xx, invalid data, no address) is then left to a
 * person, a passing one (throttling, 5xx, network) is retried up to `maxAttempts`.
 */
import { isDomainError } from '../rules/errors';
import { brusselsDate } from '../rules/calendar';
import type { RenderedMail } from '../mail/layout';
import type { EffectOutcome, JobName, LandlordRun, ReportEntry } from './context';
import { jobKeys } from './keys';
import type { SentMail } from './ports';

export interface EffectSpec<T> {
  job: JobName;
  effect: string;
  key: string;
  partnerId?: string;
  month?: string;
  dossierNumber?: string;
  perform: () => Promise<T>;
  /** After a crash or a failure: the effect as it happened anyway, if it did. */
  recover?: () => Promise<T | undefined>;
  /** Small facts for the report (counts, flags): never addresses or text. */
  detail?: (result: T) => ReportEntry['detail'];
}

export interface EffectResult<T> {
  outcome: EffectOutcome;
  result?: T;
}

/** Settled: nothing more for a later run to do (done, or handed to a person). */
export const isSettled = (outcome: EffectOutcome): boolean => outcome === 'done' || outcome === 'recovered' || outcome === 'already-done' || outcome === 'gave-up';

/** An error's code for the once record and the logs: never its message (it can hold personal data). */
export function errorCode(err: unknown): string {
  // Graph adapter failures carry a status and Graph's code (shared/graph/client.ts).
  const graph = err as { name?: unknown; status?: unknown; code?: unknown };
  if (graph?.name === 'GraphCallError') return `graph-${String(graph.status)}-${String(graph.code)}`.slice(0, 100);
  if (isDomainError(err)) return err.code;
  if (err instanceof Error) return err.name || 'error';
  return 'error';
}

export async function once<T>(run: LandlordRun, spec: EffectSpec<T>): Promise<EffectResult<T>> {
  const store = run.deps.store.exactlyOnce;
  const { leaseMs, maxAttempts, alertAfterAttempts } = run.deps.settings;
  const report = (outcome: EffectOutcome, detail?: ReportEntry['detail']) =>
    run.report({
      job: spec.job,
      effect: spec.effect,
      key: spec.key,
      outcome,
      ...(spec.partnerId && { partnerId: spec.partnerId }),
      ...(spec.month && { month: spec.month }),
      ...(spec.dossierNumber && { dossierNumber: spec.dossierNumber }),
      ...(detail && { detail }),
    });

  const before = await store.get(spec.key);
  if (before?.status === 'done') {
    report('already-done');
    return { outcome: 'already-done', result: before.result as T };
  }
  if (before?.status === 'failed' && before.attempts >= alertAfterAttempts) {
    const reason = before.reason ?? 'error';
    await alertFailing(run, spec.job, spec.key, reason);
    if (isPermanent(reason) || before.attempts >= maxAttempts) {
      report('gave-up', { reason });
      return { outcome: 'gave-up' };
    }
  }
  if (!(await store.claim(spec.key, { now: run.now, leaseMs, reclaimFailed: true }))) {
    const current = await store.get(spec.key);
    if (current?.status === 'done') {
      report('already-done');
      return { outcome: 'already-done', result: current.result as T };
    }
    report('in-progress');
    return { outcome: 'in-progress' };
  }

  let result: T;
  let recovered = false;
  try {
    // `before` exists: an earlier attempt crashed or failed, and may still have happened.
    const found = before && spec.recover ? await spec.recover() : undefined;
    recovered = found !== undefined;
    result = found !== undefined ? found : await spec.perform();
  } catch (err) {
    const code = errorCode(err);
    await store.markFailed(spec.key, code);
    run.deps.log?.warn({ key: spec.key, code }, 'effect failed; a later run retries it');
    report('failed', { reason: code });
    return { outcome: 'failed' };
  }
  if (recovered) {
    await store.markDone(spec.key, result ?? null);
    run.deps.log?.warn({ key: spec.key, attempts: before?.attempts ?? 0 }, 'effect found done after an interrupted attempt');
    report('recovered', spec.detail?.(result));
    return { outcome: 'recovered', result };
  }
  await store.markDone(spec.key, result ?? null);
  report('done', spec.detail?.(result));
  return { outcome: 'done', result };
}

/** An error that the same request will meet again: a refusal, invalid data, nobody to write to. */
export function isPermanent(reason: string): boolean {
  const graph = /^graph-(\d{3})-/.exec(reason);
  if (graph) return graph[1] !== '408' && graph[1] !== '429' && (graph[1] as string).startsWith('4');
  return ['validation', 'not-found', 'forbidden', 'no-recipient'].includes(reason);
}

async function alertFailing(run: LandlordRun, job: JobName, effectKey: string, reason: string): Promise<void> {
  if (effectKey.startsWith('teams|alert|')) return; // an alert that cannot be delivered is not alerted about
  const key = jobKeys.failingAlert(effectKey);
  await once(run, {
    job,
    effect: 'failing-alert',
    key,
    perform: () => run.deps.teams.alertCoordinator({ landlordId: run.landlord.id, key, at: run.now, alert: { kind: 'job-failed', effectKey, reason } }),
  });
}

/** The result stored for a mail: its id and the day it went out (R16 counts working days from it). */
export interface MailResult extends SentMail {
  sentOn: string;
  recipients: number;
}

export interface MailSpec {
  job: JobName;
  effect: string;
  key: string;
  partnerId?: string;
  month?: string;
  dossierNumber?: string;
  /** Rendered only when the mail is really sent (not for a key that is done). */
  compose: () => Promise<{ to: string[]; mail: RenderedMail; reference?: string; inReplyTo?: string }>;
}

export function sendMailOnce(run: LandlordRun, spec: MailSpec): Promise<EffectResult<MailResult>> {
  const { compose, ...rest } = spec;
  return once<MailResult>(run, {
    ...rest,
    perform: async () => {
      const { to, mail, reference, inReplyTo } = await compose();
      const sent = await run.deps.mail.send({
        key: spec.key,
        from: run.from,
        to,
        ...mail,
        ...(reference && { reference }),
        ...(inReplyTo && { inReplyTo, references: [inReplyTo] }),
        date: run.now,
      });
      return { ...sent, sentOn: run.today, recipients: to.length };
    },
    recover: async () => {
      const sent = await run.deps.mail.findSent(run.from.address, spec.key);
      return sent && { ...sent, sentOn: sent.sentAt ? brusselsDate(sent.sentAt) : run.today, recipients: 0 };
    },
    detail: (r) => ({ recipients: r.recipients }),
  });
}

/**
 * A job's run for a month or a day: its key is marked done once every effect is settled, so later
 * runs skip the job without reading anything else. Until then each run goes through the effects
 * again; their own keys make that safe, also with two instances side by side.
 */
export async function jobRun(run: LandlordRun, job: JobName, key: string, work: () => Promise<boolean>): Promise<void> {
  const store = run.deps.store.exactlyOnce;
  if ((await store.get(key))?.status === 'done') {
    run.report({ job, effect: 'run', key, outcome: 'already-done' });
    return;
  }
  if (!(await work())) return;
  // leaseMs 0: a claim left by a run that crashed before marking is taken over at once.
  if (await store.claim(key, { now: run.now, leaseMs: 0 })) await store.markDone(key, { at: run.now });
}
